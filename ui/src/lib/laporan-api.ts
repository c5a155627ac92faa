// Laporan: the recap of a period (one loket-api use case each), and the period choices.
import { call } from "./api";
import type { ServiceReport } from "./types/ServiceReport";

export const laporanApi = {
  report: (from: string, to: string) => call<ServiceReport>("report_services", { from, to }),
  /** Saves the recap as Excel in `keluaran/`; returns the file's path. */
  exportXlsx: (from: string, to: string) => call<string>("report_export_xlsx", { from, to }),
};

export type PeriodChoice = "bulan-ini" | "bulan-lalu" | "tahun-ini" | "pilih";

export const periodChoices: { value: PeriodChoice; label: string }[] = [
  { value: "bulan-ini", label: "Bulan ini" },
  { value: "bulan-lalu", label: "Bulan lalu" },
  { value: "tahun-ini", label: "Tahun ini" },
  { value: "pilih", label: "Pilih tanggal" },
];

/** "2026-03-01" from a local date. */
export function isoDay(d: Date): string {
  const m = String(d.getMonth() + 1).padStart(2, "0");
  const day = String(d.getDate()).padStart(2, "0");
  return `${d.getFullYear()}-${m}-${day}`;
}

/** The first and last day (inclusive, TTTT-BB-HH) of a period choice on `today`. */
export function periodOf(choice: PeriodChoice, today: Date): { from: string; to: string } {
  const y = today.getFullYear();
  const m = today.getMonth();
  switch (choice) {
    case "bulan-lalu":
      return { from: isoDay(new Date(y, m - 1, 1)), to: isoDay(new Date(y, m, 0)) };
    case "tahun-ini":
      return { from: isoDay(new Date(y, 0, 1)), to: isoDay(new Date(y, 11, 31)) };
    default:
      return { from: isoDay(new Date(y, m, 1)), to: isoDay(new Date(y, m + 1, 0)) };
  }
}

/** "66,7%" for a percentage, "—" when nothing was measured. */
export function percent(p: number | null): string {
  return p === null ? "—" : `${p.toLocaleString("id-ID", { maximumFractionDigits: 1 })}%`;
}

/** "2,5" working days, "—" when nothing was completed. */
export function days(d: number | null): string {
  return d === null ? "—" : d.toLocaleString("id-ID", { maximumFractionDigits: 1 });
}

/** The colour of the on-time share: hijau from 90%, kuning from 75%, else merah. */
export function percentColour(p: number | null): string {
  if (p === null) return "";
  if (p >= 90) return "hijau";
  if (p >= 75) return "kuning";
  return "merah";
}
