//! `letter.verify`: is this file, byte for byte, a letter this database issued? And does
//! its PDF signature (when it has one) match its bytes and chain to the office's roots?
//! ASLI: the stored file exactly. DIUBAH: a file that names an issued letter (by its
//! signature) but differs from it. TIDAK DIKENAL: anything else.

use loket_letters::pades::{self, SignatureCheck};
use loket_letters::seal::sha256_hex;

use super::dto::{SignatureReport, VerifyReport};
use super::list::issued_view;
use crate::{ApiError, Loket};

pub const VERIFY: &str = "letter.verify";

/// The words the reason of a Loket signature starts with, before the letter's number.
const REASON_PREFIX: &str = "Penandatanganan naskah dinas nomor ";

impl Loket {
    /// Looks the file's SHA-256 up among issued letters and checks its PDF signature. Any
    /// changed byte changes the hash, so an altered copy is never ASLI.
    pub fn letter_verify(&self, file: &[u8]) -> Result<VerifyReport, ApiError> {
        let sha256 = sha256_hex(file);
        let roots: Vec<Vec<u8>> = self
            .db
            .trusted_roots()?
            .into_iter()
            .map(|r| r.der)
            .collect();
        let checked = pades::read_signature(file).map(|s| pades::check(file, &s, &roots));
        let signature = checked.as_ref().map(report);
        let stored = match self.db.issued_letter_by_pdf(&sha256)? {
            Some(l) => Some(self.issued_linked(l)?),
            None => None,
        };
        // A row is not proof by itself: its issuing must be in an intact audit trail.
        let (exact, unrecorded) = match stored {
            Some(l) if self.issuing_audited(&l)? => (Some(l), None),
            Some(l) => (None, Some(l)),
            None => (None, None),
        };
        let named = match (&exact, &checked) {
            (None, Some(c)) => match c.reason.strip_prefix(REASON_PREFIX) {
                Some(nomor) => self.db.issued_letter_by_nomor(nomor)?.map(issued_view),
                None => None,
            },
            _ => None,
        };
        let sig_words = signature.as_ref().map(words).unwrap_or_default();
        let (status, verdict) = match (&exact, &named) {
            (None, _) if unrecorded.is_some() => (
                "TIDAK TERCATAT",
                "TIDAK TERCATAT: berkas ini ada di tabel surat terbit tetapi penerbitannya tidak tercatat di jejak audit yang utuh; basis data mungkin diubah di luar Loket — jalankan `loket check` dan minta salinan asli dari kantor".to_string(),
            ),
            (Some(l), _) => (
                "ASLI",
                format!(
                    "ASLI: surat nomor {} tanggal {}, hal {}, ditandatangani {} dan diterbitkan {} — berkas tidak berubah sejak terbit{}{sig_words}",
                    l.nomor, l.tanggal_words, l.hal, l.signer, l.issued_at, ralat_words(l)
                ),
            ),
            (None, Some(l)) => (
                "DIUBAH",
                format!(
                    "DIUBAH: berkas ini mengaku surat nomor {} (ditandatangani {}, terbit {}) tetapi isinya berbeda dari yang tersimpan; minta salinan asli dari kantor{sig_words}",
                    l.nomor, l.signer, l.issued_at
                ),
            ),
            (None, None) => (
                "TIDAK DIKENAL",
                format!("TIDAK DIKENAL: berkas ini bukan surat terbit dari basis data ini, atau telah diubah setelah terbit{sig_words}"),
            ),
        };
        Ok(VerifyReport {
            genuine: exact.is_some(),
            status: status.to_string(),
            sha256,
            letter: exact.or(named).or(unrecorded),
            signature,
            verdict,
        })
    }
}

impl Loket {
    /// Whether issued letter `l` was issued through Loket: an intact audit chain holding its
    /// `letter.issue` entry, or the `letter.sign` entry of the draft that became it, and that
    /// entry recording this letter's PDF hash (so a row pointed at another file afterwards is
    /// not ASLI). A `letter.sign` entry written before the hash was recorded ties by id alone.
    fn issuing_audited(&self, l: &super::dto::IssuedLetterView) -> Result<bool, ApiError> {
        if !self.db.verify_audit_chain()?.is_empty() {
            return Ok(false);
        }
        let direct = format!("surat-terbit:{}", l.id);
        Ok(self.db.audit_entries(None)?.iter().any(|r| {
            let e = &r.entry;
            let after: Option<serde_json::Value> = e
                .after
                .as_deref()
                .and_then(|a| serde_json::from_str(a).ok());
            let hash = after.as_ref().and_then(|v| {
                v.get("pdf_sha256")
                    .and_then(|h| h.as_str())
                    .map(str::to_string)
            });
            let same_file = hash.as_deref() == Some(l.pdf_sha256.as_str());
            if e.action == super::ISSUE && e.entity == direct {
                return same_file;
            }
            let signed_this = e.action == super::flow::SIGN
                && after
                    .as_ref()
                    .and_then(|v| v.get("issued_letter_id").and_then(|i| i.as_i64()))
                    == Some(l.id);
            signed_this && (hash.is_none() || same_file)
        }))
    }
}

/// What a ralat changed about a genuine letter, in words: a replaced letter is still the
/// genuine file, but the ralat is the one in force.
fn ralat_words(l: &super::dto::IssuedLetterView) -> String {
    let mut w = String::new();
    if let Some(r) = &l.replaces {
        w.push_str(&format!(
            "; surat ini ralat yang menggantikan surat nomor {} tanggal {}",
            r.nomor, r.tanggal_words
        ));
    }
    if let Some(r) = &l.replaced_by {
        w.push_str(&format!(
            "; surat ini sudah DIGANTI dengan surat nomor {} tanggal {} (ralat) — yang berlaku adalah surat pengganti itu",
            r.nomor, r.tanggal_words
        ));
    }
    w
}

fn report(c: &SignatureCheck) -> SignatureReport {
    SignatureReport {
        intact: c.intact,
        whole_file: c.whole_file,
        trusted: c.trusted.is_ok(),
        trust_note: c.trusted.clone().err().unwrap_or_default(),
        signer: c
            .signer
            .as_ref()
            .map(|s| s.subject.clone())
            .unwrap_or_default(),
        issuer: c
            .signer
            .as_ref()
            .map(|s| s.issuer_name.clone())
            .unwrap_or_default(),
        signed_at: c.signed_at.map(|t| t.to_rfc3339()),
    }
}

/// The signature part of the verdict, in words.
fn words(s: &SignatureReport) -> String {
    let integrity = if s.intact && s.whole_file {
        "tanda tangan elektronik utuh dan mencakup seluruh berkas".to_string()
    } else if s.intact {
        "tanda tangan elektronik utuh tetapi ada tambahan setelah ditandatangani".to_string()
    } else {
        "tanda tangan elektronik RUSAK: isi berubah setelah ditandatangani".to_string()
    };
    let trust = if s.trusted {
        format!("sertifikat tepercaya, diterbitkan {}", s.issuer)
    } else {
        format!("sertifikat belum tepercaya: {}", s.trust_note)
    };
    format!(
        "; {integrity}; penanda tangan {}, pada {}; {trust}",
        s.signer,
        s.signed_at.as_deref().unwrap_or("waktu tidak tercantum")
    )
}
