//! `case.show`: the case page — details, checklists, attachments and the disposition timeline.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use loket_db::cases::ChecklistRow;
use loket_db::dispositions::DispositionRow;
use loket_domain::case_status::CaseStatus;

use super::{
    agenda_label, not_found, AttachmentView, CaseView, ChecklistView, DispositionView, PauseView,
};
use crate::account::Actor;
use crate::{ApiError, Loket};

pub const ID: &str = "case.show";

/// Names for ids: posts and parties of the office, services by their newest version, accounts.
/// Read with four short statements (every list of cases and dispositions loads them), not with
/// the whole profile and catalog.
pub(crate) struct Names {
    /// Posts first, then parties: a post's title wins over a party of the same id.
    actors: Vec<(String, String)>,
    services: HashMap<String, String>,
    accounts: Vec<(String, String)>,
}

impl Names {
    pub(crate) fn load(loket: &Loket) -> Result<Names, ApiError> {
        let mut actors: Vec<(String, String)> = loket
            .db
            .positions()?
            .into_iter()
            .map(|p| (p.id, p.title))
            .collect();
        actors.extend(loket.db.parties()?.into_iter().map(|p| (p.id, p.name)));
        Ok(Names {
            actors,
            services: loket.db.service_names()?.into_iter().collect(),
            accounts: loket
                .db
                .accounts()?
                .into_iter()
                .map(|a| (a.id, a.name))
                .collect(),
        })
    }

    pub(crate) fn post(&self, id: &str) -> String {
        self.actors
            .iter()
            .find(|(a, _)| a == id)
            .map_or_else(|| id.to_string(), |(_, name)| name.clone())
    }

    pub(crate) fn account(&self, id: &str) -> String {
        self.accounts
            .iter()
            .find(|(a, _)| a == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| id.to_string())
    }

    pub(crate) fn service(&self, id: &str) -> String {
        self.services
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    pub(crate) fn disposition(&self, d: DispositionRow) -> DispositionView {
        let state = if d.withdrawn_at.is_some() {
            "ditarik"
        } else if d.completed_at.is_some() {
            "selesai"
        } else if d.reported_at.is_some() {
            "dilaporkan"
        } else if d.read_at.is_some() {
            "dibaca"
        } else {
            "belum dibaca"
        };
        DispositionView {
            from_title: d.from_position.as_deref().map(|p| self.post(p)),
            from_name: self.account(&d.from_account),
            to_title: self.post(&d.to_position),
            state: state.to_string(),
            id: d.id,
            case_id: d.case_id,
            batch: d.batch,
            parent_id: d.parent_id,
            kind: d.kind,
            from_position: d.from_position,
            from_account: d.from_account,
            to_position: d.to_position,
            instructions: d.instructions,
            note: d.note,
            batas_waktu: d.batas_waktu,
            sifat: d.sifat,
            sent_at: d.sent_at,
            read_at: d.read_at,
            read_by: d.read_by,
            report: d.report,
            reported_at: d.reported_at,
            completed_at: d.completed_at,
            completed_by: d.completed_by,
            withdrawn_at: d.withdrawn_at,
        }
    }

    fn checklist(&self, rows: Vec<ChecklistRow>) -> Vec<ChecklistView> {
        rows.into_iter()
            .map(|r| ChecklistView {
                actor_name: r.actor_id.as_deref().map(|a| self.post(a)),
                done: r.done_at.is_some(),
                number: r.number,
                text: r.text,
                actor_id: r.actor_id,
                done_at: r.done_at,
                done_by: r.done_by,
            })
            .collect()
    }
}

impl Loket {
    /// The case page. Any signed-in account may look (the agenda book is office-wide).
    ///
    /// Errors: `NotFound` for an unknown case.
    pub fn case_show(
        &self,
        actor: &Actor,
        id: i64,
        _now: DateTime<FixedOffset>,
    ) -> Result<CaseView, ApiError> {
        self.current(actor)?;
        let c = self.db.case(id)?.ok_or_else(|| not_found(id))?;
        let names = Names::load(self)?;
        let status = CaseStatus::parse(&c.status);
        Ok(CaseView {
            agenda_number: agenda_label(c.year, c.agenda_seq),
            service_name: names.service(&c.service_id),
            addressed_to_title: names.post(&c.addressed_to),
            status_label: status.map(|s| s.label().to_string()).unwrap_or_default(),
            requirements: names.checklist(self.db.requirements(id)?),
            steps: names.checklist(self.db.steps(id)?),
            attachments: self
                .db
                .attachments(id)?
                .into_iter()
                .map(|a| AttachmentView {
                    id: a.id,
                    name: a.name,
                    size: a.size,
                    media_type: a.media_type,
                    sha256: a.sha256,
                    added_at: a.added_at,
                })
                .collect(),
            dispositions: self
                .db
                .case_dispositions(id)?
                .into_iter()
                .map(|d| names.disposition(d))
                .collect(),
            pauses: self
                .db
                .pauses(id)?
                .into_iter()
                .map(|p| PauseView {
                    started_at: p.started_at,
                    ended_at: p.ended_at,
                    missing: p.missing,
                })
                .collect(),
            id: c.id,
            year: c.year,
            agenda_seq: c.agenda_seq,
            service_id: c.service_id,
            standard_id: c.standard_id,
            addressed_to: c.addressed_to,
            received_at: c.received_at,
            channel: c.channel,
            sifat: c.sifat,
            status: c.status,
            applicant_kind: c.applicant_kind,
            applicant_name: c.applicant_name,
            applicant_phone: c.applicant_phone,
            applicant_email: c.applicant_email,
            applicant_address: c.applicant_address,
            letter_number: c.letter_number,
            letter_date: c.letter_date,
            hal: c.hal,
            notes: c.notes,
            due_at: c.due_at,
            registered_by: c.registered_by,
            registered_at: c.registered_at,
        })
    }
}
