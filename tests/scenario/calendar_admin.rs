//! The working calendar edited from the window through loket-api: only administrators may
//! change it; adding a cuti bersama day (a revised SKB) moves an open case's due moment and
//! the result names the case; removing the day moves it back; every edit is audited.

#[path = "office.rs"]
mod office;

use loket_api::calendar::{week_form, CalendarSaved};
use loket_api::case::NewCase;
use loket_api::{ErrorCode, Loket};
use loket_domain::roles::Role;
use office::{at, Office};

const NOW: &str = "2026-03-02T09:00:00+07:00";

/// A PPID request (10 working days) received on Monday 2 March 2026.
fn ppid_request() -> NewCase {
    NewCase {
        service_id: "ppid-permohonan-informasi".into(),
        applicant_kind: "perorangan".into(),
        applicant_name: "Siti Aminah".into(),
        letter_number: "PPID/7/2026".into(),
        letter_date: "2026-03-02".into(),
        hal: "Permohonan salinan dokumen anggaran PPDB".into(),
        channel: "surat".into(),
        received_at: "2026-03-02 08:15".into(),
        ..NewCase::default()
    }
}

fn due_of(loket: &mut Loket, case_id: i64) -> Option<String> {
    loket
        .deadlines_all(at(NOW))
        .expect("deadlines compute")
        .into_iter()
        .find(|i| i.kind == "permohonan" && i.case_id == case_id)
        .and_then(|i| i.due)
}

fn calendar_audit(loket: &mut Loket, action: &str) -> usize {
    loket
        .calendar_view(None)
        .expect("the calendar view opens")
        .changes
        .iter()
        .filter(|c| c.action == action)
        .count()
}

#[test]
fn only_administrators_change_the_calendar() {
    let mut o = Office::new("demak");
    let staf = o.account("staf.loket", "staf-jaringan", Some(vec![Role::Register]));
    let now = at(NOW);
    let week = week_form(&o.loket.working_calendar().unwrap().hours);
    let l = &mut o.loket;
    let attempts: Vec<(&str, Result<CalendarSaved, loket_api::ApiError>)> = vec![
        ("jam kerja", l.calendar_admin_set_hours(&staf, &week, now)),
        (
            "jadwal khusus",
            l.calendar_admin_add_variant(&staf, "Ramadan", "2026-02-18", "2026-03-19", &week, now),
        ),
        (
            "hapus jadwal",
            l.calendar_admin_remove_variant(&staf, 1, now),
        ),
        (
            "penutupan",
            l.calendar_admin_add_closure(&staf, "2026-03-04", "pindah gedung", now),
        ),
        (
            "hapus penutupan",
            l.calendar_admin_remove_closure(&staf, "2026-03-04", now),
        ),
        (
            "hari libur",
            l.calendar_admin_add_holiday(&staf, "2026-03-04", "Cuti", "cuti_bersama", now),
        ),
        (
            "hapus hari libur",
            l.calendar_admin_remove_holiday(&staf, "2026-01-01", "Tahun Baru", now),
        ),
    ];
    for (what, r) in attempts {
        let e = r.expect_err(what);
        assert_eq!(
            e.code,
            ErrorCode::Forbidden,
            "{what}: staff may not edit the calendar"
        );
    }
    let page = o.loket.calendar_page(&staf, None, now).unwrap();
    assert!(!page.can_edit, "staff see the calendar read-only");
    assert!(
        page.history.is_empty(),
        "nothing was written by the refused edits"
    );
    let page = o
        .loket
        .calendar_page(&o.admin.clone(), Some(2026), now)
        .unwrap();
    assert!(page.can_edit, "the administrator may edit");
    assert!(
        page.holidays.iter().any(|h| h.kind == "cuti_bersama"),
        "the shipped 2026 holidays include cuti bersama days"
    );
}

#[test]
fn a_cuti_bersama_day_moves_an_open_deadline_and_back() {
    let mut o = Office::new("demak");
    let admin = o.admin.clone();
    let case_id = o
        .loket
        .case_register(&admin, &ppid_request(), at("2026-03-02T08:20:00+07:00"))
        .expect("the PPID request registers")
        .id;
    let original = due_of(&mut o.loket, case_id).expect("the PPID request has a due moment");
    let added = o
        .loket
        .calendar_admin_add_holiday(
            &admin,
            "2026-03-03",
            "Cuti Bersama (SKB revisi)",
            "cuti_bersama",
            at(NOW),
        )
        .expect("the administrator adds a cuti bersama day");
    let moved = added
        .moved
        .iter()
        .find(|m| m.case_id == case_id)
        .expect("the moved list names the open case");
    assert_eq!(
        moved.before.as_deref(),
        Some(original.as_str()),
        "before is the old due"
    );
    assert!(
        moved.after > moved.before,
        "a day off pushes the due moment later"
    );
    assert!(
        moved.hal.contains("PPDB"),
        "the moved row carries the case's hal"
    );
    assert!(
        added
            .message
            .contains("Tenggat 1 permohonan terbuka bergeser"),
        "the message says how many moved: {}",
        added.message
    );
    assert_eq!(
        due_of(&mut o.loket, case_id),
        moved.after,
        "the deadline list agrees"
    );
    let page = o.loket.calendar_page(&admin, Some(2026), at(NOW)).unwrap();
    let row = page
        .holidays
        .iter()
        .find(|h| h.date == "2026-03-03")
        .expect("the new day is listed");
    assert_eq!(row.kind_label, "Cuti bersama", "the kind is shown in words");
    assert_eq!(
        row.date_words, "Selasa, 3 Maret 2026",
        "the date is written the Indonesian way"
    );
    assert!(
        page.history[0]
            .summary
            .contains("cuti bersama 3 Maret 2026"),
        "the history says what was added: {}",
        page.history[0].summary
    );

    let again = o
        .loket
        .calendar_admin_add_holiday(
            &admin,
            "2026-03-03",
            "Cuti Bersama (SKB revisi)",
            "cuti_bersama",
            at(NOW),
        )
        .expect_err("the same day twice is refused");
    assert_eq!(
        again.code,
        ErrorCode::BadInput,
        "a repeated day is a input problem"
    );

    let removed = o
        .loket
        .calendar_admin_remove_holiday(&admin, "2026-03-03", "Cuti Bersama (SKB revisi)", at(NOW))
        .expect("the administrator removes the day");
    let back = removed
        .moved
        .iter()
        .find(|m| m.case_id == case_id)
        .expect("removing the day moves the case again");
    assert_eq!(
        back.after.as_deref(),
        Some(original.as_str()),
        "the due is restored"
    );
    assert_eq!(
        calendar_audit(&mut o.loket, "calendar.holiday.add"),
        1,
        "one add audited"
    );
    assert_eq!(
        calendar_audit(&mut o.loket, "calendar.holiday.remove"),
        1,
        "one removal audited"
    );

    let closed = o
        .loket
        .calendar_admin_add_closure(&admin, "03/03/2026", "Pindah gedung", at(NOW))
        .expect("the administrator closes the office for a day");
    assert_eq!(closed.moved.len(), 1, "the closure moves the open case too");
    assert_eq!(
        calendar_audit(&mut o.loket, "calendar.closure.add"),
        1,
        "the closure is audited"
    );
}

#[test]
fn the_hours_form_saves_and_checks_each_day() {
    let mut o = Office::new("demak");
    let admin = o.admin.clone();
    let mut week = o.loket.calendar_page(&admin, None, at(NOW)).unwrap().week;
    week[4].close = "07:00".into();
    let e = o
        .loket
        .calendar_admin_set_hours(&admin, &week, at(NOW))
        .expect_err("a Friday closing before opening is refused");
    assert!(
        e.message.contains("Jumat"),
        "the message names the day: {}",
        e.message
    );
    week[4].close = "11:00".into();
    week[4].break_from = String::new();
    week[4].break_to = String::new();
    let saved = o
        .loket
        .calendar_admin_set_hours(&admin, &week, at(NOW))
        .expect("valid hours save");
    assert!(
        saved.message.starts_with("Jam kerja mingguan tersimpan."),
        "{}",
        saved.message
    );
    let page = o.loket.calendar_page(&admin, None, at(NOW)).unwrap();
    assert!(page.hours_set_by_admin, "the hours are now the admin's");
    assert_eq!(
        page.week[4].close, "11:00",
        "the form shows the saved Friday"
    );
    assert!(
        page.history[0].summary.starts_with("Mengubah jam kerja"),
        "the history records the change: {}",
        page.history[0].summary
    );
    let v = o
        .loket
        .calendar_admin_add_variant(
            &admin,
            "Ramadan 1447 H",
            "2026-02-18",
            "2026-03-19",
            &week,
            at(NOW),
        )
        .expect("a Ramadan schedule is added");
    assert!(v.message.contains("18 Februari 2026"), "{}", v.message);
    let e = o
        .loket
        .calendar_admin_add_holiday(
            &admin,
            "2026-04-01",
            "Hari jadi kantor",
            "libur_kantor",
            at(NOW),
        )
        .expect_err("an unknown holiday kind is refused");
    assert!(
        e.message.contains("cuti bersama"),
        "the message lists the kinds: {}",
        e.message
    );
    let page = o.loket.calendar_page(&admin, None, at(NOW)).unwrap();
    assert_eq!(page.variants.len(), 1, "the schedule is listed");
    assert_eq!(page.time_zone, "WIB", "Demak is in WIB");
}
