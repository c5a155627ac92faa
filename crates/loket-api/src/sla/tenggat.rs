//! `deadlines.view`: the window's Tenggat view. Every open case and disposition with its
//! state, the remaining time in words ("2 hari kerja lagi", "terlambat 3 jam"), the due moment
//! in Indonesian, the service, the applicant and who holds it now.

use std::collections::HashMap;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
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
    remaining_counted(due, now, |a, b| working_days_between(a, b, cal))
}

/// Working days counted once for every day from `first` on, so the view's thousands of rows
/// each take their count by subtraction instead of walking the days between.
struct WorkingDayCount<'a> {
    cal: &'a WorkingCalendar,
    first: NaiveDate,
    /// `upto[i]`: working days from `first` through `first + i`.
    upto: Vec<i64>,
}

impl<'a> WorkingDayCount<'a> {
    /// Counts for the days from `first` through `last`.
    fn new(cal: &'a WorkingCalendar, first: NaiveDate, last: NaiveDate) -> Self {
        let mut upto = Vec::new();
        let (mut day, mut n) = (first, 0);
        while day <= last {
            n += i64::from(cal.is_working_day(day));
            upto.push(n);
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        WorkingDayCount { cal, first, upto }
    }

    fn upto(&self, day: NaiveDate) -> Option<i64> {
        let i = usize::try_from((day - self.first).num_days()).ok()?;
        self.upto.get(i).copied()
    }

    /// As [`working_days_between`].
    fn between(&self, from: DateTime<FixedOffset>, to: DateTime<FixedOffset>) -> i64 {
        let (a, b) = (self.cal.local(from).date(), self.cal.local(to).date());
        if b <= a {
            return 0;
        }
        match (self.upto(a), self.upto(b)) {
            (Some(x), Some(y)) => (y - x).min(10_000),
            _ => working_days_between(from, to, self.cal),
        }
    }
}

/// [`remaining_words`] with the working days between two moments counted by `between`.
fn remaining_counted(
    due: DateTime<FixedOffset>,
    now: DateTime<FixedOffset>,
    between: impl Fn(DateTime<FixedOffset>, DateTime<FixedOffset>) -> i64,
) -> String {
    if due > now {
        let days = between(now, due);
        if days == 0 {
            format!("sisa {}", hours_words(due - now))
        } else {
            format!("{days} hari kerja lagi")
        }
    } else {
        let late = now - due;
        let days = between(due, now);
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
        let dues: Vec<DateTime<FixedOffset>> = items
            .iter()
            .filter_map(|i| i.due.as_deref().and_then(parse))
            .collect();
        let day = |t: DateTime<FixedOffset>| cal.local(t).date();
        let first = dues
            .iter()
            .map(|d| day(*d))
            .min()
            .unwrap_or(day(now))
            .min(day(now));
        let last = dues
            .iter()
            .map(|d| day(*d))
            .max()
            .unwrap_or(day(now))
            .max(day(now));
        let count = WorkingDayCount::new(&cal, first, last);
        let rows = items
            .iter()
            .map(|i| row(i, &latest, &addressed, &title_of, now, &count))
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
    count: &WorkingDayCount<'_>,
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
        (Some(s), Some(due)) => (
            s.key().to_string(),
            remaining_counted(due, now, |a, b| count.between(a, b)),
        ),
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

#[cfg(test)]
mod tests {
    use super::*;
    use loket_domain::calendar::{Holiday, HolidayKind};
    use loket_domain::time_zone::TimeZone;

    #[test]
    fn counted_working_days_match_the_day_by_day_walk() {
        let hours =
            crate::calendar::parse_hours("senin-kamis 08:00-15:45; jumat 08:00-11:00").unwrap();
        let mut cal = WorkingCalendar::new(TimeZone::Wib, hours);
        cal.holidays.push(Holiday {
            date: "2026-03-19".parse().unwrap(),
            name: "Hari Suci Nyepi".into(),
            kind: HolidayKind::LiburNasional,
        });
        let at = |t: &str| DateTime::parse_from_rfc3339(t).unwrap();
        let count = WorkingDayCount::new(
            &cal,
            "2026-03-01".parse().unwrap(),
            "2026-04-30".parse().unwrap(),
        );
        for (a, b) in [
            ("2026-03-02T09:00:00+07:00", "2026-03-02T15:00:00+07:00"),
            ("2026-03-02T09:00:00+07:00", "2026-03-20T09:00:00+07:00"),
            ("2026-03-13T16:00:00+07:00", "2026-03-23T08:00:00+07:00"),
            ("2026-03-20T09:00:00+07:00", "2026-03-02T09:00:00+07:00"),
            ("2026-03-02T09:00:00+07:00", "2026-06-01T09:00:00+07:00"),
        ] {
            assert_eq!(
                count.between(at(a), at(b)),
                working_days_between(at(a), at(b), &cal),
                "from {a} to {b}: the view's counted days equal the walk over the calendar, \
                 holidays and weekends left out, also beyond the counted range"
            );
        }
    }
}
