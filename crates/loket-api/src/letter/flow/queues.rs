//! `letter.queues` (the Surat section's lists for the signed-in person) and `letter.show`
//! (one letter with its paraf chain, history and what the viewer may do).

use chrono::{DateTime, FixedOffset};
use loket_db::letter_drafts::{DraftEvent, DraftRow};
use loket_domain::roles::Role;
use loket_letters::spec;

use super::dto::{
    ChainStepView, DraftActions, DraftEventView, DraftSummary, DraftView, LetterQueues, RalatView,
};
use super::{chain_of, content_of, State};
use crate::account::Actor;
use crate::{ApiError, Loket};

pub const ID_QUEUES: &str = "letter.queues";
pub const ID_SHOW: &str = "letter.show";

fn kind_label(kind: &str) -> String {
    spec::kind_from_id(kind)
        .map(|k| k.label().to_string())
        .unwrap_or_else(|| kind.to_string())
}

fn action_label(action: &str) -> &'static str {
    match action {
        "konsep" => "Menyusun konsep",
        "ralat" => "Menyusun ralat atas surat terbit",
        "ubah" => "Mengubah konsep",
        "ajukan" => "Mengajukan untuk diparaf",
        "paraf" => "Memaraf",
        "kembalikan" => "Mengembalikan ke penyusun",
        "tanda_tangan" => "Menandatangani; surat terbit",
        "batal" => "Membatalkan konsep",
        _ => "Langkah lain",
    }
}

impl Loket {
    /// The lists of the Surat section for `actor`.
    pub fn letter_queues(
        &self,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<LetterQueues, ApiError> {
        let actor = self.current(actor)?;
        let posts = self.posts_of(&actor, now)?;
        let may_paraf = actor.roles().contains(&Role::Paraf);
        let may_sign = actor.roles().contains(&Role::Sign);
        let mut paraf = Vec::new();
        let mut sign = Vec::new();
        let mut mine = Vec::new();
        for d in self.db.drafts_in(&[
            "konsep",
            "dikembalikan",
            "menunggu_paraf",
            "menunggu_tanda_tangan",
        ])? {
            let state = State::parse(&d.status);
            let due = chain_of(&d).get(d.parafs as usize).cloned();
            if state == State::MenungguParaf && may_paraf && due.is_some_and(|p| posts.contains(&p))
            {
                paraf.push(self.summary(&d)?);
            }
            if state == State::MenungguTandaTangan && may_sign && posts.contains(&d.signer_position)
            {
                sign.push(self.summary(&d)?);
            }
            if d.prepared_by == actor.id() {
                mine.push(self.summary(&d)?);
            }
        }
        let mut issued = self.letter_list(None)?;
        issued.reverse();
        Ok(LetterQueues {
            paraf,
            sign,
            mine,
            issued,
        })
    }

    fn summary(&self, d: &DraftRow) -> Result<DraftSummary, ApiError> {
        let content = content_of(d)?;
        let state = State::parse(&d.status);
        Ok(DraftSummary {
            id: d.id,
            kind_label: kind_label(&d.kind),
            hal: content.hal,
            kepada: content.kepada.join(", "),
            nomor: self.number_text(d.number_id)?,
            status: state.code().to_string(),
            status_label: state.label().to_string(),
            case_id: d.case_id,
            prepared_by_name: self.account_name(&d.prepared_by)?,
            updated_at: d.updated_at.clone(),
        })
    }

    fn number_text(&self, id: i64) -> Result<String, ApiError> {
        Ok(self
            .db
            .registered_number(id)?
            .map(|n| n.number)
            .unwrap_or_default())
    }

    fn account_name(&self, id: &str) -> Result<String, ApiError> {
        Ok(self
            .db
            .account_with_hash(id)?
            .map(|(a, _)| a.name)
            .unwrap_or_else(|| id.to_string()))
    }

    /// One letter as its page shows it to `actor`.
    ///
    /// Errors: `NotFound` for an unknown draft.
    pub fn letter_show(
        &self,
        actor: &Actor,
        id: i64,
        now: DateTime<FixedOffset>,
    ) -> Result<DraftView, ApiError> {
        let actor = self.current(actor)?;
        let d = self.draft_row(id)?;
        let state = State::parse(&d.status);
        let events = self.db.draft_events(id)?;
        let titles: Vec<(String, String)> = self
            .db
            .positions()?
            .into_iter()
            .map(|p| (p.id, p.title))
            .collect();
        let title = |post: &str| {
            titles
                .iter()
                .find(|(id, _)| id == post)
                .map(|(_, t)| t.clone())
                .unwrap_or_else(|| post.to_string())
        };
        // Parafs count from the last submission: a return starts the round again.
        let round_start = events
            .iter()
            .rposition(|e| e.action == "ajukan")
            .unwrap_or(0);
        let round: &[DraftEvent] = &events[round_start..];
        let chain = chain_of(&d);
        let mut steps: Vec<ChainStepView> = chain
            .iter()
            .enumerate()
            .map(|(i, post)| {
                let done = (i as i64) < d.parafs || state == State::Terbit;
                let ev = round
                    .iter()
                    .rev()
                    .find(|e| e.action == "paraf" && e.position_id.as_deref() == Some(post));
                ChainStepView {
                    position_id: post.clone(),
                    position_title: title(post),
                    role: "paraf".into(),
                    done,
                    by_name: ev.filter(|_| done).map(|e| e.account_name.clone()),
                    at: ev.filter(|_| done).map(|e| e.at.clone()),
                }
            })
            .collect();
        let signed = events.iter().rev().find(|e| e.action == "tanda_tangan");
        steps.push(ChainStepView {
            position_id: d.signer_position.clone(),
            position_title: title(&d.signer_position),
            role: "tanda_tangan".into(),
            done: state == State::Terbit,
            by_name: signed.map(|e| e.account_name.clone()),
            at: signed.map(|e| e.at.clone()),
        });
        let nomor = self.number_text(d.number_id)?;
        let issued = match d.issued_letter_id {
            Some(_) => self
                .db
                .issued_letter_by_nomor(&nomor)?
                .map(|l| self.issued_linked(l))
                .transpose()?,
            None => None,
        };
        let ralat = match self.correction_of(d.id)? {
            Some((c, original)) => Some(RalatView {
                replaces: self.issued_link(original)?,
                reason: c.reason,
            }),
            None => None,
        };
        let ralat_draft_id = match &issued {
            Some(l) => self.open_ralat(l.id)?,
            None => None,
        };
        let posts = self.posts_of(&actor, now)?;
        let due = chain.get(d.parafs as usize);
        let my_turn = state == State::MenungguParaf && due.is_some_and(|p| posts.contains(p));
        let signer_here = state == State::MenungguTandaTangan && posts.contains(&d.signer_position);
        let preparer = d.prepared_by == actor.id();
        let actions = DraftActions {
            edit: preparer && state.editable(),
            submit: preparer && state.editable(),
            paraf: my_turn && actor.roles().contains(&Role::Paraf),
            give_back: my_turn || signer_here,
            sign: signer_here && actor.roles().contains(&Role::Sign),
            void: preparer && !matches!(state, State::Terbit | State::Batal),
            correct: super::draft::may_draft(&actor).is_ok()
                && issued
                    .as_ref()
                    .is_some_and(|l| l.replaced_by.is_none() && ralat_draft_id.is_none()),
        };
        let mut content = content_of(&d)?;
        // What a ralat prints comes from its link, whatever an edit sent.
        content.ralat = self.ralat_of(d.id)?;
        // Before it is issued, a letter whose kop still has the placeholder emblem says so.
        let warnings =
            if !matches!(state, State::Terbit | State::Batal) && self.emblem_is_placeholder()? {
                vec![crate::office::emblem::PLACEHOLDER_WARNING.to_string()]
            } else {
                Vec::new()
            };
        Ok(DraftView {
            warnings,
            id: d.id,
            kind: d.kind.clone(),
            kind_label: kind_label(&d.kind),
            status: state.code().to_string(),
            status_label: state.label().to_string(),
            case_id: d.case_id,
            nomor,
            content,
            chain: steps,
            prepared_by_name: self.account_name(&d.prepared_by)?,
            prepared_by: d.prepared_by.clone(),
            note: d.note.clone(),
            events: events
                .iter()
                .map(|e| DraftEventView {
                    action: e.action.clone(),
                    action_label: action_label(&e.action).to_string(),
                    by_name: e.account_name.clone(),
                    position_title: e.position_id.as_deref().map(&title),
                    note: e.note.clone(),
                    at: e.at.clone(),
                })
                .collect(),
            issued,
            ralat,
            ralat_draft_id,
            actions,
            created_at: d.created_at.clone(),
            updated_at: d.updated_at.clone(),
        })
    }
}
