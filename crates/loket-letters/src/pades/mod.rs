//! PAdES signatures on issued letters: [`Pkcs12Signer`] signs the PDF Typst wrote with a
//! detached PKCS#7 signature (`adbe.pkcs7.detached`: SHA-256, signing time, the signer's
//! certificate and its chain) made by OpenSSL with the key from the signer's PKCS#12 file,
//! appended as an incremental update so the rendered bytes stay exactly as shown;
//! [`read_signature`] and [`check`] read and verify it back.

pub mod certificate;
pub mod incremental;
mod verify;

use openssl::pkcs7::{Pkcs7, Pkcs7Flags};
use openssl::stack::Stack;

pub use certificate::{CertificateError, CertificateInfo, SigningKey};
pub use verify::{check, read_signature, PdfSignature, SignatureCheck};

use crate::seal::{SignatureMarks, SigningContext, SigningProvider};

/// Signs with the key and certificate of an opened PKCS#12 file, for one letter.
pub struct Pkcs12Signer {
    key: SigningKey,
    issuer: String,
    about: Option<SigningContext>,
}

impl Pkcs12Signer {
    /// A signer over an opened key; the footer names the certificate's issuer.
    pub fn new(key: SigningKey) -> Result<Pkcs12Signer, CertificateError> {
        let issuer = key.info()?.issuer_name;
        Ok(Pkcs12Signer {
            key,
            issuer,
            about: None,
        })
    }

    /// The letter this signer signs (number, signer, place, moment for the /Sig dictionary).
    pub fn about(mut self, about: SigningContext) -> Pkcs12Signer {
        self.about = Some(about);
        self
    }
}

impl SigningProvider for Pkcs12Signer {
    fn marks(&self) -> SignatureMarks {
        SignatureMarks::Elektronik {
            penerbit: self.issuer.clone(),
        }
    }

    fn sign(&self, pdf: Vec<u8>) -> Result<Vec<u8>, String> {
        let about = self
            .about
            .as_ref()
            .ok_or_else(|| "surat yang ditandatangani belum disebut".to_string())?;
        let reason = format!("Penandatanganan naskah dinas nomor {}", about.nomor);
        let prepared = incremental::prepare(
            &pdf,
            &incremental::SigInfo {
                name: &about.penandatangan,
                reason: &reason,
                location: &about.tempat,
                at: about.at,
            },
        )?;
        let mut chain = Stack::new().map_err(|e| e.to_string())?;
        for c in &self.key.chain {
            chain.push(c.clone()).map_err(|e| e.to_string())?;
        }
        let signature = Pkcs7::sign(
            &self.key.cert,
            &self.key.key,
            &chain,
            &prepared.signed_bytes(),
            Pkcs7Flags::DETACHED | Pkcs7Flags::BINARY,
        )
        .and_then(|p| p.to_der())
        .map_err(|e| format!("tanda tangan PKCS#7 gagal dibuat: {e}"))?;
        prepared.fill(&signature)
    }
}
