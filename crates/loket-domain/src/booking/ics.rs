//! iCalendar (RFC 5545) export of bookings, importable by common calendar programs.

/// One booking as a VEVENT.
#[derive(Debug, Clone, PartialEq)]
pub struct IcsEvent {
    /// Globally unique and stable across exports, e.g. `booking-12@demak.loket`.
    pub uid: String,
    pub start: i64,
    pub end: i64,
    pub summary: String,
    pub location: String,
    pub description: String,
    /// TENTATIVE, CONFIRMED or CANCELLED.
    pub status: &'static str,
    /// When the booking last changed (Unix seconds), for SEQUENCE-less updates.
    pub last_modified: i64,
}

fn utc(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .map(|d| d.format("%Y%m%dT%H%M%SZ").to_string())
        .unwrap_or_default()
}

/// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets (§3.1), never splitting a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut len = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if len + n > 75 {
            out.push_str("\r\n ");
            len = 1;
        }
        out.push(c);
        len += n;
    }
    out.push_str("\r\n");
    out
}

/// A complete VCALENDAR with CRLF line ends. `stamp` is the export moment (Unix seconds).
pub fn ics_calendar(name: &str, events: &[IcsEvent], stamp: i64) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Loket//Jadwal Peralatan//ID",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        out.push_str(&fold(line));
    }
    out.push_str(&fold(&format!("X-WR-CALNAME:{}", escape(name))));
    for e in events {
        out.push_str(&fold("BEGIN:VEVENT"));
        out.push_str(&fold(&format!("UID:{}", e.uid)));
        out.push_str(&fold(&format!("DTSTAMP:{}", utc(stamp))));
        out.push_str(&fold(&format!("LAST-MODIFIED:{}", utc(e.last_modified))));
        out.push_str(&fold(&format!("DTSTART:{}", utc(e.start))));
        out.push_str(&fold(&format!("DTEND:{}", utc(e.end))));
        out.push_str(&fold(&format!("SUMMARY:{}", escape(&e.summary))));
        if !e.location.is_empty() {
            out.push_str(&fold(&format!("LOCATION:{}", escape(&e.location))));
        }
        if !e.description.is_empty() {
            out.push_str(&fold(&format!("DESCRIPTION:{}", escape(&e.description))));
        }
        out.push_str(&fold(&format!("STATUS:{}", e.status)));
        out.push_str(&fold("END:VEVENT"));
    }
    out.push_str(&fold("END:VCALENDAR"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_folded_escaped_and_crlf() {
        let e = IcsEvent {
            uid: "booking-1@demak.loket".into(),
            start: 1_767_232_800,
            end: 1_767_236_400,
            summary: "Rapat koordinasi; video conference, Command Center".into(),
            location: "Command Center".into(),
            description: "Baris satu\nBaris dua ".repeat(8),
            status: "CONFIRMED",
            last_modified: 1_767_000_000,
        };
        let text = ics_calendar("Jadwal Peralatan", &[e], 1_767_000_000);
        assert!(
            text.lines().all(|l| l.len() <= 76),
            "no physical line is longer than 75 octets plus CR"
        );
        assert!(
            text.split("\r\n").all(|l| !l.contains('\n')),
            "every line ends in CRLF"
        );
        assert!(
            text.contains("SUMMARY:Rapat koordinasi\\; video conference\\, Command Center"),
            "semicolons and commas escaped"
        );
        assert!(
            text.contains("DTSTART:20260101T020000Z"),
            "times in UTC with Z"
        );
    }
}
