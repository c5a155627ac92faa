//! What the case page, the inbox and the agenda book receive.

use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

/// A line of a checklist (requirement or procedure step).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ChecklistView {
    pub number: i64,
    pub text: String,
    /// Post or party that carries out a step, resolved to its name.
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    pub done: bool,
    pub done_at: Option<String>,
    pub done_by: Option<String>,
}

/// An attachment of a case.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct AttachmentView {
    pub id: i64,
    pub name: String,
    pub size: i64,
    pub media_type: String,
    pub sha256: String,
    pub added_at: String,
}

/// A period the deadline stood still.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct PauseView {
    pub started_at: String,
    pub ended_at: Option<String>,
    pub missing: Vec<String>,
}

/// One disposition (one recipient) in a case's timeline or an inbox.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct DispositionView {
    pub id: i64,
    pub case_id: i64,
    pub batch: i64,
    pub parent_id: Option<i64>,
    /// "penerusan" (hand-over after verification) or "disposisi".
    pub kind: String,
    pub from_position: Option<String>,
    pub from_title: Option<String>,
    pub from_account: String,
    pub from_name: String,
    pub to_position: String,
    pub to_title: String,
    pub instructions: Vec<String>,
    pub note: String,
    pub batas_waktu: Option<String>,
    pub sifat: String,
    pub sent_at: String,
    pub read_at: Option<String>,
    pub read_by: Option<String>,
    pub report: String,
    pub reported_at: Option<String>,
    pub completed_at: Option<String>,
    pub completed_by: Option<String>,
    pub withdrawn_at: Option<String>,
    /// "belum dibaca", "dibaca", "dilaporkan", "selesai", "ditarik".
    pub state: String,
}

/// The case page.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct CaseView {
    pub id: i64,
    /// "0042/2026".
    pub agenda_number: String,
    pub year: i64,
    pub agenda_seq: i64,
    pub service_id: String,
    pub service_name: String,
    pub standard_id: String,
    pub addressed_to: String,
    pub addressed_to_title: String,
    pub received_at: String,
    pub channel: String,
    pub sifat: String,
    pub status: String,
    pub status_label: String,
    pub applicant_kind: String,
    pub applicant_name: String,
    pub applicant_phone: String,
    pub applicant_email: String,
    pub applicant_address: String,
    pub letter_number: String,
    pub letter_date: String,
    pub hal: String,
    pub notes: String,
    pub due_at: Option<String>,
    pub registered_by: String,
    pub registered_at: String,
    pub requirements: Vec<ChecklistView>,
    pub steps: Vec<ChecklistView>,
    pub attachments: Vec<AttachmentView>,
    pub dispositions: Vec<DispositionView>,
    pub pauses: Vec<PauseView>,
}
