//! `loket server init`: refusals that create nothing, a new database and role, a second run
//! that keeps everything, and a laptop working on the result as the application role.

use std::path::Path;

use super::pg::{unique, Cluster};
use super::{check_ok, loket, office, os, APP_PASSWORD};

#[test]
fn server_init_prepares_a_database_that_laptops_use_as_the_application_role() {
    let cluster = Cluster::get();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let db = unique("init");
    let role = unique("init_app");
    let owner = cluster.owner_without_password(&db);
    let pw = [
        ("PGPASSWORD", cluster.password.as_str()),
        ("SANDI_APLIKASI", APP_PASSWORD),
    ];

    // Refusals first: nothing may be created by them.
    let no_role = loket(d, &["server", "init", &owner, "--app-role", &role], &pw);
    assert_eq!(
        no_role.code,
        Some(2),
        "a new role without a password is bad input: {}",
        no_role.text()
    );
    assert!(
        no_role.stderr.contains("--app-password-env") && no_role.stderr.contains(&role),
        "the refusal names the role and the option that gives its password: {}",
        no_role.stderr
    );
    for (args, why) in [
        (
            vec!["--app-password-env", "TIDAK_ADA_VARIABEL_INI"],
            "a variable that is not set",
        ),
        (
            vec!["--app-password-env", "sandi rahasia!"],
            "a password typed where the variable's name belongs",
        ),
    ] {
        let mut all = vec![
            "server",
            "init",
            owner.as_str(),
            "--app-role",
            role.as_str(),
        ];
        all.extend(args);
        let run = loket(d, &all, &pw);
        assert_eq!(run.code, Some(2), "{why} is bad input: {}", run.text());
        assert!(
            !run.stderr.contains("sandi rahasia!"),
            "{why}: the value is never echoed: {}",
            run.stderr
        );
    }
    let short = loket(
        d,
        &[
            "server",
            "init",
            &owner,
            "--app-role",
            &role,
            "--app-password-env",
            "PENDEK",
        ],
        &[
            ("PGPASSWORD", cluster.password.as_str()),
            ("PENDEK", "pendek"),
        ],
    );
    assert_eq!(
        short.code,
        Some(2),
        "a short password is refused: {}",
        short.text()
    );
    let absent = loket(
        d,
        &[os("--db"), cluster.owner(&db).as_os_str(), os("check")],
        &[],
    );
    assert!(
        absent.code == Some(2) && absent.stderr.contains("tidak ada di server"),
        "the refused runs created no database: {}",
        absent.text()
    );

    // The owner's password from PGPASSWORD, the role's from the named variable.
    let first = loket(
        d,
        &[
            "--json",
            "server",
            "init",
            &format!("{owner}?sslmode=require"),
            "--app-role",
            &role,
            "--app-password-env",
            "SANDI_APLIKASI",
        ],
        &pw,
    );
    assert_eq!(
        first.code,
        Some(0),
        "server init succeeds: {}",
        first.text()
    );
    for secret in [APP_PASSWORD, cluster.password.as_str()] {
        assert!(
            !first.stdout.contains(secret) && !first.stderr.contains(secret),
            "no password is printed: {}",
            first.text()
        );
    }
    let v = first.json();
    assert_eq!(v["created_database"], true, "the database is created: {v}");
    assert_eq!(
        v["schema_before"], 0,
        "a new database starts at version 0: {v}"
    );
    assert_eq!(
        v["schema_after"],
        loket_db::known_schema_version(),
        "it is migrated to this Loket's schema: {v}"
    );
    assert_eq!(
        v["created_role"], true,
        "the application role is created: {v}"
    );
    let laptop_url = format!(
        "postgres://{role}@{}/{db}?sslmode=require",
        cluster.host_port
    );
    assert_eq!(
        v["laptop_url"], laptop_url,
        "laptops get the application role's address with the same TLS setting and no password"
    );
    assert_eq!(
        v["laptop_url_is_local"], true,
        "127.0.0.1 is flagged for the IT staff: {v}"
    );

    // Again, without a password: the role exists, so it is kept; nothing to migrate.
    let again = loket(
        d,
        &[
            "server",
            "init",
            &format!("{owner}?sslmode=require"),
            "--app-role",
            &role,
        ],
        &pw,
    );
    assert_eq!(
        again.code,
        Some(0),
        "a second run is safe: {}",
        again.text()
    );
    for words in [
        "sudah ada, dipakai",
        "sudah terbaru",
        "sudah ada, tidak diubah",
        "Hak akses",
        "audit, issued_letters",
        laptop_url.as_str(),
        "ganti nama host",
    ] {
        assert!(
            again.stdout.contains(words),
            "the report says `{words}` in Bahasa Indonesia: {}",
            again.stdout
        );
    }

    // A laptop on the application role: a new office, its administrator, a request.
    let laptop = laptop_url.replace(&format!("{role}@"), &format!("{role}:{APP_PASSWORD}@"));
    let as_laptop = |user: Option<&str>, args: &[&str]| {
        let mut all = vec!["--db", laptop.as_str()];
        all.extend_from_slice(args);
        let mut env = vec![
            ("LOKET_NOW", office::NOW),
            ("LOKET_PASSWORD", office::PASSWORD),
        ];
        if let Some(u) = user {
            env.push(("LOKET_USER", u));
        }
        let run = loket(d, &all, &env);
        assert_eq!(
            run.code,
            Some(0),
            "`loket {}` on the server as the application role: {}",
            args.join(" "),
            run.text()
        );
        run
    };
    as_laptop(None, &["init", "--office", "demak"]);
    as_laptop(
        None,
        &[
            "user",
            "add-admin",
            "--login",
            "admin",
            "--name",
            "Admin Loket",
        ],
    );
    let case = as_laptop(
        Some("admin"),
        &[
            "--json",
            "case",
            "register",
            "--service",
            "subdomain-hosting",
            "--applicant",
            "Dinas Kesehatan Kabupaten Demak",
            "--letter-number",
            "400.3/7/2026",
            "--letter-date",
            "2026-03-02",
            "--hal",
            "Permohonan hosting aplikasi puskesmas",
            "--received",
            "2026-03-03 08:00",
        ],
    )
    .json();
    assert_eq!(
        case["agenda_number"], "0001/2026",
        "the first request on the server gets the first agenda number: {case}"
    );
    let shown = as_laptop(None, &["office"]);
    assert!(
        shown.stdout.contains("Kabupaten Demak"),
        "the office reads back from the server: {}",
        shown.stdout
    );
    let check = check_ok(d, Path::new(&laptop), "the laptop's server database");
    assert_eq!(
        check["office_id"], "demak",
        "the check names the office: {check}"
    );
}
