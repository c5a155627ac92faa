//! The handle every front door holds: one open database.

use std::path::Path;

use loket_db::Db;

use crate::ApiError;

/// An open Loket database. Use cases are methods defined in their own modules.
pub struct Loket {
    pub(crate) db: Db,
}

impl Loket {
    /// Opens (creating and migrating when needed) the database at `path`.
    pub fn open(path: &Path) -> Result<Loket, ApiError> {
        Ok(Loket {
            db: Db::open(path)?,
        })
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
