//! `letter.draft`: the preparer starts a letter of a kind, from a case; its fields are
//! pre-filled from the case, the service and the office, and a number is reserved for it.

use chrono::{DateTime, FixedOffset, NaiveDate};
use loket_db::letter_drafts::{DraftEvent, DraftRow};
use loket_letters::spec::{self, FieldType};
use loket_letters::LetterKind;
use serde_json::Value;

use super::chain::{signer_post, verifier_posts};
use super::correct::Opening;
use super::dto::{DraftView, NewDraft};
use super::{audit_shape, content_json, entity, State};
use crate::account::Actor;
use crate::letter::dto::LetterContent;
use crate::letter::numbering::Reservation;
use crate::{ApiError, Loket};

pub const ID: &str = "letter.draft";

impl Loket {
    /// Starts a draft (konsep) of `new.kind` for `new.case_id`, reserves its number and
    /// records who made it.
    ///
    /// Errors: `Forbidden` without the register or dispose role; `BadInput` for an unknown
    /// kind, the lembar disposisi (printed from the case page), an office without a Kepala
    /// Dinas to sign, or no numbering pattern for the kind; `NotFound` for an unknown case.
    pub fn letter_draft(
        &mut self,
        actor: &Actor,
        new: &NewDraft,
        now: DateTime<FixedOffset>,
    ) -> Result<DraftView, ApiError> {
        if new.kind == spec::kind_id(LetterKind::LaporanEvaluasi) {
            return Err(ApiError::bad_input(
                "laporan evaluasi kinerja pelaksana disusun dari evaluasi suatu periode (Survei & Evaluasi → Evaluasi → Susun surat bernomor), supaya angkanya dihitung dan dibekukan oleh Loket",
            ));
        }
        self.letter_draft_with(actor, new, None, now)
    }

    /// As [`Loket::letter_draft`], starting from `filled` (hal, date and the kind's fields
    /// already known, e.g. from a booking) over the kind's standard wording.
    pub(crate) fn letter_draft_with(
        &mut self,
        actor: &Actor,
        new: &NewDraft,
        filled: Option<LetterContent>,
        now: DateTime<FixedOffset>,
    ) -> Result<DraftView, ApiError> {
        let start = filled.map(Start::Over).unwrap_or(Start::Prefill);
        self.start_draft(actor, new, start, None, now)
    }

    /// Opens a draft of `new.kind` with its content from `start`. With `ralat` it is a ralat
    /// of an issued letter: linked to it and audited as `letter.correct`, in the same
    /// transaction as the draft and its reserved number.
    pub(super) fn start_draft(
        &mut self,
        actor: &Actor,
        new: &NewDraft,
        start: Start,
        ralat: Option<&Opening>,
        now: DateTime<FixedOffset>,
    ) -> Result<DraftView, ApiError> {
        let actor = self.current(actor)?;
        may_draft(&actor)?;
        let kind = crate::letter::kind(&new.kind)?;
        if kind == LetterKind::LembarDisposisi {
            return Err(ApiError::bad_input(
                "lembar disposisi dicetak dari halaman permohonan, bukan disusun sebagai surat keluar",
            ));
        }
        let profile = self.db.profile()?;
        loket_letters::signer::resolve(&profile, None, None)?;
        let signer = signer_post(&profile)?;
        let case = match new.case_id {
            Some(id) => Some(self.db.case(id)?.ok_or_else(|| {
                ApiError::not_found(format!(
                    "tidak ada permohonan nomor {id}; pilih permohonan dari Kotak Masuk atau Buku Agenda"
                ))
            })?),
            None => None,
        };
        let service_unit = case.as_ref().and_then(|c| {
            profile
                .services
                .iter()
                .find(|s| s.id == c.service_id)
                .map(|s| s.unit.clone())
        });
        let chain = verifier_posts(&profile, kind, service_unit.as_deref(), actor.position_id());
        let mut content = prefill(kind, &profile, case.as_ref(), now.date_naive());
        // The office's paper (Pengaturan → Profil Kantor); the letter's data can change it.
        content.kertas = self.office_paper_size()?;
        match start {
            Start::Prefill => {}
            Start::Over(f) => {
                content.hal = f.hal;
                content.tanggal = f.tanggal.or(content.tanggal);
                content.isi.extend(f.isi);
            }
            Start::Whole(c) => content = c,
        }
        crate::letter::limits::check(&new.kind, &content)?;
        let plan = self.number_plan(&new.kind)?;
        let case_text = new.case_id.map(|c| c.to_string());
        let stamp = crate::letter::stamp(now);
        let tx = self.db.begin()?;
        let number = tx.reserve_number(
            &plan.request(&Reservation {
                kind: &new.kind,
                tanggal: now.date_naive(),
                hal: content.hal.trim(),
                case_id: case_text.as_deref(),
                reserved_by: Some(actor.id()),
            }),
            &stamp,
            |seq| plan.format(seq, now.date_naive()),
        )?;
        let row = tx.insert_draft(&DraftRow {
            id: 0,
            kind: new.kind.clone(),
            case_id: new.case_id,
            content: content_json(&content)?,
            number_id: number.id,
            status: State::Konsep.code().to_string(),
            chain: serde_json::to_string(&chain).unwrap_or_else(|_| "[]".into()),
            parafs: 0,
            signer_position: signer,
            prepared_by: actor.id().to_string(),
            issued_letter_id: None,
            note: String::new(),
            created_at: stamp.clone(),
            updated_at: stamp.clone(),
        })?;
        let mut shape = audit_shape(&row);
        if let Some(o) = ralat {
            super::correct::record(&tx, row.id, o, &actor, &stamp)?;
            shape["ralat"] = super::correct::audit_link(o);
        }
        tx.add_draft_event(&DraftEvent {
            draft_id: row.id,
            action: if ralat.is_some() { "ralat" } else { "konsep" }.into(),
            account_id: actor.id().to_string(),
            account_name: actor.name().to_string(),
            position_id: actor.position_id().map(str::to_string),
            note: ralat.map(|o| o.reason.to_string()).unwrap_or_default(),
            at: stamp,
        })?;
        crate::audit::record(
            &tx,
            now,
            actor.id(),
            if ralat.is_some() {
                super::correct::ID
            } else {
                ID
            },
            &entity(row.id),
            None::<&()>,
            Some(&shape),
        )?;
        tx.commit()?;
        self.letter_show(&actor, row.id, now)
    }
}

/// How a new draft's content starts.
pub(super) enum Start {
    /// The kind's standard wording, pre-filled from the case and the office.
    Prefill,
    /// Over the standard wording: hal, date and the kind's fields already known.
    Over(LetterContent),
    /// Exactly this content (a ralat starts from the letter it replaces).
    Whole(LetterContent),
}

/// Refuses an account holding neither the register nor the dispose role: they may not draft
/// letters (nor start a ralat).
pub(super) fn may_draft(actor: &Actor) -> Result<(), ApiError> {
    crate::letter::require_preparer(actor, "menyusun konsep surat")
}

/// The starting content: the kind's standard wording (hal, sifat, tembusan and the
/// paragraph lists), dated today, addressed to the applicant, with the request's number and
/// date. Fields only the preparer knows (tables, parties, places) start empty.
fn prefill(
    kind: LetterKind,
    profile: &loket_domain::catalog::OfficeProfile,
    case: Option<&loket_db::cases::CaseRow>,
    today: NaiveDate,
) -> LetterContent {
    let sample = loket_letters::samples::content_for(kind, profile).unwrap_or_default();
    let mut isi = serde_json::Map::new();
    for f in spec::fields(kind) {
        let value = match (f.key, f.ty, case) {
            ("pemohon", _, Some(c)) => Value::String(c.applicant_name.clone()),
            ("surat_nomor", _, Some(c)) => Value::String(c.letter_number.clone()),
            ("surat_tanggal", _, Some(c)) => Value::String(c.letter_date.clone()),
            (_, FieldType::List, _) => sample
                .isi
                .get(f.key)
                .cloned()
                .unwrap_or(Value::Array(vec![])),
            (_, FieldType::Rows(_), _) => Value::Array(vec![]),
            (_, FieldType::Party, _) => {
                serde_json::json!({"nama": "", "nip": "", "jabatan": "", "instansi": ""})
            }
            _ => Value::String(String::new()),
        };
        isi.insert(f.key.to_string(), value);
    }
    LetterContent {
        kertas: sample.kertas,
        tanggal: Some(today),
        sifat: sample.sifat,
        lampiran: sample.lampiran,
        hal: sample.hal,
        kepada: case
            .map(|c| vec![c.applicant_name.clone()])
            .unwrap_or_default(),
        di: sample.di,
        tembusan: sample.tembusan,
        isi,
        penandatangan: None,
        ralat: None,
    }
}
