//! Letter-number patterns of the outgoing-letter register (buku agenda surat keluar).
//!
//! A pattern is text with tokens in braces, e.g. `{klasifikasi}/{urut}/{unit}/{tahun}` or
//! `{klasifikasi}/{urut:3}/{unit}/{bulan_romawi}/{tahun}`. It must contain `{urut}` exactly
//! once: the running number that the register counts per pattern and year.

use std::fmt;

/// A token of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// Literal text between tokens.
    Text(String),
    /// The archive classification code, e.g. `000.8.3.3`.
    Klasifikasi,
    /// The running number; `width` pads with zeros (`{urut:3}` → `007`).
    Urut { width: usize },
    /// The unit's code, e.g. `DKIS` or `418.31`.
    Unit,
    /// The four-digit year.
    Tahun,
    /// The month as two digits, `03`.
    Bulan,
    /// The month in Roman numerals, `III`.
    BulanRomawi,
}

/// Tokens a pattern may use, as written.
pub const TOKENS: [&str; 6] = [
    "{klasifikasi}",
    "{urut}",
    "{unit}",
    "{tahun}",
    "{bulan}",
    "{bulan_romawi}",
];

/// Why a pattern text is not a valid pattern; messages in Bahasa Indonesia.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PatternError {
    #[error("pola nomor kosong; contoh pola: {{klasifikasi}}/{{urut}}/{{unit}}/{{tahun}}")]
    Empty,
    #[error("pola nomor '{pattern}' memuat token tidak dikenal '{{{token}}}'; token yang dikenal: {known}")]
    UnknownToken {
        pattern: String,
        token: String,
        known: String,
    },
    #[error("pola nomor '{0}' memuat kurung kurawal yang tidak berpasangan; tulis token sebagai {{nama}}")]
    Unbalanced(String),
    #[error("pola nomor '{0}' harus memuat {{urut}} tepat satu kali (nomor urut surat)")]
    Urut(String),
    #[error("pola nomor '{0}' harus memuat {{tahun}}: nomor urut dihitung ulang setiap tahun")]
    Tahun(String),
    #[error("lebar nomor urut pada pola '{0}' harus angka 1 sampai 6, mis. {{urut:3}}")]
    Width(String),
}

/// A parsed pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberPattern {
    text: String,
    tokens: Vec<Token>,
}

/// The values a number is built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberParts<'a> {
    pub klasifikasi: &'a str,
    pub unit: &'a str,
    pub urut: u64,
    pub year: i32,
    /// 1..=12
    pub month: u32,
}

impl NumberPattern {
    /// Parses a pattern. Errors name the offending token and list the known ones.
    pub fn parse(text: &str) -> Result<NumberPattern, PatternError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(PatternError::Empty);
        }
        let mut tokens = Vec::new();
        let mut rest = trimmed;
        while !rest.is_empty() {
            match (rest.find('{'), rest.find('}')) {
                (None, None) => {
                    tokens.push(Token::Text(rest.to_string()));
                    break;
                }
                (Some(open), Some(close)) if open < close => {
                    if open > 0 {
                        tokens.push(Token::Text(rest[..open].to_string()));
                    }
                    let name = &rest[open + 1..close];
                    if name.contains('{') {
                        return Err(PatternError::Unbalanced(trimmed.into()));
                    }
                    tokens.push(token(trimmed, name)?);
                    rest = &rest[close + 1..];
                }
                _ => return Err(PatternError::Unbalanced(trimmed.into())),
            }
        }
        let uruts = tokens
            .iter()
            .filter(|t| matches!(t, Token::Urut { .. }))
            .count();
        if uruts != 1 {
            return Err(PatternError::Urut(trimmed.into()));
        }
        if !tokens.contains(&Token::Tahun) {
            return Err(PatternError::Tahun(trimmed.into()));
        }
        Ok(NumberPattern {
            text: trimmed.to_string(),
            tokens,
        })
    }

    /// The pattern as written.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the pattern uses `{unit}` (then a unit code must be configured).
    pub fn uses_unit(&self) -> bool {
        self.tokens.contains(&Token::Unit)
    }

    /// Whether the pattern uses `{klasifikasi}`.
    pub fn uses_klasifikasi(&self) -> bool {
        self.tokens.contains(&Token::Klasifikasi)
    }

    /// The number for these parts: `000.8.3.3/7/DKIS/III/2024`.
    pub fn format(&self, p: &NumberParts) -> String {
        let mut out = String::new();
        for t in &self.tokens {
            match t {
                Token::Text(s) => out.push_str(s),
                Token::Klasifikasi => out.push_str(p.klasifikasi),
                Token::Urut { width } => out.push_str(&format!("{:0width$}", p.urut)),
                Token::Unit => out.push_str(p.unit),
                Token::Tahun => out.push_str(&p.year.to_string()),
                Token::Bulan => out.push_str(&format!("{:02}", p.month)),
                Token::BulanRomawi => out.push_str(roman_month(p.month)),
            }
        }
        out
    }
}

impl fmt::Display for NumberPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

fn token(pattern: &str, name: &str) -> Result<Token, PatternError> {
    Ok(match name {
        "klasifikasi" => Token::Klasifikasi,
        "urut" => Token::Urut { width: 1 },
        "unit" => Token::Unit,
        "tahun" => Token::Tahun,
        "bulan" => Token::Bulan,
        "bulan_romawi" => Token::BulanRomawi,
        _ => match name.strip_prefix("urut:") {
            Some(w) => match w.parse::<usize>() {
                Ok(width @ 1..=6) => Token::Urut { width },
                _ => return Err(PatternError::Width(pattern.into())),
            },
            None => {
                return Err(PatternError::UnknownToken {
                    pattern: pattern.into(),
                    token: name.into(),
                    known: TOKENS.join(", "),
                })
            }
        },
    })
}

/// The month in Roman numerals, 1 → "I", 12 → "XII"; "" outside 1..=12.
pub fn roman_month(month: u32) -> &'static str {
    const R: [&str; 12] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    month
        .checked_sub(1)
        .and_then(|i| R.get(i as usize))
        .copied()
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(urut: u64, month: u32) -> NumberParts<'static> {
        NumberParts {
            klasifikasi: "000.8.3.3",
            unit: "DKIS",
            urut,
            year: 2024,
            month,
        }
    }

    #[test]
    fn formats_the_patterns_offices_use() {
        let p = NumberPattern::parse("{klasifikasi}/{urut}/{unit}/{tahun}").unwrap();
        assert_eq!(
            p.format(&parts(15, 3)),
            "000.8.3.3/15/DKIS/2024",
            "klasifikasi/urut/unit/tahun as Denpasar and Kediri number"
        );
        let p =
            NumberPattern::parse("{klasifikasi}/{urut:3}/{unit}/{bulan_romawi}/{tahun}").unwrap();
        assert_eq!(
            p.format(&parts(1, 6)),
            "000.8.3.3/001/DKIS/VI/2024",
            "zero-padded running number and Roman month"
        );
        let p = NumberPattern::parse("B-{urut}/{bulan}.{tahun}").unwrap();
        assert_eq!(
            p.format(&parts(7, 11)),
            "B-7/11.2024",
            "literal text and two-digit month"
        );
    }

    #[test]
    fn roman_months_cover_the_year() {
        assert_eq!(roman_month(1), "I", "January is I");
        assert_eq!(roman_month(4), "IV", "April is IV");
        assert_eq!(roman_month(9), "IX", "September is IX");
        assert_eq!(roman_month(12), "XII", "December is XII");
        assert_eq!(roman_month(13), "", "there is no 13th month");
    }

    #[test]
    fn bad_patterns_are_refused_with_the_reason() {
        assert_eq!(
            NumberPattern::parse("{klasifikasi}/{tahun}"),
            Err(PatternError::Urut("{klasifikasi}/{tahun}".into())),
            "a pattern without {{urut}} could give two letters one number"
        );
        assert!(
            matches!(
                NumberPattern::parse("{urut}/{urut}/{tahun}"),
                Err(PatternError::Urut(_))
            ),
            "two running numbers are ambiguous"
        );
        assert!(
            matches!(
                NumberPattern::parse("{urut}/DKIS"),
                Err(PatternError::Tahun(_))
            ),
            "counters restart each year, so the year must be in the number"
        );
        let e = NumberPattern::parse("{urut}/{bidang}").unwrap_err();
        assert!(
            e.to_string().contains("{bidang}") && e.to_string().contains("{bulan_romawi}"),
            "an unknown token is named and the known ones listed: {e}"
        );
        assert!(
            matches!(
                NumberPattern::parse("{urut/{tahun}"),
                Err(PatternError::Unbalanced(_))
            ),
            "an unclosed brace is refused"
        );
        assert!(
            matches!(
                NumberPattern::parse("{urut:9}/{tahun}"),
                Err(PatternError::Width(_))
            ),
            "a width beyond 6 is refused"
        );
        assert_eq!(
            NumberPattern::parse("  "),
            Err(PatternError::Empty),
            "empty pattern"
        );
    }
}
