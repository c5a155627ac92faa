//! The handle every front door holds: one open database.

use std::path::Path;

use loket_db::Db;

use crate::ApiError;

/// An open Loket database. Use cases are methods defined in their own modules.
pub struct Loket {
    pub(crate) db: Db,
}

impl Loket {
    /// Opens (creating and migrating when needed) the database at `path`. The bytes of
    /// attachments an older Loket kept in `lampiran/` beside a database file are moved into
    /// the database on the way, each verified against its SHA-256; a missing or altered file
    /// does not stop the opening and is reported by `loket check`.
    pub fn open(path: &Path) -> Result<Loket, ApiError> {
        let mut loket = Loket {
            db: Db::open(path)?,
        };
        loket.import_attachment_folder()?;
        Ok(loket)
    }

    /// A throwaway in-memory database (tests).
    pub fn open_in_memory() -> Result<Loket, ApiError> {
        Ok(Loket {
            db: Db::open_in_memory()?,
        })
    }

    /// Where the database lives.
    pub fn db_path(&self) -> &Path {
        self.db.path()
    }
}
