//! Arguments of `loket resource` and `loket booking`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::context::SignIn;

/// `loket resource`: changes need an account with the `administer` role.
#[derive(Debug, Args)]
pub struct ResourceArgs {
    #[command(flatten)]
    pub sign_in: SignIn,
    #[command(subcommand)]
    pub action: ResourceAction,
}

/// `loket booking`: changes need the `book` role; approval the head of the responsible unit.
#[derive(Debug, Args)]
pub struct BookingArgs {
    #[command(flatten)]
    pub sign_in: SignIn,
    #[command(subcommand)]
    pub action: BookingAction,
}

#[derive(Debug, Subcommand)]
pub enum ResourceAction {
    /// Daftar ruang dan peralatan
    List,
    /// Menambah atau mengubah ruang/peralatan
    Add {
        /// Id (huruf kecil dan '-'), misalnya command-center
        #[arg(long)]
        id: String,
        /// Nama, misalnya "Command Center"
        #[arg(long)]
        name: String,
        /// ruang atau peralatan
        #[arg(long, default_value = "peralatan")]
        kind: String,
        /// Jumlah unit (ruang: 1)
        #[arg(long, default_value_t = 1)]
        quantity: u32,
        /// Menit persiapan sebelum acara
        #[arg(long, default_value_t = 0)]
        setup: u32,
        /// Menit pengemasan/pengembalian sesudah acara
        #[arg(long, default_value_t = 0)]
        teardown: u32,
        /// Unit penanggung jawab (id unit)
        #[arg(long)]
        unit: Option<String>,
        /// Jumlah operator yang diperlukan
        #[arg(long, default_value_t = 0)]
        operators: u32,
        /// Keahlian operator yang diperlukan, misalnya operator_jammer
        #[arg(long)]
        skill: Option<String>,
    },
    /// Mencatat keahlian operator seseorang
    AddSkill {
        #[arg(long)]
        person: String,
        #[arg(long)]
        skill: String,
    },
    /// Menutup sumber daya (atau semuanya) untuk perawatan/libur
    Blackout {
        /// Id sumber daya; tanpa ini semua sumber daya ditutup
        #[arg(long)]
        resource: Option<String>,
        #[arg(long, value_name = "TTTT-BB-HHTJJ:MM")]
        start: String,
        #[arg(long, value_name = "TTTT-BB-HHTJJ:MM")]
        end: String,
        #[arg(long)]
        reason: String,
    },
    /// Masa tutup (perawatan/libur) yang belum lewat
    Blackouts,
    /// Menghapus masa tutup sehingga sumber dayanya dapat dipesan lagi
    Unblock {
        /// Nomor masa tutup (lihat `loket resource blackouts`)
        id: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum BookingAction {
    /// Memesan ruang/peralatan (sekali atau berulang mingguan)
    Create {
        #[arg(long)]
        title: String,
        /// Mulai, waktu kantor: TTTT-BB-HHTJJ:MM
        #[arg(long)]
        start: String,
        /// Selesai, waktu kantor: TTTT-BB-HHTJJ:MM
        #[arg(long)]
        end: String,
        /// Sumber daya: ID atau ID:JUMLAH (boleh berulang)
        #[arg(long, required = true)]
        resource: Vec<String>,
        /// Operator yang ditugaskan (id orang; boleh berulang)
        #[arg(long)]
        operator: Vec<String>,
        /// Nomor permohonan yang meminta pemesanan ini
        #[arg(long)]
        case: Option<i64>,
        /// Tempat acara (bawaan: Kantor)
        #[arg(long)]
        location: Option<String>,
        /// Acara di luar kantor pemohon
        #[arg(long)]
        outside_office: bool,
        /// Boleh di luar jam kerja
        #[arg(long)]
        outside_hours: bool,
        #[arg(long)]
        rundown: Option<String>,
        /// Berulang pada hari-hari ini, misalnya senin,kamis
        #[arg(long, value_name = "HARI,...")]
        weekly: Option<String>,
        /// Akhir jadwal berulang (TTTT-BB-HH)
        #[arg(long)]
        until: Option<String>,
        /// Setiap berapa minggu
        #[arg(long, default_value_t = 1)]
        every: u32,
    },
    /// Daftar pemesanan dalam rentang tanggal atau tampilan hari/minggu/bulan
    List {
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        /// hari, minggu atau bulan (dengan --date)
        #[arg(long)]
        view: Option<String>,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        resource: Option<String>,
        /// Termasuk yang dibatalkan
        #[arg(long)]
        all: bool,
    },
    /// Rincian satu pemesanan
    Show { id: i64 },
    /// Menyetujui pemesanan
    Approve { id: i64 },
    /// Menugaskan operator (menggantikan yang lama)
    Assign {
        id: i64,
        #[arg(long, required = true)]
        operator: Vec<String>,
    },
    /// Peralatan keluar (dengan kondisi)
    CheckOut {
        id: i64,
        #[arg(long)]
        condition: String,
    },
    /// Peralatan kembali (dengan kondisi)
    CheckIn {
        id: i64,
        #[arg(long)]
        condition: String,
    },
    /// Membatalkan pemesanan
    Cancel {
        id: i64,
        #[arg(long)]
        reason: String,
    },
    /// Mencari slot kosong paling awal
    FreeSlots {
        /// Durasi dalam menit
        #[arg(long)]
        minutes: u32,
        #[arg(long, required = true)]
        resource: Vec<String>,
        #[arg(long)]
        operator: Vec<String>,
        /// Tanggal awal (TTTT-BB-HH)
        #[arg(long)]
        from: String,
        /// Tanggal akhir (bawaan: 6 hari sesudah --from)
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        outside_hours: bool,
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// Ekspor iCalendar (.ics) untuk aplikasi kalender
    ExportIcs {
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        resource: Option<String>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
    },
    /// Yang perlu disiapkan operator untuk hari kerja berikutnya
    Tomorrow {
        /// Waktu acuan (bawaan: sekarang)
        #[arg(long)]
        now: Option<String>,
    },
}
