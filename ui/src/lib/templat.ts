// Pure helpers of the template editor: names in words, the preview's letter kind, where a
// line starts and ends in the text, and how far an edit is from the shipped version.
import type { LetterKindView } from "./types/LetterKindView";
import type { TemplateView } from "./types/TemplateView";

/** Files every letter uses, explained in words. */
const SHARED: Record<string, string> = {
  "naskah.typ": "Tata letak bersama: kop, blok tanda tangan, tembusan, kertas",
  "lambang.svg": "Lambang daerah pada kop (SVG)",
};

/** "Surat Penolakan / Pengembalian Berkas" for penolakan.typ; the shared files in words. */
export function templateLabel(t: TemplateView, kinds: LetterKindView[]): string {
  if (SHARED[t.file]) return SHARED[t.file];
  const labels = t.kinds.map((id) => kinds.find((k) => k.id === id)?.label ?? id);
  return labels.length ? labels.join("; ") : t.file;
}

/** The shared files first, then the others in the order of their labels. */
export function sortTemplates(list: TemplateView[], kinds: LetterKindView[]): TemplateView[] {
  const shared = (t: TemplateView) => (SHARED[t.file] ? 0 : 1);
  return [...list].sort(
    (a, b) =>
      shared(a) - shared(b) || templateLabel(a, kinds).localeCompare(templateLabel(b, kinds), "id"),
  );
}

/** The letter kind whose sample the preview shows: the file's own kind, else surat balasan
 *  (a shared file is seen best on the plainest letter), else the first kind known. */
export function previewKind(t: TemplateView, kinds: LetterKindView[]): string {
  if (t.kinds.length) return t.kinds[0];
  return kinds.find((k) => k.id === "surat_balasan")?.id ?? kinds[0]?.id ?? "";
}

/** Character offsets [start, end) of 1-based `line` in `text`, for selecting it; the last
 *  line when `line` is past the end. */
export function lineRange(text: string, line: number): [number, number] {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf("\n", start);
    if (next < 0) break;
    start = next + 1;
  }
  const end = text.indexOf("\n", start);
  return [start, end < 0 ? text.length : end];
}

/** Lines of `text` that are not in `base` (added or changed) and lines of `base` that are
 *  gone, by the longest common subsequence of lines: "+3 / −1 baris dibanding bawaan". */
export function lineChanges(text: string, base: string): { added: number; removed: number } {
  const a = text.split("\n");
  const b = base.split("\n");
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    }
    prev = row;
  }
  const common = prev[b.length];
  return { added: a.length - common, removed: b.length - common };
}

/** The number of lines of `text`, for the gutter. */
export function lineCount(text: string): number {
  return text.split("\n").length;
}
