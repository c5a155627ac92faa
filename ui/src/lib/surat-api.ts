// The Surat section's calls into the desktop shell (loket-api letter workflow).
import { call } from "./api";
import type { AgendaLine } from "./types/AgendaLine";
import type { DraftView } from "./types/DraftView";
import type { LetterKindView } from "./types/LetterKindView";
import type { LetterQueues } from "./types/LetterQueues";
import type { PreviewView } from "./types/PreviewView";
import type { LetterContent } from "./surat";

export const suratApi = {
  kinds: () => call<LetterKindView[]>("surat_kinds"),
  queues: () => call<LetterQueues>("surat_queues"),
  show: (id: number) => call<DraftView>("surat_show", { id }),
  draft: (kind: string, caseId: number | null) =>
    call<DraftView>("surat_draft", { kind, caseId }),
  update: (id: number, content: LetterContent) =>
    call<DraftView>("surat_update", { id, content }),
  submit: (id: number) => call<DraftView>("surat_submit", { id }),
  paraf: (id: number) => call<DraftView>("surat_paraf", { id }),
  giveBack: (id: number, note: string) => call<DraftView>("surat_return", { id, note }),
  sign: (id: number) => call<DraftView>("surat_sign", { id }),
  void: (id: number, reason: string) => call<DraftView>("surat_void", { id, reason }),
  /** A ralat of the issued letter `nomor`: a new draft linked to it, with the reason. */
  ralat: (nomor: string, reason: string) => call<DraftView>("surat_ralat", { nomor, reason }),
  preview: (kind: string, content: LetterContent, nomor: string | null) =>
    call<PreviewView>("surat_preview", { kind, content, nomor }),
  pdf: (nomor: string) => call<string>("surat_pdf", { nomor }),
  /** Recent requests of this year from the buku agenda (area C), to answer one. */
  cases: (year: number) =>
    call<AgendaLine[]>("case_list", {
      filter: { year, from: "", to: "", service_id: "", unit_id: "", status: "", sifat: "", text: "", limit: 50 },
    }),
};
