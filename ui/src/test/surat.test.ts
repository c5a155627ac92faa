import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fieldText, fieldValue, when } from "../lib/surat";
import type { DraftView } from "../lib/types/DraftView";
import type { LetterFieldView } from "../lib/types/LetterFieldView";
import type { LetterKindView } from "../lib/types/LetterKindView";

const suratApi = vi.hoisted(() => ({
  kinds: vi.fn(),
  queues: vi.fn(),
  show: vi.fn(),
  draft: vi.fn(),
  update: vi.fn(),
  submit: vi.fn(),
  paraf: vi.fn(),
  giveBack: vi.fn(),
  sign: vi.fn(),
  void: vi.fn(),
  preview: vi.fn(),
  pdf: vi.fn(),
}));
vi.mock("../lib/surat-api", () => ({ suratApi }));
vi.mock("../lib/files", () => ({ openFile: vi.fn().mockResolvedValue(undefined) }));

import SuratPage from "../pages/surat/SuratPage.svelte";

const ruas: LetterFieldView = {
  key: "ruas",
  label: "ruas jaringan",
  kind: "tabel",
  required: true,
  columns: ["lokasi", "panjang", "metode"],
};

const kind: LetterKindView = {
  id: "rekomendasi_teknis_fo",
  label: "Surat Rekomendasi Teknis",
  layout: "korespondensi",
  fields: [{ key: "pemohon", label: "nama badan usaha pemohon", kind: "teks", required: true, columns: [] }, ruas],
};

function draft(over: Partial<DraftView> = {}): DraftView {
  return {
    id: 7,
    kind: "rekomendasi_teknis_fo",
    kind_label: "Surat Rekomendasi Teknis",
    status: "menunggu_paraf",
    status_label: "Menunggu paraf",
    case_id: 3,
    nomor: "500.12.4/1/DKIS/2026",
    content: {
      kertas: "a4",
      tanggal: "2026-03-03",
      sifat: "Biasa",
      lampiran: "-",
      hal: "Rekomendasi Teknis",
      kepada: ["PT Telekomunikasi Pesisir Utara"],
      di: "Tempat",
      tembusan: [],
      isi: { pemohon: "PT Telekomunikasi Pesisir Utara", ruas: [] },
      penandatangan: null,
    },
    chain: [
      { position_id: "kepala-bidang-aptika", position_title: "Kepala Bidang Aplikasi Informatika", role: "paraf", done: false, by_name: null, at: null },
      { position_id: "kepala-dinas", position_title: "Kepala Dinas", role: "tanda_tangan", done: false, by_name: null, at: null },
    ],
    prepared_by: "staf.fo",
    prepared_by_name: "Rina",
    warnings: [],
    note: "",
    events: [],
    issued: null,
    ralat: null,
    ralat_draft_id: null,
    actions: { edit: false, submit: false, paraf: true, give_back: true, sign: false, void: false, correct: false },
    created_at: "2026-03-03T09:00:00+07:00",
    updated_at: "2026-03-03T09:05:00+07:00",
    ...over,
  };
}

describe("isian surat", () => {
  it("turns table rows into text lines and back", () => {
    const rows = [{ lokasi: "Jalan Sultan Fatah", panjang: "1.200 meter", metode: "HDD" }];
    const text = fieldText(ruas, rows);
    expect(text, "one row a line, columns split by |").toBe("Jalan Sultan Fatah | 1.200 meter | HDD");
    expect(fieldValue(ruas, text + "\n\n"), "blank lines are dropped").toEqual(rows);
  });

  it("writes history moments the Indonesian way", () => {
    expect(when("2026-03-03T09:05:00+07:00"), "day month year hour.minute").toBe("3 Mar 2026 09.05");
  });
});

describe("halaman surat", () => {
  beforeEach(() => {
    for (const f of Object.values(suratApi)) f.mockReset();
    suratApi.kinds.mockResolvedValue([kind]);
  });

  it("lets the verifier whose turn it is initial the draft", async () => {
    const user = userEvent.setup();
    suratApi.show.mockResolvedValue(draft());
    suratApi.paraf.mockResolvedValue(
      draft({ status: "menunggu_tanda_tangan", status_label: "Menunggu tanda tangan", actions: { edit: false, submit: false, paraf: false, give_back: false, sign: false, void: false, correct: false } }),
    );
    render(SuratPage, { id: 7 });
    await user.click(await screen.findByTestId("paraf"));
    expect(suratApi.paraf, "the paraf goes to the draft shown").toHaveBeenCalledWith(7);
    await waitFor(() =>
      expect(screen.getByTestId("status-surat").textContent, "the new status shows").toContain(
        "Menunggu tanda tangan",
      ),
    );
    expect(screen.queryByTestId("paraf"), "no second paraf button").toBeNull();
  });

  it("returns the draft with the note typed in the dialog", async () => {
    const user = userEvent.setup();
    suratApi.show.mockResolvedValue(draft());
    suratApi.giveBack.mockResolvedValue(draft({ status: "dikembalikan", status_label: "Dikembalikan", note: "Lengkapi ruas" }));
    render(SuratPage, { id: 7 });
    await user.click(await screen.findByTestId("kembalikan"));
    await user.type(screen.getByTestId("isian-catatan"), "Lengkapi ruas");
    await user.click(screen.getByTestId("kirim-catatan"));
    expect(suratApi.giveBack, "the note goes with the return").toHaveBeenCalledWith(7, "Lengkapi ruas");
    expect(await screen.findByTestId("catatan-kembali"), "the note shows on the page").toBeTruthy();
  });

  it("shows the editor with a live preview to the preparer", async () => {
    suratApi.show.mockResolvedValue(
      draft({ status: "konsep", status_label: "Konsep", actions: { edit: true, submit: true, paraf: false, give_back: false, sign: false, void: true, correct: false } }),
    );
    suratApi.preview.mockResolvedValue({ pages: [], error: "Surat Rekomendasi Teknis: ruas jaringan belum diisi" });
    render(SuratPage, { id: 7 });
    expect(await screen.findByTestId("form-surat"), "the preparer edits a konsep").toBeTruthy();
    await waitFor(
      () =>
        expect(screen.getByTestId("galat-pratinjau").textContent, "the preview says what is missing").toContain(
          "ruas jaringan",
        ),
      { timeout: 2000 },
    );
    expect(suratApi.preview.mock.calls[0][0], "the preview renders the draft's kind").toBe("rekomendasi_teknis_fo");
  });
});
