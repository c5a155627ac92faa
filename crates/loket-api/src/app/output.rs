//! Files the window produces for the user (printed letters, exports, opened attachments):
//! written into `keluaran/` beside a database file, or into a folder of the person's own when
//! the database is the office's server, never overwriting an earlier file.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::Session;
use crate::paths::APP_IDENTIFIER;
use crate::{ApiError, ErrorCode};

/// Where printed letters and exports go for the database at `location`:
///
/// - a database file: `keluaran/` beside it, where its users know to look;
/// - the office's server, which has no folder on this computer: `<documents>/Loket/keluaran`
///   (the person's Documents folder), else `<data>/id.loket.desktop/keluaran` (the OS data
///   folder) when the system names no documents folder, else the temporary folder. Never a
///   path made from the server's address (which holds the password).
pub fn output_dir_for(
    location: &Path,
    documents: Option<PathBuf>,
    data: Option<PathBuf>,
) -> PathBuf {
    if !loket_db::is_server_location(location) {
        return location
            .parent()
            .unwrap_or_else(|| Path::new("."))
            .join("keluaran");
    }
    match (documents, data) {
        (Some(docs), _) => docs.join("Loket").join("keluaran"),
        (None, Some(data)) => data.join(APP_IDENTIFIER).join("keluaran"),
        (None, None) => std::env::temp_dir().join("loket-keluaran"),
    }
}

impl Session {
    /// The folder printed letters and exports go to: see [`output_dir_for`] (this computer's
    /// Documents and data folders for a server).
    pub fn output_dir(&self) -> PathBuf {
        output_dir_for(&self.db_path(), dirs::document_dir(), dirs::data_dir())
    }

    /// Writes `bytes` as `name` (e.g. "lembar-disposisi-2026-0012.pdf") in
    /// [`Session::output_dir`], or as "name (2).pdf" … when that file exists, and returns the
    /// full path. The file appears complete or not at all (temporary file, then rename).
    ///
    /// Errors: `BadInput` for a name with a folder in it; `Internal` when the folder cannot be
    /// written (the message names it).
    pub fn save_output(&self, name: &str, bytes: &[u8]) -> Result<String, ApiError> {
        if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
            return Err(ApiError::bad_input(format!(
                "nama berkas keluaran `{name}` tidak sah; pakai nama tanpa folder, mis. surat.pdf"
            )));
        }
        let dir = self.output_dir();
        let fail = |e: std::io::Error| {
            ApiError::new(
                ErrorCode::Internal,
                format!(
                    "berkas tidak dapat disimpan di {}: {e}; periksa ruang disk dan izin folder",
                    dir.display()
                ),
            )
        };
        std::fs::create_dir_all(&dir).map_err(fail)?;
        let target = free_name(&dir, name);
        let tmp = dir.join(format!(".{}.tmp", std::process::id()));
        let mut f = std::fs::File::create(&tmp).map_err(fail)?;
        f.write_all(bytes)
            .and_then(|_| f.sync_all())
            .map_err(fail)?;
        std::fs::rename(&tmp, &target).map_err(fail)?;
        Ok(target.display().to_string())
    }
}

/// `name`, or `stem (2).ext`, `stem (3).ext` … whichever does not exist yet.
fn free_name(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) => (s, format!(".{e}")),
        None => (name, String::new()),
    };
    (2..)
        .map(|n| dir.join(format!("{stem} ({n}){ext}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_never_overwrite_and_refuse_folders_in_names() {
        let dir = tempfile::tempdir().unwrap();
        let session = Session::new(dir.path().join("loket.db"));
        let a = session.save_output("agenda-2026.csv", b"satu").unwrap();
        let b = session.save_output("agenda-2026.csv", b"dua").unwrap();
        assert!(
            a.ends_with("keluaran/agenda-2026.csv"),
            "saved next to the database: {a}"
        );
        assert!(
            b.ends_with("agenda-2026 (2).csv"),
            "a second save gets a new name: {b}"
        );
        assert_eq!(
            std::fs::read(&a).unwrap(),
            b"satu",
            "the first file is untouched"
        );
        let err = session.save_output("../luar.pdf", b"x").unwrap_err();
        assert_eq!(
            err.code,
            ErrorCode::BadInput,
            "a path in the name is refused"
        );
    }

    const SERVER: &str = "postgres://loket_app:rahasia@server-kantor:5432/loket?sslmode=require";

    #[test]
    fn a_database_file_keeps_its_printouts_beside_it() {
        let docs = PathBuf::from("/home/sri/Dokumen");
        assert_eq!(
            output_dir_for(
                Path::new("/home/sri/.local/share/id.loket.desktop/loket.db"),
                Some(docs),
                None
            ),
            PathBuf::from("/home/sri/.local/share/id.loket.desktop/keluaran"),
            "users of a file find keluaran/ next to it, as before"
        );
        assert_eq!(
            output_dir_for(Path::new("loket.db"), None, None),
            PathBuf::from("keluaran"),
            "a file named without a folder keeps keluaran/ in the same folder"
        );
    }

    #[test]
    fn a_server_database_prints_into_the_persons_own_folder_never_one_named_after_the_url() {
        let docs = PathBuf::from("/home/sri/Dokumen");
        let data = PathBuf::from("/home/sri/.local/share");
        let server = Path::new(SERVER);
        assert_eq!(
            output_dir_for(server, Some(docs.clone()), Some(data.clone())),
            docs.join("Loket").join("keluaran"),
            "printouts from the office's server go to the person's Documents folder"
        );
        assert_eq!(
            output_dir_for(server, None, Some(data.clone())),
            data.join("id.loket.desktop").join("keluaran"),
            "without a Documents folder, to the app's data folder"
        );
        let last = output_dir_for(server, None, None);
        assert!(
            last.starts_with(std::env::temp_dir()),
            "with neither, to the temporary folder: {}",
            last.display()
        );
        let session = Session::new(SERVER);
        let dir = session.output_dir();
        assert_eq!(
            dir,
            output_dir_for(server, dirs::document_dir(), dirs::data_dir()),
            "the window uses this computer's own folders"
        );
        let text = dir.display().to_string();
        for word in ["postgres", "server-kantor", "rahasia", "sslmode"] {
            assert!(
                !text.contains(word),
                "the folder is never made from the server's address ({word}): {text}"
            );
        }
    }
}
