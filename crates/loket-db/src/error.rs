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
    /// `--db` named a server Loket cannot use (`mysql://…`): only SQLite files and PostgreSQL.
    #[error("`{location}` adalah alamat server {scheme}; Loket membuka berkas SQLite di komputer ini atau server PostgreSQL kantor (postgres://pengguna@server/loket). Tulis salah satunya pada --db atau LOKET_DB")]
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
    Sqlite(rusqlite::Error),
    /// A query expected a row and found none (`.optional()` turns this into `None`).
    #[error("data yang dicari tidak ada di basis data")]
    NoRows,
    /// A stored value is not of the type the code reads.
    #[error("kolom {index} tidak dapat dibaca: {detail}")]
    Column { index: usize, detail: String },
    /// A write transaction was started inside another one.
    #[error("transaksi basis data sudah terbuka; selesaikan dulu sebelum memulai yang lain")]
    NestedTransaction,
    /// The server refused a statement (a rule, a trigger, a permission).
    #[error("server basis data menolak perubahan: {0}")]
    Server(String),
    /// A `postgres://` address that cannot be read.
    #[error("alamat basis data kantor {location} tidak dapat dibaca: {detail}")]
    BadAddress { location: String, detail: String },
    /// The server is not reachable at all.
    #[error("server basis data kantor {location} tidak dapat dihubungi ({detail}); periksa jaringan dan alamat server, atau minta petugas TI memastikan server PostgreSQL menyala")]
    Unreachable { location: String, detail: String },
    /// Wrong user name or password.
    #[error("server {location} menolak masuk sebagai `{user}`: nama pengguna atau kata sandi salah; periksa kembali atau minta petugas TI")]
    Rejected { location: String, user: String },
    /// The server has no such database.
    #[error("basis data `{database}` tidak ada di server {location}; minta petugas TI menyiapkannya dengan `loket server init`")]
    NoDatabase { location: String, database: String },
    /// TLS could not be agreed or the certificate did not verify.
    #[error("sambungan terenkripsi (TLS) ke {location} gagal: {detail}; periksa sslmode dan sertifikat server, atau minta petugas TI menyalakan ssl di server")]
    TlsRefused { location: String, detail: String },
    /// The connection dropped during work; the change was not saved.
    #[error("Tidak tersambung ke basis data kantor {location} — perubahan belum tersimpan. Loket menyambung kembali sendiri saat server tersedia; coba lagi sebentar lagi")]
    Disconnected { location: String },
    /// The database exists but Loket's schema was never created in it.
    #[error("basis data {location} belum disiapkan untuk Loket; minta petugas TI menjalankan `loket server init` dengan alamat pemilik basis data (mis. postgres://pemilik@server/loket)")]
    NotPrepared { location: String },
    /// `loket db copy` into a database that already holds data.
    #[error("tujuan {location} sudah berisi data (tabel {table}); salin hanya ke basis data kosong agar tidak ada data yang tertimpa atau tercampur")]
    TargetNotEmpty { location: String, table: String },
    /// The server's schema is older than this Loket (the IT staff has not upgraded it yet).
    #[error("basis data kantor {location} masih memakai skema versi {found}, sedangkan Loket ini memerlukan versi {known}; minta petugas TI menjalankan `loket server init` versi ini dengan alamat pemilik basis data (mis. postgres://pemilik@server/loket) untuk memperbaruinya")]
    OlderSchema {
        location: String,
        found: i64,
        known: i64,
    },
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

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::QueryReturnedNoRows => DbError::NoRows,
            other => DbError::Sqlite(other),
        }
    }
}
