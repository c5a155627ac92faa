//! Reading what a person typed on the register form: dates, moments and closed word lists,
//! each refusal naming the field and the expected form.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};

/// Reads a date written `TTTT-BB-HH` (2026-03-02) or `HH-BB-TTTT` / `HH/BB/TTTT` (02/03/2026).
pub(crate) fn date(field: &str, text: &str) -> Result<NaiveDate, String> {
    let t = text.trim();
    ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(t, f).ok())
        .ok_or_else(|| {
            format!("{field} `{t}` bukan tanggal yang valid; tulis TTTT-BB-HH (misalnya 2026-03-02) atau HH/BB/TTTT")
        })
}

/// Reads a moment: RFC 3339 (converted to the office's zone), or `TTTT-BB-HH JJ:MM` in the
/// office's time zone.
pub(crate) fn moment(
    field: &str,
    text: &str,
    offset: FixedOffset,
) -> Result<DateTime<FixedOffset>, String> {
    let t = text.trim();
    if let Ok(m) = DateTime::parse_from_rfc3339(t) {
        return Ok(m.with_timezone(&offset));
    }
    ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
        .and_then(|n| offset.from_local_datetime(&n).single())
        .ok_or_else(|| {
            format!("{field} `{t}` bukan waktu yang valid; tulis TTTT-BB-HH JJ:MM (misalnya 2026-03-02 09:15)")
        })
}

/// A required text field: trimmed, or a "belum diisi" problem.
pub(crate) fn required(field: &str, text: &str, problems: &mut Vec<String>) -> String {
    let t = text.trim();
    if t.is_empty() {
        problems.push(format!("{field} belum diisi"));
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moment_typed_with_another_offset_is_converted_to_the_office_zone() {
        let wita = FixedOffset::east_opt(8 * 3600).unwrap();
        let m = moment("waktu diterima", "2026-12-31T17:30:00+00:00", wita).unwrap();
        assert_eq!(
            m.to_rfc3339(),
            "2027-01-01T01:30:00+08:00",
            "a UTC moment is stored in WITA: it falls on New Year's day in the office"
        );
    }

    #[test]
    fn dates_in_the_forms_people_write() {
        let want = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        for t in ["2026-03-02", "02-03-2026", "02/03/2026"] {
            assert_eq!(date("tanggal surat", t), Ok(want), "{t} is 2 March 2026");
        }
        let err = date("tanggal surat", "2 Maret").unwrap_err();
        assert!(
            err.contains("tanggal surat") && err.contains("TTTT-BB-HH"),
            "a bad date names the field and the form: {err}"
        );
        assert!(
            date("tanggal surat", "2026-02-30").is_err(),
            "30 February does not exist"
        );
    }

    #[test]
    fn moments_default_to_office_time() {
        let wib = FixedOffset::east_opt(7 * 3600).unwrap();
        let m = moment("diterima", "2026-03-02 09:15", wib).unwrap();
        assert_eq!(
            m.to_rfc3339(),
            "2026-03-02T09:15:00+07:00",
            "local time in the office zone"
        );
        assert!(
            moment("diterima", "besok pagi", wib).is_err(),
            "words are refused"
        );
    }
}
