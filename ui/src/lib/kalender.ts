// Pengaturan → Hari & Jam Kerja: pure helpers (tested in kalender.test.ts).
import type { DayForm } from "./types/DayForm";
import type { CalendarSaved } from "./types/CalendarSaved";

/** The holiday kinds an admin may pick, with their badge colour. */
export const holidayKinds: { value: string; label: string; colour: string }[] = [
  { value: "libur_nasional", label: "Libur nasional", colour: "merah" },
  { value: "cuti_bersama", label: "Cuti bersama", colour: "kuning" },
  { value: "libur_daerah", label: "Libur daerah", colour: "hijau" },
];

/** The badge colour class of a holiday kind. */
export function kindColour(kind: string): string {
  return holidayKinds.find((k) => k.value === kind)?.colour ?? "";
}

/** A deep copy of the week form, so a second form does not edit the first. */
export function copyWeek(week: DayForm[]): DayForm[] {
  return week.map((d) => ({ ...d }));
}

/** "Tenggat 2 permohonan terbuka bergeser" or "Tidak ada tenggat yang bergeser". */
export function movedHeadline(saved: CalendarSaved): string {
  const n = saved.moved.length;
  return n === 0 ? "Tidak ada tenggat permohonan terbuka yang bergeser" : `Tenggat ${n} permohonan terbuka bergeser`;
}

/** What the first half of the saved message says (the part before the moved count). */
export function savedWhat(saved: CalendarSaved): string {
  const i = saved.message.search(/ (Tenggat|Tidak ada tenggat)/);
  return i < 0 ? saved.message : saved.message.slice(0, i);
}
