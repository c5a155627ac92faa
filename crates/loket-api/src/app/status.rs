//! `app.status`: which database the app uses and whether its office is set up.

use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use super::Session;
use crate::{ApiError, ErrorCode};

pub const ID: &str = "app.status";

/// What the desktop app needs to decide between the first-run screen and the main window.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct AppStatus {
    /// Loket's version ("0.1.0").
    pub version: String,
    /// The file, or the server's address without its password.
    pub db_path: String,
    /// The header's name for it: "Basis data lokal: loket.db" or
    /// "Server kantor: server-kantor/loket".
    pub db_label: String,
    /// True when the window works on the office's shared server.
    pub db_server: bool,
    /// True once an office profile has been imported into the database.
    pub initialised: bool,
    pub office_id: Option<String>,
    /// "Dinas Komunikasi dan Informatika Kabupaten Demak".
    pub office_name: Option<String>,
    pub office_short_name: Option<String>,
    /// Minutes east of UTC of the office's time zone (420 for WIB): the window reads
    /// "today" on the office's clock, not the computer's.
    pub utc_offset_minutes: Option<i32>,
    /// Who is using this computer (the operating-system account).
    pub operator: String,
    /// True once the first administrator exists (otherwise the window asks to create one).
    pub has_accounts: bool,
    /// The person signed in to this window.
    pub user: Option<super::UserView>,
}

impl Session {
    /// Looks at the database without creating it: a missing file means "not set up yet".
    ///
    /// Errors: `NewerSchema`, `Corrupt` or `BadInput` (not a database) for a file Loket
    /// cannot use; nothing is changed in that case.
    pub fn status(&self) -> Result<AppStatus, ApiError> {
        let mut guard = self.lock()?;
        let mut has_accounts = false;
        let mut user = None;
        let office = match self.open_existing(&mut guard)? {
            None => None,
            Some(loket) => match loket.db.office() {
                Ok(row) => {
                    has_accounts = !loket.db.accounts()?.is_empty();
                    user = self.user_view(loket)?;
                    Some(row.office)
                }
                Err(e) => {
                    let e = ApiError::from(e);
                    if e.code == ErrorCode::NotInitialised {
                        None
                    } else {
                        return Err(e);
                    }
                }
            },
        };
        Ok(AppStatus {
            version: env!("CARGO_PKG_VERSION").to_string(),
            db_path: loket_db::display_location(&self.db_path()),
            db_label: self.location_label(),
            db_server: self.is_server(),
            initialised: office.is_some(),
            office_id: office.as_ref().map(|o| o.id.clone()),
            office_name: office.as_ref().map(|o| o.name.clone()),
            office_short_name: office.as_ref().map(|o| o.short_name.clone()),
            utc_offset_minutes: office.as_ref().map(|o| o.time_zone.utc_offset_hours() * 60),
            operator: std::env::var("USER")
                .or_else(|_| std::env::var("USERNAME"))
                .unwrap_or_default(),
            has_accounts,
            user,
        })
    }
}
