// Helpers of the first-run checklist (Persiapan Kantor) that need no window.

/** The digits of a NIP as typed, with a leading "NIP"/"NIP." label dropped. */
export function nipDigits(written: string): string {
  return written.replace(/^\s*nip[.:]?/i, "").replace(/\D/g, "");
}

/** 18 digits grouped as the signature block prints them: "19700512 200112 1 007". */
export function nipGrouped(d: string): string {
  if (d.length !== 18) return d;
  return `${d.slice(0, 8)} ${d.slice(8, 14)} ${d.slice(14, 15)} ${d.slice(15)}`;
}

/** The checklist's steps in order, with the words of their headings. */
export const STEPS = [
  { id: "pejabat", title: "Pejabat penanda tangan" },
  { id: "lambang", title: "Lambang daerah" },
  { id: "kertas", title: "Ukuran kertas" },
  { id: "penomoran", title: "Pola nomor surat" },
  { id: "sumber_daya", title: "Ruang dan peralatan" },
] as const;

export type StepId = (typeof STEPS)[number]["id"];

/** Reads a picked file's bytes as numbers for the shell (the emblem upload). */
export async function fileBytes(file: File): Promise<number[]> {
  const buffer = await file.arrayBuffer();
  return Array.from(new Uint8Array(buffer));
}
