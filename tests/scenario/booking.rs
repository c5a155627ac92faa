//! The schedule through loket-api, from a request: Demak's video-conference service (Command
//! Center loan) registered as a case, booked by the Ketua Tim who checks the schedule, operators
//! assigned, approved by the head of the responsible bidang, and on the operators' "Besok" list.

#[path = "office.rs"]
mod office;

use loket_api::booking::{BlackoutForm, BookingRequest, NewResource};
use loket_api::case::NewCase;
use loket_api::ErrorCode;
use loket_domain::booking::ResourceKind;
use office::{at, Office, Shown};

fn video_conference_request() -> NewCase {
    NewCase {
        service_id: "video-conference".into(),
        applicant_kind: "OPD".into(),
        applicant_name: "Bappeda Kabupaten Demak".into(),
        letter_number: "050/221/2026".into(),
        letter_date: "2026-03-02".into(),
        hal: "Permohonan penggunaan Command Center untuk video conference Musrenbang".into(),
        channel: "surat".into(),
        received_at: "2026-03-02 09:00".into(),
        ..NewCase::default()
    }
}

#[test]
fn demak_command_center_is_booked_from_its_request_and_approved() {
    let mut o = Office::new("demak");
    let ketua = o.account("ketua.spa", "ketua-tim-spa", None);
    let kabid = o.account("kabid.aptika", "kepala-bidang-aptika", None);
    let kabid_ikp = o.account("kabid.ikp", "kepala-bidang-ikp", None);
    let operator = o.account("operator.cc", "operator-cc", None);
    let l = &mut o.loket;
    let t = at("2026-03-02T10:00:00+07:00");
    for (id, name, kind, quantity) in [
        ("command-center", "Command Center", ResourceKind::Ruang, 1),
        (
            "vicon",
            "Perangkat video conference",
            ResourceKind::Peralatan,
            2,
        ),
    ] {
        let r = NewResource {
            id: id.into(),
            name: name.into(),
            kind,
            quantity,
            setup_minutes: 30,
            teardown_minutes: 30,
            unit: Some("tim-spa".into()),
            operators_needed: if id == "vicon" { 1 } else { 0 },
            skill: if id == "vicon" {
                Some("operator_vicon".into())
            } else {
                None
            },
        };
        l.resource_add(&r, &o.admin, t).unwrap();
    }
    l.resource_add_skill("operator.cc", "operator_vicon", &o.admin, t)
        .unwrap();

    let case = l
        .case_register(&o.admin, &video_conference_request(), t)
        .unwrap();
    let request = BookingRequest {
        title: "Video conference Musrenbang (Bappeda)".into(),
        case_id: Some(case.id),
        location: "Command Center".into(),
        outside_office: false,
        outside_hours: false,
        start: at("2026-03-05T09:00:00+07:00"),
        end: at("2026-03-05T12:00:00+07:00"),
        resources: vec![("command-center".into(), 1), ("vicon".into(), 1)],
        operators: vec![],
        rundown: "09.00 pembukaan; 09.30 paparan Bappeda; 11.30 tanya jawab".into(),
        requested_by: "Bappeda".into(),
    };
    let booking = l.booking_create(&request, &ketua, t).unwrap();
    assert_eq!(
        booking.status, "diminta",
        "a new booking waits for approval"
    );
    assert_eq!(
        booking.case_id,
        Some(case.id),
        "the booking is tied to the request that asked for it"
    );

    let early = l.booking_approve(booking.id, &kabid, t).unwrap_err();
    assert_eq!(
        early.code,
        ErrorCode::BadInput,
        "approval waits for the vicon operator: {}",
        early.message
    );
    l.booking_assign_operators(booking.id, &["operator.cc".into()], &ketua, t)
        .unwrap();
    let wrong_head = l.booking_approve(booking.id, &kabid_ikp, t).unwrap_err();
    assert_eq!(
        wrong_head.code,
        ErrorCode::Forbidden,
        "the head of another bidang may not approve: {}",
        wrong_head.message
    );
    let approved = l.booking_approve(booking.id, &kabid, t).unwrap();
    assert_eq!(
        approved.status, "disetujui",
        "the Kepala Bidang Aplikasi Informatika heads Tim SPA, which holds the Command Center"
    );
    assert_eq!(
        approved.approved_by.as_deref(),
        Some("kabid.aptika"),
        "who approved is recorded"
    );

    let same_slot = BookingRequest {
        title: "Rapat lain".into(),
        case_id: None,
        ..request.clone()
    };
    let clash = l.booking_create(&same_slot, &ketua, t).unwrap_err();
    assert_eq!(
        clash.code,
        ErrorCode::ScheduleConflict,
        "the Command Center is not double-booked"
    );
    assert!(
        clash.message.contains(&format!("#{}", booking.id)),
        "the refusal names the booking: {}",
        clash.message
    );

    let of_case = l.bookings_of_case(case.id).unwrap();
    assert_eq!(of_case.len(), 1, "the request's page lists its booking");
    let tomorrow = l.booking_tomorrow(at("2026-03-04T15:00:00+07:00")).unwrap();
    assert_eq!(
        tomorrow.iter().map(|b| b.id).collect::<Vec<_>>(),
        vec![booking.id],
        "on Wednesday the operators see Thursday's video conference to prepare"
    );
    assert_eq!(
        tomorrow[0].operators[0].id, "operator.cc",
        "with the operator assigned"
    );

    // H-1 through the notification watcher: the operator signed in on Wednesday morning is
    // reminded to prepare Thursday's video conference, once.
    let mut shown = Shown::default();
    let audience = loket_api::sla::Audience::person("operator.cc", &["operator-cc".to_string()]);
    l.watch_tick(
        at("2026-03-04T08:00:00+07:00"),
        &audience,
        false,
        &mut shown,
    )
    .unwrap();
    assert!(
        shown.0.iter().any(|n| n.title.contains("Persiapan besok")
            && n.title.contains("Video conference Musrenbang")),
        "the operator gets the H-1 preparation reminder: {:?}",
        shown.0
    );
    let before = shown.0.len();
    l.watch_tick(
        at("2026-03-04T08:05:00+07:00"),
        &audience,
        false,
        &mut shown,
    )
    .unwrap();
    assert_eq!(
        shown.0.len(),
        before,
        "the reminder fires once, not on every tick"
    );

    let out = l
        .booking_check_out(
            booking.id,
            "Command Center siap; 1 set vicon lengkap",
            &operator,
            at("2026-03-05T08:30:00+07:00"),
        )
        .unwrap();
    assert_eq!(out.status, "berjalan", "equipment out at the start");
    let back = l
        .booking_check_in(
            booking.id,
            "lengkap, baik",
            &operator,
            at("2026-03-05T12:20:00+07:00"),
        )
        .unwrap();
    assert_eq!(back.status, "selesai", "returned and finished");
    let entries = l
        .audit_trail(&o.admin, Some(&format!("booking:{}", booking.id)))
        .unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "booking.create",
            "booking.assign_operators",
            "booking.approve",
            "booking.check_out",
            "booking.check_in"
        ],
        "every step of the booking is in the audit trail, in order"
    );
}

/// Demak's rooms and vicon kits as the window's administrator enters them.
fn demak_resources(o: &mut Office) {
    for (id, name, kind, quantity) in [
        ("command-center", "Command Center", "ruang", 1),
        ("vicon", "Perangkat video conference", "peralatan", 2),
    ] {
        let form = loket_api::booking::ResourceForm {
            id: id.into(),
            name: name.into(),
            kind: kind.into(),
            quantity,
            setup_minutes: 30,
            teardown_minutes: 30,
            unit_id: Some("tim-spa".into()),
            operators_needed: 0,
            skill: None,
        };
        o.loket
            .resource_save(&form, &o.admin, at("2026-03-02T08:00:00+07:00"))
            .unwrap();
    }
}

fn form(title: &str, start: &str, end: &str) -> loket_api::booking::BookingForm {
    loket_api::booking::BookingForm {
        title: title.into(),
        case_id: None,
        location: "Command Center".into(),
        outside_office: false,
        outside_hours: false,
        start: start.into(),
        end: end.into(),
        resources: vec![loket_api::booking::ResourceAmount {
            resource_id: "command-center".into(),
            quantity: 1,
        }],
        rundown: String::new(),
        requested_by: String::new(),
        repeat_weekdays: vec![],
        repeat_until: None,
    }
}

#[test]
fn the_window_books_from_its_form_shows_the_calendar_and_prints_the_receipt() {
    let mut o = Office::new("demak");
    let kabid = o.account("kabid.aptika", "kepala-bidang-aptika", None);
    demak_resources(&mut o);
    let t = at("2026-03-02T10:00:00+07:00");
    let case = o
        .loket
        .case_register(&o.admin, &video_conference_request(), t)
        .unwrap();
    let made = o
        .loket
        .booking_submit(
            &loket_api::booking::BookingForm {
                case_id: Some(case.id),
                ..form(
                    "Video conference Musrenbang",
                    "2026-03-05T09:00",
                    "2026-03-05T12:00",
                )
            },
            &o.admin,
            t,
        )
        .unwrap();
    let booking = made
        .booking
        .expect("a form without recurrence makes one booking");
    assert_eq!(
        (
            booking.requested_by.as_str(),
            booking.requested_by_name.as_str()
        ),
        ("admin", o.admin.name()),
        "an empty 'peminta' is the signed-in account, so booking reminders reach them"
    );
    let clash = o
        .loket
        .booking_submit(
            &form("Rapat lain", "2026-03-05T11:00", "2026-03-05T13:00"),
            &o.admin,
            t,
        )
        .unwrap_err();
    assert!(
        clash.message.contains(&format!("#{}", booking.id)),
        "the form's conflict names the booking to link to: {}",
        clash.message
    );

    let week = o
        .loket
        .booking_range("2026-03-02", "2026-03-08", Some("command-center"))
        .unwrap();
    assert_eq!(week.days.len(), 7, "a week view has seven days");
    assert_eq!(
        week.bookings.iter().map(|b| b.id).collect::<Vec<_>>(),
        vec![booking.id],
        "the week shows the booking of the Command Center"
    );
    assert!(
        week.days[5].day_off.is_some() && week.days[0].open_minute.is_some(),
        "Saturday is a day off, Monday has office hours: {:?}",
        week.days
    );

    let series = o
        .loket
        .booking_submit(
            &loket_api::booking::BookingForm {
                repeat_weekdays: vec![loket_domain::catalog::Weekday::Kamis],
                repeat_until: Some("2026-03-26".into()),
                ..form("Podcast mingguan", "2026-03-05T10:00", "2026-03-05T11:00")
            },
            &o.admin,
            t,
        )
        .unwrap()
        .series
        .expect("chosen weekdays make a series");
    assert!(
        series
            .skipped
            .iter()
            .any(|s| s.start.starts_with("2026-03-05")),
        "the occurrence colliding with the video conference is skipped and listed: {:?}",
        series.skipped
    );

    let borrower = loket_api::booking::Borrower {
        nama: "Ahmad Fauzi".into(),
        jabatan: "Kepala Bidang Perencanaan".into(),
        instansi: String::new(),
        nip: String::new(),
    };
    let early = o
        .loket
        .booking_receipt(&o.admin, booking.id, &borrower, t)
        .unwrap_err();
    assert!(
        early.message.contains("disetujui"),
        "the receipt waits for approval: {}",
        early.message
    );
    o.loket.booking_approve(booking.id, &kabid, t).unwrap();
    let request = o
        .loket
        .booking_receipt_request(&o.admin, booking.id, &borrower, t)
        .unwrap();
    assert_eq!(
        request.content.isi["peminjam"]["instansi"], "Bappeda Kabupaten Demak",
        "an empty instansi is the request's applicant"
    );
    assert_eq!(
        request.content.isi["waktu"], "09.00 s.d. 12.00 WIB",
        "the time line reads in office time"
    );
    let pdf = o
        .loket
        .booking_receipt(&o.admin, booking.id, &borrower, t)
        .unwrap();
    assert!(
        pdf.pdf.starts_with(b"%PDF") && pdf.pages == 1,
        "the receipt is a one-page PDF"
    );
    if let Ok(dir) = std::env::var("LOKET_ARTIFACTS") {
        std::fs::write(format!("{dir}/bukti-peminjaman.pdf"), &pdf.pdf).unwrap();
    }
    let no_pattern = o
        .loket
        .booking_receipt_draft(&o.admin, booking.id, &borrower, t)
        .unwrap_err();
    assert!(
        no_pattern.message.contains("Penomoran Surat"),
        "a numbered receipt needs a numbering pattern, and the message says where to set it: {}",
        no_pattern.message
    );
    o.loket
        .letter_pattern_set(
            &o.admin.clone(),
            &loket_api::letter::dto::NumberPatternView {
                id: "peminjaman".into(),
                pattern: "{klasifikasi}/{urut:3}/{unit}/{tahun}".into(),
                klasifikasi: "000.7.2".into(),
                unit: "DKIS".into(),
                kinds: vec!["bukti_peminjaman_cc".into()],
            },
            t,
        )
        .unwrap();
    let draft = o
        .loket
        .booking_receipt_draft(&o.admin, booking.id, &borrower, t)
        .unwrap();
    assert_eq!(
        (draft.kind.as_str(), draft.case_id, draft.nomor.as_str()),
        (
            "bukti_peminjaman_cc",
            Some(case.id),
            "000.7.2/001/DKIS/2026"
        ),
        "the numbered receipt is a draft linked to the request with a reserved number"
    );
    assert_eq!(
        (
            draft.content.isi["kegiatan"].as_str(),
            draft.content.isi["waktu"].as_str(),
            draft.content.isi["peminjam"]["nama"].as_str(),
        ),
        (
            Some("Video conference Musrenbang"),
            Some("09.00 s.d. 12.00 WIB"),
            Some("Ahmad Fauzi")
        ),
        "the draft is filled from the booking like the print copy"
    );
    assert_eq!(
        draft.content.hal, "Bukti Peminjaman Command Center",
        "the hal names the loan"
    );
    let history = o.loket.booking_history(&o.admin, booking.id).unwrap();
    assert_eq!(
        history
            .iter()
            .map(|h| h.action_label.as_str())
            .collect::<Vec<_>>(),
        ["Dipesan", "Disetujui"],
        "the page's history reads the audit trail in words"
    );
}

fn blackout(resource: Option<&str>, start: &str, end: &str, reason: &str) -> BlackoutForm {
    BlackoutForm {
        resource_id: resource.map(str::to_string),
        start: start.into(),
        end: end.into(),
        reason: reason.into(),
    }
}

#[test]
fn the_administrator_lists_and_removes_blackouts_and_removal_frees_the_slot() {
    let mut o = Office::new("demak");
    let kabid = o.account("kabid.aptika", "kepala-bidang-aptika", None);
    demak_resources(&mut o);
    let t = at("2026-03-02T10:00:00+07:00");
    let l = &mut o.loket;
    let ac = l
        .blackout_save(
            &blackout(
                Some("command-center"),
                "2026-03-09T08:00",
                "2026-03-09T12:00",
                "Perawatan AC",
            ),
            &o.admin,
            t,
        )
        .unwrap();
    assert_eq!(
        (ac.resource_name.as_str(), ac.when_words.as_str()),
        ("Command Center", "Senin, 9 Maret 2026 08.00–12.00 WIB"),
        "the blackout reads in words, in office time"
    );
    let closed = l
        .blackout_save(
            &blackout(
                None,
                "2026-03-11T00:00",
                "2026-03-12T00:00",
                "Kantor tutup: pindah gedung",
            ),
            &o.admin,
            t,
        )
        .unwrap();
    assert_eq!(
        closed.resource_name, "Semua sumber daya",
        "an empty resource closes everything"
    );

    let refused = l
        .blackout_save(
            &blackout(None, "2026-03-13T08:00", "2026-03-13T09:00", "Uji"),
            &kabid,
            t,
        )
        .unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::Forbidden,
        "only administrators add blackouts: {}",
        refused.message
    );
    let refused = l.blackout_remove(ac.id, &kabid, t).unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::Forbidden,
        "only administrators remove blackouts: {}",
        refused.message
    );

    let upcoming = l.blackout_list(t, None).unwrap();
    assert_eq!(
        upcoming.iter().map(|b| b.id).collect::<Vec<_>>(),
        vec![ac.id, closed.id],
        "upcoming blackouts in start order, the refused ones not among them"
    );
    assert!(
        l.blackout_list(at("2026-03-12T00:00:00+07:00"), None)
            .unwrap()
            .is_empty(),
        "blackouts already over are not upcoming"
    );
    let vicon_week = l
        .booking_range("2026-03-09", "2026-03-15", Some("vicon"))
        .unwrap();
    assert_eq!(
        vicon_week
            .blackouts
            .iter()
            .map(|b| b.id)
            .collect::<Vec<_>>(),
        vec![closed.id],
        "the vicon calendar shows the office closure but not the Command Center's maintenance"
    );
    let week = l.booking_range("2026-03-09", "2026-03-15", None).unwrap();
    assert_eq!(
        week.blackouts.len(),
        2,
        "the calendar of all resources shows both"
    );

    let blocked = l
        .booking_submit(
            &form("Rapat koordinasi", "2026-03-09T09:00", "2026-03-09T10:00"),
            &o.admin,
            t,
        )
        .unwrap_err();
    assert_eq!(
        blocked.code,
        ErrorCode::ScheduleConflict,
        "the maintenance blocks the Command Center"
    );
    assert!(
        blocked.message.contains("masa tutup Senin, 9 Maret 2026 08.00–12.00 WIB (Perawatan AC)") && !blocked.message.contains('#'),
        "the refusal names the blackout by its time and reason, with no '#' the window would take for a booking: {}",
        blocked.message
    );

    l.blackout_remove(ac.id, &o.admin, t).unwrap();
    let trail = l
        .audit_trail(&o.admin, Some(&format!("blackout:{}", ac.id)))
        .unwrap();
    assert_eq!(
        trail.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["blackout.add", "blackout.remove"],
        "adding and removing are both audited"
    );
    assert!(
        trail[1]
            .before
            .as_deref()
            .is_some_and(|b| b.contains("Perawatan AC")),
        "the removal keeps what was removed: {:?}",
        trail[1].before
    );
    let again = l.blackout_remove(ac.id, &o.admin, t).unwrap_err();
    assert_eq!(
        again.code,
        ErrorCode::NotFound,
        "a removed blackout is gone: {}",
        again.message
    );
    let booked = l
        .booking_submit(
            &form("Rapat koordinasi", "2026-03-09T09:00", "2026-03-09T10:00"),
            &o.admin,
            t,
        )
        .unwrap();
    let booked = booked
        .booking
        .expect("with the maintenance removed the Command Center can be booked");
    let late = l
        .blackout_save(
            &blackout(
                Some("command-center"),
                "2026-03-09T09:30",
                "2026-03-09T11:00",
                "Perbaikan listrik",
            ),
            &o.admin,
            t,
        )
        .unwrap();
    assert_eq!(
        late.bookings.iter().map(|b| b.id).collect::<Vec<_>>(),
        vec![booked.id],
        "a blackout added over a held booking names it, to be moved or cancelled"
    );
}

#[test]
fn only_those_who_may_approve_see_can_approve() {
    let mut o = Office::new("demak");
    let kabid = o.account("kabid.aptika", "kepala-bidang-aptika", None);
    let kabid_ikp = o.account("kabid.ikp", "kepala-bidang-ikp", None);
    demak_resources(&mut o);
    let t = at("2026-03-02T10:00:00+07:00");
    let l = &mut o.loket;
    let booking = l
        .booking_submit(
            &form("Rapat koordinasi", "2026-03-05T09:00", "2026-03-05T10:00"),
            &o.admin,
            t,
        )
        .unwrap()
        .booking
        .unwrap();
    let page = |who| l.booking_page(booking.id, who, t).unwrap();
    assert!(
        page(&kabid).can_approve,
        "the head over Tim SPA, which holds the Command Center, may approve"
    );
    assert!(page(&o.admin).can_approve, "an administrator may approve");
    let other = page(&kabid_ikp);
    assert!(
        !other.can_approve,
        "the head of another bidang may not approve"
    );
    assert_eq!(
        other.approver, "Ketua Tim Sistem dan Program Aplikasi",
        "the page says whose approval it waits for: the head post of the unit holding the room"
    );
    assert!(
        !booking.can_approve,
        "lists and results never offer approval by themselves"
    );
    l.booking_approve(booking.id, &kabid, t).unwrap();
    assert!(
        !l.booking_page(booking.id, &o.admin, t).unwrap().can_approve,
        "an approved booking is not approved again"
    );
}
