// The letter's content as the form edits it, and the conversions between the form's text
// boxes and the JSON the letter templates read.
import type { LetterFieldView } from "./types/LetterFieldView";

export type Signatory = { jabatan: string; nama: string; pangkat: string; nip: string };

/** What the preparer writes (mirror of loket-letters' LetterContent). */
export type LetterContent = {
  kertas: "a4" | "f4";
  tanggal: string | null;
  sifat: string;
  lampiran: string;
  hal: string;
  kepada: string[];
  di: string;
  tembusan: string[];
  isi: Record<string, unknown>;
  penandatangan: Signatory | null;
  /** Set by Loket on a ralat only: the letter it replaces (never typed). */
  ralat?: { nomor: string; tanggal: string; alasan: string } | null;
};

export const SIFAT = [
  "Biasa",
  "Penting",
  "Segera",
  "Sangat Segera",
  "Rahasia",
  "Sangat Rahasia",
  "Terbatas",
];

/** Lines of a text box, trimmed, empty ones dropped. */
export function lines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** The text box for a field's value. Tables are one row a line, columns split by " | ". */
export function fieldText(field: LetterFieldView, value: unknown): string {
  if (value === null || value === undefined) return "";
  switch (field.kind) {
    case "daftar":
      return Array.isArray(value) ? value.map(String).join("\n") : String(value);
    case "tabel":
      return Array.isArray(value)
        ? value
            .map((row) =>
              field.columns.map((c) => String((row as Record<string, unknown>)[c] ?? "")).join(" | "),
            )
            .join("\n")
        : "";
    case "bilangan":
      return value === "" ? "" : String(value);
    default:
      return typeof value === "string" ? value : String(value);
  }
}

/** The value a field's text box stands for. */
export function fieldValue(field: LetterFieldView, text: string): unknown {
  switch (field.kind) {
    case "daftar":
      return lines(text);
    case "tabel":
      return lines(text).map((line) => {
        const cells = line.split("|").map((c) => c.trim());
        return Object.fromEntries(field.columns.map((c, i) => [c, cells[i] ?? ""]));
      });
    case "bilangan": {
      const n = Number.parseInt(text, 10);
      return Number.isFinite(n) ? n : "";
    }
    default:
      return text;
  }
}

/** Column names as people read them ("lokasi | panjang | metode"). */
export function columnsHint(field: LetterFieldView): string {
  return field.columns.join(" | ");
}

/** Waits `ms` after the last call before running `fn` (the live preview). */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** "2026-03-03T09:05:00+07:00" → "3 Mar 2026 09.05" for history lines. */
export function when(stamp: string | null | undefined): string {
  if (!stamp) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(stamp);
  if (!m) return stamp;
  const bulan = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];
  return `${Number(m[3])} ${bulan[Number(m[2]) - 1]} ${m[1]} ${m[4]}.${m[5]}`;
}
