//! Pengaturan → Penomoran Surat: the numbering patterns as the window shows them
//! (`letter.pattern.page`), the next number a pattern would give (`letter.pattern.example`,
//! the live example while an administrator types) and saving one (`letter.pattern.set`,
//! administrators only, audited with every pattern before and after, since saving moves the
//! kinds it takes from other patterns).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use loket_domain::roles::Role;
use loket_letters::spec::{self, ALL_KINDS};
use loket_letters::LetterKind;
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use super::dto::NumberPatternView;
use super::numbering::{validated, NumberPlan};
use crate::account::Actor;
use crate::{audit, ApiError, Loket};

pub const PATTERN_PAGE: &str = "letter.pattern.page";
pub const PATTERN_EXAMPLE: &str = "letter.pattern.example";
pub const PATTERN_SET: &str = "letter.pattern.set";

/// A letter kind as a choice: id and its name in words.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct KindChoice {
    pub id: String,
    pub label: String,
}

/// One pattern with the kinds it numbers in words and the number it would give next.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct PatternRow {
    pub pattern: NumberPatternView,
    pub kind_labels: Vec<String>,
    /// The next number this year, e.g. `000.8.3.3/004/DKIS/XI/2026`.
    pub next_number: String,
}

/// The Penomoran Surat page.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct PatternPage {
    pub patterns: Vec<PatternRow>,
    /// Kinds drafted as outgoing letters (not the lembar disposisi), for the checkboxes.
    pub kinds: Vec<KindChoice>,
    /// Kinds no pattern numbers yet: a draft of them is refused until one does.
    pub unnumbered: Vec<KindChoice>,
}

/// Letter kinds that take a number from the register.
fn numbered_kinds() -> impl Iterator<Item = LetterKind> {
    ALL_KINDS
        .into_iter()
        .filter(|k| *k != LetterKind::LembarDisposisi)
}

fn choice(k: LetterKind) -> KindChoice {
    KindChoice {
        id: spec::kind_id(k).to_string(),
        label: k.label().to_string(),
    }
}

fn label_of(id: &str) -> String {
    spec::kind_from_id(id)
        .map(|k| k.label().to_string())
        .unwrap_or_else(|| id.to_string())
}

impl Loket {
    /// The number `p` would give next for a letter dated `today`: the pattern's own counter
    /// when it is already stored, else its first number.
    ///
    /// Errors: `bad_input` for an invalid pattern, naming the field and the fix.
    pub fn letter_pattern_example(
        &self,
        p: &NumberPatternView,
        today: NaiveDate,
    ) -> Result<String, ApiError> {
        let stored = validated(p)?;
        let seq = self.db.next_number_seq(&stored.id, today.year())?;
        Ok(NumberPlan::of(stored)?.format(seq, today))
    }

    /// Every pattern with its next number, and the kinds still without one.
    pub fn letter_pattern_page(&self, today: NaiveDate) -> Result<PatternPage, ApiError> {
        let patterns = self.letter_pattern_list()?;
        let mut rows = Vec::new();
        for p in patterns {
            rows.push(PatternRow {
                kind_labels: p.kinds.iter().map(|k| label_of(k)).collect(),
                next_number: self.letter_pattern_example(&p, today)?,
                pattern: p,
            });
        }
        let unnumbered = numbered_kinds()
            .filter(|k| {
                let id = spec::kind_id(*k);
                !rows.iter().any(|r| r.pattern.kinds.iter().any(|x| x == id))
            })
            .map(choice)
            .collect();
        Ok(PatternPage {
            patterns: rows,
            kinds: numbered_kinds().map(choice).collect(),
            unnumbered,
        })
    }

    /// Creates or replaces pattern `p` (taking its kinds from other patterns) and returns
    /// the page as it now is. Numbers already given keep their text.
    ///
    /// Errors: `Forbidden` without the administer role; `bad_input` for an invalid pattern
    /// (nothing is written).
    pub fn letter_pattern_set(
        &mut self,
        actor: &Actor,
        p: &NumberPatternView,
        now: DateTime<FixedOffset>,
    ) -> Result<PatternPage, ApiError> {
        self.letter_pattern_set_all(actor, std::slice::from_ref(p), now)
    }

    /// Creates or replaces several patterns with one confirmation (the first-run checklist's
    /// proposals): all are checked first, then saved in one transaction with one audit entry
    /// holding every pattern before and after.
    ///
    /// Errors: `Forbidden` without the administer role; `bad_input` for an empty list, two
    /// patterns with one id, or any invalid pattern (naming it; nothing is written).
    pub fn letter_pattern_set_all(
        &mut self,
        actor: &Actor,
        list: &[NumberPatternView],
        now: DateTime<FixedOffset>,
    ) -> Result<PatternPage, ApiError> {
        self.current(actor)?.require(Role::Administer)?;
        if list.is_empty() {
            return Err(ApiError::bad_input(
                "tidak ada pola nomor yang dipilih; centang paling sedikit satu pola",
            ));
        }
        let mut stored = Vec::new();
        for p in list {
            if stored
                .iter()
                .any(|s: &loket_db::number_patterns::StoredPattern| s.id == p.id)
            {
                return Err(ApiError::bad_input(format!(
                    "pola '{}' tertulis dua kali; beri setiap pola id sendiri",
                    p.id
                )));
            }
            let s = validated(p)
                .map_err(|e| ApiError::bad_input(format!("pola '{}': {}", p.id, e.message)))?;
            stored.push(s);
        }
        let tx = self.db.begin()?;
        let before = tx.number_patterns()?;
        for s in &stored {
            tx.save_number_pattern(s, &super::stamp(now))?;
        }
        let after = tx.number_patterns()?;
        let shape = |list: &[loket_db::number_patterns::StoredPattern]| -> Vec<String> {
            list.iter()
                .map(|s| {
                    format!(
                        "{}: {} (klasifikasi {}, unit {}) untuk {}",
                        s.id,
                        s.pattern,
                        s.klasifikasi,
                        s.unit,
                        s.kinds.join(", ")
                    )
                })
                .collect()
        };
        let ids: Vec<&str> = stored.iter().map(|s| s.id.as_str()).collect();
        audit::record(
            &tx,
            now,
            actor.id(),
            PATTERN_SET,
            &format!("pola-nomor:{}", ids.join(",")),
            Some(&shape(&before)),
            Some(&shape(&after)),
        )?;
        tx.commit()?;
        self.letter_pattern_page(now.date_naive())
    }
}
