//! Counting primitives on local office time. Pauses arrive normalised: sorted by start,
//! disjoint, open pause (no end) last.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::calendar::{DaysOff, WorkingCalendar, SEARCH_DAYS};

use super::DeadlineError;

/// A stopped-clock interval in local time; `end == None` while the case is still waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LocalPause {
    pub start: NaiveDateTime,
    pub end: Option<NaiveDateTime>,
}

impl LocalPause {
    fn covers(&self, t: NaiveDateTime) -> bool {
        self.start <= t && self.end.is_none_or(|e| t < e)
    }
}

/// Where a count ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reached {
    At(NaiveDateTime),
    /// An open pause holds the clock before the amount ran out.
    Held,
}

/// A day not counted, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Skip {
    pub date: NaiveDate,
    pub why: String,
}

/// The days a count passes over, kept only when the caller shows them (a list of every open
/// case needs the due moment alone, and naming each weekend and holiday would cost most of it).
pub(crate) struct Skips {
    keep: bool,
    pub days: Vec<Skip>,
}

impl Skips {
    pub(crate) fn new(keep: bool) -> Skips {
        Skips {
            keep,
            days: Vec::new(),
        }
    }

    /// Notes `date` as not counted; `why` is asked only when the days are kept.
    fn note(&mut self, date: NaiveDate, why: impl FnOnce() -> Option<String>) {
        if self.keep {
            if let Some(why) = why() {
                self.days.push(Skip { date, why });
            }
        }
    }
}

const PAUSED: &str = "ditunda (menunggu kelengkapan dari pemohon)";

/// Sorts and merges pauses so later walks can go left to right.
pub(crate) fn normalise(mut pauses: Vec<LocalPause>) -> Vec<LocalPause> {
    pauses.sort_by_key(|p| p.start);
    let mut out: Vec<LocalPause> = Vec::with_capacity(pauses.len());
    for p in pauses {
        match out.last_mut() {
            Some(last) if last.end.is_none_or(|e| p.start <= e) => {
                last.end = match (last.end, p.end) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            _ => out.push(p),
        }
    }
    out
}

fn paused_at(pauses: &[LocalPause], t: NaiveDateTime) -> Option<&LocalPause> {
    pauses.iter().find(|p| p.covers(t))
}

/// The parts of `[a, b)` the clock runs in, and whether an open pause starts inside it.
fn running_parts(
    a: NaiveDateTime,
    b: NaiveDateTime,
    pauses: &[LocalPause],
) -> (Vec<(NaiveDateTime, NaiveDateTime)>, bool) {
    let mut parts = Vec::new();
    let mut cursor = a;
    for p in pauses {
        if cursor >= b {
            break;
        }
        let end = p.end.unwrap_or(NaiveDateTime::MAX);
        if end <= cursor || p.start >= b {
            continue;
        }
        if p.start > cursor {
            parts.push((cursor, p.start));
        }
        if p.end.is_none() {
            return (parts, true);
        }
        cursor = cursor.max(end);
    }
    if cursor < b {
        parts.push((cursor, b));
    }
    (parts, false)
}

/// The first moment at or after `t` at which office time runs (not counting pauses), or the
/// moment itself when it lies inside a span. This is the effective start of a count.
pub(crate) fn effective_start(
    cal: &WorkingCalendar,
    t: NaiveDateTime,
    off: &DaysOff<'_>,
) -> Result<NaiveDateTime, DeadlineError> {
    let mut day = t.date();
    for _ in 0..SEARCH_DAYS {
        if let Some(span) = cal.spans_with(day, off).find(|s| s.1 > t) {
            return Ok(span.0.max(t));
        }
        day = day
            .succ_opt()
            .ok_or(DeadlineError::NoWorkingTime { from: t.date() })?;
    }
    Err(DeadlineError::NoWorkingTime { from: t.date() })
}

/// `n` working days after `day0`: a working day counts when the clock runs at its closing
/// time. Returns the closing time of the last counted day, the days skipped and the count.
pub(crate) fn add_working_days(
    cal: &WorkingCalendar,
    day0: NaiveDate,
    n: u32,
    pauses: &[LocalPause],
    skipped: &mut Skips,
    off: &DaysOff<'_>,
) -> Result<Reached, DeadlineError> {
    let mut day = day0;
    let mut counted = 0;
    let mut last = cal
        .closing_with(day0, off)
        .unwrap_or_else(|| day0.and_time(NaiveTime::MIN));
    let mut searched = 0;
    while counted < n {
        day = day
            .succ_opt()
            .ok_or(DeadlineError::NoWorkingTime { from: day0 })?;
        searched += 1;
        if searched > SEARCH_DAYS + n {
            return Err(DeadlineError::NoWorkingTime { from: day0 });
        }
        match cal.closing_with(day, off) {
            None => skipped.note(day, || cal.day_off(day).map(|off| off.words())),
            Some(close) => match paused_at(pauses, close) {
                Some(p) if p.end.is_none() => return Ok(Reached::Held),
                Some(_) => skipped.note(day, || Some(PAUSED.into())),
                None => {
                    counted += 1;
                    last = close;
                }
            },
        }
    }
    Ok(Reached::At(last))
}

/// `minutes` of office time from `start`, the clock stopped in pauses.
pub(crate) fn add_office_minutes(
    cal: &WorkingCalendar,
    start: NaiveDateTime,
    minutes: i64,
    pauses: &[LocalPause],
) -> Result<Reached, DeadlineError> {
    let mut left = minutes;
    let mut day = start.date();
    if left == 0 {
        return Ok(Reached::At(start));
    }
    for _ in 0..SEARCH_DAYS + (minutes / 60) as u32 {
        for (a, b) in cal.spans_iter(day) {
            if b <= start {
                continue;
            }
            let (parts, held) = running_parts(a.max(start), b, pauses);
            for (pa, pb) in parts {
                let len = (pb - pa).num_minutes();
                if len >= left {
                    return Ok(Reached::At(pa + Duration::minutes(left)));
                }
                left -= len;
            }
            if held {
                return Ok(Reached::Held);
            }
        }
        day = day
            .succ_opt()
            .ok_or(DeadlineError::NoWorkingTime { from: start.date() })?;
    }
    Err(DeadlineError::NoWorkingTime { from: start.date() })
}

/// Office minutes the clock ran in `[a, b)`.
pub(crate) fn office_minutes_between(
    cal: &WorkingCalendar,
    a: NaiveDateTime,
    b: NaiveDateTime,
    pauses: &[LocalPause],
) -> i64 {
    let mut total = 0;
    let mut day = a.date();
    while day <= b.date() {
        for (sa, sb) in cal.spans_iter(day) {
            let (lo, hi) = (sa.max(a), sb.min(b));
            if lo < hi && pauses.is_empty() {
                total += (hi - lo).num_minutes();
            } else if lo < hi {
                let (parts, _) = running_parts(lo, hi, pauses);
                total += parts
                    .iter()
                    .map(|(x, y)| (*y - *x).num_minutes())
                    .sum::<i64>();
            }
        }
        match day.succ_opt() {
            Some(d) => day = d,
            None => break,
        }
    }
    total
}

/// `minutes` of wall time from `start`, the clock stopped in pauses.
pub(crate) fn add_wall_minutes(
    start: NaiveDateTime,
    minutes: i64,
    pauses: &[LocalPause],
) -> Reached {
    let mut cursor = start;
    let mut left = minutes;
    for p in pauses {
        let end = p.end.unwrap_or(NaiveDateTime::MAX);
        if end <= cursor {
            continue;
        }
        let run = (p.start - cursor).num_minutes().max(0);
        if run >= left {
            break;
        }
        left -= run;
        match p.end {
            None => return Reached::Held,
            Some(e) => cursor = cursor.max(e),
        }
    }
    Reached::At(cursor + Duration::minutes(left))
}

/// `n` calendar days after `day0`, due at 23.59 of the last; a day counts when the clock runs
/// at its end (the same rule as working days).
pub(crate) fn add_calendar_days(
    day0: NaiveDate,
    n: u32,
    pauses: &[LocalPause],
    skipped: &mut Skips,
) -> Result<Reached, DeadlineError> {
    let end_of = |d: NaiveDate| d.and_time(NaiveTime::MIN) + Duration::minutes(23 * 60 + 59);
    let mut day = day0;
    let mut counted = 0;
    while counted < n {
        day = day
            .succ_opt()
            .ok_or(DeadlineError::NoWorkingTime { from: day0 })?;
        match paused_at(pauses, end_of(day)) {
            Some(p) if p.end.is_none() => return Ok(Reached::Held),
            Some(_) => skipped.note(day, || Some(PAUSED.into())),
            None => counted += 1,
        }
    }
    Ok(Reached::At(end_of(day)))
}
