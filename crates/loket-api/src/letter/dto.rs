//! Data shapes of the letter use cases.

pub use loket_letters::LetterContent;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ts")]
use ts_rs::TS;

/// A letter to render or issue: its kind, the preparer's content, who signs, which case.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LetterRequest {
    /// Kind id, e.g. `surat_balasan` (see `loket letter kinds`).
    pub kind: String,
    pub content: LetterContent,
    /// Person id of the signer; the office's Kepala Dinas when absent.
    pub signer: Option<String>,
    /// The case (permohonan) the letter answers, entered in the agenda with it.
    pub case_id: Option<String>,
}

/// A letter kind and the fields its content needs.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct LetterKindView {
    pub id: String,
    pub label: String,
    /// `korespondensi`, `judul` or `formulir`.
    pub layout: String,
    pub fields: Vec<LetterFieldView>,
}

/// One field of a kind's `isi`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct LetterFieldView {
    pub key: String,
    pub label: String,
    /// `teks`, `daftar`, `tanggal`, `hari_tanggal`, `bilangan`, `pihak`, `tabel`, or `beku`
    /// (figures Loket froze into the letter, not edited).
    pub kind: String,
    pub required: bool,
    /// Column keys of a `tabel` field.
    pub columns: Vec<String>,
}

/// A rendered PDF (draft, preview or print copy); nothing was stored.
#[derive(Debug, Clone, Serialize)]
pub struct RenderedPdf {
    #[serde(skip)]
    pub pdf: Vec<u8>,
    pub pages: u32,
    pub bytes: u32,
    pub sha256: String,
}

/// One row of the outgoing agenda (buku agenda surat keluar).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct IssuedLetterView {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub nomor: String,
    pub kind: String,
    pub kind_label: String,
    /// ISO date of the letter.
    pub tanggal: String,
    /// "25 Maret 2024".
    pub tanggal_words: String,
    pub hal: String,
    pub kepada: String,
    pub signer: String,
    pub case_id: Option<String>,
    pub pdf_sha256: String,
    /// The hash printed (shortened) in the QR code.
    pub content_sha256: String,
    pub issued_at: String,
    pub issued_by: Option<String>,
    /// The letter page (draft) it was signed from; none for a letter issued directly.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub draft_id: Option<i64>,
    /// A ralat: the issued letter it replaces.
    pub replaces: Option<LetterLinkView>,
    /// A ralat: why the letter it replaces was corrected.
    pub correction_reason: Option<String>,
    /// The issued ralat that replaced this letter (it stays genuine, but is no longer in force).
    pub replaced_by: Option<LetterLinkView>,
}

/// Another issued letter a ralat links this one to.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct LetterLinkView {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub nomor: String,
    /// "25 Maret 2024".
    pub tanggal_words: String,
    /// Its letter page (draft), when it went through the workflow.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub draft_id: Option<i64>,
}

/// What `letter.verify` found for a file.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct VerifyReport {
    /// True only when the file is byte for byte an issued letter of this database.
    pub genuine: bool,
    /// "ASLI", "DIUBAH" (names an issued letter but differs from it) or "TIDAK DIKENAL".
    pub status: String,
    pub sha256: String,
    /// The issued letter the file is (ASLI) or claims to be (DIUBAH).
    pub letter: Option<IssuedLetterView>,
    /// The file's PDF signature, when it carries one.
    pub signature: Option<SignatureReport>,
    /// One sentence in Bahasa Indonesia for people.
    pub verdict: String,
}

/// What the PDF signature of a file says.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct SignatureReport {
    /// The signature matches the bytes it covers.
    pub intact: bool,
    /// It covers the whole file.
    pub whole_file: bool,
    /// The signer's chain ends at a root the office trusts (at the signing moment).
    pub trusted: bool,
    /// Why it is not trusted, else empty.
    pub trust_note: String,
    /// The signer certificate's subject.
    pub signer: String,
    pub issuer: String,
    /// RFC 3339, from the signature dictionary.
    pub signed_at: Option<String>,
}

/// A numbering pattern as the admin sets it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct NumberPatternView {
    pub id: String,
    pub pattern: String,
    pub klasifikasi: String,
    pub unit: String,
    pub kinds: Vec<String>,
}

/// One row of the numbering register.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct RegisteredNumberView {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub pattern_id: String,
    pub year: i32,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub seq: i64,
    pub number: String,
    pub kind: String,
    pub hal: String,
    pub case_id: Option<String>,
    /// `dipesan`, `tetap` or `batal`.
    pub status: String,
    pub reserved_at: String,
    pub fixed_at: Option<String>,
    pub voided_at: Option<String>,
    pub void_reason: Option<String>,
}
