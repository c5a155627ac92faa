//! Tables `accounts` and `acting`: people who sign in, the post they hold, their roles and
//! password hash (Argon2id PHC string, never the password), and acting appointments
//! (Plt./Plh.) that let an account act for another post within a date range.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE accounts (
    id             TEXT PRIMARY KEY NOT NULL,   -- login name
    name           TEXT NOT NULL,
    nip            TEXT NOT NULL DEFAULT '',
    position_id    TEXT REFERENCES positions (id),
    roles          TEXT NOT NULL,               -- comma-separated role codes
    password_hash  TEXT NOT NULL,
    active         INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL
) STRICT;
CREATE TABLE acting (
    id           INTEGER PRIMARY KEY NOT NULL,
    account_id   TEXT NOT NULL REFERENCES accounts (id),
    position_id  TEXT NOT NULL REFERENCES positions (id),
    kind         TEXT NOT NULL CHECK (kind IN ('plt', 'plh')),
    starts       TEXT NOT NULL,                 -- YYYY-MM-DD, inclusive
    ends         TEXT NOT NULL                  -- YYYY-MM-DD, inclusive
) STRICT;
CREATE INDEX acting_by_account ON acting (account_id);
";

/// An account as stored (the hash stays in the store unless asked for).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRow {
    pub id: String,
    pub name: String,
    pub nip: String,
    pub position_id: Option<String>,
    /// Comma-separated role codes, in `Role` order.
    pub roles: String,
    pub active: bool,
    pub created_at: String,
}

/// An acting appointment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActingRow {
    pub id: i64,
    pub account_id: String,
    pub position_id: String,
    /// "plt" or "plh".
    pub kind: String,
    pub starts: String,
    pub ends: String,
}

const COLUMNS: &str = "id, name, nip, position_id, roles, active, created_at";

fn account(r: &rusqlite::Row) -> rusqlite::Result<AccountRow> {
    Ok(AccountRow {
        id: r.get(0)?,
        name: r.get(1)?,
        nip: r.get(2)?,
        position_id: r.get(3)?,
        roles: r.get(4)?,
        active: r.get::<_, i64>(5)? == 1,
        created_at: r.get(6)?,
    })
}

fn acting(r: &rusqlite::Row) -> rusqlite::Result<ActingRow> {
    Ok(ActingRow {
        id: r.get(0)?,
        account_id: r.get(1)?,
        position_id: r.get(2)?,
        kind: r.get(3)?,
        starts: r.get(4)?,
        ends: r.get(5)?,
    })
}

impl Tx<'_> {
    /// Inserts a new account. The caller checked that the id is free.
    pub fn insert_account(&self, a: &AccountRow, password_hash: &str) -> Result<(), DbError> {
        self.tx.execute(
            "INSERT INTO accounts (id, name, nip, position_id, roles, password_hash, active, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![a.id, a.name, a.nip, a.position_id, a.roles, password_hash, a.active as i64, a.created_at],
        )?;
        Ok(())
    }

    /// Replaces the password hash of `id`.
    pub fn set_password_hash(&self, id: &str, password_hash: &str) -> Result<(), DbError> {
        self.tx.execute(
            "UPDATE accounts SET password_hash = ?2 WHERE id = ?1",
            params![id, password_hash],
        )?;
        Ok(())
    }

    /// Replaces the roles of `id`.
    pub fn set_roles(&self, id: &str, roles: &str) -> Result<(), DbError> {
        self.tx.execute(
            "UPDATE accounts SET roles = ?2 WHERE id = ?1",
            params![id, roles],
        )?;
        Ok(())
    }

    /// Activates or deactivates `id` (a deactivated account cannot sign in).
    pub fn set_active(&self, id: &str, active: bool) -> Result<(), DbError> {
        self.tx.execute(
            "UPDATE accounts SET active = ?2 WHERE id = ?1",
            params![id, active as i64],
        )?;
        Ok(())
    }

    /// Records an acting appointment; returns its id.
    pub fn insert_acting(&self, a: &ActingRow) -> Result<i64, DbError> {
        self.tx.execute(
            "INSERT INTO acting (account_id, position_id, kind, starts, ends) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![a.account_id, a.position_id, a.kind, a.starts, a.ends],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    /// The account `id` as seen inside this transaction.
    pub fn account(&self, id: &str) -> Result<Option<AccountRow>, DbError> {
        Ok(self
            .tx
            .query_row(
                &format!("SELECT {COLUMNS} FROM accounts WHERE id = ?1"),
                [id],
                account,
            )
            .optional()?)
    }

    /// How many accounts exist (the first one is created without signing in).
    pub fn account_count(&self) -> Result<i64, DbError> {
        Ok(self
            .tx
            .query_row("SELECT COUNT(*) FROM accounts", [], |r| r.get(0))?)
    }
}

impl Db {
    /// The account `id`, without its password hash.
    pub fn account(&self, id: &str) -> Result<Option<AccountRow>, DbError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM accounts WHERE id = ?1"),
                [id],
                account,
            )
            .optional()?)
    }

    /// The account `id` with its password hash, for signing in.
    pub fn account_with_hash(&self, id: &str) -> Result<Option<(AccountRow, String)>, DbError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS}, password_hash FROM accounts WHERE id = ?1"),
                [id],
                |r| Ok((account(r)?, r.get(7)?)),
            )
            .optional()?)
    }

    /// Every account, by id.
    pub fn accounts(&self) -> Result<Vec<AccountRow>, DbError> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM accounts ORDER BY id"))?;
        let rows = stmt.query_map([], account)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every acting appointment, newest start first.
    pub fn actings(&self) -> Result<Vec<ActingRow>, DbError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, account_id, position_id, kind, starts, ends FROM acting
             ORDER BY starts DESC, id DESC",
        )?;
        let rows = stmt.query_map([], acting)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Acting appointments of `account_id` covering `day` (YYYY-MM-DD).
    pub fn acting_on(&self, account_id: &str, day: &str) -> Result<Vec<ActingRow>, DbError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, account_id, position_id, kind, starts, ends FROM acting
             WHERE account_id = ?1 AND starts <= ?2 AND ends >= ?2 ORDER BY id",
        )?;
        let rows = stmt.query_map(params![account_id, day], acting)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Accounts that hold `position_id` on `day`, their own post first, then acting ones.
    pub fn holders_of(&self, position_id: &str, day: &str) -> Result<Vec<AccountRow>, DbError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM accounts WHERE active = 1 AND position_id = ?1
             UNION ALL
             SELECT a.id, a.name, a.nip, a.position_id, a.roles, a.active, a.created_at
               FROM acting t JOIN accounts a ON a.id = t.account_id
              WHERE a.active = 1 AND t.position_id = ?1 AND t.starts <= ?2 AND t.ends >= ?2"
        ))?;
        let rows = stmt.query_map(params![position_id, day], account)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
