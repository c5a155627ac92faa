//! Signer certificates: a PKCS#12 file opened with its passphrase (key and certificate
//! checked to belong together), what a certificate says (subject, issuer, validity, the
//! NIK/NIP it names) and its chain checked against the office's trusted roots at a moment.

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use openssl::asn1::{Asn1Time, Asn1TimeRef};
use openssl::hash::MessageDigest;
use openssl::nid::Nid;
use openssl::pkcs12::Pkcs12;
use openssl::pkey::{PKey, Private};
use openssl::stack::Stack;
use openssl::x509::store::X509StoreBuilder;
use openssl::x509::verify::X509VerifyParam;
use openssl::x509::{X509NameRef, X509Ref, X509StoreContext, X509};

/// Why a certificate or key cannot be used, in Bahasa Indonesia.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum CertificateError {
    #[error("berkas sertifikat bukan PKCS#12 (.p12/.pfx) yang sah: {0}")]
    NotPkcs12(String),
    #[error("passphrase sertifikat salah, atau berkas .p12 rusak; ketik ulang passphrase yang dibuat saat sertifikat diterbitkan")]
    WrongPassphrase,
    #[error("berkas .p12 tidak memuat {0}; minta berkas lengkap (kunci privat dan sertifikat) dari penerbit sertifikat")]
    Incomplete(&'static str),
    #[error("kunci privat di berkas .p12 tidak cocok dengan sertifikatnya; berkas ini tidak dapat dipakai untuk menandatangani")]
    KeyMismatch,
    #[error("sertifikat bukan sertifikat X.509 yang sah: {0}")]
    NotCertificate(String),
    #[error("sertifikat {subject} {why}")]
    Invalid { subject: String, why: String },
    #[error("rantai sertifikat {subject} tidak berujung pada akar tepercaya kantor ({why}); impor sertifikat akar penerbitnya dengan `loket signer trust`")]
    Untrusted { subject: String, why: String },
    #[error("sertifikat tidak dapat dibaca: {0}")]
    Openssl(String),
}

fn ossl(e: openssl::error::ErrorStack) -> CertificateError {
    CertificateError::Openssl(e.to_string())
}

/// What a certificate says, for the register and the letter's footer.
#[derive(Debug, Clone, PartialEq)]
pub struct CertificateInfo {
    /// "CN=…, O=…" in the certificate's order.
    pub subject: String,
    pub subject_cn: String,
    pub issuer: String,
    /// The issuer's organisation (else its common name): "Balai Besar Sertifikasi Elektronik".
    pub issuer_name: String,
    /// The subject's serialNumber (BSrE puts the NIK there), else empty.
    pub serial_number: String,
    pub not_before: DateTime<Utc>,
    pub not_after: DateTime<Utc>,
    /// Lower-case hex SHA-256 of the DER certificate.
    pub fingerprint: String,
    pub der: Vec<u8>,
}

impl CertificateInfo {
    /// Reads what `cert` says.
    pub fn of(cert: &X509Ref) -> Result<CertificateInfo, CertificateError> {
        let der = cert.to_der().map_err(ossl)?;
        let fingerprint = hex::encode(cert.digest(MessageDigest::sha256()).map_err(ossl)?);
        let issuer_name = {
            let o = entry(cert.issuer_name(), Nid::ORGANIZATIONNAME);
            if o.is_empty() {
                entry(cert.issuer_name(), Nid::COMMONNAME)
            } else {
                o
            }
        };
        Ok(CertificateInfo {
            subject: name_line(cert.subject_name()),
            subject_cn: entry(cert.subject_name(), Nid::COMMONNAME),
            issuer: name_line(cert.issuer_name()),
            issuer_name,
            serial_number: entry(cert.subject_name(), Nid::SERIALNUMBER),
            not_before: utc(cert.not_before())?,
            not_after: utc(cert.not_after())?,
            fingerprint,
            der,
        })
    }

    /// Reads a certificate from PEM or DER bytes.
    pub fn parse(bytes: &[u8]) -> Result<CertificateInfo, CertificateError> {
        let cert = x509(bytes)?;
        CertificateInfo::of(&cert)
    }

    /// Whether the certificate names this NIP (or NIK): in its serialNumber or anywhere in
    /// its subject, digits compared without spaces.
    pub fn names_number(&self, number: &str) -> bool {
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        if digits.len() < 16 {
            return false;
        }
        let subject: String = self
            .subject
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == ',')
            .collect();
        subject.split(',').any(|part| part.contains(&digits))
    }

    /// Refuses a certificate not valid at `now`.
    pub fn check_valid_at(&self, now: DateTime<FixedOffset>) -> Result<(), CertificateError> {
        let now = now.with_timezone(&Utc);
        let why = if now < self.not_before {
            format!("belum berlaku (berlaku mulai {})", day(self.not_before))
        } else if now > self.not_after {
            format!(
                "sudah kedaluwarsa sejak {}; perbarui sertifikat di penerbitnya lalu daftarkan yang baru",
                day(self.not_after)
            )
        } else {
            return Ok(());
        };
        Err(CertificateError::Invalid {
            subject: self.subject_cn.clone(),
            why,
        })
    }
}

fn day(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d").to_string()
}

/// A certificate from PEM or DER bytes.
pub fn x509(bytes: &[u8]) -> Result<X509, CertificateError> {
    X509::from_pem(bytes)
        .or_else(|_| X509::from_der(bytes))
        .map_err(|e| CertificateError::NotCertificate(e.to_string()))
}

/// Every certificate in a PEM bundle (or the one DER certificate).
pub fn x509_all(bytes: &[u8]) -> Result<Vec<X509>, CertificateError> {
    match X509::stack_from_pem(bytes) {
        Ok(v) if !v.is_empty() => Ok(v),
        _ => Ok(vec![x509(bytes)?]),
    }
}

fn entry(name: &X509NameRef, nid: Nid) -> String {
    name.entries_by_nid(nid)
        .next()
        .and_then(|e| e.data().to_string().ok())
        .unwrap_or_default()
}

fn name_line(name: &X509NameRef) -> String {
    name.entries()
        .map(|e| {
            let key = e.object().nid().short_name().unwrap_or("?");
            let val = e.data().to_string().unwrap_or_default();
            format!("{key}={val}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn utc(t: &Asn1TimeRef) -> Result<DateTime<Utc>, CertificateError> {
    let epoch = Asn1Time::from_unix(0).map_err(ossl)?;
    let d = epoch.diff(t).map_err(ossl)?;
    let secs = i64::from(d.days) * 86_400 + i64::from(d.secs);
    Utc.timestamp_opt(secs, 0)
        .single()
        .ok_or_else(|| CertificateError::Openssl("waktu sertifikat di luar jangkauan".into()))
}

/// The key, certificate and chain of a PKCS#12 file; only ever held in memory.
pub struct SigningKey {
    pub(crate) key: PKey<Private>,
    pub(crate) cert: X509,
    pub(crate) chain: Vec<X509>,
}

impl SigningKey {
    /// Opens a PKCS#12 file with its passphrase and checks that the key belongs to the
    /// certificate.
    pub fn open(p12: &[u8], passphrase: &str) -> Result<SigningKey, CertificateError> {
        if passphrase.contains('\0') {
            return Err(CertificateError::WrongPassphrase);
        }
        let parsed = Pkcs12::from_der(p12)
            .map_err(|e| CertificateError::NotPkcs12(e.to_string()))?
            .parse2(passphrase)
            .map_err(|_| CertificateError::WrongPassphrase)?;
        let key = parsed
            .pkey
            .ok_or(CertificateError::Incomplete("kunci privat"))?;
        // OpenSSL pairs the key with the certificate it belongs to; a file whose only
        // certificates belong to other keys has none paired.
        let others = parsed.ca.as_ref().is_some_and(|c| !c.is_empty());
        let cert = parsed.cert.ok_or(if others {
            CertificateError::KeyMismatch
        } else {
            CertificateError::Incomplete("sertifikat penanda tangan")
        })?;
        let cert_key = cert.public_key().map_err(ossl)?;
        if !cert_key.public_eq(&key) {
            return Err(CertificateError::KeyMismatch);
        }
        let chain = parsed
            .ca
            .map(|s| s.into_iter().collect())
            .unwrap_or_default();
        Ok(SigningKey { key, cert, chain })
    }

    /// The signer's certificate.
    pub fn certificate(&self) -> &X509Ref {
        &self.cert
    }

    /// The CA certificates the file carries with it.
    pub fn chain(&self) -> &[X509] {
        &self.chain
    }

    /// What the signer's certificate says.
    pub fn info(&self) -> Result<CertificateInfo, CertificateError> {
        CertificateInfo::of(&self.cert)
    }
}

/// Checks that `cert` chains (through `intermediates`) to one of `roots` (DER) at `at`.
pub fn verify_chain(
    cert: &X509Ref,
    intermediates: &[X509],
    roots: &[Vec<u8>],
    at: DateTime<FixedOffset>,
) -> Result<(), CertificateError> {
    let subject = entry(cert.subject_name(), Nid::COMMONNAME);
    if roots.is_empty() {
        return Err(CertificateError::Untrusted {
            subject,
            why: "kantor belum mengimpor akar tepercaya".into(),
        });
    }
    let mut store = X509StoreBuilder::new().map_err(ossl)?;
    for r in roots {
        store.add_cert(x509(r)?).map_err(ossl)?;
    }
    let mut param = X509VerifyParam::new().map_err(ossl)?;
    param.set_time(at.timestamp() as _);
    store.set_param(&param).map_err(ossl)?;
    let store = store.build();
    let mut chain = Stack::new().map_err(ossl)?;
    for c in intermediates {
        chain.push(c.clone()).map_err(ossl)?;
    }
    let mut ctx = X509StoreContext::new().map_err(ossl)?;
    let (ok, why) = ctx
        .init(&store, cert, &chain, |c| {
            let ok = c.verify_cert()?;
            Ok((ok, c.error().error_string().to_string()))
        })
        .map_err(ossl)?;
    if ok {
        Ok(())
    } else {
        Err(CertificateError::Untrusted { subject, why })
    }
}
