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

/// Who a notification is for, and who has read it. `recipients` holds keys "account:ID" and
/// "position:ID"; an empty list means everyone in the office.
pub(crate) const MIGRATION_2: &str = "
ALTER TABLE notification_events ADD COLUMN recipients TEXT NOT NULL DEFAULT '[]';
CREATE TABLE notification_reads (
    event_id    INTEGER NOT NULL REFERENCES notification_events (id),
    account_id  TEXT NOT NULL,
    read_at     TEXT NOT NULL,           -- RFC 3339, office time
    PRIMARY KEY (event_id, account_id)
) STRICT;
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
    /// "account:ID" / "position:ID" keys; empty for everyone.
    pub recipients: Vec<String>,
}

/// A stored notification as one person sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonalEvent {
    pub event: NotificationEventRow,
    /// When this person marked it read.
    pub read_at: Option<String>,
}

type RawEvent = (i64, String, String, String, String, i64, i64, String);

fn raw_event(r: &rusqlite::Row) -> rusqlite::Result<RawEvent> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
    ))
}

fn event_row(raw: RawEvent) -> Result<NotificationEventRow, DbError> {
    let (id, at, title, body, items, grouped, delivered, recipients) = raw;
    Ok(NotificationEventRow {
        id,
        at,
        title,
        body,
        items: serde_json::from_str(&items)?,
        grouped: grouped == 1,
        delivered: delivered == 1,
        recipients: serde_json::from_str(&recipients)?,
    })
}

/// Whether an event with `recipients` is for someone with these keys.
pub fn addressed_to(recipients: &[String], keys: &[String]) -> bool {
    recipients.is_empty() || recipients.iter().any(|r| keys.contains(r))
}

impl Db {
    /// The newest `limit` notifications, newest first.
    pub fn notification_events(&self, limit: u32) -> Result<Vec<NotificationEventRow>, DbError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, title, body, items, grouped, delivered, recipients
             FROM notification_events ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit], raw_event)?;
        rows.map(|row| event_row(row?)).collect()
    }

    /// The newest `limit` notifications for the person with `account` id and recipient `keys`
    /// ("account:ID", "position:ID"), newest first, with when they read each.
    pub fn notification_events_for(
        &self,
        account: &str,
        keys: &[String],
        limit: usize,
    ) -> Result<Vec<PersonalEvent>, DbError> {
        let mut stmt = self.conn.prepare(
            "SELECT e.id, e.at, e.title, e.body, e.items, e.grouped, e.delivered, e.recipients,
                    r.read_at
             FROM notification_events e
             LEFT JOIN notification_reads r ON r.event_id = e.id AND r.account_id = ?1
             ORDER BY e.id DESC",
        )?;
        let rows = stmt.query_map([account], |r| Ok((raw_event(r)?, r.get(8)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (raw, read_at) = row?;
            let event = event_row(raw)?;
            if addressed_to(&event.recipients, keys) {
                out.push(PersonalEvent { event, read_at });
                if out.len() == limit {
                    break;
                }
            }
        }
        Ok(out)
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
    /// Stores a notification for `recipients` (empty: everyone); returns its id.
    pub fn add_notification_event(
        &self,
        at: &str,
        title: &str,
        body: &str,
        items: &[String],
        grouped: bool,
        recipients: &[String],
    ) -> Result<i64, DbError> {
        self.tx.execute(
            "INSERT INTO notification_events (at, title, body, items, grouped, recipients)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                at,
                title,
                body,
                serde_json::to_string(items)?,
                i64::from(grouped),
                serde_json::to_string(recipients)?
            ],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Marks events `ids` read by `account` at `at`; ones already read keep their moment.
    /// Returns how many were newly marked.
    pub fn mark_notifications_read(
        &self,
        ids: &[i64],
        account: &str,
        at: &str,
    ) -> Result<usize, DbError> {
        let mut stmt = self.tx.prepare(
            "INSERT INTO notification_reads (event_id, account_id, read_at)
             SELECT id, ?2, ?3 FROM notification_events WHERE id = ?1
             ON CONFLICT DO NOTHING",
        )?;
        let mut n = 0;
        for id in ids {
            n += stmt.execute(params![id, account, at])?;
        }
        Ok(n)
    }
}
