// Pengaturan → Persiapan Kantor (the first-run checklist) and the officials of Profil Kantor:
// calls into the desktop shell; loket-api checks the administrator role and audits each change.
import { call } from "./api";
import type { NumberPatternView } from "./types/NumberPatternView";
import type { OfficialForm } from "./types/OfficialForm";
import type { OfficialsPage } from "./types/OfficialsPage";
import type { PaperSetting } from "./types/PaperSetting";
import type { PatternPage } from "./types/PatternPage";
import type { PatternProposal } from "./types/PatternProposal";
import type { Readiness } from "./types/Readiness";
import type { ResourceForm } from "./types/ResourceForm";
import type { ResourceProposal } from "./types/ResourceProposal";
import type { ResourceView } from "./types/ResourceView";
import type { TemplateView } from "./types/TemplateView";

export const persiapanApi = {
  readiness: () => call<Readiness>("kesiapan_kantor"),
  officials: () => call<OfficialsPage>("pejabat_daftar"),
  saveOfficial: (form: OfficialForm) => call<OfficialsPage>("pejabat_simpan", { form }),
  clearOfficial: (positionId: string) => call<OfficialsPage>("pejabat_hapus", { positionId }),
  paper: () => call<PaperSetting>("kertas_kantor"),
  savePaper: (kertas: string) => call<PaperSetting>("kertas_simpan", { kertas }),
  saveEmblem: (name: string, bytes: number[]) => call<TemplateView>("lambang_simpan", { name, bytes }),
  patternProposals: () => call<PatternProposal[]>("usulan_pola"),
  savePatterns: (patterns: NumberPatternView[]) => call<PatternPage>("pola_simpan_semua", { patterns }),
  resourceProposals: () => call<ResourceProposal[]>("usulan_sumber_daya"),
  saveResources: (forms: ResourceForm[]) => call<ResourceView[]>("sumber_daya_simpan_semua", { forms }),
};
