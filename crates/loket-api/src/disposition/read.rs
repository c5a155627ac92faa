//! `disposition.read`: the recipient opens a disposition; the first reading is kept with its
//! moment and reader.

use chrono::{DateTime, FixedOffset};

use super::{addressed_to_me, not_found};
use crate::account::Actor;
use crate::case::show::Names;
use crate::case::DispositionView;
use crate::{audit, ApiError, Loket};

pub const ID: &str = "disposition.read";

impl Loket {
    /// Marks disposition `id` read (once; later readings change nothing) and returns it.
    ///
    /// Errors: `NotFound`; `Forbidden` when it is addressed to a post the actor does not hold.
    pub fn disposition_read(
        &mut self,
        actor: &Actor,
        id: i64,
        now: DateTime<FixedOffset>,
    ) -> Result<DispositionView, ApiError> {
        let actor = self.current(actor)?;
        let posts = self.posts_of(&actor, now)?;
        let tx = self.db.begin()?;
        let before = tx.disposition(id)?.ok_or_else(|| not_found(id))?;
        addressed_to_me(&before, &posts, actor.id())?;
        if before.read_at.is_none() && before.withdrawn_at.is_none() {
            tx.mark_read(id, actor.id(), &now.to_rfc3339())?;
            let after = tx.disposition(id)?;
            audit::record(
                &tx,
                now,
                actor.id(),
                ID,
                &format!("disposition:{id}"),
                Some(&before),
                after.as_ref(),
            )?;
        }
        tx.commit()?;
        let row = self.db.disposition(id)?.ok_or_else(|| not_found(id))?;
        Ok(Names::load(self)?.disposition(row))
    }
}
