//! Profile errors: each names the file, line, column and field, in Bahasa Indonesia.

use std::fmt;

/// One problem in a profile file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileError {
    pub file: String,
    /// 1-based line, 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// Dotted path of the field, e.g. `services.time.unit`.
    pub field: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: kolom `{}`: {}", self.file, self.field, self.message)
        } else {
            write!(
                f,
                "{}, baris {}, kolom {}: `{}`: {}",
                self.file, self.line, self.column, self.field, self.message
            )
        }
    }
}

/// Every problem found in one profile file; never empty.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ProfileErrors(pub Vec<ProfileError>);

impl fmt::Display for ProfileErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        writeln!(f, "Profil kantor tidak valid ({n} masalah):")?;
        for (i, e) in self.0.iter().enumerate() {
            if i + 1 < n {
                writeln!(f, "  - {e}")?;
            } else {
                write!(f, "  - {e}")?;
            }
        }
        Ok(())
    }
}

/// Turns byte offsets into lines and fields for one source text.
pub(crate) struct Locator<'a> {
    pub file: &'a str,
    pub text: &'a str,
}

impl Locator<'_> {
    /// 1-based line and column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before.rfind('\n').map_or(offset, |nl| offset - nl - 1) + 1;
        (line, column)
    }

    /// An error at a byte range with a known field name.
    pub fn at(&self, span: std::ops::Range<usize>, field: &str, message: String) -> ProfileError {
        let (line, column) = self.line_col(span.start);
        ProfileError {
            file: self.file.to_string(),
            line,
            column,
            field: field.to_string(),
            message,
        }
    }

    /// The dotted field path at an offset, worked out from the table header in force and the
    /// keys written before the offset on its line (for parser errors that carry no path).
    pub fn field_at(&self, offset: usize) -> String {
        let offset = offset.min(self.text.len());
        let before = &self.text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line_end = self.text[offset..]
            .find('\n')
            .map_or(self.text.len(), |i| offset + i);
        let header = self.text[..line_end]
            .lines()
            .rev()
            .map(str::trim)
            .find(|l| l.starts_with('['))
            .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_string());
        let line = &before[line_start..];
        let keys = keys_in(line);
        let mut parts: Vec<String> = header.into_iter().collect();
        if let Some(first) = keys.first() {
            parts.push(first.clone());
        }
        if keys.len() > 1 {
            parts.push(keys[keys.len() - 1].clone());
        }
        if parts.is_empty() {
            "(berkas)".to_string()
        } else {
            parts.join(".")
        }
    }
}

/// Keys (`name =`) in a fragment of a line, in order, ignoring quoted text.
fn keys_in(line: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut in_str = false;
    let mut word = String::new();
    let mut last_word = String::new();
    for c in line.chars() {
        if c == '"' {
            in_str = !in_str;
            word.clear();
            continue;
        }
        if in_str {
            continue;
        }
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            word.push(c);
        } else {
            if !word.is_empty() {
                last_word = std::mem::take(&mut word);
            }
            if c == '=' && !last_word.is_empty() {
                keys.push(std::mem::take(&mut last_word));
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_path_comes_from_header_and_inline_keys() {
        let text = "schema = 1\n[[services]]\nid = \"a\"\ntime = { amount = 1, unit = \"x\" }\n";
        let loc = Locator {
            file: "f.toml",
            text,
        };
        let offset = text.find("\"x\"").unwrap();
        assert_eq!(
            loc.field_at(offset),
            "services.time.unit",
            "inline table keys name the field"
        );
        assert_eq!(loc.line_col(offset).0, 4, "lines are 1-based");
    }
}
