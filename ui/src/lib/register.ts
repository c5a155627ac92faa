// The register form's plain helpers: choices, remembered applicant fields, service search.
import type { NewCase } from "./types/NewCase";
import type { ServiceSummary } from "./types/ServiceSummary";

export const applicantKinds = ["OPD", "Instansi", "Perorangan"] as const;

export const sifatOptions: [string, string][] = [
  ["biasa", "Biasa"],
  ["segera", "Segera"],
  ["sangat_segera", "Sangat segera"],
  ["rahasia", "Rahasia"],
];

export const channels: [string, string][] = [
  ["langsung", "Langsung (datang ke kantor)"],
  ["surat", "Surat (pos/kurir)"],
  ["email", "Pos-el"],
  ["srikandi", "Srikandi"],
  ["website", "Laman"],
];

export function emptyForm(): NewCase {
  return {
    service_id: "",
    applicant_kind: "OPD",
    applicant_name: "",
    applicant_phone: "",
    applicant_email: "",
    applicant_address: "",
    letter_number: "",
    letter_date: "",
    hal: "",
    sifat: "biasa",
    channel: "langsung",
    received_at: "",
    addressed_to: "",
    notes: "",
    attachments: [],
  };
}

/** The applicant fields the form remembers per account. */
const remembered = [
  "applicant_kind",
  "applicant_name",
  "applicant_phone",
  "applicant_email",
  "applicant_address",
  "channel",
] as const;

const key = (userId: string) => `loket.daftar.terakhir.${userId}`;

export function remember(store: Storage, userId: string, form: NewCase): void {
  const kept = Object.fromEntries(remembered.map((k) => [k, form[k]]));
  store.setItem(key(userId), JSON.stringify(kept));
}

/** The applicant fields of this account's previous registration, or nothing. */
export function recall(store: Storage, userId: string): Partial<NewCase> {
  try {
    const saved = JSON.parse(store.getItem(key(userId)) ?? "{}") as Record<string, unknown>;
    return Object.fromEntries(
      remembered.filter((k) => typeof saved[k] === "string").map((k) => [k, saved[k] as string]),
    );
  } catch {
    return {};
  }
}

/** Services whose name, unit or group contain every typed word (any case). */
export function matchServices(services: ServiceSummary[], text: string): ServiceSummary[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return services.filter((s) => {
    const hay = `${s.name} ${s.unit_name} ${s.group ?? ""}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** "Persyaratan belum ada: …" for the case notes, or "" when all are present. */
export function missingNote(missing: string[]): string {
  return missing.length ? `Persyaratan belum ada: ${missing.join("; ")}` : "";
}

/** "2026-03-02 09:15" read with local getters: pass `officeNow()` for the office's wall clock. */
export function localMinute(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** "1,2 MB", "340 KB". */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(".", ",")} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
