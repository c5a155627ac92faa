//! Pangkat and golongan of a civil servant (PNS): the ranks as the BKN lists them, and the
//! pairing the signature block prints ("Pembina Utama Muda (IV/c)").

/// Every golongan/ruang with its pangkat, lowest first.
pub const RANKS: [(&str, &str); 17] = [
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
];

/// The golongan as written canonically ("iv/c", "IV / c" → "IV/c"); `None` when it is none
/// of [`RANKS`].
pub fn golongan(written: &str) -> Option<&'static str> {
    let compact: String = written.chars().filter(|c| !c.is_whitespace()).collect();
    RANKS
        .iter()
        .map(|(g, _)| *g)
        .find(|g| g.eq_ignore_ascii_case(&compact))
}

/// The pangkat that goes with golongan `g` (canonical form).
pub fn pangkat_of(g: &str) -> Option<&'static str> {
    RANKS.iter().find(|(x, _)| *x == g).map(|(_, p)| *p)
}

/// The golongan that goes with `pangkat` as written (letter case and spacing aside): each
/// pangkat belongs to exactly one golongan/ruang, so a profile that names only the pangkat
/// ("Pembina Utama Muda") still prints its golongan ("IV/c"). `None` for words that are no
/// PNS rank.
pub fn golongan_of(pangkat: &str) -> Option<&'static str> {
    let written = pangkat.split_whitespace().collect::<Vec<_>>().join(" ");
    RANKS
        .iter()
        .find(|(_, p)| p.eq_ignore_ascii_case(&written))
        .map(|(g, _)| *g)
}

/// Checks that `pangkat` is the rank of golongan `g` (letter case and spacing aside) and
/// returns the canonical (golongan, pangkat).
///
/// Errors: a message in Bahasa Indonesia naming the rank that goes with the golongan.
pub fn checked(pangkat: &str, g: &str) -> Result<(&'static str, &'static str), String> {
    let Some(g) = golongan(g) else {
        return Err(format!(
            "golongan '{}' tidak dikenal; tulis seperti IV/c (I/a sampai IV/e)",
            g.trim()
        ));
    };
    let expected = pangkat_of(g).unwrap_or_default();
    let written = pangkat.split_whitespace().collect::<Vec<_>>().join(" ");
    if !written.is_empty() && !written.eq_ignore_ascii_case(expected) {
        return Err(format!(
            "pangkat '{written}' tidak sesuai golongan {g}; pangkat golongan {g} adalah {expected}"
        ));
    }
    Ok((g, expected))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pangkat_alone_names_its_golongan() {
        assert_eq!(
            golongan_of("Pembina  utama muda"),
            Some("IV/c"),
            "the rank table pairs each pangkat with one golongan, case and spacing aside"
        );
        assert_eq!(
            golongan_of("Penata Muda Tingkat I"),
            Some("III/b"),
            "'Tingkat I' ranks are told apart from the rank below them"
        );
        assert_eq!(
            golongan_of("Kepala Dinas"),
            None,
            "words that are no PNS rank name no golongan"
        );
    }

    #[test]
    fn golongan_pairs_with_its_pangkat() {
        assert_eq!(
            checked("pembina utama muda", "iv / c"),
            Ok(("IV/c", "Pembina Utama Muda")),
            "case and spacing do not matter; the canonical words are kept"
        );
        assert_eq!(
            checked("", "III/d"),
            Ok(("III/d", "Penata Tingkat I")),
            "an empty pangkat takes the one of the golongan"
        );
        assert!(
            checked("Pembina", "IV/c").is_err(),
            "a pangkat of another golongan is refused"
        );
        assert!(
            checked("Pembina", "V/a").is_err(),
            "a golongan outside I/a..IV/e is refused"
        );
    }
}
