//! `loket letter ...`: render, issue, verify and list letters; numbering patterns and register.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Subcommand;
use loket_api::letter::dto::{LetterContent, LetterRequest, NumberPatternView};
use loket_api::{ApiError, ErrorCode, Loket};

use crate::commands::requests::SignIn;
use crate::output::{json, table};

pub mod bench;
pub(crate) mod flow;
mod template;

#[derive(Debug, Subcommand)]
pub enum LetterAction {
    /// Jenis surat yang tersedia dan isian yang dibutuhkan masing-masing
    Kinds,
    /// Contoh data surat (JSON) untuk satu jenis, sebagai titik awal berkas --data
    Sample {
        /// Jenis surat, mis. surat_balasan (lihat `loket letter kinds`)
        kind: String,
    },
    /// Membuat PDF draf atau salinan cetak; tidak menyimpan apa pun dan tidak memakai nomor
    Render {
        #[command(flatten)]
        letter: LetterArgs,
        /// Nomor yang dicetak (mis. nomor yang sudah dipesan); bawaan: draf tanpa nomor
        #[arg(long, value_name = "NOMOR")]
        nomor: Option<String>,
        /// Membaca kata sandi satu baris dari stdin untuk dicetak pada salinan ini saja
        /// (berita acara serah terima akses); kata sandi tidak pernah disimpan
        #[arg(long)]
        password_stdin: bool,
        /// Berkas PDF keluaran
        #[arg(long, short, value_name = "BERKAS.pdf")]
        out: PathBuf,
    },
    /// Menerbitkan surat langsung sebagai penandatangan (peran `sign`): nomor dari buku register,
    /// QR, PDF disimpan, masuk agenda surat keluar; surat berparaf lewat `letter draft`
    Issue {
        #[command(flatten)]
        letter: LetterArgs,
        /// Memakai nomor yang sudah dipesan (id dari `loket letter number list`)
        #[arg(long, value_name = "ID")]
        number_id: Option<i64>,
        /// Salinan PDF yang diterbitkan ditulis juga ke berkas ini
        #[arg(long, short, value_name = "BERKAS.pdf")]
        out: Option<PathBuf>,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Memeriksa apakah sebuah PDF adalah surat terbit yang tidak berubah dari basis data ini
    Verify {
        /// Berkas PDF yang diperiksa
        file: PathBuf,
    },
    /// Agenda surat keluar (surat yang sudah terbit)
    List {
        /// Hanya surat untuk permohonan ini
        #[arg(long, value_name = "ID")]
        case: Option<String>,
    },
    /// Menyalin PDF surat terbit dari penyimpanan ke berkas
    Pdf {
        /// Nomor surat
        nomor: String,
        #[arg(long, short, value_name = "BERKAS.pdf")]
        out: PathBuf,
    },
    /// Pola penomoran surat
    Pattern {
        #[command(subcommand)]
        action: PatternAction,
    },
    /// Buku register nomor surat: pesan, batalkan, daftar
    Number {
        #[command(subcommand)]
        action: NumberAction,
    },
    /// Templat surat: salin, ubah, pratinjau, kembalikan ke bawaan
    Template {
        #[command(subcommand)]
        action: template::TemplateAction,
    },
    #[command(flatten)]
    Flow(flow::FlowAction),
}

#[derive(Debug, clap::Args)]
pub struct LetterArgs {
    /// Jenis surat, mis. surat_balasan (lihat `loket letter kinds`)
    #[arg(long, value_name = "JENIS")]
    kind: String,
    /// Berkas JSON data surat (lihat `loket letter sample JENIS`)
    #[arg(long, value_name = "BERKAS.json")]
    data: PathBuf,
    /// Id orang yang menandatangani (lihat `loket people`); bawaan: Kepala Dinas
    #[arg(long, value_name = "ID")]
    signer: Option<String>,
    /// Id permohonan yang dijawab surat ini
    #[arg(long, value_name = "ID")]
    case: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum PatternAction {
    /// Menetapkan (atau mengganti) pola, mis. '{klasifikasi}/{urut}/{unit}/{bulan_romawi}/{tahun}'
    Set {
        /// Id pola, mis. surat-keluar
        id: String,
        #[arg(long, value_name = "POLA")]
        pattern: String,
        /// Kode klasifikasi arsip untuk {klasifikasi}, mis. 000.8.3.3
        #[arg(long, default_value = "")]
        klasifikasi: String,
        /// Kode unit untuk {unit}, mis. DKIS
        #[arg(long, default_value = "")]
        unit: String,
        /// Jenis surat yang memakai pola ini, dipisah koma
        #[arg(long, value_delimiter = ',', value_name = "JENIS,...")]
        kinds: Vec<String>,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Daftar pola
    List,
}

#[derive(Debug, Subcommand)]
pub enum NumberAction {
    /// Memesan nomor berikutnya untuk draf surat
    Reserve {
        #[arg(long, value_name = "JENIS")]
        kind: String,
        #[arg(long, value_name = "HAL")]
        hal: String,
        /// Tanggal surat (TTTT-BB-HH): tahunnya menentukan penghitung
        #[arg(long, value_name = "TANGGAL")]
        tanggal: String,
        #[arg(long, value_name = "ID")]
        case: Option<String>,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Membatalkan nomor yang dipesan; nomor tetap tercatat dan tidak dipakai lagi
    Void {
        id: i64,
        #[arg(long, value_name = "ALASAN")]
        alasan: String,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Isi buku register
    List {
        #[arg(long, value_name = "TAHUN")]
        year: Option<i32>,
    },
}

pub(super) fn io_error(path: &Path, e: std::io::Error) -> ApiError {
    use std::io::ErrorKind as K;
    let code = match e.kind() {
        K::NotFound
        | K::PermissionDenied
        | K::AlreadyExists
        | K::IsADirectory
        | K::NotADirectory => ErrorCode::BadInput,
        _ => ErrorCode::Internal,
    };
    ApiError::new(
        code,
        format!(
            "berkas {}: {}; periksa nama, folder dan izinnya",
            path.display(),
            crate::output::os_words(&e)
        ),
    )
}

fn request(a: &LetterArgs) -> Result<LetterRequest, ApiError> {
    let text = std::fs::read_to_string(&a.data).map_err(|e| io_error(&a.data, e))?;
    let content: LetterContent = serde_json::from_str(&text).map_err(|e| {
        ApiError::bad_input(format!(
            "berkas {} bukan data surat yang sah ({}); lihat contoh dengan `loket letter sample {}`",
            a.data.display(),
            crate::output::json_words(&e),
            a.kind
        ))
    })?;
    Ok(LetterRequest {
        kind: a.kind.clone(),
        content,
        signer: a.signer.clone(),
        case_id: a.case.clone(),
    })
}

pub(super) fn write(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    std::fs::write(path, bytes).map_err(|e| io_error(path, e))
}

/// Runs `loket letter ...` (kinds and sample need no database, but get one for uniformity).
pub fn run(loket: &mut Loket, action: LetterAction, as_json: bool) -> Result<(), ApiError> {
    let now = crate::commands::requests::now()?;
    match action {
        LetterAction::Kinds => {
            let kinds = Loket::letter_kinds();
            if as_json {
                return json(&kinds);
            }
            for k in kinds {
                println!("{} — {} ({})", k.id, k.label, k.layout);
                for f in k.fields {
                    let need = if f.required { "wajib" } else { "pilihan" };
                    println!("    {:<20} {:<12} {need:<8} {}", f.key, f.kind, f.label);
                }
            }
            Ok(())
        }
        LetterAction::Sample { kind } => json(&Loket::letter_sample(&kind)?),
        LetterAction::Flow(action) => flow::run(loket, action, as_json),
        LetterAction::Render {
            letter,
            nomor,
            password_stdin,
            out,
        } => {
            let mut req = request(&letter)?;
            if password_stdin {
                let mut line = String::new();
                std::io::stdin().lock().read_line(&mut line).map_err(|e| {
                    let e = crate::output::os_words(&e);
                    ApiError::bad_input(format!("kata sandi tidak terbaca dari stdin: {e}"))
                })?;
                let password = line.trim_end_matches(['\r', '\n']);
                if password.is_empty() {
                    return Err(ApiError::bad_input(
                        "kata sandi kosong; ketik kata sandi pada stdin atau hapus --password-stdin",
                    ));
                }
                req.content.isi.insert("password".into(), password.into());
            }
            let r = loket.letter_render(&req, nomor.as_deref())?;
            write(&out, &r.pdf)?;
            if as_json {
                return json(&r);
            }
            println!(
                "PDF {} halaman ({} bita) ditulis ke {}; tidak disimpan dan tidak memakai nomor.",
                r.pages,
                r.bytes,
                out.display()
            );
            Ok(())
        }
        LetterAction::Issue {
            letter,
            number_id,
            out,
            sign_in,
        } => {
            let req = request(&letter)?;
            let actor = sign_in.actor(loket)?;
            let issued = loket.letter_issue(&actor, &req, number_id, now)?;
            let view = issued.letter;
            // Written after the commit: a failure here issues nothing new on retry.
            if let Some(path) = &out {
                write(path, &issued.pdf).map_err(|e| {
                    ApiError::new(
                        e.code,
                        format!(
                            "{}; surat sudah terbit bernomor {} dan tersimpan: ambil PDF-nya dengan `loket letter pdf {} --out BERKAS.pdf` (mengulang perintah ini tidak menerbitkan surat baru)",
                            e.message, view.nomor, view.nomor
                        ),
                    )
                })?;
            }
            if as_json {
                return json(&view);
            }
            if issued.earlier {
                println!(
                    "Surat yang sama sudah terbit sebelumnya; tidak ada surat baru. PDF diambil dari penyimpanan."
                );
            }
            println!(
                "Surat terbit: nomor {} tanggal {}",
                view.nomor, view.tanggal_words
            );
            println!("Hal   : {}", view.hal);
            println!("SHA-256 PDF: {}", view.pdf_sha256);
            if let Some(path) = out {
                println!("Salinan PDF: {}", path.display());
            }
            Ok(())
        }
        LetterAction::Verify { file } => {
            let bytes = std::fs::read(&file).map_err(|e| io_error(&file, e))?;
            let report = loket.letter_verify(&bytes)?;
            if as_json {
                json(&report)?;
            } else {
                println!("{}", report.verdict);
                println!("SHA-256: {}", report.sha256);
                if let Some(sig) = &report.signature {
                    println!(
                        "Tanda tangan PDF: {}; {}; penanda tangan {}; waktu {}",
                        if sig.intact { "utuh" } else { "RUSAK" },
                        if sig.whole_file {
                            "mencakup seluruh berkas"
                        } else {
                            "TIDAK mencakup seluruh berkas"
                        },
                        sig.signer,
                        sig.signed_at.as_deref().unwrap_or("-")
                    );
                }
            }
            if report.genuine {
                Ok(())
            } else {
                Err(ApiError::not_found(format!(
                    "{} tidak cocok dengan surat terbit mana pun",
                    file.display()
                )))
            }
        }
        LetterAction::List { case } => {
            let rows = loket.letter_list(case.as_deref())?;
            if as_json {
                return json(&rows);
            }
            let rows: Vec<Vec<String>> = rows
                .into_iter()
                .map(|l| {
                    vec![
                        l.nomor.clone(),
                        l.tanggal_words.clone(),
                        l.kind_label.clone(),
                        l.hal.clone(),
                        l.case_id.clone().unwrap_or_default(),
                        ralat_note(&l).trim_start_matches(" — ").to_string(),
                    ]
                })
                .collect();
            table(
                &["NOMOR", "TANGGAL", "JENIS", "HAL", "PERMOHONAN", "RALAT"],
                &rows,
            );
            Ok(())
        }
        LetterAction::Pdf { nomor, out } => {
            let pdf = loket.letter_pdf(&nomor)?;
            write(&out, &pdf)?;
            if !as_json {
                println!("PDF surat {nomor} disalin ke {}", out.display());
            }
            Ok(())
        }
        LetterAction::Pattern { action } => pattern(loket, action, as_json, now),
        LetterAction::Number { action } => number(loket, action, as_json, now),
        LetterAction::Template { action } => template::run(loket, action, as_json, now),
    }
}

/// Which letter an agenda row replaces or was replaced by (" — menggantikan …"), or nothing.
pub(crate) fn ralat_note(l: &loket_api::letter::dto::IssuedLetterView) -> String {
    let mut notes = Vec::new();
    if let Some(r) = &l.replaces {
        notes.push(format!("menggantikan {}", r.nomor));
    }
    if let Some(r) = &l.replaced_by {
        notes.push(format!("diganti dengan {}", r.nomor));
    }
    if notes.is_empty() {
        String::new()
    } else {
        format!(" — {}", notes.join("; "))
    }
}

fn pattern(
    loket: &mut Loket,
    action: PatternAction,
    as_json: bool,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<(), ApiError> {
    match action {
        PatternAction::Set {
            id,
            pattern,
            klasifikasi,
            unit,
            kinds,
            sign_in,
        } => {
            let p = NumberPatternView {
                id,
                pattern,
                klasifikasi,
                unit,
                kinds,
            };
            let actor = sign_in.actor(loket)?;
            loket.letter_pattern_set(&actor, &p, now)?;
            if as_json {
                return json(&p);
            }
            println!("Pola {} disimpan: {}", p.id, p.pattern);
            Ok(())
        }
        PatternAction::List => {
            let list = loket.letter_pattern_list()?;
            if as_json {
                return json(&list);
            }
            let rows: Vec<Vec<String>> = list
                .into_iter()
                .map(|p| vec![p.id, p.pattern, p.klasifikasi, p.unit, p.kinds.join(", ")])
                .collect();
            table(&["ID", "POLA", "KLASIFIKASI", "UNIT", "JENIS SURAT"], &rows);
            Ok(())
        }
    }
}

fn number(
    loket: &mut Loket,
    action: NumberAction,
    as_json: bool,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<(), ApiError> {
    match action {
        NumberAction::Reserve {
            kind,
            hal,
            tanggal,
            case,
            sign_in,
        } => {
            let tanggal = NaiveDate::parse_from_str(&tanggal, "%Y-%m-%d").map_err(|_| {
                ApiError::bad_input(format!(
                    "tanggal `{tanggal}` tidak valid; tulis TTTT-BB-HH, misalnya 2024-03-27"
                ))
            })?;
            let actor = sign_in.actor(loket)?;
            let n = loket.letter_number_reserve(
                &actor,
                &loket_api::letter::Reservation {
                    kind: &kind,
                    tanggal,
                    hal: &hal,
                    case_id: case.as_deref(),
                    reserved_by: None,
                },
                now,
            )?;
            if as_json {
                return json(&n);
            }
            println!("Nomor dipesan: {} (id {})", n.number, n.id);
            Ok(())
        }
        NumberAction::Void {
            id,
            alasan,
            sign_in,
        } => {
            let actor = sign_in.actor(loket)?;
            let n = loket.letter_number_void(&actor, id, &alasan, now)?;
            if as_json {
                return json(&n);
            }
            println!("Nomor {} dibatalkan: {}", n.number, alasan);
            Ok(())
        }
        NumberAction::List { year } => {
            let list = loket.letter_number_list(year)?;
            if as_json {
                return json(&list);
            }
            let rows: Vec<Vec<String>> = list
                .into_iter()
                .map(|n| {
                    vec![
                        n.id.to_string(),
                        n.number,
                        n.status,
                        n.kind,
                        n.hal,
                        n.void_reason.unwrap_or_default(),
                    ]
                })
                .collect();
            table(
                &["ID", "NOMOR", "STATUS", "JENIS", "HAL", "ALASAN BATAL"],
                &rows,
            );
            Ok(())
        }
    }
}
