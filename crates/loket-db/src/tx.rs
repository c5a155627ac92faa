//! A write transaction spanning tables. Use cases open one, call the table functions on it,
//! append their audit entry and commit: all or nothing.

use rusqlite::{Transaction, TransactionBehavior};

use crate::{Db, DbError};

/// An immediate (write-locked) transaction: concurrent writers wait for each other, so
/// sequences read inside it (agenda numbers, the audit chain) cannot be taken twice.
pub struct Tx<'a> {
    pub(crate) tx: Transaction<'a>,
}

impl Db {
    /// Starts a write transaction, waiting (up to the busy timeout) for other writers.
    pub fn begin(&mut self) -> Result<Tx<'_>, DbError> {
        Ok(Tx {
            tx: self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?,
        })
    }
}

impl Db {
    /// A write transaction through a shared handle, for the few writes a read-only caller
    /// must make (a failed sign-in is audited). Same immediate lock as [`Db::begin`]; the
    /// caller must not start a second transaction while it is open (SQLite refuses nesting).
    pub fn begin_shared(&self) -> Result<Tx<'_>, DbError> {
        Ok(Tx {
            tx: Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?,
        })
    }
}

impl Tx<'_> {
    /// Makes every change of this transaction durable. Dropping without commit undoes them.
    pub fn commit(self) -> Result<(), DbError> {
        Ok(self.tx.commit()?)
    }
}
