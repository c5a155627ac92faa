// Survei Kepuasan Masyarakat, complaints and the evaluation (one loket-api use case each),
// the counter mode's lock, and the chart geometry the evaluation page draws as SVG.
import { call } from "./api";
import type { ComplaintEntry } from "./types/ComplaintEntry";
import type { ComplaintView } from "./types/ComplaintView";
import type { DraftView } from "./types/DraftView";
import type { Evaluation } from "./types/Evaluation";
import type { Questionnaire } from "./types/Questionnaire";
import type { SkmEntry } from "./types/SkmEntry";
import type { SkmResponseView } from "./types/SkmResponseView";

export const skmApi = {
  questionnaire: () => call<Questionnaire>("skm_questionnaire"),
  record: (entry: SkmEntry) => call<SkmResponseView>("skm_record", { entry }),
  list: (period: string) => call<SkmResponseView[]>("skm_list", { period }),
  complaintRegister: (entry: ComplaintEntry) =>
    call<ComplaintView>("complaint_register", { entry }),
  complaintAnswer: (id: number, answer: string) =>
    call<ComplaintView>("complaint_answer", { id, answer }),
  complaintList: (period: string) => call<ComplaintView[]>("complaint_list", { period }),
  evaluation: (period: string) => call<Evaluation>("evaluation_report", { period }),
  /** Saves the evaluation as Excel in `keluaran/`; returns the file's path. */
  exportXlsx: (period: string) => call<string>("evaluation_export_xlsx", { period }),
  /** Saves the evaluation as a PDF report (draft to sign) in `keluaran/`; returns the path. */
  exportPdf: (period: string) => call<string>("evaluation_export_pdf", { period }),
  /** Starts the numbered letter of the evaluation (figures frozen), signed through Surat. */
  draft: (period: string) => call<DraftView>("evaluation_draft", { period }),
  /** Saves the printable questionnaire (blank, or for request `id`) in `keluaran/`; returns the path. */
  questionnairePdf: (id: number | null = null) => call<string>("skm_questionnaire_pdf", { case: id }),
};

/** "82,64" (Indonesian decimal comma), "—" without a value. */
export function angka(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined) return "—";
  return x.toLocaleString("id-ID", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The quarter of a day as "2026-T1". */
export function quarterOf(d: Date): string {
  return `${d.getFullYear()}-T${Math.floor(d.getMonth() / 3) + 1}`;
}

/** The period choices around `today`: this year's quarters and semesters, this and last year. */
export function periodChoices(today: Date): { value: string; label: string }[] {
  const y = today.getFullYear();
  const roman = ["I", "II", "III", "IV"];
  const out: { value: string; label: string }[] = [];
  for (const year of [y, y - 1]) {
    for (let q = 1; q <= 4; q++) out.push({ value: `${year}-T${q}`, label: `Triwulan ${roman[q - 1]} ${year}` });
    for (let s = 1; s <= 2; s++) out.push({ value: `${year}-S${s}`, label: `Semester ${roman[s - 1]} ${year}` });
    out.push({ value: `${year}`, label: `Tahun ${year}` });
  }
  return out;
}

/** The colour class of a grade. */
export function gradeColour(grade: string | null | undefined): string {
  switch (grade) {
    case "A":
      return "hijau";
    case "B":
      return "biru";
    case "C":
      return "kuning";
    case "D":
      return "merah";
    default:
      return "";
  }
}

export type Bar = { label: string; value: number; x: number; y: number; width: number; height: number };

/** Horizontal bars for `values` on `[min, max]` in a box `width` wide, `rowHeight` per bar. */
export function bars(
  items: { label: string; value: number }[],
  min: number,
  max: number,
  width: number,
  rowHeight: number,
): Bar[] {
  const span = max - min || 1;
  return items.map((it, i) => {
    const v = Math.min(Math.max(it.value, min), max);
    return {
      label: it.label,
      value: it.value,
      x: 0,
      y: i * rowHeight,
      width: ((v - min) / span) * width,
      height: rowHeight * 0.7,
    };
  });
}

/** The points of a line over `values` (null: no point) in a `width` × `height` box, 25–100. */
export function linePoints(
  values: (number | null)[],
  width: number,
  height: number,
  min = 25,
  max = 100,
): { x: number; y: number; value: number; index: number }[] {
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const out: { x: number; y: number; value: number; index: number }[] = [];
  values.forEach((v, i) => {
    if (v === null) return;
    const x = values.length > 1 ? i * step : width / 2;
    const y = height - ((Math.min(Math.max(v, min), max) - min) / (max - min)) * height;
    out.push({ x, y, value: v, index: i });
  });
  return out;
}

// Counter mode: while on, the window shows only the questionnaire; leaving needs the
// password of the staff member signed in. Kept in localStorage so a reload stays locked.
const KEY = "loket.skm.loket";

export const counter = $state<{ on: boolean; login: string }>(
  (() => {
    try {
      const saved = JSON.parse(localStorage.getItem(KEY) ?? "null");
      if (saved && typeof saved.login === "string") return { on: Boolean(saved.on), login: saved.login };
    } catch {
      /* nothing saved */
    }
    return { on: false, login: "" };
  })(),
);

export function startCounter(login: string): void {
  counter.on = true;
  counter.login = login;
  localStorage.setItem(KEY, JSON.stringify({ on: true, login }));
}

export function stopCounter(): void {
  counter.on = false;
  localStorage.removeItem(KEY);
}
