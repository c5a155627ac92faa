//! Table `letter_templates`: the office's edited letter templates, replacing the shipped
//! file of the same name. Deleting a row restores the shipped template.

use crate::params;
use crate::sql::OptionalExtension;
use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE letter_templates (
    file        TEXT PRIMARY KEY NOT NULL,
    text        TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT
) STRICT;
";

/// [`MIGRATION_1`] for PostgreSQL.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE letter_templates (
    file        TEXT PRIMARY KEY NOT NULL,
    text        TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT
);
";

/// One edited template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditedTemplate {
    pub file: String,
    pub text: String,
    pub updated_at: String,
    pub updated_by: Option<String>,
}

impl Db {
    /// Every edited template, by file name.
    pub fn edited_templates(&self) -> Result<Vec<EditedTemplate>, DbError> {
        let mut stmt = self.conn.prepare(
            "SELECT file, text, updated_at, updated_by FROM letter_templates ORDER BY file",
        )?;
        let rows = stmt.query_map(params![], |r| {
            Ok(EditedTemplate {
                file: r.get(0)?,
                text: r.get(1)?,
                updated_at: r.get(2)?,
                updated_by: r.get(3)?,
            })
        })?;
        rows.collect()
    }
}

impl Tx<'_> {
    /// The edited text of `file` as seen inside this transaction; `None` while the shipped
    /// version is active.
    pub fn edited_template(&self, file: &str) -> Result<Option<String>, DbError> {
        self.tx
            .query_row(
                "SELECT text FROM letter_templates WHERE file = ?1",
                params![file],
                |r| r.get(0),
            )
            .optional()
    }

    /// Stores an edited template (the caller has checked that it compiles).
    pub fn save_template(
        &self,
        file: &str,
        text: &str,
        by: Option<&str>,
        now: &str,
    ) -> Result<(), DbError> {
        self.tx.execute(
            "INSERT INTO letter_templates (file, text, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (file) DO UPDATE SET text = ?2, updated_at = ?3, updated_by = ?4",
            params![file, text, now, by],
        )?;
        Ok(())
    }

    /// Removes the edited version of `file`; true when there was one.
    pub fn reset_template(&self, file: &str) -> Result<bool, DbError> {
        Ok(self.tx.execute(
            "DELETE FROM letter_templates WHERE file = ?1",
            params![file],
        )? > 0)
    }
}
