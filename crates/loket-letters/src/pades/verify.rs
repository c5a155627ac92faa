//! Reading a letter's PDF signature back: the /ByteRange and /Contents of the last /Sig
//! dictionary, whether the PKCS#7 signature matches the covered bytes, whether it covers
//! the whole file, and whether the signer's chain ends at one of the office's roots.

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone};
use openssl::pkcs7::{Pkcs7, Pkcs7Flags};
use openssl::stack::Stack;
use openssl::x509::store::X509StoreBuilder;
use openssl::x509::X509;

use super::certificate::{verify_chain, CertificateInfo};
use super::incremental::rfind;

/// The signature found in a PDF.
pub struct PdfSignature {
    pub byte_range: [usize; 4],
    /// The DER PKCS#7 signature (placeholder padding removed).
    pub der: Vec<u8>,
    /// The /M moment of the signature dictionary.
    pub signed_at: Option<DateTime<FixedOffset>>,
    pub reason: String,
    pub name: String,
}

/// The outcome of checking a signature.
#[derive(Debug, Clone)]
pub struct SignatureCheck {
    /// The signature matches the bytes it covers.
    pub intact: bool,
    /// It covers the whole file (nothing appended after signing).
    pub whole_file: bool,
    pub signer: Option<CertificateInfo>,
    pub signed_at: Option<DateTime<FixedOffset>>,
    pub reason: String,
    /// The chain ends at an office root at the signing moment; else why not.
    pub trusted: Result<(), String>,
}

/// The last signature of `pdf`, if it has one.
pub fn read_signature(pdf: &[u8]) -> Option<PdfSignature> {
    let at = rfind(pdf, b"/ByteRange")?;
    let rest = std::str::from_utf8(pdf.get(at + 10..at + 10 + 80)?)
        .ok()
        .or_else(|| std::str::from_utf8(&pdf[at + 10..]).ok())?;
    let open = rest.find('[')?;
    let close = rest.find(']')?;
    let nums: Vec<usize> = rest[open + 1..close]
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    let [a, b, c, d] = <[usize; 4]>::try_from(nums).ok()?;
    if a != 0 || b + 2 > c || c + d > pdf.len() || pdf.get(b) != Some(&b'<') {
        return None;
    }
    let hex_text = std::str::from_utf8(&pdf[b + 1..c - 1]).ok()?;
    let mut der = hex::decode(hex_text.trim()).ok()?;
    der.truncate(der_len(&der)?);
    let dict_start = rfind(&pdf[..at], b"<<").unwrap_or(0);
    let dict_end = find(&pdf[c..], b"endobj")
        .map(|p| p + c)
        .unwrap_or(pdf.len());
    let dict = String::from_utf8_lossy(&pdf[dict_start..dict_end]).replace(hex_text, "");
    Some(PdfSignature {
        byte_range: [a, b, c, d],
        der,
        signed_at: string_value(&dict, "/M").and_then(|m| parse_pdf_date(&m)),
        reason: string_value(&dict, "/Reason").unwrap_or_default(),
        name: string_value(&dict, "/Name").unwrap_or_default(),
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The length of the DER value at the start of `der` (a SEQUENCE with definite length).
fn der_len(der: &[u8]) -> Option<usize> {
    if der.first() != Some(&0x30) {
        return None;
    }
    let first = *der.get(1)? as usize;
    if first < 0x80 {
        return Some(2 + first);
    }
    let n = first & 0x7f;
    let len = der
        .get(2..2 + n)?
        .iter()
        .fold(0usize, |acc, b| (acc << 8) | *b as usize);
    Some(2 + n + len)
}

/// A literal or UTF-16 hex string value of `key` in a dictionary's text.
fn string_value(dict: &str, key: &str) -> Option<String> {
    let at = dict.find(&format!("{key} "))? + key.len() + 1;
    let rest = dict[at..].trim_start();
    if let Some(lit) = rest.strip_prefix('(') {
        return Some(lit[..lit.find(')')?].to_string());
    }
    let hex_text = rest.strip_prefix('<')?;
    let bytes = hex::decode(&hex_text[..hex_text.find('>')?]).ok()?;
    let body = bytes.strip_prefix(&[0xFE, 0xFF][..])?;
    let units: Vec<u16> = body
        .chunks(2)
        .map(|p| u16::from_be_bytes([p[0], *p.get(1).unwrap_or(&0)]))
        .collect();
    String::from_utf16(&units).ok()
}

/// "D:20260302091500+07'00'" as a moment.
fn parse_pdf_date(m: &str) -> Option<DateTime<FixedOffset>> {
    let m = m.strip_prefix("D:")?;
    let local = NaiveDateTime::parse_from_str(m.get(..14)?, "%Y%m%d%H%M%S").ok()?;
    let tz = m.get(14..)?;
    let sign = if tz.starts_with('-') { -1 } else { 1 };
    let hh: i32 = tz.get(1..3).and_then(|x| x.parse().ok()).unwrap_or(0);
    let mm: i32 = tz.get(4..6).and_then(|x| x.parse().ok()).unwrap_or(0);
    FixedOffset::east_opt(sign * (hh * 3600 + mm * 60))?
        .from_local_datetime(&local)
        .single()
}

/// Checks the signature of `pdf` against the office's trusted roots (DER); the chain is
/// checked at the signing moment the dictionary names.
pub fn check(pdf: &[u8], sig: &PdfSignature, roots: &[Vec<u8>]) -> SignatureCheck {
    let [_, b, c, d] = sig.byte_range;
    let mut covered = pdf[..b].to_vec();
    covered.extend_from_slice(&pdf[c..c + d]);
    let whole_file = c + d == pdf.len();
    let parsed = Pkcs7::from_der(&sig.der).ok();
    let mut out = SignatureCheck {
        intact: false,
        whole_file,
        signer: None,
        signed_at: sig.signed_at,
        reason: sig.reason.clone(),
        trusted: Err("tanda tangan tidak dapat dibaca".into()),
    };
    let Some(p7) = parsed else {
        return out;
    };
    let (Ok(empty), Ok(store)) = (
        Stack::<X509>::new(),
        X509StoreBuilder::new().map(|b| b.build()),
    ) else {
        return out;
    };
    out.intact = p7
        .verify(
            &empty,
            &store,
            Some(&covered),
            None,
            Pkcs7Flags::BINARY | Pkcs7Flags::NOVERIFY,
        )
        .is_ok();
    let embedded: Vec<X509> = p7
        .signed()
        .and_then(|s| s.certificates())
        .map(|s| s.iter().map(|c| c.to_owned()).collect())
        .unwrap_or_default();
    let signer = p7.signers(&empty, Pkcs7Flags::empty()).ok();
    let Some(cert) = signer.as_ref().and_then(|s| s.iter().next()) else {
        return out;
    };
    out.signer = CertificateInfo::of(cert).ok();
    out.trusted = match sig.signed_at {
        Some(at) => verify_chain(cert, &embedded, roots, at).map_err(|e| e.to_string()),
        None => Err("tanda tangan tidak mencantumkan waktu penandatanganan (/M)".into()),
    };
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_read_back_with_their_offset() {
        let t = parse_pdf_date("D:20260302091500+07'00'").unwrap();
        assert_eq!(
            t.to_rfc3339(),
            "2026-03-02T09:15:00+07:00",
            "the signing moment keeps the office's offset"
        );
    }

    #[test]
    fn der_length_comes_from_the_header_not_the_padding() {
        assert_eq!(
            der_len(&[0x30, 0x82, 0x01, 0x00]),
            Some(4 + 256),
            "a long-form length"
        );
        assert_eq!(
            der_len(&[0x30, 0x03, 1, 2, 3, 0, 0]),
            Some(5),
            "a short one"
        );
        assert_eq!(der_len(&[0, 0]), None, "zeros are no signature");
    }
}
