//! Issued letters and their stored PDFs against their audited state: an agenda row edited in
//! the file, a row added there for any PDF, a row deleted, or a stored PDF whose bytes were
//! swapped would otherwise pass for what Loket issued. The register is compared in
//! [`super::audited_numbers`].

use std::collections::HashMap;

use loket_db::audit::AuditRow;
use loket_db::issued_letters::IssuedLetter;
use loket_db::Db;
use loket_letters::seal;
use serde_json::{json, Value};

use super::audited_rows::{differing, edited, entity_id, newest_snapshots, unaudited};
use crate::ApiError;

/// What the issuing acts record of an agenda row (`letter.issue`: all of them in new entries;
/// `letter.sign` of the draft: the PDF's hash and the content, as `data`).
const LETTER_FIELDS: &[&str] = &[
    "nomor",
    "kind",
    "tanggal",
    "hal",
    "signer",
    "pdf_sha256",
    "content_sha256",
    "data",
];

/// One line per issued letter, stored PDF or register number that differs from what the
/// audit trail recorded, or that no audited act wrote.
pub(crate) fn letters(db: &Db, trail: &[AuditRow]) -> Result<Vec<String>, ApiError> {
    let issued = db.issued_letters(None)?;
    let (mut problems, register) = issued_letters(db, trail, &issued)?;
    db.each_letter_file(|sha, bytes, pdf| {
        let label = format!("berkas PDF surat {sha}");
        let mut differ = Vec::new();
        if seal::sha256_hex(pdf) != sha {
            differ.push("pdf");
        }
        if usize::try_from(bytes).ok() != Some(pdf.len()) {
            differ.push("bytes");
        }
        if !differ.is_empty() {
            problems.push(format!(
                "data: {label}: kolom {} tidak cocok dengan SHA-256 yang tercatat; berkas diubah di luar Loket",
                differ.join(", ")
            ));
        }
    })?;
    problems.extend(super::audited_numbers::numbers(db, trail, &register)?);
    Ok(problems)
}

/// The problem lines of the agenda, and for each issued letter's number id the text the
/// register must hold: the audited number where the issuing recorded it, else the letter's.
fn issued_letters(
    db: &Db,
    trail: &[AuditRow],
    issued: &[IssuedLetter],
) -> Result<(Vec<String>, HashMap<i64, String>), ApiError> {
    // A direct issue records the agenda row under its own entity.
    let direct = newest_snapshots(trail, |e, v| {
        (v.get("nomor").is_some() && v.get("pdf_sha256").is_some())
            .then(|| entity_id(e, "surat-terbit:"))
            .flatten()
    });
    // A signed draft records the letter it became.
    let signed = newest_snapshots(trail, |e, v| {
        e.entity
            .starts_with("letter_draft:")
            .then(|| v.get("issued_letter_id").and_then(Value::as_i64))
            .flatten()
            .map(|id| id.to_string())
    });
    let mut problems = Vec::new();
    let mut register = HashMap::new();
    let mut recorded: Vec<i64> = direct
        .keys()
        .chain(signed.keys())
        .filter_map(|k| k.parse().ok())
        .filter(|id| !issued.iter().any(|l| l.id == *id))
        .collect();
    recorded.sort_unstable();
    recorded.dedup();
    for id in recorded {
        problems.push(format!(
            "data: surat terbit id {id} tercatat di jejak audit tetapi tidak ada lagi; baris dihapus di luar Loket"
        ));
    }
    for l in issued {
        let label = format!("surat terbit {} (id {})", l.nomor, l.id);
        let now = json!({
            "nomor": l.nomor,
            "kind": l.kind,
            "tanggal": l.tanggal,
            "hal": l.hal,
            "signer": l.signer,
            "pdf_sha256": l.pdf_sha256,
            "content_sha256": l.content_sha256,
            "data": l.data,
        });
        let id = l.id.to_string();
        let audited = if let Some(v) = direct.get(&id) {
            let mut v = v.clone();
            if let Some(name) = v.get("penandatangan").cloned() {
                v["signer"] = name;
            }
            v
        } else if let Some(v) = signed.get(&id) {
            json!({ "pdf_sha256": v.get("pdf_sha256"), "data": v.get("content") })
        } else {
            problems.push(unaudited(&label));
            continue;
        };
        let mut differ: Vec<&str> = differing(LETTER_FIELDS, &now, &audited)
            .into_iter()
            // A signing entry written before it recorded the hash has `null` there.
            .filter(|f| !audited.get(f).is_some_and(Value::is_null))
            .collect();
        match audited.get("nomor").and_then(Value::as_str) {
            Some(nomor) => {
                register.insert(l.number_id, nomor.to_string());
            }
            // Without an audited number the register's row is the other witness.
            None => {
                register.insert(l.number_id, l.nomor.clone());
                let held = db.registered_number(l.number_id)?.map(|n| n.number);
                if held.as_deref() != Some(l.nomor.as_str()) {
                    differ.push("nomor");
                }
            }
        }
        if !differ.is_empty() {
            problems.push(edited(&label, &differ));
        }
    }
    Ok((problems, register))
}
