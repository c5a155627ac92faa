// The agenda book's plain helpers: the empty filter, choices, and how moments are shown.
import type { AgendaLine } from "./types/AgendaLine";
import type { CaseFilter } from "./types/CaseFilter";

/** Most lines the table shows at once (the export has them all). */
export const SHOWN = 500;

export function emptyFilter(year: number): CaseFilter {
  return { year, from: "", to: "", service_id: "", unit_id: "", status: "", sifat: "", text: "", limit: SHOWN };
}

/** This year and the nine before it, newest first. */
export function years(current: number): number[] {
  return Array.from({ length: 10 }, (_, i) => current - i);
}

export const statusOptions: [string, string][] = [
  ["diterima", "Diterima"],
  ["diverifikasi", "Diverifikasi"],
  ["didisposisi", "Didisposisi"],
  ["diproses", "Diproses"],
  ["menunggu_tanda_tangan", "Menunggu tanda tangan"],
  ["selesai", "Selesai"],
  ["dikembalikan", "Dikembalikan"],
  ["ditolak", "Ditolak"],
];

/** "2026-03-02T09:15:00+07:00" → "02/03/2026 09.15" (the office's wall time as stored). */
export function shortMoment(rfc3339: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(rfc3339);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}.${m[5]}` : rfc3339;
}

const finished = ["selesai", "ditolak"];

/** "lewat" past the deadline, "dekat" within a day of it, "" otherwise or when finished. */
export function dueState(line: AgendaLine, now: Date): string {
  if (!line.due_at || finished.includes(line.status)) return "";
  const left = new Date(line.due_at).getTime() - now.getTime();
  if (left < 0) return "lewat";
  return left < 24 * 3600 * 1000 ? "dekat" : "";
}

/** "2026-02-27" → "27/02/2026". */
export function shortDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

/** A typed date once it is whole (HH/BB/TTTT, HH-BB-TTTT or TTTT-BB-HH), else "". */
export function wholeDate(text: string): string {
  const t = text.trim();
  return /^\d{2}[/-]\d{2}[/-]\d{4}$|^\d{4}-\d{2}-\d{2}$/.test(t) ? t : "";
}
