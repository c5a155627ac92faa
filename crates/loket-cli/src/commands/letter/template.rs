//! `loket letter template ...`: copy, edit, preview and reset letter templates.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use loket_api::{ApiError, Loket};

use super::{io_error, write};
use crate::commands::requests::SignIn;
use crate::output::{json, table};

#[derive(Debug, Subcommand)]
pub enum TemplateAction {
    /// Daftar berkas templat dan mana yang sudah diubah kantor
    List,
    /// Mencetak teks templat yang berlaku (salin ke berkas untuk diubah)
    Show { file: String },
    /// Memakai teks dari berkas sebagai templat; ditolak dengan baris galat bila tidak dapat
    /// dikompilasi, dan versi sebelumnya tetap berlaku
    Save {
        file: String,
        #[arg(long, value_name = "BERKAS.typ")]
        from: PathBuf,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Mengembalikan templat ke versi bawaan
    Reset {
        file: String,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// PDF contoh satu jenis surat dengan templat (atau teks dari berkas, belum disimpan)
    Preview {
        #[arg(long, value_name = "JENIS")]
        kind: String,
        /// Berkas templat yang diganti untuk pratinjau ini, mis. naskah.typ
        #[arg(long, value_name = "TEMPLAT", requires = "from")]
        file: Option<String>,
        #[arg(long, value_name = "BERKAS.typ")]
        from: Option<PathBuf>,
        #[arg(long, short, value_name = "BERKAS.pdf")]
        out: PathBuf,
    },
}

pub fn run(
    loket: &mut Loket,
    action: TemplateAction,
    as_json: bool,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<(), ApiError> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| io_error(p, e));
    match action {
        TemplateAction::List => {
            let list = loket.letter_template_list()?;
            if as_json {
                return json(&list);
            }
            let rows: Vec<Vec<String>> = list
                .into_iter()
                .map(|t| {
                    let state = match t.updated_at {
                        Some(at) => format!("diubah {at}"),
                        None => "bawaan".into(),
                    };
                    vec![t.file, state]
                })
                .collect();
            table(&["TEMPLAT", "VERSI"], &rows);
            Ok(())
        }
        TemplateAction::Show { file } => {
            print!("{}", loket.letter_template_show(&file)?);
            Ok(())
        }
        TemplateAction::Save {
            file,
            from,
            sign_in,
        } => {
            let text = read(&from)?;
            let actor = sign_in.actor(loket)?;
            loket.letter_template_save(&actor, &file, &text, now)?;
            if !as_json {
                println!("Templat {file} disimpan dan berlaku untuk surat berikutnya.");
            }
            Ok(())
        }
        TemplateAction::Reset { file, sign_in } => {
            let actor = sign_in.actor(loket)?;
            let removed = loket.letter_template_reset(&actor, &file, now)?;
            if !as_json {
                if removed {
                    println!("Templat {file} dikembalikan ke versi bawaan.");
                } else {
                    println!("Templat {file} memang versi bawaan.");
                }
            }
            Ok(())
        }
        TemplateAction::Preview {
            kind,
            file,
            from,
            out,
        } => {
            let text = from.as_deref().map(read).transpose()?;
            let file = file.unwrap_or_else(|| format!("{kind}.typ"));
            let r = loket.letter_template_preview(&kind, &file, text.as_deref())?;
            write(&out, &r.pdf)?;
            if as_json {
                return json(&r);
            }
            println!("Pratinjau {} halaman ditulis ke {}", r.pages, out.display());
            Ok(())
        }
    }
}
