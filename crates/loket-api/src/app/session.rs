//! One database path and, once the office is set up, the open [`Loket`] behind a lock.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use crate::{ApiError, ErrorCode, Loket};

/// What a long-running front door (the desktop shell) holds: the database path and the
/// handle, opened only when the file exists so that looking never creates a database.
pub struct Session {
    path: PathBuf,
    pub(super) loket: Mutex<Option<Loket>>,
    /// Who is signed in to this window.
    pub(super) actor: Mutex<Option<crate::account::Actor>>,
}

impl Session {
    /// A session on the database at `path`; nothing is opened or created yet.
    pub fn new(path: impl Into<PathBuf>) -> Session {
        Session {
            path: path.into(),
            loket: Mutex::new(None),
            actor: Mutex::new(None),
        }
    }

    /// The database file this session uses.
    pub fn db_path(&self) -> &Path {
        &self.path
    }

    pub(super) fn lock(&self) -> Result<MutexGuard<'_, Option<Loket>>, ApiError> {
        self.loket.lock().map_err(|_| {
            ApiError::new(
                ErrorCode::Internal,
                "sesi basis data terganggu oleh galat sebelumnya; tutup dan buka kembali Loket",
            )
        })
    }

    /// Opens the database when its file exists and is not open yet.
    pub(super) fn open_existing<'a>(
        &self,
        guard: &'a mut MutexGuard<'_, Option<Loket>>,
    ) -> Result<Option<&'a mut Loket>, ApiError> {
        if guard.is_none() && self.path.exists() {
            **guard = Some(Loket::open(&self.path)?);
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
