//! A write transaction spanning tables. Use cases open one, call the table functions on it,
//! append their audit entry and commit: all or nothing.

use crate::sql::Conn;
use crate::{Db, DbError};

/// A write-locked transaction: concurrent writers wait for each other (SQLite's
/// `BEGIN IMMEDIATE`; on PostgreSQL one advisory lock shared by every laptop), so sequences
/// read inside it (agenda numbers, the audit chain, a booking's conflicts) cannot be taken
/// twice. Dropping it without [`Tx::commit`] undoes every change.
pub struct Tx<'a> {
    pub(crate) tx: &'a Conn,
    done: bool,
}

impl Db {
    /// Starts a write transaction, waiting (up to the busy timeout) for other writers.
    pub fn begin(&mut self) -> Result<Tx<'_>, DbError> {
        self.begin_shared()
    }

    /// A write transaction through a shared handle, for the few writes a read-only caller
    /// must make (a failed sign-in is audited). Same lock as [`Db::begin`]; a second
    /// transaction while one is open is refused.
    pub fn begin_shared(&self) -> Result<Tx<'_>, DbError> {
        self.conn.start_tx()?;
        Ok(Tx {
            tx: &self.conn,
            done: false,
        })
    }
}

impl Tx<'_> {
    /// Makes every change of this transaction durable.
    pub fn commit(mut self) -> Result<(), DbError> {
        self.done = true;
        self.tx.end_tx(true)
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if !self.done {
            let _ = self.tx.end_tx(false);
        }
    }
}
