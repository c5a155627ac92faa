//! What each letter kind needs: its template file, its layout and its fields.
//!
//! The fields of a kind are data (not code in the template), so a missing or malformed
//! field is refused with its name and label before anything is rendered.

use loket_domain::catalog::LetterKind;

/// Every kind Loket ships a template for, in the order the issue lists them.
pub const ALL_KINDS: [LetterKind; 14] = [
    LetterKind::SuratBalasan,
    LetterKind::RekomendasiTeknisFo,
    LetterKind::UndanganPaparanFo,
    LetterKind::BeritaAcaraHosting,
    LetterKind::SerahTerimaAkses,
    LetterKind::RekomendasiTtePendaftaran,
    LetterKind::RekomendasiTtePembaruan,
    LetterKind::RekomendasiTtePencabutan,
    LetterKind::PemberitahuanPerpanjangan,
    LetterKind::Penolakan,
    LetterKind::BuktiPeminjamanCc,
    LetterKind::LaporanGangguanJaringan,
    LetterKind::LembarDisposisi,
    LetterKind::LaporanEvaluasi,
];

/// Shape of one field and how it is formatted for the template.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FieldType {
    /// One line of text.
    Text,
    /// A list of texts (paragraphs, reasons, conditions): at least one entry.
    List,
    /// An ISO date "2024-03-25", printed "25 Maret 2024".
    Date,
    /// An ISO date printed with its weekday: `{teks: "Senin, 25 Maret 2024", kata: "Senin
    /// tanggal dua puluh lima bulan Maret tahun dua ribu dua puluh empat"}`.
    DayDate,
    /// A whole number of at least 1, printed "7 (tujuh)".
    Count,
    /// A person outside the signer: `{nama, nip, jabatan, instansi}` (nip may be empty).
    Party,
    /// Table rows: objects with these text columns, at least one row.
    Rows(&'static [&'static str]),
    /// Figures Loket computed and froze into the letter (the evaluation report's tables and
    /// charts): a JSON object passed to the template as it is, never typed by the preparer.
    Frozen,
}

/// One field of a letter kind's `isi`.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    pub key: &'static str,
    pub label: &'static str,
    pub ty: FieldType,
    /// Optional fields print "-" (text) or nothing when absent.
    pub required: bool,
}

/// Layout family of a kind (Tata Naskah Dinas).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Tempat/tanggal, Nomor/Sifat/Lampiran/Hal, Yth., body, signer, tembusan.
    Korespondensi,
    /// Centred title and NOMOR, body, signatures of the parties.
    Judul,
    /// The lembar disposisi form.
    Formulir,
}

const fn f(key: &'static str, label: &'static str, ty: FieldType) -> FieldSpec {
    FieldSpec {
        key,
        label,
        ty,
        required: true,
    }
}

const fn opt(key: &'static str, label: &'static str, ty: FieldType) -> FieldSpec {
    FieldSpec {
        key,
        label,
        ty,
        required: false,
    }
}

use FieldType::*;

const SURAT_MASUK: [FieldSpec; 2] = [
    f("surat_nomor", "nomor surat permohonan", Text),
    f("surat_tanggal", "tanggal surat permohonan", Date),
];

/// The template file of a kind, e.g. `surat_balasan.typ`.
pub fn template_file(kind: LetterKind) -> &'static str {
    match kind {
        LetterKind::SuratBalasan => "surat_balasan.typ",
        LetterKind::RekomendasiTeknisFo => "rekomendasi_teknis_fo.typ",
        LetterKind::UndanganPaparanFo => "undangan_paparan_fo.typ",
        LetterKind::BeritaAcaraHosting => "berita_acara_hosting.typ",
        LetterKind::SerahTerimaAkses => "serah_terima_akses.typ",
        LetterKind::RekomendasiTtePendaftaran => "rekomendasi_tte_pendaftaran.typ",
        LetterKind::RekomendasiTtePembaruan => "rekomendasi_tte_pembaruan.typ",
        LetterKind::RekomendasiTtePencabutan => "rekomendasi_tte_pencabutan.typ",
        LetterKind::PemberitahuanPerpanjangan => "pemberitahuan_perpanjangan.typ",
        LetterKind::Penolakan => "penolakan.typ",
        LetterKind::BuktiPeminjamanCc => "bukti_peminjaman_cc.typ",
        LetterKind::LaporanGangguanJaringan => "laporan_gangguan_jaringan.typ",
        LetterKind::LembarDisposisi => "lembar_disposisi.typ",
        LetterKind::LaporanEvaluasi => crate::form::LAPORAN_EVALUASI,
    }
}

/// The kind's id as written in data and on the command line (`surat_balasan`).
pub fn kind_id(kind: LetterKind) -> &'static str {
    template_file(kind).trim_end_matches(".typ")
}

/// The kind for an id such as `surat_balasan`; `None` for an unknown id.
pub fn kind_from_id(id: &str) -> Option<LetterKind> {
    ALL_KINDS.into_iter().find(|k| kind_id(*k) == id)
}

/// Layout family of a kind.
pub fn layout(kind: LetterKind) -> Layout {
    match kind {
        LetterKind::BeritaAcaraHosting
        | LetterKind::SerahTerimaAkses
        | LetterKind::BuktiPeminjamanCc
        | LetterKind::LaporanGangguanJaringan
        | LetterKind::LaporanEvaluasi => Layout::Judul,
        LetterKind::LembarDisposisi => Layout::Formulir,
        _ => Layout::Korespondensi,
    }
}

/// The fields of a kind's `isi`, in the order a form asks for them.
pub fn fields(kind: LetterKind) -> Vec<FieldSpec> {
    let tte_rows = Rows(&["nama", "nip", "jabatan", "email"]);
    let mut v: Vec<FieldSpec> = match kind {
        LetterKind::SuratBalasan => [
            &SURAT_MASUK[..],
            &[
                f("surat_hal", "hal surat permohonan", Text),
                f("isi", "isi jawaban (paragraf)", List),
            ],
        ]
        .concat(),
        LetterKind::RekomendasiTeknisFo => [
            &[f("pemohon", "nama badan usaha pemohon", Text)][..],
            &SURAT_MASUK[..],
            &[
                f(
                    "ruas",
                    "ruas jaringan",
                    Rows(&["lokasi", "panjang", "metode"]),
                ),
                f("ketentuan", "ketentuan rekomendasi", List),
            ],
        ]
        .concat(),
        LetterKind::UndanganPaparanFo => [
            &[f("pemohon", "nama badan usaha pemohon", Text)][..],
            &SURAT_MASUK[..],
            &[
                f("hari_tanggal", "hari dan tanggal paparan", DayDate),
                f("waktu", "waktu paparan", Text),
                f("tempat", "tempat paparan", Text),
                f("acara", "acara", Text),
            ],
        ]
        .concat(),
        LetterKind::BeritaAcaraHosting => [
            &SURAT_MASUK[..],
            &[
                f("hari_tanggal", "hari dan tanggal berita acara", DayDate),
                f("pihak_kedua", "pihak kedua (pemohon)", Party),
                f("layanan", "layanan (mis. Hosting dan Subdomain)", Text),
                f("subdomain", "nama subdomain", Text),
                opt("alamat_ip", "alamat IP", Text),
                opt("kapasitas", "kapasitas", Text),
            ],
        ]
        .concat(),
        LetterKind::SerahTerimaAkses => vec![
            f("hari_tanggal", "hari dan tanggal serah terima", DayDate),
            f("pihak_kedua", "pihak kedua (penerima akses)", Party),
            f("layanan", "layanan yang aksesnya diserahkan", Text),
            f("alamat_akses", "alamat akses", Text),
            f("username", "nama pengguna", Text),
            opt("password", "kata sandi (hanya untuk cetakan ini)", Text),
        ],
        LetterKind::RekomendasiTtePendaftaran | LetterKind::RekomendasiTtePembaruan => [
            &[f("opd", "perangkat daerah pemohon", Text)][..],
            &SURAT_MASUK[..],
            &[f("pemohon", "aparatur yang direkomendasikan", tte_rows)],
        ]
        .concat(),
        LetterKind::RekomendasiTtePencabutan => [
            &[f("opd", "perangkat daerah pemohon", Text)][..],
            &SURAT_MASUK[..],
            &[
                f("pemohon", "aparatur yang direkomendasikan", tte_rows),
                f("alasan", "alasan pencabutan", Text),
            ],
        ]
        .concat(),
        LetterKind::PemberitahuanPerpanjangan => vec![
            f("permohonan_tanggal", "tanggal permohonan informasi", Date),
            f("nomor_registrasi", "nomor pendaftaran permohonan", Text),
            f("informasi", "informasi yang dimohon", Text),
            f("alasan", "alasan perpanjangan", Text),
            f("perpanjangan", "lama perpanjangan (hari kerja)", Count),
            f("batas_tanggal", "batas akhir pemberian informasi", Date),
        ],
        LetterKind::Penolakan => [
            &SURAT_MASUK[..],
            &[
                f("surat_hal", "hal surat permohonan", Text),
                f("layanan", "nama layanan", Text),
                f("alasan", "alasan penolakan/pengembalian", List),
                opt("tindak_lanjut", "tindak lanjut bagi pemohon", Text),
            ],
        ]
        .concat(),
        LetterKind::BuktiPeminjamanCc => vec![
            f("peminjam", "peminjam", Party),
            f("kegiatan", "kegiatan", Text),
            f("hari_tanggal", "hari dan tanggal peminjaman", DayDate),
            f("waktu", "waktu peminjaman", Text),
            f("fasilitas", "fasilitas", Rows(&["nama", "jumlah"])),
        ],
        LetterKind::LaporanGangguanJaringan => vec![
            f("pelapor", "pelapor", Text),
            f("opd", "perangkat daerah", Text),
            f("lokasi", "lokasi gangguan", Text),
            f("waktu_laporan", "waktu laporan", Text),
            f("gangguan", "uraian gangguan", Text),
            f("penyebab", "penyebab", Text),
            f("tindakan", "tindakan penanganan", List),
            f("waktu_selesai", "waktu selesai", Text),
            f("hasil", "hasil penanganan", Text),
            f("petugas", "petugas", Party),
        ],
        LetterKind::LembarDisposisi => vec![
            f("surat_dari", "surat dari", Text),
            f("surat_nomor", "nomor surat", Text),
            f("surat_tanggal", "tanggal surat", Date),
            f("diterima_tanggal", "tanggal diterima", Date),
            f("nomor_agenda", "nomor agenda", Text),
            f("sifat_surat", "sifat surat", Text),
            // Ticked on the form; the full checklists are printed with a box each.
            opt("diteruskan", "diteruskan kepada", List),
            opt("instruksi", "dengan hormat harap", List),
            opt("pilihan_diteruskan", "daftar tujuan disposisi", List),
            opt("pilihan_instruksi", "daftar petunjuk disposisi", List),
            opt("catatan", "catatan", Text),
            opt("batas_waktu", "batas waktu", Date),
            opt(
                "riwayat",
                "riwayat disposisi",
                Rows(&[
                    "jabatan",
                    "nama",
                    "tanggal",
                    "kepada",
                    "arahan",
                    "batas_waktu",
                ]),
            ),
        ],
        LetterKind::LaporanEvaluasi => vec![f("evaluasi", "angka evaluasi", Frozen)],
    };
    v.shrink_to_fit();
    v
}
