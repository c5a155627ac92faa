// Kotak Masuk, the case page, the dispose dialog and the lembar disposisi. Every action
// returns nothing useful to the page: it reloads the case page (`open`) afterwards.
import { call } from "./api";
import type { CasePage } from "./types/CasePage";
import type { KotakMasuk } from "./types/KotakMasuk";

/** What the dispose dialog sends; ids are plain numbers on the wire. */
export type DispatchForm = {
  case_id: number;
  to: string[];
  instructions: string[];
  note: string;
  batas_waktu: string;
  sifat: string;
};

export const requestsApi = {
  kotakMasuk: () => call<KotakMasuk>("kotak_masuk"),
  open: (id: number) => call<CasePage>("case_open", { id }),
  verify: (id: number, met: number[]) => call<unknown>("case_verify", { id, met }),
  giveBack: (id: number, missing: number[]) => call<unknown>("case_give_back", { id, missing }),
  resubmit: (id: number) => call<unknown>("case_resubmit", { id }),
  reject: (id: number, reason: string) => call<unknown>("case_reject", { id, reason }),
  step: (id: number, number: number, note: string) =>
    call<unknown>("case_step", { id, number, note }),
  attach: (id: number, name: string, bytes: number[]) =>
    call<number>("case_attach_file", { id, name, bytes }),
  awaitSignature: (id: number) => call<unknown>("case_await_signature", { id }),
  sign: (id: number) => call<unknown>("case_sign", { id }),
  dispose: (dispatch: DispatchForm) => call<unknown>("disposition_send", { dispatch }),
  report: (id: number, report: string) => call<unknown>("disposition_report", { id, report }),
  complete: (id: number, report: string) =>
    call<unknown>("disposition_complete", { id, report: report.trim() || null }),
  withdraw: (id: number) => call<unknown>("disposition_withdraw", { id }),
  lembarPdf: (id: number) => call<string>("lembar_disposisi_pdf", { id }),
  /** Saves a copy of attachment `id` (read from the database) in keluaran/; returns its path. */
  attachmentOpen: (id: number) => call<string>("case_attachment_open", { id }),
};
