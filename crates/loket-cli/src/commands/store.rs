//! Area "store": `loket check`, `loket backup`, `loket audit checkpoint` — the database file
//! itself and the audit checkpoints kept outside it.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use loket_api::store::{check_file, checkpoint_path, display_location, Checkpoint};
use loket_api::{ApiError, Loket};

use crate::output::{json, os_words};

#[derive(Debug, Subcommand)]
pub enum AuditAction {
    /// Titik periksa jejak audit sekarang (jumlah entri dan hash terakhir), untuk dicetak atau disimpan di luar komputer ini
    Checkpoint {
        /// Tulis ke berkas ini (tidak boleh sudah ada); tanpa ini dicetak ke layar
        #[arg(long, value_name = "BERKAS")]
        out: Option<PathBuf>,
    },
}

/// Reads a checkpoint file, naming it when it cannot be read.
fn read_checkpoint(path: &Path) -> Result<Checkpoint, ApiError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        ApiError::bad_input(format!(
            "berkas titik periksa {} tidak dapat dibaca: {}; periksa jalurnya",
            path.display(),
            os_words(&e)
        ))
    })?;
    Checkpoint::parse(&path.display().to_string(), &text)
}

fn said(lines: &[String], fine: &str) -> String {
    if lines.is_empty() {
        fine.to_string()
    } else {
        lines.join("; ")
    }
}

/// Writes `text` to a file that must not exist yet (a checkpoint is never overwritten).
fn write_new(path: &Path, text: &str) -> Result<(), ApiError> {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .map_err(|e| {
            ApiError::bad_input(format!(
                "titik periksa tidak dapat ditulis ke {}: {}; pilih nama berkas lain",
                path.display(),
                os_words(&e)
            ))
        })
}

/// `loket check [--checkpoint FILE]… [--kode KODE]…`.
pub fn check(
    db_path: &Path,
    files: &[PathBuf],
    codes: &[String],
    as_json: bool,
) -> Result<(), ApiError> {
    let mut checkpoints = files
        .iter()
        .map(|f| read_checkpoint(f))
        .collect::<Result<Vec<_>, _>>()?;
    for c in codes {
        checkpoints.push(Checkpoint::parse_code(c)?);
    }
    let report = check_file(db_path, &checkpoints)?;
    if as_json {
        json(&report)?;
    } else {
        println!("Basis data : {}", display_location(db_path));
        println!(
            "Kantor     : {}",
            report.office_id.as_deref().unwrap_or("(belum diisi)")
        );
        println!(
            "Skema      : versi {} (versi Loket ini: {})",
            report.schema_version, report.known_schema_version
        );
        println!("Keutuhan   : {}", said(&report.integrity, "baik"));
        println!("Kunci asing: {}", said(&report.foreign_keys, "baik"));
        println!("Jejak audit: {}", said(&report.audit, "utuh"));
        println!(
            "Data teraudit: {}",
            said(&report.rows, "sama dengan jejak audit")
        );
        println!(
            "Lampiran   : {}",
            said(
                &report.attachments,
                "isi tiap lampiran cocok dengan SHA-256-nya"
            )
        );
        for line in &report.checkpoints {
            println!("             {line}");
        }
        if checkpoints.is_empty() {
            println!(
                "             (tanpa titik periksa: penghapusan entri terakhir atau rantai yang dihitung ulang tidak terlihat; lihat `loket check --help`)"
            );
        }
    }
    if report.ok {
        Ok(())
    } else {
        Err(ApiError::new(
            loket_api::ErrorCode::Corrupt,
            "pemeriksaan menemukan masalah; pulihkan dari cadangan",
        ))
    }
}

/// `loket backup OUT`: the copy and its checkpoint beside it.
pub fn backup(loket: &mut Loket, out: &Path, as_json: bool) -> Result<(), ApiError> {
    let now = crate::context::now()?;
    let mut last = -1;
    let cp = loket.store_backup(
        out,
        |done, total| {
            let pct = if total > 0 { done * 100 / total } else { 100 };
            if !as_json && pct / 25 != last {
                last = pct / 25;
                eprintln!("cadangan: {pct}%");
            }
        },
        now,
    )?;
    let cp_path = checkpoint_path(out);
    if as_json {
        return json(&serde_json::json!({
            "backup": out.display().to_string(),
            "checkpoint": cp_path.display().to_string(),
            "code": cp.code(),
        }));
    }
    println!("Cadangan tersimpan di {}", out.display());
    println!(
        "Titik periksa jejak audit di {} (kode {}); simpan bersama cadangan, di luar komputer ini",
        cp_path.display(),
        cp.code()
    );
    Ok(())
}

/// `loket audit checkpoint [--out FILE]`.
pub fn audit(loket: &mut Loket, action: AuditAction, as_json: bool) -> Result<(), ApiError> {
    match action {
        AuditAction::Checkpoint { out } => {
            let cp = loket.store_checkpoint(crate::context::now()?)?;
            if let Some(path) = &out {
                write_new(path, &cp.to_text())?;
            }
            if as_json {
                return json(&serde_json::json!({
                    "checkpoint": cp,
                    "code": cp.code(),
                    "file": out.as_ref().map(|p| p.display().to_string()),
                }));
            }
            match out {
                Some(path) => println!(
                    "Titik periksa tersimpan di {} (kode {}); cetak atau kirim keluar dari komputer ini",
                    path.display(),
                    cp.code()
                ),
                None => print!("{}", cp.to_text()),
            }
            Ok(())
        }
    }
}
