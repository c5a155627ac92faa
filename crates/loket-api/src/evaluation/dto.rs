//! The evaluation of the service's performance (evaluasi kinerja pelaksana) for a period.

use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::report::dto::RecapRow;

/// One element's score.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ElementScore {
    /// "U1".
    pub code: String,
    pub label: String,
    /// The mean answer value (NRR, 1–4), three decimals.
    pub nrr: f64,
    /// NRR × 1/9 (the element's share of the index), three decimals.
    pub weighted: f64,
    /// NRR × 25 (the element on the 25–100 scale), two decimals.
    pub converted: f64,
    /// Its grade by the regulation's intervals.
    pub grade: String,
}

/// The survey's result for one scope.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct SkmSummary {
    pub respondents: u32,
    /// Of them, respondents without a case (walk-in).
    pub walk_in: u32,
    /// Requests served (completed) in the period: the survey's population.
    pub population: u32,
    /// The regulation's minimum sample for the population (Krejcie & Morgan).
    pub minimum_sample: u32,
    pub sample_met: bool,
    /// Empty without respondents.
    pub elements: Vec<ElementScore>,
    /// Σ NRR × 1/9 (1–4), four decimals.
    pub index: Option<f64>,
    /// The index × 25, two decimals.
    pub ikm: Option<f64>,
    /// "A" … "D".
    pub grade: Option<String>,
    /// "Baik".
    pub grade_words: Option<String>,
}

/// Complaints, suggestions and input received in the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ComplaintTally {
    pub received: u32,
    pub pengaduan: u32,
    pub saran: u32,
    pub masukan: u32,
    pub answered_in_time: u32,
    pub answered_late: u32,
    /// Not answered and still within the answer time.
    pub waiting: u32,
    /// Not answered and past the answer time.
    pub overdue: u32,
    /// `answered_in_time / received × 100`, one decimal.
    pub in_time_percent: Option<f64>,
}

/// One line of the evaluation: the office, a unit or a service.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct EvaluationRow {
    pub key: String,
    pub label: String,
    pub skm: SkmSummary,
    /// Service-time compliance of the requests received in the period (the Laporan recap).
    pub time: RecapRow,
    pub complaints: ComplaintTally,
}

/// The IKM of one quarter (the trend line).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct TrendPoint {
    /// "2026-T1".
    pub period: String,
    /// "Triwulan I".
    pub label: String,
    pub respondents: u32,
    pub ikm: Option<f64>,
    pub grade: Option<String>,
}

/// How many respondents of a profile group.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ProfileCount {
    /// "Jenis kelamin", "Umur", "Pendidikan", "Pekerjaan".
    pub group: String,
    pub label: String,
    pub count: u32,
}

/// The evaluation of a period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Evaluation {
    /// "2026-T1".
    pub period: String,
    /// "Triwulan I 2026".
    pub period_label: String,
    pub from: String,
    pub to: String,
    /// "1 Januari 2026 s.d. 31 Maret 2026".
    pub period_words: String,
    /// The moment open requests and complaints were judged, in words.
    pub now_words: String,
    pub office_name: String,
    pub office: EvaluationRow,
    pub units: Vec<EvaluationRow>,
    /// Services with a request, a respondent or a complaint in the period.
    pub services: Vec<EvaluationRow>,
    pub trend: Vec<TrendPoint>,
    /// The office's three lowest-scoring elements: the priorities for improvement.
    pub priorities: Vec<ElementScore>,
    pub profile: Vec<ProfileCount>,
    /// The respondents' suggestions, newest last.
    pub suggestions: Vec<String>,
}
