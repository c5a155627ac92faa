// Words and order for Kotak Masuk and the case page: deadline states, sifat badges, dates.
import { dateWords } from "./jadwal";
import { colourOf, states } from "./tenggat";
import type { DeadlineItem } from "./types/DeadlineItem";
import type { DeadlineState } from "./types/DeadlineState";
import type { InboxLine } from "./types/InboxLine";

/** A state in the same words as the Tenggat view's legend, in lower case for badges. */
function stateWords(key: DeadlineState | "ditunda"): string {
  return (states.find((s) => s.key === key)?.label ?? key).toLowerCase();
}

/** "segera jatuh tempo", or what stands in for a state when there is none. */
export function deadlineLabel(d: DeadlineItem | null): string {
  if (!d) return "tanpa tenggat";
  if (d.state) return stateWords(d.state);
  return d.paused ? stateWords("ditunda") : "tanpa tenggat";
}

/** CSS class for a state's colour (the Tenggat view's: hijau, kuning, oranye, merah). */
export function deadlineClass(d: DeadlineItem | null): string {
  return d?.state ? colourOf(d.state) : "netral";
}

const sifatWords: Record<string, string> = {
  biasa: "Biasa",
  segera: "Segera",
  sangat_segera: "Sangat segera",
  rahasia: "Rahasia",
};

/** "Sangat segera" for the stored "sangat_segera". */
export function sifatLabel(code: string): string {
  return sifatWords[code] ?? code.replace(/_/g, " ");
}

/** Whether a sifat gets a badge (biasa does not). */
export function sifatBadge(code: string): boolean {
  return code !== "biasa" && code !== "";
}

const channelWords: Record<string, string> = {
  langsung: "Langsung",
  surat: "Surat",
  email: "Surel",
  srikandi: "Srikandi",
  website: "Situs web",
};

export function channelLabel(code: string): string {
  return channelWords[code] ?? code;
}

/** "2 Maret 2026" for "2026-03-02" or an RFC 3339 moment (its own date, not the viewer's). */
export function tanggal(iso: string | null | undefined): string {
  if (!iso) return "-";
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? dateWords(iso.slice(0, 10)) : iso;
}

/** "2 Maret 2026 pukul 08.15" for an RFC 3339 moment, in the office's own offset. */
export function waktu(iso: string | null | undefined): string {
  if (!iso) return "-";
  const m = /T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${tanggal(iso)} pukul ${m[1]}.${m[2]}` : tanggal(iso);
}

/** Plain code-point order (RFC 3339 moments of one office sort as text). */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Kotak Masuk's order: earliest due first (none last), unread before read, then oldest. */
export function sortInbox(lines: InboxLine[]): InboxLine[] {
  const due = (l: InboxLine) => l.deadline?.due ?? "~";
  return [...lines].sort(
    (a, b) =>
      byText(due(a), due(b)) ||
      Number(b.item.unread) - Number(a.item.unread) ||
      Number(a.item.disposition.id) - Number(b.item.disposition.id),
  );
}

const dispositionStateWords: Record<string, string> = {
  "belum dibaca": "Belum dibaca",
  dibaca: "Dibaca",
  dilaporkan: "Dilaporkan",
  selesai: "Selesai",
  ditarik: "Ditarik",
};

export function dispositionState(s: string): string {
  return dispositionStateWords[s] ?? s;
}

const statusWords: Record<string, string> = {
  diterima: "Diterima",
  diverifikasi: "Diverifikasi",
  didisposisi: "Didisposisi",
  diproses: "Diproses",
  menunggu_tanda_tangan: "Menunggu tanda tangan",
  selesai: "Selesai",
  dikembalikan: "Dikembalikan",
  ditolak: "Ditolak",
};

/** "Menunggu tanda tangan" for "menunggu_tanda_tangan". */
export function statusLabel(code: string): string {
  return statusWords[code] ?? code.replace(/_/g, " ");
}
