//! Ralat through loket-api: Demak's issued recommendation for fibre-optic cabling is corrected
//! without touching it. The ralat is a new draft of the same letter with a reason, initialled
//! and signed like any letter, issued under its own number and printing which letter it
//! replaces; the original stays genuine and says it was replaced; the agenda lists both.

#[path = "office.rs"]
mod office;

#[path = "fo_letter.rs"]
mod fo_letter;

use chrono::{DateTime, Duration, FixedOffset};
use fo_letter::{demak, Demak};
use loket_api::letter::flow::dto::{DraftView, NewDraft};
use loket_api::{ApiError, ErrorCode, Loket};
use office::at;
use serde_json::json;

/// Submits draft `id`, has both verifiers initial it and the Kepala Dinas sign it.
fn through_the_chain(d: &mut Demak, id: i64, now: DateTime<FixedOffset>) -> DraftView {
    let l = &mut d.o.loket;
    l.letter_submit(&d.preparer, id, now).unwrap();
    l.letter_paraf(&d.kabid, id, now).unwrap();
    l.letter_paraf(&d.sekretaris, id, now).unwrap();
    l.letter_sign(&d.kadis, id, now).unwrap()
}

fn code<T: std::fmt::Debug>(r: Result<T, ApiError>) -> ErrorCode {
    r.expect_err("the act is refused").code
}

#[test]
fn a_ralat_replaces_an_issued_letter_with_its_own_number_and_both_stay_in_the_agenda() {
    let mut d = demak();
    // An account holding no role at all.
    let tamu = d.o.account("tamu", "staf-jaringan", Some(vec![]));
    let mut t = at("2026-03-03T09:00:00+07:00");
    let mut tick = || {
        t += Duration::minutes(5);
        t
    };

    // The original: drafted from the case, the route filled in, initialled, signed.
    let l = &mut d.o.loket;
    let new = NewDraft {
        kind: "rekomendasi_teknis_fo".into(),
        case_id: Some(d.case_id),
    };
    let draft = l.letter_draft(&d.preparer, &new, tick()).unwrap();
    let mut content = draft.content.clone();
    content.isi.insert(
        "ruas".into(),
        json!([{"lokasi": "Jalan Sultan Fatah, Demak", "panjang": "12.000 meter", "metode": "Tanam langsung (HDD)"}]),
    );
    l.letter_update(&d.preparer, draft.id, &content, tick())
        .unwrap();
    let signed = through_the_chain(&mut d, draft.id, tick());
    let original = signed.issued.clone().expect("the original is issued");
    let original_pdf = d.o.loket.letter_pdf(&original.nomor).unwrap();
    assert!(
        signed.actions.correct,
        "the preparer (register role) may start a ralat of an issued letter"
    );
    let l = &mut d.o.loket;

    // Refusals, each writing nothing.
    let agenda_before = l.letter_list(None).unwrap().len();
    let numbers_before = l.letter_number_list(Some(2026)).unwrap().len();
    assert_eq!(
        code(l.letter_correct(&tamu, &original.nomor, "panjang ruas salah ketik", tick())),
        ErrorCode::Forbidden,
        "an account without the register or dispose role may not start a ralat (as for a draft)"
    );
    let err = l
        .letter_correct(&d.preparer, &original.nomor, "  ", tick())
        .unwrap_err();
    assert!(
        err.code == ErrorCode::BadInput && err.message.contains("alasan ralat"),
        "a ralat needs a reason, and the refusal names the field: {}",
        err.message
    );
    let err = l
        .letter_correct(
            &d.preparer,
            &original.nomor,
            "salah \u{1b}[31mketik",
            tick(),
        )
        .unwrap_err();
    assert!(
        err.code == ErrorCode::BadInput && err.message.contains("alasan ralat"),
        "the reason is typed text: a terminal escape is refused naming the field: {}",
        err.message
    );
    let pending = l.letter_draft(&d.preparer, &new, tick()).unwrap();
    let err = l
        .letter_correct(&d.preparer, &pending.nomor, "salah ketik", tick())
        .unwrap_err();
    assert!(
        err.code == ErrorCode::Conflict && err.message.contains("belum terbit"),
        "a letter not issued yet is not corrected by a ralat (its draft is edited): {}",
        err.message
    );
    l.letter_void(&d.preparer, pending.id, "dibuat untuk uji", tick())
        .unwrap();
    assert_eq!(
        code(l.letter_correct(&d.preparer, "999/XYZ/2026", "salah ketik", tick())),
        ErrorCode::NotFound,
        "a number nobody issued is not found"
    );
    assert_eq!(
        l.letter_list(None).unwrap().len(),
        agenda_before,
        "a refused ralat issues nothing"
    );
    assert_eq!(
        l.letter_number_list(Some(2026)).unwrap().len(),
        numbers_before + 1,
        "a refused ralat reserves no number (only the voided test draft took one)"
    );

    // The ralat: a new draft of the same letter, with its own number and the reason.
    let reason = "Panjang ruas tertulis 12.000 meter, seharusnya 1.200 meter";
    let ralat = l
        .letter_correct(&d.preparer, &original.nomor, reason, tick())
        .unwrap();
    assert_eq!(ralat.status, "konsep", "a ralat starts as a konsep");
    assert_eq!(
        ralat.kind, original.kind,
        "a ralat is a letter of the same kind"
    );
    assert_ne!(
        ralat.nomor, original.nomor,
        "a ralat gets its own number; the original's is never reused"
    );
    assert_eq!(
        ralat.content.isi["ruas"], content.isi["ruas"],
        "a ralat starts from the original's content"
    );
    assert_eq!(
        ralat.case_id,
        Some(d.case_id),
        "a ralat answers the same case"
    );
    let link = ralat
        .ralat
        .clone()
        .expect("the draft knows what it replaces");
    assert_eq!(
        (link.replaces.nomor.as_str(), link.reason.as_str()),
        (original.nomor.as_str(), reason),
        "the ralat is linked to the original with its reason"
    );
    assert_eq!(
        ralat
            .events
            .first()
            .map(|e| (e.action.as_str(), e.note.as_str())),
        Some(("ralat", reason)),
        "the letter page's history starts with the ralat and its reason"
    );
    let trail = l
        .audit_trail(&d.o.admin, Some(&format!("letter_draft:{}", ralat.id)))
        .unwrap();
    assert_eq!(
        trail.first().map(|e| e.action.as_str()),
        Some("letter.correct"),
        "starting a ralat is audited as letter.correct"
    );
    assert_eq!(
        code(l.letter_correct(&d.preparer, &original.nomor, "lagi", tick())),
        ErrorCode::Conflict,
        "one ralat at a time: a second is refused while the first is on its way"
    );

    // The preparer corrects the route; an edit cannot drop or change the link.
    let mut fixed = ralat.content.clone();
    fixed.isi.insert(
        "ruas".into(),
        json!([{"lokasi": "Jalan Sultan Fatah, Demak", "panjang": "1.200 meter", "metode": "Tanam langsung (HDD)"}]),
    );
    fixed.ralat = None;
    let edited = l
        .letter_update(&d.preparer, ralat.id, &fixed, tick())
        .unwrap();
    assert_eq!(
        edited.content.ralat.as_ref().map(|r| r.nomor.as_str()),
        Some(original.nomor.as_str()),
        "what the ralat prints comes from its link, not from the typed content"
    );

    // Initialled and signed like any letter.
    let issued_ralat = through_the_chain(&mut d, ralat.id, tick());
    let l = &mut d.o.loket;
    let r = issued_ralat.issued.clone().expect("the ralat is issued");
    assert_eq!(
        r.nomor, ralat.nomor,
        "the ralat's reserved number is fixed at signing"
    );
    assert_eq!(
        r.replaces.as_ref().map(|o| o.nomor.as_str()),
        Some(original.nomor.as_str()),
        "the issued ralat records which letter it replaces"
    );
    assert_eq!(
        r.correction_reason.as_deref(),
        Some(reason),
        "the issued ralat records why"
    );
    let ralat_pdf = l.letter_pdf(&r.nomor).unwrap();
    keep_for_a_look(&ralat_pdf);
    let text = loket_tests::pdf_text(&ralat_pdf);
    let replaces_line = format!(
        "menggantikan surat nomor {} tanggal {}",
        original.nomor, original.tanggal_words
    );
    assert!(
        text.contains(&replaces_line),
        "the ralat prints the letter it replaces, with its date (\"{replaces_line}\"): {text}"
    );
    assert!(
        text.contains("1.200 meter") && text.contains("Alasan ralat: Panjang ruas tertulis"),
        "the ralat prints the corrected content and the reason: {text}"
    );
    assert!(
        !loket_tests::pdf_text(&original_pdf).contains("menggantikan"),
        "the original letter is not a ralat"
    );

    // The original is unchanged, genuine, and says it was replaced.
    assert_eq!(
        l.letter_pdf(&original.nomor).unwrap(),
        original_pdf,
        "an issued letter's PDF is never changed by its ralat"
    );
    let page = l.letter_show(&d.preparer, draft.id, tick()).unwrap();
    let by = page
        .issued
        .as_ref()
        .and_then(|i| i.replaced_by.clone())
        .expect("the original's page names its replacement");
    assert_eq!(
        (by.nomor.as_str(), by.draft_id),
        (r.nomor.as_str(), Some(ralat.id)),
        "the original's page says which letter replaced it, with a link to its page"
    );
    assert!(
        !page.actions.correct,
        "a replaced letter offers no second ralat"
    );
    let v = l.letter_verify(&original_pdf).unwrap();
    assert!(
        v.genuine && v.status == "ASLI",
        "a replaced letter is still the genuine file: {}",
        v.verdict
    );
    assert!(
        v.verdict
            .contains(&format!("DIGANTI dengan surat nomor {}", r.nomor)),
        "verifying the original says that it was replaced, and by which letter: {}",
        v.verdict
    );

    // The agenda lists both, each saying which replaces which.
    let agenda = l.letter_list(None).unwrap();
    let row = |nomor: &str| {
        agenda
            .iter()
            .find(|l| l.nomor == nomor)
            .unwrap_or_else(|| panic!("{nomor} is in the agenda"))
    };
    assert_eq!(
        row(&original.nomor)
            .replaced_by
            .as_ref()
            .map(|x| x.nomor.as_str()),
        Some(r.nomor.as_str()),
        "the agenda keeps the original and says it was replaced by the ralat"
    );
    assert_eq!(
        row(&r.nomor).replaces.as_ref().map(|x| x.nomor.as_str()),
        Some(original.nomor.as_str()),
        "the agenda lists the ralat and says which letter it replaces"
    );
    let queues = l.letter_queues(&d.preparer, tick()).unwrap();
    assert!(
        queues.issued.iter().any(|l| l.nomor == original.nomor)
            && queues.issued.iter().any(|l| l.nomor == r.nomor),
        "the Surat section's agenda lists both letters"
    );

    // A replaced letter is not corrected twice; the ralat itself may be.
    let err = l
        .letter_correct(&d.preparer, &original.nomor, "salah lagi", tick())
        .unwrap_err();
    assert!(
        err.code == ErrorCode::Conflict && err.message.contains(&r.nomor),
        "a letter already replaced by an issued ralat is refused, naming the ralat to correct instead: {}",
        err.message
    );
    assert!(
        issued_ralat.actions.correct,
        "a ralat is an issued letter like any other: it can be corrected in turn"
    );
}

/// Writes the issued ralat to artifacts/letters with a PNG of page 1 (when pdftoppm is there)
/// so a person can look at where the "menggantikan" line sits.
fn keep_for_a_look(pdf: &[u8]) {
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../artifacts/letters");
    std::fs::create_dir_all(&out).unwrap();
    let file = out.join("ralat-demak-rekomendasi-fo.pdf");
    std::fs::write(&file, pdf).unwrap();
    let _ = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "70", "-f", "1", "-l", "1"])
        .arg(&file)
        .arg(out.join("ralat-demak-rekomendasi-fo"))
        .status();
}

#[test]
fn a_ralat_field_typed_into_a_direct_issue_is_refused() {
    let mut d = demak();
    let mut content = Loket::letter_sample("rekomendasi_teknis_fo").unwrap();
    content.ralat = Some(loket_letters::Ralat {
        nomor: "500.12.4/9/DKIS/2026".into(),
        tanggal: chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        alasan: "palsu".into(),
    });
    let req = loket_api::letter::dto::LetterRequest {
        kind: "rekomendasi_teknis_fo".into(),
        content,
        signer: None,
        case_id: None,
    };
    let err =
        d.o.loket
            .letter_issue(&d.kadis, &req, None, at("2026-03-03T10:00:00+07:00"))
            .unwrap_err();
    assert!(
        err.code == ErrorCode::BadInput && err.message.contains("ralat"),
        "only Loket links a ralat: a letter issued directly cannot claim to replace another: {}",
        err.message
    );
}
