import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { casePage } from "./requests-fixtures";

const requestsApi = vi.hoisted(() => ({
  dispose: vi.fn(),
  open: vi.fn(),
  reject: vi.fn(),
  attachmentOpen: vi.fn(),
}));
vi.mock("../lib/requests-api", () => ({ requestsApi }));
const files = vi.hoisted(() => ({ openFile: vi.fn() }));
vi.mock("../lib/files", () => files);
const skmApi = vi.hoisted(() => ({ questionnairePdf: vi.fn() }));
vi.mock("../lib/skm-api.svelte", () => ({ skmApi }));

import DisposeDialog from "../components/DisposeDialog.svelte";
import CasePage from "../pages/CasePage.svelte";

const page = casePage();

function dialog() {
  const onDone = vi.fn();
  const onClose = vi.fn();
  render(DisposeDialog, {
    caseId: 7,
    sifat: "segera",
    recipients: page.recipients,
    instructions: page.instructions,
    onDone,
    onClose,
  });
  return { onDone, onClose };
}

describe("dialog disposisi", () => {
  beforeEach(() => {
    requestsApi.dispose.mockReset();
    requestsApi.open.mockReset();
    requestsApi.reject.mockReset();
  });

  it("sends recipients, ticked instructions, note, batas waktu and sifat by keyboard", async () => {
    const user = userEvent.setup();
    requestsApi.dispose.mockResolvedValue({});
    const { onDone } = dialog();
    expect(document.activeElement, "focus starts on the first recipient").toBe(
      screen.getByTestId("tujuan-sekretaris"),
    );
    expect(
      screen.getByText("Jabatan lain di bawah Anda (1)"),
      "posts further down sit under a fold",
    ).toBeTruthy();
    await user.keyboard(" ");
    await user.click(screen.getAllByTestId("instruksi")[1]);
    await user.type(screen.getByTestId("catatan-disposisi"), "Mohon segera");
    await user.selectOptions(screen.getByTestId("sifat-disposisi"), "sangat_segera");
    await user.click(screen.getByTestId("kirim-disposisi"));
    expect(requestsApi.dispose, "the dialog's choices go to the API").toHaveBeenCalledWith({
      case_id: 7,
      to: ["sekretaris"],
      instructions: ["Proses lebih lanjut"],
      note: "Mohon segera",
      batas_waktu: "",
      sifat: "sangat_segera",
    });
    expect(onDone, "the page reloads after sending").toHaveBeenCalled();
  });

  it("shows the API's refusal (disposing upward) and stays open", async () => {
    const user = userEvent.setup();
    requestsApi.dispose.mockRejectedValue({
      code: "forbidden",
      message: "Sekretaris tidak dapat mendisposisikan ke atas kepada Kepala Dinas",
    });
    const { onDone } = dialog();
    await user.click(screen.getByTestId("tujuan-kepala-bidang-aptika"));
    await user.click(screen.getByTestId("kirim-disposisi"));
    expect((await screen.findByTestId("galat")).textContent, "the refusal is explained").toContain(
      "ke atas",
    );
    expect(onDone, "nothing was sent").not.toHaveBeenCalled();
  });

  it("closes with Escape", async () => {
    const user = userEvent.setup();
    const { onClose } = dialog();
    await user.keyboard("{Escape}");
    expect(onClose, "Esc closes the dialog").toHaveBeenCalled();
  });
});

describe("halaman permohonan", () => {
  it("offers only the allowed actions and opens the dispose dialog", async () => {
    const user = userEvent.setup();
    requestsApi.open.mockResolvedValue(page);
    render(CasePage, { id: 7, onBack: vi.fn() });
    await screen.findByTestId("judul-permohonan");
    for (const id of ["disposisikan", "laporkan", "ajukan-ttd", "tolak", "cetak-lembar"]) {
      expect(screen.queryByTestId(id), `${id} is offered`).not.toBeNull();
    }
    for (const id of ["verifikasi", "kembalikan", "tandatangani", "selesaikan"]) {
      expect(screen.queryByTestId(id), `${id} is not offered`).toBeNull();
    }
    expect(screen.getByTestId("status-tenggat").textContent, "deadline in words").toBe(
      "dalam batas",
    );
    await user.click(screen.getByTestId("disposisikan"));
    expect(screen.getByTestId("dialog-disposisi"), "the dialog opens").toBeTruthy();
  });

  it("rejects with a reason and shows a refusal", async () => {
    const user = userEvent.setup();
    requestsApi.open.mockResolvedValue(page);
    requestsApi.reject.mockRejectedValue({
      code: "bad_input",
      message: "alasan penolakan kosong",
    });
    render(CasePage, { id: 7, onBack: vi.fn() });
    await user.click(await screen.findByTestId("tolak"));
    expect(document.activeElement, "the reason field takes focus").toBe(
      screen.getByTestId("isian-aksi"),
    );
    await user.click(screen.getByTestId("kirim-aksi"));
    expect(requestsApi.reject, "the reason goes to the API").toHaveBeenCalledWith(7, "");
    expect((await screen.findByTestId("galat")).textContent, "the refusal is shown").toContain(
      "alasan penolakan kosong",
    );
  });
});

describe("kuesioner SKM untuk permohonan", () => {
  it("prints the questionnaire of this request and shows where it is saved", async () => {
    const user = userEvent.setup();
    requestsApi.open.mockResolvedValue(page);
    skmApi.questionnairePdf.mockResolvedValue("/data/keluaran/kuesioner-skm-0001-2026.pdf");
    render(CasePage, { id: 7, onBack: vi.fn() });
    await user.click(await screen.findByTestId("cetak-kuesioner-skm"));
    expect(skmApi.questionnairePdf, "the questionnaire names this request").toHaveBeenCalledWith(7);
    expect(
      (await screen.findByTestId("tersimpan")).textContent,
      "the saved file's place is shown",
    ).toContain("kuesioner-skm-0001-2026.pdf");
  });
});

describe("lampiran permohonan", () => {
  it("opens an attachment from the database: a copy is saved in keluaran/ and opened", async () => {
    const user = userEvent.setup();
    const withFile = structuredClone(page);
    withFile.case.attachments = [
      {
        id: 12n,
        name: "surat-permohonan.pdf",
        size: 20480n,
        media_type: "application/pdf",
        sha256: "ab".repeat(32),
        added_at: "2026-03-02T08:20:00+07:00",
      },
    ];
    requestsApi.open.mockResolvedValue(withFile);
    requestsApi.attachmentOpen.mockResolvedValue("/data/keluaran/surat-permohonan.pdf");
    render(CasePage, { id: 7, onBack: vi.fn() });
    await user.click(await screen.findByTestId("buka-lampiran-12"));
    expect(requestsApi.attachmentOpen, "the attachment is asked for by its id").toHaveBeenCalledWith(12);
    expect(files.openFile, "the saved copy opens in the system's viewer").toHaveBeenCalledWith(
      "/data/keluaran/surat-permohonan.pdf",
    );
    expect(
      (await screen.findByTestId("tersimpan")).textContent,
      "the copy's place is shown",
    ).toContain("surat-permohonan.pdf");
  });

  it("shows why an attachment cannot be opened (altered outside Loket)", async () => {
    const user = userEvent.setup();
    const withFile = structuredClone(page);
    withFile.case.attachments = [
      {
        id: 13n,
        name: "ktp.png",
        size: 2048n,
        media_type: "image/png",
        sha256: "cd".repeat(32),
        added_at: "2026-03-02T08:20:00+07:00",
      },
    ];
    requestsApi.open.mockResolvedValue(withFile);
    requestsApi.attachmentOpen.mockRejectedValue({
      code: "corrupt",
      message: "isi lampiran ktp.png permohonan 0007/2026 tidak cocok dengan SHA-256 yang tercatat",
    });
    render(CasePage, { id: 7, onBack: vi.fn() });
    await user.click(await screen.findByTestId("buka-lampiran-13"));
    expect((await screen.findByTestId("galat")).textContent, "the refusal is shown").toContain(
      "tidak cocok dengan SHA-256",
    );
  });
});
