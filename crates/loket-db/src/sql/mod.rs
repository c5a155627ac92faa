//! One connection type over both backends: the embedded SQLite file of a single laptop and the
//! office's shared PostgreSQL server. Table modules write their statements once, with `?N`
//! placeholders and SQL both databases understand, and call [`Conn::execute`],
//! [`Conn::query_row`] or [`Conn::prepare`] as they would on rusqlite; the few places where
//! the dialects differ (full-text search, the schema) ask [`Conn::dialect`].

mod placeholders;
pub(crate) mod postgres;
mod sqlite;
mod value;

use std::cell::Cell;

pub(crate) use self::postgres::PgConn;
pub use value::{FromValue, OptionalExtension, Param, Row, RowIndex, Value};

use crate::DbError;

/// Which database a connection talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

pub(crate) enum Backend {
    Sqlite(rusqlite::Connection),
    Postgres(Box<PgConn>),
}

/// An open connection to either backend.
pub struct Conn {
    pub(crate) backend: Backend,
    in_tx: Cell<bool>,
}

impl Conn {
    pub(crate) fn sqlite(conn: rusqlite::Connection) -> Conn {
        Conn {
            backend: Backend::Sqlite(conn),
            in_tx: Cell::new(false),
        }
    }

    pub(crate) fn postgres(conn: PgConn) -> Conn {
        Conn {
            backend: Backend::Postgres(Box::new(conn)),
            in_tx: Cell::new(false),
        }
    }

    /// The backend's dialect, for the few statements written twice.
    pub fn dialect(&self) -> Dialect {
        match self.backend {
            Backend::Sqlite(_) => Dialect::Sqlite,
            Backend::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Runs one statement; the number of rows it changed.
    pub fn execute(&self, sql: &str, params: &[&dyn Param]) -> Result<usize, DbError> {
        let values = values(params);
        match &self.backend {
            Backend::Sqlite(c) => sqlite::execute(c, sql, values),
            Backend::Postgres(c) => c.execute(sql, values, self.in_tx.get()),
        }
    }

    /// Runs a script of statements without parameters (schema, test seeds).
    pub fn execute_batch(&self, sql: &str) -> Result<(), DbError> {
        match &self.backend {
            Backend::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Backend::Postgres(c) => c.batch(sql, self.in_tx.get()),
        }
    }

    /// Every row of a query.
    pub fn query(&self, sql: &str, params: &[&dyn Param]) -> Result<Vec<Row>, DbError> {
        let values = values(params);
        match &self.backend {
            Backend::Sqlite(c) => sqlite::query(c, sql, values),
            Backend::Postgres(c) => c.query(sql, values, self.in_tx.get()),
        }
    }

    /// The first row of a query mapped by `f`; [`DbError::NoRows`] when there is none
    /// (`.optional()` turns that into `None`).
    pub fn query_row<T>(
        &self,
        sql: &str,
        params: &[&dyn Param],
        f: impl FnOnce(&Row) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        let rows = self.query(sql, params)?;
        rows.first().map_or(Err(DbError::NoRows), f)
    }

    /// A statement to run with [`Stmt::query_map`] (rusqlite's shape; the backend caches the
    /// prepared statement by its text).
    pub fn prepare<'c>(&'c self, sql: &str) -> Result<Stmt<'c>, DbError> {
        Ok(Stmt {
            conn: self,
            sql: sql.to_string(),
        })
    }

    pub(crate) fn start_tx(&self) -> Result<(), DbError> {
        if self.in_tx.get() {
            return Err(DbError::NestedTransaction);
        }
        match &self.backend {
            Backend::Sqlite(c) => c.execute_batch("BEGIN IMMEDIATE")?,
            Backend::Postgres(c) => c.begin()?,
        }
        self.in_tx.set(true);
        Ok(())
    }

    /// Starts a read-only transaction: every read until [`Conn::end_tx`] sees the database as
    /// it was at the first one, whatever other laptops write meanwhile (a copy or backup of a
    /// working office is then one consistent moment). Takes no write lock.
    pub(crate) fn start_read(&self) -> Result<(), DbError> {
        if self.in_tx.get() {
            return Err(DbError::NestedTransaction);
        }
        match &self.backend {
            Backend::Sqlite(c) => c.execute_batch("BEGIN DEFERRED")?,
            Backend::Postgres(c) => c.begin_read()?,
        }
        self.in_tx.set(true);
        Ok(())
    }

    pub(crate) fn end_tx(&self, commit: bool) -> Result<(), DbError> {
        if !self.in_tx.replace(false) {
            return Ok(());
        }
        match &self.backend {
            Backend::Sqlite(c) if commit => c.execute_batch("COMMIT").map_err(|e| {
                let _ = c.execute_batch("ROLLBACK");
                e.into()
            }),
            Backend::Sqlite(c) => Ok(c.execute_batch("ROLLBACK")?),
            Backend::Postgres(c) => c.finish(commit),
        }
    }
}

fn values(params: &[&dyn Param]) -> Vec<Value> {
    params.iter().map(|p| p.value()).collect()
}

/// A statement bound to its connection.
pub struct Stmt<'c> {
    conn: &'c Conn,
    sql: String,
}

impl Stmt<'_> {
    /// Every row mapped by `f`, as rusqlite's `query_map` (collect into `Result<Vec<_>, _>`).
    pub fn query_map<T>(
        &mut self,
        params: &[&dyn Param],
        mut f: impl FnMut(&Row) -> Result<T, DbError>,
    ) -> Result<std::vec::IntoIter<Result<T, DbError>>, DbError> {
        let rows = self.conn.query(&self.sql, params)?;
        Ok(rows.iter().map(&mut f).collect::<Vec<_>>().into_iter())
    }

    /// Every row.
    pub fn query(&mut self, params: &[&dyn Param]) -> Result<Vec<Row>, DbError> {
        self.conn.query(&self.sql, params)
    }

    /// The first row mapped by `f`.
    pub fn query_row<T>(
        &mut self,
        params: &[&dyn Param],
        f: impl FnOnce(&Row) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        self.conn.query_row(&self.sql, params, f)
    }

    /// Runs the statement; the number of rows it changed.
    pub fn execute(&mut self, params: &[&dyn Param]) -> Result<usize, DbError> {
        self.conn.execute(&self.sql, params)
    }
}
