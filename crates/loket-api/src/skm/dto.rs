//! What the survey and complaint screens send and show.

use serde::{Deserialize, Serialize};

#[cfg(feature = "ts")]
use ts_rs::TS;

/// One questionnaire to store.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(default)]
pub struct SkmEntry {
    /// The completed case the respondent was served in; `None` for a walk-in respondent.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub case_id: Option<i64>,
    /// The service; required without a case, taken from the case otherwise.
    pub service_id: Option<String>,
    /// YYYY-MM-DD; empty: the day of the entry.
    pub answered_on: String,
    pub age: u32,
    /// L or P.
    pub sex: String,
    /// sd, smp, sma, diploma, s1, s2, s3.
    pub education: String,
    /// pns, tni, polri, swasta, wirausaha, pelajar, lainnya.
    pub occupation: String,
    /// Nine digits 1–4, U1 first ("433443344").
    pub answers: String,
    pub suggestion: String,
    /// "kertas" (entered by staff from the paper form) or "layar" (answered on the counter
    /// screen by the applicant).
    pub source: String,
}

/// A stored questionnaire.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct SkmResponseView {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub case_id: Option<i64>,
    /// "0042/2026"; empty for a walk-in respondent.
    pub agenda_number: String,
    pub service_id: String,
    pub service_name: String,
    pub answered_on: String,
    /// "12 Maret 2026".
    pub answered_words: String,
    pub age: u8,
    pub sex: String,
    pub education: String,
    pub occupation: String,
    pub answers: Vec<u8>,
    /// This respondent's own IKM (25–100).
    pub ikm: f64,
    pub suggestion: String,
    pub source: String,
    pub entered_by: String,
}

/// A code with its label, for a choice list.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Choice {
    pub code: String,
    pub label: String,
}

/// One element's question with its four answers (value 1 to 4).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct QuestionView {
    /// "U1".
    pub code: String,
    pub label: String,
    pub question: String,
    pub answers: Vec<String>,
}

/// The questionnaire: the nine questions and the profile's choices.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Questionnaire {
    pub questions: Vec<QuestionView>,
    pub sexes: Vec<Choice>,
    pub educations: Vec<Choice>,
    pub occupations: Vec<Choice>,
    /// The services a walk-in respondent can choose.
    pub services: Vec<Choice>,
}

/// A complaint, suggestion or input to register.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(default)]
pub struct ComplaintEntry {
    /// pengaduan, saran or masukan.
    pub kind: String,
    pub service_id: String,
    /// One of the complaint channels of the service's standard: its number (1, 2, …), its
    /// text, or the text before the colon ("Website").
    pub channel: String,
    /// "TTTT-BB-HH JJ:MM" in office time or RFC 3339; empty: now.
    pub received_at: String,
    pub from_name: String,
    pub contact: String,
    pub body: String,
}

/// A registered complaint and where its answer stands.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ComplaintView {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub kind: String,
    pub service_id: String,
    pub service_name: String,
    pub channel: String,
    pub received_at: String,
    pub from_name: String,
    pub contact: String,
    pub body: String,
    pub answer_days: u32,
    /// The last day of the answer time (YYYY-MM-DD).
    pub answer_due: String,
    /// "19 Maret 2026".
    pub answer_due_words: String,
    pub answered_at: Option<String>,
    pub answer: Option<String>,
    pub answered_by: Option<String>,
    /// "dijawab tepat waktu", "dijawab terlambat", "menunggu jawaban", "belum dijawab, terlambat".
    pub state: String,
}
