//! `loket case`: register, verify, return, resubmit, reject, attach and save an attachment,
//! tick steps, sign, show, list and the lembar disposisi (HTML or PDF).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use loket_api::case::{CaseFilter, CaseView, NewCase};
use loket_api::{ApiError, Loket};

use super::numbers;
use crate::context::{now, SignIn};
use crate::output::{json, list, table};

#[derive(Debug, Args)]
pub struct CaseArgs {
    #[command(flatten)]
    pub sign_in: SignIn,
    #[command(subcommand)]
    pub action: CaseAction,
}

#[derive(Debug, Subcommand)]
pub enum CaseAction {
    /// Mencatat surat masuk (permohonan layanan) dan memberinya nomor agenda
    Register {
        /// Id layanan (lihat `loket services`)
        #[arg(long, value_name = "ID")]
        service: String,
        /// OPD, instansi atau perorangan
        #[arg(long, value_name = "JENIS", default_value = "opd")]
        applicant_kind: String,
        /// Nama OPD/instansi/orang pemohon
        #[arg(long, value_name = "NAMA", default_value = "")]
        applicant: String,
        #[arg(long, default_value = "")]
        phone: String,
        #[arg(long, default_value = "")]
        email: String,
        #[arg(long, default_value = "")]
        address: String,
        /// Nomor surat pemohon
        #[arg(long, value_name = "NOMOR", default_value = "")]
        letter_number: String,
        /// Tanggal surat pemohon (TTTT-BB-HH)
        #[arg(long, value_name = "TANGGAL", default_value = "")]
        letter_date: String,
        #[arg(long, default_value = "")]
        hal: String,
        /// biasa, segera, sangat segera, rahasia
        #[arg(long, default_value = "biasa")]
        sifat: String,
        /// langsung, surat, email, srikandi, website
        #[arg(long, default_value = "langsung")]
        channel: String,
        /// Waktu diterima (TTTT-BB-HH JJ:MM); bawaan: sekarang
        #[arg(long, value_name = "WAKTU", default_value = "")]
        received: String,
        /// Jabatan tujuan pertama; bawaan: Kepala Dinas
        #[arg(long, value_name = "ID", default_value = "")]
        to: String,
        #[arg(long, default_value = "")]
        notes: String,
        /// Berkas lampiran (PDF/PNG/JPEG), boleh berulang
        #[arg(long, value_name = "BERKAS")]
        attach: Vec<PathBuf>,
    },
    /// Halaman permohonan: rincian, persyaratan, langkah, lampiran, disposisi
    Show { id: i64 },
    /// Buku agenda surat masuk: daftar, saring, cari
    List {
        #[arg(long)]
        year: Option<i64>,
        #[arg(long, value_name = "TANGGAL", default_value = "")]
        from: String,
        #[arg(long, value_name = "TANGGAL", default_value = "")]
        to: String,
        #[arg(long, value_name = "ID", default_value = "")]
        service: String,
        #[arg(long, value_name = "ID", default_value = "")]
        unit: String,
        #[arg(long, default_value = "")]
        status: String,
        #[arg(long, default_value = "")]
        sifat: String,
        /// Kata yang dicari pada hal, pemohon dan catatan
        #[arg(long, short, value_name = "KATA", default_value = "")]
        query: String,
        #[arg(long)]
        limit: Option<i64>,
        /// Simpan sebagai CSV ke berkas ini alih-alih menampilkan
        #[arg(long, value_name = "BERKAS.csv")]
        csv: Option<PathBuf>,
        /// Simpan sebagai Excel (.xlsx) ke berkas ini alih-alih menampilkan
        #[arg(long, value_name = "BERKAS.xlsx", conflicts_with = "csv")]
        xlsx: Option<PathBuf>,
    },
    /// Persyaratan lengkap: verifikasi dan teruskan ke pemegang pertama
    Verify {
        id: i64,
        /// Nomor persyaratan yang ada (1,2,3); bawaan: semua
        #[arg(long, value_name = "NOMOR")]
        met: Option<String>,
    },
    /// Kembalikan kepada pemohon karena persyaratan kurang (tenggat berhenti)
    Return {
        id: i64,
        #[arg(long, value_name = "NOMOR")]
        missing: String,
    },
    /// Pemohon melengkapi persyaratan (tenggat berjalan lagi)
    Resubmit { id: i64 },
    /// Melampirkan berkas
    Attach { id: i64, files: Vec<PathBuf> },
    /// Menyimpan isi satu lampiran (dari basis data) ke BERKAS
    Attachment {
        /// Nomor lampiran, seperti tertulis di `loket case show` (#12)
        id: i64,
        #[arg(long, value_name = "BERKAS")]
        out: PathBuf,
    },
    /// Mencentang langkah prosedur
    Step {
        id: i64,
        number: i64,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Lembar disposisi: data (--json) atau halaman HTML siap cetak (--html BERKAS)
    Lembar {
        id: i64,
        #[arg(long, value_name = "BERKAS.html")]
        html: Option<PathBuf>,
    },
    /// Tolak permohonan dengan alasan (dicatat di jejak audit)
    Reject {
        id: i64,
        #[arg(long, value_name = "ALASAN")]
        reason: String,
    },
    /// Lembar disposisi sebagai PDF (mesin surat) ke BERKAS.pdf
    LembarPdf {
        id: i64,
        #[arg(long, value_name = "BERKAS.pdf")]
        out: PathBuf,
    },
    /// Ajukan untuk ditandatangani
    AwaitSignature { id: i64 },
    /// Tandatangani dan selesaikan
    Sign { id: i64 },
}

/// Writes an export, naming the file when it cannot be written.
fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), ApiError> {
    std::fs::write(path, bytes).map_err(|e| {
        let e = crate::output::os_words(&e);
        ApiError::bad_input(format!(
            "berkas {} tidak dapat ditulis: {e}; periksa foldernya",
            path.display()
        ))
    })
}

/// Reads a TTTT-BB-HH date argument.
pub(crate) fn day(field: &str, text: &str) -> Result<NaiveDate, ApiError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        ApiError::bad_input(format!(
            "{field} `{text}` bukan tanggal yang valid; tulis TTTT-BB-HH, misalnya 2026-03-02"
        ))
    })
}

fn print_case(c: &CaseView) {
    println!("Nomor agenda : {}", c.agenda_number);
    println!("Layanan      : {}", c.service_name);
    println!("Status       : {}", c.status_label);
    println!("Pemohon      : {} ({})", c.applicant_name, c.applicant_kind);
    println!(
        "Surat        : {} tanggal {}",
        c.letter_number, c.letter_date
    );
    println!("Hal          : {}", c.hal);
    println!(
        "Sifat        : {}  Diterima: {} lewat {}",
        c.sifat, c.received_at, c.channel
    );
    println!("Kepada       : {}", c.addressed_to_title);
    println!("Tenggat      : {}", c.due_at.as_deref().unwrap_or("-"));
    let mark = |done: bool| if done { "[x]" } else { "[ ]" };
    list(
        "Persyaratan",
        &c.requirements
            .iter()
            .map(|r| format!("{} {}", mark(r.done), r.text))
            .collect::<Vec<_>>(),
    );
    list(
        "Prosedur",
        &c.steps
            .iter()
            .map(|s| {
                let who = s
                    .actor_name
                    .as_deref()
                    .map(|a| format!("[{a}] "))
                    .unwrap_or_default();
                format!("{} {who}{}", mark(s.done), s.text)
            })
            .collect::<Vec<_>>(),
    );
    list(
        "Lampiran",
        &c.attachments
            .iter()
            .map(|a| {
                format!(
                    "#{} {} ({} bait, sha256 {})",
                    a.id,
                    a.name,
                    a.size,
                    a.sha256.get(..12).unwrap_or(&a.sha256)
                )
            })
            .collect::<Vec<_>>(),
    );
    list(
        "Disposisi",
        &c.dispositions
            .iter()
            .map(|d| {
                format!(
                    "#{} {} → {} [{}] {} {}",
                    d.id,
                    d.from_title.as_deref().unwrap_or(&d.from_name),
                    d.to_title,
                    d.state,
                    d.instructions.join(", "),
                    d.batas_waktu
                        .as_deref()
                        .map(|b| format!("(batas {b})"))
                        .unwrap_or_default()
                )
            })
            .collect::<Vec<_>>(),
    );
}

pub fn run(loket: &mut Loket, args: CaseArgs, as_json: bool) -> Result<(), ApiError> {
    let now = now()?;
    let actor = args.sign_in.actor(loket)?;
    let view = match args.action {
        CaseAction::Register {
            service,
            applicant_kind,
            applicant,
            phone,
            email,
            address,
            letter_number,
            letter_date,
            hal,
            sifat,
            channel,
            received,
            to,
            notes,
            attach,
        } => loket.case_register(
            &actor,
            &NewCase {
                service_id: service,
                applicant_kind,
                applicant_name: applicant,
                applicant_phone: phone,
                applicant_email: email,
                applicant_address: address,
                letter_number,
                letter_date,
                hal,
                sifat,
                channel,
                received_at: received,
                addressed_to: to,
                notes,
                attachments: attach,
            },
            now,
        )?,
        CaseAction::Show { id } => loket.case_show(&actor, id, now)?,
        CaseAction::Lembar { id, html } => {
            let sheet = loket.case_lembar_disposisi(&actor, id, now)?;
            if let Some(path) = html {
                std::fs::write(&path, sheet.to_html()).map_err(|e| {
                    let e = crate::output::os_words(&e);
                    ApiError::bad_input(format!(
                        "berkas {} tidak dapat ditulis: {e}",
                        path.display()
                    ))
                })?;
                if !as_json {
                    println!(
                        "Lembar disposisi {} tersimpan di {}",
                        sheet.nomor_agenda,
                        path.display()
                    );
                    return Ok(());
                }
            }
            if as_json {
                return json(&sheet);
            }
            print!("{}", sheet.to_html());
            return Ok(());
        }
        CaseAction::List {
            year,
            from,
            to,
            service,
            unit,
            status,
            sifat,
            query,
            limit,
            csv,
            xlsx,
        } => {
            let filter = CaseFilter {
                year,
                from,
                to,
                service_id: service,
                unit_id: unit,
                status,
                sifat,
                text: query,
                limit,
            };
            if let Some(path) = xlsx {
                let bytes = loket.case_export_xlsx(&actor, &filter, now)?;
                write_file(&path, &bytes)?;
                println!("Buku agenda tersimpan di {}", path.display());
                return Ok(());
            }
            if let Some(path) = csv {
                let text = loket.case_export_csv(&actor, &filter, now)?;
                write_file(&path, text.as_bytes())?;
                println!("Buku agenda tersimpan di {}", path.display());
                return Ok(());
            }
            let lines = loket.case_list(&actor, &filter, now)?;
            if as_json {
                return json(&lines);
            }
            let rows: Vec<Vec<String>> = lines
                .iter()
                .map(|l| {
                    vec![
                        l.agenda_number.clone(),
                        l.received_at.get(..10).unwrap_or("").to_string(),
                        l.applicant_name.clone(),
                        l.status_label.clone(),
                        l.hal.clone(),
                    ]
                })
                .collect();
            table(&["AGENDA", "DITERIMA", "PEMOHON", "STATUS", "HAL"], &rows);
            return Ok(());
        }
        CaseAction::Verify { id, met } => {
            let met = match met {
                Some(m) => numbers("--met", &m)?,
                None => loket
                    .case_show(&actor, id, now)?
                    .requirements
                    .iter()
                    .map(|r| r.number)
                    .collect(),
            };
            loket.case_verify(&actor, id, &met, now)?
        }
        CaseAction::Return { id, missing } => {
            loket.case_give_back(&actor, id, &numbers("--missing", &missing)?, now)?
        }
        CaseAction::Resubmit { id } => loket.case_resubmit(&actor, id, now)?,
        CaseAction::Attach { id, files } => {
            loket.case_attach(&actor, id, &files, now)?;
            loket.case_show(&actor, id, now)?
        }
        CaseAction::Attachment { id, out } => {
            let file = loket.case_attachment_file(&actor, id, now)?;
            write_file(&out, &file.bytes)?;
            if as_json {
                return json(&serde_json::json!({
                    "name": file.name,
                    "media_type": file.media_type,
                    "bytes": file.bytes.len(),
                    "out": out.display().to_string(),
                }));
            }
            println!(
                "Lampiran {} ({} bait) tersimpan di {}",
                file.name,
                file.bytes.len(),
                out.display()
            );
            return Ok(());
        }
        CaseAction::Step { id, number, note } => loket.case_step(&actor, id, number, &note, now)?,
        CaseAction::Reject { id, reason } => loket.case_reject(&actor, id, &reason, now)?,
        CaseAction::LembarPdf { id, out } => {
            let (_, pdf) = loket.case_lembar_pdf(&actor, id, now)?;
            std::fs::write(&out, pdf).map_err(|e| {
                let e = crate::output::os_words(&e);
                ApiError::new(
                    loket_api::ErrorCode::Internal,
                    format!(
                        "{} tidak dapat ditulis: {e}; periksa folder dan izinnya",
                        out.display()
                    ),
                )
            })?;
            println!("Lembar disposisi tersimpan di {}", out.display());
            return Ok(());
        }
        CaseAction::AwaitSignature { id } => loket.case_await_signature(&actor, id, now)?,
        CaseAction::Sign { id } => loket.case_sign(&actor, id, now)?,
    };
    if as_json {
        return json(&view);
    }
    print_case(&view);
    Ok(())
}
