//! `store.copy`: a whole office from one database into another, empty one — a laptop's file
//! onto the office's server, the server into a file (an offline copy), a backup file back onto
//! a new server.
//!
//! Run by the office's IT staff with database credentials, not by a signed-in Loket account
//! (like `loket backup` and `loket check`): the target has no accounts yet, and nothing in the
//! office changes — every row, the audit trail with its hash chain included, arrives as it was.
//! The source is checked before anything is written, and the target after, against the
//! source's audit chain head.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use loket_db::{display_location, is_server_location, Db, DbError};
use serde::Serialize;

use super::address::with_password;
use super::check::check_file;
use super::checkpoint;
use crate::dto::CheckView;
use crate::{ApiError, ErrorCode};

pub const ID: &str = "store.copy";

/// Every table a copy goes through, in the order it copies them.
pub const TABLES: &[&str] = loket_db::copy::TABLES;

/// Rows of one table in the copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableRows {
    pub table: String,
    pub rows: i64,
}

/// What `loket db copy` copied and what the check of the target found.
#[derive(Debug, Clone, Serialize)]
pub struct CopyView {
    /// Source and target as shown to people (a server without its password).
    pub from: String,
    pub to: String,
    /// True when the target was a new file, created by this copy.
    pub created_file: bool,
    /// True when the target is the office's server (laptops can now use it).
    pub to_server: bool,
    /// Rows per table, in creation order; the target holds exactly these.
    pub tables: Vec<TableRows>,
    pub total: i64,
    /// The full check of the target, its audit trail held against the source's chain head.
    pub check: CheckView,
}

/// Every problem a check found, for one message.
fn problems(view: &CheckView) -> Vec<String> {
    let mut all = Vec::new();
    if view.schema_version != view.known_schema_version {
        all.push(format!(
            "skema versi {} (Loket ini: {})",
            view.schema_version, view.known_schema_version
        ));
    }
    all.extend(view.integrity.iter().cloned());
    all.extend(view.foreign_keys.iter().cloned());
    all.extend(view.audit.iter().cloned());
    all.extend(view.rows.iter().cloned());
    all.extend(view.attachments.iter().cloned());
    if all.is_empty() {
        all.push("rinciannya dicetak `loket check` pada basis data itu".to_string());
    }
    all
}

/// The temporary name a new target file is written under: `.kantor.db.partial` beside it.
fn partial_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "loket.db".into());
    target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join(format!(".{name}.partial"))
}

/// Removes an unfinished target file and SQLite's companions of it.
fn remove_file_db(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// Opens the source: a file must exist (a copy never creates its source) and hold an office.
fn open_source(from: &Path, shown: &str) -> Result<Db, ApiError> {
    if !is_server_location(from) && !from.is_file() {
        return Err(ApiError::bad_input(format!(
            "sumber {shown} tidak ada atau bukan berkas; tulis jalur berkas basis data Loket atau alamat postgres:// pada --from"
        )));
    }
    let src = Db::open(from)?;
    match src.office() {
        Ok(_) => Ok(src),
        Err(DbError::NotInitialised) => Err(ApiError::bad_input(format!(
            "sumber {shown} belum berisi kantor; tidak ada yang disalin. Periksa --from"
        ))),
        Err(e) => Err(e.into()),
    }
}

/// Copies the office at `from` into `to` (each a file path or a `postgres://` address; a
/// password missing from an address is taken from `server_password`, as `psql` takes
/// `PGPASSWORD`). A new target file is written under a temporary name and appears under its
/// own only once copied and checked; a server must have been prepared by `loket server init`.
/// `progress(table, rows)` is called after each table. `now` dates the source's audit
/// checkpoint the target is held against.
///
/// Errors (nothing is written unless said): `BadInput` for a missing or empty source, a target
/// holding data (`TargetNotEmpty`), a folder as target, an unreadable address or a refused
/// login; `Corrupt` when the source fails its check, or when the copied target does (a new file
/// is then removed; a server keeps the rows and the message says how to empty it); `NewerSchema`
/// when either side was written by a newer Loket or the server is not prepared; `Offline` when
/// a server cannot be reached.
pub fn copy(
    from: &Path,
    to: &Path,
    server_password: Option<&str>,
    now: DateTime<FixedOffset>,
    progress: impl FnMut(&str, i64),
) -> Result<CopyView, ApiError> {
    let from_shown = display_location(from);
    let to_shown = display_location(to);
    let from = with_password(from, server_password);
    let to = with_password(to, server_password);

    let src = open_source(&from, &from_shown)?;
    let source_check = check_file(&from, &[])?;
    if !source_check.ok {
        return Err(ApiError::new(
            ErrorCode::Corrupt,
            format!(
                "sumber {from_shown} tidak lolos pemeriksaan ({}); tidak ada yang disalin. Periksa dengan `loket --db {from_shown} check` dan pulihkan dari cadangan bila perlu",
                problems(&source_check).join("; ")
            ),
        ));
    }
    let head = checkpoint::of(&src, now)?;

    let to_server = is_server_location(&to);
    if !to_server && to.is_dir() {
        return Err(ApiError::bad_input(format!(
            "tujuan {to_shown} adalah folder; tulis nama berkas basis data baru di dalamnya, misalnya {}",
            to.join("loket.db").display()
        )));
    }
    let created_file = !to_server && !to.exists();
    let work = if created_file {
        let partial = partial_path(&to);
        remove_file_db(&partial);
        partial
    } else {
        to.clone()
    };

    let copied = copy_and_check(&src, &work, &head, progress);
    drop(src);
    let (report, check) = match copied {
        Ok(done) => done,
        Err(e) => {
            if created_file {
                remove_file_db(&work);
            }
            return Err(e);
        }
    };
    if !check.ok {
        if created_file {
            remove_file_db(&work);
        }
        let what_now = if to_server {
            format!(
                "baris sudah tertulis di server: jangan dipakai; kosongkan dengan dropdb lalu `loket server init`, kemudian ulangi dari {from_shown}"
            )
        } else {
            "berkas salinan tidak disimpan".to_string()
        };
        return Err(ApiError::new(
            ErrorCode::Corrupt,
            format!(
                "salinan di {to_shown} tidak lolos pemeriksaan ({}); {what_now}",
                problems(&check).join("; ")
            ),
        ));
    }
    if created_file {
        if to.exists() {
            remove_file_db(&work);
            return Err(DbError::TargetExists(to.clone()).into());
        }
        std::fs::rename(&work, &to).map_err(|e| {
            remove_file_db(&work);
            ApiError::new(
                ErrorCode::Internal,
                format!(
                    "salinan selesai tetapi tidak dapat diberi nama {to_shown} ({e}); periksa izin folder lalu ulangi"
                ),
            )
        })?;
    }
    let tables: Vec<TableRows> = report
        .tables
        .into_iter()
        .map(|(table, rows)| TableRows { table, rows })
        .collect();
    Ok(CopyView {
        from: from_shown,
        to: to_shown,
        created_file,
        to_server,
        total: tables.iter().map(|t| t.rows).sum(),
        tables,
        check,
    })
}

/// Copies `src` into the database at `work` (created and migrated when it is a new file) and
/// checks the result against the source's chain head.
fn copy_and_check(
    src: &Db,
    work: &Path,
    head: &checkpoint::Checkpoint,
    progress: impl FnMut(&str, i64),
) -> Result<(loket_db::copy::CopyReport, CheckView), ApiError> {
    let mut dst = Db::open(work)?;
    if !dst.may_receive_copy()? {
        return Err(ApiError::bad_input(format!(
            "{} masuk sebagai peran aplikasi laptop, yang tidak boleh mengisi basis data utuh; salin dengan alamat pemilik basis data (yang dipakai untuk `loket server init`). Tidak ada yang disalin",
            display_location(work)
        )));
    }
    let report = src.copy_into(&mut dst, progress)?;
    drop(dst);
    let check = check_file(work, std::slice::from_ref(head))?;
    Ok((report, check))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-03-02T09:00:00+07:00").unwrap()
    }

    #[test]
    fn a_missing_or_empty_source_is_refused_and_no_target_appears() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("salinan.db");
        let e = copy(
            &dir.path().join("tidak-ada.db"),
            &target,
            None,
            now(),
            |_, _| {},
        )
        .unwrap_err();
        assert!(
            e.code == ErrorCode::BadInput && e.message.contains("tidak-ada.db"),
            "a missing source is bad input naming it: {}",
            e.message
        );
        let empty = dir.path().join("kosong.db");
        drop(Db::open(&empty).unwrap());
        let e = copy(&empty, &target, None, now(), |_, _| {}).unwrap_err();
        assert!(
            e.code == ErrorCode::BadInput && e.message.contains("belum berisi kantor"),
            "a database without an office has nothing to copy: {}",
            e.message
        );
        assert!(
            !target.exists() && !partial_path(&target).exists(),
            "a refused copy leaves no target file behind"
        );
    }

    #[test]
    fn a_new_target_is_written_beside_under_a_hidden_name() {
        assert_eq!(
            partial_path(Path::new("/cadangan/kantor.db")),
            PathBuf::from("/cadangan/.kantor.db.partial"),
            "the unfinished copy never carries the target's name"
        );
        assert_eq!(
            partial_path(Path::new("kantor.db")),
            PathBuf::from("./.kantor.db.partial"),
            "a bare file name stays in the current folder"
        );
    }
}
