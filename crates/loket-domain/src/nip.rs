//! NIP (Nomor Induk Pegawai): 18 digits, printed as `19700512 199403 1 007`.

/// Digits of a NIP written with or without spaces; `None` unless exactly 18 digits remain.
pub fn normalize(written: &str) -> Option<String> {
    let digits: String = written.chars().filter(|c| !c.is_whitespace()).collect();
    (digits.len() == 18 && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

/// A NIP as a person types it into a form: spaces allowed, and a leading "NIP", "NIP." or
/// "NIP:" (copied from a signature block) dropped, so that the letter never prints
/// "NIP NIP. …". Returns the 18 digits.
///
/// Errors: a message in Bahasa Indonesia saying how many digits were found.
pub fn from_input(written: &str) -> Result<String, String> {
    let t = without_label(written);
    if let Some(d) = normalize(t) {
        return Ok(d);
    }
    let digits = t.chars().filter(|c| c.is_ascii_digit()).count();
    Err(format!(
        "NIP harus 18 angka (mis. 19700512 200112 1 007); yang tertulis berisi {digits} angka{}",
        if t.chars().any(|c| !c.is_ascii_digit() && !c.is_whitespace()) {
            " dan tanda lain"
        } else {
            ""
        }
    ))
}

/// `written` trimmed, without a leading "NIP", "NIP." or "NIP:" label (copied from a
/// signature block), so that a printed "NIP. " never doubles it.
pub fn without_label(written: &str) -> &str {
    let t = written.trim();
    match t.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("nip") => t[3..].trim_start_matches(['.', ':', ' ']),
        _ => t,
    }
}

/// The customary grouping: birth date, appointment month, sex, serial.
/// Anything that is not 18 digits is returned unchanged.
pub fn format(nip: &str) -> String {
    match normalize(nip) {
        Some(d) => format!("{} {} {} {}", &d[0..8], &d[8..14], &d[14..15], &d[15..18]),
        None => nip.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_eighteen_digits_as_letters_print_them() {
        assert_eq!(
            format("197106021992031005"),
            "19710602 199203 1 005",
            "NIP is grouped 8-6-1-3 in signature blocks"
        );
        assert_eq!(
            normalize("19770307 199612 1 001").as_deref(),
            Some("197703071996121001"),
            "spaces written in documents are not part of the NIP"
        );
        assert_eq!(normalize("1977"), None, "a NIP has exactly 18 digits");
        assert_eq!(
            from_input("NIP. 19700512 200112 1 007").as_deref(),
            Ok("197005122001121007"),
            "a NIP copied with its label keeps only the digits, so it never prints NIP NIP."
        );
        assert_eq!(
            without_label(" NIP: 1970 "),
            "1970",
            "a label copied with a NIP that is not one is dropped too, so it is printed once"
        );
        assert!(
            from_input("1970051220011210").is_err(),
            "a 16-digit number (a NIK) is not a NIP"
        );
    }
}
