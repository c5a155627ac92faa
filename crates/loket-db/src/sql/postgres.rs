//! Statements on the office's PostgreSQL server (the sync `postgres` client).
//!
//! Writes are serialised across every laptop by one transaction-scoped advisory lock taken
//! first in each write transaction: the same one-writer-at-a-time rule as SQLite's
//! `BEGIN IMMEDIATE`, so the counters, the audit chain and the booking conflict check read
//! and write under the same guarantee on both backends. Reads never wait for it.
//!
//! A lost connection is reported as [`DbError::Disconnected`]; the next statement outside a
//! transaction connects again by itself, so the window recovers without a restart.

mod connect;
mod types;

use std::cell::RefCell;
use std::collections::HashMap;

use postgres::{Client, Statement};

use super::{placeholders::numbered, Row, Value};
use crate::DbError;

pub(crate) use connect::{is_server_url, redact, ServerAddress};

/// The advisory lock every write transaction takes first ("LOKET" in ASCII).
const WRITE_LOCK: i64 = 0x004C_4F4B_4554;

pub(crate) struct PgConn {
    address: ServerAddress,
    client: RefCell<Option<Client>>,
    statements: RefCell<HashMap<String, Statement>>,
    /// A statement failed inside the open transaction: the server has rolled it back.
    aborted: RefCell<bool>,
}

impl PgConn {
    /// Connects now, so a wrong address or password is reported at once.
    pub(crate) fn connect(address: ServerAddress) -> Result<PgConn, DbError> {
        let client = address.connect()?;
        Ok(PgConn {
            address,
            client: RefCell::new(Some(client)),
            statements: RefCell::new(HashMap::new()),
            aborted: RefCell::new(false),
        })
    }

    /// Runs `f` on a live client. Outside a transaction a closed connection is opened again
    /// first; inside one it cannot be (the server has already rolled the transaction back).
    /// While the server stays out of reach every call is refused as [`DbError::Disconnected`],
    /// as the call that lost the connection was, so the person reads the same "not saved"
    /// message until Loket is connected again (a changed password or certificate is still
    /// reported as such).
    fn with_client<T>(
        &self,
        in_tx: bool,
        f: impl FnOnce(&mut Client, &mut HashMap<String, Statement>) -> Result<T, postgres::Error>,
    ) -> Result<T, DbError> {
        let mut slot = self.client.borrow_mut();
        let mut statements = self.statements.borrow_mut();
        if slot.as_ref().is_none_or(Client::is_closed) {
            *slot = None;
            statements.clear();
            if in_tx {
                return Err(self.address.disconnected());
            }
            *slot = Some(self.address.connect().map_err(|e| match e {
                DbError::Unreachable { .. } => self.address.disconnected(),
                other => other,
            })?);
        }
        let Some(client) = slot.as_mut() else {
            return Err(self.address.disconnected());
        };
        match f(client, &mut statements) {
            Ok(v) => Ok(v),
            Err(e) => {
                if in_tx {
                    *self.aborted.borrow_mut() = true;
                }
                // Checked before the server's own refusals: a session the server ended (a
                // restart, an administrator's pg_terminate_backend) arrives as a FATAL error
                // while the client does not know yet that the connection is gone.
                if e.is_closed() || client.is_closed() || is_io(&e) || is_session_end(&e) {
                    *slot = None;
                    statements.clear();
                    return Err(self.address.disconnected());
                }
                if e.as_db_error().is_some() {
                    return Err(types::server_error(&e));
                }
                Err(DbError::Server(e.to_string()))
            }
        }
    }

    fn statement(
        client: &mut Client,
        cache: &mut HashMap<String, Statement>,
        sql: &str,
    ) -> Result<Statement, postgres::Error> {
        if let Some(s) = cache.get(sql) {
            return Ok(s.clone());
        }
        let s = client.prepare(&numbered(sql))?;
        cache.insert(sql.to_string(), s.clone());
        Ok(s)
    }

    pub(crate) fn execute(
        &self,
        sql: &str,
        values: Vec<Value>,
        in_tx: bool,
    ) -> Result<usize, DbError> {
        let n = self.with_client(in_tx, |c, cache| {
            let stmt = Self::statement(c, cache, sql)?;
            c.execute(&stmt, &types::refs(&values))
        })?;
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    pub(crate) fn query(
        &self,
        sql: &str,
        values: Vec<Value>,
        in_tx: bool,
    ) -> Result<Vec<Row>, DbError> {
        let rows = self.with_client(in_tx, |c, cache| {
            let stmt = Self::statement(c, cache, sql)?;
            c.query(&stmt, &types::refs(&values))
        })?;
        rows.iter().map(types::row).collect()
    }

    pub(crate) fn batch(&self, sql: &str, in_tx: bool) -> Result<(), DbError> {
        self.with_client(in_tx, |c, _| c.batch_execute(sql))
    }

    pub(crate) fn begin(&self) -> Result<(), DbError> {
        *self.aborted.borrow_mut() = false;
        self.with_client(false, |c, _| {
            c.batch_execute(&format!(
                "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock({WRITE_LOCK})"
            ))
        })
    }

    /// A read-only snapshot (`REPEATABLE READ`): no lock, no waiting for writers. The idle
    /// limit is lifted for it, since a long copy reads a table, then writes it elsewhere.
    pub(crate) fn begin_read(&self) -> Result<(), DbError> {
        *self.aborted.borrow_mut() = false;
        self.with_client(false, |c, _| {
            c.batch_execute(
                "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
                 SET LOCAL idle_in_transaction_session_timeout = 0",
            )
        })
    }

    pub(crate) fn finish(&self, commit: bool) -> Result<(), DbError> {
        let aborted = std::mem::take(&mut *self.aborted.borrow_mut());
        if commit && aborted {
            let _ = self.with_client(true, |c, _| c.batch_execute("ROLLBACK"));
            return Err(DbError::Server(
                "transaksi dibatalkan server karena perintah sebelumnya gagal".into(),
            ));
        }
        let result = self.with_client(true, |c, _| {
            c.batch_execute(if commit { "COMMIT" } else { "ROLLBACK" })
        });
        if commit {
            result
        } else {
            Ok(())
        }
    }
}

/// The server ended this session: shut down, restarted after a crash, or an administrator
/// terminated it. Nothing of the statement was saved; the next one connects again.
fn is_session_end(e: &postgres::Error) -> bool {
    use postgres::error::SqlState;
    e.code().is_some_and(|c| {
        *c == SqlState::ADMIN_SHUTDOWN
            || *c == SqlState::CRASH_SHUTDOWN
            || *c == SqlState::CANNOT_CONNECT_NOW
    })
}

fn is_io(e: &postgres::Error) -> bool {
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        if s.is::<std::io::Error>() {
            return true;
        }
        source = s.source();
    }
    false
}
