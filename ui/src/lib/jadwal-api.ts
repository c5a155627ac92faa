// Jadwal Peralatan: calls into the desktop shell (one loket-api use case each).
import { call } from "./api";
import type { BlackoutForm } from "./types/BlackoutForm";
import type { BlackoutView } from "./types/BlackoutView";
import type { BookingEvent } from "./types/BookingEvent";
import type { BookingForm } from "./types/BookingForm";
import type { BookingSubmitted } from "./types/BookingSubmitted";
import type { BookingView } from "./types/BookingView";
import type { Borrower } from "./types/Borrower";
import type { DraftView } from "./types/DraftView";
import type { OperatorSkills } from "./types/OperatorSkills";
import type { ResourceForm } from "./types/ResourceForm";
import type { ResourceView } from "./types/ResourceView";
import type { ScheduleRange } from "./types/ScheduleRange";
import type { SlotForm } from "./types/SlotForm";
import type { SlotView } from "./types/SlotView";

export const jadwalApi = {
  range: (from: string, to: string, resource: string | null) =>
    call<ScheduleRange>("jadwal_range", { from, to, resource }),
  tomorrow: () => call<BookingView[]>("jadwal_tomorrow"),
  show: (id: number) => call<BookingView>("jadwal_show", { id }),
  history: (id: number) => call<BookingEvent[]>("jadwal_history", { id }),
  ofCase: (caseId: number) => call<BookingView[]>("jadwal_of_case", { caseId }),
  submit: (form: BookingForm) => call<BookingSubmitted>("jadwal_submit", { form }),
  freeSlots: (form: SlotForm) => call<SlotView[]>("jadwal_free_slots", { form }),
  approve: (id: number) => call<BookingView>("jadwal_approve", { id }),
  assign: (id: number, operators: string[]) =>
    call<BookingView>("jadwal_assign", { id, operators }),
  checkOut: (id: number, condition: string) =>
    call<BookingView>("jadwal_check_out", { id, condition }),
  checkIn: (id: number, condition: string) =>
    call<BookingView>("jadwal_check_in", { id, condition }),
  cancel: (id: number, reason: string) => call<BookingView>("jadwal_cancel", { id, reason }),
  exportIcs: (resource: string | null) => call<string>("jadwal_export_ics", { resource }),
  receipt: (id: number, borrower: Borrower) =>
    call<string>("jadwal_receipt", { id, borrower }),
  /** The numbered receipt as a draft of the letters workflow (paraf, tanda tangan, terbit). */
  receiptDraft: (id: number, borrower: Borrower) =>
    call<DraftView>("jadwal_receipt_draft", { id, borrower }),
  resources: () => call<ResourceView[]>("jadwal_resources"),
  saveResource: (form: ResourceForm) => call<ResourceView>("jadwal_resource_save", { form }),
  operators: () => call<OperatorSkills[]>("jadwal_operators"),
  addSkill: (person: string, skill: string) =>
    call<void>("jadwal_add_skill", { person, skill }),
  blackouts: () => call<BlackoutView[]>("jadwal_blackouts"),
  addBlackout: (form: BlackoutForm) => call<BlackoutView>("jadwal_blackout_add", { form }),
  removeBlackout: (id: number) => call<void>("jadwal_blackout_remove", { id }),
};
