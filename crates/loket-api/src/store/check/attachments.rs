//! `loket check` of the attachment store: every stored file's bytes against the SHA-256 (and
//! size) it is stored under, and every attachment row against the store, so that a scan
//! altered in the database, or one an older Loket kept in `lampiran/` that was missing or
//! altered when it was moved in, is named with its case and file name.

use std::collections::BTreeSet;
use std::path::Path;

use loket_db::Db;

use crate::case::attach::sha256_hex;
use crate::case::attach_folder::{folder, old_file};
use crate::case::attachment_file::attachment_label;
use crate::ApiError;

/// One line per attachment whose bytes are altered or missing; empty when every one is
/// intact. A database last written by an older Loket and not yet opened by this one has no
/// store to check (its schema version is reported instead).
pub(crate) fn attachments(db: &Db, location: &Path) -> Result<Vec<String>, ApiError> {
    if !db.has_attachment_files()? {
        return Ok(Vec::new());
    }
    let mut altered = BTreeSet::new();
    db.each_attachment_file(|sha, size, bytes| {
        if sha256_hex(bytes) != sha || usize::try_from(size).ok() != Some(bytes.len()) {
            altered.insert(sha.to_string());
        }
    })?;
    let mut problems = Vec::new();
    for sha in &altered {
        let rows = db.attachments_with_sha256(sha)?;
        if rows.is_empty() {
            problems.push(format!(
                "lampiran: isi tersimpan {sha} (tidak dipakai permohonan mana pun) tidak cocok dengan SHA-256-nya; diubah di luar Loket"
            ));
        }
        for row in rows {
            problems.push(format!(
                "{}: isi tersimpan tidak cocok dengan SHA-256 yang tercatat; diubah di luar Loket, pulihkan basis data dari cadangan atau lampirkan ulang berkas aslinya",
                attachment_label(db, &row)?
            ));
        }
    }
    let dir = folder(location);
    for row in db.attachments_without_file()? {
        let label = attachment_label(db, &row)?;
        let old = dir.as_deref().and_then(|d| old_file(d, &row.sha256));
        problems.push(match old {
            Some(path) if path.exists() => format!(
                "{label}: isinya belum ada di basis data karena berkas lamanya {} berubah (SHA-256 tidak cocok); letakkan salinan aslinya di sana lalu buka Loket lagi, atau lampirkan ulang berkas aslinya",
                path.display()
            ),
            Some(path) => format!(
                "{label}: isinya belum ada di basis data karena berkas lamanya {} tidak ditemukan; letakkan salinan aslinya di sana lalu buka Loket lagi, atau lampirkan ulang berkas aslinya",
                path.display()
            ),
            None => format!(
                "{label}: isinya tidak ada di basis data; lampirkan ulang berkas aslinya"
            ),
        });
    }
    Ok(problems)
}
