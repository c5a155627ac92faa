//! Connecting to the office's server: TLS when asked for it, and each way connecting can fail
//! explained in words the office's IT staff can act on (which server, which user or database,
//! what to run or check), never repeating the password.

use std::sync::atomic::{AtomicUsize, Ordering};

use loket_api::{ErrorCode, Loket};
use loket_db::{known_schema_version, Db, DbError};

use crate::cluster::{self, Url};

/// The error `Db::open` gives for `url`; a failed assertion when it opens.
fn refusal(url: &Url, why: &str) -> DbError {
    match Db::open(&url.location()) {
        Ok(_) => panic!("{why}: {url} was opened"),
        Err(e) => e,
    }
}

/// `message` holds each of `words`, and never the password of `url`.
fn says(message: &str, words: &[&str], url: &Url, why: &str) {
    for w in words {
        assert!(
            message.contains(w),
            "{why}: the message says `{w}`: {message}"
        );
    }
    assert!(
        !message.contains(&url.password),
        "{why}: the message never repeats the password: {message}"
    );
}

/// Where the server is, as messages show it: without the password.
fn shown(url: &Url) -> String {
    format!(
        "postgres://{}@{}:{}/{}",
        url.user, url.host, url.port, url.database
    )
}

fn unique(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!(
        "{prefix}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    )
}

/// TLS state of the application role's connections to `database`, seen by the server.
fn ssl_of_connections(database: &str) -> Vec<(bool, Option<String>)> {
    cluster::superuser("postgres")
        .query(
            "SELECT s.ssl, s.version FROM pg_stat_ssl s JOIN pg_stat_activity a ON a.pid = s.pid
             WHERE a.datname = $1 AND a.usename = $2 ORDER BY s.ssl",
            &[&database, &loket_tests::backend::APP_ROLE],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect()
}

fn require_tls() {
    cluster::require();
    assert_eq!(
        std::env::var("LOKET_TEST_PG_TLS").as_deref(),
        Ok("1"),
        "scripts/with-postgres.sh starts its cluster with SSL on and sets LOKET_TEST_PG_TLS=1; \
         without it the TLS tests cannot run"
    );
}

#[test]
fn sslmode_require_connects_over_tls() {
    require_tls();
    let url = cluster::fresh_database();
    let secure = Loket::open(&url.with_query("sslmode=require").location())
        .expect("sslmode=require connects to a server with SSL on");
    let seen = ssl_of_connections(&url.database);
    assert!(
        !seen.is_empty() && seen.iter().all(|(ssl, _)| *ssl),
        "the server sees Loket's connection encrypted: {seen:?}"
    );
    let plain = Loket::open(&url.with_query("sslmode=disable").location()).unwrap();
    let seen = ssl_of_connections(&url.database);
    assert!(
        seen.iter().any(|(ssl, _)| !ssl) && seen.iter().any(|(ssl, _)| *ssl),
        "beside it, a connection with sslmode=disable is seen unencrypted, so the check above \
         tells the two apart: {seen:?}"
    );
    println!(
        "sslmode=require: {:?}",
        seen.iter()
            .filter_map(|(_, v)| v.clone())
            .collect::<Vec<_>>()
    );
    drop((secure, plain));
}

#[test]
fn verify_full_refuses_a_server_whose_certificate_it_cannot_trust() {
    require_tls();
    let url = cluster::fresh_database();
    let dir = tempfile::tempdir().unwrap();

    let stranger = dir.path().join("ca-lain.pem");
    std::fs::write(&stranger, unrelated_ca()).unwrap();
    for (query, why) in [
        (
            "sslmode=verify-full".to_string(),
            "without a root certificate the self-signed server is not trusted",
        ),
        (
            format!("sslmode=verify-full&sslrootcert={}", stranger.display()),
            "a root certificate of another authority does not vouch for the server",
        ),
    ] {
        let bad = url.with_query(&query);
        let e = refusal(&bad, why);
        assert!(
            matches!(e, DbError::TlsRefused { .. }),
            "{why}: refused as a TLS failure: {e:?}"
        );
        says(
            &e.to_string(),
            &["TLS", &shown(&url), "sslmode", "sertifikat", "petugas TI"],
            &url,
            why,
        );
    }

    // The server's own certificate as the root: the same mode connects.
    let own = dir.path().join("server.pem");
    let pem: String = cluster::superuser("postgres")
        .query_one("SELECT pg_read_file(current_setting('ssl_cert_file'))", &[])
        .unwrap()
        .get(0);
    std::fs::write(&own, pem).unwrap();
    Db::open(
        &url.with_query(&format!("sslmode=verify-full&sslrootcert={}", own.display()))
            .location(),
    )
    .expect("verify-full with the server's own certificate as root connects, so the refusals above are about trust");
}

/// A self-signed certificate authority that has nothing to do with the test server.
fn unrelated_ca() -> Vec<u8> {
    use openssl::asn1::Asn1Time;
    use openssl::ec::{EcGroup, EcKey};
    use openssl::hash::MessageDigest;
    use openssl::nid::Nid;
    use openssl::pkey::PKey;
    use openssl::x509::{X509Builder, X509NameBuilder};
    let group = EcGroup::from_curve_name(Nid::X9_62_PRIME256V1).unwrap();
    let key = PKey::from_ec_key(EcKey::generate(&group).unwrap()).unwrap();
    let mut name = X509NameBuilder::new().unwrap();
    name.append_entry_by_text("CN", "CA kantor lain").unwrap();
    let name = name.build();
    let mut b = X509Builder::new().unwrap();
    b.set_version(2).unwrap();
    b.set_subject_name(&name).unwrap();
    b.set_issuer_name(&name).unwrap();
    b.set_pubkey(&key).unwrap();
    b.set_not_before(&Asn1Time::days_from_now(0).unwrap())
        .unwrap();
    b.set_not_after(&Asn1Time::days_from_now(7).unwrap())
        .unwrap();
    b.sign(&key, MessageDigest::sha256()).unwrap();
    b.build().to_pem().unwrap()
}

#[test]
fn a_wrong_password_is_rejected_by_name() {
    let url = cluster::fresh_database();
    let wrong = url.with_password("sandi-keliru-123");
    let e = refusal(&wrong, "a wrong password");
    assert!(
        matches!(e, DbError::Rejected { .. }),
        "a wrong password is reported as a refused sign-in: {e:?}"
    );
    says(
        &e.to_string(),
        &[
            &shown(&url),
            "`loket_app`",
            "kata sandi salah",
            "petugas TI",
        ],
        &wrong,
        "a wrong password",
    );
}

#[test]
fn a_missing_database_is_named() {
    let url = cluster::fresh_database();
    let missing = url.with_database(&unique("loket_tidak_ada"));
    let e = refusal(&missing, "a database that does not exist");
    assert!(
        matches!(e, DbError::NoDatabase { .. }),
        "a missing database is reported as such: {e:?}"
    );
    says(
        &e.to_string(),
        &[&format!("`{}`", missing.database), "loket server init"],
        &missing,
        "a database that does not exist",
    );
}

#[test]
fn an_empty_database_is_not_prepared() {
    let url = cluster::fresh_database();
    let empty = url.with_database(&unique("loket_kosong"));
    cluster::superuser("postgres")
        .batch_execute(&format!("CREATE DATABASE {}", empty.database))
        .unwrap();
    let e = refusal(&empty, "a database Loket's schema was never created in");
    assert!(
        matches!(e, DbError::NotPrepared { .. }),
        "an empty database is reported as not prepared: {e:?}"
    );
    says(
        &e.to_string(),
        &[
            "belum disiapkan",
            "petugas TI",
            "loket server init",
            &shown(&empty),
        ],
        &empty,
        "an empty database",
    );
    assert_eq!(
        cluster::number(
            &mut cluster::superuser(&empty.database),
            "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'"
        ),
        0,
        "a laptop never creates the schema itself; that is server init's"
    );
}

/// Sets the server's recorded schema version as the superuser.
fn set_schema_version(url: &Url, version: i64) {
    cluster::superuser(&url.database)
        .execute("UPDATE loket_schema SET version = $1", &[&version])
        .unwrap();
}

#[test]
fn a_newer_server_schema_is_refused_and_left_alone() {
    let url = cluster::fresh_database();
    let known = known_schema_version();
    set_schema_version(&url, known + 1);
    let e = refusal(&url, "a server upgraded by a newer Loket");
    assert!(
        matches!(&e, DbError::NewerSchema { found, known: k, .. } if *found == known + 1 && *k == known),
        "a newer schema is refused with both versions: {e:?}"
    );
    says(
        &e.to_string(),
        &[
            &format!("versi {}", known + 1),
            &format!("versi {known}"),
            "lebih baru",
            "perbarui Loket",
        ],
        &url,
        "a newer server schema",
    );
    let api = Loket::open(&url.location()).err().expect("refused");
    assert_eq!(
        api.code,
        ErrorCode::NewerSchema,
        "the window shows it as a newer database: {}",
        api.message
    );
    assert_eq!(
        cluster::number(
            &mut cluster::superuser(&url.database),
            "SELECT version FROM loket_schema"
        ),
        known + 1,
        "the refused server keeps its version"
    );
}

#[test]
fn an_older_server_schema_asks_the_it_staff_to_upgrade_it() {
    let url = cluster::fresh_database();
    let known = known_schema_version();
    set_schema_version(&url, known - 1);
    let e = refusal(&url, "a server not yet upgraded");
    assert!(
        matches!(&e, DbError::OlderSchema { found, known: k, .. } if *found == known - 1 && *k == known),
        "an older schema is refused with both versions: {e:?}"
    );
    says(
        &e.to_string(),
        &[
            &format!("versi {}", known - 1),
            &format!("versi {known}"),
            "petugas TI",
            "loket server init",
            &shown(&url),
        ],
        &url,
        "an older server schema",
    );
    assert_eq!(
        cluster::number(
            &mut cluster::superuser(&url.database),
            "SELECT version FROM loket_schema"
        ),
        known - 1,
        "a laptop never migrates the server: the version is as it was"
    );
}
