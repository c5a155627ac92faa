//! The Survei Kepuasan Masyarakat (PermenPANRB 14/2017) and the complaints, suggestions and
//! input about a service: `skm.record` (a questionnaire entered from paper or answered on the
//! counter screen, tied to a completed case — one per case — or from a walk-in respondent),
//! `skm.list`, `skm.questionnaire`; `complaint.register`, `complaint.answer`, `complaint.list`
//! and `complaint.set_answer_days` (the answer time the office sets).

pub mod complaint;
pub mod dto;
mod kuesioner;
mod list;
mod record;

pub use dto::{
    Choice, ComplaintEntry, ComplaintView, QuestionView, Questionnaire, SkmEntry, SkmResponseView,
};
pub use kuesioner::{qr_text, QUESTIONNAIRE_PDF};
pub(crate) use list::answers_of as list_answers;

pub const RECORD: &str = "skm.record";
pub const LIST: &str = "skm.list";
pub const QUESTIONNAIRE: &str = "skm.questionnaire";
pub const COMPLAINT_REGISTER: &str = "complaint.register";
pub const COMPLAINT_ANSWER: &str = "complaint.answer";
pub const COMPLAINT_LIST: &str = "complaint.list";
pub const COMPLAINT_SET_ANSWER_DAYS: &str = "complaint.set_answer_days";

/// Longest suggestion, complaint or answer text kept (characters).
pub const MAX_TEXT: usize = 2000;

/// The trimmed `text` of the field `what`, refused when longer than `max` characters or
/// holding a control character (`lines`: line breaks and tabs allowed).
///
/// Errors: `BadInput` naming the field.
pub(crate) fn text(
    value: &str,
    what: &str,
    max: usize,
    lines: bool,
) -> Result<String, crate::ApiError> {
    let t = value.trim();
    if lines {
        crate::text::check_lines(what, t, max)?;
    } else {
        crate::text::check(what, t, max)?;
    }
    Ok(t.to_string())
}
