//! Tables `bookings`, `booking_resources`, `booking_operators` and `booking_handovers`.
//!
//! Times are Unix seconds (UTC), so range queries use plain integer indexes and bookings across
//! midnight or in another zone compare correctly. Conflict checks read and insert inside one
//! immediate transaction ([`Tx`]), so two processes can never both take the last unit.

use std::collections::HashMap;

use loket_domain::booking::{BookingStatus, Claim, Span};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::services::{enum_from, enum_text};
use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE bookings (
    id              INTEGER PRIMARY KEY NOT NULL,
    title           TEXT NOT NULL,
    case_id         INTEGER REFERENCES cases (id),
    location        TEXT NOT NULL,
    outside_office  INTEGER NOT NULL DEFAULT 0,   -- at the requester's place (survey first)
    outside_hours   INTEGER NOT NULL DEFAULT 0,   -- allowed outside office hours
    start_at        INTEGER NOT NULL,             -- Unix seconds
    end_at          INTEGER NOT NULL,
    status          TEXT NOT NULL,                -- diminta | disetujui | berjalan | selesai | dibatalkan
    series_id       INTEGER,                      -- bookings made by one recurring rule
    rundown         TEXT NOT NULL DEFAULT '',
    requested_by    TEXT NOT NULL DEFAULT '',
    approved_by     TEXT,
    approved_at     INTEGER,
    cancel_reason   TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    CHECK (start_at < end_at)
) STRICT;
CREATE INDEX bookings_by_start ON bookings (start_at);
CREATE INDEX bookings_by_length ON bookings ((end_at - start_at));
CREATE INDEX bookings_by_case ON bookings (case_id);
CREATE TABLE booking_resources (
    booking_id   INTEGER NOT NULL REFERENCES bookings (id),
    resource_id  TEXT NOT NULL REFERENCES resources (id),
    quantity     INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (booking_id, resource_id)
) STRICT;
CREATE INDEX booking_resources_by_resource ON booking_resources (resource_id);
CREATE TABLE booking_operators (
    booking_id  INTEGER NOT NULL REFERENCES bookings (id),
    person_id   TEXT NOT NULL,                -- people.id or accounts.id (checked by the API)
    PRIMARY KEY (booking_id, person_id)
) STRICT;
CREATE TABLE booking_handovers (
    id          INTEGER PRIMARY KEY NOT NULL,
    booking_id  INTEGER NOT NULL REFERENCES bookings (id),
    kind        TEXT NOT NULL,                    -- keluar (check-out) | kembali (check-in)
    at          INTEGER NOT NULL,
    by_person   TEXT NOT NULL,
    condition   TEXT NOT NULL
) STRICT;
";

const HOLDING: &str = "('diminta', 'disetujui', 'berjalan')";

/// A booking to insert.
#[derive(Debug, Clone, PartialEq)]
pub struct NewBooking {
    pub title: String,
    pub case_id: Option<i64>,
    pub location: String,
    pub outside_office: bool,
    pub outside_hours: bool,
    pub span: Span,
    pub status: BookingStatus,
    pub series_id: Option<i64>,
    pub rundown: String,
    pub requested_by: String,
    pub resources: Vec<(String, u32)>,
    pub operators: Vec<String>,
    pub now: i64,
}

/// A check-out or check-in of equipment with its condition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Handover {
    pub kind: String,
    pub at: i64,
    pub by_person: String,
    pub condition: String,
}

/// A stored booking with its resources, operators and handovers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookingRow {
    pub id: i64,
    pub title: String,
    pub case_id: Option<i64>,
    pub location: String,
    pub outside_office: bool,
    pub outside_hours: bool,
    pub span: Span,
    pub status: BookingStatus,
    pub series_id: Option<i64>,
    pub rundown: String,
    pub requested_by: String,
    pub approved_by: Option<String>,
    pub approved_at: Option<i64>,
    pub cancel_reason: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub resources: Vec<(String, u32)>,
    pub operators: Vec<String>,
    pub handovers: Vec<Handover>,
}

const BOOKING_COLUMNS: &str = "id, title, case_id, location, outside_office, outside_hours, start_at, end_at, status, series_id, rundown, requested_by, approved_by, approved_at, cancel_reason, created_at, updated_at";

fn booking_from_row(r: &rusqlite::Row) -> rusqlite::Result<(BookingRow, String)> {
    Ok((
        BookingRow {
            id: r.get(0)?,
            title: r.get(1)?,
            case_id: r.get(2)?,
            location: r.get(3)?,
            outside_office: r.get::<_, i64>(4)? == 1,
            outside_hours: r.get::<_, i64>(5)? == 1,
            span: Span {
                start: r.get(6)?,
                end: r.get(7)?,
            },
            status: BookingStatus::Diminta,
            series_id: r.get(9)?,
            rundown: r.get(10)?,
            requested_by: r.get(11)?,
            approved_by: r.get(12)?,
            approved_at: r.get(13)?,
            cancel_reason: r.get(14)?,
            created_at: r.get(15)?,
            updated_at: r.get(16)?,
            resources: Vec::new(),
            operators: Vec::new(),
            handovers: Vec::new(),
        },
        r.get::<_, String>(8)?,
    ))
}

/// Longest booking ever stored, so range queries can use the start index alone.
fn longest(conn: &rusqlite::Connection) -> Result<i64, DbError> {
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(end_at - start_at), 0) FROM bookings",
        [],
        |r| r.get(0),
    )?)
}

/// Ids of bookings overlapping `window`, optionally only those holding resources.
fn ids_in(
    conn: &rusqlite::Connection,
    window: Span,
    holding_only: bool,
) -> Result<Vec<i64>, DbError> {
    let filter = if holding_only {
        format!("AND status IN {HOLDING}")
    } else {
        String::new()
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id FROM bookings WHERE start_at >= ?1 AND start_at < ?2 AND end_at > ?3 {filter} ORDER BY start_at, id"
    ))?;
    let from = window.start - longest(conn)?;
    let rows = stmt.query_map(params![from, window.end, window.start], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn load(conn: &rusqlite::Connection, ids: &[i64]) -> Result<Vec<BookingRow>, DbError> {
    let mut out = Vec::with_capacity(ids.len());
    let mut one = conn.prepare_cached(&format!(
        "SELECT {BOOKING_COLUMNS} FROM bookings WHERE id = ?1"
    ))?;
    let mut res = conn.prepare_cached("SELECT resource_id, quantity FROM booking_resources WHERE booking_id = ?1 ORDER BY resource_id")?;
    let mut ops = conn.prepare_cached(
        "SELECT person_id FROM booking_operators WHERE booking_id = ?1 ORDER BY person_id",
    )?;
    let mut hand = conn.prepare_cached("SELECT kind, at, by_person, condition FROM booking_handovers WHERE booking_id = ?1 ORDER BY at, id")?;
    for id in ids {
        let Some((mut b, status)) = one.query_row([id], booking_from_row).optional()? else {
            continue;
        };
        b.status = enum_from(&status)?;
        b.resources = res
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        b.operators = ops
            .query_map([id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        b.handovers = hand
            .query_map([id], |r| {
                Ok(Handover {
                    kind: r.get(0)?,
                    at: r.get(1)?,
                    by_person: r.get(2)?,
                    condition: r.get(3)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        out.push(b);
    }
    Ok(out)
}

fn claims_in(conn: &rusqlite::Connection, window: Span) -> Result<Vec<Claim>, DbError> {
    let ids = ids_in(conn, window, true)?;
    let mut claims: HashMap<i64, Claim> = HashMap::new();
    let mut head =
        conn.prepare_cached("SELECT title, start_at, end_at FROM bookings WHERE id = ?1")?;
    let mut res = conn.prepare_cached(
        "SELECT resource_id, quantity FROM booking_resources WHERE booking_id = ?1",
    )?;
    let mut ops =
        conn.prepare_cached("SELECT person_id FROM booking_operators WHERE booking_id = ?1")?;
    for id in &ids {
        let (title, start, end): (String, i64, i64) =
            head.query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        claims.insert(
            *id,
            Claim {
                booking_id: *id,
                title,
                span: Span { start, end },
                resources: res
                    .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<Result<_, _>>()?,
                operators: ops
                    .query_map([id], |r| r.get(0))?
                    .collect::<Result<_, _>>()?,
            },
        );
    }
    Ok(ids.iter().filter_map(|id| claims.remove(id)).collect())
}

impl Tx<'_> {
    /// Claims of bookings that hold resources and overlap `window`.
    pub fn claims_in(&self, window: Span) -> Result<Vec<Claim>, DbError> {
        claims_in(&self.tx, window)
    }

    /// Inserts a booking with its resources and operators; returns its id.
    pub fn insert_booking(&self, b: &NewBooking) -> Result<i64, DbError> {
        self.tx.execute(
            "INSERT INTO bookings (title, case_id, location, outside_office, outside_hours, start_at, end_at, status, series_id, rundown, requested_by, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
            params![b.title, b.case_id, b.location, b.outside_office as i64, b.outside_hours as i64, b.span.start, b.span.end, enum_text(&b.status)?, b.series_id, b.rundown, b.requested_by, b.now],
        )?;
        let id = self.tx.last_insert_rowid();
        for (r, q) in &b.resources {
            self.tx.execute("INSERT INTO booking_resources (booking_id, resource_id, quantity) VALUES (?1, ?2, ?3)", params![id, r, q])?;
        }
        for p in &b.operators {
            self.tx.execute(
                "INSERT INTO booking_operators (booking_id, person_id) VALUES (?1, ?2)",
                params![id, p],
            )?;
        }
        Ok(id)
    }

    /// Next free series id for a recurring rule.
    pub fn next_series_id(&self) -> Result<i64, DbError> {
        Ok(self.tx.query_row(
            "SELECT COALESCE(MAX(series_id), 0) + 1 FROM bookings",
            [],
            |r| r.get(0),
        )?)
    }

    /// One booking, read inside the transaction.
    pub fn booking(&self, id: i64) -> Result<Option<BookingRow>, DbError> {
        Ok(load(&self.tx, &[id])?.pop())
    }

    /// Moves a booking to `status`; approval records who and when, cancellation the reason.
    pub fn set_booking_status(
        &self,
        id: i64,
        status: BookingStatus,
        by: &str,
        reason: Option<&str>,
        now: i64,
    ) -> Result<(), DbError> {
        self.tx.execute(
            "UPDATE bookings SET status = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, enum_text(&status)?, now],
        )?;
        match status {
            BookingStatus::Disetujui => {
                self.tx.execute(
                    "UPDATE bookings SET approved_by = ?2, approved_at = ?3 WHERE id = ?1",
                    params![id, by, now],
                )?;
            }
            BookingStatus::Dibatalkan => {
                self.tx.execute(
                    "UPDATE bookings SET cancel_reason = ?2 WHERE id = ?1",
                    params![id, reason.unwrap_or("")],
                )?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Records a check-out (`keluar`) or check-in (`kembali`) with the equipment's condition.
    pub fn add_handover(
        &self,
        id: i64,
        kind: &str,
        at: i64,
        by: &str,
        condition: &str,
    ) -> Result<(), DbError> {
        self.tx.execute("INSERT INTO booking_handovers (booking_id, kind, at, by_person, condition) VALUES (?1, ?2, ?3, ?4, ?5)", params![id, kind, at, by, condition])?;
        Ok(())
    }
}

impl Db {
    /// Claims of bookings that hold resources and overlap `window`.
    pub fn claims_in(&self, window: Span) -> Result<Vec<Claim>, DbError> {
        claims_in(&self.conn, window)
    }

    /// Bookings overlapping `window` (every status), in start order.
    pub fn bookings_in(&self, window: Span) -> Result<Vec<BookingRow>, DbError> {
        load(&self.conn, &ids_in(&self.conn, window, false)?)
    }

    /// One booking.
    pub fn booking(&self, id: i64) -> Result<Option<BookingRow>, DbError> {
        Ok(load(&self.conn, &[id])?.pop())
    }

    /// Every booking, by id.
    pub fn all_bookings(&self) -> Result<Vec<BookingRow>, DbError> {
        let mut stmt = self.conn.prepare("SELECT id FROM bookings ORDER BY id")?;
        let ids: Vec<i64> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        load(&self.conn, &ids)
    }

    /// Bookings made for a case.
    pub fn bookings_of_case(&self, case_id: i64) -> Result<Vec<BookingRow>, DbError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM bookings WHERE case_id = ?1 ORDER BY start_at")?;
        let ids: Vec<i64> = stmt
            .query_map([case_id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        load(&self.conn, &ids)
    }
}

impl Db {
    /// Whether a case (permohonan) with this id exists, for linking bookings to requests.
    pub fn case_exists(&self, case_id: i64) -> Result<bool, DbError> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM cases WHERE id = ?1)",
            [case_id],
            |r| r.get::<_, i64>(0),
        )? == 1)
    }
}

impl Tx<'_> {
    /// Replaces the operators assigned to a booking.
    pub fn set_booking_operators(
        &self,
        id: i64,
        operators: &[String],
        now: i64,
    ) -> Result<(), DbError> {
        self.tx
            .execute("DELETE FROM booking_operators WHERE booking_id = ?1", [id])?;
        for p in operators {
            self.tx.execute(
                "INSERT INTO booking_operators (booking_id, person_id) VALUES (?1, ?2)",
                params![id, p],
            )?;
        }
        self.tx.execute(
            "UPDATE bookings SET updated_at = ?2 WHERE id = ?1",
            params![id, now],
        )?;
        Ok(())
    }
}
