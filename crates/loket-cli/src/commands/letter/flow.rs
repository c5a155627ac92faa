//! `loket letter draft|update|submit|paraf|return|sign|void|show|queue`: the letter workflow,
//! acting as the account named by --user (or LOKET_USER). Refusals exit with code 2.

use std::path::PathBuf;

use clap::Subcommand;
use loket_api::letter::dto::LetterContent;
use loket_api::letter::flow::dto::{DraftView, NewDraft};
use loket_api::letter::flow::SignWith;
use loket_api::signer::Pkcs12Input;
use loket_api::{ApiError, Loket};

use super::io_error;
use crate::commands::requests::{now, SignIn};
use crate::output::json;

#[derive(Debug, Subcommand)]
pub enum FlowAction {
    /// Menyusun konsep surat dari permohonan; isian diambil dari permohonan dan nomor dipesan
    Draft {
        /// Jenis surat, mis. rekomendasi_teknis_fo (lihat `loket letter kinds`)
        #[arg(long, value_name = "JENIS")]
        kind: String,
        /// Id permohonan yang dijawab
        #[arg(long, value_name = "ID")]
        case: Option<i64>,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Mengganti isi konsep (penyusun saja, selama konsep atau dikembalikan)
    Update {
        id: i64,
        /// Berkas JSON isi surat (lihat `loket letter show ID --json`, bagian content)
        #[arg(long, value_name = "BERKAS.json")]
        data: PathBuf,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Mengajukan konsep untuk diparaf
    Submit {
        id: i64,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Memaraf konsep (pemegang jabatan yang gilirannya, atau Plt./Plh.-nya)
    Paraf {
        id: i64,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Mengembalikan konsep ke penyusun dengan catatan
    Return {
        id: i64,
        #[arg(long, value_name = "CATATAN")]
        catatan: String,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Menandatangani: nomor ditetapkan, PDF disimpan, surat masuk agenda surat keluar
    Sign {
        id: i64,
        /// Tanda tangan elektronik dengan sertifikat terdaftar dari berkas PKCS#12 ini
        /// (passphrase dibaca dari stdin); tanpa ini: tanda tangan basah, tanpa sertifikat
        #[arg(long, value_name = "BERKAS.p12")]
        p12: Option<PathBuf>,
        /// Salinan PDF yang terbit ditulis juga ke berkas ini
        #[arg(long, short, value_name = "BERKAS.pdf")]
        out: Option<PathBuf>,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Membatalkan konsep yang belum ditandatangani; nomornya dicatat batal
    Void {
        id: i64,
        #[arg(long, value_name = "ALASAN")]
        alasan: String,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Ralat atas surat terbit: konsep baru berisi surat itu, dengan alasan; diparaf dan
    /// ditandatangani seperti biasa dan bernomor sendiri; surat lama tetap tersimpan dan
    /// tercatat diganti
    Ralat {
        /// Nomor surat terbit yang diralat (lihat `loket letter list`)
        nomor: String,
        /// Alasan ralat, dicetak pada surat ralat
        #[arg(long, visible_alias = "alasan", value_name = "ALASAN")]
        reason: String,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Satu surat: status, alur paraf, riwayat
    Show {
        id: i64,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Daftar: menunggu paraf saya, menunggu tanda tangan saya, konsep saya, agenda surat keluar
    Queue {
        #[command(flatten)]
        sign_in: SignIn,
    },
}

pub(crate) fn print(d: &DraftView, as_json: bool) -> Result<(), ApiError> {
    if as_json {
        return json(d);
    }
    println!("Surat {} — {} [{}]", d.id, d.kind_label, d.status_label);
    println!("Nomor : {}", d.nomor);
    println!("Hal   : {}", d.content.hal);
    if let Some(r) = &d.ralat {
        println!(
            "Ralat : menggantikan surat nomor {} tanggal {}; alasan: {}",
            r.replaces.nomor, r.replaces.tanggal_words, r.reason
        );
    }
    if let Some(by) = d.issued.as_ref().and_then(|l| l.replaced_by.as_ref()) {
        println!(
            "Diganti dengan surat nomor {} tanggal {} (ralat)",
            by.nomor, by.tanggal_words
        );
    }
    for s in &d.chain {
        let mark = if s.done { "✓" } else { "·" };
        let who = match (&s.by_name, &s.at) {
            (Some(n), Some(at)) => format!(" — {n}, {at}"),
            _ => String::new(),
        };
        let what = if s.role == "paraf" {
            "paraf"
        } else {
            "tanda tangan"
        };
        println!("  {mark} {what}: {}{who}", s.position_title);
    }
    if !d.note.is_empty() {
        println!("Catatan: {}", d.note);
    }
    for w in &d.warnings {
        eprintln!("Peringatan: {w}");
    }
    Ok(())
}

/// Runs one workflow step.
pub fn run(loket: &mut Loket, action: FlowAction, as_json: bool) -> Result<(), ApiError> {
    let t = now()?;
    let view = match action {
        FlowAction::Draft {
            kind,
            case,
            sign_in,
        } => {
            let a = sign_in.actor(loket)?;
            loket.letter_draft(
                &a,
                &NewDraft {
                    kind,
                    case_id: case,
                },
                t,
            )?
        }
        FlowAction::Update { id, data, sign_in } => {
            let a = sign_in.actor(loket)?;
            let text = std::fs::read_to_string(&data).map_err(|e| io_error(&data, e))?;
            let content: LetterContent = serde_json::from_str(&text).map_err(|e| {
                let words = crate::output::json_words(&e);
                ApiError::bad_input(format!(
                    "berkas {} bukan isi surat yang sah (baris {}, kolom {}): {words}",
                    data.display(),
                    e.line(),
                    e.column()
                ))
            })?;
            loket.letter_update(&a, id, &content, t)?
        }
        FlowAction::Submit { id, sign_in } => {
            let a = sign_in.actor(loket)?;
            loket.letter_submit(&a, id, t)?
        }
        FlowAction::Paraf { id, sign_in } => {
            let a = sign_in.actor(loket)?;
            loket.letter_paraf(&a, id, t)?
        }
        FlowAction::Return {
            id,
            catatan,
            sign_in,
        } => {
            let a = sign_in.actor(loket)?;
            loket.letter_return(&a, id, &catatan, t)?
        }
        FlowAction::Sign {
            id,
            p12,
            out,
            sign_in,
        } => {
            let a = sign_in.actor(loket)?;
            let v = match p12 {
                None => loket.letter_sign(&a, id, t)?,
                Some(path) => {
                    let bytes = crate::commands::signer::read_p12(&path)?;
                    let passphrase = crate::commands::signer::passphrase()?;
                    let with = SignWith::Certificate(Pkcs12Input {
                        p12: &bytes,
                        passphrase: &passphrase,
                    });
                    loket.letter_sign_with(&a, id, &with, t)?
                }
            };
            if let (Some(path), Some(issued)) = (&out, &v.issued) {
                super::write(path, &loket.letter_pdf(&issued.nomor)?)?;
            }
            v
        }
        FlowAction::Void {
            id,
            alasan,
            sign_in,
        } => {
            let a = sign_in.actor(loket)?;
            loket.letter_void(&a, id, &alasan, t)?
        }
        FlowAction::Ralat {
            nomor,
            reason,
            sign_in,
        } => {
            let a = sign_in.actor(loket)?;
            loket.letter_correct(&a, &nomor, &reason, t)?
        }
        FlowAction::Show { id, sign_in } => {
            let a = sign_in.actor(loket)?;
            loket.letter_show(&a, id, t)?
        }
        FlowAction::Queue { sign_in } => {
            let a = sign_in.actor(loket)?;
            let q = loket.letter_queues(&a, t)?;
            if as_json {
                return json(&q);
            }
            for (title, list) in [
                ("Menunggu paraf saya", &q.paraf),
                ("Menunggu tanda tangan saya", &q.sign),
                ("Konsep saya", &q.mine),
            ] {
                println!("{title} ({})", list.len());
                for d in list {
                    println!(
                        "  {:>4}  {}  {}  [{}]",
                        d.id, d.nomor, d.hal, d.status_label
                    );
                }
            }
            println!("Agenda surat keluar ({})", q.issued.len());
            for l in &q.issued {
                println!(
                    "  {}  {}  {}{}",
                    l.nomor,
                    l.tanggal_words,
                    l.hal,
                    super::ralat_note(l)
                );
            }
            return Ok(());
        }
    };
    print(&view, as_json)
}
