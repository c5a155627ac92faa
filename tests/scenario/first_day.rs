//! A new office's first day through loket-api: the checklist after the first administrator
//! (Pengaturan → Persiapan Kantor). Each step is for administrators only, audited, and moves
//! the office's readiness, which is computed from the data. Denpasar, whose profile names no
//! Kepala Dinas, issues its first letter once its officials are set, and takes its first
//! booking once the equipment its services book is added.

#[path = "office.rs"]
mod office;

use loket_api::account::Actor;
use loket_api::booking::{BookingRequest, ResourceForm};
use loket_api::letter::flow::dto::NewDraft;
use loket_api::office::officials::OfficialForm;
use loket_api::office::{LoadedProfile, ProfileSource};
use loket_api::{ErrorCode, Loket};
use loket_domain::catalog::Acting;
use loket_domain::roles::Role;
use office::{at, Office};

const NOW: &str = "2026-03-02T08:00:00+08:00";

fn done(l: &Loket, step: &str) -> bool {
    l.office_readiness()
        .unwrap()
        .steps
        .iter()
        .find(|s| s.id == step)
        .unwrap_or_else(|| panic!("readiness has a step {step}"))
        .done
}

fn kadis_form() -> OfficialForm {
    OfficialForm {
        position_id: "kepala-dinas".into(),
        name: "Dr. I Made Santika, S.Kom., M.T.".into(),
        nip: "NIP. 19700512 200112 1 007".into(),
        pangkat: "pembina utama muda".into(),
        golongan: "iv/c".into(),
        acting: None,
    }
}

fn audit_actions(o: &Office, entity_prefix: &str) -> Vec<(String, Option<String>, Option<String>)> {
    o.loket
        .audit_trail(&o.admin, None)
        .unwrap()
        .into_iter()
        .filter(|e| e.entity.starts_with(entity_prefix))
        .map(|e| (e.action, e.before, e.after))
        .collect()
}

/// A staff account without the administer role.
fn staff(o: &mut Office) -> Actor {
    o.account(
        "staf.tik",
        "tim-teknis",
        Some(vec![Role::Register, Role::Book]),
    )
}

#[test]
fn officials_are_set_by_administrators_validated_audited_and_kept_over_a_reimport() {
    let mut o = Office::new("denpasar");
    let now = at(NOW);
    let staf = staff(&mut o);
    assert!(
        !done(&o.loket, "pejabat"),
        "Denpasar's profile names no Kepala Dinas: the step is missing"
    );

    let refused = o
        .loket
        .office_official_set(&staf, &kadis_form(), now)
        .unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::Forbidden,
        "only an administrator sets officials"
    );

    for (nip, why) in [
        ("1970051220011210", "a 16-digit number is not a NIP"),
        ("19700512 200112 1 00A", "letters are not digits"),
    ] {
        let e = o
            .loket
            .office_official_set(
                &o.admin.clone(),
                &OfficialForm {
                    nip: nip.into(),
                    ..kadis_form()
                },
                now,
            )
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::BadInput, "{why}");
        assert!(
            e.message.contains("18 angka"),
            "the refusal says a NIP has 18 digits: {}",
            e.message
        );
    }
    let e = o
        .loket
        .office_official_set(
            &o.admin.clone(),
            &OfficialForm {
                pangkat: "Pembina".into(),
                ..kadis_form()
            },
            now,
        )
        .unwrap_err();
    assert!(
        e.message.contains("Pembina Utama Muda"),
        "a pangkat of another golongan is refused naming the right one: {}",
        e.message
    );
    assert!(
        audit_actions(&o, "pejabat:").is_empty(),
        "refusals write nothing to the audit trail"
    );

    let admin = o.admin.clone();
    let page = o
        .loket
        .office_official_set(&admin, &kadis_form(), now)
        .unwrap();
    let kadis = page
        .posts
        .iter()
        .find(|p| p.position_id == "kepala-dinas")
        .and_then(|p| p.holder.clone())
        .expect("the Kepala Dinas now has a holder");
    assert_eq!(
        kadis.block,
        vec![
            "Kepala Dinas Komunikasi, Informatika dan Statistik Kota Denpasar".to_string(),
            "Dr. I Made Santika, S.Kom., M.T.".to_string(),
            "Pembina Utama Muda (IV/c)".to_string(),
            "NIP. 19700512 200112 1 007".to_string(),
        ],
        "the signature block prints pangkat (golongan) and the grouped NIP once, never 'NIP NIP.'"
    );
    assert!(
        kadis.from_office,
        "the holder is marked as set by the office"
    );
    assert!(
        done(&o.loket, "pejabat"),
        "with a Kepala Dinas the step is done"
    );

    let trail = audit_actions(&o, "pejabat:kepala-dinas");
    assert_eq!(trail.len(), 1, "setting the official is one audit entry");
    assert_eq!(
        trail[0].0, "office.official.set",
        "the entry names the use case"
    );
    assert!(trail[0].1.is_none(), "before: nobody held the post");
    assert!(
        trail[0]
            .2
            .as_deref()
            .is_some_and(|a| a.contains("197005122001121007")),
        "after: the stored official with the NIP's digits"
    );

    // Plt.: the jabatan is prefixed; the entry keeps the holder before.
    let page = o
        .loket
        .office_official_set(
            &admin,
            &OfficialForm {
                acting: Some(Acting::Plt),
                ..kadis_form()
            },
            now,
        )
        .unwrap();
    let block = &page.posts[0].holder.as_ref().unwrap().block;
    assert!(
        block[0].starts_with("Plt. Kepala Dinas"),
        "an acting official signs as Plt.: {block:?}"
    );
    let trail = audit_actions(&o, "pejabat:kepala-dinas");
    assert!(
        trail[1].1.as_deref().is_some_and(|b| b.contains("Santika")),
        "a change keeps the holder before"
    );

    // Re-importing the profile (an updated Standar Pelayanan) keeps the office's official.
    let profile = LoadedProfile::read(&ProfileSource::Shipped("denpasar".into())).unwrap();
    o.loket
        .office_reimport(&admin, &profile, at("2026-03-03T08:00:00+08:00"))
        .unwrap();
    assert!(
        o.loket
            .people_list()
            .unwrap()
            .iter()
            .any(|p| p.name == "Dr. I Made Santika, S.Kom., M.T."),
        "the office's official survives a re-import of the profile"
    );
    assert!(done(&o.loket, "pejabat"), "still done after the re-import");

    let page = o
        .loket
        .office_official_clear(&admin, "kepala-dinas", now)
        .unwrap();
    assert!(
        page.posts[0].holder.is_none(),
        "clearing brings back the profile's (empty) post"
    );
    assert!(
        !done(&o.loket, "pejabat"),
        "readiness follows the data, not a flag"
    );
    let trail = audit_actions(&o, "pejabat:kepala-dinas");
    assert_eq!(
        trail.last().unwrap().0,
        "office.official.clear",
        "clearing is audited"
    );
}

#[test]
fn denpasar_issues_its_first_letter_once_officials_and_a_pattern_are_set() {
    let mut o = Office::new("denpasar");
    let now = at(NOW);
    let admin = o.admin.clone();
    let sekretaris = o.account("sekretaris", "sekretaris", None);
    let kadis = o.account("kadis", "kepala-dinas", None);
    let new = NewDraft {
        kind: "surat_balasan".into(),
        case_id: None,
    };
    assert_eq!(
        o.loket.letter_draft(&admin, &new, now).unwrap_err().code,
        ErrorCode::BadInput,
        "before the checklist every Denpasar letter is refused"
    );

    o.loket
        .office_official_set(&admin, &kadis_form(), now)
        .unwrap();
    let mut proposals = o.loket.office_setup_patterns().unwrap();
    let ids: Vec<&str> = proposals.iter().map(|p| p.pattern.id.as_str()).collect();
    assert!(
        ids.contains(&"surat-balasan") && ids.contains(&"pemberitahuan-perpanjangan"),
        "patterns are proposed for the kinds Denpasar's catalog produces: {ids:?}"
    );
    assert!(
        proposals
            .iter()
            .all(|p| p.pattern.klasifikasi.is_empty() && p.pattern.unit == "DKIS"),
        "the kode klasifikasi is left to fill in; the unit code comes from the agency's name"
    );
    let refused = o
        .loket
        .letter_pattern_set_all(
            &admin,
            &proposals
                .iter()
                .map(|p| p.pattern.clone())
                .collect::<Vec<_>>(),
            now,
        )
        .unwrap_err();
    assert!(
        refused.message.contains("klasifikasi"),
        "without a kode klasifikasi the proposals are refused: {}",
        refused.message
    );
    assert!(
        o.loket.letter_pattern_list().unwrap().is_empty(),
        "a refusal creates no pattern"
    );
    let staf = staff(&mut o);
    let patterns: Vec<_> = proposals
        .iter_mut()
        .map(|p| {
            p.pattern.klasifikasi = "000.8.3.3".into();
            p.pattern.clone()
        })
        .collect();
    assert_eq!(
        o.loket
            .letter_pattern_set_all(&staf, &patterns, now)
            .unwrap_err()
            .code,
        ErrorCode::Forbidden,
        "only an administrator creates patterns"
    );
    assert!(
        !done(&o.loket, "penomoran"),
        "patterns missing before the confirmation"
    );
    o.loket
        .letter_pattern_set_all(&admin, &patterns, now)
        .unwrap();
    assert!(
        done(&o.loket, "penomoran"),
        "one confirmation numbers every produced kind"
    );
    assert!(
        o.loket.office_setup_patterns().unwrap().is_empty(),
        "nothing is proposed any more"
    );
    let trail: Vec<_> = audit_actions(&o, "pola-nomor:");
    assert_eq!(
        trail.len(),
        1,
        "the patterns are created in one audited step"
    );

    let draft = o.loket.letter_draft(&admin, &new, now).unwrap();
    assert!(
        draft.nomor.starts_with("000.8.3.3/001/DKIS/III/2026"),
        "the draft reserves a number from the created pattern: {}",
        draft.nomor
    );
    assert!(
        draft
            .warnings
            .iter()
            .any(|w| w.contains("lambang pengganti")),
        "a letter with the placeholder emblem warns before it is issued: {:?}",
        draft.warnings
    );
    let mut content = draft.content.clone();
    content.kepada = vec!["Kepala Dinas Kesehatan Kota Denpasar".into()];
    for (k, v) in content.isi.iter_mut() {
        if v.as_str() == Some("") {
            *v = serde_json::Value::String(if k.contains("tanggal") {
                "2026-02-27".into()
            } else {
                format!("isi {k}")
            });
        }
    }
    o.loket
        .letter_update(&admin, draft.id, &content, now)
        .unwrap();
    o.loket.letter_submit(&admin, draft.id, now).unwrap();
    o.loket.letter_paraf(&sekretaris, draft.id, now).unwrap();
    let signed = o.loket.letter_sign(&kadis, draft.id, now).unwrap();
    assert_eq!(signed.status, "terbit", "Denpasar's first letter is issued");
    assert!(
        signed.issued.is_some(),
        "the issued letter is in the agenda"
    );
    assert!(
        signed
            .warnings
            .iter()
            .any(|w| w.contains("terbit dengan lambang pengganti")),
        "issuing with the placeholder emblem warns the signer (and does not refuse): {:?}",
        signed.warnings
    );
}

#[test]
fn the_office_paper_is_a_setting_drafts_start_on() {
    let mut o = Office::new("demak");
    let now = at("2026-03-02T08:00:00+07:00");
    let admin = o.admin.clone();
    let staf = o.account("staf.fo", "staf-fo", Some(vec![Role::Register]));
    assert!(!done(&o.loket, "kertas"), "no paper chosen yet");
    assert_eq!(
        o.loket.office_paper().unwrap().kertas,
        "a4",
        "A4 until an office chooses"
    );
    assert_eq!(
        o.loket.office_paper_set(&staf, "f4", now).unwrap_err().code,
        ErrorCode::Forbidden,
        "only an administrator sets the office's paper"
    );
    assert_eq!(
        o.loket
            .office_paper_set(&admin, "letter", now)
            .unwrap_err()
            .code,
        ErrorCode::BadInput,
        "only A4 and F4 exist"
    );
    o.loket.office_paper_set(&admin, "F4", now).unwrap();
    assert!(done(&o.loket, "kertas"), "the choice completes the step");
    let trail = audit_actions(&o, "kantor:kertas");
    assert_eq!(trail.len(), 1, "the change is audited once");
    assert_eq!(trail[0].2.as_deref(), Some("\"f4\""), "after: F4");

    let patterns: Vec<_> = o
        .loket
        .office_setup_patterns()
        .unwrap()
        .into_iter()
        .map(|mut p| {
            p.pattern.klasifikasi = "500.12.4".into();
            p.pattern
        })
        .collect();
    o.loket
        .letter_pattern_set_all(&admin, &patterns, now)
        .unwrap();
    let draft = o
        .loket
        .letter_draft(
            &staf,
            &NewDraft {
                kind: "rekomendasi_teknis_fo".into(),
                case_id: None,
            },
            now,
        )
        .unwrap();
    assert_eq!(
        draft.content.kertas,
        loket_letters::Paper::F4,
        "a draft starts on the office's paper"
    );
    let mut content = draft.content.clone();
    content.kertas = loket_letters::Paper::A4;
    let changed = o
        .loket
        .letter_update(&staf, draft.id, &content, now)
        .unwrap();
    assert_eq!(
        changed.content.kertas,
        loket_letters::Paper::A4,
        "a letter can override the office's paper"
    );
}

#[test]
fn the_emblem_is_uploaded_as_svg_or_png_and_replaces_the_placeholder() {
    let mut o = Office::new("jember");
    let now = at("2026-03-02T08:00:00+07:00");
    let admin = o.admin.clone();
    let staf = o.account("staf", "petugas-ppid-utama", None);
    assert!(
        o.loket.emblem_is_placeholder().unwrap(),
        "a new office has the placeholder"
    );
    assert!(!done(&o.loket, "lambang"), "the emblem step is missing");
    let png = tiny_png();
    assert_eq!(
        o.loket
            .office_emblem_save(&staf, "lambang.png", &png, now)
            .unwrap_err()
            .code,
        ErrorCode::Forbidden,
        "only an administrator changes the emblem"
    );
    let e = o
        .loket
        .office_emblem_save(&admin, "lambang.jpg", b"\xff\xd8\xff\xe0 not an svg", now)
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadInput, "a JPEG is refused");
    assert!(
        e.message.contains("SVG atau PNG"),
        "the refusal names the formats: {}",
        e.message
    );
    assert!(
        o.loket.emblem_is_placeholder().unwrap(),
        "a refused file changes nothing"
    );

    o.loket
        .office_emblem_save(&admin, "lambang.png", &png, now)
        .unwrap();
    assert!(
        !o.loket.emblem_is_placeholder().unwrap(),
        "the PNG replaces the placeholder"
    );
    assert!(done(&o.loket, "lambang"), "the step is done");
    let trail = audit_actions(&o, "template:lambang.svg");
    assert_eq!(trail.len(), 1, "the upload is audited as a template save");
    assert!(
        trail[0]
            .2
            .as_deref()
            .is_some_and(|t| t.contains("data:image/png;base64,")),
        "after: the SVG that embeds the PNG"
    );
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 12\"><rect width=\"10\" height=\"12\" fill=\"#2a5\"/></svg>";
    o.loket
        .office_emblem_save(&admin, "lambang.svg", svg.as_bytes(), now)
        .unwrap();
    assert_eq!(
        o.loket.letter_template_show("lambang.svg").unwrap(),
        svg,
        "an SVG is stored as it is"
    );
}

#[test]
fn resources_are_proposed_from_the_services_that_book_them_and_added_at_once() {
    let mut o = Office::new("denpasar");
    let now = at(NOW);
    let admin = o.admin.clone();
    let staf = staff(&mut o);
    let proposals = o.loket.office_setup_resources().unwrap();
    let ids: Vec<&str> = proposals.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        vec!["vicon", "sound-system"],
        "Denpasar's ICT service books video-conference kits and a sound system"
    );
    assert!(
        proposals
            .iter()
            .all(|p| p.unit_id == "pelaksana-tik" && !p.exists && p.quantity == 1),
        "each is proposed under the unit of the service that books it, one to confirm"
    );
    let demak: Vec<String> = Office::new("demak")
        .loket
        .office_setup_resources()
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert!(
        demak.contains(&"command-center".to_string()) && demak.contains(&"streaming".to_string()),
        "Demak's catalog books the Command Center and a streaming kit: {demak:?}"
    );
    let kediri: Vec<String> = Office::new("kediri")
        .loket
        .office_setup_resources()
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert!(
        kediri.contains(&"jammer".to_string()),
        "Kediri's catalog books a jammer: {kediri:?}"
    );

    let forms: Vec<ResourceForm> = proposals
        .iter()
        .map(|p| ResourceForm {
            id: p.id.clone(),
            name: p.name.clone(),
            kind: p.kind.clone(),
            quantity: if p.id == "vicon" { 2 } else { p.quantity },
            setup_minutes: p.setup_minutes,
            teardown_minutes: p.teardown_minutes,
            unit_id: Some(p.unit_id.clone()),
            operators_needed: 0,
            skill: None,
        })
        .collect();
    assert_eq!(
        o.loket
            .resource_save_all(&forms, &staf, now)
            .unwrap_err()
            .code,
        ErrorCode::Forbidden,
        "only an administrator adds resources"
    );
    let mut bad = forms.clone();
    bad[1].quantity = 0;
    assert_eq!(
        o.loket
            .resource_save_all(&bad, &admin, now)
            .unwrap_err()
            .code,
        ErrorCode::BadInput,
        "a zero quantity is refused"
    );
    assert!(
        o.loket.resource_list().unwrap().is_empty(),
        "a refusal adds none of them"
    );
    assert!(
        !done(&o.loket, "sumber_daya"),
        "resources missing before the confirmation"
    );

    o.loket.resource_save_all(&forms, &admin, now).unwrap();
    assert!(done(&o.loket, "sumber_daya"), "the step is done");
    assert!(
        o.loket
            .office_setup_resources()
            .unwrap()
            .iter()
            .all(|p| p.exists),
        "the proposals now show as registered"
    );
    let trail = audit_actions(&o, "resource:");
    assert_eq!(trail.len(), 2, "each resource has its resource.add entry");
    assert!(
        trail.iter().all(|t| t.0 == "resource.add"),
        "through the existing use case"
    );

    let booking = o
        .loket
        .booking_create(
            &BookingRequest {
                title: "Video conference rapat koordinasi".into(),
                case_id: None,
                location: "Ruang rapat Dinas Kesehatan".into(),
                outside_office: false,
                outside_hours: false,
                start: at("2026-03-04T09:00:00+08:00"),
                end: at("2026-03-04T11:00:00+08:00"),
                resources: vec![("vicon".into(), 2)],
                operators: vec![],
                rundown: "09.00 pembukaan; 09.15 paparan".into(),
                requested_by: "Dinas Kesehatan".into(),
            },
            &staf,
            now,
        )
        .unwrap();
    let approved = o.loket.booking_approve(booking.id, &admin, now).unwrap();
    assert_eq!(
        approved.status, "disetujui",
        "the first booking is approved"
    );
}

#[test]
fn readiness_lists_every_step_until_the_data_has_it() {
    let o = Office::new("kediri");
    let r = o.loket.office_readiness().unwrap();
    let ids: Vec<&str> = r.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        vec!["pejabat", "lambang", "kertas", "penomoran", "sumber_daya"],
        "the checklist's five steps in order"
    );
    assert!(
        r.steps[0].done,
        "Kediri's profile names its Kepala Dinas: nothing to do for officials"
    );
    assert_eq!(
        r.missing, 4,
        "the other four steps are missing on a new office"
    );
}

/// A 1×1 PNG.
fn tiny_png() -> Vec<u8> {
    vec![
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f,
        0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x50,
        0x68, 0x70, 0xf8, 0x0f, 0x00, 0x03, 0x84, 0x01, 0xe0, 0x1b, 0x43, 0xe3, 0x33, 0x00, 0x00,
        0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ]
}

#[test]
fn an_official_with_an_account_is_one_operator_in_the_directory() {
    let mut o = Office::new("denpasar");
    let now = at(NOW);
    let admin = o.admin.clone();
    o.loket
        .office_official_set(&admin, &kadis_form(), now)
        .unwrap();
    o.loket
        .account_create(
            &admin,
            &loket_api::account::NewAccount {
                login: "kadis".into(),
                name: "Dr. I Made Santika, S.Kom., M.T.".into(),
                nip: "197005122001121007".into(),
                position_id: "kepala-dinas".into(),
                roles: None,
                password: office::PASSWORD.into(),
            },
            now,
        )
        .unwrap();
    let named: Vec<String> = o
        .loket
        .resource_operators()
        .unwrap()
        .into_iter()
        .filter(|p| p.name.contains("Santika"))
        .map(|p| p.id)
        .collect();
    assert_eq!(
        named,
        vec!["kadis".to_string()],
        "the official and their account (same NIP) are listed once, as the account"
    );
}
