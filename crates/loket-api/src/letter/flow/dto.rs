//! What the Surat section and `loket letter draft|paraf|sign|return` receive.

use serde::{Deserialize, Serialize};

#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::letter::dto::{IssuedLetterView, LetterContent, LetterLinkView};

/// A new draft: a kind, and the case it answers (its fields pre-fill the letter).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct NewDraft {
    /// Kind id, e.g. `rekomendasi_teknis_fo`.
    pub kind: String,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub case_id: Option<i64>,
}

/// One verifier (or the signer) on a draft's way.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ChainStepView {
    pub position_id: String,
    pub position_title: String,
    /// `paraf` or `tanda_tangan`.
    pub role: String,
    pub done: bool,
    pub by_name: Option<String>,
    pub at: Option<String>,
}

/// One line of a draft's history.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct DraftEventView {
    pub action: String,
    /// "Memaraf", "Mengembalikan", ...
    pub action_label: String,
    pub by_name: String,
    pub position_title: Option<String>,
    pub note: String,
    pub at: String,
}

/// What the person looking may do with a draft now.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct DraftActions {
    pub edit: bool,
    pub submit: bool,
    pub paraf: bool,
    pub give_back: bool,
    pub sign: bool,
    pub void: bool,
    /// Start a ralat of this issued letter (register or dispose role; not replaced yet and
    /// no ralat of it on its way).
    pub correct: bool,
}

/// A ralat: the issued letter it replaces and why.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct RalatView {
    pub replaces: LetterLinkView,
    pub reason: String,
}

/// The letter page.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct DraftView {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub kind: String,
    pub kind_label: String,
    pub status: String,
    pub status_label: String,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub case_id: Option<i64>,
    /// The reserved number (fixed when signed).
    pub nomor: String,
    #[cfg_attr(feature = "ts", ts(type = "any"))]
    pub content: LetterContent,
    pub chain: Vec<ChainStepView>,
    pub prepared_by: String,
    pub prepared_by_name: String,
    /// The last return note.
    pub note: String,
    pub events: Vec<DraftEventView>,
    pub issued: Option<IssuedLetterView>,
    /// This draft is a ralat of an issued letter.
    pub ralat: Option<RalatView>,
    /// An issued letter: the draft of its ralat still on its way, if any.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub ralat_draft_id: Option<i64>,
    pub actions: DraftActions,
    /// What the signer should know before issuing (e.g. the kop's placeholder emblem).
    pub warnings: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// One line of a list of drafts.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct DraftSummary {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub kind_label: String,
    pub hal: String,
    pub kepada: String,
    pub nomor: String,
    pub status: String,
    pub status_label: String,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub case_id: Option<i64>,
    pub prepared_by_name: String,
    pub updated_at: String,
}

/// The Surat section's lists for the signed-in person.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct LetterQueues {
    /// Drafts whose next paraf is one of my posts.
    pub paraf: Vec<DraftSummary>,
    /// Drafts waiting for a signature from a post I hold.
    pub sign: Vec<DraftSummary>,
    /// My drafts still in my hands or on their way (konsep, dikembalikan, menunggu ...).
    pub mine: Vec<DraftSummary>,
    /// The outgoing agenda, newest first.
    pub issued: Vec<IssuedLetterView>,
}

/// A live preview: the pages as SVG, or why the letter does not render yet.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct PreviewView {
    pub pages: Vec<String>,
    /// The field or Typst error in Bahasa Indonesia; empty when the letter renders.
    pub error: String,
}
