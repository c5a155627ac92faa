//! Saving the agenda book from the window: the filtered lines as CSV or Excel, written to
//! `keluaran/` as "buku-agenda-2026.xlsx" (or with the date range in the name).

use chrono::{DateTime, Datelike, FixedOffset};

use super::Session;
use crate::case::CaseFilter;
use crate::ApiError;

/// The file name for an export of `filter` made at `now`.
pub fn agenda_file_name(filter: &CaseFilter, now: DateTime<FixedOffset>, ext: &str) -> String {
    let year = filter.year.unwrap_or_else(|| i64::from(now.year()));
    let range = match (filter.from.trim(), filter.to.trim()) {
        ("", "") => String::new(),
        (f, t) => format!("-{}-sd-{}", f, t)
            .replace(['/', '\\'], "-")
            .replace("--", "-"),
    };
    format!("buku-agenda-{year}{range}.{ext}")
}

impl Session {
    /// Exports the agenda lines `filter` selects as CSV (`excel = false`) or `.xlsx`, saves
    /// them in `keluaran/` and returns the path.
    ///
    /// Errors: `Unauthorised` when nobody is signed in; `BadInput` for a malformed filter;
    /// `Internal` when the file cannot be written.
    pub fn save_agenda(
        &self,
        filter: &CaseFilter,
        excel: bool,
        now: DateTime<FixedOffset>,
    ) -> Result<String, ApiError> {
        let (bytes, ext) = if excel {
            (
                self.as_user(|l, a| l.case_export_xlsx(a, filter, now))?,
                "xlsx",
            )
        } else {
            (
                self.as_user(|l, a| l.case_export_csv(a, filter, now))?
                    .into_bytes(),
                "csv",
            )
        };
        self.save_output(&agenda_file_name(filter, now, ext), &bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_the_year_or_the_range() {
        let now = DateTime::parse_from_rfc3339("2026-03-02T09:00:00+07:00").unwrap();
        assert_eq!(
            agenda_file_name(&CaseFilter::default(), now, "csv"),
            "buku-agenda-2026.csv",
            "without a filter, the current year"
        );
        let f = CaseFilter {
            year: Some(2025),
            from: "2025-01-01".into(),
            to: "2025-03-31".into(),
            ..CaseFilter::default()
        };
        assert_eq!(
            agenda_file_name(&f, now, "xlsx"),
            "buku-agenda-2025-2025-01-01-sd-2025-03-31.xlsx",
            "a date range is part of the name"
        );
    }
}
