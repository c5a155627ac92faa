//! The office server's connection settings, kept per operating-system user in
//! `<config dir>/loket/` (`~/.config/loket/` on Linux) so that the next start reconnects by
//! itself: `sambungan.json` (server, port, database, user, TLS; no password) and
//! `sambungan.sandi` (the password alone). Both are written with mode 0600 (readable by
//! that user only) in a 0700 folder, each replaced whole (temporary file, then rename); a
//! password file that others can read is refused, as ssh refuses a private key.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::connection::{ServerSettings, ServerTls};
use crate::{ApiError, ErrorCode};

const SETTINGS_FILE: &str = "sambungan.json";
const PASSWORD_FILE: &str = "sambungan.sandi";

/// What `sambungan.json` holds: everything but the password.
#[derive(Debug, Serialize, Deserialize)]
struct SavedServer {
    host: String,
    port: String,
    database: String,
    user: String,
    tls: ServerTls,
    #[serde(default)]
    root_cert: String,
}

/// Where one person's connection settings live.
#[derive(Debug, Clone)]
pub struct ConnectionStore {
    dir: PathBuf,
}

fn io_error(what: &str, path: &Path, e: std::io::Error) -> ApiError {
    ApiError::new(
        ErrorCode::Internal,
        format!(
            "{what} {} gagal: {e}; periksa izin folder dan ruang disk",
            path.display()
        ),
    )
}

/// Writes `bytes` to `path` readable by this user only, replacing it whole.
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        std::process::id()
    ));
    let _ = std::fs::remove_file(&tmp);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let fail = |e| io_error("menyimpan pengaturan sambungan ke", path, e);
    let mut f = options.open(&tmp).map_err(fail)?;
    f.write_all(bytes)
        .and_then(|_| f.sync_all())
        .map_err(fail)?;
    std::fs::rename(&tmp, path).map_err(fail)
}

/// Refuses a password file that the group or others may read.
fn check_private(path: &Path) -> Result<(), ApiError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::metadata(path).map_err(|e| io_error("membaca kata sandi", path, e))?;
        if meta.permissions().mode() & 0o077 != 0 {
            return Err(ApiError::new(
                ErrorCode::Forbidden,
                format!(
                    "berkas kata sandi {} dapat dibaca pengguna lain, jadi tidak dipakai; jalankan `chmod 600 {}` atau sambungkan ulang dari layar Penyiapan Awal",
                    path.display(),
                    path.display()
                ),
            ));
        }
    }
    let _ = path;
    Ok(())
}

impl ConnectionStore {
    /// The settings of the person using this computer: `<config dir>/loket/`.
    /// `None` when the operating system names no configuration folder.
    pub fn for_user() -> Option<ConnectionStore> {
        crate::paths::config_dir().map(ConnectionStore::at)
    }

    /// Settings kept in `dir` (tests).
    pub fn at(dir: impl Into<PathBuf>) -> ConnectionStore {
        ConnectionStore { dir: dir.into() }
    }

    /// `sambungan.json`: the server without its password.
    pub fn settings_path(&self) -> PathBuf {
        self.dir.join(SETTINGS_FILE)
    }

    /// `sambungan.sandi`: the password alone.
    pub fn password_path(&self) -> PathBuf {
        self.dir.join(PASSWORD_FILE)
    }

    /// Keeps `settings` for the next start (the password in its own file).
    ///
    /// Errors: `Internal` when the folder or a file cannot be written (named in the message).
    pub fn save(&self, settings: &ServerSettings) -> Result<(), ApiError> {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder
            .create(&self.dir)
            .map_err(|e| io_error("membuat folder pengaturan", &self.dir, e))?;
        let saved = SavedServer {
            host: settings.host.trim().to_string(),
            port: settings.port.trim().to_string(),
            database: settings.database.trim().to_string(),
            user: settings.user.trim().to_string(),
            tls: settings.tls,
            root_cert: settings.root_cert.trim().to_string(),
        };
        let json = serde_json::to_vec_pretty(&saved)
            .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
        write_private(&self.password_path(), settings.password.as_bytes())?;
        write_private(&self.settings_path(), &json)
    }

    /// The saved server, with its password; `None` when this person never connected one.
    ///
    /// Errors: `BadInput` for a settings file that cannot be read as settings; `Forbidden`
    /// for a password file others can read; `Internal` for a file that cannot be read.
    pub fn load(&self) -> Result<Option<ServerSettings>, ApiError> {
        let path = self.settings_path();
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_error("membaca pengaturan sambungan", &path, e)),
        };
        let saved: SavedServer = serde_json::from_str(&text).map_err(|e| {
            ApiError::bad_input(format!(
                "pengaturan sambungan {} tidak terbaca ({e}); sambungkan ulang ke basis data kantor dari layar Penyiapan Awal",
                path.display()
            ))
        })?;
        let pw_path = self.password_path();
        let password = match std::fs::read_to_string(&pw_path) {
            Ok(p) => {
                check_private(&pw_path)?;
                p
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(io_error("membaca kata sandi", &pw_path, e)),
        };
        Ok(Some(ServerSettings {
            host: saved.host,
            port: saved.port,
            database: saved.database,
            user: saved.user,
            password,
            tls: saved.tls,
            root_cert: saved.root_cert,
        }))
    }

    /// Forgets the server: the next start opens the file on this computer again.
    pub fn forget(&self) -> Result<(), ApiError> {
        for path in [self.settings_path(), self.password_path()] {
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(io_error("menghapus pengaturan sambungan", &path, e)),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> ServerSettings {
        ServerSettings {
            host: "server-kantor".into(),
            password: "sandi-rahasia-kantor".into(),
            ..ServerSettings::blank()
        }
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn saved_settings_come_back_and_the_password_is_kept_apart() {
        let dir = tempfile::tempdir().unwrap();
        let store = ConnectionStore::at(dir.path().join("loket"));
        assert!(
            store.load().unwrap().is_none(),
            "nothing is saved before the first connection"
        );
        store.save(&settings()).unwrap();
        assert_eq!(
            store.load().unwrap(),
            Some(settings()),
            "the next start gets the same server and password"
        );
        let json = std::fs::read_to_string(store.settings_path()).unwrap();
        assert!(
            json.contains("server-kantor") && !json.contains("sandi-rahasia-kantor"),
            "the settings file names the server but never holds the password: {json}"
        );
        assert_eq!(
            std::fs::read_to_string(store.password_path()).unwrap(),
            "sandi-rahasia-kantor",
            "the password lives in its own file"
        );
        store.forget().unwrap();
        assert!(
            store.load().unwrap().is_none() && !store.password_path().exists(),
            "forgetting removes both files"
        );
        store.forget().unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn saved_files_are_readable_by_their_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let store = ConnectionStore::at(dir.path().join("loket"));
        store.save(&settings()).unwrap();
        assert_eq!(
            mode(&store.settings_path()),
            0o600,
            "the settings file is the user's alone"
        );
        assert_eq!(
            mode(&store.password_path()),
            0o600,
            "the password file is the user's alone"
        );
        assert_eq!(
            mode(&dir.path().join("loket")),
            0o700,
            "and so is the folder they are in"
        );
        std::fs::set_permissions(
            store.password_path(),
            std::fs::Permissions::from_mode(0o644),
        )
        .unwrap();
        let err = store.load().unwrap_err();
        assert_eq!(
            err.code,
            ErrorCode::Forbidden,
            "a password others can read is not used"
        );
        assert!(
            err.message.contains("chmod 600"),
            "and the message says how to fix it: {}",
            err.message
        );
        store.save(&settings()).unwrap();
        assert_eq!(
            mode(&store.password_path()),
            0o600,
            "saving again replaces a loosened file with a private one"
        );
    }

    #[test]
    fn a_damaged_settings_file_is_explained() {
        let dir = tempfile::tempdir().unwrap();
        let store = ConnectionStore::at(dir.path());
        std::fs::write(store.settings_path(), "{ bukan json").unwrap();
        let err = store.load().unwrap_err();
        assert_eq!(err.code, ErrorCode::BadInput, "a damaged file is bad input");
        assert!(
            err.message.contains("sambungan.json") && err.message.contains("sambungkan ulang"),
            "the message names the file and the way out: {}",
            err.message
        );
    }
}
