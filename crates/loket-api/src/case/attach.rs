//! `case.attach`: scans and PDF copies, checked (size, real type) before anything is written,
//! then stored in the database (once per SHA-256) in the same transaction as the attachment
//! row, and read back there to verify that the hash names these bytes.

use std::fs::File;
use std::io::Read;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use loket_db::attachments::AttachmentRow;
use loket_db::Tx;
use loket_domain::attachment::{accept, MediaType};
use sha2::{Digest, Sha256};

use super::load;
use crate::account::Actor;
use crate::{ApiError, ErrorCode, Loket};

pub const ID: &str = "case.attach";

/// A file that passed the checks: path, original name, size, type.
pub(crate) struct Checked {
    path: PathBuf,
    name: String,
    size: u64,
    media: MediaType,
}

/// A checked file read whole and hashed, ready to be stored with a case.
pub(crate) struct Stored {
    pub(crate) name: String,
    pub(crate) media: &'static str,
    pub(crate) bytes: Vec<u8>,
    /// Lower-case hex SHA-256 of `bytes`.
    pub(crate) sha256: String,
}

/// Lower-case hex SHA-256 of `bytes`.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

impl Loket {
    /// Checks every file (exists, size limit, real type) without reading more than its head;
    /// problems go to `problems`.
    pub(crate) fn check_attachments(
        &self,
        files: &[PathBuf],
        problems: &mut Vec<String>,
    ) -> Vec<Checked> {
        let mut ok = Vec::new();
        for path in files {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_else(|| path.display().to_string());
            let meta = match std::fs::metadata(path) {
                Ok(m) if m.is_file() => m,
                _ => {
                    problems.push(format!(
                        "lampiran {} tidak ditemukan atau bukan berkas; periksa lokasinya",
                        path.display()
                    ));
                    continue;
                }
            };
            let mut head = [0u8; 16];
            let n = File::open(path)
                .and_then(|mut f| f.read(&mut head))
                .unwrap_or(0);
            match accept(&name, meta.len(), &head[..n]) {
                Ok(media) => ok.push(Checked {
                    path: path.clone(),
                    name,
                    size: meta.len(),
                    media,
                }),
                Err(e) => problems.push(e.to_string()),
            }
        }
        ok
    }

    /// Reads each checked file whole and hashes it. The bytes read are checked again (size,
    /// real type), so a file changed on disk since [`Loket::check_attachments`] is refused
    /// rather than stored unchecked.
    ///
    /// Errors: `BadInput` naming the file when it cannot be read or no longer passes.
    pub(crate) fn read_attachments(&self, files: &[Checked]) -> Result<Vec<Stored>, ApiError> {
        let mut out = Vec::new();
        for f in files {
            let mut bytes = Vec::with_capacity(usize::try_from(f.size).unwrap_or(0));
            File::open(&f.path)
                .and_then(|file| file.take(MAX_READ).read_to_end(&mut bytes))
                .map_err(|e| {
                    ApiError::bad_input(format!(
                        "lampiran {} tidak dapat dibaca: {e}; periksa berkasnya lalu lampirkan lagi",
                        f.path.display()
                    ))
                })?;
            let media = accept(&f.name, bytes.len() as u64, &bytes[..bytes.len().min(16)])
                .map_err(|e| ApiError::bad_input(format!("lampiran tidak dapat disimpan: {e}")))?;
            if media != f.media {
                return Err(ApiError::bad_input(format!(
                    "lampiran {} berubah saat dibaca; lampirkan lagi",
                    f.name
                )));
            }
            out.push(Stored {
                name: f.name.clone(),
                media: media.mime(),
                sha256: sha256_hex(&bytes),
                bytes,
            });
        }
        Ok(out)
    }

    /// Attaches more files to case `id`.
    ///
    /// Errors: `Forbidden` for anyone but the registrar or a holder of the case; `NotFound`
    /// for an unknown case; `BadInput` for a refused file (nothing stored
    /// for any of them).
    pub fn case_attach(
        &mut self,
        actor: &Actor,
        id: i64,
        files: &[PathBuf],
        now: DateTime<FixedOffset>,
    ) -> Result<usize, ApiError> {
        let me = self.current(actor)?;
        if self.db.case(id)?.is_none() {
            return Err(super::not_found(id));
        }
        // The registrar, or whoever holds or held the case in the disposition chain.
        if !me.roles().contains(&loket_domain::roles::Role::Register)
            && self
                .involved_posts(id, &self.posts_of(&me, now)?)?
                .is_empty()
        {
            return Err(ApiError::new(
                ErrorCode::Forbidden,
                format!(
                    "akun {} tidak dapat menambah lampiran permohonan {id}: lampiran ditambahkan oleh pencatat surat atau pemegang permohonan ini",
                    me.id()
                ),
            ));
        }
        let mut problems = Vec::new();
        let checked = self.check_attachments(files, &mut problems);
        if !problems.is_empty() {
            return Err(ApiError::bad_input(format!(
                "lampiran tidak dapat disimpan: {}",
                problems.join("; ")
            )));
        }
        let stored = self.read_attachments(&checked)?;
        let tx = self.db.begin()?;
        let before = load(&tx, id)?;
        for file in &stored {
            store(&tx, id, file, actor, now)?;
        }
        let names: Vec<&str> = stored.iter().map(|s| s.name.as_str()).collect();
        crate::audit::record(
            &tx,
            now,
            actor.id(),
            ID,
            &format!("case:{}", before.id),
            None::<&()>,
            Some(&names),
        )?;
        tx.commit()?;
        Ok(stored.len())
    }
}

/// Largest file ever read whole: one byte past the limit, so that a file grown past it since
/// it was checked is seen as too large rather than cut short.
const MAX_READ: u64 = loket_domain::attachment::MAX_BYTES + 1;

/// Stores `file`'s bytes (once per hash) and records it as an attachment of case `case_id`,
/// inside the caller's transaction. The bytes the hash then names are read back and hashed:
/// bytes stored earlier under this hash but altered since are refused, so an attachment never
/// points at content other than its own.
///
/// Errors: `Corrupt` when the stored bytes under this hash are not these bytes.
pub(crate) fn store(
    tx: &Tx,
    case_id: i64,
    file: &Stored,
    actor: &Actor,
    now: DateTime<FixedOffset>,
) -> Result<i64, ApiError> {
    tx.put_attachment_file(&file.sha256, &file.bytes)?;
    let held = tx.attachment_file(&file.sha256)?;
    if held.as_deref().map(sha256_hex).as_deref() != Some(file.sha256.as_str()) {
        return Err(ApiError::new(
            ErrorCode::Corrupt,
            format!(
                "lampiran {} tidak dapat disimpan: isi yang sudah tersimpan dengan SHA-256 yang sama telah diubah di luar Loket; jalankan `loket check` dan pulihkan basis data dari cadangan",
                file.name
            ),
        ));
    }
    Ok(tx.insert_attachment(&AttachmentRow {
        id: 0,
        case_id,
        sha256: file.sha256.clone(),
        name: file.name.clone(),
        size: file.bytes.len() as i64,
        media_type: file.media.to_string(),
        added_at: now.to_rfc3339(),
        added_by: actor.id().to_string(),
    })?)
}
