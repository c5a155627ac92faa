//! `store.backup`: an online copy of the database, with the audit checkpoint of that copy
//! written beside it.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use loket_db::Db;

use super::checkpoint::{self, Checkpoint};
use crate::{ApiError, Loket};

pub const ID: &str = "store.backup";

/// Where the checkpoint of a backup goes: `kantor-2026-12-02.db.titik-periksa.txt`.
pub fn checkpoint_path(target: &Path) -> PathBuf {
    let mut name = target.as_os_str().to_owned();
    name.push(".titik-periksa.txt");
    PathBuf::from(name)
}

impl Loket {
    /// Copies the database to `target` (which must not exist), reporting progress in pages,
    /// and writes the copy's audit checkpoint to [`checkpoint_path`] (kept with the backup, it
    /// lets a later `loket check --checkpoint` prove the trail was not rewritten since).
    pub fn store_backup(
        &self,
        target: &Path,
        progress: impl FnMut(i32, i32),
        now: DateTime<FixedOffset>,
    ) -> Result<Checkpoint, ApiError> {
        let cp_path = checkpoint_path(target);
        if cp_path.exists() {
            return Err(loket_db::DbError::TargetExists(cp_path).into());
        }
        self.db.backup_to(target, progress)?;
        let copy = Db::open_existing(target)?;
        let cp = checkpoint::of(&copy, now)?;
        std::fs::write(&cp_path, cp.to_text()).map_err(|e| {
            ApiError::bad_input(format!(
                "cadangan tersimpan di {}, tetapi titik periksanya tidak dapat ditulis ke {} ({e}); periksa izin folder lalu buat dengan `loket audit checkpoint`",
                target.display(),
                cp_path.display()
            ))
        })?;
        Ok(cp)
    }
}
