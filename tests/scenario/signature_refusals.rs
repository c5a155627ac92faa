//! Refusals at signing (`letter.sign` with a PKCS#12 file), beyond a wrong passphrase and an
//! unregistered certificate: a registered certificate that has expired since, a file whose
//! key does not belong to the registered certificate, and another person's registered
//! certificate. Each is refused with a message in Bahasa Indonesia; the reserved number stays
//! 'dipesan', nothing is issued, nothing is audited, and the draft still waits for signature.

use chrono::{DateTime, FixedOffset};
use loket_api::account::Actor;
use loket_api::letter::flow::SignWith;
use loket_api::signer::{NewSignerCertificate, Pkcs12Input};
use loket_api::{ErrorCode, Loket};

use super::office::at;
use super::test_ca::TestCa;
use super::{now, waiting_for_signature, NIP, PASS};

fn register(l: &mut Loket, admin: &Actor, account: &str, p12: &[u8]) {
    l.signer_add(
        admin,
        &NewSignerCertificate {
            account,
            key: Pkcs12Input {
                p12,
                passphrase: PASS,
            },
        },
        now(),
    )
    .unwrap_or_else(|e| panic!("the certificate of {account} is registered: {}", e.message));
}

/// What a refused signature must leave as it was.
struct Untouched {
    audit: usize,
}

impl Untouched {
    fn check(&self, l: &Loket, admin: &Actor, kadis: &Actor, draft: i64, rule: &str) {
        let numbers = l.letter_number_list(Some(2026)).unwrap();
        assert_eq!(
            numbers.len(),
            1,
            "{rule}: the register holds only the reserved number"
        );
        assert_eq!(
            numbers[0].status, "dipesan",
            "{rule}: the reserved number is not consumed"
        );
        assert!(
            l.letter_list(None).unwrap().is_empty(),
            "{rule}: no issued letter is stored"
        );
        assert_eq!(
            l.audit_trail(admin, None).unwrap().len(),
            self.audit,
            "{rule}: a refusal writes nothing to the audit trail"
        );
        let view = l.letter_show(kadis, draft, now()).unwrap();
        assert_eq!(
            view.status, "menunggu_tanda_tangan",
            "{rule}: the draft still waits for signature"
        );
        assert!(view.issued.is_none(), "{rule}: the draft is not issued");
    }
}

fn refused_at_signing(
    l: &mut Loket,
    kadis: &Actor,
    draft: i64,
    p12: &[u8],
    when: DateTime<FixedOffset>,
    words: &[&str],
    rule: &str,
) {
    let err = l
        .letter_sign_with(
            kadis,
            draft,
            &SignWith::Certificate(Pkcs12Input {
                p12,
                passphrase: PASS,
            }),
            when,
        )
        .err()
        .unwrap_or_else(|| panic!("{rule}: the letter was signed"));
    assert_eq!(
        err.code,
        ErrorCode::BadInput,
        "{rule}: refused as bad input: {}",
        err.message
    );
    for w in words {
        assert!(
            err.message.contains(w),
            "{rule}: the message says '{w}': {}",
            err.message
        );
    }
}

#[test]
fn signing_refuses_an_expired_a_mismatched_or_another_persons_certificate_and_uses_no_number() {
    let mut d = waiting_for_signature();
    let admin = d.o.admin.clone();
    let kadis = d.kadis.clone();
    let draft = d.draft;
    let l = &mut d.o.loket;
    let ca = TestCa::new("Balai Sertifikasi Uji");
    l.signer_trust(&admin, &ca.pem(), now()).unwrap();

    // Registered while valid; it ends the morning after the registration.
    let short = ca.issue(
        "Ir. Budi Santoso, M.T.",
        NIP,
        "20250101000000Z",
        "20260305000000Z",
    );
    let mine = ca.issue(
        "Ir. Budi Santoso, M.T.",
        NIP,
        "20250101000000Z",
        "20350101000000Z",
    );
    let sekretaris = ca.issue(
        "Pegawai sekretaris",
        "",
        "20250101000000Z",
        "20350101000000Z",
    );
    register(l, &admin, "kadis", &ca.p12(&short, PASS));
    register(l, &admin, "kadis", &ca.p12(&mine, PASS));
    register(l, &admin, "sekretaris", &ca.p12(&sekretaris, PASS));
    let untouched = Untouched {
        audit: l.audit_trail(&admin, None).unwrap().len(),
    };
    untouched.check(l, &admin, &kadis, draft, "before any attempt");

    let later = at("2026-03-05T09:00:00+07:00");
    refused_at_signing(
        l,
        &kadis,
        draft,
        &ca.p12(&short, PASS),
        later,
        &["kedaluwarsa", "Ir. Budi Santoso"],
        "a certificate registered while valid is refused once it has expired",
    );
    untouched.check(l, &admin, &kadis, draft, "an expired certificate");

    refused_at_signing(
        l,
        &kadis,
        draft,
        &ca.p12_with_other_key(&mine, PASS),
        now(),
        &["tidak cocok"],
        "a PKCS#12 file whose key does not belong to the registered certificate",
    );
    untouched.check(l, &admin, &kadis, draft, "a key not matching");

    refused_at_signing(
        l,
        &kadis,
        draft,
        &ca.p12(&sekretaris, PASS),
        now(),
        &["terdaftar untuk akun sekretaris", "bukan kadis"],
        "another person's registered certificate",
    );
    untouched.check(l, &admin, &kadis, draft, "another person's certificate");

    let signed = l
        .letter_sign_with(
            &kadis,
            draft,
            &SignWith::Certificate(Pkcs12Input {
                p12: &ca.p12(&mine, PASS),
                passphrase: PASS,
            }),
            now(),
        )
        .unwrap();
    assert_eq!(
        signed.status, "terbit",
        "the refusals left the draft signable: the Kepala Dinas's own valid certificate signs it"
    );
    assert_eq!(
        l.letter_number_list(Some(2026)).unwrap()[0].status,
        "tetap",
        "the number is fixed by the one signature that succeeded"
    );
}
