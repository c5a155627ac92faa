//! The disposition chain: the holder of a case disposes it to one or more posts with preset
//! instructions, a note, a batas waktu and a sifat; recipients read it (the moment is kept),
//! dispose further down, report back or complete; an unread disposition can be withdrawn.

mod inbox;
mod kotak;
mod read;
mod report;
mod send;
mod withdraw;

use loket_db::dispositions::DispositionRow;

use crate::{ApiError, ErrorCode, Loket};

pub use inbox::{InboxItem, ID as INBOX};
pub use kotak::{InboxLine, KotakMasuk, VerifyLine, ID as KOTAK_MASUK};
pub use read::ID as READ;
pub use report::{ID_COMPLETE as COMPLETE, ID_REPORT as REPORT};
pub use send::{Dispatch, ID as SEND};
pub use withdraw::ID as WITHDRAW;

pub(crate) fn not_found(id: i64) -> ApiError {
    ApiError::not_found(format!(
        "disposisi nomor {id} tidak ada; lihat kotak masuk dengan `loket disposition inbox`"
    ))
}

/// Refuses unless the disposition is addressed to one of `posts`.
pub(crate) fn addressed_to_me(
    d: &DispositionRow,
    posts: &[String],
    who: &str,
) -> Result<(), ApiError> {
    if posts.contains(&d.to_position) {
        Ok(())
    } else {
        Err(ApiError::new(
            ErrorCode::Forbidden,
            format!(
                "disposisi {} ditujukan kepada jabatan `{}`, bukan jabatan akun {who}",
                d.id, d.to_position
            ),
        ))
    }
}

/// Refuses when the disposition was withdrawn or completed.
pub(crate) fn still_open(d: &DispositionRow) -> Result<(), ApiError> {
    if d.withdrawn_at.is_some() {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            format!("disposisi {} sudah ditarik oleh pengirimnya", d.id),
        ));
    }
    if d.completed_at.is_some() {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            format!("disposisi {} sudah diselesaikan", d.id),
        ));
    }
    Ok(())
}

impl Loket {
    /// The posts among `posts` through which the case `id` reached its holder: the post it is
    /// addressed to, or any post a (not withdrawn) disposition went to.
    pub(crate) fn involved_posts(
        &self,
        id: i64,
        posts: &[String],
    ) -> Result<Vec<String>, ApiError> {
        let case = self
            .db
            .case(id)?
            .ok_or_else(|| crate::case::not_found(id))?;
        let mut out: Vec<String> = Vec::new();
        let mut add = |p: &String| {
            if posts.contains(p) && !out.contains(p) {
                out.push(p.clone());
            }
        };
        add(&case.addressed_to);
        for d in self.db.case_dispositions(id)? {
            if d.withdrawn_at.is_none() {
                add(&d.to_position);
            }
        }
        Ok(out)
    }
}
