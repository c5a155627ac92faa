//! "The change is visible": the due moments of open cases before and after a calendar edit,
//! and the ones that moved.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::{ApiError, Loket};

#[cfg(feature = "ts")]
use ts_rs::TS;

/// An open case whose due moment the edit moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct MovedDeadline {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub case_id: i64,
    /// "12/2024".
    pub agenda: String,
    pub hal: String,
    /// RFC 3339 in office time (`None`: no due moment).
    pub before: Option<String>,
    pub after: Option<String>,
    /// "Senin, 13 Januari 2025 pukul 15.45 WIB", or "—".
    pub before_words: String,
    pub after_words: String,
}

/// What a calendar edit did, for the window.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct CalendarSaved {
    /// "Penutupan kantor 25 Maret 2024 tersimpan. Tenggat 2 permohonan terbuka bergeser."
    pub message: String,
    pub moved: Vec<MovedDeadline>,
}

type Dues = HashMap<i64, (Option<String>, Option<String>)>;

impl Loket {
    /// Due moment (and its words) of every open case at `now`, by case id.
    fn open_dues(&mut self, now: DateTime<FixedOffset>) -> Result<Dues, ApiError> {
        Ok(self
            .deadlines_all(now)?
            .into_iter()
            .filter(|i| i.kind == "permohonan")
            .map(|i| (i.case_id, (i.due, i.due_words)))
            .collect())
    }

    /// Runs the edit `change` and reports which open cases' due moments it moved.
    pub(crate) fn with_moved(
        &mut self,
        now: DateTime<FixedOffset>,
        done: &str,
        change: impl FnOnce(&mut Self) -> Result<(), ApiError>,
    ) -> Result<CalendarSaved, ApiError> {
        let before = self.open_dues(now)?;
        change(self)?;
        let after = self.open_dues(now)?;
        let mut moved: Vec<MovedDeadline> = Vec::new();
        for c in self.db.open_cases()? {
            let (Some(b), Some(a)) = (before.get(&c.id), after.get(&c.id)) else {
                continue;
            };
            if b.0 != a.0 {
                moved.push(MovedDeadline {
                    case_id: c.id,
                    agenda: format!("{}/{}", c.agenda_seq, c.year),
                    hal: c.hal,
                    before: b.0.clone(),
                    after: a.0.clone(),
                    before_words: b.1.clone().unwrap_or_else(|| "—".into()),
                    after_words: a.1.clone().unwrap_or_else(|| "—".into()),
                });
            }
        }
        moved.sort_by_key(|m| m.case_id);
        let tail = match moved.len() {
            0 => "Tidak ada tenggat permohonan terbuka yang bergeser.".to_string(),
            n => format!("Tenggat {n} permohonan terbuka bergeser."),
        };
        Ok(CalendarSaved {
            message: format!("{done} {tail}"),
            moved,
        })
    }
}
