//! What makes an issued letter checkable: the SHA-256 of its PDF (the file's identity in
//! the store), the hash of its data (printed, shortened, in the QR code) and the QR text.
//!
//! Signing provider seam: an electronic signature (BSrE) would be applied to the PDF bytes
//! after rendering and before hashing; [`SigningProvider`] is that point. Loket ships
//! [`NoSignature`], which returns the bytes unchanged.

use sha2::{Digest, Sha256};

/// Hex characters of the data hash printed in the QR code.
pub const SHORT_HASH_LEN: usize = 16;

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The text of an issued letter's QR code: number, date and the short data hash.
pub fn qr_text(nomor: &str, tanggal: &str, data_sha256: &str) -> String {
    let short = data_sha256.get(..SHORT_HASH_LEN).unwrap_or(data_sha256);
    format!("NASKAH DINAS\nNomor: {nomor}\nTanggal: {tanggal}\nKode: {short}")
}

/// Where an electronic-signature provider plugs in: it receives the rendered PDF and
/// returns the signed PDF (or an error message in Bahasa Indonesia). The returned bytes
/// are what is stored, hashed and verified.
pub trait SigningProvider {
    fn sign(&self, pdf: Vec<u8>) -> Result<Vec<u8>, String>;
}

/// No electronic signature: the letter is signed on paper or by the QR code alone.
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
}
