//! Where Loket keeps its data by default.

use std::path::PathBuf;

/// The application identifier; the desktop shell's app-data directory is named after it.
pub const APP_IDENTIFIER: &str = "id.loket.desktop";

/// The default database: `<OS data dir>/id.loket.desktop/loket.db`
/// (`~/.local/share/id.loket.desktop/loket.db` on Linux), the same file the desktop app opens.
pub fn default_db_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
        .join("loket.db")
}

/// Where one person's settings live: `<OS config dir>/loket` (`~/.config/loket` on Linux,
/// `$XDG_CONFIG_HOME/loket` when set); `None` when the system names no configuration folder.
pub fn config_dir() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("loket"))
}
