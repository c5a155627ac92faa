//! SQLite's `?` / `?N` placeholders as PostgreSQL's `$N`, so a statement is written once.

/// `sql` with every placeholder outside string literals, quoted names and comments numbered
/// `$N`: `?N` keeps its number, a bare `?` takes one more than the largest so far (SQLite's
/// rule).
pub(crate) fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut chars = sql.chars().peekable();
    let mut highest = 0u32;
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    if d == c {
                        break;
                    }
                }
            }
            '-' if chars.peek() == Some(&'-') => {
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    if d == '\n' {
                        break;
                    }
                }
            }
            '?' => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().copied().filter(char::is_ascii_digit) {
                    digits.push(d);
                    chars.next();
                }
                let n = digits.parse::<u32>().unwrap_or(highest + 1);
                highest = highest.max(n);
                out.push('$');
                out.push_str(&n.to_string());
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::numbered;

    #[test]
    fn placeholders_are_numbered_outside_literals_and_comments() {
        assert_eq!(
            numbered("SELECT a FROM t WHERE b = ?1 AND c = ?1 AND d = ?"),
            "SELECT a FROM t WHERE b = $1 AND c = $1 AND d = $2",
            "?N keeps its number and a bare ? follows the highest, as SQLite numbers them"
        );
        assert_eq!(
            numbered("SELECT '?', \"a?\" -- why?\n FROM t WHERE x = ?"),
            "SELECT '?', \"a?\" -- why?\n FROM t WHERE x = $1",
            "question marks inside literals, quoted names and comments are text, not placeholders"
        );
        assert_eq!(
            numbered("VALUES (?, ?, ?)"),
            "VALUES ($1, $2, $3)",
            "bare placeholders are numbered in order"
        );
    }
}
