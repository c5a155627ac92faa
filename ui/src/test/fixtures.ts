import type { AppStatus } from "../lib/types/AppStatus";
import type { ServiceDetail } from "../lib/types/ServiceDetail";
import type { ServiceSummary } from "../lib/types/ServiceSummary";
import type { ShippedOffice } from "../lib/types/ShippedOffice";

export const status: AppStatus = {
  version: "0.1.0",
  db_path: "/tmp/loket.db",
  db_label: "Basis data lokal: loket.db",
  db_server: false,
  initialised: true,
  office_id: "demak",
  office_name: "Dinas Komunikasi dan Informatika Kabupaten Demak",
  office_short_name: "Dinkominfo Demak",
  utc_offset_minutes: 420,
  operator: "siti",
  has_accounts: true,
  user: {
    id: "siti",
    name: "Siti Rahayu",
    position_title: "Pengadministrasi Umum",
    roles: ["register"],
  },
};

function summary(id: string, name: string, unit: string): ServiceSummary {
  return {
    id,
    name,
    group: null,
    unit_id: unit.toLowerCase(),
    unit_name: unit,
    time_words: "10 (sepuluh) hari kerja, dapat diperpanjang 7 (tujuh) hari kerja",
    fee: "Tidak dipungut biaya",
    standard_id: "sp-2024",
    effective: "2024-03-27",
    effective_words: "27 Maret 2024",
    versions: 1,
  };
}

export const services: ServiceSummary[] = [
  summary("ppid", "Layanan Permohonan Informasi Publik", "Bidang IKP"),
  summary("sp4n", "Layanan Aduan (SP4N LAPOR!)", "Bidang IKP"),
  summary("tte", "Pendaftaran Sertifikat Elektronik", "Bidang Persandian"),
];

export const offices: ShippedOffice[] = [
  { id: "demak", name: "Dinas Komunikasi dan Informatika Kabupaten Demak", short_name: "Dinkominfo Demak", kota: "Demak", time_zone: "WIB", services: 12 },
  { id: "denpasar", name: "Dinas Komunikasi, Informatika dan Statistik Kota Denpasar", short_name: "Diskominfos Denpasar", kota: "Denpasar", time_zone: "WITA", services: 9 },
];

export const detail: ServiceDetail = {
  service: {
    id: "ppid",
    standard: "sp-2024",
    effective: "2024-03-27",
    name: "Layanan Permohonan Informasi Publik",
    group: "Pelayanan Permohonan Informasi",
    unit: "ikp",
    legal_basis: ["Peraturan Komisi Informasi No. 1 Tahun 2021"],
    requirements: ["Identitas pemohon", "Rincian informasi yang dibutuhkan"],
    steps: [],
    time: {
      amount: 10,
      unit: "hari_kerja",
      counting: "jam_kerja",
      extension: null,
      notice: null,
      alternatives: [],
      text: null,
    },
    fee: "Tidak dipungut biaya",
    products: ["Informasi publik"],
    letters: ["surat_balasan"],
    complaints: ["E-mail : ppid@demakkab.go.id"],
    facilities: [],
    staff: "1 (satu) orang",
    notes: [],
  },
  unit_name: "Bidang Informasi dan Komunikasi Publik",
  time_words: "10 (sepuluh) hari kerja, dapat diperpanjang 7 (tujuh) hari kerja",
  steps: [
    { number: 1, text: "Pemohon mengajukan permohonan.", actor_id: "pemohon", actor_name: "Pemohon", time_words: null, requirements: [], outputs: [] },
    { number: 2, text: "Admin PPID meregistrasi berkas.", actor_id: "admin-ppid", actor_name: "Admin PPID", time_words: "1 (satu) hari kerja", requirements: [], outputs: [] },
    { number: 3, text: "Langkah tanpa pelaku.", actor_id: "tak-dikenal", actor_name: null, time_words: null, requirements: [], outputs: [] },
  ],
  letters: [{ kind: "surat_balasan", label: "Surat balasan" }],
  versions: [],
  standard: {
    id: "sp-2024",
    number: "800/123/2024",
    title: "Keputusan Kepala Dinas tentang Standar Pelayanan",
    effective: "2024-03-27",
    signed_by: null,
    revokes: [],
    notes: [],
  },
  standard_effective_words: "27 Maret 2024",
  sops: [],
};
