//! `case.list`: the agenda book (buku agenda surat masuk) — filter by year, date range,
//! service, unit, status and sifat, and full-text search over hal, applicant and notes.

use chrono::{DateTime, FixedOffset};
use loket_db::cases::CaseQuery;
use loket_domain::case_status::CaseStatus;
use loket_domain::intake::Sifat;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ts")]
use ts_rs::TS;

use super::agenda_label;
use super::input::date;
use super::register::word;
use super::show::Names;
use crate::account::Actor;
use crate::{ApiError, Loket};

pub const ID: &str = "case.list";

/// The agenda book's filter, as typed. Empty fields do not filter.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct CaseFilter {
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub year: Option<i64>,
    /// Received from this day (TTTT-BB-HH).
    #[serde(default)]
    pub from: String,
    /// Received up to this day (TTTT-BB-HH).
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub service_id: String,
    #[serde(default)]
    pub unit_id: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub sifat: String,
    /// Words to find in hal, applicant and notes (prefixes match: "subdom" finds "subdomain").
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub limit: Option<i64>,
}

/// One line of the agenda book.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct AgendaLine {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub agenda_number: String,
    pub received_at: String,
    pub applicant_name: String,
    pub letter_number: String,
    pub letter_date: String,
    pub hal: String,
    pub service_id: String,
    pub service_name: String,
    pub sifat: String,
    pub status: String,
    pub status_label: String,
    pub due_at: Option<String>,
}

/// The typed words to search for, each cleaned to alphanumerics and `.` `/` `-` (quotes and
/// other marks dropped); the store makes each a prefix, all required.
pub(crate) fn search_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric() || *c == '.' || *c == '/' || *c == '-')
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

impl CaseFilter {
    /// Validates the filter into a store query.
    ///
    /// Errors: `BadInput` for a bad date, status or sifat.
    pub(crate) fn query(&self) -> Result<CaseQuery, ApiError> {
        let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        let day = |field: &str, s: &str| {
            opt(s)
                .map(|t| date(field, &t).map(|d| d.to_string()))
                .transpose()
                .map_err(ApiError::bad_input)
        };
        let status = opt(&self.status)
            .map(|s| {
                CaseStatus::parse(&s)
                    .map(|x| x.code().to_string())
                    .ok_or_else(|| {
                        ApiError::bad_input(format!(
                            "status `{s}` tidak dikenal; pilih: {}",
                            CaseStatus::ALL
                                .iter()
                                .map(|x| x.code())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ))
                    })
            })
            .transpose()?;
        let sifat = opt(&self.sifat)
            .map(|s| {
                Sifat::parse(&s)
                    .map(|x| word(&x))
                    .map_err(|e| ApiError::bad_input(e.to_string()))
            })
            .transpose()?;
        Ok(CaseQuery {
            year: self.year,
            from: day("tanggal awal", &self.from)?,
            to: day("tanggal akhir", &self.to)?,
            service_id: opt(&self.service_id),
            unit_id: opt(&self.unit_id),
            status,
            sifat,
            text: search_words(&self.text),
            limit: self.limit,
        })
    }
}

impl Loket {
    /// The agenda book lines matching `filter`, newest first.
    ///
    /// Errors: `BadInput` for a malformed filter.
    pub fn case_list(
        &self,
        actor: &Actor,
        filter: &CaseFilter,
        _now: DateTime<FixedOffset>,
    ) -> Result<Vec<AgendaLine>, ApiError> {
        self.current(actor)?;
        let q = filter.query()?;
        let names = Names::load(self)?;
        Ok(self
            .db
            .cases(&q)?
            .into_iter()
            .map(|c| AgendaLine {
                agenda_number: agenda_label(c.year, c.agenda_seq),
                service_name: names.service(&c.service_id),
                status_label: CaseStatus::parse(&c.status)
                    .map(|s| s.label().to_string())
                    .unwrap_or_default(),
                id: c.id,
                received_at: c.received_at,
                applicant_name: c.applicant_name,
                letter_number: c.letter_number,
                letter_date: c.letter_date,
                hal: c.hal,
                service_id: c.service_id,
                sifat: c.sifat,
                status: c.status,
                due_at: c.due_at,
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_words_are_cleaned_into_search_words() {
        assert_eq!(
            search_words("subdom  \"hosting\" OR 0028/2026 e-mail* (x)"),
            vec!["subdom", "hosting", "OR", "0028/2026", "e-mail", "x"],
            "words split at spaces; quotes, stars and brackets dropped, . / - kept"
        );
        assert!(search_words("  ").is_empty(), "no words, no text filter");
        assert!(
            search_words(" \" * ").is_empty(),
            "marks alone are no words"
        );
    }
}
