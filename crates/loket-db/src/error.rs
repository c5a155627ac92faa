//! Store errors. Callers map them to user messages; none carries SQL text to the UI.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The file was written by a newer Loket whose migrations this binary does not know.
    #[error("basis data {path} memakai skema versi {found}, lebih baru daripada yang dikenal versi Loket ini (versi {known}); perbarui Loket sebelum membuka basis data ini")]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    /// SQLite's integrity check reported problems.
    #[error("basis data {path} rusak: {detail}; pulihkan dari cadangan (loket backup)")]
    Corrupt { path: PathBuf, detail: String },
    /// The file is not an SQLite database at all.
    #[error("berkas {path} bukan basis data Loket (SQLite): {detail}")]
    NotADatabase { path: PathBuf, detail: String },
    /// `--db` named a server URL (`postgres://…`) where this build opens only SQLite files.
    #[error("`{location}` adalah alamat server {scheme}, bukan berkas; Loket versi ini hanya membuka basis data SQLite berupa berkas di komputer ini. Tulis jalur berkas pada --db atau LOKET_DB (misalnya ~/loket/kantor.db)")]
    NotAFile { location: String, scheme: String },
    /// No office profile has been imported yet.
    #[error("basis data belum berisi profil kantor; jalankan `loket init --office <kantor>` terlebih dahulu")]
    NotInitialised,
    /// A different office's profile is being imported into this database.
    #[error("basis data ini milik kantor `{existing}`, bukan `{incoming}`; gunakan basis data lain (--db) untuk kantor lain")]
    OfficeMismatch { existing: String, incoming: String },
    /// The backup target already exists.
    #[error("berkas tujuan {0} sudah ada; pilih nama lain agar cadangan lama tidak tertimpa")]
    TargetExists(PathBuf),
    #[error("kesalahan basis data: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("migrasi basis data gagal: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("data tersimpan tidak dapat dibaca: {0}")]
    Json(#[from] serde_json::Error),
    #[error("berkas {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}
