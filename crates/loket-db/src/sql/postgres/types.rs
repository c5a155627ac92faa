//! [`Value`] on the PostgreSQL wire: bound as whatever type the server inferred for the
//! placeholder, read from whatever type a column or expression has (`SUM` of a `BIGINT` is a
//! `NUMERIC`, a comparison is a `BOOLEAN`), so statements need no casts for the client's sake.

use std::error::Error;

use postgres::types::private::BytesMut;
use postgres::types::{to_sql_checked, FromSql, IsNull, ToSql, Type};

use crate::sql::{Row, Value};
use crate::DbError;

type BoxError = Box<dyn Error + Sync + Send>;

pub(super) fn refs(values: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    values.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

pub(super) fn row(r: &postgres::Row) -> Result<Row, DbError> {
    let mut values = Vec::with_capacity(r.len());
    for i in 0..r.len() {
        let v: Value = r.try_get(i).map_err(|e| DbError::Column {
            index: i,
            detail: e.to_string(),
        })?;
        values.push(v);
    }
    Ok(Row { values })
}

/// A server-side refusal (a trigger, a constraint, a permission) as a store error. The
/// message a trigger raises is kept as written (it is already Indonesian).
pub(super) fn server_error(e: &postgres::Error) -> DbError {
    match e.as_db_error() {
        Some(db) => DbError::Server(db.message().to_string()),
        None => DbError::Server(e.to_string()),
    }
}

fn text_type(ty: &Type) -> bool {
    matches!(
        *ty,
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN | Type::JSON
    )
}

impl ToSql for Value {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
        match (self, ty) {
            (Value::Null, _) => Ok(IsNull::Yes),
            (Value::Int(i), &Type::INT8) => i.to_sql(ty, out),
            (Value::Int(i), &Type::INT4) => i32::try_from(*i)?.to_sql(ty, out),
            (Value::Int(i), &Type::INT2) => i16::try_from(*i)?.to_sql(ty, out),
            (Value::Int(i), &Type::BOOL) => (*i != 0).to_sql(ty, out),
            (Value::Int(i), &Type::FLOAT8) => (*i as f64).to_sql(ty, out),
            (Value::Int(i), t) if text_type(t) => i.to_string().to_sql(&Type::TEXT, out),
            (Value::Real(r), &Type::FLOAT8) => r.to_sql(ty, out),
            (Value::Real(r), &Type::FLOAT4) => (*r as f32).to_sql(ty, out),
            (Value::Real(r), t) if text_type(t) => r.to_string().to_sql(&Type::TEXT, out),
            (Value::Text(s), &Type::JSONB) => {
                out.extend_from_slice(&[1]);
                out.extend_from_slice(s.as_bytes());
                Ok(IsNull::No)
            }
            (Value::Text(s), t) if text_type(t) => s.as_str().to_sql(&Type::TEXT, out),
            (Value::Blob(b), &Type::BYTEA) => b.as_slice().to_sql(ty, out),
            (v, t) => Err(format!("nilai {v:?} tidak dapat dikirim sebagai tipe {t}").into()),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

impl<'a> FromSql<'a> for Value {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, BoxError> {
        Ok(match *ty {
            Type::BOOL => Value::Int(i64::from(bool::from_sql(ty, raw)?)),
            Type::INT2 => Value::Int(i16::from_sql(ty, raw)?.into()),
            Type::INT4 => Value::Int(i32::from_sql(ty, raw)?.into()),
            Type::INT8 => Value::Int(i64::from_sql(ty, raw)?),
            Type::OID => Value::Int(u32::from_sql(ty, raw)?.into()),
            Type::FLOAT4 => Value::Real(f32::from_sql(ty, raw)?.into()),
            Type::FLOAT8 => Value::Real(f64::from_sql(ty, raw)?),
            Type::NUMERIC => numeric(raw)?,
            Type::BYTEA => Value::Blob(raw.to_vec()),
            Type::JSONB => Value::Text(String::from_utf8(raw.get(1..).unwrap_or(&[]).to_vec())?),
            _ => Value::Text(String::from_utf8(raw.to_vec())?),
        })
    }

    fn from_sql_null(_: &Type) -> Result<Self, BoxError> {
        Ok(Value::Null)
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

/// A `NUMERIC` in its binary form (base-10000 digits): an integer when it has no fraction
/// (`SUM` over `BIGINT` columns), otherwise a real (`AVG`).
fn numeric(raw: &[u8]) -> Result<Value, BoxError> {
    let word = |i: usize| -> Result<u16, BoxError> {
        let b = raw.get(i..i + 2).ok_or("NUMERIC terpotong")?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    };
    let ndigits = usize::from(word(0)?);
    let weight = i32::from(word(2)? as i16);
    let sign = word(4)?;
    let scale = word(6)?;
    if sign == 0xC000 {
        return Ok(Value::Real(f64::NAN));
    }
    let mut whole: i128 = 0;
    let mut real = 0f64;
    let mut exact = true;
    for k in 0..ndigits {
        let digit = i128::from(word(8 + 2 * k)?);
        let power = weight - k as i32;
        real += digit as f64 * 10000f64.powi(power);
        if power >= 0 {
            let place = 10000i128
                .checked_pow(power.unsigned_abs())
                .ok_or("NUMERIC terlalu besar")?;
            whole = whole
                .checked_add(digit * place)
                .ok_or("NUMERIC terlalu besar")?;
        } else if digit != 0 {
            exact = false;
        }
    }
    let negative = sign == 0x4000;
    if scale == 0 || exact {
        if let Ok(i) = i64::try_from(if negative { -whole } else { whole }) {
            if exact {
                return Ok(Value::Int(i));
            }
        }
    }
    Ok(Value::Real(if negative { -real } else { real }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(ndigits: u16, weight: i16, sign: u16, scale: u16, digits: &[u16]) -> Vec<u8> {
        let mut v = Vec::new();
        for w in [ndigits, weight as u16, sign, scale] {
            v.extend_from_slice(&w.to_be_bytes());
        }
        for d in digits {
            v.extend_from_slice(&d.to_be_bytes());
        }
        v
    }

    #[test]
    fn numeric_sums_read_as_integers_and_averages_as_reals() {
        assert_eq!(
            numeric(&encode(2, 1, 0, 0, &[12, 3456])).unwrap(),
            Value::Int(123_456),
            "SUM over BIGINT arrives as NUMERIC without a fraction: an integer"
        );
        assert_eq!(
            numeric(&encode(2, 0, 0x4000, 1, &[3, 5000])).unwrap(),
            Value::Real(-3.5),
            "AVG with a fraction arrives as a real, its sign kept"
        );
        assert_eq!(
            numeric(&encode(0, 0, 0, 0, &[])).unwrap(),
            Value::Int(0),
            "zero has no digits"
        );
    }
}
