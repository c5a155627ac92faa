//! `case.attach`: scans and PDF copies, checked (size, real type) before anything is written,
//! then copied into the content-addressed store beside the database and SHA-256 verified.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use loket_db::attachments::AttachmentRow;
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

/// Stored: original name, size, MIME type, SHA-256.
pub(crate) type Stored = (String, u64, &'static str, String);

fn io(e: std::io::Error, path: &Path) -> ApiError {
    ApiError::new(
        ErrorCode::Internal,
        format!("berkas {} tidak dapat ditulis: {e}", path.display()),
    )
}

impl Loket {
    /// The attachment store: `lampiran/` beside the database file.
    pub(crate) fn attachment_dir(&self) -> Result<PathBuf, ApiError> {
        let db = self.db_path();
        if db == Path::new(":memory:") {
            return Err(ApiError::new(
                ErrorCode::Internal,
                "lampiran memerlukan basis data berupa berkas, bukan basis data sementara",
            ));
        }
        Ok(db.with_file_name("lampiran"))
    }

    /// Where the bytes with hash `sha256` live.
    pub fn attachment_path(&self, sha256: &str) -> Result<PathBuf, ApiError> {
        let prefix = sha256.get(..2).unwrap_or("00");
        Ok(self.attachment_dir()?.join(prefix).join(sha256))
    }

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

    /// Copies checked files into the store under their SHA-256 (hashing while copying, then
    /// re-reading the stored copy to verify it). A file already stored is not copied again.
    pub(crate) fn store_attachments(&self, files: &[Checked]) -> Result<Vec<Stored>, ApiError> {
        let dir = self.attachment_dir()?;
        let mut out = Vec::new();
        for f in files {
            std::fs::create_dir_all(&dir).map_err(|e| io(e, &dir))?;
            let tmp = dir.join(format!(".masuk-{}", std::process::id()));
            let sha = copy_hashing(&f.path, &tmp)?;
            let target = self.attachment_path(&sha)?;
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(|e| io(e, parent))?;
            }
            if target.exists() {
                let _ = std::fs::remove_file(&tmp);
            } else {
                std::fs::rename(&tmp, &target).map_err(|e| io(e, &target))?;
            }
            if hash_file(&target)? != sha {
                return Err(ApiError::new(
                    ErrorCode::Corrupt,
                    format!(
                        "salinan lampiran {} tidak sama dengan aslinya; ulangi",
                        f.name
                    ),
                ));
            }
            out.push((f.name.clone(), f.size, f.media.mime(), sha));
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
        let stored = self.store_attachments(&checked)?;
        let tx = self.db.begin()?;
        let before = load(&tx, id)?;
        for (name, size, media, sha) in &stored {
            tx.insert_attachment(&AttachmentRow {
                id: 0,
                case_id: id,
                sha256: sha.clone(),
                name: name.clone(),
                size: *size as i64,
                media_type: media.to_string(),
                added_at: now.to_rfc3339(),
                added_by: actor.id().to_string(),
            })?;
        }
        let names: Vec<&str> = stored.iter().map(|s| s.0.as_str()).collect();
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

fn copy_hashing(from: &Path, to: &Path) -> Result<String, ApiError> {
    let mut src = File::open(from).map_err(|e| {
        ApiError::bad_input(format!(
            "lampiran {} tidak dapat dibaca: {e}",
            from.display()
        ))
    })?;
    let mut dst = File::create(to).map_err(|e| io(e, to))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = src.read(&mut buf).map_err(|e| io(e, from))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        dst.write_all(&buf[..n]).map_err(|e| io(e, to))?;
    }
    dst.sync_all().map_err(|e| io(e, to))?;
    Ok(hex::encode(hasher.finalize()))
}

/// SHA-256 of a stored file.
pub(crate) fn hash_file(path: &Path) -> Result<String, ApiError> {
    let mut f = File::open(path).map_err(|e| io(e, path))?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut f, &mut hasher).map_err(|e| io(e, path))?;
    Ok(hex::encode(hasher.finalize()))
}
