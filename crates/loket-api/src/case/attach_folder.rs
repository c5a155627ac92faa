//! Attachments of a file database written by an older Loket, which kept their bytes in
//! `lampiran/` beside the database file (`lampiran/ab/abcdef…`, each file named by its
//! SHA-256). When such a database is opened, the bytes its attachment rows still lack are
//! moved into the database in one transaction, each file's SHA-256 verified first. A file that
//! is missing or altered is left out (opening never fails for it) and reported by
//! `loket check`; putting the original back into the folder and opening Loket again imports
//! it then. The folder itself is left as it was.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::attach::sha256_hex;
use crate::{ApiError, Loket};

/// The folder an older Loket kept attachments in: `lampiran/` beside a database file; `None`
/// for the office's server and an in-memory database, which never had one.
pub(crate) fn folder(db_path: &Path) -> Option<PathBuf> {
    if loket_db::is_server_location(db_path) || db_path == Path::new(":memory:") {
        return None;
    }
    Some(db_path.with_file_name("lampiran"))
}

/// Where the older Loket kept the bytes with hash `sha256` in `folder`; `None` for a recorded
/// hash that is not 64 hexadecimal digits (it names no file, and never a path outside).
pub(crate) fn old_file(folder: &Path, sha256: &str) -> Option<PathBuf> {
    let is_hash = sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_hexdigit());
    is_hash.then(|| folder.join(&sha256[..2]).join(sha256))
}

/// The file's bytes when they hash to `sha256`; `None` when missing, unreadable or altered.
fn verified(path: &Path, sha256: &str) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| {
            f.take(loket_domain::attachment::MAX_BYTES + 1)
                .read_to_end(&mut bytes)
        })
        .ok()?;
    (sha256_hex(&bytes) == sha256).then_some(bytes)
}

/// What moving the folder's files into the database did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FolderImport {
    /// Files moved into the database.
    pub imported: usize,
    /// Hashes whose file is missing or altered; `loket check` names their cases and files.
    pub left: Vec<String>,
}

impl Loket {
    /// Moves the bytes of attachments recorded by an older Loket from `lampiran/` beside the
    /// database file into the database, in one transaction. Does nothing (one look at the
    /// disk) when there is no such folder.
    ///
    /// Errors: only the database's own (a missing or altered file is left out, not an error).
    pub(crate) fn import_attachment_folder(&mut self) -> Result<FolderImport, ApiError> {
        let Some(dir) = folder(self.db.path()).filter(|d| d.is_dir()) else {
            return Ok(FolderImport::default());
        };
        let mut wanted: Vec<String> = self
            .db
            .attachments_without_file()?
            .into_iter()
            .map(|a| a.sha256)
            .collect();
        wanted.sort();
        wanted.dedup();
        if wanted.is_empty() {
            return Ok(FolderImport::default());
        }
        let mut report = FolderImport::default();
        let tx = self.db.begin()?;
        for sha in wanted {
            let bytes = old_file(&dir, &sha).and_then(|path| verified(&path, &sha));
            match bytes {
                Some(bytes) => {
                    tx.put_attachment_file(&sha, &bytes)?;
                    report.imported += 1;
                }
                None => report.left.push(sha),
            }
        }
        tx.commit()?;
        Ok(report)
    }
}
