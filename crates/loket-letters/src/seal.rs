//! What makes an issued letter checkable: the SHA-256 of its PDF (the file's identity in
//! the store), the hash of its data (printed, shortened, in the QR code) and the QR text.
//!
//! Signing provider seam: [`SigningProvider`] says how the letter shows the way it was signed
//! (decided before it is rendered) and signs the rendered PDF bytes. Loket ships
//! [`NoSignature`] (signed by hand: "tanpa sertifikat elektronik", the PDF unchanged) and
//! [`crate::pades::Pkcs12Signer`] (a PAdES signature made with the signer's PKCS#12 file).

use chrono::{DateTime, FixedOffset};
use sha2::{Digest, Sha256};

/// Hex characters of the data hash printed in the QR code.
pub const SHORT_HASH_LEN: usize = 16;

/// Characters of the hal kept in the QR text; longer hals end with "…".
pub const QR_HAL_LEN: usize = 60;

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// How the letter shows the way it was signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureMarks {
    /// No electronic signature: room for a wet signature and the cap, a small QR at the
    /// side and the words "tanpa sertifikat elektronik".
    Basah,
    /// Signed with a certificate: the QR in the signature block and the TTE footer naming
    /// the certificate's issuer.
    Elektronik { penerbit: String },
}

/// What the QR code of an issued letter says, in words a person reads out on the telephone.
#[derive(Debug, Clone)]
pub struct QrFacts<'a> {
    pub nomor: &'a str,
    /// In words, "25 Maret 2024".
    pub tanggal: &'a str,
    pub hal: &'a str,
    pub penandatangan: &'a str,
    pub marks: &'a SignatureMarks,
    /// SHA-256 of the letter's data as recorded in the register (the issued file cannot
    /// carry its own hash); the first [`SHORT_HASH_LEN`] characters are printed.
    pub data_sha256: &'a str,
}

/// The text of an issued letter's QR code: number, date, hal (shortened), signer, how it
/// was signed and the short code kept in the register.
pub fn qr_facts_text(f: &QrFacts) -> String {
    let short = f.data_sha256.get(..SHORT_HASH_LEN).unwrap_or(f.data_sha256);
    let hal = shorten(f.hal.trim(), QR_HAL_LEN);
    let cara = match f.marks {
        SignatureMarks::Basah => "basah (tanpa sertifikat elektronik)".to_string(),
        SignatureMarks::Elektronik { .. } => "elektronik (sertifikat)".to_string(),
    };
    format!(
        "NASKAH DINAS\nNomor: {}\nTanggal: {}\nHal: {hal}\nPenanda tangan: {}\nTanda tangan: {cara}\nKode: {short}",
        f.nomor, f.tanggal, f.penandatangan
    )
}

/// The earlier, shorter QR text (number, date, short hash) for callers that know no more.
pub fn qr_text(nomor: &str, tanggal: &str, data_sha256: &str) -> String {
    let short = data_sha256.get(..SHORT_HASH_LEN).unwrap_or(data_sha256);
    format!("NASKAH DINAS\nNomor: {nomor}\nTanggal: {tanggal}\nKode: {short}")
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

/// The letter a provider signs: its number, who signs, where and when (the caller's clock).
#[derive(Debug, Clone)]
pub struct SigningContext {
    pub nomor: String,
    pub penandatangan: String,
    /// The place of signing (the office's town), for the signature dictionary.
    pub tempat: String,
    pub at: DateTime<FixedOffset>,
}

/// Where an electronic-signature provider plugs in: it says how the letter shows the way
/// it is signed (before rendering), then receives the rendered PDF and returns the signed
/// PDF (or a message in Bahasa Indonesia). The returned bytes are what is stored, hashed
/// and verified.
pub trait SigningProvider {
    fn sign(&self, pdf: Vec<u8>) -> Result<Vec<u8>, String>;
    fn marks(&self) -> SignatureMarks {
        SignatureMarks::Basah
    }
}

/// No electronic signature: the letter is signed by hand (or by the QR code alone).
pub struct NoSignature;

impl SigningProvider for NoSignature {
    fn sign(&self, pdf: Vec<u8>) -> Result<Vec<u8>, String> {
        Ok(pdf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_text_carries_number_date_and_short_hash() {
        let h = sha256_hex(b"abc");
        assert_eq!(
            h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "SHA-256 as lower-case hex"
        );
        let t = qr_text("000.8/1/2024", "25 Maret 2024", &h);
        assert!(
            t.contains("Nomor: 000.8/1/2024")
                && t.contains("25 Maret 2024")
                && t.ends_with("Kode: ba7816bf8f01cfea"),
            "the QR names the letter and a short hash: {t}"
        );
        assert!(!t.contains(&h), "only the short hash is printed");
    }

    #[test]
    fn the_full_qr_text_shortens_the_hal_and_says_how_it_was_signed() {
        let h = sha256_hex(b"abc");
        let long = "Rekomendasi teknis penempatan jaringan kabel fiber optik di sepanjang ruas jalan kabupaten";
        let marks = SignatureMarks::Elektronik {
            penerbit: "CA Uji".into(),
        };
        let t = qr_facts_text(&QrFacts {
            nomor: "500/1/2026",
            tanggal: "2 Maret 2026",
            hal: long,
            penandatangan: "Ir. Budi",
            marks: &marks,
            data_sha256: &h,
        });
        let hal_line = t.lines().find(|l| l.starts_with("Hal: ")).unwrap();
        assert!(
            hal_line.chars().count() <= "Hal: ".len() + QR_HAL_LEN && hal_line.ends_with('…'),
            "a long hal is shortened so the QR stays readable: {hal_line}"
        );
        assert!(
            t.contains("Penanda tangan: Ir. Budi") && t.contains("Tanda tangan: elektronik"),
            "the QR names the signer and the way of signing: {t}"
        );
        let basah = qr_facts_text(&QrFacts {
            marks: &SignatureMarks::Basah,
            hal: "Balasan",
            ..QrFacts {
                nomor: "1",
                tanggal: "1 Maret 2026",
                hal: "",
                penandatangan: "x",
                marks: &SignatureMarks::Basah,
                data_sha256: &h,
            }
        });
        assert!(
            basah.contains("tanpa sertifikat elektronik") && basah.contains("Hal: Balasan\n"),
            "a letter signed by hand says it carries no certificate: {basah}"
        );
    }
}
