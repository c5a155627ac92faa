// The Tenggat view's states, colours and filters (pure functions, tested in tenggat.test.ts).
import type { TenggatRow } from "./types/TenggatRow";

export type StateKey =
  | "dalam_batas"
  | "segera_jatuh_tempo"
  | "jatuh_tempo_hari_ini"
  | "terlambat"
  | "ditunda"
  | "tanpa_tenggat";

/** Legend order: the colour and the words of each state (never colour alone). */
export const states: { key: StateKey; label: string; colour: string }[] = [
  { key: "terlambat", label: "Terlambat", colour: "merah" },
  { key: "jatuh_tempo_hari_ini", label: "Jatuh tempo hari ini", colour: "oranye" },
  { key: "segera_jatuh_tempo", label: "Segera jatuh tempo", colour: "kuning" },
  { key: "dalam_batas", label: "Dalam batas", colour: "hijau" },
  { key: "ditunda", label: "Ditunda (menunggu pemohon)", colour: "abu" },
];

/** The colour class of a state ("merah", "oranye", "kuning", "hijau", "abu"). */
export function colourOf(state: string): string {
  return states.find((s) => s.key === state)?.colour ?? "abu";
}

/** "perhatian": due soon, due today and overdue (the default); "semua" adds on track. */
export type StateFilter = "perhatian" | "semua" | StateKey;

export const stateFilters: { value: StateFilter; label: string }[] = [
  { value: "perhatian", label: "Perlu perhatian" },
  { value: "semua", label: "Semua, termasuk dalam batas" },
  { value: "terlambat", label: "Terlambat saja" },
  { value: "jatuh_tempo_hari_ini", label: "Jatuh tempo hari ini saja" },
  { value: "segera_jatuh_tempo", label: "Segera jatuh tempo saja" },
  { value: "dalam_batas", label: "Dalam batas saja" },
];

/** Hours ahead a row's due must fall within; 0 for no limit. */
export const windows: { hours: number; label: string }[] = [
  { hours: 0, label: "Kapan saja" },
  { hours: 24, label: "24 jam ke depan" },
  { hours: 72, label: "3 hari ke depan" },
  { hours: 168, label: "7 hari ke depan" },
];

const attention = ["segera_jatuh_tempo", "jatuh_tempo_hari_ini", "terlambat"];

/** Rows passing the state filter and due before `now` + `hours` (overdue ones always do). */
export function filterRows(
  rows: TenggatRow[],
  filter: StateFilter,
  hours: number,
  now: string,
): TenggatRow[] {
  const limit = Date.parse(now) + hours * 3600_000;
  return rows.filter((r) => {
    const byState =
      filter === "semua"
        ? true
        : filter === "perhatian"
          ? attention.includes(r.state)
          : r.state === filter;
    const byWindow = hours === 0 || (r.due !== null && Date.parse(r.due) <= limit);
    return byState && byWindow;
  });
}

/** How many rows are in each state. */
export function counts(rows: TenggatRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.state] = (out[r.state] ?? 0) + 1;
  return out;
}
