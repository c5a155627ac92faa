//! Table `notification_events`: every notification the watcher produced, for the
//! notification centre, whether or not the desktop showed it.

use rusqlite::params;

use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE notification_events (
    id         INTEGER PRIMARY KEY NOT NULL,
    at         TEXT NOT NULL,            -- RFC 3339, office time
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    items      TEXT NOT NULL,            -- JSON list of item keys ('case:12', ...)
    grouped    INTEGER NOT NULL,         -- 1 when it sums up several crossings (catch-up)
    delivered  INTEGER NOT NULL DEFAULT 0  -- 1 once the desktop accepted it
) STRICT;
CREATE INDEX notification_events_by_at ON notification_events (at);
";

/// A stored notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotificationEventRow {
    pub id: i64,
    pub at: String,
    pub title: String,
    pub body: String,
    pub items: Vec<String>,
    pub grouped: bool,
    pub delivered: bool,
}

impl Db {
    /// The newest `limit` notifications, newest first.
    pub fn notification_events(&self, limit: u32) -> Result<Vec<NotificationEventRow>, DbError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, title, body, items, grouped, delivered FROM notification_events
             ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, i64>(6)?,
            ))
        })?;
        rows.map(|row| {
            let (id, at, title, body, items, grouped, delivered) = row?;
            Ok(NotificationEventRow {
                id,
                at,
                title,
                body,
                items: serde_json::from_str(&items)?,
                grouped: grouped == 1,
                delivered: delivered == 1,
            })
        })
        .collect()
    }

    /// Marks notification `id` as shown by the desktop.
    pub fn mark_notification_delivered(&self, id: i64) -> Result<(), DbError> {
        self.conn.execute(
            "UPDATE notification_events SET delivered = 1 WHERE id = ?1",
            [id],
        )?;
        Ok(())
    }
}

impl Tx<'_> {
    /// Stores a notification; returns its id.
    pub fn add_notification_event(
        &self,
        at: &str,
        title: &str,
        body: &str,
        items: &[String],
        grouped: bool,
    ) -> Result<i64, DbError> {
        self.tx.execute(
            "INSERT INTO notification_events (at, title, body, items, grouped) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![at, title, body, serde_json::to_string(items)?, i64::from(grouped)],
        )?;
        Ok(self.tx.last_insert_rowid())
    }
}
