//! `inbox.kotak_masuk`: the landing page — the actor's open dispositions with their deadline
//! state and, for someone who registers letters, the new cases waiting for verification;
//! earliest deadline first, unread before read on the same deadline.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, FixedOffset};
use loket_db::deadline_items::OpenDisposition;
use loket_domain::roles::Role;
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use super::InboxItem;
use crate::account::Actor;
use crate::case::{AgendaLine, CaseFilter, DispositionView};
use crate::sla::DeadlineItem;
use crate::{ApiError, Loket};

pub const ID: &str = "inbox.kotak_masuk";

/// A disposition in Kotak Masuk with the deadline it runs against: its batas waktu, else the
/// case's service deadline.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct InboxLine {
    pub item: InboxItem,
    pub deadline: Option<DeadlineItem>,
}

/// A registered case waiting for verification of its requirements.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct VerifyLine {
    pub case: AgendaLine,
    pub deadline: Option<DeadlineItem>,
}

/// Everything Kotak Masuk shows.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct KotakMasuk {
    pub dispositions: Vec<InboxLine>,
    pub to_verify: Vec<VerifyLine>,
}

/// The deadline list's view of an open disposition shown in the inbox.
fn open_disposition(d: &DispositionView) -> OpenDisposition {
    OpenDisposition {
        id: d.id,
        case_id: d.case_id,
        to_position: d.to_position.clone(),
        sent_at: d.sent_at.clone(),
        batas_waktu: d.batas_waktu.clone(),
        sifat: d.sifat.clone(),
        read_at: d.read_at.clone(),
    }
}

fn due_of(d: &Option<DeadlineItem>) -> String {
    // RFC 3339 moments of one office sort as text; "~" puts no deadline last.
    d.as_ref()
        .and_then(|d| d.due.clone())
        .unwrap_or_else(|| "~".into())
}

impl Loket {
    /// Kotak Masuk of the actor at `now`.
    pub fn kotak_masuk(
        &mut self,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<KotakMasuk, ApiError> {
        let actor = self.current(actor)?;
        let items = self.disposition_inbox(&actor, now)?;
        let waiting = if actor.roles().contains(&Role::Register) {
            let filter = CaseFilter {
                status: "diterima".into(),
                ..CaseFilter::default()
            };
            self.case_list(&actor, &filter, now)?
        } else {
            Vec::new()
        };
        // Only what this page shows is evaluated: these dispositions and their cases (whose
        // deadline stands in for a disposition without a batas waktu), and the waiting cases.
        let case_ids: HashSet<i64> = items
            .iter()
            .map(|i| i.disposition.case_id)
            .chain(waiting.iter().map(|c| c.id))
            .collect();
        let open = items
            .iter()
            .map(|i| open_disposition(&i.disposition))
            .collect();
        let mut deadlines: HashMap<String, DeadlineItem> = self
            .deadlines_of(now, &case_ids, open)?
            .into_iter()
            .map(|d| (d.key.clone(), d))
            .collect();
        let mut dispositions: Vec<InboxLine> = items
            .into_iter()
            .map(|item| {
                let own = format!("disposition:{}", item.disposition.id);
                let case = format!("case:{}", item.disposition.case_id);
                let deadline = deadlines
                    .get(&own)
                    .or_else(|| deadlines.get(&case))
                    .cloned();
                InboxLine { item, deadline }
            })
            .collect();
        dispositions.sort_by(|a, b| {
            due_of(&a.deadline)
                .cmp(&due_of(&b.deadline))
                .then(b.item.unread.cmp(&a.item.unread))
                .then(a.item.disposition.id.cmp(&b.item.disposition.id))
        });
        let mut to_verify: Vec<VerifyLine> = waiting
            .into_iter()
            .map(|case| {
                let deadline = deadlines.remove(&format!("case:{}", case.id));
                VerifyLine { case, deadline }
            })
            .collect();
        to_verify.sort_by(|a, b| {
            due_of(&a.deadline)
                .cmp(&due_of(&b.deadline))
                .then(a.case.id.cmp(&b.case.id))
        });
        Ok(KotakMasuk {
            dispositions,
            to_verify,
        })
    }
}
