//! Letters waiting for someone, for the watcher: a draft sent for paraf announces itself to
//! the post whose paraf is due, and a draft ready for signature to the signer's post (and
//! so to whoever acts for them). Each step is keyed by the draft, the step and the moment
//! the draft last changed, so it fires once, and a draft returned and sent again announces
//! itself again.

use loket_db::fired_thresholds::FiredKey;
use loket_letters::spec;

use super::watch::{Crossing, Urgency};
use crate::letter::flow::{chain_of, State};
use crate::{ApiError, Loket};

pub const PARAF: &str = "menunggu_paraf";
pub const SIGNATURE: &str = "menunggu_tanda_tangan";

impl Loket {
    /// One crossing per draft waiting for a paraf or a signature.
    pub(super) fn letter_crossings(&self) -> Result<Vec<Crossing>, ApiError> {
        let mut out = Vec::new();
        for d in self.db.drafts_in(&[PARAF, SIGNATURE])? {
            let (post, step, threshold) = match State::parse(&d.status) {
                State::MenungguParaf => match chain_of(&d).get(d.parafs as usize) {
                    Some(p) => (p.clone(), "paraf", format!("{PARAF}_{}", d.parafs)),
                    None => continue,
                },
                State::MenungguTandaTangan => {
                    (d.signer_position.clone(), "tanda tangan", SIGNATURE.into())
                }
                _ => continue,
            };
            let kind = spec::kind_from_id(&d.kind)
                .map(|k| k.label().to_string())
                .unwrap_or_else(|| d.kind.clone());
            let hal = crate::letter::flow::content_of(&d)
                .map(|c| c.hal)
                .unwrap_or_default();
            out.push(Crossing {
                key: FiredKey {
                    item: format!("letter:{}", d.id),
                    threshold,
                    due: d.updated_at.clone(),
                },
                urgency: Urgency::Normal,
                title: format!("Surat menunggu {step} Anda"),
                body: if hal.is_empty() {
                    kind
                } else {
                    format!("{kind}: {hal}")
                },
                recipients: vec![format!("position:{post}")],
            });
        }
        Ok(out)
    }
}
