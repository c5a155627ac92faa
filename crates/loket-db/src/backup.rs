//! Backup into an SQLite file: with SQLite's online backup API from a file (consistent while the
//! app keeps working), or as a full copy from the office's server (`loket db copy` into a new
//! file, in one transaction). Either file opens with Loket as it is, and goes back onto a
//! server with `loket db copy --from <file> --to postgres://…`.

use std::path::Path;

use rusqlite::backup::Backup;
use rusqlite::Connection;

use crate::sql::Backend;
use crate::{Db, DbError};

impl Db {
    /// Copies the live database to `target`, which must not exist yet. The copy is written to a
    /// temporary file beside the target and renamed into place, so a crash never leaves a
    /// half-written backup under the target's name. `progress(done, total)` is called per step.
    pub fn backup_to(
        &self,
        target: &Path,
        mut progress: impl FnMut(i32, i32),
    ) -> Result<(), DbError> {
        if target.exists() {
            return Err(DbError::TargetExists(target.to_path_buf()));
        }
        let io = |source| DbError::Io {
            path: target.to_path_buf(),
            source,
        };
        let dir = target
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(io)?;
        let partial = dir.join(format!(
            ".{}.partial",
            target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "loket-backup".into())
        ));
        let _ = std::fs::remove_file(&partial);
        if self.is_server() {
            let mut dst = Db::open(&partial)?;
            let total = crate::copy::TABLES.len() as i32;
            let mut done = 0;
            self.copy_into(&mut dst, |_, _| {
                done += 1;
                progress(done, total);
            })?;
            if let Backend::Sqlite(c) = &dst.conn.backend {
                c.pragma_update(None, "journal_mode", "DELETE")?;
            }
            drop(dst);
            std::fs::rename(&partial, target).map_err(io)?;
            return Ok(());
        }
        let Backend::Sqlite(conn) = &self.conn.backend else {
            return Ok(());
        };
        {
            let mut dst = Connection::open(&partial)?;
            {
                let backup = Backup::new(conn, &mut dst)?;
                loop {
                    let step = backup.step(256)?;
                    let p = backup.progress();
                    progress(p.pagecount - p.remaining, p.pagecount);
                    match step {
                        rusqlite::backup::StepResult::Done => break,
                        _ => std::thread::sleep(std::time::Duration::from_millis(1)),
                    }
                }
            }
            dst.pragma_update(None, "journal_mode", "DELETE")?;
        }
        std::fs::rename(&partial, target).map_err(io)?;
        Ok(())
    }
}
