// Words for the connection form: the heading of each kind of failure and each field's name.
import type { ConnectionFailure } from "./types/ConnectionFailure";
import type { ServerField } from "./types/ServerField";

export const connectionTitle: Record<ConnectionFailure, string> = {
  invalid: "Isian belum benar",
  unreachable: "Server tidak dapat dihubungi",
  rejected: "Nama pengguna atau kata sandi salah",
  no_database: "Basis data tidak ada di server",
  tls_refused: "Sambungan terenkripsi (TLS) gagal",
  not_prepared: "Basis data belum disiapkan untuk Loket",
  newer_schema: "Server memakai Loket versi lebih baru",
  older_schema: "Server belum diperbarui untuk Loket versi ini",
  other: "Sambungan gagal",
};

export const fieldLabel: Record<ServerField, string> = {
  host: "Server",
  port: "Port",
  database: "Basis data",
  user: "Pengguna",
  password: "Kata sandi",
  tls: "Enkripsi",
  root_cert: "Sertifikat akar",
};

/** True for a host that is this computer (the same rule as loket-api's `is_local_host`). */
export function isLocalHost(host: string): boolean {
  const h = host.trim().replace(/^\[/, "").replace(/\]$/, "");
  return h.toLowerCase() === "localhost" || h === "::1" || h.startsWith("127.");
}
