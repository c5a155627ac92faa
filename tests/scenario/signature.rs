//! Electronic signatures through loket-api: an administrator registers the Kepala Dinas's
//! certificate once from their PKCS#12 file (a CA made in the test), every bad file is
//! refused with nothing stored, the Kepala Dinas signs a fully initialled letter with the
//! passphrase, `pdfsig` reports the stored PDF's signature valid over the whole file, and
//! `letter.verify` says ASLI / DIUBAH / TIDAK DIKENAL with who signed and when.

#[path = "office.rs"]
mod office;

#[path = "fo_letter.rs"]
mod fo_letter;
#[path = "signature_refusals.rs"]
mod refusals;
#[path = "../../crates/loket-letters/tests/support/test_ca.rs"]
mod test_ca;

use std::process::Command;

use chrono::{DateTime, FixedOffset};
use loket_api::account::{Actor, NewAccount};
use loket_api::letter::flow::SignWith;
use loket_api::signer::{NewSignerCertificate, Pkcs12Input};
use loket_api::{ErrorCode, Loket};
use office::{at, Office, PASSWORD};
use test_ca::TestCa;

const NIP: &str = "197005122001121007";
const PASS: &str = "passphrase-kadis";

struct Demak {
    o: Office,
    kadis: Actor,
    draft: i64,
}

/// Demak with a Kepala Dinas who has a NIP and a recommendation waiting for signature.
fn waiting_for_signature() -> Demak {
    let mut o = Office::new("demak");
    let preparer = o.account(
        "staf.fo",
        "staf-fo",
        Some(vec![loket_domain::roles::Role::Register]),
    );
    let kabid = o.account("kabid.aptika", "kepala-bidang-aptika", None);
    let sekretaris = o.account("sekretaris", "sekretaris", None);
    let t = at("2026-03-02T07:05:00+07:00");
    let admin = o.admin.clone();
    let l = &mut o.loket;
    l.account_create(
        &admin,
        &NewAccount {
            login: "kadis".into(),
            name: "Ir. Budi Santoso, M.T.".into(),
            nip: NIP.into(),
            position_id: "kepala-dinas".into(),
            roles: None,
            password: PASSWORD.into(),
        },
        t,
    )
    .unwrap();
    let kadis = l.sign_in("kadis", PASSWORD).unwrap();
    let case_id = fo_letter::prepare(l, &admin);
    let chain = fo_letter::Chain {
        preparer: &preparer,
        kabid: &kabid,
        sekretaris: &sekretaris,
    };
    let draft = fo_letter::initialled_by(l, &chain, case_id, at("2026-03-03T09:00:00+07:00"));
    Demak { o, kadis, draft }
}

fn now() -> DateTime<FixedOffset> {
    at("2026-03-04T10:30:00+07:00")
}

fn add(l: &mut Loket, admin: &Actor, p12: &[u8], pass: &str) -> Result<(), (ErrorCode, String)> {
    l.signer_add(
        admin,
        &NewSignerCertificate {
            account: "kadis",
            key: Pkcs12Input {
                p12,
                passphrase: pass,
            },
        },
        now(),
    )
    .map(|_| ())
    .map_err(|e| (e.code, e.message))
}

fn refused(r: Result<(), (ErrorCode, String)>, words: &str, rule: &str) {
    match r {
        Ok(()) => panic!("{rule}: it was accepted"),
        Err((code, message)) => {
            assert_eq!(code, ErrorCode::BadInput, "{rule}: bad input ({message})");
            assert!(
                message.contains(words),
                "{rule}: the message says '{words}': {message}"
            );
        }
    }
}

#[test]
fn a_registered_certificate_signs_and_anyone_can_check_the_letter() {
    let mut d = waiting_for_signature();
    let admin = d.o.admin.clone();
    let l = &mut d.o.loket;
    let ca = TestCa::new("Balai Sertifikasi Uji");
    let mine = ca.issue(
        "Ir. Budi Santoso, M.T.",
        NIP,
        "20250101000000Z",
        "20350101000000Z",
    );
    let p12 = ca.p12(&mine, PASS);

    refused(
        add(l, &admin, &p12, PASS),
        "akar tepercaya",
        "a certificate whose CA the office has not imported is refused",
    );
    assert_eq!(
        l.signer_trust(&d.kadis, &ca.pem(), now()).unwrap_err().code,
        ErrorCode::Forbidden,
        "only an administrator imports trusted roots"
    );
    let roots = l.signer_trust(&admin, &ca.pem(), now()).unwrap();
    assert_eq!(roots.len(), 1, "the test CA becomes a trusted root");
    assert!(
        l.signer_trust(&admin, &ca.pem(), now()).unwrap().is_empty(),
        "importing it again adds nothing"
    );

    refused(
        add(l, &admin, &p12, "salah"),
        "passphrase",
        "a wrong passphrase",
    );
    let expired = ca.issue(
        "Ir. Budi Santoso, M.T.",
        NIP,
        "20200101000000Z",
        "20250101000000Z",
    );
    refused(
        add(l, &admin, &ca.p12(&expired, PASS), PASS),
        "kedaluwarsa",
        "an expired certificate",
    );
    let other = ca.issue(
        "Siti Aminah",
        "198001012005012002",
        "20250101000000Z",
        "20350101000000Z",
    );
    refused(
        add(l, &admin, &ca.p12(&other, PASS), PASS),
        "milik orang lain",
        "a certificate of someone else",
    );
    refused(
        add(l, &admin, &ca.p12_with_other_key(&mine, PASS), PASS),
        "tidak cocok",
        "a key that does not match the certificate",
    );
    assert!(
        l.signer_list(&admin, now()).unwrap().is_empty(),
        "nothing refused is stored"
    );
    assert_eq!(
        l.signer_add(
            &d.kadis,
            &NewSignerCertificate {
                account: "kadis",
                key: Pkcs12Input {
                    p12: &p12,
                    passphrase: PASS
                }
            },
            now()
        )
        .unwrap_err()
        .code,
        ErrorCode::Forbidden,
        "registering certificates is for administrators"
    );

    add(l, &admin, &p12, PASS).unwrap();
    let list = l.signer_list(&admin, now()).unwrap();
    assert_eq!(list.len(), 1, "the certificate is registered once");
    assert!(
        list[0].names_nip && list[0].state == "berlaku",
        "it names the Kepala Dinas's NIP and is valid now: {:?}",
        list[0]
    );
    assert_eq!(
        list[0].issuer_name, "Balai Sertifikasi Uji",
        "the issuer is read from the certificate"
    );
    let trail = l.audit_trail(&admin, None).unwrap();
    assert!(
        trail.iter().any(|e| e.action == "signer.add")
            && trail.iter().any(|e| e.action == "signer.trust"),
        "registering and trusting are audited"
    );
    assert!(
        !trail
            .iter()
            .any(|e| e.after.as_deref().unwrap_or("").contains(PASS)),
        "the passphrase is never stored"
    );

    // Signing: a wrong passphrase or an unregistered certificate consumes nothing.
    let sign = |l: &mut Loket, p12: &[u8], pass: &str| {
        l.letter_sign_with(
            &d.kadis,
            d.draft,
            &SignWith::Certificate(Pkcs12Input {
                p12,
                passphrase: pass,
            }),
            now(),
        )
    };
    assert_eq!(
        sign(l, &p12, "keliru").unwrap_err().code,
        ErrorCode::BadInput,
        "a wrong passphrase at signing is refused"
    );
    let second = ca.issue(
        "Ir. Budi Santoso, M.T.",
        NIP,
        "20250101000000Z",
        "20350101000000Z",
    );
    let unregistered = sign(l, &ca.p12(&second, PASS), PASS).unwrap_err();
    assert!(
        unregistered.code == ErrorCode::BadInput
            && unregistered.message.contains("belum didaftarkan"),
        "a certificate not registered for the signer is refused: {}",
        unregistered.message
    );
    assert_eq!(
        l.letter_number_list(Some(2026)).unwrap()[0].status,
        "dipesan",
        "a refused signature fixes no number"
    );
    assert!(l.letter_list(None).unwrap().is_empty(), "nothing is issued");

    let v = sign(l, &p12, PASS).unwrap();
    assert_eq!(
        v.status, "terbit",
        "signed with the certificate, the letter is issued"
    );
    let issued = v.issued.clone().unwrap();
    let pdf = l.letter_pdf(&issued.nomor).unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../artifacts/letters");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("alur-demak-rekomendasi-fo-tte.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let _ = Command::new("pdftoppm")
        .args(["-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&file)
        .arg(dir.join("alur-demak-rekomendasi-fo-tte"))
        .status();
    let out = Command::new("pdfsig")
        .arg("-nocert")
        .arg(&file)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("Signature is Valid") && report.contains("Total document signed"),
        "pdfsig finds the stored letter's signature valid over the whole file:\n{report}"
    );

    let genuine = l.letter_verify(&pdf).unwrap();
    assert_eq!(
        genuine.status, "ASLI",
        "the stored file: {}",
        genuine.verdict
    );
    let sig = genuine
        .signature
        .clone()
        .expect("the signature is reported");
    assert!(
        sig.intact && sig.whole_file && sig.trusted,
        "intact, whole file, chained to the office's root: {sig:?}"
    );
    assert!(
        sig.signer.contains("Budi Santoso")
            && sig.signed_at.as_deref() == Some("2026-03-04T10:30:00+07:00"),
        "who signed and when: {sig:?}"
    );
    assert!(
        genuine.verdict.contains(&issued.nomor),
        "the verdict names the letter: {}",
        genuine.verdict
    );

    let mut altered = pdf.clone();
    altered[pdf.len() / 3] ^= 0x01;
    let changed = l.letter_verify(&altered).unwrap();
    assert_eq!(
        changed.status, "DIUBAH",
        "a changed byte of a signed letter: {}",
        changed.verdict
    );
    assert!(
        !changed.signature.unwrap().intact,
        "the signature no longer matches"
    );
    assert!(
        changed.verdict.contains(&issued.nomor) && changed.verdict.contains("Budi Santoso"),
        "DIUBAH names the letter it claims to be and who signed it: {}",
        changed.verdict
    );
    let unknown = l.letter_verify(b"%PDF-1.7\nbukan surat\n").unwrap();
    assert_eq!(unknown.status, "TIDAK DIKENAL", "{}", unknown.verdict);
}

#[test]
fn a_letter_signed_by_hand_has_no_pdf_signature_and_says_so() {
    let mut d = waiting_for_signature();
    let l = &mut d.o.loket;
    let v = l.letter_sign(&d.kadis, d.draft, now()).unwrap();
    let pdf = l.letter_pdf(&v.issued.unwrap().nomor).unwrap();
    let report = l.letter_verify(&pdf).unwrap();
    assert!(
        report.status == "ASLI" && report.signature.is_none(),
        "a letter signed by hand is genuine by the register alone: {}",
        report.verdict
    );
    let events = v.events.last().unwrap();
    assert!(
        events.note.contains("tanpa sertifikat"),
        "the step records that no certificate signed it: {}",
        events.note
    );
}
