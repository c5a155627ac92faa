//! `case.attachment_file`: one attachment's bytes, read from the database (every laptop of
//! the office reads the same scan from the server) and checked against its SHA-256 before
//! they are handed out.

use chrono::{DateTime, FixedOffset};
use loket_db::attachments::AttachmentRow;

use super::agenda_label;
use super::attach::sha256_hex;
use crate::account::Actor;
use crate::{ApiError, ErrorCode, Loket};

pub const ID: &str = "case.attachment_file";

/// An attachment's content with its original name and type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentFile {
    pub case_id: i64,
    /// The original file name ("surat-permohonan.pdf").
    pub name: String,
    pub media_type: String,
    pub bytes: Vec<u8>,
}

impl AttachmentFile {
    /// The original name made safe to write into a folder: no folder separators, not hidden.
    pub fn file_name(&self) -> String {
        let clean: String = self
            .name
            .chars()
            .map(|c| if matches!(c, '/' | '\\') { '-' } else { c })
            .collect();
        let clean = clean.trim().trim_start_matches('.').to_string();
        if clean.is_empty() {
            format!("lampiran-permohonan-{}", self.case_id)
        } else {
            clean
        }
    }
}

impl Loket {
    /// The content of attachment `id`, as the case page lists it (anyone signed in may read
    /// the case page, so anyone signed in may open its attachments).
    ///
    /// Errors: `NotFound` for an unknown attachment, or one whose bytes are not in the
    /// database (kept by an older Loket in a folder and not found when it was moved in);
    /// `Corrupt` when the stored bytes no longer match their SHA-256. Both name the case and
    /// the file and say what to do.
    pub fn case_attachment_file(
        &self,
        actor: &Actor,
        id: i64,
        _now: DateTime<FixedOffset>,
    ) -> Result<AttachmentFile, ApiError> {
        self.current(actor)?;
        let row = self.db.attachment(id)?.ok_or_else(|| {
            ApiError::not_found(format!(
                "lampiran nomor {id} tidak ada; buka halaman permohonannya untuk melihat lampiran yang ada"
            ))
        })?;
        let label = attachment_label(&self.db, &row)?;
        let bytes = self.db.attachment_file(&row.sha256)?.ok_or_else(|| {
            ApiError::not_found(format!(
                "isi {label} tidak ada di basis data (berkas lamanya tidak ditemukan saat dipindahkan ke basis data); jalankan `loket check` untuk rinciannya, lalu lampirkan ulang berkas aslinya"
            ))
        })?;
        if sha256_hex(&bytes) != row.sha256 {
            return Err(ApiError::new(
                ErrorCode::Corrupt,
                format!(
                    "isi {label} tidak cocok dengan SHA-256 yang tercatat: diubah di luar Loket; jalankan `loket check` dan pulihkan basis data dari cadangan"
                ),
            ));
        }
        Ok(AttachmentFile {
            case_id: row.case_id,
            name: row.name,
            media_type: row.media_type,
            bytes,
        })
    }
}

/// "lampiran surat.pdf permohonan 0007/2026" (or "permohonan id 7" when the case row is gone).
pub(crate) fn attachment_label(db: &loket_db::Db, row: &AttachmentRow) -> Result<String, ApiError> {
    let case = match db.case(row.case_id)? {
        Some(c) => agenda_label(c.year, c.agenda_seq),
        None => format!("id {}", row.case_id),
    };
    Ok(format!("lampiran {} permohonan {case}", row.name))
}
