// Words for the codes the generated types carry, so the screen never shows a raw id.
import type { ErrorCode } from "./types/ErrorCode";
import type { PositionKind } from "./types/PositionKind";
import type { UnitKind } from "./types/UnitKind";

export const errorTitle: Record<ErrorCode, string> = {
  bad_input: "Data tidak valid",
  not_found: "Tidak ditemukan",
  not_initialised: "Kantor belum diatur",
  newer_schema: "Basis data dibuat oleh Loket versi lebih baru",
  office_mismatch: "Basis data milik kantor lain",
  corrupt: "Basis data rusak",
  schedule_conflict: "Jadwal bentrok",
  unauthorised: "Belum masuk",
  forbidden: "Tidak berwenang",
  conflict: "Data telah diubah oleh pengguna lain",
  offline: "Tidak tersambung ke basis data kantor",
  internal: "Terjadi galat",
};

export const unitKind: Record<UnitKind, string> = {
  sekretariat: "Sekretariat",
  bidang: "Bidang",
  subbagian: "Subbagian",
  seksi: "Seksi",
  tim: "Tim",
  upt: "UPT",
  lainnya: "Unit lain",
};

/** Posts that lead a unit: the office's officials (pejabat). */
export const leaderKinds: PositionKind[] = [
  "kepala_dinas",
  "sekretaris",
  "kepala_bidang",
  "kepala_subbagian",
  "kepala_seksi",
  "ketua_tim",
];

/** Groups items by a key, keeping the order in which keys first appear. */
export function groupInOrder<T>(items: T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.entries()];
}

/** "12 layanan" — Indonesian nouns take no plural. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}`;
}
