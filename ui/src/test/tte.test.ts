import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DraftView } from "../lib/types/DraftView";
import type { SignerCertificateView } from "../lib/types/SignerCertificateView";

const signerApi = vi.hoisted(() => ({ list: vi.fn(), roots: vi.fn(), add: vi.fn(), trust: vi.fn(), signLetter: vi.fn() }));
const accountsApi = vi.hoisted(() => ({ list: vi.fn() }));
const suratApi = vi.hoisted(() => ({ show: vi.fn(), kinds: vi.fn(), sign: vi.fn(), pdf: vi.fn() }));
vi.mock("../lib/signer-api", async (orig) => ({ ...(await orig<typeof import("../lib/signer-api")>()), signerApi }));
vi.mock("../lib/accounts-api", () => ({ accountsApi }));
vi.mock("../lib/surat-api", () => ({ suratApi }));
vi.mock("../lib/files", () => ({ openFile: vi.fn().mockResolvedValue(undefined) }));

import TandaTangan from "../pages/tte/TandaTangan.svelte";
import SuratPage from "../pages/surat/SuratPage.svelte";

const kepala = { id: "kepala.dinas", name: "Drs. Hartono, M.Si.", nip: "197001011990031001", active: true };
const certificate: SignerCertificateView = {
  id: 1,
  account_id: "kepala.dinas",
  account_name: "Drs. Hartono, M.Si.",
  subject: "CN=Drs. Hartono, serialNumber=197001011990031001",
  issuer: "CN=BSrE Uji",
  issuer_name: "Balai Sertifikasi Elektronik (uji)",
  serial_number: "197001011990031001",
  not_before: "2026-01-01T00:00:00Z",
  not_after: "2026-12-20T00:00:00Z",
  names_nip: true,
  fingerprint: "ab".repeat(32),
  state: "segera kedaluwarsa",
  working_days_left: 12,
  registered_by: "admin",
  registered_at: "2026-01-05T02:00:00Z",
};
const p12 = () => new File([new Uint8Array([48, 130, 1, 2])], "kepala.p12", { type: "application/x-pkcs12" });

describe("Pengaturan → Tanda Tangan Elektronik", () => {
  beforeEach(() => {
    Object.values(signerApi).forEach((f) => f.mockReset());
    accountsApi.list.mockReset().mockResolvedValue([kepala]);
    signerApi.roots.mockResolvedValue([]);
  });

  it("lists certificates with their state, working days left and NIP match", async () => {
    signerApi.list.mockResolvedValue([certificate]);
    render(TandaTangan);
    const row = await screen.findByTestId("baris-sertifikat");
    expect(row.textContent, "the signer and issuer are named").toContain("Balai Sertifikasi Elektronik (uji)");
    expect(screen.getByTestId("keadaan-sertifikat").textContent, "an expiring certificate says so").toBe(
      "segera kedaluwarsa",
    );
    expect(screen.getByTestId("sisa-hari").textContent, "working days left are shown").toContain("12 hari kerja");
    expect(screen.getByTestId("cocok-nip").textContent, "the NIP match is shown").toContain("sesuai NIP/NIK");
    expect(screen.getByTestId("tanpa-akar"), "no trusted root yet is said").toBeTruthy();
  });

  it("registers a .p12 for the chosen person with the typed passphrase and forgets it", async () => {
    const user = userEvent.setup();
    signerApi.list.mockResolvedValueOnce([]).mockResolvedValue([certificate]);
    signerApi.add.mockResolvedValue(certificate);
    render(TandaTangan);
    await user.click(await screen.findByTestId("daftarkan-sertifikat"));
    await user.upload(screen.getByTestId("berkas-p12"), p12());
    await user.type(screen.getByTestId("sandi-p12"), "rahasia");
    await user.click(screen.getByTestId("simpan-tte"));
    await waitFor(() =>
      expect(signerApi.add, "the file's bytes and passphrase go to the chosen account").toHaveBeenCalledWith(
        "kepala.dinas",
        [48, 130, 1, 2],
        "rahasia",
      ),
    );
    expect((await screen.findByTestId("pesan-tte")).textContent, "the registration is confirmed").toContain(
      "Drs. Hartono",
    );
    expect(screen.queryByTestId("sandi-p12"), "the form with the passphrase is gone").toBeNull();
    expect(await screen.findByTestId("baris-sertifikat"), "the list shows the new certificate").toBeTruthy();
  });

  it("shows the refusal of a wrong passphrase and keeps the form open", async () => {
    const user = userEvent.setup();
    signerApi.list.mockResolvedValue([]);
    signerApi.add.mockRejectedValue({ code: "bad_input", message: "kata sandi sertifikat salah" });
    render(TandaTangan);
    await user.click(await screen.findByTestId("daftarkan-sertifikat"));
    await user.upload(screen.getByTestId("berkas-p12"), p12());
    await user.type(screen.getByTestId("sandi-p12"), "keliru");
    await user.click(screen.getByTestId("simpan-tte"));
    expect((await screen.findByTestId("galat")).textContent, "the refusal is shown").toContain("kata sandi");
    expect((screen.getByTestId("sandi-p12") as HTMLInputElement).value, "the passphrase is not kept").toBe("");
    expect(screen.getByTestId("tanpa-sertifikat"), "nothing was registered").toBeTruthy();
  });

  it("refuses to send without a file", async () => {
    const user = userEvent.setup();
    signerApi.list.mockResolvedValue([]);
    render(TandaTangan);
    await user.click(await screen.findByTestId("percayai-akar"));
    await user.click(screen.getByTestId("simpan-tte"));
    expect((await screen.findByTestId("galat")).textContent, "the missing file is named").toContain("PEM");
    expect(signerApi.trust, "nothing is sent without a file").not.toHaveBeenCalled();
  });
});

function draft(over: Partial<DraftView> = {}): DraftView {
  return {
    id: 9,
    kind: "surat_balasan",
    kind_label: "Surat balasan",
    status: "menunggu_tanda_tangan",
    status_label: "Menunggu tanda tangan",
    case_id: null,
    nomor: "000.8.3.3/001/DKIS/2026",
    content: {
      kertas: "a4",
      tanggal: "2026-03-03",
      sifat: "Biasa",
      lampiran: "-",
      hal: "Balasan",
      kepada: ["PT Contoh"],
      di: "Tempat",
      tembusan: [],
      isi: {},
      penandatangan: null,
    },
    chain: [],
    prepared_by: "staf",
    prepared_by_name: "Rina",
    warnings: [],
    note: "",
    events: [],
    issued: null,
    ralat: null,
    ralat_draft_id: null,
    actions: { edit: false, submit: false, paraf: false, give_back: true, sign: true, void: false, correct: false },
    created_at: "2026-03-03T09:00:00+07:00",
    updated_at: "2026-03-03T09:05:00+07:00",
    ...over,
  } as DraftView;
}

describe("surat: tanda tangan elektronik", () => {
  beforeEach(() => {
    Object.values(signerApi).forEach((f) => f.mockReset());
    Object.values(suratApi).forEach((f) => f.mockReset());
    suratApi.kinds.mockResolvedValue([]);
    suratApi.show.mockResolvedValue(draft());
  });

  it("a wrong passphrase shows the refusal and issues nothing", async () => {
    const user = userEvent.setup();
    signerApi.signLetter.mockRejectedValue({ code: "bad_input", message: "kata sandi sertifikat salah" });
    render(SuratPage, { id: 9 });
    expect(await screen.findByTestId("tanda-tangan"), "signing by hand stays possible").toBeTruthy();
    await user.click(screen.getByTestId("tanda-tangan-tte"));
    await user.upload(screen.getByTestId("tte-berkas"), p12());
    await user.type(screen.getByTestId("tte-sandi"), "keliru");
    await user.click(screen.getByTestId("tte-kirim"));
    const box = await screen.findByTestId("galat");
    expect(box.textContent, "the refusal is shown in the dialog").toContain("belum ditandatangani");
    expect(box.textContent, "the reason is shown").toContain("kata sandi sertifikat salah");
    expect(screen.getByTestId("status-surat").textContent, "the letter still waits").toContain(
      "Menunggu tanda tangan",
    );
    expect(suratApi.sign, "no signature by hand happens instead").not.toHaveBeenCalled();
  });

  it("the right passphrase issues the letter with the certificate", async () => {
    const user = userEvent.setup();
    signerApi.signLetter.mockResolvedValue(
      draft({ status: "terbit", status_label: "Terbit", actions: { edit: false, submit: false, paraf: false, give_back: false, sign: false, void: false, correct: false } }),
    );
    render(SuratPage, { id: 9 });
    await user.click(await screen.findByTestId("tanda-tangan-tte"));
    await user.upload(screen.getByTestId("tte-berkas"), p12());
    await user.type(screen.getByTestId("tte-sandi"), "rahasia");
    await user.click(screen.getByTestId("tte-kirim"));
    await waitFor(() =>
      expect(signerApi.signLetter, "the letter, file bytes and passphrase are sent").toHaveBeenCalledWith(
        9,
        [48, 130, 1, 2],
        "rahasia",
      ),
    );
    await waitFor(() =>
      expect(screen.getByTestId("status-surat").textContent, "the letter is issued").toContain("Terbit"),
    );
    expect(screen.queryByTestId("dialog-tte"), "the dialog closes").toBeNull();
  });
});

describe("Pengaturan → Tanda Tangan Elektronik: akar (CA)", () => {
  const root = (subject: string) => ({
    subject,
    not_after: "2040-01-01T00:00:00Z",
    fingerprint: subject.padEnd(64, "0"),
    imported_by: "admin",
    imported_at: "2026-01-05T02:00:00Z",
  });

  beforeEach(() => {
    Object.values(signerApi).forEach((f) => f.mockReset());
    accountsApi.list.mockReset().mockResolvedValue([kepala]);
    signerApi.list.mockResolvedValue([]);
  });

  it("trusts a PEM root and lists it next to the earlier ones", async () => {
    const user = userEvent.setup();
    signerApi.roots.mockResolvedValueOnce([root("CN=Lama")]).mockResolvedValue([root("CN=Lama"), root("CN=Baru")]);
    signerApi.trust.mockResolvedValue([root("CN=Baru")]);
    render(TandaTangan);
    await user.click(await screen.findByTestId("percayai-akar"));
    await user.upload(screen.getByTestId("berkas-akar"), new File(["-----BEGIN CERTIFICATE-----"], "ca.pem"));
    await user.click(screen.getByTestId("simpan-tte"));
    expect((await screen.findByTestId("pesan-tte")).textContent, "the new root is named").toContain("CN=Baru");
    const list = screen.getByTestId("daftar-akar").textContent ?? "";
    expect(list, "the earlier root stays listed").toContain("CN=Lama");
    expect(list, "the new root is listed").toContain("CN=Baru");
  });

  it("says so when the root was already trusted", async () => {
    const user = userEvent.setup();
    signerApi.roots.mockResolvedValue([root("CN=Lama")]);
    signerApi.trust.mockResolvedValue([]);
    render(TandaTangan);
    await user.click(await screen.findByTestId("percayai-akar"));
    await user.upload(screen.getByTestId("berkas-akar"), new File(["x"], "ca.pem"));
    await user.click(screen.getByTestId("simpan-tte"));
    expect((await screen.findByTestId("pesan-tte")).textContent, "nothing added is said").toContain(
      "sudah dipercaya",
    );
  });
});
