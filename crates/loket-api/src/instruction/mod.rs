//! The editable list of preset disposition instructions (Tanggapan dan saran, Proses lebih
//! lanjut, …): `instruction.list` for anyone signed in or the dispose dialog, and
//! `instruction.set` for administrators, audited with the list before and after.

use chrono::{DateTime, FixedOffset};
use loket_domain::roles::Role;

use crate::account::Actor;
use crate::{audit, ApiError, Loket};

pub const LIST: &str = "instruction.list";
pub const SET: &str = "instruction.set";

/// Longest instruction text accepted (it is printed in a cell of the lembar disposisi).
pub const MAX_CHARS: usize = 80;

/// Trims each text and refuses empty lists, empty or overlong texts, control characters
/// (terminal escapes, direction overrides) and repeats.
fn clean(texts: &[String]) -> Result<Vec<String>, ApiError> {
    let mut out: Vec<String> = Vec::new();
    let mut problems = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        let field = format!("petunjuk disposisi baris {}", i + 1);
        if t.is_empty() {
            problems.push(format!("baris {} kosong; hapus baris itu atau isi", i + 1));
        } else if let Some(p) = crate::text::problem(&field, &t, MAX_CHARS, false) {
            problems.push(if t.chars().count() > MAX_CHARS {
                format!("{p}, agar muat di lembar disposisi")
            } else {
                p
            });
        } else if out.iter().any(|o| o.to_lowercase() == t.to_lowercase()) {
            problems.push(format!(
                "baris {} `{t}` sudah ada di atasnya; hapus salah satunya",
                i + 1
            ));
        } else {
            out.push(t);
        }
    }
    if out.is_empty() && problems.is_empty() {
        problems.push("daftar petunjuk disposisi kosong; isi paling sedikit satu petunjuk".into());
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(ApiError::bad_input(format!(
            "daftar petunjuk disposisi belum dapat disimpan: {}",
            problems.join("; ")
        )))
    }
}

impl Loket {
    /// The preset instructions, in the order the dispose dialog offers them.
    pub fn instruction_list(&self) -> Result<Vec<String>, ApiError> {
        Ok(self.db.instructions()?)
    }

    /// Replaces the preset instructions with `texts` (in that order) and returns the saved
    /// list. Dispositions already sent keep the texts they were sent with.
    ///
    /// Errors: `Forbidden` without the administer role; `BadInput` for an empty list, an empty,
    /// overlong or repeated text or one with a control character (every problem named with
    /// its line).
    pub fn instruction_set(
        &mut self,
        actor: &Actor,
        texts: &[String],
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<String>, ApiError> {
        self.current(actor)?.require(Role::Administer)?;
        let texts = clean(texts)?;
        let tx = self.db.begin()?;
        let before = tx.instructions()?;
        tx.set_instructions(&texts)?;
        let after = tx.instructions()?;
        audit::record(
            &tx,
            now,
            actor.id(),
            SET,
            "instructions",
            Some(&before),
            Some(&after),
        )?;
        tx.commit()?;
        Ok(after)
    }
}

#[cfg(test)]
mod tests {
    use super::{clean, MAX_CHARS};

    #[test]
    fn texts_are_trimmed_and_checked_line_by_line() {
        let ok = clean(&["  Proses   lebih lanjut ".into(), "Hadiri/wakili".into()]).unwrap();
        assert_eq!(
            ok,
            vec!["Proses lebih lanjut", "Hadiri/wakili"],
            "spaces are tidied and the order kept"
        );
        let err = clean(&[
            "Siapkan jawaban".into(),
            "".into(),
            "siapkan jawaban".into(),
        ])
        .unwrap_err()
        .message;
        assert!(
            err.contains("baris 2 kosong") && err.contains("baris 3"),
            "every bad line is named by its number: {err}"
        );
        assert!(clean(&[]).is_err(), "an empty list is refused");
        assert!(
            clean(&["x".repeat(MAX_CHARS + 1)]).is_err(),
            "an overlong text is refused"
        );
    }
}
