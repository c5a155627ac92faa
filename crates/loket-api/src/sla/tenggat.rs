//! `deadlines.view`: the window's Tenggat view. Every open case and disposition with its
//! state, the remaining time in words ("2 hari kerja lagi", "terlambat 3 jam"), the due moment
//! in Indonesian, the service, the applicant and who holds it now.

use std::collections::HashMap;

use chrono::{DateTime, Duration, FixedOffset};
use loket_domain::calendar::WorkingCalendar;
use serde::Serialize;

use super::list::DeadlineItem;
use crate::account::Actor;
use crate::{ApiError, Loket};

#[cfg(feature = "ts")]
use ts_rs::TS;

pub const VIEW: &str = "deadlines.view";

/// One row of the Tenggat view.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct TenggatRow {
    /// "case:12" or "disposition:40".
    pub key: String,
    /// "permohonan" or "disposisi".
    pub kind: String,
    /// "Permohonan" or "Disposisi".
    pub kind_label: String,
    pub case_id: i64,
    pub title: String,
    pub service: String,
    pub applicant: String,
    /// The post holding it now: a disposition's addressee, a case's latest open disposition,
    /// else the post the case was addressed to ("—" when unknown).
    pub holder: String,
    /// RFC 3339 in office time.
    pub due: Option<String>,
    /// "Senin, 13 Januari 2025 pukul 15.45 WIB".
    pub due_words: Option<String>,
    /// dalam_batas | segera_jatuh_tempo | jatuh_tempo_hari_ini | terlambat | ditunda
    pub state: String,
    pub state_label: String,
    /// "2 hari kerja lagi", "sisa 3 jam", "terlambat 3 jam", "terlambat 2 hari kerja".
    pub remaining: String,
}

/// The Tenggat view at a moment.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct TenggatView {
    pub now: String,
    pub rows: Vec<TenggatRow>,
}

fn hours_words(d: Duration) -> String {
    let minutes = d.num_minutes().max(1);
    if minutes < 60 {
        format!("{minutes} menit")
    } else {
        format!("{} jam", minutes / 60)
    }
}

/// Working days strictly after `from`'s day up to and including `to`'s day.
fn working_days_between(
    from: DateTime<FixedOffset>,
    to: DateTime<FixedOffset>,
    cal: &WorkingCalendar,
) -> i64 {
    let (a, b) = (cal.local(from).date(), cal.local(to).date());
    let mut n = 0;
    let mut d = a;
    while d < b && n < 10_000 {
        d += Duration::days(1);
        if cal.is_working_day(d) {
            n += 1;
        }
    }
    n
}

/// The remaining (or overdue) time at `now` in words.
pub fn remaining_words(
    due: DateTime<FixedOffset>,
    now: DateTime<FixedOffset>,
    cal: &WorkingCalendar,
) -> String {
    if due > now {
        let days = working_days_between(now, due, cal);
        if days == 0 {
            format!("sisa {}", hours_words(due - now))
        } else {
            format!("{days} hari kerja lagi")
        }
    } else {
        let late = now - due;
        let days = working_days_between(due, now, cal);
        if late < Duration::hours(24) {
            format!("terlambat {}", hours_words(late))
        } else if days == 0 {
            format!("terlambat {} hari", late.num_days())
        } else {
            format!("terlambat {days} hari kerja")
        }
    }
}

fn parse(t: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(t).ok()
}

impl Loket {
    /// The Tenggat view for a signed-in person at `now`: every open case and disposition,
    /// most urgent first. Errors: `Forbidden` for a deactivated account; database errors.
    pub fn deadlines_view(
        &mut self,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<TenggatView, ApiError> {
        self.current(actor)?;
        let cal = self.working_calendar()?;
        let items = self.deadlines_all(now)?;
        let titles: HashMap<String, String> = self
            .db
            .positions()?
            .into_iter()
            .map(|p| (p.id, p.title))
            .collect();
        let title_of = |id: &str| titles.get(id).cloned().unwrap_or_else(|| id.to_string());
        // A case's holder: the addressee of its latest open disposition.
        let mut latest: HashMap<i64, (i64, String)> = HashMap::new();
        for d in items.iter().filter(|i| i.kind == "disposisi") {
            if let Some(to) = &d.to_position {
                let e = latest.entry(d.case_id).or_insert((d.id, to.clone()));
                if d.id > e.0 {
                    *e = (d.id, to.clone());
                }
            }
        }
        let addressed: HashMap<i64, String> = self.db.open_cases_addressed()?.into_iter().collect();
        let rows = items
            .iter()
            .map(|i| row(i, &latest, &addressed, &title_of, now, &cal))
            .collect();
        Ok(TenggatView {
            now: now.to_rfc3339(),
            rows,
        })
    }
}

fn row(
    i: &DeadlineItem,
    latest: &HashMap<i64, (i64, String)>,
    addressed: &HashMap<i64, String>,
    title_of: &dyn Fn(&str) -> String,
    now: DateTime<FixedOffset>,
    cal: &WorkingCalendar,
) -> TenggatRow {
    let holder = match (
        &i.to_position,
        latest.get(&i.case_id),
        addressed.get(&i.case_id),
    ) {
        (Some(to), _, _) => title_of(to),
        (None, Some((_, to)), _) => title_of(to),
        (None, None, Some(to)) => title_of(to),
        _ => "—".to_string(),
    };
    let (state, remaining) = match (i.state, i.due.as_deref().and_then(parse)) {
        (Some(s), Some(due)) => (s.key().to_string(), remaining_words(due, now, cal)),
        _ if i.paused => ("ditunda".to_string(), "jam berhenti".to_string()),
        _ => ("tanpa_tenggat".to_string(), "—".to_string()),
    };
    TenggatRow {
        key: i.key.clone(),
        kind: i.kind.clone(),
        kind_label: if i.kind == "disposisi" {
            "Disposisi".into()
        } else {
            "Permohonan".into()
        },
        case_id: i.case_id,
        title: i.title.clone(),
        service: i.service.clone().unwrap_or_else(|| "—".into()),
        applicant: i.applicant.clone().unwrap_or_else(|| "—".into()),
        holder,
        due: i.due.clone(),
        due_words: i.due_words.clone(),
        state,
        state_label: i.state_label.clone(),
        remaining,
    }
}
