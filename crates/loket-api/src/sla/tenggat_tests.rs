//! The Tenggat view: states, remaining time in words and who holds each item.

use loket_db::accounts::AccountRow;

use super::watch_tests::{seeded, t};
use crate::account::Actor;
use crate::Loket;

fn account(id: &str, roles: &str, position: Option<&str>) -> AccountRow {
    AccountRow {
        id: id.into(),
        name: id.into(),
        nip: String::new(),
        position_id: position.map(str::to_string),
        roles: roles.into(),
        active: true,
        created_at: "2025-01-02T08:00:00+07:00".into(),
    }
}

fn sri(position: &str) -> Actor {
    Actor::from_row(&account("sri", "register", Some(position)))
}

/// (state, remaining) of the case and of the disposition at `now`.
fn states(loket: &mut Loket, actor: &Actor, now: &str) -> Vec<(String, String, String)> {
    let view = loket.deadlines_view(actor, t(now)).unwrap();
    let mut rows: Vec<_> = view
        .rows
        .into_iter()
        .map(|r| (r.kind, r.state, r.remaining))
        .collect();
    rows.sort();
    rows
}

#[test]
fn the_tenggat_view_says_the_state_and_the_time_left_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loket.db");
    let position = seeded(&path);
    let mut loket = Loket::open(&path).unwrap();
    let actor = sri(&position);
    let s = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    assert_eq!(
        states(&mut loket, &actor, "2025-01-08T09:00:00+07:00"),
        vec![
            s("disposisi", "segera_jatuh_tempo", "1 hari kerja lagi"),
            s("permohonan", "dalam_batas", "3 hari kerja lagi"),
        ],
        "Wednesday: the disposition is due Thursday (due soon), the case Monday (Thu, Fri, Mon)"
    );
    assert_eq!(
        states(&mut loket, &actor, "2025-01-09T13:45:00+07:00")[0],
        s("disposisi", "jatuh_tempo_hari_ini", "sisa 2 jam"),
        "Thursday 13.45: due today at 15.45 WIB closing"
    );
    assert_eq!(
        states(&mut loket, &actor, "2025-01-14T09:00:00+07:00"),
        vec![
            s("disposisi", "terlambat", "terlambat 3 hari kerja"),
            s("permohonan", "terlambat", "terlambat 17 jam"),
        ],
        "Tuesday: the disposition is late by Fri, Mon, Tue; the case by 17 hours since Monday 15.45"
    );
    let view = loket
        .deadlines_view(&actor, t("2025-01-08T09:00:00+07:00"))
        .unwrap();
    let case = view.rows.iter().find(|r| r.kind == "permohonan").unwrap();
    let title = loket.db.positions().unwrap()[0].title.clone();
    assert_eq!(
        (
            case.service.as_str(),
            case.applicant.as_str(),
            case.holder.as_str()
        ),
        (case.service.as_str(), "Dinas Pendidikan", title.as_str()),
        "the case is held by the addressee of its open disposition, shown by title"
    );
    assert!(
        !case.service.is_empty() && case.service != "—",
        "the service is named"
    );
    assert!(
        case.due_words
            .as_deref()
            .is_some_and(|w| w.contains("13 Januari 2025")),
        "the due moment is written in Indonesian: {:?}",
        case.due_words
    );
}

#[test]
fn an_administrator_widens_the_due_soon_threshold_for_dispositions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loket.db");
    let position = seeded(&path);
    let mut loket = Loket::open(&path).unwrap();
    let row = account("admin", "administer", None);
    let tx = loket.db.begin().unwrap();
    tx.insert_account(&row, "x").unwrap();
    tx.commit().unwrap();
    let admin = Actor::from_row(&row);
    let actor = sri(&position);
    let tuesday = "2025-01-07T09:00:00+07:00";
    let disposition = |l: &mut Loket| states(l, &actor, tuesday)[0].1.clone();
    assert_eq!(
        disposition(&mut loket),
        "dalam_batas",
        "by default a disposition due Thursday is not yet due soon on Tuesday (1 working day)"
    );
    let mut wider = loket.due_soon_settings().unwrap();
    assert_eq!(
        (wider.working_days, wider.percent, wider.disposition_days),
        (1, 25, 1),
        "the defaults of the issue: 1 working day, 25 % for sub-day services"
    );
    wider.disposition_days = 2;
    let refused = loket.due_soon_set(&actor, &wider, t(tuesday)).unwrap_err();
    assert_eq!(
        refused.code,
        crate::ErrorCode::Forbidden,
        "only an administrator changes the thresholds"
    );
    let bad = crate::sla::DueSoonSettings {
        percent: 0,
        ..wider
    };
    let refused = loket.due_soon_set(&admin, &bad, t(tuesday)).unwrap_err();
    assert!(
        refused.code == crate::ErrorCode::BadInput && refused.message.contains("5 sampai 90"),
        "an out-of-range value is refused with the range: {}",
        refused.message
    );
    loket.due_soon_set(&admin, &wider, t(tuesday)).unwrap();
    assert_eq!(
        disposition(&mut loket),
        "segera_jatuh_tempo",
        "with 2 working days the Thursday disposition is due soon on Tuesday"
    );
    assert!(
        loket
            .db
            .audit_entries(Some("office:due_soon"))
            .unwrap()
            .iter()
            .any(|e| e.entry.action == crate::sla::SET_DUE_SOON),
        "the change is audited"
    );
}
