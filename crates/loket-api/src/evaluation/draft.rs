//! `evaluation.draft`: the evaluation of a period as a letter of the letters workflow
//! (kind `laporan_evaluasi`): its figures computed now and frozen into the draft, so that
//! what the verifiers initial and the Kepala Dinas signs is what was shown; the number is
//! reserved now and fixed at signing, like any other letter.

use chrono::{DateTime, FixedOffset};
use loket_domain::skm::Period;
use loket_letters::spec;
use loket_letters::LetterKind;
use serde_json::{Map, Value};

use super::pdf::{figures, hal};
use crate::account::Actor;
use crate::letter::dto::LetterContent;
use crate::letter::flow::dto::{DraftView, NewDraft};
use crate::{ApiError, Loket};

pub const ID: &str = "evaluation.draft";

impl Loket {
    /// Starts the letter of the evaluation of `period`, dated `now`, with its figures frozen.
    /// The draft then goes through paraf and signature like any letter.
    ///
    /// Errors: as [`Loket::evaluation_report`] and [`Loket::letter_draft`] (`Forbidden`
    /// without the register or dispose role, `BadInput` without a numbering pattern for the
    /// kind or a Kepala Dinas to sign).
    pub fn evaluation_draft(
        &mut self,
        actor: &Actor,
        period: Period,
        now: DateTime<FixedOffset>,
    ) -> Result<DraftView, ApiError> {
        let e = self.evaluation_report(actor, period, now)?;
        let mut frozen = figures(&e);
        if let Some(o) = frozen.as_object_mut() {
            o.insert("periode".into(), Value::String(period.code()));
        }
        let mut isi = Map::new();
        isi.insert("evaluasi".into(), frozen);
        let filled = LetterContent {
            hal: hal(&e),
            tanggal: Some(now.date_naive()),
            isi,
            ..LetterContent::default()
        };
        let new = NewDraft {
            kind: spec::kind_id(LetterKind::LaporanEvaluasi).to_string(),
            case_id: None,
        };
        self.letter_draft_with(actor, &new, Some(filled), now)
    }
}
