//! Numbers in Indonesian words, as letters write them: "10 (sepuluh) hari kerja".

const ONES: [&str; 12] = [
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
    "sepuluh", "sebelas",
];

/// The number in words, lower case: 68 → "enam puluh delapan", 1000 → "seribu".
pub fn terbilang(n: u64) -> String {
    match n {
        0..=11 => ONES[n as usize].to_string(),
        12..=19 => format!("{} belas", ONES[(n - 10) as usize]),
        20..=99 => join(format!("{} puluh", ONES[(n / 10) as usize]), n % 10),
        100..=199 => join("seratus".to_string(), n - 100),
        200..=999 => join(format!("{} ratus", terbilang(n / 100)), n % 100),
        1000..=1999 => join("seribu".to_string(), n - 1000),
        2000..=999_999 => join(format!("{} ribu", terbilang(n / 1000)), n % 1000),
        1_000_000..=999_999_999 => {
            join(format!("{} juta", terbilang(n / 1_000_000)), n % 1_000_000)
        }
        _ => join(
            format!("{} miliar", terbilang(n / 1_000_000_000)),
            n % 1_000_000_000,
        ),
    }
}

fn join(head: String, rest: u64) -> String {
    if rest == 0 {
        head
    } else {
        format!("{head} {}", terbilang(rest))
    }
}

/// "7 (tujuh)": the figure followed by its words in brackets, the Tata Naskah Dinas form.
pub fn with_words(n: u64) -> String {
    format!("{n} ({})", terbilang(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_follow_indonesian_rules() {
        let cases = [
            (0, "nol"),
            (7, "tujuh"),
            (10, "sepuluh"),
            (11, "sebelas"),
            (14, "empat belas"),
            (24, "dua puluh empat"),
            (68, "enam puluh delapan"),
            (100, "seratus"),
            (115, "seratus lima belas"),
            (250, "dua ratus lima puluh"),
            (1000, "seribu"),
            (1945, "seribu sembilan ratus empat puluh lima"),
            (2024, "dua ribu dua puluh empat"),
            (1_000_000, "satu juta"),
        ];
        for (n, words) in cases {
            assert_eq!(
                terbilang(n),
                words,
                "terbilang({n}): se- prefixes for 10/11/100/1000, 'belas' for teens"
            );
        }
    }

    #[test]
    fn letters_write_figure_then_words() {
        assert_eq!(
            with_words(10),
            "10 (sepuluh)",
            "Tata Naskah Dinas: figure, then words in brackets"
        );
    }
}
