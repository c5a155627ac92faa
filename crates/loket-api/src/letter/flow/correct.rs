//! `letter.correct` (ralat): an issued letter is never changed. A correction is a new draft
//! of the same kind, pre-filled with the issued letter's content, carrying the reason and the
//! link to the letter it replaces. It goes through the same paraf and signature as any draft
//! and gets its own number when it is signed; it prints "Surat ini menggantikan surat nomor …
//! tanggal …" and, once issued, records on its agenda row which letter it replaces. A letter
//! is replaced by at most one issued ralat.

use chrono::{DateTime, FixedOffset, NaiveDate};
use loket_db::issued_letters::IssuedLetter;
use loket_db::letter_corrections::Correction;
use loket_db::Tx;
use loket_letters::Ralat;

use super::draft::{may_draft, Start};
use super::dto::{DraftView, NewDraft};
use crate::account::Actor;
use crate::letter::dto::LetterContent;
use crate::{ApiError, ErrorCode, Loket};

pub const ID: &str = "letter.correct";

/// The issued letter a ralat replaces and why, as the draft is opened with it.
pub(super) struct Opening<'a> {
    pub original: &'a IssuedLetter,
    pub reason: &'a str,
}

impl Loket {
    /// Starts a ralat of the issued letter numbered `nomor`: a new draft of its kind with its
    /// content, dated `now`, a new number reserved, linked to it with `reason`. Audited as
    /// `letter.correct` with the draft, in one transaction.
    ///
    /// Errors: `Forbidden` without the register or dispose role (as `letter.draft`);
    /// `BadInput` for an empty reason or one too long or holding control characters;
    /// `NotFound` for a number no letter was issued with; `Conflict` for a number still only
    /// reserved (its draft is changed instead), a letter already replaced by an issued ralat,
    /// or one whose ralat is already on its way. Nothing is written when it is refused.
    pub fn letter_correct(
        &mut self,
        actor: &Actor,
        nomor: &str,
        reason: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<DraftView, ApiError> {
        let me = self.current(actor)?;
        may_draft(&me)?;
        let reason = reason.trim();
        crate::text::check("alasan ralat", reason, crate::text::REASON_MAX)?;
        if reason.is_empty() {
            return Err(ApiError::bad_input(
                "alasan ralat wajib diisi, mis. \"nama pemohon salah ketik\"; alasan itu dicetak pada surat ralat",
            ));
        }
        let nomor = nomor.trim();
        crate::text::check("nomor surat", nomor, crate::text::SHORT_MAX)?;
        let original = self.db.issued_letter_by_nomor(nomor)?.ok_or_else(|| {
            let reserved = self
                .db
                .registered_numbers(None)
                .ok()
                .and_then(|list| list.into_iter().find(|n| n.number == nomor));
            match reserved {
                Some(_) => ApiError::new(
                    ErrorCode::Conflict,
                    format!(
                        "surat nomor {nomor} belum terbit, sehingga tidak dapat diralat; ubah konsepnya saja (bagian Surat → Konsep saya)"
                    ),
                ),
                None => ApiError::not_found(format!(
                    "tidak ada surat terbit bernomor {nomor}; lihat agenda surat keluar (`loket letter list`)"
                )),
            }
        })?;
        let mut content: LetterContent = serde_json::from_str(&original.data).map_err(|e| {
            ApiError::new(
                ErrorCode::Corrupt,
                format!("isi surat terbit {} rusak: {e}", original.nomor),
            )
        })?;
        content.penandatangan = None;
        content.tanggal = Some(now.date_naive());
        content.ralat = Some(printed(reason, &original)?);
        let new = NewDraft {
            kind: original.kind.clone(),
            case_id: original
                .case_id
                .as_deref()
                .and_then(|c| c.trim().parse().ok()),
        };
        let opening = Opening {
            original: &original,
            reason,
        };
        self.start_draft(&me, &new, Start::Whole(content), Some(&opening), now)
    }
}

/// What the ralat prints about the letter it replaces.
fn printed(reason: &str, original: &IssuedLetter) -> Result<Ralat, ApiError> {
    let tanggal = NaiveDate::parse_from_str(&original.tanggal, "%Y-%m-%d").map_err(|_| {
        ApiError::new(
            ErrorCode::Corrupt,
            format!(
                "tanggal surat terbit {} tidak terbaca ({})",
                original.nomor, original.tanggal
            ),
        )
    })?;
    Ok(Ralat {
        nomor: original.nomor.clone(),
        tanggal,
        alasan: reason.to_string(),
    })
}

/// Refuses a ralat of `original` once an issued ralat replaced it, or while another ralat of
/// it (other than draft `except`) is on its way. Read inside the writing transaction.
pub(super) fn still_open(
    tx: &Tx,
    original: &IssuedLetter,
    except: Option<i64>,
) -> Result<(), ApiError> {
    if let Some(r) = tx.replacement_of(original.id)? {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            format!(
                "surat nomor {} sudah diganti dengan surat nomor {} tanggal {}; bila masih ada yang salah, buat ralat atas surat {}",
                original.nomor,
                r.nomor,
                loket_domain::tanggal::tanggal_teks(&r.tanggal),
                r.nomor
            ),
        ));
    }
    if let Some(c) = tx
        .open_corrections(original.id)?
        .into_iter()
        .find(|c| Some(c.draft_id) != except)
    {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            format!(
                "ralat atas surat nomor {} sedang disusun (konsep surat {}); lanjutkan konsep itu atau batalkan dahulu",
                original.nomor, c.draft_id
            ),
        ));
    }
    Ok(())
}

/// Writes the link of new draft `draft_id` to the letter it replaces, inside `tx`.
pub(super) fn record(
    tx: &Tx,
    draft_id: i64,
    o: &Opening,
    actor: &Actor,
    stamp: &str,
) -> Result<(), ApiError> {
    still_open(tx, o.original, Some(draft_id))?;
    tx.insert_correction(&Correction {
        draft_id,
        replaces_id: o.original.id,
        reason: o.reason.to_string(),
        created_by: actor.id().to_string(),
        created_at: stamp.to_string(),
    })?;
    Ok(())
}

/// What the audit trail keeps of a ralat's link, beside the draft.
pub(super) fn audit_link(o: &Opening) -> serde_json::Value {
    serde_json::json!({
        "menggantikan": o.original.nomor,
        "replaces_letter_id": o.original.id,
        "alasan": o.reason,
    })
}

impl Loket {
    /// The ralat link of draft `draft_id` and the issued letter it replaces, when the draft
    /// is a ralat.
    pub(crate) fn correction_of(
        &self,
        draft_id: i64,
    ) -> Result<Option<(Correction, IssuedLetter)>, ApiError> {
        let Some(c) = self.db.correction_of_draft(draft_id)? else {
            return Ok(None);
        };
        let original = self.db.issued_letter(c.replaces_id)?.ok_or_else(|| {
            ApiError::new(
                ErrorCode::Corrupt,
                format!(
                    "surat terbit {} yang diralat konsep {draft_id} tidak ada di agenda",
                    c.replaces_id
                ),
            )
        })?;
        Ok(Some((c, original)))
    }

    /// What a ralat draft prints about the letter it replaces: from its link, never from the
    /// typed content (an edit cannot add, change or drop it).
    pub(crate) fn ralat_of(&self, draft_id: i64) -> Result<Option<Ralat>, ApiError> {
        self.correction_of(draft_id)?
            .map(|(c, o)| printed(&c.reason, &o))
            .transpose()
    }

    /// At signing a ralat: the letter it replaces (id) and why, after checking that no other
    /// ralat replaced it meanwhile.
    pub(crate) fn ralat_to_issue(&self, draft_id: i64) -> Result<Option<(i64, String)>, ApiError> {
        let Some((c, original)) = self.correction_of(draft_id)? else {
            return Ok(None);
        };
        if let Some(r) = self.db.replacement_of(original.id)? {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                format!(
                    "surat nomor {} sudah diganti dengan surat nomor {}; ralat ini tidak dapat diterbitkan lagi — batalkan konsep surat {draft_id}",
                    original.nomor, r.nomor
                ),
            ));
        }
        Ok(Some((original.id, c.reason)))
    }

    /// A ralat of this issued letter still on its way (draft id), if any.
    pub(crate) fn open_ralat(&self, issued_id: i64) -> Result<Option<i64>, ApiError> {
        Ok(self
            .db
            .open_corrections(issued_id)?
            .first()
            .map(|c| c.draft_id))
    }
}
