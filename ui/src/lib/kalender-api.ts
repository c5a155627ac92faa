// Pengaturan → Hari & Jam Kerja: calls into the desktop shell (loket-api calendar).
import { call } from "./api";
import type { CalendarPage } from "./types/CalendarPage";
import type { CalendarSaved } from "./types/CalendarSaved";
import type { DayForm } from "./types/DayForm";

export const kalenderApi = {
  page: (year: number | null) => call<CalendarPage>("kalender_page", { year }),
  setHours: (week: DayForm[]) => call<CalendarSaved>("kalender_set_hours", { week }),
  addVariant: (name: string, from: string, to: string, week: DayForm[]) =>
    call<CalendarSaved>("kalender_add_variant", { name, from, to, week }),
  removeVariant: (id: number) => call<CalendarSaved>("kalender_remove_variant", { id }),
  addClosure: (date: string, reason: string) => call<CalendarSaved>("kalender_add_closure", { date, reason }),
  removeClosure: (date: string) => call<CalendarSaved>("kalender_remove_closure", { date }),
  addHoliday: (date: string, name: string, kind: string) =>
    call<CalendarSaved>("kalender_add_holiday", { date, name, kind }),
  removeHoliday: (date: string, name: string) => call<CalendarSaved>("kalender_remove_holiday", { date, name }),
};
