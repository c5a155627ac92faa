//! `office.paper`, `office.paper.set`: the paper size the office's letters start on (A4, or
//! F4 where a regional regulation asks for it). A draft takes it when it is made; a letter can
//! still choose the other size in its own data.

use chrono::{DateTime, FixedOffset};
use loket_domain::roles::Role;
use loket_letters::Paper;
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::account::Actor;
use crate::{audit, ApiError, Loket};

pub const VIEW: &str = "office.paper";
pub const SET: &str = "office.paper.set";

const KEY: &str = "kertas";

/// The office's paper size.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct PaperSetting {
    /// "a4" or "f4".
    pub kertas: String,
    /// False while nobody chose (letters start on A4).
    pub chosen: bool,
}

/// "a4"/"f4" (any case) as a paper size.
///
/// Errors: `bad_input` naming the two sizes.
pub fn paper_from(text: &str) -> Result<Paper, ApiError> {
    match text.trim().to_ascii_lowercase().as_str() {
        "a4" => Ok(Paper::A4),
        "f4" => Ok(Paper::F4),
        other => Err(ApiError::bad_input(format!(
            "ukuran kertas '{other}' tidak dikenal; pilih a4 (210 × 297 mm) atau f4 (215 × 330 mm)"
        ))),
    }
}

impl Loket {
    /// The paper the office's letters start on: the stored choice, else A4.
    pub fn office_paper(&self) -> Result<PaperSetting, ApiError> {
        let stored = self.db.office_setting(KEY)?;
        let paper = match &stored {
            Some(s) => paper_from(s)?,
            None => Paper::A4,
        };
        Ok(PaperSetting {
            kertas: paper.id().to_string(),
            chosen: stored.is_some(),
        })
    }

    /// The paper size drafts start on.
    pub(crate) fn office_paper_size(&self) -> Result<Paper, ApiError> {
        paper_from(&self.office_paper()?.kertas)
    }

    /// Sets the office's paper size; audited with the size before and after.
    ///
    /// Errors: `Forbidden` without the administer role; `bad_input` for a size other than A4
    /// and F4.
    pub fn office_paper_set(
        &mut self,
        actor: &Actor,
        kertas: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<PaperSetting, ApiError> {
        self.current(actor)?.require(Role::Administer)?;
        let paper = paper_from(kertas)?;
        let tx = self.db.begin()?;
        let before = tx.office_setting(KEY)?;
        tx.set_office_setting(KEY, paper.id(), &crate::letter::stamp(now), actor.id())?;
        audit::record(
            &tx,
            now,
            actor.id(),
            SET,
            "kantor:kertas",
            before.as_ref(),
            Some(&paper.id()),
        )?;
        tx.commit()?;
        self.office_paper()
    }
}
