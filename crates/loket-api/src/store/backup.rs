//! `store.backup`: an online copy of the database.

use std::path::Path;

use crate::{ApiError, Loket};

pub const ID: &str = "store.backup";

impl Loket {
    /// Copies the database to `target` (which must not exist), reporting progress in pages.
    pub fn store_backup(
        &self,
        target: &Path,
        progress: impl FnMut(i32, i32),
    ) -> Result<(), ApiError> {
        Ok(self.db.backup_to(target, progress)?)
    }
}
