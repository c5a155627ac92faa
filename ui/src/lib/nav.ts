// The main menu. Entries without a screen yet show an honest "belum tersedia" page.

export type Section =
  | "kotak-masuk"
  | "tenggat"
  | "permohonan"
  | "surat"
  | "jadwal"
  | "katalog"
  | "laporan"
  | "skm"
  | "pengaturan";

export type MenuEntry = { section: Section; label: string; ready: boolean; about: string };

export const menu: MenuEntry[] = [
  {
    section: "kotak-masuk",
    label: "Kotak Masuk",
    ready: true,
    about: "Disposisi dan naskah yang menunggu tindakan Anda akan tampil di sini.",
  },
  { section: "tenggat", label: "Tenggat", ready: true, about: "" },
  {
    section: "permohonan",
    label: "Permohonan",
    ready: true,
    about:
      "Pencatatan surat permohonan, pemeriksaan persyaratan dan pemantauan batas waktu layanan.",
  },
  {
    section: "surat",
    label: "Surat",
    ready: true,
    about: "Penyusunan naskah dinas, paraf, tanda tangan dan buku agenda surat.",
  },
  {
    section: "jadwal",
    label: "Jadwal Peralatan",
    ready: true,
    about: "Pemesanan Command Center, perangkat vicon, jammer, streaming dan sound system.",
  },
  { section: "katalog", label: "Katalog Layanan", ready: true, about: "" },
  {
    section: "laporan",
    label: "Laporan",
    ready: true,
    about: "Rekapitulasi permohonan, ketepatan waktu layanan dan penggunaan peralatan.",
  },
  {
    section: "skm",
    label: "Survei & Evaluasi",
    ready: true,
    about: "Survei Kepuasan Masyarakat, pengaduan dan evaluasi kinerja pelaksana.",
  },
  { section: "pengaturan", label: "Pengaturan", ready: true, about: "" },
];
