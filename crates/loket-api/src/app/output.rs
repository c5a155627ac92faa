//! Files the window produces for the user (printed letters, exports): written next to the
//! database in `keluaran/`, never overwriting an earlier file.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::Session;
use crate::{ApiError, ErrorCode};

impl Session {
    /// The folder printed letters and exports go to: `<database folder>/keluaran`.
    pub fn output_dir(&self) -> PathBuf {
        self.db_path()
            .parent()
            .unwrap_or_else(|| Path::new("."))
            .join("keluaran")
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
}
