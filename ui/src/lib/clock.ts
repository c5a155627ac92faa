/**
 * The office's clock. A laptop's own time zone may differ from the office's (a head of
 * division travelling, a machine left on UTC): "today", "this year" and the default times in
 * forms follow the office's zone, which the backend reports with the app status.
 */

let officeOffsetMinutes: number | null = null;

/** Set once the app status is known (minutes east of UTC, 420 for WIB). */
export function setOfficeOffset(minutes: number | null | undefined): void {
  officeOffsetMinutes = minutes ?? null;
}

/**
 * The office's wall-clock time as a `Date` whose local getters (`getFullYear`, `getDate`,
 * `getHours`, …) read the office's date and time. Without a known office zone, the computer's.
 */
export function officeNow(instant: Date = new Date()): Date {
  if (officeOffsetMinutes === null) return new Date(instant.getTime());
  const localOffset = -instant.getTimezoneOffset();
  return new Date(instant.getTime() + (officeOffsetMinutes - localOffset) * 60_000);
}

/** Today's date in the office ("2026-03-05"). */
export function officeToday(instant: Date = new Date()): string {
  const d = officeNow(instant);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
