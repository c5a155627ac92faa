//! `case.open`: the case page as the signed-in person sees it — the case, its history of
//! status changes, its deadline state, and what this person may do now. Opening the page
//! marks the dispositions addressed to them read (each reading audited).

use chrono::{DateTime, FixedOffset};
use loket_domain::case_status::CaseStatus;
use loket_domain::catalog::Position;
use loket_domain::roles::{is_above, Role};
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use super::show::Names;
use super::{CaseView, DispositionView};
use crate::account::Actor;
use crate::sla::DeadlineItem;
use crate::{ApiError, Loket};

pub const ID: &str = "case.open";

/// A post the dispose dialog offers, with who holds it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct PostOption {
    pub id: String,
    pub title: String,
    /// Names of the active accounts holding the post.
    pub holders: Vec<String>,
    /// Reports directly to the sender's post.
    pub direct: bool,
}

/// Whether `post` reports to `boss` (directly or through others), following `reports_to`.
fn reports_to(positions: &[Position], post: &Position, boss: &str) -> bool {
    let mut up = post.reports_to.as_deref();
    for _ in 0..positions.len() {
        match up {
            Some(id) if id == boss => return true,
            Some(id) => {
                up = positions
                    .iter()
                    .find(|p| p.id == id)
                    .and_then(|p| p.reports_to.as_deref())
            }
            None => return false,
        }
    }
    false
}

/// A change of the case's status, read from the audit trail.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct StatusChange {
    pub at: String,
    pub actor_name: String,
    /// Use-case id ("case.verify").
    pub action: String,
    /// Label of the status before; none for the registration.
    pub from_label: Option<String>,
    pub to_label: String,
    /// The reason given for a rejection.
    pub reason: Option<String>,
}

/// What the signed-in person may do on this case now.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct CaseActions {
    pub verify: bool,
    pub give_back: bool,
    pub resubmit: bool,
    pub reject: bool,
    pub dispose: bool,
    pub report: bool,
    pub complete: bool,
    pub await_signature: bool,
    pub sign: bool,
    pub attach: bool,
    /// The open disposition to one of this person's posts (reported on, completed).
    pub my_disposition: Option<i64>,
    /// Unread dispositions this person sent, which they may still withdraw.
    pub withdrawable: Vec<i64>,
    /// Numbers of the procedure steps this person may tick.
    pub steps: Vec<i64>,
}

/// The case page.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct CasePage {
    pub case: CaseView,
    pub deadline: Option<DeadlineItem>,
    pub history: Vec<StatusChange>,
    pub actions: CaseActions,
    /// Posts below the one through which this person holds the case.
    pub recipients: Vec<PostOption>,
    /// The preset instructions of the dispose dialog.
    pub instructions: Vec<String>,
}

fn is_open(d: &DispositionView) -> bool {
    d.completed_at.is_none() && d.withdrawn_at.is_none()
}

impl Loket {
    /// Opens case `id`: marks the dispositions addressed to the actor's posts read, then
    /// returns the page.
    ///
    /// Errors: `NotFound` for an unknown case.
    pub fn case_open(
        &mut self,
        actor: &Actor,
        id: i64,
        now: DateTime<FixedOffset>,
    ) -> Result<CasePage, ApiError> {
        let actor = self.current(actor)?;
        let posts = self.posts_of(&actor, now)?;
        let unread: Vec<i64> = self
            .db
            .case_dispositions(id)?
            .into_iter()
            .filter(|d| d.read_at.is_none() && d.is_open() && posts.contains(&d.to_position))
            .map(|d| d.id)
            .collect();
        for d in unread {
            self.disposition_read(&actor, d, now)?;
        }
        self.case_page(&actor, id, now)
    }

    /// The case page without marking anything read.
    ///
    /// Errors: `NotFound` for an unknown case.
    pub fn case_page(
        &mut self,
        actor: &Actor,
        id: i64,
        now: DateTime<FixedOffset>,
    ) -> Result<CasePage, ApiError> {
        let actor = self.current(actor)?;
        let case = self.case_show(&actor, id, now)?;
        let posts = self.posts_of(&actor, now)?;
        let involved = !self.involved_posts(id, &posts)?.is_empty();
        let status = CaseStatus::parse(&case.status).unwrap_or(CaseStatus::Diterima);
        let roles = actor.roles();
        let has = |r: Role| roles.contains(&r);
        let mine = case
            .dispositions
            .iter()
            .rev()
            .find(|d| is_open(d) && posts.contains(&d.to_position));
        let open_children = mine.is_some_and(|m| {
            case.dispositions
                .iter()
                .any(|c| c.parent_id == Some(m.id) && is_open(c))
        });
        let working = matches!(
            status,
            CaseStatus::Diverifikasi | CaseStatus::Didisposisi | CaseStatus::Diproses
        );
        let step_open = !status.is_closed() && status != CaseStatus::Dikembalikan;
        let positions = self.db.positions()?;
        let actions = CaseActions {
            verify: has(Role::Register) && status == CaseStatus::Diterima,
            give_back: has(Role::Register) && status == CaseStatus::Diterima,
            resubmit: has(Role::Register) && status == CaseStatus::Dikembalikan,
            reject: !status.is_closed()
                && (has(Role::Register) || (has(Role::Dispose) && involved)),
            dispose: has(Role::Dispose) && mine.is_some() && working,
            report: mine.is_some() && !status.is_closed(),
            complete: mine.is_some() && !open_children,
            await_signature: involved
                && matches!(status, CaseStatus::Didisposisi | CaseStatus::Diproses),
            sign: has(Role::Sign) && involved && status == CaseStatus::MenungguTandaTangan,
            attach: !status.is_closed(),
            my_disposition: mine.map(|d| d.id),
            withdrawable: case
                .dispositions
                .iter()
                .filter(|d| {
                    is_open(d)
                        && d.read_at.is_none()
                        && (d.from_account == actor.id()
                            || d.from_position.as_ref().is_some_and(|p| posts.contains(p)))
                })
                .map(|d| d.id)
                .collect(),
            steps: case
                .steps
                .iter()
                .filter(|s| step_open && !s.done)
                .filter(|s| {
                    match s
                        .actor_id
                        .as_deref()
                        .filter(|a| positions.iter().any(|p| p.id == *a))
                    {
                        Some(post) => posts.iter().any(|p| p == post),
                        None => involved || has(Role::Register),
                    }
                })
                .map(|s| s.number)
                .collect(),
        };
        let recipients = match mine.and_then(|m| positions.iter().find(|p| p.id == m.to_position)) {
            Some(from) if actions.dispose => {
                let accounts = self.db.accounts()?;
                // Posts under the sender by `reports_to`; by seniority when the profile
                // draws no line below this post.
                let mut below: Vec<&Position> = positions
                    .iter()
                    .filter(|p| reports_to(&positions, p, &from.id))
                    .collect();
                if below.is_empty() {
                    below = positions
                        .iter()
                        .filter(|p| p.id != from.id && is_above(&positions, p, from))
                        .collect();
                }
                below.sort_by_key(|p| p.reports_to.as_deref() != Some(&from.id));
                below
                    .into_iter()
                    .map(|p| PostOption {
                        direct: p.reports_to.as_deref() == Some(&from.id),
                        id: p.id.clone(),
                        title: p.title.clone(),
                        holders: accounts
                            .iter()
                            .filter(|a| a.active && a.position_id.as_deref() == Some(&p.id))
                            .map(|a| a.name.clone())
                            .collect(),
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        let deadline = self
            .deadlines_of(now, &std::collections::HashSet::from([id]), Vec::new())?
            .into_iter()
            .next();
        Ok(CasePage {
            history: self.case_history(id)?,
            instructions: if actions.dispose {
                self.disposition_instructions()?
            } else {
                Vec::new()
            },
            deadline,
            actions,
            recipients,
            case,
        })
    }

    /// The status changes of case `id`, oldest first, from the audit trail.
    pub(crate) fn case_history(&self, id: i64) -> Result<Vec<StatusChange>, ApiError> {
        let names = Names::load(self)?;
        let status_of = |json: &Option<String>| -> Option<(String, Option<String>)> {
            let v: serde_json::Value = serde_json::from_str(json.as_deref()?).ok()?;
            let s = v.get("status")?.as_str()?.to_string();
            let reason = v.get("alasan").and_then(|a| a.as_str()).map(str::to_string);
            Some((s, reason))
        };
        let label = |code: &str| {
            CaseStatus::parse(code)
                .map(|s| s.label().to_string())
                .unwrap_or_else(|| code.to_string())
        };
        let mut out = Vec::new();
        for row in self.db.audit_entries(Some(&format!("case:{id}")))? {
            let e = row.entry;
            let Some((to, reason)) = status_of(&e.after) else {
                continue;
            };
            let from = status_of(&e.before).map(|(s, _)| s);
            if from.as_deref() == Some(to.as_str()) {
                continue;
            }
            out.push(StatusChange {
                actor_name: names.account(&e.actor),
                from_label: from.as_deref().map(label),
                to_label: label(&to),
                at: e.at,
                action: e.action,
                reason,
            });
        }
        Ok(out)
    }
}
