//! `loket disposition`: inbox, send, read, report, complete, withdraw.

use clap::{Args, Subcommand};
use loket_api::disposition::Dispatch;
use loket_api::{ApiError, Loket};

use crate::context::{now, SignIn};
use crate::output::{json, table};

#[derive(Debug, Args)]
pub struct DispositionArgs {
    #[command(flatten)]
    pub sign_in: SignIn,
    #[command(subcommand)]
    pub action: DispositionAction,
}

#[derive(Debug, Subcommand)]
pub enum DispositionAction {
    /// Kotak masuk: disposisi terbuka untuk jabatan Anda, menurut batas waktu
    Inbox,
    /// Daftar instruksi baku
    Instructions,
    /// Mengganti daftar instruksi baku (admin): semua instruksi, berurutan
    SetInstructions {
        #[arg(value_name = "INSTRUKSI", required = true)]
        texts: Vec<String>,
    },
    /// Mendisposisikan permohonan kepada satu atau beberapa jabatan
    Send {
        /// Id permohonan
        case: i64,
        /// Jabatan tujuan, dipisah koma
        #[arg(long, value_name = "ID", value_delimiter = ',', required = true)]
        to: Vec<String>,
        /// Instruksi baku (boleh berulang)
        #[arg(long = "instruction", value_name = "TEKS")]
        instructions: Vec<String>,
        #[arg(long, default_value = "")]
        note: String,
        /// Batas waktu (TTTT-BB-HH)
        #[arg(long, value_name = "TANGGAL", default_value = "")]
        until: String,
        #[arg(long, default_value = "")]
        sifat: String,
    },
    /// Membaca disposisi (waktu dibaca dicatat)
    Read { id: i64 },
    /// Melaporkan kepada pengirim
    Report { id: i64, text: String },
    /// Menyelesaikan disposisi
    Complete {
        id: i64,
        #[arg(long, value_name = "TEKS")]
        report: Option<String>,
    },
    /// Menarik disposisi yang belum dibaca
    Withdraw { id: i64 },
}

pub fn run(loket: &mut Loket, args: DispositionArgs, as_json: bool) -> Result<(), ApiError> {
    let now = now()?;
    if let DispositionAction::Instructions = args.action {
        let list = loket.instruction_list()?;
        if as_json {
            return json(&list);
        }
        crate::output::list("Instruksi", &list);
        return Ok(());
    }
    let actor = args.sign_in.actor(loket)?;
    let case = match args.action {
        DispositionAction::Instructions => return Ok(()),
        DispositionAction::SetInstructions { texts } => {
            let list = loket.instruction_set(&actor, &texts, now)?;
            if as_json {
                return json(&list);
            }
            crate::output::list("Instruksi", &list);
            return Ok(());
        }
        DispositionAction::Inbox => {
            let items = loket.disposition_inbox(&actor, now)?;
            if as_json {
                return json(&items);
            }
            let rows: Vec<Vec<String>> = items
                .iter()
                .map(|i| {
                    vec![
                        i.disposition.id.to_string(),
                        i.agenda_number.clone(),
                        i.disposition
                            .batas_waktu
                            .clone()
                            .unwrap_or_else(|| "-".into()),
                        format!(
                            "{}{}",
                            i.disposition.state,
                            if i.overdue { ", lewat batas" } else { "" }
                        ),
                        i.disposition
                            .from_title
                            .clone()
                            .unwrap_or_else(|| i.disposition.from_name.clone()),
                        i.hal.clone(),
                    ]
                })
                .collect();
            table(&["ID", "AGENDA", "BATAS", "KEADAAN", "DARI", "HAL"], &rows);
            return Ok(());
        }
        DispositionAction::Read { id } => {
            let d = loket.disposition_read(&actor, id, now)?;
            if as_json {
                return json(&d);
            }
            println!(
                "Disposisi #{} dari {} kepada {}",
                d.id,
                d.from_title.unwrap_or(d.from_name),
                d.to_title
            );
            println!("Instruksi : {}", d.instructions.join(", "));
            println!("Catatan   : {}", d.note);
            println!(
                "Batas     : {}",
                d.batas_waktu.unwrap_or_else(|| "-".into())
            );
            println!("Dibaca    : {}", d.read_at.unwrap_or_default());
            return Ok(());
        }
        DispositionAction::Send {
            case,
            to,
            instructions,
            note,
            until,
            sifat,
        } => loket.disposition_send(
            &actor,
            &Dispatch {
                case_id: case,
                to,
                instructions,
                note,
                batas_waktu: until,
                sifat,
            },
            now,
        )?,
        DispositionAction::Report { id, text } => {
            loket.disposition_report(&actor, id, &text, now)?
        }
        DispositionAction::Complete { id, report } => {
            loket.disposition_complete(&actor, id, report.as_deref(), now)?
        }
        DispositionAction::Withdraw { id } => loket.disposition_withdraw(&actor, id, now)?,
    };
    if as_json {
        return json(&case);
    }
    println!(
        "Permohonan {} kini berstatus {}.",
        case.agenda_number, case.status_label
    );
    if let Some(last) = case.dispositions.last() {
        println!(
            "Disposisi terakhir: #{} kepada {} [{}]",
            last.id, last.to_title, last.state
        );
    }
    Ok(())
}
