//! The values that cross the store's boundary, the same on both backends: an integer, a real, a
//! text, bytes or NULL. Every column of the schema holds one of these (SQLite `INTEGER` is
//! PostgreSQL `BIGINT`, `REAL` is `DOUBLE PRECISION`, `BLOB` is `BYTEA`), so a table module
//! reads and binds the same Rust types whichever database it talks to.

use crate::DbError;

/// One SQL value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl Value {
    fn kind(&self) -> &'static str {
        match self {
            Value::Null => "NULL",
            Value::Int(_) => "bilangan bulat",
            Value::Real(_) => "bilangan pecahan",
            Value::Text(_) => "teks",
            Value::Blob(_) => "data biner",
        }
    }
}

/// A Rust value bound to a statement's placeholder.
pub trait Param {
    fn value(&self) -> Value;
}

impl<T: Param + ?Sized> Param for &T {
    fn value(&self) -> Value {
        (**self).value()
    }
}

impl<T: Param> Param for Option<T> {
    fn value(&self) -> Value {
        self.as_ref().map_or(Value::Null, Param::value)
    }
}

macro_rules! int_param {
    ($($t:ty),*) => {$(
        impl Param for $t {
            fn value(&self) -> Value {
                Value::Int(*self as i64)
            }
        }
    )*};
}
int_param!(i64, i32, i16, i8, u32, u16, u8);

impl Param for usize {
    fn value(&self) -> Value {
        Value::Int(i64::try_from(*self).unwrap_or(i64::MAX))
    }
}

impl Param for u64 {
    fn value(&self) -> Value {
        Value::Int(i64::try_from(*self).unwrap_or(i64::MAX))
    }
}

impl Param for bool {
    fn value(&self) -> Value {
        Value::Int(i64::from(*self))
    }
}

impl Param for f64 {
    fn value(&self) -> Value {
        Value::Real(*self)
    }
}

impl Param for str {
    fn value(&self) -> Value {
        Value::Text(self.to_string())
    }
}

impl Param for String {
    fn value(&self) -> Value {
        Value::Text(self.clone())
    }
}

impl Param for [u8] {
    fn value(&self) -> Value {
        Value::Blob(self.to_vec())
    }
}

impl Param for Vec<u8> {
    fn value(&self) -> Value {
        Value::Blob(self.clone())
    }
}

impl Param for Value {
    fn value(&self) -> Value {
        self.clone()
    }
}

/// A Rust type read from a column.
pub trait FromValue: Sized {
    fn from_value(value: Value) -> Result<Self, String>;
}

fn mismatch<T>(want: &str, got: &Value) -> Result<T, String> {
    Err(format!("diharapkan {want}, tersimpan {}", got.kind()))
}

impl FromValue for Value {
    fn from_value(value: Value) -> Result<Self, String> {
        Ok(value)
    }
}

impl FromValue for i64 {
    fn from_value(value: Value) -> Result<Self, String> {
        match value {
            Value::Int(i) => Ok(i),
            other => mismatch("bilangan bulat", &other),
        }
    }
}

macro_rules! narrow_int {
    ($($t:ty),*) => {$(
        impl FromValue for $t {
            fn from_value(value: Value) -> Result<Self, String> {
                let wide = i64::from_value(value)?;
                <$t>::try_from(wide).map_err(|_| format!("nilai {wide} di luar jangkauan"))
            }
        }
    )*};
}
narrow_int!(i32, i16, u32, u16, u8, u64, usize);

impl FromValue for bool {
    fn from_value(value: Value) -> Result<Self, String> {
        Ok(i64::from_value(value)? != 0)
    }
}

impl FromValue for f64 {
    fn from_value(value: Value) -> Result<Self, String> {
        match value {
            Value::Real(r) => Ok(r),
            Value::Int(i) => Ok(i as f64),
            other => mismatch("bilangan", &other),
        }
    }
}

impl FromValue for String {
    fn from_value(value: Value) -> Result<Self, String> {
        match value {
            Value::Text(s) => Ok(s),
            other => mismatch("teks", &other),
        }
    }
}

impl FromValue for Vec<u8> {
    fn from_value(value: Value) -> Result<Self, String> {
        match value {
            Value::Blob(b) => Ok(b),
            other => mismatch("data biner", &other),
        }
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(value: Value) -> Result<Self, String> {
        match value {
            Value::Null => Ok(None),
            other => T::from_value(other).map(Some),
        }
    }
}

/// One result row, read in full from the backend.
#[derive(Debug, Clone)]
pub struct Row {
    pub(crate) values: Vec<Value>,
}

/// A column position (rusqlite-style `r.get::<_, T>(0)` keeps compiling).
pub trait RowIndex {
    fn index(&self) -> usize;
}

impl RowIndex for usize {
    fn index(&self) -> usize {
        *self
    }
}

impl Row {
    /// The value of column `idx` as `T`.
    pub fn get<I: RowIndex, T: FromValue>(&self, idx: I) -> Result<T, DbError> {
        let i = idx.index();
        let value = self.values.get(i).cloned().ok_or(DbError::Column {
            index: i,
            detail: "kolom tidak ada".into(),
        })?;
        T::from_value(value).map_err(|detail| DbError::Column { index: i, detail })
    }

    /// The value of column `idx` as `T`, moved out of the row (NULL is left in its place): for
    /// readers of long lists that read each column once, without copying every text.
    pub fn take<I: RowIndex, T: FromValue>(&mut self, idx: I) -> Result<T, DbError> {
        let i = idx.index();
        let value = self
            .values
            .get_mut(i)
            .map(|v| std::mem::replace(v, Value::Null))
            .ok_or(DbError::Column {
                index: i,
                detail: "kolom tidak ada".into(),
            })?;
        T::from_value(value).map_err(|detail| DbError::Column { index: i, detail })
    }

    /// Number of columns.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// True for a row without columns.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Every column, in order.
    pub fn values(&self) -> &[Value] {
        &self.values
    }
}

/// `query_row(..).optional()`: no row is `None` instead of an error.
pub trait OptionalExtension<T> {
    fn optional(self) -> Result<Option<T>, DbError>;
}

impl<T> OptionalExtension<T> for Result<T, DbError> {
    fn optional(self) -> Result<Option<T>, DbError> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(DbError::NoRows) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// Binds a list of values: `params![a, b, c]`, or `params![]` for none.
#[macro_export]
macro_rules! params {
    () => {
        &[] as &[&dyn $crate::sql::Param]
    };
    ($($p:expr),+ $(,)?) => {
        &[$(&$p as &dyn $crate::sql::Param),+] as &[&dyn $crate::sql::Param]
    };
}
