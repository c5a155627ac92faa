//! The watcher against a real (temporary) database with a fake notifier.

use chrono::{DateTime, FixedOffset};
use loket_db::accounts::AccountRow;
use loket_db::cases::CaseRow;
use loket_db::dispositions::DispositionRow;

use super::watch::{Audience, Notification, Notifier};
use crate::office::{LoadedProfile, ProfileSource};
use crate::{ApiError, ErrorCode, Loket};

#[derive(Default)]
pub(super) struct Fake {
    pub(super) shown: Vec<Notification>,
    refuse: bool,
}

impl Notifier for Fake {
    fn show(&mut self, n: &Notification) -> Result<(), ApiError> {
        if self.refuse {
            return Err(ApiError::new(
                ErrorCode::Internal,
                "tidak ada server notifikasi",
            ));
        }
        self.shown.push(n.clone());
        Ok(())
    }
}

pub(super) fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// Kediri with one hosting case received Mon 6 Jan 2025 09.00 (due Mon 13 Jan 15.45) and one
/// unread disposition to `position` with batas waktu Thu 9 Jan. Returns that position.
pub(super) fn seeded(path: &std::path::Path) -> String {
    seeded_with(path, "kediri", "hosting")
}

/// As [`seeded`], for another shipped office and service.
fn seeded_with(path: &std::path::Path, office: &str, service: &str) -> String {
    let mut loket = Loket::open(path).unwrap();
    let loaded = LoadedProfile::read(&ProfileSource::Shipped(office.into())).unwrap();
    loket
        .office_import(&loaded, t("2025-01-02T08:00:00+07:00"))
        .unwrap();
    let position = loket.db.positions().unwrap()[0].id.clone();
    let tx = loket.db.begin().unwrap();
    tx.insert_account(
        &AccountRow {
            id: "sri".into(),
            name: "Sri".into(),
            nip: String::new(),
            position_id: Some(position.clone()),
            roles: "register".into(),
            active: true,
            created_at: "2025-01-02T08:00:00+07:00".into(),
        },
        "x",
    )
    .unwrap();
    let case = tx
        .insert_case(
            &CaseRow {
                id: 0,
                year: 2025,
                agenda_seq: 0,
                service_id: service.into(),
                standard_id: loaded
                    .profile
                    .service_on(service, t("2025-01-06T09:00:00+07:00").date_naive())
                    .unwrap()
                    .standard
                    .clone(),
                addressed_to: position.clone(),
                received_at: "2025-01-06T09:00:00+07:00".into(),
                channel: "surat".into(),
                sifat: "biasa".into(),
                status: "diproses".into(),
                applicant_kind: "opd".into(),
                applicant_name: "Dinas Pendidikan".into(),
                applicant_phone: String::new(),
                applicant_email: String::new(),
                applicant_address: String::new(),
                letter_number: "000/1/2025".into(),
                letter_date: "2025-01-06".into(),
                hal: "Permohonan hosting".into(),
                notes: String::new(),
                due_at: Some("2025-01-13T15:45:00+07:00".into()),
                registered_by: "sri".into(),
                registered_at: "2025-01-06T09:00:00+07:00".into(),
                updated_at: "2025-01-06T09:00:00+07:00".into(),
            },
            &[],
            &[],
        )
        .unwrap();
    tx.insert_dispositions(
        &DispositionRow {
            id: 0,
            case_id: case.id,
            batch: 0,
            parent_id: None,
            kind: "disposisi".into(),
            from_position: None,
            from_account: "sri".into(),
            to_position: position.clone(),
            instructions: vec!["Proses lebih lanjut".into()],
            note: String::new(),
            batas_waktu: Some("2025-01-09".into()),
            sifat: "segera".into(),
            sent_at: "2025-01-06T10:00:00+07:00".into(),
            read_at: None,
            read_by: None,
            report: String::new(),
            reported_at: None,
            completed_at: None,
            completed_by: None,
            withdrawn_at: None,
        },
        std::slice::from_ref(&position),
    )
    .unwrap();
    tx.commit().unwrap();
    position
}

#[test]
fn each_threshold_fires_once_even_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loket.db");
    let position = seeded(&path);
    let me = Audience::office(&[position]);
    let mut fake = Fake::default();
    let mut loket = Loket::open(&path).unwrap();
    let r = loket
        .watch_tick(t("2025-01-07T09:00:00+07:00"), &me, false, &mut fake)
        .unwrap();
    assert_eq!(
        r.notifications.len(),
        1,
        "only the new disposition is news on Tuesday"
    );
    assert!(
        fake.shown[0].title.starts_with("Disposisi baru"),
        "a disposition arriving for the signed-in person is announced: {}",
        fake.shown[0].title
    );
    let r = loket
        .watch_tick(t("2025-01-08T09:00:00+07:00"), &me, false, &mut fake)
        .unwrap();
    assert_eq!(
        (
            r.notifications.len(),
            fake.shown[1].title.starts_with("Segera jatuh tempo")
        ),
        (1, true),
        "Wednesday: the disposition due Thursday enters due soon"
    );
    drop(loket);
    let mut loket = Loket::open(&path).unwrap();
    let r = loket
        .watch_tick(t("2025-01-08T09:30:00+07:00"), &me, true, &mut fake)
        .unwrap();
    assert_eq!(
        r.crossings, 0,
        "after a restart nothing already announced is repeated"
    );
    let r = loket
        .watch_tick(t("2025-01-14T09:00:00+07:00"), &me, true, &mut fake)
        .unwrap();
    assert_eq!(
        r.crossings, 2,
        "after sleeping until Tuesday both items are overdue"
    );
    assert_eq!(
        (r.notifications.len(), r.notifications[0].grouped),
        (1, true),
        "a catch-up tick groups its crossings into one notification, not a flood"
    );
    let r = loket
        .watch_tick(t("2025-01-14T10:00:00+07:00"), &me, false, &mut fake)
        .unwrap();
    assert_eq!(
        r.crossings, 0,
        "overdue fires once; the milder due-today never fires after it"
    );
    let overdue = loket
        .deadlines_list(t("2025-01-14T10:00:00+07:00"), None)
        .unwrap();
    assert!(
        overdue.len() == 2
            && overdue
                .iter()
                .all(|i| i.state == Some(loket_domain::deadline::DeadlineState::Terlambat)),
        "deadlines.list shows the case and the disposition as overdue: {overdue:?}"
    );
    let tuesday = t("2025-01-07T09:00:00+07:00");
    assert!(
        loket.deadlines_list(tuesday, None).unwrap().is_empty(),
        "on Tuesday nothing is due soon yet"
    );
    let within = loket
        .deadlines_list(tuesday, Some(chrono::Duration::days(3)))
        .unwrap();
    assert_eq!(
        within.iter().map(|i| i.kind.as_str()).collect::<Vec<_>>(),
        vec!["disposisi"],
        "--within adds what falls due inside the window: the disposition due Thursday"
    );
    let centre = loket.db.notification_events(10).unwrap();
    assert_eq!(
        centre.len(),
        3,
        "the notification centre lists every notification sent"
    );
    for e in &centre {
        assert!(
            loket.db.notification_told(e.id).unwrap().is_empty(),
            "`loket watch` speaks for no account: it claims nothing, so each person is still told on the laptop where they sign in"
        );
    }
}

#[test]
fn a_refused_notification_stays_in_the_centre_and_is_not_resent() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loket.db");
    let position = seeded(&path);
    let sri = Audience::person("sri", std::slice::from_ref(&position));
    let mut loket = Loket::open(&path).unwrap();
    let mut refusing = Fake {
        refuse: true,
        ..Fake::default()
    };
    let r = loket
        .watch_tick(t("2025-01-07T09:00:00+07:00"), &sri, false, &mut refusing)
        .unwrap();
    assert_eq!(
        r.failed.len(),
        1,
        "a refusing desktop is reported, not fatal"
    );
    let centre = loket.db.notification_events(10).unwrap();
    assert_eq!(
        centre.len(),
        1,
        "the refused notification is kept in the centre"
    );
    assert_eq!(
        loket.db.notification_told(centre[0].id).unwrap(),
        vec!["sri".to_string()],
        "it was claimed for sri before it was shown"
    );
    let mut fake = Fake::default();
    let r = loket
        .watch_tick(t("2025-01-07T09:05:00+07:00"), &sri, false, &mut fake)
        .unwrap();
    assert!(
        r.crossings == 0 && fake.shown.is_empty(),
        "it is not shown again on the next tick: {:?}",
        fake.shown
    );
}

/// An account `login` holding `roles`, signed in (the account row is written directly).
fn account(loket: &mut Loket, login: &str, roles: &str) -> crate::account::Actor {
    let row = AccountRow {
        id: login.into(),
        name: login.into(),
        nip: String::new(),
        position_id: None,
        roles: roles.into(),
        active: true,
        created_at: "2025-01-02T08:00:00+07:00".into(),
    };
    let tx = loket.db.begin().unwrap();
    tx.insert_account(&row, "x").unwrap();
    tx.commit().unwrap();
    crate::account::Actor::from_row(&row)
}

#[test]
fn an_extension_is_granted_once_with_a_reason_and_moves_the_due() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loket.db");
    seeded_with(&path, "demak", "ppid-permohonan-informasi");
    let mut loket = Loket::open(&path).unwrap();
    let now = t("2025-01-15T09:00:00+07:00");
    let ppid = account(&mut loket, "ppid", "sign");
    let staf = account(&mut loket, "staf", "book");
    let refused = loket
        .sla_extend(&staf, 1, "informasi tersebar", now)
        .unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::Forbidden,
        "only an official who signs grants an extension"
    );
    let before = loket.deadlines_all(now).unwrap();
    let case = before.iter().find(|i| i.kind == "permohonan").unwrap();
    assert_eq!(
        case.due.as_deref(),
        Some("2025-01-20T16:00:00+07:00"),
        "PPID: 10 hari kerja from Monday 6 Jan (Demak default hours close 16.00)"
    );
    let empty = loket
        .sla_extend(&ppid, case.case_id, "  ", now)
        .unwrap_err();
    assert_eq!(
        empty.code,
        ErrorCode::BadInput,
        "an extension needs its reason"
    );
    let due = loket
        .sla_extend(
            &ppid,
            case.case_id,
            "informasi tersebar di beberapa bidang",
            now,
        )
        .unwrap();
    assert_eq!(
        due, "2025-02-03T16:00:00+07:00",
        "UU 14/2008: + 7 hari kerja after 20 Jan, skipping Isra Mikraj, cuti bersama and Imlek"
    );
    let after = loket.deadlines_all(now).unwrap();
    assert_eq!(
        after
            .iter()
            .find(|i| i.kind == "permohonan")
            .and_then(|i| i.due.clone()),
        Some(due),
        "deadlines.list counts the extension"
    );
    let twice = loket
        .sla_extend(&ppid, case.case_id, "lagi", now)
        .unwrap_err();
    assert!(
        twice.code == ErrorCode::BadInput && twice.message.contains("hanya sekali"),
        "a second extension is refused: {}",
        twice.message
    );
    let kediri_dir = tempfile::tempdir().unwrap();
    let kediri = kediri_dir.path().join("loket.db");
    seeded(&kediri);
    let mut k = Loket::open(&kediri).unwrap();
    let kppid = account(&mut k, "ppid", "sign");
    let refused = k.sla_extend(&kppid, 1, "alasan", now).unwrap_err();
    assert!(
        refused.message.contains("tidak mengenal perpanjangan"),
        "a service without an extension in its standard cannot be extended: {}",
        refused.message
    );
    assert_eq!(
        k.sla_extend(&kppid, 99, "alasan", now).unwrap_err().code,
        ErrorCode::NotFound,
        "an unknown case is not found"
    );
}
