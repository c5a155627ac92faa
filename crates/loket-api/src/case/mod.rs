//! Incoming requests (permohonan): registration with an agenda number, the requirement
//! checklist, returning an incomplete request (which pauses its deadline), attachments, the
//! procedure-step checklist, signing off, and the case page.

mod applicants;
pub(crate) mod attach;
mod attach_bytes;
pub(crate) mod attach_folder;
pub(crate) mod attachment_file;
mod dto;
mod export;
mod export_xlsx;
mod give_back;
pub(crate) mod input;
mod lembar;
mod list;
mod page;
pub(crate) mod register;
mod register_upload;
mod reject;
mod resubmit;
pub(crate) mod show;
mod sign;
mod step;
mod verify;

use chrono::{DateTime, FixedOffset};
use loket_db::cases::CaseRow;
use loket_db::Tx;
use loket_domain::case_status::{CaseEvent, CaseStatus};
use loket_domain::deadline::{due_at, Pause};

use crate::{audit, ApiError, ErrorCode, Loket};

pub use applicants::{ApplicantView, ID as APPLICANTS};
pub use attach::ID as ATTACH;
pub use attachment_file::{AttachmentFile, ID as ATTACHMENT_FILE};
pub use dto::*;
pub use export::{HEADINGS as EXPORT_HEADINGS, ID as EXPORT_CSV};
pub use export_xlsx::ID as EXPORT_XLSX;
pub use give_back::ID as GIVE_BACK;
pub use lembar::{LembarDisposisi, LembarStep, ID as LEMBAR_DISPOSISI};
pub use list::{AgendaLine, CaseFilter, ID as LIST};
pub use page::{CaseActions, CasePage, PostOption, StatusChange, ID as OPEN};
pub use register::{NewCase, ID as REGISTER};
pub use register_upload::Upload;
pub use reject::ID as REJECT;
pub use resubmit::ID as RESUBMIT;
pub use show::ID as SHOW;
pub use sign::{ID_AWAIT as AWAIT_SIGNATURE, ID_SIGN as SIGN};
pub use step::ID as STEP;
pub use verify::ID as VERIFY;

/// "0042/2026": the agenda number as written in the agenda book and on the lembar disposisi.
pub fn agenda_label(year: i64, seq: i64) -> String {
    format!("{seq:04}/{year}")
}

pub(crate) fn not_found(id: i64) -> ApiError {
    ApiError::not_found(format!(
        "permohonan nomor {id} tidak ada; cari dengan `loket case list`"
    ))
}

/// Reads the case inside the transaction or refuses with `NotFound`.
pub(crate) fn load(tx: &Tx, id: i64) -> Result<CaseRow, ApiError> {
    tx.case(id)?.ok_or_else(|| not_found(id))
}

pub(crate) fn status_of(row: &CaseRow) -> Result<CaseStatus, ApiError> {
    CaseStatus::parse(&row.status).ok_or_else(|| {
        ApiError::new(
            ErrorCode::Internal,
            format!("status tersimpan `{}` tidak dikenal", row.status),
        )
    })
}

/// Moves the case by `event`, refusing illegal moves with `Conflict`; returns the new status.
pub(crate) fn advance(
    tx: &Tx,
    row: &CaseRow,
    event: CaseEvent,
    now: DateTime<FixedOffset>,
) -> Result<CaseStatus, ApiError> {
    let from = status_of(row)?;
    let to = from
        .after(event)
        .map_err(|e| ApiError::new(ErrorCode::Conflict, e.to_string()))?;
    if to != from {
        tx.set_case_status(row.id, to.code(), &now.to_rfc3339())?;
    }
    Ok(to)
}

/// Writes the audit entry of a change to case `before.id`, reading the after state in `tx`.
pub(crate) fn record(
    tx: &Tx,
    now: DateTime<FixedOffset>,
    actor: &str,
    action: &str,
    before: Option<&CaseRow>,
    id: i64,
) -> Result<(), ApiError> {
    let after = tx.case(id)?;
    audit::record(
        tx,
        now,
        actor,
        action,
        &format!("case:{id}"),
        before,
        after.as_ref(),
    )
}

impl Loket {
    /// The case's due moment from its service version, receipt and pauses, on the office's
    /// working calendar. `None` while paused, for services "sesuai jadwal", or when the
    /// calendar cannot count (the deadlines view explains why).
    pub(crate) fn case_due(
        &mut self,
        row: &CaseRow,
        pauses: &[Pause],
    ) -> Result<Option<String>, ApiError> {
        let cal = self.working_calendar()?;
        let version = self
            .db
            .service_history(&row.service_id)?
            .into_iter()
            .find(|v| v.standard == row.standard_id);
        let received = DateTime::parse_from_rfc3339(&row.received_at).map_err(|e| {
            ApiError::new(
                ErrorCode::Internal,
                format!("waktu terima tersimpan rusak: {e}"),
            )
        })?;
        Ok(version
            .and_then(|v| due_at(&v.time, received, &cal, pauses, None).ok())
            .and_then(|c| c.due)
            .map(|d| d.to_rfc3339()))
    }

    /// The stored pauses of case `id` as the deadline rules take them.
    pub(crate) fn case_pauses(&self, id: i64) -> Result<Vec<Pause>, ApiError> {
        let parse = |t: &str| {
            DateTime::parse_from_rfc3339(t).map_err(|e| {
                ApiError::new(ErrorCode::Internal, format!("waktu penundaan rusak: {e}"))
            })
        };
        self.db
            .pauses(id)?
            .iter()
            .map(|p| {
                Ok(Pause {
                    from: parse(&p.started_at)?,
                    to: p.ended_at.as_deref().map(parse).transpose()?,
                })
            })
            .collect()
    }
}
