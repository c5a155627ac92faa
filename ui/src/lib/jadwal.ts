import { officeToday } from "./clock";
// Calendar arithmetic of Jadwal Peralatan: which days a view shows and where a booking's block
// (and its setup/teardown buffers) sits on each day. Times are the office's wall clock as the
// API writes them ("2026-03-05T09:00:00+07:00"), so the computer's own time zone never matters.
import type { BlackoutView } from "./types/BlackoutView";
import type { BookingView } from "./types/BookingView";
import type { ResourceView } from "./types/ResourceView";

export type CalendarView = "hari" | "minggu" | "bulan" | "besok";

const DAY_MS = 86_400_000;

/** "2026-03-05" → days since 1970-01-01. */
function dayNumber(iso: string): number {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

function isoOf(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOf(dayNumber(iso) + days);
}

/** Monday = 0 … Sunday = 6. */
export function weekdayIndex(iso: string): number {
  return (dayNumber(iso) + 3) % 7;
}

/** The first and last day a view shows around `anchor`. Month views start on the Monday on or
 *  before the 1st and end on the Sunday on or after the last day. */
export function viewRange(view: CalendarView, anchor: string): { from: string; to: string } {
  if (view === "hari" || view === "besok") return { from: anchor, to: anchor };
  if (view === "minggu") {
    const from = addDays(anchor, -weekdayIndex(anchor));
    return { from, to: addDays(from, 6) };
  }
  const first = anchor.slice(0, 8) + "01";
  const nextMonth = addDays(first, 32).slice(0, 8) + "01";
  const last = addDays(nextMonth, -1);
  return {
    from: addDays(first, -weekdayIndex(first)),
    to: addDays(last, 6 - weekdayIndex(last)),
  };
}

/** The anchor one step back or forward in a view. */
export function step(view: CalendarView, anchor: string, direction: 1 | -1): string {
  if (view === "minggu") return addDays(anchor, 7 * direction);
  if (view === "bulan") {
    const [y, m] = anchor.split("-").map(Number);
    const month = m - 1 + direction;
    const year = y + Math.floor(month / 12);
    const mm = ((month % 12) + 12) % 12;
    return `${year}-${String(mm + 1).padStart(2, "0")}-01`;
  }
  return addDays(anchor, direction);
}

export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n++) out.push(isoOf(n));
  return out;
}

/** Minutes since 1970-01-01 00:00 office time. */
function wallMinutes(stamp: string): number {
  const [h, m] = stamp.slice(11, 16).split(":").map(Number);
  return dayNumber(stamp) * 1440 + h * 60 + m;
}

export type Segment = { from: number; to: number; kind: "persiapan" | "acara" | "pengemasan" };

/** The buffers of a booking: the longest setup and teardown of its resources. */
export function buffers(b: BookingView, resources: ResourceView[]): { setup: number; teardown: number } {
  const held = resources.filter((r) => b.resources.some((x) => x.id === r.id));
  return {
    setup: Math.max(0, ...held.map((r) => r.setup_minutes)),
    teardown: Math.max(0, ...held.map((r) => r.teardown_minutes)),
  };
}

/** The parts of a booking on `day`, in minutes after that day's midnight (0–1440): setup
 *  buffer, the booking itself and teardown buffer, each cut at midnight. */
export function segmentsOn(
  b: BookingView,
  day: string,
  resources: ResourceView[],
): Segment[] {
  const start = wallMinutes(b.start);
  const end = wallMinutes(b.end);
  const { setup, teardown } = buffers(b, resources);
  const base = dayNumber(day) * 1440;
  const parts: Segment[] = [
    { from: start - setup, to: start, kind: "persiapan" },
    { from: start, to: end, kind: "acara" },
    { from: end, to: end + teardown, kind: "pengemasan" },
  ];
  return parts
    .map((p) => ({ ...p, from: Math.max(p.from - base, 0), to: Math.min(p.to - base, 1440) }))
    .filter((p) => p.to > p.from);
}

/** Bookings touching `day` (with or without buffers), in start order. */
export function bookingsOn(bookings: BookingView[], day: string): BookingView[] {
  const base = dayNumber(day) * 1440;
  return bookings
    .filter((b) => wallMinutes(b.start) < base + 1440 && wallMinutes(b.end) > base)
    .sort((a, b) => a.start.localeCompare(b.start));
}

/** The blackouts (masa tutup) touching `day`, each with its part of that day in minutes after
 *  midnight (0–1440), in start order. */
export function blackoutsOn(
  list: BlackoutView[],
  day: string,
): { blackout: BlackoutView; from: number; to: number }[] {
  const base = dayNumber(day) * 1440;
  return list
    .map((b) => ({
      blackout: b,
      from: Math.max(wallMinutes(b.start) - base, 0),
      to: Math.min(wallMinutes(b.end) - base, 1440),
    }))
    .filter((p) => p.to > p.from)
    .sort((a, b) => a.blackout.start.localeCompare(b.blackout.start));
}

/** "09.00" from a stamp. */
export function clock(stamp: string): string {
  return stamp.slice(11, 16).replace(":", ".");
}

export function minuteClock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}.${String(minute % 60).padStart(2, "0")}`;
}

const BULAN = [
  "Januari", "Februari", "Maret", "April", "Mei", "Juni",
  "Juli", "Agustus", "September", "Oktober", "November", "Desember",
];

/** "5 Maret 2026". */
export function dateWords(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${BULAN[m - 1]} ${y}`;
}

export function monthWords(iso: string): string {
  const [y, m] = iso.split("-").map(Number);
  return `${BULAN[m - 1]} ${y}`;
}

/** Today's date in the office ("2026-03-05"). */
export function today(): string {
  return officeToday();
}

/** CSS class of a status. */
export function statusClass(status: string): string {
  return `status-${status}`;
}
