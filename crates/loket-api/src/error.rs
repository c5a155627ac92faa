//! The one error type every front door receives.

use loket_db::DbError;
use loket_domain::ProfileErrors;
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

/// What kind of failure: the UI maps each to its own presentation, the CLI to an exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The input (argument, file, form field) is wrong; the message says where and how to fix.
    BadInput,
    /// The thing asked for does not exist.
    NotFound,
    /// The database has no office yet.
    NotInitialised,
    /// The database was written by a newer Loket.
    NewerSchema,
    /// The database belongs to another office.
    OfficeMismatch,
    /// The database file is damaged.
    Corrupt,
    /// The booking collides with what is already booked; the message names the booking.
    ScheduleConflict,
    /// Wrong login name or password.
    Unauthorised,
    /// The signed-in account lacks the role (or the post) this needs.
    Forbidden,
    /// The record's state does not allow this now (an illegal status move, a taken name).
    Conflict,
    /// The office's database server cannot be reached or the connection dropped: nothing was
    /// saved; the window shows a banner and tries again by itself.
    Offline,
    /// Anything else (disk full, permission denied, ...).
    Internal,
}

impl ErrorCode {
    /// Exit code of the `loket` command: 2 for anything the user can fix by changing the input.
    pub fn exit_code(self) -> i32 {
        match self {
            ErrorCode::BadInput
            | ErrorCode::NotFound
            | ErrorCode::NotInitialised
            | ErrorCode::NewerSchema
            | ErrorCode::OfficeMismatch
            | ErrorCode::Unauthorised
            | ErrorCode::Forbidden
            | ErrorCode::Conflict => 2,
            ErrorCode::Corrupt | ErrorCode::Internal | ErrorCode::Offline => 1,
            ErrorCode::ScheduleConflict => 3,
        }
    }
}

/// `{code, message}`: what went wrong, in Bahasa Indonesia, with where and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[cfg_attr(feature = "ts", derive(TS))]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
        }
    }

    pub fn bad_input(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::BadInput, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::NotFound, message)
    }
}

impl From<DbError> for ApiError {
    fn from(e: DbError) -> Self {
        let code = match &e {
            DbError::NewerSchema { .. } => ErrorCode::NewerSchema,
            DbError::Corrupt { .. } => ErrorCode::Corrupt,
            DbError::OlderSchema { .. } | DbError::NotPrepared { .. } => ErrorCode::NewerSchema,
            DbError::NotADatabase { .. }
            | DbError::NotAFile { .. }
            | DbError::TargetExists(_)
            | DbError::TargetNotEmpty { .. }
            | DbError::BadAddress { .. }
            | DbError::Rejected { .. }
            | DbError::NoDatabase { .. }
            | DbError::TlsRefused { .. } => ErrorCode::BadInput,
            DbError::Unreachable { .. } | DbError::Disconnected { .. } => ErrorCode::Offline,
            DbError::NotInitialised => ErrorCode::NotInitialised,
            DbError::OfficeMismatch { .. } => ErrorCode::OfficeMismatch,
            DbError::NoRows => ErrorCode::NotFound,
            DbError::Sqlite(_)
            | DbError::Migration(_)
            | DbError::Json(_)
            | DbError::Io { .. }
            | DbError::Column { .. }
            | DbError::NestedTransaction
            | DbError::Server(_) => ErrorCode::Internal,
        };
        ApiError::new(code, e.to_string())
    }
}

impl From<ProfileErrors> for ApiError {
    fn from(e: ProfileErrors) -> Self {
        ApiError::bad_input(e.to_string())
    }
}
