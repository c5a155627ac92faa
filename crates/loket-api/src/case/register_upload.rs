//! Registering from the window: the form sends each attachment's bytes with the SHA-256 the
//! window computed. They are checked (size, hash) and staged in a temporary folder, then
//! registered exactly like files named on the command line, and the staging copy is removed.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use loket_domain::attachment::MAX_BYTES;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::{CaseView, NewCase};
use crate::account::Actor;
use crate::{ApiError, ErrorCode, Loket};

/// One file chosen in the register form.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Upload {
    /// The original file name ("surat-permohonan.pdf").
    pub name: String,
    #[cfg_attr(feature = "ts", ts(type = "Array<number>"))]
    pub bytes: Vec<u8>,
    /// SHA-256 of the bytes as the window read them, in hexadecimal.
    pub sha256: String,
}

/// Checks one upload; problems go to `problems`.
fn check(u: &Upload, problems: &mut Vec<String>) -> bool {
    let name = u.name.trim();
    if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
        problems.push(format!(
            "nama lampiran `{name}` tidak sah; ganti nama berkasnya (tanpa folder)"
        ));
        return false;
    }
    if u.bytes.len() as u64 > MAX_BYTES {
        problems.push(format!(
            "lampiran {name} berukuran {} MB, melebihi batas {} MB; pindai ulang dengan resolusi lebih kecil",
            u.bytes.len() as u64 / (1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        ));
        return false;
    }
    let got = hex::encode(Sha256::digest(&u.bytes));
    if !got.eq_ignore_ascii_case(u.sha256.trim()) {
        problems.push(format!(
            "lampiran {name} berubah saat dikirim (SHA-256 tidak cocok); pilih berkasnya lagi"
        ));
        return false;
    }
    true
}

fn staging_failed(dir: &Path, e: std::io::Error) -> ApiError {
    ApiError::new(
        ErrorCode::Internal,
        format!(
            "lampiran tidak dapat disiapkan di {}: {e}; periksa ruang disk",
            dir.display()
        ),
    )
}

/// Writes each upload into its own sub-folder of `dir` under its original name.
fn stage(dir: &Path, uploads: &[Upload]) -> Result<Vec<PathBuf>, ApiError> {
    let mut paths = Vec::new();
    for (i, u) in uploads.iter().enumerate() {
        let sub = dir.join(i.to_string());
        std::fs::create_dir_all(&sub).map_err(|e| staging_failed(&sub, e))?;
        let path = sub.join(u.name.trim());
        std::fs::write(&path, &u.bytes).map_err(|e| staging_failed(&sub, e))?;
        paths.push(path);
    }
    Ok(paths)
}

impl Loket {
    /// Registers `new` with `uploads` as its attachments (the paths in `new.attachments` are
    /// ignored). Nothing is registered when any upload is refused.
    ///
    /// Errors: as [`Loket::case_register`], and `BadInput` for a bad name, an oversized file
    /// or bytes that do not match their SHA-256.
    pub fn case_register_uploads(
        &mut self,
        actor: &Actor,
        new: &NewCase,
        uploads: &[Upload],
        now: DateTime<FixedOffset>,
    ) -> Result<CaseView, ApiError> {
        let mut problems = Vec::new();
        let ok: Vec<Upload> = uploads
            .iter()
            .filter(|u| check(u, &mut problems))
            .cloned()
            .collect();
        if !problems.is_empty() {
            return Err(ApiError::bad_input(format!(
                "permohonan belum dapat dicatat: {}",
                problems.join("; ")
            )));
        }
        let stamp = now.timestamp_nanos_opt().unwrap_or_default();
        let dir = std::env::temp_dir().join(format!("loket-daftar-{}-{stamp}", std::process::id()));
        let result = stage(&dir, &ok).and_then(|paths| {
            let with = NewCase {
                attachments: paths,
                ..new.clone()
            };
            self.case_register(actor, &with, now)
        });
        let _ = std::fs::remove_dir_all(&dir);
        result
    }
}
