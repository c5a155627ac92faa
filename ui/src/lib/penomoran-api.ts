// Pengaturan → Penomoran Surat: calls into the desktop shell (loket-api numbering patterns).
import { call } from "./api";
import type { NumberPatternView } from "./types/NumberPatternView";
import type { PatternPage } from "./types/PatternPage";

export const penomoranApi = {
  page: () => call<PatternPage>("pola_halaman"),
  example: (pattern: NumberPatternView) => call<string>("pola_contoh", { pattern }),
  save: (pattern: NumberPatternView) => call<PatternPage>("pola_simpan", { pattern }),
};
