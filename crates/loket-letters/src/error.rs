//! Why a letter could not be rendered, in Bahasa Indonesia: what, where, how to fix.

/// A letter that cannot be produced. Every variant leaves nothing written: rendering is pure.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum LetterError {
    /// A field the letter kind needs is absent or empty.
    #[error(
        "isian '{field}' ({label}) untuk {kind} belum diisi; tambahkan \"{field}\" pada data surat"
    )]
    MissingField {
        kind: &'static str,
        field: String,
        label: &'static str,
    },
    /// A field is present but of the wrong shape (e.g. text where a date is expected).
    #[error("isian '{field}' ({label}) tidak sah: {why}")]
    BadField {
        field: String,
        label: &'static str,
        why: String,
    },
    /// The hal is longer than a letter's Hal line allows.
    #[error("hal terlalu panjang ({len} karakter, paling banyak {max}); ringkas hal surat dan tulis rinciannya di isi surat")]
    HalTooLong { len: usize, max: usize },
    /// A template failed to compile; `line` is 1-based in `file`.
    #[error("templat {file} gagal dikompilasi pada baris {line}: {message}")]
    Template {
        file: String,
        line: usize,
        message: String,
    },
    /// The template set has no template for this letter kind.
    #[error("templat untuk {0} tidak ada; pulihkan templat bawaan di Pengaturan")]
    NoTemplate(&'static str),
    /// The office profile names nobody who can sign and the letter names no signer.
    #[error("kantor belum menetapkan Kepala Dinas yang menandatangani surat (profil kantor tidak menyebutnya); administrator mengisi nama, pangkat/golongan dan NIP-nya di Pengaturan → Profil Kantor → Pejabat penanda tangan (atau `loket office official set`), atau isi 'penandatangan' (jabatan, nama, pangkat, nip) pada data surat")]
    NoSigner,
    /// The PDF writer refused the document.
    #[error("PDF tidak dapat dibuat: {0}")]
    Pdf(String),
}
