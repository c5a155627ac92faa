//! `letter.list`: the outgoing agenda (buku agenda surat keluar), optionally for one case.

use loket_db::issued_letters::IssuedLetter;
use loket_letters::spec;

use super::dto::{IssuedLetterView, LetterLinkView};
use crate::{ApiError, Loket};

pub const LIST: &str = "letter.list";

pub(crate) fn issued_view(l: IssuedLetter) -> IssuedLetterView {
    IssuedLetterView {
        kind_label: spec::kind_from_id(&l.kind)
            .map(|k| k.label().to_string())
            .unwrap_or_else(|| l.kind.clone()),
        tanggal_words: loket_domain::tanggal::tanggal_teks(&l.tanggal),
        id: l.id,
        nomor: l.nomor,
        kind: l.kind,
        tanggal: l.tanggal,
        hal: l.hal,
        kepada: l.kepada,
        signer: l.signer,
        case_id: l.case_id,
        pdf_sha256: l.pdf_sha256,
        content_sha256: l.content_sha256,
        issued_at: l.issued_at,
        issued_by: l.issued_by,
        draft_id: None,
        replaces: None,
        correction_reason: l.correction_reason,
        replaced_by: None,
    }
}

impl Loket {
    /// An agenda row with its links: the letter page it was signed from, the letter it
    /// replaces (a ralat) and the issued ralat that replaced it.
    pub(crate) fn issued_linked(&self, l: IssuedLetter) -> Result<IssuedLetterView, ApiError> {
        let replaces = match l.replaces_id {
            Some(id) => self
                .db
                .issued_letter(id)?
                .map(|o| self.issued_link(o))
                .transpose()?,
            None => None,
        };
        let replaced_by = self
            .db
            .replacement_of(l.id)?
            .map(|r| self.issued_link(r))
            .transpose()?;
        let draft_id = self.db.draft_of_issued(l.id)?;
        Ok(IssuedLetterView {
            draft_id,
            replaces,
            replaced_by,
            ..issued_view(l)
        })
    }

    /// Issued letter `l` as a link from another.
    pub(crate) fn issued_link(&self, l: IssuedLetter) -> Result<LetterLinkView, ApiError> {
        Ok(LetterLinkView {
            draft_id: self.db.draft_of_issued(l.id)?,
            tanggal_words: loket_domain::tanggal::tanggal_teks(&l.tanggal),
            id: l.id,
            nomor: l.nomor,
        })
    }
}

impl Loket {
    /// Issued letters, oldest first; `case_id` narrows the list to one case. A ralat says
    /// which letter it replaces, and a replaced letter which ralat replaced it.
    pub fn letter_list(&self, case_id: Option<&str>) -> Result<Vec<IssuedLetterView>, ApiError> {
        self.db
            .issued_letters(case_id)?
            .into_iter()
            .map(|l| self.issued_linked(l))
            .collect()
    }

    /// The stored PDF of an issued letter, by its agenda number text.
    pub fn letter_pdf(&self, nomor: &str) -> Result<Vec<u8>, ApiError> {
        let l = self.db.issued_letter_by_nomor(nomor)?.ok_or_else(|| {
            ApiError::not_found(format!(
                "tidak ada surat terbit bernomor {nomor}; lihat `loket letter list`"
            ))
        })?;
        self.db.letter_file(&l.pdf_sha256)?.ok_or_else(|| {
            ApiError::not_found(format!("berkas PDF surat {nomor} tidak ada di penyimpanan"))
        })
    }
}

impl Loket {
    /// The stored PDF of an issued letter with a file name for it ("surat-500.12.4-1-DKIS-2026.pdf").
    pub fn letter_pdf_named(&self, nomor: &str) -> Result<(String, Vec<u8>), ApiError> {
        let pdf = self.letter_pdf(nomor)?;
        let safe: String = nomor
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        Ok((format!("surat-{safe}.pdf"), pdf))
    }
}
