//! The weekly hours as the window's form holds them (one row per weekday: open, close, one
//! optional break, or closed), turned into the hours text `parse_hours` reads and back. A
//! day with more breaks (set through the CLI) keeps the others in `more_breaks`, so saving
//! the form never drops them.

use loket_domain::catalog::{OfficeHours, Weekday};
use serde::{Deserialize, Serialize};

use crate::ApiError;

#[cfg(feature = "ts")]
use ts_rs::TS;

/// One weekday of the hours form. Times are `JJ:MM`; an empty break means none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct DayForm {
    /// "Senin" … "Minggu".
    pub day: String,
    pub closed: bool,
    pub open: String,
    pub close: String,
    pub break_from: String,
    pub break_to: String,
    /// Further breaks of the day as `JJ:MM-JJ:MM,JJ:MM-JJ:MM`; empty for most offices.
    pub more_breaks: String,
}

fn clock_text(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The form rows of `hours`, Senin to Minggu (a day not listed is closed; the first break
/// of a day in its own fields, any further ones in `more_breaks`).
pub fn week_form(hours: &OfficeHours) -> Vec<DayForm> {
    Weekday::ALL
        .into_iter()
        .map(|day| match hours.days.iter().find(|d| d.day == day) {
            Some(d) => DayForm {
                day: day.label().to_string(),
                closed: false,
                open: clock_text(d.open),
                close: clock_text(d.close),
                break_from: d
                    .breaks
                    .first()
                    .map(|b| clock_text(b.start))
                    .unwrap_or_default(),
                break_to: d
                    .breaks
                    .first()
                    .map(|b| clock_text(b.end))
                    .unwrap_or_default(),
                more_breaks: d
                    .breaks
                    .iter()
                    .skip(1)
                    .map(|b| format!("{}-{}", clock_text(b.start), clock_text(b.end)))
                    .collect::<Vec<_>>()
                    .join(","),
            },
            None => DayForm {
                day: day.label().to_string(),
                closed: true,
                open: String::new(),
                close: String::new(),
                break_from: String::new(),
                break_to: String::new(),
                more_breaks: String::new(),
            },
        })
        .collect()
}

fn minutes(text: &str) -> Option<u16> {
    let (h, m) = text.trim().split_once([':', '.'])?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 23 && m <= 59).then_some(h * 60 + m)
}

/// Checks one open day; `None` when it is fine, else the problem in words.
fn day_problem(d: &DayForm) -> Option<String> {
    let name = &d.day;
    let (Some(open), Some(close)) = (minutes(&d.open), minutes(&d.close)) else {
        return Some(format!(
            "{name}: isi jam buka dan jam tutup (JJ:MM), atau centang Libur"
        ));
    };
    if open >= close {
        return Some(format!(
            "{name}: jam buka {} harus sebelum jam tutup {}",
            d.open, d.close
        ));
    }
    let (from, to) = (d.break_from.trim(), d.break_to.trim());
    if from.is_empty() && to.is_empty() {
        return None;
    }
    let (Some(bf), Some(bt)) = (minutes(from), minutes(to)) else {
        return Some(format!(
            "{name}: isi jam mulai dan selesai istirahat (JJ:MM), atau kosongkan keduanya"
        ));
    };
    if !(open < bf && bf < bt && bt < close) {
        return Some(format!(
            "{name}: istirahat {from}–{to} harus di dalam jam buka {}–{} dan mulai sebelum selesai",
            d.open, d.close
        ));
    }
    None
}

/// The hours text of the form (`senin 08:00-15:45 istirahat 12:00-13:00; jumat …`).
///
/// Errors: `BadInput` naming every day with a problem, or when every day is closed.
pub fn week_text(days: &[DayForm]) -> Result<String, ApiError> {
    let mut problems = Vec::new();
    let mut parts = Vec::new();
    for d in days.iter().filter(|d| !d.closed) {
        if !Weekday::ALL.iter().any(|w| w.label() == d.day) {
            problems.push(format!("hari `{}` tidak dikenal", d.day));
            continue;
        }
        if let Some(p) = day_problem(d) {
            problems.push(p);
            continue;
        }
        let mut part = format!(
            "{} {}-{}",
            d.day.to_lowercase(),
            d.open.trim(),
            d.close.trim()
        );
        let mut breaks: Vec<String> = Vec::new();
        if !d.break_from.trim().is_empty() {
            breaks.push(format!("{}-{}", d.break_from.trim(), d.break_to.trim()));
        }
        breaks.extend(
            d.more_breaks
                .split(',')
                .map(|b| b.split_whitespace().collect::<String>())
                .filter(|b| !b.is_empty()),
        );
        if !breaks.is_empty() {
            part.push_str(&format!(" istirahat {}", breaks.join(",")));
        }
        parts.push(part);
    }
    if !problems.is_empty() {
        return Err(ApiError::bad_input(format!(
            "jam kerja belum benar: {}",
            problems.join("; ")
        )));
    }
    if parts.is_empty() {
        return Err(ApiError::bad_input(
            "semua hari ditandai libur; sedikitnya satu hari harus buka",
        ));
    }
    Ok(parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::parse_hours;

    #[test]
    fn form_round_trips_through_the_hours_text() {
        let hours = parse_hours("senin-kamis 08:00-15:45 istirahat 12:00-13:00; jumat 08:00-11:00")
            .expect("the Kediri hours parse");
        let form = week_form(&hours);
        assert_eq!(form.len(), 7, "the form has a row per weekday");
        assert!(
            form[5].closed && form[6].closed,
            "Sabtu and Minggu are closed"
        );
        let text = week_text(&form).expect("the form of valid hours is valid");
        assert_eq!(
            parse_hours(&text).expect("the form's text parses"),
            hours,
            "the form gives back the same hours"
        );
    }

    #[test]
    fn a_second_break_set_elsewhere_survives_saving_the_form() {
        let hours = parse_hours("senin 08:00-16:00 istirahat 10:00-10:15,12:00-13:00")
            .expect("two breaks parse");
        let form = week_form(&hours);
        assert_eq!(
            (form[0].break_from.as_str(), form[0].more_breaks.as_str()),
            ("10:00", "12:00-13:00"),
            "the first break fills the form, the other is carried along"
        );
        let back = parse_hours(&week_text(&form).unwrap()).unwrap();
        assert_eq!(back, hours, "saving the form keeps both breaks");
    }

    #[test]
    fn problems_name_the_day() {
        let mut form = week_form(&OfficeHours::default_hours());
        form[0].open = "16:00".into();
        form[4].break_from = "12:00".into();
        form[4].break_to = String::new();
        let e = week_text(&form).expect_err("bad rows are refused");
        assert!(e.message.contains("Senin: jam buka 16:00"), "{}", e.message);
        assert!(e.message.contains("Jumat: isi jam mulai"), "{}", e.message);
    }
}
