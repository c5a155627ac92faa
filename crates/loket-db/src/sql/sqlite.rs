//! Statements on the embedded SQLite file (rusqlite, statements cached by their text).

use rusqlite::types::{Value as SqliteValue, ValueRef};
use rusqlite::Connection;

use super::{Row, Value};
use crate::DbError;

fn bind(values: Vec<Value>) -> Vec<SqliteValue> {
    values
        .into_iter()
        .map(|v| match v {
            Value::Null => SqliteValue::Null,
            Value::Int(i) => SqliteValue::Integer(i),
            Value::Real(r) => SqliteValue::Real(r),
            Value::Text(s) => SqliteValue::Text(s),
            Value::Blob(b) => SqliteValue::Blob(b),
        })
        .collect()
}

fn read(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Int(i),
        ValueRef::Real(r) => Value::Real(r),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

pub(super) fn execute(c: &Connection, sql: &str, values: Vec<Value>) -> Result<usize, DbError> {
    let mut stmt = c.prepare_cached(sql)?;
    Ok(stmt.execute(rusqlite::params_from_iter(bind(values)))?)
}

pub(super) fn query(c: &Connection, sql: &str, values: Vec<Value>) -> Result<Vec<Row>, DbError> {
    let mut stmt = c.prepare_cached(sql)?;
    let width = stmt.column_count();
    let mut rows = stmt.query(rusqlite::params_from_iter(bind(values)))?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let mut values = Vec::with_capacity(width);
        for i in 0..width {
            values.push(read(r.get_ref(i)?));
        }
        out.push(Row { values });
    }
    Ok(out)
}
