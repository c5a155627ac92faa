//! `case.export_csv`: the agenda book as CSV (RFC 4180, UTF-8 with BOM so spreadsheet
//! programs show Indonesian text correctly), for the lines a filter selects.

use chrono::{DateTime, FixedOffset};

use super::CaseFilter;
use crate::account::Actor;
use crate::{ApiError, Loket};

pub const ID: &str = "case.export_csv";

/// Column headings of the exported agenda book.
pub const HEADINGS: [&str; 10] = [
    "Nomor Agenda",
    "Diterima",
    "Pemohon",
    "Nomor Surat",
    "Tanggal Surat",
    "Hal",
    "Layanan",
    "Sifat",
    "Status",
    "Tenggat",
];

/// One CSV field: quoted when it holds a comma, quote or line break; quotes doubled.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

impl Loket {
    /// The agenda lines matching `filter` as CSV text, oldest agenda number first.
    ///
    /// Errors: `BadInput` for a malformed filter.
    pub fn case_export_csv(
        &self,
        actor: &Actor,
        filter: &CaseFilter,
        now: DateTime<FixedOffset>,
    ) -> Result<String, ApiError> {
        let mut lines = self.case_list(actor, filter, now)?;
        lines.reverse();
        let mut out = String::from("\u{feff}");
        out += &HEADINGS.join(",");
        out += "\r\n";
        for l in &lines {
            let row = [
                l.agenda_number.as_str(),
                &l.received_at,
                &l.applicant_name,
                &l.letter_number,
                &l.letter_date,
                &l.hal,
                &l.service_name,
                &l.sifat,
                &l.status_label,
                l.due_at.as_deref().unwrap_or(""),
            ];
            out += &row.iter().map(|f| field(f)).collect::<Vec<_>>().join(",");
            out += "\r\n";
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("biasa"), "biasa", "plain text stays plain");
        assert_eq!(
            field("Hal \"penting\", segera"),
            "\"Hal \"\"penting\"\", segera\"",
            "commas and quotes are quoted per RFC 4180"
        );
    }
}
