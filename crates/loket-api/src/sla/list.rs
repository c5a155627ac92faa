//! `deadlines.list`: the state of every open case and disposition against its deadline, and
//! the ones due soon, due today or overdue (plus, with `within`, anything due before then).
//!
//! Case deadlines are recomputed from the service time, the receipt, the pauses and today's
//! calendar, so a holiday correction moves them; when the result differs from the due stored
//! at registration, `stored_due` shows the old one.

use std::collections::HashMap;

use chrono::{DateTime, Duration, FixedOffset};
use loket_db::deadline_items::{OpenCase, OpenDisposition};
use loket_domain::calendar::WorkingCalendar;
use loket_domain::catalog::ServiceTime;
use loket_domain::deadline::{due_at, state_at, DeadlineState, Extension, Pause};
use serde::Serialize;

use super::due::moment_words;
use super::thresholds::DueSoonSettings;
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

fn case_item(
    c: &OpenCase,
    extensions: &Extensions,
    times: &ServiceTimes,
    cal: &WorkingCalendar,
    now: DateTime<FixedOffset>,
    soon: &DueSoonSettings,
) -> Option<DeadlineItem> {
    let received = parse(&c.received_at)?;
    let (time, name) = times.get(&(c.service_id.clone(), c.standard_id.clone()))?;
    let pauses: Vec<Pause> = c
        .pauses
        .iter()
        .filter_map(|(f, t)| {
            Some(Pause {
                from: parse(f)?,
                to: t.as_deref().and_then(parse),
            })
        })
        .collect();
    let computed = due_at(time, received, cal, &pauses, extensions.get(&c.id)).ok()?;
    let stored = c.due_at.as_deref().and_then(parse);
    // sesuai jadwal: the stored due is the booked slot.
    let due = computed.due.or(if computed.paused { None } else { stored });
    let state = due.map(|d| state_at(computed.effective_start, d, now, cal, soon.rule(time)));
    Some(DeadlineItem {
        key: format!("case:{}", c.id),
        kind: "permohonan".into(),
        id: c.id,
        case_id: c.id,
        title: format!("Agenda {}/{} — {}", c.agenda_seq, c.year, c.hal),
        detail: format!("{name} ({})", c.applicant_name),
        start: computed.effective_start.to_rfc3339(),
        due: due.map(|d| d.to_rfc3339()),
        due_words: due.map(|d| moment_words(d, cal)),
        state_label: label(state, computed.paused),
        state,
        paused: computed.paused,
        stored_due: match (stored, computed.due) {
            (Some(s), Some(d)) if s != d => Some(s.to_rfc3339()),
            _ => None,
        },
        to_position: None,
        service: Some(name.clone()),
        applicant: Some(c.applicant_name.clone()),
    })
}

fn label(state: Option<DeadlineState>, paused: bool) -> String {
    match state {
        Some(s) => s.label().to_string(),
        None if paused => "Ditunda (menunggu pemohon)".to_string(),
        None => "Tanpa tenggat".to_string(),
    }
}

fn disposition_item(
    d: &OpenDisposition,
    cal: &WorkingCalendar,
    now: DateTime<FixedOffset>,
    soon: &DueSoonSettings,
) -> Option<DeadlineItem> {
    let sent = parse(&d.sent_at)?;
    let day = d.batas_waktu.as_deref()?.parse().ok()?;
    let due = cal.end_of(day);
    let state = state_at(sent, due, now, cal, soon.disposition());
    Some(DeadlineItem {
        key: format!("disposition:{}", d.id),
        kind: "disposisi".into(),
        id: d.id,
        case_id: d.case_id,
        title: format!("Disposisi #{} (permohonan #{})", d.id, d.case_id),
        detail: format!("kepada {} — sifat {}", d.to_position, d.sifat),
        start: sent.to_rfc3339(),
        due: Some(due.to_rfc3339()),
        due_words: Some(moment_words(due, cal)),
        state: Some(state),
        state_label: state.label().to_string(),
        paused: false,
        stored_due: None,
        to_position: Some(d.to_position.clone()),
        service: None,
        applicant: None,
    })
}

/// Every open case and disposition with its state at `now`, most urgent first, then by due,
/// with the default due-soon thresholds.
pub fn evaluate(
    cases: &[OpenCase],
    extensions: &Extensions,
    dispositions: &[OpenDisposition],
    times: &ServiceTimes,
    cal: &WorkingCalendar,
    now: DateTime<FixedOffset>,
) -> Vec<DeadlineItem> {
    let soon = DueSoonSettings::default();
    evaluate_with(cases, extensions, dispositions, times, cal, now, &soon)
}

/// As [`evaluate`], with the office's due-soon thresholds.
pub fn evaluate_with(
    cases: &[OpenCase],
    extensions: &Extensions,
    dispositions: &[OpenDisposition],
    times: &ServiceTimes,
    cal: &WorkingCalendar,
    now: DateTime<FixedOffset>,
    soon: &DueSoonSettings,
) -> Vec<DeadlineItem> {
    let mut items: Vec<DeadlineItem> = cases
        .iter()
        .filter_map(|c| case_item(c, extensions, times, cal, now, soon))
        .chain(
            dispositions
                .iter()
                .filter_map(|d| disposition_item(d, cal, now, soon)),
        )
        .collect();
    let of_case: HashMap<i64, (Option<String>, Option<String>)> = items
        .iter()
        .filter(|i| i.kind == "permohonan")
        .map(|i| (i.case_id, (i.service.clone(), i.applicant.clone())))
        .collect();
    for i in items.iter_mut().filter(|i| i.kind == "disposisi") {
        if let Some((service, applicant)) = of_case.get(&i.case_id) {
            i.service = service.clone();
            i.applicant = applicant.clone();
        }
    }
    items.sort_by(|a, b| {
        b.state
            .cmp(&a.state)
            .then_with(|| a.due.cmp(&b.due))
            .then_with(|| a.key.cmp(&b.key))
    });
    items
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
        let cal = self.working_calendar()?;
        let cases = self.db.open_cases()?;
        let dispositions = self.db.open_dispositions()?;
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
