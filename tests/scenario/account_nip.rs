//! An account's NIP follows the rule officials follow (issue 16): typed with spaces or a
//! "NIP." label it is stored as its 18 digits, anything else (a 16-digit NIK) is refused and
//! nothing is stored, an empty NIP stays allowed, and the letter the account signs prints it
//! grouped, labelled "NIP." once.

#[path = "office.rs"]
mod office;

#[path = "fo_letter.rs"]
mod fo_letter;

use loket_api::account::NewAccount;
use loket_api::ErrorCode;
use loket_domain::roles::Role;
use office::{at, Office, PASSWORD};

fn new_account(login: &str, post: &str, nip: &str) -> NewAccount {
    NewAccount {
        login: login.into(),
        name: "Ir. Budi Santoso, M.T.".into(),
        nip: nip.into(),
        position_id: post.into(),
        roles: None,
        password: PASSWORD.into(),
    }
}

#[test]
fn an_account_nip_is_checked_stored_as_digits_and_signed_grouped_once() {
    let mut o = Office::new("demak");
    let admin = o.admin.clone();
    let t = at("2026-03-02T07:10:00+07:00");

    let err = o
        .loket
        .account_create(
            &admin,
            &new_account("kadis", "kepala-dinas", "1970051220011210"),
            t,
        )
        .unwrap_err();
    assert!(
        err.code == ErrorCode::BadInput
            && err.message.contains("NIP harus 18 angka")
            && err.message.contains("16 angka"),
        "a 16-digit number is refused with the officials' rule, saying how many digits were typed: {}",
        err.message
    );
    assert!(
        !o.loket
            .account_list(&admin)
            .unwrap()
            .iter()
            .any(|a| a.id == "kadis"),
        "a refused account is not stored"
    );

    let made = o
        .loket
        .account_create(
            &admin,
            &new_account("kadis", "kepala-dinas", "NIP. 197005122001121007"),
            t,
        )
        .unwrap();
    assert_eq!(
        made.nip, "197005122001121007",
        "a NIP typed with its label is stored as its 18 digits, the label dropped"
    );
    let spaced = o
        .loket
        .account_create(
            &admin,
            &new_account("sekretaris", "sekretaris", " 19750101 200003 2 002 "),
            t,
        )
        .unwrap();
    assert_eq!(
        spaced.nip, "197501012000032002",
        "a NIP typed grouped with spaces is stored as its digits"
    );
    let none = o
        .loket
        .account_create(
            &admin,
            &NewAccount {
                roles: Some(vec![Role::Register]),
                ..new_account("staf.fo", "staf-fo", "")
            },
            t,
        )
        .unwrap();
    assert_eq!(
        none.nip, "",
        "an account without a NIP (not a civil servant) is allowed"
    );
    let listed = o.loket.account_list(&admin).unwrap();
    assert!(
        listed
            .iter()
            .any(|a| a.id == "kadis" && a.nip == "197005122001121007"),
        "the stored account carries the normalised NIP: {listed:?}"
    );

    let l = &mut o.loket;
    let kadis = l.sign_in("kadis", PASSWORD).unwrap();
    let sekretaris = l.sign_in("sekretaris", PASSWORD).unwrap();
    let preparer = l.sign_in("staf.fo", PASSWORD).unwrap();
    let kabid = {
        l.account_create(&admin, &new_account("kabid", "kepala-bidang-aptika", ""), t)
            .unwrap();
        l.sign_in("kabid", PASSWORD).unwrap()
    };
    let case_id = fo_letter::prepare(l, &admin);
    let chain = fo_letter::Chain {
        preparer: &preparer,
        kabid: &kabid,
        sekretaris: &sekretaris,
    };
    let now = at("2026-03-03T09:00:00+07:00");
    let draft = fo_letter::initialled_by(l, &chain, case_id, now);
    let signed = l.letter_sign(&kadis, draft, now).unwrap();
    let issued = signed.issued.expect("the signed letter is issued");
    let text = loket_tests::pdf_text(&l.letter_pdf(&issued.nomor).unwrap());
    assert!(
        text.contains("NIP. 19700512 200112 1 007"),
        "the signature block prints the account's NIP grouped, labelled \"NIP.\": {text}"
    );
    assert_eq!(
        text.matches("19700512 200112 1 007").count(),
        1,
        "the NIP is printed once: {text}"
    );
    assert!(
        !text.contains("NIP NIP")
            && !text.contains("NIP. NIP")
            && !text.contains("197005122001121007"),
        "never a doubled label, never the ungrouped digits: {text}"
    );
}
