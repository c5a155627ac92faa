//! `disposition.inbox`: Kotak Masuk — open dispositions to the posts the actor holds today
//! (own and acting), by batas waktu, with the case they concern.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::account::Actor;
use crate::case::show::Names;
use crate::case::{agenda_label, DispositionView};
use crate::{ApiError, Loket};

pub const ID: &str = "disposition.inbox";

/// One line of the inbox.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct InboxItem {
    pub disposition: DispositionView,
    pub agenda_number: String,
    pub hal: String,
    pub applicant_name: String,
    pub service_name: String,
    pub case_status: String,
    pub unread: bool,
    /// The batas waktu is before today.
    pub overdue: bool,
}

impl Loket {
    /// Open dispositions to the actor's posts, earliest batas waktu first (none last).
    pub fn disposition_inbox(
        &self,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<InboxItem>, ApiError> {
        let actor = self.current(actor)?;
        let posts = self.posts_of(&actor, now)?;
        let names = Names::load(self)?;
        let today = now.date_naive().to_string();
        Ok(self
            .db
            .inbox(&posts)?
            .into_iter()
            .map(|(d, case)| InboxItem {
                agenda_number: agenda_label(case.year, case.agenda_seq),
                hal: case.hal,
                applicant_name: case.applicant_name,
                service_name: names.service(&case.service_id),
                case_status: case.status,
                unread: d.read_at.is_none(),
                overdue: d.batas_waktu.as_deref().is_some_and(|b| b < today.as_str()),
                disposition: names.disposition(d),
            })
            .collect())
    }
}
