//! A certificate authority made during a test: a root, signer certificates with chosen
//! names, NIP and validity, and PKCS#12 files (also one whose key does not match).

#![allow(dead_code)]

use openssl::asn1::Asn1Time;
use openssl::bn::{BigNum, MsbOption};
use openssl::hash::MessageDigest;
use openssl::pkcs12::Pkcs12;
use openssl::pkey::{PKey, Private};
use openssl::rsa::Rsa;
use openssl::stack::Stack;
use openssl::x509::extension::{BasicConstraints, KeyUsage, SubjectKeyIdentifier};
use openssl::x509::{X509Builder, X509Name, X509NameBuilder, X509};

pub struct TestCa {
    pub key: PKey<Private>,
    pub cert: X509,
}

fn key() -> PKey<Private> {
    PKey::from_rsa(Rsa::generate(2048).unwrap()).unwrap()
}

fn name(entries: &[(&str, &str)]) -> X509Name {
    let mut n = X509NameBuilder::new().unwrap();
    for (k, v) in entries {
        n.append_entry_by_text(k, v).unwrap();
    }
    n.build()
}

fn serial() -> openssl::asn1::Asn1Integer {
    let mut bn = BigNum::new().unwrap();
    bn.rand(64, MsbOption::MAYBE_ZERO, false).unwrap();
    bn.to_asn1_integer().unwrap()
}

/// A signer certificate and its key.
pub struct Issued {
    pub key: PKey<Private>,
    pub cert: X509,
}

impl TestCa {
    /// A self-signed root valid 2020–2040 named `org`.
    pub fn new(org: &str) -> TestCa {
        let key = key();
        let subject = name(&[("CN", &format!("{org} Root CA")), ("O", org)]);
        let mut b = X509Builder::new().unwrap();
        b.set_version(2).unwrap();
        b.set_serial_number(&serial()).unwrap();
        b.set_subject_name(&subject).unwrap();
        b.set_issuer_name(&subject).unwrap();
        b.set_pubkey(&key).unwrap();
        b.set_not_before(&Asn1Time::from_str("20200101000000Z").unwrap())
            .unwrap();
        b.set_not_after(&Asn1Time::from_str("20400101000000Z").unwrap())
            .unwrap();
        b.append_extension(BasicConstraints::new().critical().ca().build().unwrap())
            .unwrap();
        b.append_extension(
            KeyUsage::new()
                .critical()
                .key_cert_sign()
                .crl_sign()
                .build()
                .unwrap(),
        )
        .unwrap();
        let ski = SubjectKeyIdentifier::new()
            .build(&b.x509v3_context(None, None))
            .unwrap();
        b.append_extension(ski).unwrap();
        b.sign(&key, MessageDigest::sha256()).unwrap();
        TestCa {
            key,
            cert: b.build(),
        }
    }

    pub fn pem(&self) -> Vec<u8> {
        self.cert.to_pem().unwrap()
    }

    /// A signer certificate for `cn` with `serial_number` (NIP/NIK) valid between two
    /// moments written `YYYYMMDDHHMMSSZ`.
    pub fn issue(&self, cn: &str, serial_number: &str, from: &str, to: &str) -> Issued {
        let key = key();
        let mut entries = vec![("CN", cn), ("O", "Pemerintah Daerah Uji")];
        if !serial_number.is_empty() {
            entries.push(("serialNumber", serial_number));
        }
        let mut b = X509Builder::new().unwrap();
        b.set_version(2).unwrap();
        b.set_serial_number(&serial()).unwrap();
        b.set_subject_name(&name(&entries)).unwrap();
        b.set_issuer_name(self.cert.subject_name()).unwrap();
        b.set_pubkey(&key).unwrap();
        b.set_not_before(&Asn1Time::from_str(from).unwrap())
            .unwrap();
        b.set_not_after(&Asn1Time::from_str(to).unwrap()).unwrap();
        b.append_extension(BasicConstraints::new().build().unwrap())
            .unwrap();
        b.append_extension(
            KeyUsage::new()
                .critical()
                .digital_signature()
                .non_repudiation()
                .build()
                .unwrap(),
        )
        .unwrap();
        b.sign(&self.key, MessageDigest::sha256()).unwrap();
        Issued {
            key,
            cert: b.build(),
        }
    }

    /// The PKCS#12 file of `issued` with this CA in its chain.
    pub fn p12(&self, issued: &Issued, passphrase: &str) -> Vec<u8> {
        let mut ca = Stack::new().unwrap();
        ca.push(self.cert.clone()).unwrap();
        Pkcs12::builder()
            .name("penanda tangan")
            .pkey(&issued.key)
            .cert(&issued.cert)
            .ca(ca)
            .build2(passphrase)
            .unwrap()
            .to_der()
            .unwrap()
    }

    /// A PKCS#12 file holding `issued`'s certificate but another key.
    pub fn p12_with_other_key(&self, issued: &Issued, passphrase: &str) -> Vec<u8> {
        let mut certs = Stack::new().unwrap();
        certs.push(issued.cert.clone()).unwrap();
        certs.push(self.cert.clone()).unwrap();
        Pkcs12::builder()
            .name("kunci lain")
            .pkey(&key())
            .ca(certs)
            .build2(passphrase)
            .unwrap()
            .to_der()
            .unwrap()
    }
}
