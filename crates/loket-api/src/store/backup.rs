//! `store.backup`: an online copy of the database into a new SQLite file, with the audit
//! checkpoint of that copy written beside it. From a laptop's file it is SQLite's online
//! backup; from the office's server it is a copy of every table read as one moment (laptops
//! keep working meanwhile). Either file opens with Loket as it is and goes back onto a server
//! with `loket db copy --from <file> --to postgres://…`.

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
    /// Copies the database to the new file `target`, reporting progress (pages of a file,
    /// tables of a server), and writes the copy's audit checkpoint to [`checkpoint_path`]
    /// (kept with the backup, it lets a later `loket check --checkpoint` prove the trail was
    /// not rewritten since). Made with database access, not a signed-in account.
    ///
    /// Errors: `BadInput` when `target` or its checkpoint file exists already, or `target` is
    /// a server address (a server is filled with `loket db copy`); `Offline` when the server
    /// drops the connection (no file is left under `target`'s name).
    pub fn store_backup(
        &self,
        target: &Path,
        progress: impl FnMut(i32, i32),
        now: DateTime<FixedOffset>,
    ) -> Result<Checkpoint, ApiError> {
        if loket_db::is_server_location(target) {
            return Err(ApiError::bad_input(format!(
                "cadangan ditulis ke berkas, bukan ke server ({}); tulis nama berkas baru, atau salin ke server dengan `loket db copy --from <berkas> --to postgres://…`",
                loket_db::display_location(target)
            )));
        }
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
