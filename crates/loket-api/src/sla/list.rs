//! `deadlines.list`: the state of every open case and disposition against its deadline, and
//! the ones due soon, due today or overdue (plus, with `within`, anything due before then).
//!
//! Case deadlines are recomputed from the service time, the receipt, the pauses and today's
//! calendar, so a holiday correction moves them; when the result differs from the due stored
//! at registration, `stored_due` shows the old one.

mod evaluate;

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, FixedOffset};
use loket_db::deadline_items::{OpenCase, OpenDisposition};
use loket_domain::catalog::ServiceTime;
use loket_domain::deadline::{DeadlineState, Extension};
use serde::Serialize;

pub use evaluate::{evaluate, evaluate_with};

use crate::{ApiError, Loket};

#[cfg(feature = "ts")]
use ts_rs::TS;

pub const ID: &str = "deadlines.list";

/// A case or disposition with its deadline state.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct DeadlineItem {
    /// "case:12" or "disposition:40"; the key notifications remember.
    pub key: String,
    /// "permohonan" or "disposisi".
    pub kind: String,
    pub id: i64,
    pub case_id: i64,
    pub title: String,
    pub detail: String,
    pub start: String,
    pub due: Option<String>,
    pub due_words: Option<String>,
    /// `None` while the clock is held (waiting for the applicant).
    pub state: Option<DeadlineState>,
    pub state_label: String,
    pub paused: bool,
    /// The due stored at registration when the calendar has since moved it.
    pub stored_due: Option<String>,
    /// For a disposition: the position it is addressed to.
    pub to_position: Option<String>,
    /// The service's name (a disposition: its case's, when known).
    pub service: Option<String>,
    /// The applicant (a disposition: its case's, when known).
    pub applicant: Option<String>,
}

/// Granted extensions by case id.
pub type Extensions = HashMap<i64, Extension>;

/// A service time by (service id, standard id), with the service's name.
pub type ServiceTimes = HashMap<(String, String), (ServiceTime, String)>;

fn parse(t: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(t).ok()
}

/// The longest `--within` accepted: ten years of calendar days.
pub const WITHIN_MAX_DAYS: i64 = 3650;

/// Parses `--within`: `90m`, `8h`, `3d` (calendar days), at most [`WITHIN_MAX_DAYS`].
/// Errors: `BadInput` with the format, or with the bound for a longer span.
pub fn parse_within(text: &str) -> Result<Duration, ApiError> {
    let t = text.trim();
    let bad = || {
        ApiError::bad_input(format!(
            "jangka `{text}` tidak valid; tulis angka diikuti m (menit), h (jam) atau d (hari), misalnya 3d"
        ))
    };
    let unit = t.chars().last().ok_or_else(bad)?;
    let num = &t[..t.len() - unit.len_utf8()];
    let n: i64 = num.parse().map_err(|_| bad())?;
    if n < 0 {
        return Err(bad());
    }
    let minutes = match unit {
        'm' => Some(n),
        'h' => n.checked_mul(60),
        'd' => n.checked_mul(24 * 60),
        _ => return Err(bad()),
    };
    match minutes {
        Some(m) if m <= WITHIN_MAX_DAYS * 24 * 60 => Ok(Duration::minutes(m)),
        _ => Err(ApiError::bad_input(format!(
            "jangka `{text}` terlalu panjang; paling lama {WITHIN_MAX_DAYS}d (sepuluh tahun)"
        ))),
    }
}

impl Loket {
    /// Every service time the open cases may reference, retired versions included.
    pub(crate) fn service_times(&self, cases: &[OpenCase]) -> Result<ServiceTimes, ApiError> {
        let mut ids: Vec<&str> = cases.iter().map(|c| c.service_id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut out = ServiceTimes::new();
        for id in ids {
            for v in self.db.service_history(id)? {
                out.insert((v.id.clone(), v.standard.clone()), (v.time, v.name));
            }
        }
        Ok(out)
    }

    /// Every open case and disposition with its state at `now`.
    pub fn deadlines_all(
        &mut self,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<DeadlineItem>, ApiError> {
        let cases = self.db.open_cases()?;
        let dispositions = self.db.open_dispositions()?;
        self.deadlines_evaluated(now, cases, dispositions)
    }

    /// As [`Loket::deadlines_all`] for some items only: the open cases among `case_ids` and
    /// the open `dispositions` given (a person's Kotak Masuk, one case's page), so that a page
    /// showing a few items does not evaluate every open item of the office. Each item comes
    /// out as it does in the whole list.
    pub(crate) fn deadlines_of(
        &mut self,
        now: DateTime<FixedOffset>,
        case_ids: &HashSet<i64>,
        dispositions: Vec<OpenDisposition>,
    ) -> Result<Vec<DeadlineItem>, ApiError> {
        let cases = if case_ids.is_empty() {
            Vec::new()
        } else {
            let mut cases = self.db.open_cases()?;
            cases.retain(|c| case_ids.contains(&c.id));
            cases
        };
        self.deadlines_evaluated(now, cases, dispositions)
    }

    fn deadlines_evaluated(
        &mut self,
        now: DateTime<FixedOffset>,
        cases: Vec<OpenCase>,
        dispositions: Vec<OpenDisposition>,
    ) -> Result<Vec<DeadlineItem>, ApiError> {
        let cal = self.working_calendar()?;
        let times = self.service_times(&cases)?;
        let extensions: Extensions = self
            .db
            .case_extensions()?
            .iter()
            .filter_map(|e| Some((e.case_id, super::extend::extension_of(e)?)))
            .collect();
        let soon = self.due_soon_settings()?;
        Ok(evaluate_with(
            &cases,
            &extensions,
            &dispositions,
            &times,
            &cal,
            now,
            &soon,
        ))
    }

    /// What needs attention at `now`: due soon, due today or overdue, plus, with `within`,
    /// anything due before `now + within`.
    pub fn deadlines_list(
        &mut self,
        now: DateTime<FixedOffset>,
        within: Option<Duration>,
    ) -> Result<Vec<DeadlineItem>, ApiError> {
        let horizon = within
            .map(|w| {
                now.checked_add_signed(w).ok_or_else(|| {
                    ApiError::bad_input(format!(
                        "jangka terlalu panjang; paling lama {WITHIN_MAX_DAYS}d (sepuluh tahun)"
                    ))
                })
            })
            .transpose()?;
        Ok(self
            .deadlines_all(now)?
            .into_iter()
            .filter(|i| {
                i.state.is_some_and(|s| s != DeadlineState::DalamBatas)
                    || horizon
                        .zip(i.due.as_deref().and_then(parse))
                        .is_some_and(|(h, d)| d <= h)
            })
            .collect())
    }
}
