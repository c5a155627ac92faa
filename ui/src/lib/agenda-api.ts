// Area C: the register form and the buku agenda surat masuk.
import { api as core, call } from "./api";
import type { AgendaLine } from "./types/AgendaLine";
import type { ApplicantView } from "./types/ApplicantView";
import type { CaseFilter } from "./types/CaseFilter";
import type { CaseView } from "./types/CaseView";
import type { NewCase } from "./types/NewCase";
import type { OfficeProfileView } from "./types/OfficeProfileView";
import type { ServiceDetail } from "./types/ServiceDetail";
import type { ServiceSummary } from "./types/ServiceSummary";
import type { Upload } from "./types/Upload";

/** A file chosen in the form, read into memory with its SHA-256. */
export type ChosenFile = { name: string; size: number; bytes: number[]; sha256: string };

/** Reads a chosen file and computes its SHA-256 (the API checks it again). */
export async function readFile(file: File): Promise<ChosenFile> {
  const buffer = await file.arrayBuffer();
  const digest = await crypto.subtle.digest("SHA-256", buffer);
  const sha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return { name: file.name, size: file.size, bytes: [...new Uint8Array(buffer)], sha256 };
}

export const agendaApi = {
  services: () => core.catalogList(""),
  service: (id: string) => core.catalogShow(id),
  office: () => core.officeView(),
  applicants: () => call<ApplicantView[]>("case_applicants"),
  register: (form: NewCase, files: ChosenFile[]) =>
    call<CaseView>("case_register", {
      new: form,
      uploads: files.map<Upload>((f) => ({ name: f.name, bytes: f.bytes, sha256: f.sha256 })),
    }),
  list: (filter: CaseFilter) => call<AgendaLine[]>("case_list", { filter }),
  exportFile: (filter: CaseFilter, excel: boolean) =>
    call<string>("agenda_export", { filter, excel }),
};

export type { AgendaLine, ApplicantView, CaseFilter, OfficeProfileView, ServiceDetail, ServiceSummary };
