//! `disposition.send`: dispose a case down the chain to one or more posts.

use chrono::{DateTime, FixedOffset};
use loket_db::dispositions::DispositionRow;
use loket_domain::case_status::CaseEvent;
use loket_domain::intake::Sifat;
use loket_domain::roles::{is_above, Role};
use serde::Deserialize;

use crate::account::Actor;
use crate::case::{advance, input::date, load, record, register::word, CaseView};
use crate::{ApiError, ErrorCode, Loket};

pub const ID: &str = "disposition.send";

/// The dispose dialog.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Dispatch {
    pub case_id: i64,
    /// Post ids of the recipients.
    pub to: Vec<String>,
    /// Preset instructions (see `disposition_instructions`).
    #[serde(default)]
    pub instructions: Vec<String>,
    #[serde(default)]
    pub note: String,
    /// TTTT-BB-HH; empty for none.
    #[serde(default)]
    pub batas_waktu: String,
    /// Empty: the case's sifat.
    #[serde(default)]
    pub sifat: String,
}

impl Loket {
    /// The preset instructions offered in the dispose dialog.
    pub fn disposition_instructions(&self) -> Result<Vec<String>, ApiError> {
        Ok(self.db.instructions()?)
    }

    /// Sends the case from the post through which the actor holds it (an open disposition to
    /// one of their posts, or the post the letter is addressed to) to every post in `to`.
    /// The disposition received is marked read.
    ///
    /// Errors: `Forbidden` without the dispose role, when the actor does not hold the case, or
    /// for a recipient above the sender (disposing upward); `BadInput` for no recipient, an
    /// unknown post or instruction, a bad batas waktu or one already past; `Conflict` when
    /// the case's status does not allow disposing (not verified, returned, closed).
    pub fn disposition_send(
        &mut self,
        actor: &Actor,
        d: &Dispatch,
        now: DateTime<FixedOffset>,
    ) -> Result<CaseView, ApiError> {
        let actor = self.current(actor)?;
        actor.require(Role::Dispose)?;
        crate::text::check_lines("catatan disposisi", d.note.trim(), crate::text::NOTES_MAX)?;
        let posts = self.posts_of(&actor, now)?;
        let case = self
            .db
            .case(d.case_id)?
            .ok_or_else(|| crate::case::not_found(d.case_id))?;
        let held = self.db.case_dispositions(d.case_id)?;
        let parent = held
            .iter()
            .rev()
            .find(|x| x.is_open() && posts.contains(&x.to_position));
        let from = match parent {
            Some(p) => p.to_position.clone(),
            None => {
                return Err(ApiError::new(
                    ErrorCode::Forbidden,
                    format!(
                        "akun {} tidak memegang permohonan {} (tidak ada disposisi terbuka untuk jabatannya); hanya penerima yang dapat mendisposisikan",
                        actor.id(),
                        case.id
                    ),
                ))
            }
        };
        let mut problems = Vec::new();
        if d.to.is_empty() {
            problems.push("penerima disposisi belum dipilih".to_string());
        }
        let positions = self.db.positions()?;
        let from_post = positions.iter().find(|p| p.id == from);
        let mut targets: Vec<String> = Vec::new();
        for t in &d.to {
            match positions.iter().find(|p| p.id == t.trim()) {
                None => problems.push(format!("jabatan tujuan `{t}` tidak ada di profil kantor")),
                Some(p) if p.id == from => problems.push(format!(
                    "{} tidak dapat mendisposisikan kepada dirinya sendiri",
                    p.title
                )),
                Some(p) => {
                    if let Some(f) = from_post {
                        if is_above(&positions, f, p) {
                            return Err(ApiError::new(
                                ErrorCode::Forbidden,
                                format!(
                                    "{} tidak dapat mendisposisikan ke atas kepada {}; sampaikan laporan (loket disposition report) sebagai gantinya",
                                    f.title, p.title
                                ),
                            ));
                        }
                    }
                    if !targets.contains(&p.id) {
                        targets.push(p.id.clone());
                    }
                }
            }
        }
        for i in &d.instructions {
            if !self.db.is_instruction(i.trim())? {
                problems.push(format!(
                    "instruksi `{i}` tidak ada dalam daftar; pilih dari: {} (tulis arahan lain di catatan)",
                    self.db.instructions()?.join(", ")
                ));
            }
        }
        let batas = if d.batas_waktu.trim().is_empty() {
            None
        } else {
            match date("batas waktu", &d.batas_waktu) {
                Ok(b) if b < now.date_naive() => {
                    problems.push(format!(
                        "batas waktu {b} sudah lewat; pilih hari ini atau sesudahnya"
                    ));
                    None
                }
                Ok(b) => Some(b),
                Err(e) => {
                    problems.push(e);
                    None
                }
            }
        };
        let sifat = if d.sifat.trim().is_empty() {
            case.sifat.clone()
        } else {
            match Sifat::parse(&d.sifat) {
                Ok(s) => word(&s),
                Err(e) => {
                    problems.push(e.to_string());
                    case.sifat.clone()
                }
            }
        };
        if !problems.is_empty() {
            return Err(ApiError::bad_input(format!(
                "disposisi belum dapat dikirim: {}",
                problems.join("; ")
            )));
        }
        let parent_id = parent.map(|p| p.id);
        let tx = self.db.begin()?;
        let before = load(&tx, d.case_id)?;
        advance(&tx, &before, CaseEvent::Dispose, now)?;
        let stamp = now.to_rfc3339();
        if let Some(pid) = parent_id {
            tx.mark_read(pid, actor.id(), &stamp)?;
        }
        let ids = tx.insert_dispositions(
            &DispositionRow {
                parent_id,
                instructions: d
                    .instructions
                    .iter()
                    .map(|i| i.trim().to_string())
                    .collect(),
                note: d.note.trim().to_string(),
                batas_waktu: batas.map(|b| b.to_string()),
                ..DispositionRow::outgoing(
                    d.case_id,
                    "disposisi",
                    Some(from),
                    actor.id(),
                    &sifat,
                    &stamp,
                )
            },
            &targets,
        )?;
        let sent: Vec<_> = ids
            .iter()
            .map(|id| tx.disposition(*id))
            .collect::<Result<Vec<_>, _>>()?;
        crate::audit::record(
            &tx,
            now,
            actor.id(),
            ID,
            &format!("case:{}", d.case_id),
            None::<&()>,
            Some(&sent),
        )?;
        record(&tx, now, actor.id(), ID, Some(&before), d.case_id)?;
        tx.commit()?;
        self.case_show(&actor, d.case_id, now)
    }
}
