// Pengaturan → Templat Surat: calls into the desktop shell (loket-api letter templates).
import { call } from "./api";
import type { TemplatePreview } from "./types/TemplatePreview";
import type { TemplateView } from "./types/TemplateView";

export const templatApi = {
  list: () => call<TemplateView[]>("templat_daftar"),
  text: (file: string) => call<string>("templat_teks", { file }),
  shipped: (file: string) => call<string>("templat_bawaan", { file }),
  preview: (kind: string, file: string, text: string) =>
    call<TemplatePreview>("templat_pratinjau", { kind, file, text }),
  save: (file: string, text: string) => call<TemplateView>("templat_simpan", { file, text }),
  reset: (file: string) => call<boolean>("templat_pulihkan", { file }),
};
