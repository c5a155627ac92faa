import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DraftView } from "../lib/types/DraftView";
import type { IssuedLetterView } from "../lib/types/IssuedLetterView";
import type { LetterQueues } from "../lib/types/LetterQueues";

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
  ralat: vi.fn(),
  preview: vi.fn(),
  pdf: vi.fn(),
}));
vi.mock("../lib/surat-api", () => ({ suratApi }));
vi.mock("../lib/files", () => ({ openFile: vi.fn().mockResolvedValue(undefined) }));
const router = vi.hoisted(() => ({ go: vi.fn() }));
vi.mock("../lib/router.svelte", () => router);

import SuratDaftar from "../pages/surat/SuratDaftar.svelte";
import SuratPage from "../pages/surat/SuratPage.svelte";

const ASLI = "500.12.4/1/DKIS/2026";
const RALAT = "500.12.4/2/DKIS/2026";

function issued(over: Partial<IssuedLetterView> = {}): IssuedLetterView {
  return {
    id: 1,
    nomor: ASLI,
    kind: "rekomendasi_teknis_fo",
    kind_label: "Surat Rekomendasi Teknis",
    tanggal: "2026-03-03",
    tanggal_words: "3 Maret 2026",
    hal: "Rekomendasi Teknis",
    kepada: "PT Telekomunikasi Pesisir Utara",
    signer: "Pegawai kadis",
    case_id: "3",
    pdf_sha256: "a".repeat(64),
    content_sha256: "b".repeat(64),
    issued_at: "2026-03-03T10:00:00+07:00",
    issued_by: "kadis",
    draft_id: 7,
    replaces: null,
    correction_reason: null,
    replaced_by: null,
    ...over,
  };
}

const noActions = { edit: false, submit: false, paraf: false, give_back: false, sign: false, void: false, correct: false };

function draft(over: Partial<DraftView> = {}): DraftView {
  return {
    id: 7,
    kind: "rekomendasi_teknis_fo",
    kind_label: "Surat Rekomendasi Teknis",
    status: "terbit",
    status_label: "Terbit",
    case_id: 3,
    nomor: ASLI,
    content: {
      kertas: "a4",
      tanggal: "2026-03-03",
      sifat: "Biasa",
      lampiran: "-",
      hal: "Rekomendasi Teknis",
      kepada: ["PT Telekomunikasi Pesisir Utara"],
      di: "Tempat",
      tembusan: [],
      isi: {},
      penandatangan: null,
    },
    chain: [],
    prepared_by: "staf.fo",
    prepared_by_name: "Rina",
    warnings: [],
    note: "",
    events: [],
    issued: issued(),
    ralat: null,
    ralat_draft_id: null,
    actions: { ...noActions, correct: true },
    created_at: "2026-03-03T09:00:00+07:00",
    updated_at: "2026-03-03T10:00:00+07:00",
    ...over,
  };
}

const ralatDraft = draft({
  id: 12,
  status: "konsep",
  status_label: "Konsep",
  nomor: RALAT,
  issued: null,
  ralat: {
    replaces: { id: 1, nomor: ASLI, tanggal_words: "3 Maret 2026", draft_id: 7 },
    reason: "Panjang ruas salah ketik",
  },
  actions: { ...noActions, edit: false },
});

describe("ralat surat terbit", () => {
  beforeEach(() => {
    for (const f of Object.values(suratApi)) f.mockReset();
    router.go.mockReset();
    suratApi.kinds.mockResolvedValue([]);
  });

  it("asks the reason, makes the ralat and opens the new draft", async () => {
    const user = userEvent.setup();
    suratApi.show.mockResolvedValue(draft());
    suratApi.ralat.mockResolvedValue(ralatDraft);
    render(SuratPage, { id: 7 });
    await user.click(await screen.findByTestId("ralat"));
    const dialog = screen.getByTestId("dialog-catatan");
    expect(dialog.textContent, "the dialog asks for the reason of the ralat").toContain("Alasan ralat");
    await user.type(screen.getByTestId("isian-catatan"), "Panjang ruas salah ketik");
    await user.click(screen.getByTestId("kirim-catatan"));
    expect(suratApi.ralat, "the ralat is made for the issued letter's number with the reason").toHaveBeenCalledWith(
      ASLI,
      "Panjang ruas salah ketik",
    );
    await waitFor(() =>
      expect(router.go, "the window moves to the new draft").toHaveBeenCalledWith({ section: "surat", id: "12" }),
    );
    expect(
      (await screen.findByTestId("ralat-atas")).textContent,
      "the new draft says which letter it replaces and why",
    ).toContain(`Menggantikan surat nomor ${ASLI}`);
  });

  it("offers no ralat when it is not allowed", async () => {
    suratApi.show.mockResolvedValue(draft({ actions: noActions }));
    render(SuratPage, { id: 7 });
    await screen.findByTestId("status-surat");
    expect(screen.queryByTestId("ralat"), "the Ralat button shows only when the account may start one").toBeNull();
  });

  it("shows on the original that it was replaced, with a link to the ralat", async () => {
    const user = userEvent.setup();
    suratApi.show.mockResolvedValue(
      draft({
        actions: noActions,
        issued: issued({ replaced_by: { id: 2, nomor: RALAT, tanggal_words: "5 Maret 2026", draft_id: 12 } }),
      }),
    );
    render(SuratPage, { id: 7 });
    const box = await screen.findByTestId("diganti-dengan");
    expect(box.textContent, "the original names its replacement").toContain(`Diganti dengan surat nomor ${RALAT}`);
    await user.click(screen.getByTestId("buka-pengganti"));
    expect(router.go, "the link opens the ralat's page").toHaveBeenCalledWith({ section: "surat", id: "12" });
  });

  it("marks both letters in the outgoing agenda", async () => {
    const user = userEvent.setup();
    const queues: LetterQueues = {
      paraf: [],
      sign: [],
      mine: [],
      issued: [
        issued({
          id: 2,
          nomor: RALAT,
          draft_id: 12,
          replaces: { id: 1, nomor: ASLI, tanggal_words: "3 Maret 2026", draft_id: 7 },
          correction_reason: "Panjang ruas salah ketik",
        }),
        issued({ replaced_by: { id: 2, nomor: RALAT, tanggal_words: "5 Maret 2026", draft_id: 12 } }),
      ],
    };
    suratApi.queues.mockResolvedValue(queues);
    render(SuratDaftar);
    await user.click(await screen.findByTestId("tab-issued"));
    const rows = screen.getAllByTestId("baris-agenda");
    expect(rows.length, "both letters stay in the agenda").toBe(2);
    expect(
      within(rows[0]).getByTestId("agenda-menggantikan").textContent,
      "the ralat says which letter it replaces",
    ).toContain(`menggantikan ${ASLI}`);
    expect(
      within(rows[1]).getByTestId("agenda-diganti").textContent,
      "the original says which letter replaced it",
    ).toContain(`Diganti dengan ${RALAT}`);
  });
});
