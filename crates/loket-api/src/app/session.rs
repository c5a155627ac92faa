//! One database location (a file, or the office's server) and, once the office is set up,
//! the open [`Loket`] behind a lock.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use super::saved::ConnectionStore;
use crate::{ApiError, ErrorCode, Loket};

/// What a long-running front door (the desktop shell) holds: the database location and the
/// handle, opened only when the file exists (or the location is a server) so that looking
/// never creates a database.
pub struct Session {
    /// A file path, or a `postgres://` address with its password: never shown as it is
    /// (see [`loket_db::display_location`]).
    location: Mutex<PathBuf>,
    pub(super) loket: Mutex<Option<Loket>>,
    /// Who is signed in to this window.
    pub(super) actor: Mutex<Option<crate::account::Actor>>,
    /// Where a server chosen in the window is remembered (the desktop app only).
    pub(super) store: Option<ConnectionStore>,
}

impl Session {
    /// A session on the database at `path`; nothing is opened or created yet.
    pub fn new(path: impl Into<PathBuf>) -> Session {
        Session {
            location: Mutex::new(path.into()),
            loket: Mutex::new(None),
            actor: Mutex::new(None),
            store: None,
        }
    }

    /// A session that remembers a server chosen in the window in `store`.
    pub fn with_store(path: impl Into<PathBuf>, store: Option<ConnectionStore>) -> Session {
        Session {
            store,
            ..Session::new(path)
        }
    }

    /// The database this session uses: a file path or a `postgres://` address (with its
    /// password; show [`loket_db::display_location`] of it to people).
    pub fn db_path(&self) -> PathBuf {
        match self.location.lock() {
            Ok(p) => p.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// True when this session works on the office's server rather than a file here.
    pub fn is_server(&self) -> bool {
        loket_db::is_server_location(&self.db_path())
    }

    pub(super) fn set_location(&self, path: PathBuf) {
        match self.location.lock() {
            Ok(mut p) => *p = path,
            Err(poisoned) => *poisoned.into_inner() = path,
        }
    }

    pub(super) fn lock(&self) -> Result<MutexGuard<'_, Option<Loket>>, ApiError> {
        self.loket.lock().map_err(|_| {
            ApiError::new(
                ErrorCode::Internal,
                "sesi basis data terganggu oleh galat sebelumnya; tutup dan buka kembali Loket",
            )
        })
    }

    /// Opens the database when it is not open yet: a file only when it exists, a server
    /// always (connecting again after a failed attempt).
    pub(super) fn open_existing<'a>(
        &self,
        guard: &'a mut MutexGuard<'_, Option<Loket>>,
    ) -> Result<Option<&'a mut Loket>, ApiError> {
        if guard.is_none() {
            let path = self.db_path();
            if loket_db::is_server_location(&path) || path.exists() {
                **guard = Some(Loket::open(&path)?);
            }
        }
        Ok(guard.as_mut())
    }

    /// Runs a use case on the open database.
    ///
    /// Errors: `NotInitialised` before the office is set up (no database file yet), and
    /// whatever the use case returns.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Loket) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut guard = self.lock()?;
        match self.open_existing(&mut guard)? {
            Some(loket) => f(loket),
            None => Err(ApiError::new(
                ErrorCode::NotInitialised,
                "kantor belum diatur; pilih profil kantor pada layar Penyiapan Awal",
            )),
        }
    }
}
