//! Command-line arguments, with clap's own errors rendered in Bahasa Indonesia.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

/// Loket: permohonan layanan, disposisi, naskah dinas, dan jadwal peralatan Diskominfo.
#[derive(Debug, Parser)]
#[command(name = "loket", version, disable_help_subcommand = true)]
pub struct Cli {
    /// Basis data: berkas SQLite di komputer ini, atau alamat server kantor postgres://pengguna:sandi@server/loket (bawaan: variabel LOKET_DB, lalu berkas di direktori data aplikasi, sama dengan aplikasi desktop)
    #[arg(long, global = true, value_name = "BERKAS|ALAMAT")]
    pub db: Option<PathBuf>,
    /// Keluaran JSON untuk skrip, bukan tabel
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Membuat basis data dan mengimpor profil kantor (atau memperbarui profil yang ada)
    Init {
        /// Profil bawaan: demak, kediri, jember, denpasar
        #[arg(
            long,
            value_name = "KANTOR",
            conflicts_with = "profile",
            required_unless_present = "profile"
        )]
        office: Option<String>,
        /// Berkas profil kantor (.toml) dengan format data/offices/SCHEMA.md
        #[arg(long, value_name = "BERKAS.toml")]
        profile: Option<PathBuf>,
        /// Impor ulang ke kantor yang sudah memiliki akun: masuk sebagai administrator
        #[command(flatten)]
        sign_in: crate::context::SignIn,
    },
    /// Daftar profil kantor bawaan
    Offices,
    /// Profil kantor di basis data: identitas, jam kerja, unit, jabatan; dan persiapan kantor
    Office {
        #[command(subcommand)]
        action: Option<crate::commands::office::OfficeAction>,
    },
    /// Katalog layanan kantor
    Services {
        /// Kata pencarian (nama, unit, id)
        #[arg(long, short, value_name = "KATA")]
        query: Option<String>,
    },
    /// Rincian satu layanan
    Service {
        #[command(subcommand)]
        action: ServiceAction,
    },
    /// Pejabat dan pegawai kantor
    People,
    /// Cadangan daring basis data ke berkas baru
    Backup {
        /// Berkas tujuan (tidak boleh sudah ada)
        #[arg(value_name = "KELUARAN")]
        out: PathBuf,
    },
    /// Memeriksa keutuhan basis data, versi skemanya dan jejak audit terhadap titik periksa
    Check {
        /// Berkas titik periksa (dari `loket audit checkpoint` atau di samping cadangan); boleh berulang
        #[arg(long = "checkpoint", value_name = "BERKAS")]
        checkpoints: Vec<PathBuf>,
        /// Kode titik periksa tercetak, misalnya 1234-9F86D081884C7D65; boleh berulang
        #[arg(long = "kode", value_name = "KODE")]
        codes: Vec<String>,
    },
    /// Server PostgreSQL kantor untuk petugas TI: menyiapkan dan memperbarui basis data bersama
    Server {
        #[command(subcommand)]
        action: crate::commands::server::ServerAction,
    },
    /// Basis data utuh untuk petugas TI: menyalin seluruh kantor antara berkas dan server
    Db {
        #[command(subcommand)]
        action: crate::commands::server::DbAction,
    },
    /// Jejak audit: titik periksa untuk disimpan di luar komputer ini
    Audit {
        #[command(subcommand)]
        action: crate::commands::store::AuditAction,
    },
    /// Ruang dan peralatan yang dapat dipesan
    Resource(crate::commands::booking::ResourceArgs),
    /// Jadwal peralatan: pemesanan, slot kosong, ekspor iCalendar
    Booking(crate::commands::booking::BookingArgs),
    /// Akun, peran dan kata sandi; administrator pertama
    User(crate::commands::requests::UserArgs),
    /// Surat masuk (permohonan): registrasi, persyaratan, langkah, buku agenda
    Case(crate::commands::requests::CaseArgs),
    /// Disposisi: kotak masuk, kirim, baca, lapor, selesai, tarik
    Disposition(crate::commands::requests::DispositionArgs),
    /// Survei Kepuasan Masyarakat: kuesioner, daftar, pertanyaan; pengaduan, saran, masukan
    Skm(crate::commands::skm::SkmArgs),
    /// Evaluasi kinerja pelaksana: IKM, waktu layanan, pengaduan per triwulan/semester/tahun
    Evaluasi(crate::commands::evaluasi::EvaluasiArgs),
    /// Naskah dinas: membuat PDF, menerbitkan dengan nomor, memeriksa keaslian, agenda keluar
    Letter {
        #[command(subcommand)]
        action: crate::commands::letter::LetterAction,
    },
    /// Sertifikat penanda tangan (tanda tangan elektronik) dan akar tepercaya
    Signer {
        #[command(subcommand)]
        action: crate::commands::signer::SignerAction,
    },
    /// Tenggat layanan: kapan permohonan jatuh tempo
    Sla {
        #[command(subcommand)]
        action: crate::commands::deadline::SlaAction,
    },
    /// Permohonan dan disposisi yang segera jatuh tempo, jatuh tempo hari ini, atau terlambat
    Deadlines {
        /// Waktu acuan (TTTT-BB-HHTJJ:MM waktu kantor); bawaan: sekarang
        #[arg(long, value_name = "WAKTU")]
        now: Option<String>,
        /// Sertakan juga yang jatuh tempo dalam jangka ini: 90m, 8h, 3d
        #[arg(long, value_name = "JANGKA")]
        within: Option<String>,
    },
    /// Kalender kerja: jam kerja, jadwal Ramadan, hari libur, penutupan kantor
    Calendar {
        #[command(subcommand)]
        action: crate::commands::deadline::CalendarAction,
    },
    /// Pemantau tenggat: notifikasi desktop saat tenggat berubah status atau disposisi masuk
    Watch {
        /// Satu kali periksa lalu selesai
        #[arg(long)]
        once: bool,
        /// Waktu acuan (TTTT-BB-HHTJJ:MM waktu kantor); bawaan: sekarang
        #[arg(long, value_name = "WAKTU")]
        now: Option<String>,
        /// Jeda antarpemeriksaan dalam detik
        #[arg(long, default_value_t = 60, value_name = "DETIK")]
        interval: u64,
        /// Jabatan orang yang masuk (untuk notifikasi disposisi baru); boleh diulang
        #[arg(long, value_name = "ID")]
        position: Vec<String>,
        /// Cetak notifikasi ke keluaran standar, bukan ke desktop
        #[arg(long)]
        stdout: bool,
    },
    /// Tolok ukur kinerja yang mencetak angka
    Bench {
        #[command(subcommand)]
        area: crate::commands::deadline::BenchArea,
    },
}

#[derive(Debug, Subcommand)]
pub enum ServiceAction {
    /// Menampilkan persyaratan, prosedur, waktu, produk, biaya, pengaduan, dasar hukum
    Show {
        /// Id layanan (lihat `loket services`)
        id: String,
        /// Versi standar yang berlaku pada tanggal ini (TTTT-BB-HH); bawaan: terbaru
        #[arg(long, value_name = "TANGGAL")]
        on: Option<String>,
    },
}

/// Parses the arguments; on failure prints an Indonesian message and returns the exit code.
pub fn parse() -> Result<Cli, ExitCode> {
    let mut cmd = indonesian_help(Cli::command(), true);
    let matches = cmd
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|m| Cli::from_arg_matches(&m));
    match matches {
        Ok(cli) => Ok(cli),
        Err(e) => match e.kind() {
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                let _ = e.print();
                Err(
                    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                        ExitCode::from(2)
                    } else {
                        ExitCode::SUCCESS
                    },
                )
            }
            kind => {
                eprintln!(
                    "galat: {}\nLihat `loket --help` untuk pemakaian.",
                    indonesian(kind, &e)
                );
                Err(ExitCode::from(2))
            }
        },
    }
}

/// `cmd` and every subcommand with help headings and the help and version flags in Bahasa
/// Indonesia (clap's own are in English).
pub fn indonesian_help(cmd: clap::Command, root: bool) -> clap::Command {
    use clap::{Arg, ArgAction};
    let mut cmd = cmd
        .help_template("{about}\n\nPenggunaan: {usage}\n\n{all-args}")
        .subcommand_help_heading("Perintah")
        .subcommand_value_name("PERINTAH")
        .disable_help_flag(true)
        .mut_args(|a| match (a.get_help_heading(), a.is_positional()) {
            (Some(_), _) => a,
            (None, true) => a.help_heading("Argumen"),
            (None, false) => a.help_heading("Opsi"),
        })
        .arg(
            Arg::new("bantuan")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Tampilkan bantuan")
                .help_heading("Opsi"),
        );
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("versi")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Tampilkan versi")
                .help_heading("Opsi"),
        );
    }
    cmd.mut_subcommands(|c| indonesian_help(c, false))
}

fn context(e: &clap::Error, kind: ContextKind) -> String {
    match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

fn indonesian(kind: ErrorKind, e: &clap::Error) -> String {
    let arg = context(e, ContextKind::InvalidArg);
    let value = context(e, ContextKind::InvalidValue);
    match kind {
        ErrorKind::UnknownArgument => format!("argumen `{arg}` tidak dikenal"),
        ErrorKind::InvalidSubcommand => {
            let name = context(e, ContextKind::InvalidSubcommand);
            let hint = context(e, ContextKind::SuggestedSubcommand);
            let hint = if hint.is_empty() {
                String::new()
            } else {
                format!("; mungkin maksudnya `{hint}`")
            };
            format!("perintah `{name}` tidak dikenal{hint}")
        }
        ErrorKind::MissingRequiredArgument => format!("argumen wajib belum diisi: {arg}"),
        ErrorKind::MissingSubcommand => {
            "perintah belum disebut (misalnya `loket services`)".to_string()
        }
        ErrorKind::InvalidValue => format!("nilai `{value}` untuk {arg} tidak valid"),
        ErrorKind::ArgumentConflict => format!(
            "{arg} tidak dapat dipakai bersama {}",
            context(e, ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("jumlah nilai untuk {arg} salah")
        }
        ErrorKind::ValueValidation => format!("nilai `{value}` untuk {arg} tidak valid"),
        _ => format!("argumen tidak valid ({})", e.kind()),
    }
}
