//! End-to-end test of the signer-certificate warning in the real window: the Kepala Dinas's
//! certificate (from a CA made in the test) ends in 10 days, so the Tenggat view warns that
//! it must be renewed, with the working days left on the office's calendar.

mod harness;
#[path = "../../crates/loket-letters/tests/support/test_ca.rs"]
mod test_ca;

use harness::{assert_clean, block_on, now, prepared_db, Driver, ADMIN};
use loket_api::account::NewAccount;
use loket_api::signer::{NewSignerCertificate, Pkcs12Input};
use loket_api::Loket;
use test_ca::TestCa;

const NIP: &str = "197005122001121007";
const PASS: &str = "passphrase-kadis";

/// The Kepala Dinas with a registered certificate that ends 10 days from the real clock.
fn prepare(db: &std::path::Path) {
    let mut l = Loket::open(db).unwrap();
    let admin = l.sign_in(ADMIN.0, ADMIN.1).unwrap();
    l.account_create(
        &admin,
        &NewAccount {
            login: "kadis".into(),
            name: "Ir. Budi Santoso, M.T.".into(),
            nip: NIP.into(),
            position_id: "kepala-dinas".into(),
            roles: None,
            password: "sandi-kadis-kantor".into(),
        },
        now(),
    )
    .unwrap();
    let ca = TestCa::new("Balai Sertifikasi Uji");
    let real = chrono::Utc::now();
    let from = (real - chrono::Duration::days(355))
        .format("%Y%m%d%H%M%SZ")
        .to_string();
    let to = (real + chrono::Duration::days(10))
        .format("%Y%m%d%H%M%SZ")
        .to_string();
    let cert = ca.issue("Ir. Budi Santoso, M.T.", NIP, &from, &to);
    let at = real.with_timezone(now().offset());
    l.signer_trust(&admin, &ca.pem(), at).unwrap();
    l.signer_add(
        &admin,
        &NewSignerCertificate {
            account: "kadis",
            key: Pkcs12Input {
                p12: &ca.p12(&cert, PASS),
                passphrase: PASS,
            },
        },
        at,
    )
    .unwrap();
}

#[test]
fn tenggat_warns_before_a_signer_certificate_expires() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path(), "demak");
    prepare(&db);
    block_on(async {
        let app = driver.launch(&db).await;
        app.wait_for("[data-testid=nama-akun]").await;
        app.sign_in(ADMIN.0, ADMIN.1).await;
        app.click("[data-testid=menu-tenggat]").await;
        let text = app
            .wait_text(
                "[data-testid=sertifikat-kedaluwarsa]",
                "the certificate warning",
                |t| t.contains("Ir. Budi Santoso"),
            )
            .await;
        assert!(
            text.contains("hari kerja lagi") && text.contains("Balai Sertifikasi Uji"),
            "the warning names the signer, the working days left and the issuer: {text}"
        );
        app.try_screenshot("60-tenggat-sertifikat").await;
        assert_clean(&app.text("#konten").await, "tenggat");
        app.quit().await;
    });
}
