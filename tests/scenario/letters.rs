//! Letters through loket-api: Demak's recommendation for fibre-optic cabling drafted from
//! its case, initialled by the Kepala Bidang then the Sekretaris, signed by the Kepala Dinas
//! and issued with a fixed number into the outgoing agenda; every refusal on the way; a
//! Plt. signing; and Denpasar, whose profile names nobody to sign.

#[path = "office.rs"]
mod office;

#[path = "fo_letter.rs"]
mod fo_letter;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use fo_letter::{complete, demak, Demak};
use loket_api::letter::dto::NumberPatternView;
use loket_api::letter::flow::dto::{DraftView, NewDraft};
use loket_api::{ErrorCode, Loket};
use loket_domain::catalog::Acting;
use office::{at, Office, Shown};

fn code(r: Result<DraftView, loket_api::ApiError>) -> ErrorCode {
    r.expect_err("the step is refused").code
}

#[test]
fn demak_fo_recommendation_from_draft_to_issued() {
    let mut d = demak();
    let case_id = d.case_id;
    let l = &mut d.o.loket;
    let mut t = at("2026-03-03T09:00:00+07:00");
    let mut tick = || {
        t += Duration::minutes(5);
        t
    };

    let draft = l
        .letter_draft(
            &d.preparer,
            &NewDraft {
                kind: "rekomendasi_teknis_fo".into(),
                case_id: Some(case_id),
            },
            tick(),
        )
        .unwrap();
    assert_eq!(draft.status, "konsep", "a new draft is a konsep");
    assert_eq!(
        draft.nomor, "500.12.4/1/DKIS/2026",
        "the draft reserves the first number of the pattern"
    );
    assert_eq!(
        draft.content.kepada,
        vec!["PT Telekomunikasi Pesisir Utara".to_string()],
        "the letter is addressed to the applicant of the case"
    );
    assert_eq!(
        draft.content.isi["surat_nomor"], "045/TPU/II/2026",
        "the request's number is pre-filled from the case"
    );
    assert_eq!(
        draft.content.tanggal,
        NaiveDate::from_ymd_opt(2026, 3, 3),
        "the letter is dated the day it is drafted"
    );
    let chain: Vec<&str> = draft.chain.iter().map(|s| s.position_id.as_str()).collect();
    assert_eq!(
        chain,
        vec!["kepala-bidang-aptika", "sekretaris", "kepala-dinas"],
        "FO is an Aptika service: Kepala Bidang Aptika, then the Sekretaris initial; the Kepala Dinas signs"
    );
    let id = draft.id;

    // Without the route the letter does not render, so it cannot be sent on.
    let err = l.letter_submit(&d.preparer, id, tick()).unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::BadInput,
        "an incomplete draft is refused"
    );
    assert!(
        err.message.contains("ruas"),
        "the refusal names the missing field: {}",
        err.message
    );
    let preview = l
        .letter_preview(
            &loket_api::letter::dto::LetterRequest {
                kind: draft.kind.clone(),
                content: draft.content.clone(),
                ..Default::default()
            },
            Some(&draft.nomor),
        )
        .unwrap();
    assert!(
        preview.pages.is_empty() && preview.error.contains("ruas"),
        "the preview shows why it does not render: {}",
        preview.error
    );

    assert_eq!(
        code(l.letter_update(&d.kabid, id, &draft.content, tick())),
        ErrorCode::Forbidden,
        "only the preparer edits the draft"
    );
    let draft = complete(l, &d.preparer, &draft, tick());
    let preview = l
        .letter_preview(
            &loket_api::letter::dto::LetterRequest {
                kind: draft.kind.clone(),
                content: draft.content.clone(),
                ..Default::default()
            },
            Some(&draft.nomor),
        )
        .unwrap();
    assert!(
        !preview.pages.is_empty() && preview.pages[0].starts_with("<svg"),
        "a complete draft previews as SVG pages: {}",
        preview.error
    );
    assert_eq!(
        code(l.letter_paraf(&d.kabid, id, tick())),
        ErrorCode::Conflict,
        "a konsep not sent on cannot be initialled"
    );
    let v = l.letter_submit(&d.preparer, id, tick()).unwrap();
    assert_eq!(v.status, "menunggu_paraf", "submitted, it waits for paraf");
    assert_eq!(
        code(l.letter_update(&d.preparer, id, &v.content, tick())),
        ErrorCode::Conflict,
        "a draft on its way is not edited"
    );

    // Order and person.
    assert_eq!(
        code(l.letter_paraf(&d.sekretaris, id, tick())),
        ErrorCode::Conflict,
        "the Sekretaris initials after the Kepala Bidang"
    );
    assert_eq!(
        code(l.letter_paraf(&d.staf, id, tick())),
        ErrorCode::Forbidden,
        "staf without the paraf role cannot initial"
    );
    let queues = l.letter_queues(&d.kabid, tick()).unwrap();
    assert_eq!(
        queues.paraf.len(),
        1,
        "the draft waits in the Kepala Bidang's paraf list"
    );
    assert!(
        l.letter_queues(&d.sekretaris, tick())
            .unwrap()
            .paraf
            .is_empty(),
        "and not yet in the Sekretaris's"
    );
    assert_eq!(
        code(l.letter_sign(&d.kadis, id, tick())),
        ErrorCode::Conflict,
        "no signature before every paraf"
    );

    // A return sends it back with the note; the round starts again.
    let v = l
        .letter_return(&d.kabid, id, "Lengkapi metode penggelaran", tick())
        .unwrap();
    assert_eq!(v.status, "dikembalikan", "returned to the preparer");
    assert_eq!(v.note, "Lengkapi metode penggelaran", "with the note");
    assert_eq!(
        code(l.letter_return(&d.kabid, id, "lagi", tick())),
        ErrorCode::Conflict,
        "a returned draft is back with the preparer"
    );
    l.letter_submit(&d.preparer, id, tick()).unwrap();

    let v = l.letter_paraf(&d.kabid, id, tick()).unwrap();
    assert!(
        v.chain[0].done && !v.chain[1].done,
        "the Kepala Bidang's paraf is recorded, the Sekretaris's is next"
    );
    assert_eq!(
        code(l.letter_paraf(&d.kabid, id, tick())),
        ErrorCode::Forbidden,
        "the Kepala Bidang does not initial twice"
    );
    let v = l.letter_paraf(&d.sekretaris, id, tick()).unwrap();
    assert_eq!(
        v.status, "menunggu_tanda_tangan",
        "after the last paraf it waits for the signature"
    );
    assert_eq!(
        code(l.letter_sign(&d.staf, id, tick())),
        ErrorCode::Forbidden,
        "staf cannot sign"
    );
    assert_eq!(
        code(l.letter_sign(&d.sekretaris, id, tick())),
        ErrorCode::Forbidden,
        "the Sekretaris has the sign role but does not hold the Kepala Dinas's post"
    );
    assert_eq!(
        l.letter_queues(&d.kadis, tick()).unwrap().sign.len(),
        1,
        "it waits in the Kepala Dinas's signature list"
    );

    let v = l.letter_sign(&d.kadis, id, tick()).unwrap();
    assert_eq!(v.status, "terbit", "signed, the letter is issued");
    let issued = v.issued.clone().expect("the issued letter is linked");
    assert_eq!(
        issued.nomor, "500.12.4/1/DKIS/2026",
        "the reserved number is the letter's number"
    );
    assert_eq!(
        issued.case_id.as_deref(),
        Some(case_id.to_string().as_str()),
        "the agenda row is linked to the case"
    );
    let numbers = l.letter_number_list(Some(2026)).unwrap();
    assert_eq!(
        numbers[0].status, "tetap",
        "the number is fixed in the register"
    );
    let agenda = l.letter_list(Some(&case_id.to_string())).unwrap();
    assert_eq!(agenda.len(), 1, "the case's outgoing agenda has the letter");
    let pdf = l.letter_pdf(&issued.nomor).unwrap();
    keep_for_a_look(&pdf);
    let report = l.letter_verify(&pdf).unwrap();
    assert!(
        report.genuine,
        "the stored PDF verifies: {}",
        report.verdict
    );
    let mut altered = pdf.clone();
    let mid = altered.len() / 2;
    altered[mid] ^= 1;
    assert!(
        !l.letter_verify(&altered).unwrap().genuine,
        "one changed byte fails verification"
    );
    assert_eq!(
        v.content.penandatangan.as_ref().map(|s| s.nama.as_str()),
        Some("Pegawai kadis"),
        "the signature block names who signed"
    );

    assert_eq!(
        code(l.letter_update(&d.preparer, id, &v.content, tick())),
        ErrorCode::Conflict,
        "an issued letter is not edited"
    );
    assert_eq!(
        code(l.letter_void(&d.preparer, id, "salah", tick())),
        ErrorCode::Conflict,
        "an issued letter is not cancelled"
    );
    assert_eq!(
        code(l.letter_sign(&d.kadis, id, tick())),
        ErrorCode::Conflict,
        "an issued letter is not signed twice"
    );
    let actions: Vec<String> = v.events.iter().map(|e| e.action.clone()).collect();
    assert_eq!(
        actions,
        vec![
            "konsep",
            "ubah",
            "ajukan",
            "kembalikan",
            "ajukan",
            "paraf",
            "paraf",
            "tanda_tangan"
        ],
        "the letter page shows who did what, in order"
    );
    let trail = l
        .audit_trail(&d.o.admin, Some(&format!("letter_draft:{id}")))
        .unwrap();
    assert_eq!(trail.len(), 8, "every step is audited");
}

#[test]
fn a_plt_signs_and_the_block_says_so() {
    let mut d = demak();
    let case_id = d.case_id;
    let plt = d.o.account("plt.kadis", "kepala-bidang-ikp", None);
    d.o.loket
        .account_acting(
            &d.o.admin,
            "plt.kadis",
            "kepala-dinas",
            Acting::Plt,
            NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
            at("2026-03-02T07:30:00+07:00"),
        )
        .unwrap();
    let now = at("2026-03-04T10:00:00+07:00");
    let draft = d.initialled(case_id, now);
    let l = &mut d.o.loket;
    let v = l.letter_sign(&plt, draft, now).unwrap();
    assert_eq!(v.status, "terbit", "the Plt. signs for the Kepala Dinas");
    let block = v.content.penandatangan.unwrap();
    assert!(
        block.jabatan.starts_with("Plt. Kepala Dinas"),
        "the block reads Plt.: {}",
        block.jabatan
    );
    let after = at("2026-04-02T10:00:00+07:00");
    let d2 = d.initialled(case_id, after);
    let l = &mut d.o.loket;
    assert_eq!(
        code(l.letter_sign(&plt, d2, after)),
        ErrorCode::Forbidden,
        "after the appointment ends the Plt. no longer signs"
    );
    let v = l
        .letter_void(&d.preparer, d2, "permohonan dicabut", after)
        .unwrap();
    assert_eq!(v.status, "batal", "the preparer cancels an unsigned draft");
    let n = l.letter_number_list(Some(2026)).unwrap();
    assert!(
        n.iter().any(|x| x.number == v.nomor && x.status == "batal"),
        "its number is voided, never reused"
    );
}

#[test]
fn drafting_refusals() {
    let mut d = demak();
    let case_id = d.case_id;
    let l = &mut d.o.loket;
    let now = at("2026-03-03T09:00:00+07:00");
    let new = NewDraft {
        kind: "rekomendasi_teknis_fo".into(),
        case_id: Some(case_id),
    };
    assert_eq!(
        code(l.letter_draft(&d.staf, &new, now)),
        ErrorCode::Forbidden,
        "staf without register or dispose does not draft"
    );
    let err = l
        .letter_draft(
            &d.preparer,
            &NewDraft {
                kind: "surat_cinta".into(),
                case_id: Some(case_id),
            },
            now,
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::BadInput, "an unknown kind is refused");
    let err = l
        .letter_draft(
            &d.preparer,
            &NewDraft {
                kind: "surat_balasan".into(),
                case_id: Some(case_id),
            },
            now,
        )
        .unwrap_err();
    assert!(
        err.message.contains("pola nomor"),
        "a kind without a numbering pattern says how to set one: {}",
        err.message
    );
    assert!(
        l.letter_number_list(None).unwrap().is_empty(),
        "a refused draft consumes no number"
    );
}

#[test]
fn denpasar_has_no_signer_and_says_what_to_set() {
    let mut o = Office::new("denpasar");
    let admin = o.admin.clone();
    let err = o
        .loket
        .letter_draft(
            &admin,
            &NewDraft {
                kind: "surat_balasan".into(),
                case_id: None,
            },
            at("2026-03-03T09:00:00+07:00"),
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::BadInput, "no signer is bad input");
    assert!(
        err.message.contains("Kepala Dinas") && err.message.contains("profil kantor"),
        "the message tells the admin what to add: {}",
        err.message
    );
}

/// Writes the issued PDF to artifacts/letters and its pages as PNG (when pdftoppm is there)
/// so a person can look at the signed letter.
fn keep_for_a_look(pdf: &[u8]) {
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../artifacts/letters");
    std::fs::create_dir_all(&out).unwrap();
    let file = out.join("alur-demak-rekomendasi-fo.pdf");
    std::fs::write(&file, pdf).unwrap();
    let _ = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "60"])
        .arg(&file)
        .arg(out.join("alur-demak-rekomendasi-fo"))
        .status();
}

/// Pengaturan → Templat Surat through loket-api: only an administrator saves or resets, a
/// broken edit is refused with its line while the previous version stays, the preview shows
/// the error's line, and both changes enter the audit trail with the text before and after.
#[test]
fn template_edits_are_for_administrators_previewed_with_their_line_and_audited() {
    let mut d = demak();
    let now = at("2026-03-03T09:00:00+07:00");
    let shipped = Loket::letter_template_default("penolakan.typ").unwrap();
    let edited = shipped.replace(
        "Demikian kami sampaikan.",
        "Demikian kami sampaikan dengan hormat.",
    );
    assert_ne!(
        edited, shipped,
        "the edit changes the shipped closing sentence"
    );

    let refused =
        d.o.loket
            .letter_template_save(&d.staf, "penolakan.typ", &edited, now)
            .unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::Forbidden,
        "only the administer role saves templates"
    );
    let refused =
        d.o.loket
            .letter_template_reset(&d.kadis, "penolakan.typ", now)
            .unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::Forbidden,
        "only the administer role resets templates, even the Kepala Dinas is refused"
    );

    let view =
        d.o.loket
            .letter_template_save(&d.o.admin, "penolakan.typ", &edited, now)
            .unwrap();
    assert!(
        view.edited && view.kinds == vec!["penolakan".to_string()],
        "the saved file is marked edited and names the kind it renders: {view:?}"
    );
    assert_eq!(
        d.o.loket.letter_template_show("penolakan.typ").unwrap(),
        edited,
        "the office's copy is now the active template"
    );

    let broken = edited.replace("#butir(i.alasan)", "#butir(i.alasan");
    let line = edited
        .lines()
        .position(|l| l.contains("#butir(i.alasan)"))
        .unwrap() as u32
        + 1;
    let preview =
        d.o.loket
            .letter_template_preview_svg("penolakan", "penolakan.typ", &broken)
            .unwrap();
    assert!(
        preview.pages.is_empty()
            && preview.error_file == "penolakan.typ"
            && preview.error_line == line
            && preview.error.contains(&format!("baris {line}")),
        "the live preview names the broken file and line {line}: {preview:?}"
    );
    let err =
        d.o.loket
            .letter_template_save(&d.o.admin, "penolakan.typ", &broken, now)
            .unwrap_err();
    assert!(
        err.code == ErrorCode::BadInput && err.message.contains(&format!("baris {line}")),
        "saving a broken template is bad input naming line {line}: {}",
        err.message
    );
    assert_eq!(
        d.o.loket.letter_template_show("penolakan.typ").unwrap(),
        edited,
        "the previous version stays active after a refused save"
    );
    let good =
        d.o.loket
            .letter_template_preview_svg("penolakan", "penolakan.typ", &edited)
            .unwrap();
    assert!(
        good.error.is_empty() && good.pages.len() == 1 && good.pages[0].contains("<svg"),
        "a template that compiles previews as SVG pages: {}",
        good.error
    );

    assert!(
        d.o.loket
            .letter_template_reset(&d.o.admin, "penolakan.typ", at("2026-03-03T10:00:00+07:00"))
            .unwrap(),
        "reset removes the office's copy"
    );
    assert_eq!(
        d.o.loket.letter_template_show("penolakan.typ").unwrap(),
        shipped,
        "after reset the shipped template is active again"
    );
    let trail =
        d.o.loket
            .audit_trail(&d.o.admin, Some("template:penolakan.typ"))
            .unwrap();
    let actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        vec!["letter.template.save", "letter.template.reset"],
        "the accepted save and the reset are audited; refusals write nothing"
    );
    assert!(
        trail[0].after.as_deref().unwrap().contains("dengan hormat")
            && trail[1]
                .before
                .as_deref()
                .unwrap()
                .contains("dengan hormat"),
        "the audit keeps the edited text before and after"
    );
}

/// Pengaturan → Penomoran Surat through loket-api: only an administrator saves a pattern,
/// the example follows the pattern's own counter, a kind taken by a new pattern leaves the
/// old one, the kinds without a pattern are listed, and the change is audited.
#[test]
fn numbering_patterns_are_set_by_administrators_with_the_next_number_shown() {
    let mut d = demak();
    let now = at("2026-11-23T09:00:00+07:00");
    let page = d.o.loket.letter_pattern_page(now.date_naive()).unwrap();
    assert_eq!(
        page.patterns.len(),
        1,
        "the fixture's rekomendasi pattern is listed"
    );
    assert!(
        page.unnumbered.iter().any(|k| k.id == "surat_balasan")
            && !page
                .unnumbered
                .iter()
                .any(|k| k.id == "rekomendasi_teknis_fo"),
        "kinds without a pattern are named, numbered ones are not"
    );
    assert!(
        !page.kinds.iter().any(|k| k.id == "lembar_disposisi"),
        "the lembar disposisi takes no number from the register"
    );

    let balasan = NumberPatternView {
        id: "surat-keluar".into(),
        pattern: "{klasifikasi}/{urut:3}/{unit}/{bulan_romawi}/{tahun}".into(),
        klasifikasi: "000.8.3.3".into(),
        unit: "DKIS".into(),
        kinds: vec!["surat_balasan".into(), "rekomendasi_teknis_fo".into()],
    };
    assert_eq!(
        d.o.loket
            .letter_pattern_example(&balasan, now.date_naive())
            .unwrap(),
        "000.8.3.3/001/DKIS/XI/2026",
        "a new pattern starts at 001 in November (XI) 2026"
    );
    let refused =
        d.o.loket
            .letter_pattern_set(&d.kadis, &balasan, now)
            .unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::Forbidden,
        "only the administer role sets numbering patterns"
    );
    let mut bad = balasan.clone();
    bad.unit = String::new();
    let err =
        d.o.loket
            .letter_pattern_set(&d.o.admin, &bad, now)
            .unwrap_err();
    assert!(
        err.code == ErrorCode::BadInput && err.message.contains("{unit}"),
        "a pattern using {{unit}} without a unit code is refused: {}",
        err.message
    );

    let page =
        d.o.loket
            .letter_pattern_set(&d.o.admin, &balasan, now)
            .unwrap();
    let old = page
        .patterns
        .iter()
        .find(|p| p.pattern.id == "rekomendasi")
        .unwrap();
    assert!(
        old.pattern.kinds.is_empty(),
        "the FO recommendation moved to the new pattern: {:?}",
        old.pattern.kinds
    );
    assert!(
        !page.unnumbered.iter().any(|k| k.id == "surat_balasan"),
        "surat balasan is numbered now"
    );
    d.o.loket
        .letter_draft(
            &d.preparer,
            &NewDraft {
                kind: "surat_balasan".into(),
                case_id: Some(d.case_id),
            },
            now,
        )
        .expect("a surat balasan can be drafted once it has a pattern");
    let row =
        d.o.loket
            .letter_pattern_page(now.date_naive())
            .unwrap()
            .patterns
            .into_iter()
            .find(|p| p.pattern.id == "surat-keluar")
            .unwrap();
    assert_eq!(
        row.next_number, "000.8.3.3/002/DKIS/XI/2026",
        "the draft reserved 001, so the page shows 002 next"
    );
    let trail =
        d.o.loket
            .audit_trail(&d.o.admin, Some("pola-nomor:surat-keluar"))
            .unwrap();
    assert_eq!(
        trail.len(),
        1,
        "the accepted change is audited once; refusals write nothing"
    );
    assert!(
        trail[0]
            .before
            .as_deref()
            .unwrap()
            .contains("rekomendasi_teknis_fo")
            && trail[0].after.as_deref().unwrap().contains("surat-keluar"),
        "the audit shows the patterns before and after"
    );
}

/// The titles the watcher shows to `who` at `now` (their posts, as the desktop watcher asks).
fn watched(d: &mut Demak, who: &str, post: &str, now: DateTime<FixedOffset>) -> Vec<String> {
    let mut shown = Shown::default();
    let audience = loket_api::sla::Audience::person(who, &[post.to_string()]);
    d.o.loket
        .watch_tick(now, &audience, false, &mut shown)
        .unwrap();
    shown
        .0
        .iter()
        .map(|n| n.title.clone())
        .filter(|t| t.starts_with("Surat"))
        .collect()
}

/// The watcher tells the post whose paraf or signature is due, once per step; a returned and
/// resent draft announces itself again.
#[test]
fn a_letter_waiting_for_paraf_or_signature_notifies_that_post_once() {
    let mut d = demak();
    let t = at("2026-03-03T09:00:00+07:00");
    let new = NewDraft {
        kind: "rekomendasi_teknis_fo".into(),
        case_id: Some(d.case_id),
    };
    let draft = d.o.loket.letter_draft(&d.preparer, &new, t).unwrap();
    let draft = complete(&mut d.o.loket, &d.preparer, &draft, t);
    assert!(
        watched(&mut d, "kabid.aptika", "kepala-bidang-aptika", t).is_empty(),
        "a draft still with its preparer waits for nobody"
    );
    d.o.loket
        .letter_submit(&d.preparer, draft.id, at("2026-03-03T09:05:00+07:00"))
        .unwrap();
    let t = at("2026-03-03T09:06:00+07:00");
    assert_eq!(
        watched(&mut d, "kabid.aptika", "kepala-bidang-aptika", t),
        vec!["Surat menunggu paraf Anda"],
        "the Kepala Bidang, first in the chain, is told"
    );
    assert!(
        watched(&mut d, "kabid.aptika", "kepala-bidang-aptika", t).is_empty(),
        "the next tick does not repeat it"
    );
    assert!(
        watched(&mut d, "sekretaris", "sekretaris", t).is_empty(),
        "the Sekretaris is not told before their turn"
    );
    d.o.loket
        .letter_return(
            &d.kabid,
            draft.id,
            "Lengkapi metode",
            at("2026-03-03T09:10:00+07:00"),
        )
        .unwrap();
    d.o.loket
        .letter_submit(&d.preparer, draft.id, at("2026-03-03T09:20:00+07:00"))
        .unwrap();
    assert_eq!(
        watched(
            &mut d,
            "kabid.aptika",
            "kepala-bidang-aptika",
            at("2026-03-03T09:21:00+07:00")
        ),
        vec!["Surat menunggu paraf Anda"],
        "a draft sent again after being returned is announced again"
    );
    d.o.loket
        .letter_paraf(&d.kabid, draft.id, at("2026-03-03T09:30:00+07:00"))
        .unwrap();
    d.o.loket
        .letter_paraf(&d.sekretaris, draft.id, at("2026-03-03T09:40:00+07:00"))
        .unwrap();
    assert_eq!(
        watched(
            &mut d,
            "kadis",
            "kepala-dinas",
            at("2026-03-03T09:41:00+07:00")
        ),
        vec!["Surat menunggu tanda tangan Anda"],
        "the signer's post is told when the parafs are done"
    );
    let centre =
        d.o.loket
            .notifications(&d.kadis, at("2026-03-03T09:42:00+07:00"))
            .unwrap();
    let n = centre
        .events
        .iter()
        .find(|n| n.title == "Surat menunggu tanda tangan Anda")
        .expect("the notification centre lists it");
    assert_eq!(
        (n.section.as_str(), n.target_id),
        ("surat", Some(draft.id)),
        "following it opens the letter in Surat"
    );
}
