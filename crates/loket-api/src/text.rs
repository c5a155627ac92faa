//! Free text a person types: a length for every field, and no control characters (line
//! breaks only where a field allows them). ANSI escapes and bidirectional overrides are
//! refused because they change what a terminal or a list shows.

/// Longest names (applicant, account, schedule, holiday).
pub const NAME_MAX: usize = 200;
/// Longest hal, as the letters already enforce.
pub const HAL_MAX: usize = 150;
/// Longest reason, instruction or short note.
pub const REASON_MAX: usize = 500;
/// Longest notes and reports.
pub const NOTES_MAX: usize = 4000;
/// Longest identifiers written by people (letter numbers, phone, e-mail).
pub const SHORT_MAX: usize = 100;

/// Why `c` may not be stored in a text field, if it may not.
fn forbidden(c: char, multiline: bool) -> Option<&'static str> {
    match c {
        '\n' | '\t' if multiline => None,
        '\u{1b}' => Some("kode escape terminal"),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {
            Some("pengubah arah teks")
        }
        c if c.is_control() => Some("karakter kendali"),
        _ => None,
    }
}

/// Checks `value` for `field`: at most `max` characters, no control characters (with
/// `multiline`, line breaks and tabs are allowed). Returns the problem in Bahasa Indonesia,
/// naming the field, or `None`.
pub(crate) fn problem(field: &str, value: &str, max: usize, multiline: bool) -> Option<String> {
    let n = value.chars().count();
    if n > max {
        return Some(format!(
            "{field} terlalu panjang ({n} karakter); paling banyak {max} karakter"
        ));
    }
    value.chars().enumerate().find_map(|(i, c)| {
        forbidden(c, multiline).map(|what| {
            format!(
                "{field} memuat {what} (U+{:04X}) pada karakter ke-{}; hapus karakter itu",
                c as u32,
                i + 1
            )
        })
    })
}

/// [`problem`] as an error. Errors: `BadInput` naming the field.
pub(crate) fn check(field: &str, value: &str, max: usize) -> Result<(), crate::ApiError> {
    match problem(field, value, max, false) {
        Some(p) => Err(crate::ApiError::bad_input(p)),
        None => Ok(()),
    }
}

/// [`problem`] for a field that may hold line breaks and tabs. Errors: `BadInput` naming
/// the field.
pub(crate) fn check_lines(field: &str, value: &str, max: usize) -> Result<(), crate::ApiError> {
    match problem(field, value, max, true) {
        Some(p) => Err(crate::ApiError::bad_input(p)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_escapes_and_direction_overrides_are_refused_with_the_field() {
        assert!(
            problem("nama pemohon", &"a".repeat(70_000), NAME_MAX, false)
                .is_some_and(|p| p.contains("nama pemohon") && p.contains("paling banyak 200")),
            "a 70 000-character name is refused with the field and the limit"
        );
        assert!(
            problem("hal", "Permohonan \u{1b}[31mhosting", HAL_MAX, false)
                .is_some_and(|p| p.contains("hal") && p.contains("escape")),
            "an ANSI escape is refused naming the field"
        );
        assert!(
            problem("alasan", "gpj.exe\u{202e}fdp", REASON_MAX, false)
                .is_some_and(|p| p.contains("arah teks")),
            "a right-to-left override is refused"
        );
        assert!(
            problem("catatan", "baris satu\nbaris dua", NOTES_MAX, true).is_none(),
            "notes may have line breaks"
        );
        assert!(
            problem("hal", "baris satu\nbaris dua", HAL_MAX, false).is_some(),
            "a one-line field may not"
        );
        assert!(
            problem(
                "nama pemohon",
                "Dinas Pendidikan dan Kebudayaan",
                NAME_MAX,
                false
            )
            .is_none(),
            "ordinary text passes"
        );
    }
}
