//! `notify.list` and `notify.read`: the notification centre of the signed-in person. It lists
//! exactly what the watcher stored (office-wide notifications and those addressed to the
//! person's account or posts), newest first, each read or unread for this person.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::account::Actor;
use crate::{ApiError, Loket};

#[cfg(feature = "ts")]
use ts_rs::TS;

pub const LIST: &str = "notify.list";
pub const READ: &str = "notify.read";

/// The centre lists at most this many notifications.
pub const CENTRE_LIMIT: usize = 100;

/// One notification in the centre.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct NotificationView {
    pub id: i64,
    /// RFC 3339, office time.
    pub at: String,
    /// "Senin, 5 Januari 2026 09.00".
    pub at_words: String,
    pub title: String,
    pub body: String,
    pub grouped: bool,
    pub read: bool,
    /// Where a click leads: "permohonan" (case page), "jadwal" (booking page, or the schedule
    /// for a group of booking reminders) or "tenggat" (another grouped notification).
    pub section: String,
    /// The case or booking id for "permohonan" and "jadwal".
    pub target_id: Option<i64>,
}

/// The signed-in person's notification centre.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct NotificationCentre {
    pub unread: u32,
    pub events: Vec<NotificationView>,
}

fn at_words(at: &str) -> String {
    match DateTime::parse_from_rfc3339(at) {
        Ok(d) => format!(
            "{} {}",
            loket_domain::tanggal::tanggal(d.date_naive()),
            d.format("%H.%M")
        ),
        Err(_) => at.to_string(),
    }
}

impl Loket {
    /// Recipient keys of `actor` on the day of `now`: their account and every post they hold
    /// (acting posts included).
    pub(crate) fn recipient_keys(
        &self,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<String>, ApiError> {
        let mut keys = vec![format!("account:{}", actor.id())];
        keys.extend(
            self.posts_of(actor, now)?
                .into_iter()
                .map(|p| format!("position:{p}")),
        );
        Ok(keys)
    }

    /// Where a notification about `item` ("case:12", "disposition:40", "booking:3") leads.
    fn target(&self, items: &[String], grouped: bool) -> Result<(String, Option<i64>), ApiError> {
        let first = items.first().filter(|_| !grouped || items.len() == 1);
        let Some((kind, id)) = first.and_then(|i| i.split_once(':')) else {
            // A group of booking reminders leads to the schedule, of letters to Surat, any
            // other to Tenggat.
            let all = |p: &str| !items.is_empty() && items.iter().all(|i| i.starts_with(p));
            let section = if all("booking:") {
                "jadwal"
            } else if all("letter:") {
                "surat"
            } else {
                "tenggat"
            };
            return Ok((section.into(), None));
        };
        let id: Option<i64> = id.parse().ok();
        Ok(match (kind, id) {
            ("case", Some(id)) => ("permohonan".into(), Some(id)),
            ("booking", Some(id)) => ("jadwal".into(), Some(id)),
            ("letter", Some(id)) => ("surat".into(), Some(id)),
            ("disposition", Some(id)) => match self.db.disposition(id)? {
                Some(d) => ("permohonan".into(), Some(d.case_id)),
                None => ("tenggat".into(), None),
            },
            _ => ("tenggat".into(), None),
        })
    }

    /// The notification centre of `actor`: the newest notifications for them, newest first,
    /// and how many they have not read.
    pub fn notifications(
        &self,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<NotificationCentre, ApiError> {
        let keys = self.recipient_keys(actor, now)?;
        let rows = self
            .db
            .notification_events_for(actor.id(), &keys, CENTRE_LIMIT)?;
        let mut events = Vec::with_capacity(rows.len());
        for r in rows {
            let (section, target_id) = self.target(&r.event.items, r.event.grouped)?;
            events.push(NotificationView {
                id: r.event.id,
                at_words: at_words(&r.event.at),
                at: r.event.at,
                title: r.event.title,
                body: r.event.body,
                grouped: r.event.grouped,
                read: r.read_at.is_some(),
                section,
                target_id,
            });
        }
        Ok(NotificationCentre {
            unread: events.iter().filter(|e| !e.read).count() as u32,
            events,
        })
    }

    /// Marks notifications read for `actor`: `ids`, or with `None` every one in their centre.
    /// Returns the centre afterwards. The marking is audited with the ids it covered.
    pub fn notifications_mark_read(
        &mut self,
        actor: &Actor,
        ids: Option<&[i64]>,
        now: DateTime<FixedOffset>,
    ) -> Result<NotificationCentre, ApiError> {
        let me = self.current(actor)?;
        let actor = &me;
        let centre = self.notifications(actor, now)?;
        let mine: Vec<i64> = centre
            .events
            .iter()
            .filter(|e| !e.read && ids.is_none_or(|ids| ids.contains(&e.id)))
            .map(|e| e.id)
            .collect();
        if mine.is_empty() {
            return Ok(centre);
        }
        let tx = self.db.begin()?;
        tx.mark_notifications_read(&mine, actor.id(), &now.to_rfc3339())?;
        crate::audit::record(
            &tx,
            now,
            actor.id(),
            READ,
            &format!("account:{}", actor.id()),
            None::<&()>,
            Some(&serde_json::json!({ "read": mine })),
        )?;
        tx.commit()?;
        self.notifications(actor, now)
    }
}
