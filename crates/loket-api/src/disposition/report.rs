//! `disposition.report` and `disposition.complete`: the recipient reports back to the sender,
//! and completes the disposition once the work (and every disposition sent on from it) is done.

use chrono::{DateTime, FixedOffset};
use loket_domain::case_status::{CaseEvent, CaseStatus};

use super::{addressed_to_me, not_found, still_open};
use crate::account::Actor;
use crate::case::{advance, load, status_of, CaseView};
use crate::{audit, ApiError, ErrorCode, Loket};

pub const ID_REPORT: &str = "disposition.report";
pub const ID_COMPLETE: &str = "disposition.complete";

impl Loket {
    /// Stores a report for the sender; the case moves to diproses when it was only disposed.
    ///
    /// Errors: `NotFound`; `Forbidden` for a disposition to someone else's post; `BadInput`
    /// for an empty report; `Conflict` for a withdrawn or completed disposition.
    pub fn disposition_report(
        &mut self,
        actor: &Actor,
        id: i64,
        report: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<CaseView, ApiError> {
        if report.trim().is_empty() {
            return Err(ApiError::bad_input(
                "isi laporan kosong; tulis apa yang sudah dikerjakan",
            ));
        }
        self.disposition_finish(actor, id, Some(report.trim()), false, ID_REPORT, now)
    }

    /// Completes disposition `id`, with an optional final report.
    ///
    /// Errors: as `disposition_report`, and `Conflict` while a disposition sent on from this
    /// one is still open (complete or withdraw it first).
    pub fn disposition_complete(
        &mut self,
        actor: &Actor,
        id: i64,
        report: Option<&str>,
        now: DateTime<FixedOffset>,
    ) -> Result<CaseView, ApiError> {
        self.disposition_finish(
            actor,
            id,
            report.map(str::trim).filter(|r| !r.is_empty()),
            true,
            ID_COMPLETE,
            now,
        )
    }

    fn disposition_finish(
        &mut self,
        actor: &Actor,
        id: i64,
        report: Option<&str>,
        complete: bool,
        action: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<CaseView, ApiError> {
        let actor = self.current(actor)?;
        if let Some(r) = report {
            crate::text::check_lines("laporan disposisi", r, crate::text::NOTES_MAX)?;
        }
        let posts = self.posts_of(&actor, now)?;
        let tx = self.db.begin()?;
        let before = tx.disposition(id)?.ok_or_else(|| not_found(id))?;
        addressed_to_me(&before, &posts, actor.id())?;
        still_open(&before)?;
        let stamp = now.to_rfc3339();
        if complete {
            let open: Vec<String> = tx
                .case_dispositions(before.case_id)?
                .iter()
                .filter(|c| c.parent_id == Some(id) && c.is_open())
                .map(|c| format!("{} (ke {})", c.id, c.to_position))
                .collect();
            if !open.is_empty() {
                return Err(ApiError::new(
                    ErrorCode::Conflict,
                    format!(
                        "disposisi {id} belum dapat diselesaikan: disposisi lanjutannya masih terbuka: {}",
                        open.join(", ")
                    ),
                ));
            }
        }
        if before.read_at.is_none() {
            tx.mark_read(id, actor.id(), &stamp)?;
        }
        if let Some(r) = report {
            tx.set_report(id, r, &stamp)?;
        }
        if complete {
            tx.mark_completed(id, actor.id(), &stamp)?;
        }
        let case = load(&tx, before.case_id)?;
        if report.is_some() && status_of(&case)? == CaseStatus::Didisposisi {
            advance(&tx, &case, CaseEvent::Work, now)?;
        }
        let after = tx.disposition(id)?;
        audit::record(
            &tx,
            now,
            actor.id(),
            action,
            &format!("disposition:{id}"),
            Some(&before),
            after.as_ref(),
        )?;
        tx.commit()?;
        self.case_show(&actor, before.case_id, now)
    }
}
