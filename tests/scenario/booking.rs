//! The schedule through loket-api, from a request: Demak's video-conference service (Command
//! Center loan) registered as a case, booked by the Ketua Tim who checks the schedule, operators
//! assigned, approved by the head of the responsible bidang, and on the operators' "Besok" list.

#[path = "office.rs"]
mod office;

use loket_api::booking::{BookingRequest, NewResource};
use loket_api::case::NewCase;
use loket_api::ErrorCode;
use loket_domain::booking::ResourceKind;
use office::{at, Office};

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
