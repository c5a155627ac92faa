//! Recurring bookings (weekly talkshow, podcast): a weekly rule with an end date.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::catalog::Weekday;

/// Every `every_weeks` weeks on `weekdays`, up to and including `until`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeeklyRule {
    pub weekdays: Vec<Weekday>,
    pub every_weeks: u32,
    pub until: NaiveDate,
}

/// The most bookings one weekly rule may create; a longer series is refused with its count
/// ([`occurrence_count`]) instead of being cut short.
pub const MAX_OCCURRENCES: usize = 1000;

/// How many occurrences the rule has from `first_start` to its end date, uncapped.
pub fn occurrence_count(first_start: DateTime<FixedOffset>, rule: &WeeklyRule) -> u64 {
    let every = i64::from(rule.every_weeks.max(1));
    let first_day = first_start.date_naive();
    let week0 = first_day - Duration::days(i64::from(first_day.weekday().num_days_from_monday()));
    let mut days: Vec<i64> = rule
        .weekdays
        .iter()
        .map(|w| Weekday::ALL.iter().position(|x| x == w).unwrap_or(0) as i64)
        .collect();
    days.sort_unstable();
    days.dedup();
    let weeks = (rule.until - week0).num_days().max(-1) / 7;
    let mut n = 0u64;
    let mut w = 0i64;
    while w <= weeks {
        for d in &days {
            let day = week0 + Duration::days(w * 7 + d);
            if day >= first_day && day <= rule.until {
                n += 1;
            }
        }
        w += every;
    }
    n
}

/// Start and end of every occurrence, the first being `first_start` itself when its weekday is
/// in the rule. Occurrences keep the local wall-clock time of `first_start` (offices in
/// Indonesia have no daylight saving, so this is also a fixed distance in instants).
/// At most [`MAX_OCCURRENCES`]; `every_weeks` 0 is treated as 1.
pub fn occurrences(
    first_start: DateTime<FixedOffset>,
    duration: Duration,
    rule: &WeeklyRule,
) -> Vec<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
    let every = i64::from(rule.every_weeks.max(1));
    let first_day = first_start.date_naive();
    let week0 = first_day - Duration::days(i64::from(first_day.weekday().num_days_from_monday()));
    let mut out = Vec::new();
    let mut day = first_day;
    while day <= rule.until && out.len() < MAX_OCCURRENCES {
        let weeks_from_start = (day - week0).num_days() / 7;
        if weeks_from_start % every == 0
            && rule.weekdays.contains(&Weekday::from_chrono(day.weekday()))
        {
            let start = first_start + Duration::days((day - first_day).num_days());
            out.push((start, start + duration));
        }
        day += Duration::days(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_series_until_2999_is_counted_not_cut() {
        let first = DateTime::parse_from_rfc3339("2026-01-08T09:00:00+07:00").unwrap(); // Thursday
        let rule = WeeklyRule {
            weekdays: vec![Weekday::Kamis],
            every_weeks: 1,
            until: NaiveDate::from_ymd_opt(2999, 12, 31).unwrap(),
        };
        let n = occurrence_count(first, &rule);
        assert_eq!(
            n, 50_820,
            "every Thursday from 8 Jan 2026 to 31 Dec 2999 (50 820, counted by the calendar) is counted exactly, not cut at the cap"
        );
        let short = WeeklyRule {
            until: NaiveDate::from_ymd_opt(2026, 1, 29).unwrap(),
            ..rule
        };
        assert_eq!(
            occurrence_count(first, &short) as usize,
            occurrences(first, Duration::hours(1), &short).len(),
            "the count agrees with the occurrences themselves"
        );
    }

    #[test]
    fn weekly_talkshow_every_thursday_until_the_end_date() {
        let first = DateTime::parse_from_rfc3339("2026-01-08T09:00:00+07:00").unwrap(); // a Thursday
        let rule = WeeklyRule {
            weekdays: vec![Weekday::Kamis],
            every_weeks: 1,
            until: NaiveDate::from_ymd_opt(2026, 1, 29).unwrap(),
        };
        let occ = occurrences(first, Duration::hours(1), &rule);
        let days: Vec<String> = occ
            .iter()
            .map(|(s, _)| s.format("%Y-%m-%dT%H:%M").to_string())
            .collect();
        assert_eq!(
            days,
            [
                "2026-01-08T09:00",
                "2026-01-15T09:00",
                "2026-01-22T09:00",
                "2026-01-29T09:00"
            ],
            "every Thursday up to and including the end date, same local time"
        );
        assert_eq!(
            occ[0].1 - occ[0].0,
            Duration::hours(1),
            "each occurrence keeps the duration"
        );
    }

    #[test]
    fn fortnightly_on_two_days() {
        let first = DateTime::parse_from_rfc3339("2026-03-02T13:00:00+08:00").unwrap(); // Monday, WITA
        let rule = WeeklyRule {
            weekdays: vec![Weekday::Senin, Weekday::Rabu],
            every_weeks: 2,
            until: NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
        };
        let days: Vec<u32> = occurrences(first, Duration::minutes(90), &rule)
            .iter()
            .map(|(s, _)| s.day())
            .collect();
        assert_eq!(
            days,
            [2, 4, 16, 18, 30],
            "every other week, Monday and Wednesday, skipping the weeks between"
        );
    }
}
