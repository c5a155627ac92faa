//! The case page, Kotak Masuk, rejection, attachments from the window and the lembar
//! disposisi PDF, through loket-api.

#[path = "office.rs"]
mod office;

use loket_tests::pdf_text;

use chrono::{DateTime, Duration, FixedOffset};
use loket_api::ErrorCode;
use loket_domain::roles::Role;
use office::{at, hosting_request, open_to, send, Office};

fn clock() -> impl FnMut() -> DateTime<FixedOffset> {
    let mut t = at("2026-03-02T08:20:00+07:00");
    move || {
        t += Duration::minutes(10);
        t
    }
}

fn registered(o: &mut Office, now: DateTime<FixedOffset>) -> i64 {
    o.loket
        .case_register(&o.admin, &hosting_request(), now)
        .unwrap()
        .id
}

fn verify(o: &mut Office, id: i64, now: DateTime<FixedOffset>) {
    let c = o.loket.case_show(&o.admin, id, now).unwrap();
    let all: Vec<i64> = c.requirements.iter().map(|r| r.number).collect();
    o.loket.case_verify(&o.admin, id, &all, now).unwrap();
}

#[test]
fn rejection_needs_a_reason_a_right_and_an_open_case() {
    let mut o = Office::new("demak");
    let staf = o.account("staf", "staf-jaringan", None);
    let mut tick = clock();
    let id = registered(&mut o, tick());
    let l = &mut o.loket;

    let err = l.case_reject(&o.admin, id, "  ", tick()).unwrap_err();
    assert_eq!(err.code, ErrorCode::BadInput, "a reason is required");
    let err = l
        .case_reject(&o.admin, 999, "tidak jelas", tick())
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::NotFound,
        "an unknown case: {}",
        err.message
    );
    let err = l
        .case_reject(&staf, id, "bukan wewenang", tick())
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Forbidden,
        "a staf who does not hold the case may not reject: {}",
        err.message
    );
    assert_eq!(
        l.case_show(&o.admin, id, tick()).unwrap().status,
        "diterima",
        "refusals change nothing"
    );

    let c = l
        .case_reject(&o.admin, id, "layanan bukan kewenangan Diskominfo", tick())
        .unwrap();
    assert_eq!(c.status, "ditolak", "the registrar rejects at intake");
    let page = l.case_page(&o.admin, id, tick()).unwrap();
    let last = page
        .history
        .last()
        .expect("the rejection is in the history");
    assert_eq!(last.to_label, "Ditolak", "history shows the new status");
    assert_eq!(
        last.reason.as_deref(),
        Some("layanan bukan kewenangan Diskominfo"),
        "the reason is kept in the audit trail and shown"
    );
    assert!(
        !page.actions.reject && !page.actions.verify && !page.actions.attach,
        "a closed case offers no action"
    );
    let err = l.case_reject(&o.admin, id, "lagi", tick()).unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Conflict,
        "a closed case cannot be rejected again: {}",
        err.message
    );
}

#[test]
fn a_holder_may_reject_and_a_returned_case_stops_waiting() {
    let mut o = Office::new("demak");
    let kadis = o.account("umar", "kepala-dinas", None);
    let kabid = o.account("kabid", "kepala-bidang-ikp", None);
    let mut tick = clock();
    let id = registered(&mut o, tick());
    verify(&mut o, id, tick());
    let err = o
        .loket
        .case_reject(&kabid, id, "tidak", tick())
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Forbidden,
        "a head of division the case never reached may not reject"
    );
    let c = o
        .loket
        .case_reject(&kadis, id, "permohonan ganda", tick())
        .unwrap();
    assert_eq!(c.status, "ditolak", "the head holding the case rejects it");

    let id = registered(&mut o, tick());
    o.loket.case_give_back(&o.admin, id, &[1], tick()).unwrap();
    let c = o
        .loket
        .case_reject(&o.admin, id, "pemohon tidak melengkapi", tick())
        .unwrap();
    assert!(
        c.pauses.iter().all(|p| p.ended_at.is_some()),
        "rejecting a returned case ends its pause"
    );
}

#[test]
fn opening_the_page_marks_read_and_offers_what_the_person_may_do() {
    let mut o = Office::new("demak");
    let kadis = o.account("umar", "kepala-dinas", None);
    let sekretaris = o.account("sekretaris", "sekretaris", None);
    let staf = o.account("staf", "staf-jaringan", None);
    let mut tick = clock();
    let id = registered(&mut o, tick());

    let page = o.loket.case_page(&o.admin, id, tick()).unwrap();
    assert!(
        page.actions.verify && page.actions.give_back && page.actions.reject,
        "the registrar may verify, return or reject a new case"
    );
    assert!(!page.actions.dispose, "nobody holds it yet");
    let box_ = o.loket.kotak_masuk(&o.admin, tick()).unwrap();
    assert_eq!(
        box_.to_verify.len(),
        1,
        "the new case waits for verification"
    );
    assert!(
        o.loket
            .kotak_masuk(&staf, tick())
            .unwrap()
            .to_verify
            .is_empty(),
        "only people who register letters see cases to verify"
    );

    verify(&mut o, id, tick());
    let box_ = o.loket.kotak_masuk(&kadis, tick()).unwrap();
    assert_eq!(
        box_.dispositions.len(),
        1,
        "the verified case reaches the head"
    );
    assert!(box_.dispositions[0].item.unread, "still unread");
    assert!(
        box_.dispositions[0].deadline.is_some(),
        "it carries the case's service deadline"
    );

    let err = o.loket.case_open(&kadis, 999, tick()).unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::NotFound,
        "an unknown case: {}",
        err.message
    );
    let page = o.loket.case_open(&kadis, id, tick()).unwrap();
    assert!(
        page.case.dispositions[0].read_at.is_some(),
        "opening the page reads the disposition addressed to me"
    );
    let audit: Vec<String> = o
        .loket
        .audit_trail(
            &o.admin,
            Some(&format!("disposition:{}", page.case.dispositions[0].id)),
        )
        .unwrap()
        .into_iter()
        .map(|a| a.action)
        .collect();
    assert!(
        audit.iter().any(|a| a == "disposition.read"),
        "the reading is audited: {audit:?}"
    );
    assert!(page.actions.dispose, "the head may dispose");
    assert!(!page.actions.verify, "the head does not verify");
    assert!(
        page.recipients.iter().any(|p| p.id == "sekretaris")
            && page.recipients.iter().all(|p| p.id != "kepala-dinas"),
        "recipients are below the head, never the head: {:?}",
        page.recipients.iter().map(|p| &p.id).collect::<Vec<_>>()
    );
    assert!(
        page.recipients
            .iter()
            .find(|p| p.id == "sekretaris")
            .is_some_and(|p| p.holders == vec!["Pegawai sekretaris".to_string()]),
        "each recipient shows who holds the post"
    );
    assert!(
        !page.instructions.is_empty(),
        "preset instructions are offered"
    );
    assert!(
        page.actions.steps.contains(&2) && !page.actions.steps.contains(&7),
        "the head may tick his own step, not the administrator's: {:?}",
        page.actions.steps
    );

    let c = o
        .loket
        .disposition_send(
            &kadis,
            &send(&["sekretaris"], "Proses lebih lanjut", id),
            tick(),
        )
        .unwrap();
    let d = open_to(&c, "sekretaris");
    let page = o.loket.case_page(&kadis, id, tick()).unwrap();
    assert_eq!(
        page.actions.withdrawable,
        vec![d],
        "an unread disposition I sent can be withdrawn"
    );
    assert!(
        !page.actions.complete,
        "the head's disposition has an open child"
    );
    let page = o.loket.case_open(&sekretaris, id, tick()).unwrap();
    assert_eq!(
        page.actions.my_disposition,
        Some(d),
        "the secretary holds it now"
    );
    assert!(
        page.actions.report && page.actions.complete,
        "and may report or complete"
    );
    assert!(
        o.loket
            .case_page(&kadis, id, tick())
            .unwrap()
            .actions
            .withdrawable
            .is_empty(),
        "once read it can no longer be withdrawn"
    );
    let page = o.loket.case_page(&staf, id, tick()).unwrap();
    assert!(
        !page.actions.dispose && !page.actions.reject && page.actions.my_disposition.is_none(),
        "a staf outside the chain may only look"
    );
    let history: Vec<String> = o
        .loket
        .case_page(&kadis, id, tick())
        .unwrap()
        .history
        .iter()
        .map(|h| h.to_label.clone())
        .collect();
    assert_eq!(
        history,
        vec!["Diterima", "Diverifikasi", "Didisposisi"],
        "the history lists each status change once"
    );
}

#[test]
fn kotak_masuk_puts_the_earliest_deadline_first() {
    let mut o = Office::new("demak");
    let kadis = o.account("umar", "kepala-dinas", None);
    let sekretaris = o.account("sekretaris", "sekretaris", None);
    let mut tick = clock();
    let mut ids = Vec::new();
    for batas in ["2026-03-20", "2026-03-05", ""] {
        let id = registered(&mut o, tick());
        verify(&mut o, id, tick());
        let mut d = send(&["sekretaris"], "Proses lebih lanjut", id);
        d.batas_waktu = batas.into();
        o.loket.disposition_send(&kadis, &d, tick()).unwrap();
        ids.push(id);
    }
    o.loket.case_open(&sekretaris, ids[1], tick()).unwrap();
    let box_ = o.loket.kotak_masuk(&sekretaris, tick()).unwrap();
    let order: Vec<(i64, bool)> = box_
        .dispositions
        .iter()
        .map(|l| (l.item.disposition.case_id, l.item.unread))
        .collect();
    assert_eq!(
        order[0],
        (ids[1], false),
        "batas waktu 5 Maret comes first, read after opening: {order:?}"
    );
    assert_eq!(order.len(), 3, "every open disposition is listed");
    let states: Vec<Option<String>> = box_
        .dispositions
        .iter()
        .map(|l| {
            l.deadline
                .as_ref()
                .and_then(|d| d.state.map(|s| s.key().to_string()))
        })
        .collect();
    assert_eq!(
        states,
        vec![Some("dalam_batas".into()), Some("dalam_batas".into()), None],
        "a batas waktu gives a state; without one the hosting service (no tenggat) gives none"
    );
}

#[test]
fn attachments_from_the_window_keep_their_name_and_are_checked() {
    let mut o = Office::new("demak");
    let mut tick = clock();
    let id = registered(&mut o, tick());
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    let n = o
        .loket
        .case_attach_bytes(&o.admin, id, "Surat Permohonan.pdf", pdf, tick())
        .unwrap();
    assert_eq!(n, 1, "one file stored");
    let c = o.loket.case_show(&o.admin, id, tick()).unwrap();
    assert_eq!(
        c.attachments.last().unwrap().name,
        "Surat Permohonan.pdf",
        "the original name is kept"
    );
    let err = o
        .loket
        .case_attach_bytes(
            &o.admin,
            id,
            "palsu.pdf",
            b"MZ bukan pdf sama sekali",
            tick(),
        )
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::BadInput,
        "a non-PDF pretending is refused: {}",
        err.message
    );
    let err = o
        .loket
        .case_attach_bytes(&o.admin, id, "../luar.pdf", pdf, tick())
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::BadInput,
        "a path in the name is refused"
    );
    let err = o
        .loket
        .case_attach_bytes(&o.admin, 999, "a.pdf", pdf, tick())
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound, "an unknown case is refused");
}

#[test]
fn the_lembar_disposisi_pdf_carries_the_chain() {
    let mut o = Office::new("demak");
    let kadis = o.account("umar", "kepala-dinas", None);
    let sekretaris = o.account("sekretaris", "sekretaris", Some(vec![Role::Dispose]));
    let mut tick = clock();
    let id = registered(&mut o, tick());
    let (_, blank) = o.loket.case_lembar_pdf(&o.admin, id, tick()).unwrap();
    assert!(
        blank.starts_with(b"%PDF"),
        "a sheet prints before any disposition"
    );
    // A paper form: every post under the head and every preset instruction with a box.
    let posts = [
        "Sekretaris Dinas Komunikasi dan Informatika Kabupaten Demak",
        "Kepala Bidang Informasi dan Komunikasi Publik",
        "Kepala Bidang Aplikasi Informatika",
        "Kepala Bidang Statistik dan Persandian",
    ];
    let instructions = o.loket.instruction_list().unwrap();
    let text = pdf_text(&blank);
    for option in posts
        .iter()
        .copied()
        .chain(instructions.iter().map(String::as_str))
    {
        assert!(
            text.contains(option),
            "the blank sheet lists '{option}' to tick by hand: {text}"
        );
    }
    assert_eq!(
        ticks(&text),
        1,
        "before any disposition only the sifat is ticked: {text}"
    );
    verify(&mut o, id, tick());
    let mut d = send(&["sekretaris"], "Proses lebih lanjut", id);
    d.note = "Mohon segera diproses".into();
    o.loket.disposition_send(&kadis, &d, tick()).unwrap();
    o.loket
        .disposition_send(
            &sekretaris,
            &send(&["kepala-bidang-aptika"], "Siapkan jawaban", id),
            tick(),
        )
        .unwrap();
    let (name, pdf) = o.loket.case_lembar_pdf(&kadis, id, tick()).unwrap();
    assert_eq!(
        name, "lembar-disposisi-0001-2026.pdf",
        "named by its agenda number"
    );
    assert!(pdf.starts_with(b"%PDF"), "the sheet is a PDF");
    let text = pdf_text(&pdf);
    assert!(
        text.contains("X Sekretaris Dinas") && text.contains("X Proses lebih lanjut"),
        "the head's recipient and instruction are ticked: {text}"
    );
    assert_eq!(
        ticks(&text),
        3,
        "only the sifat, the chosen post and the chosen instruction are ticked: {text}"
    );
    for option in posts.iter().chain(["Siapkan jawaban"].iter()) {
        assert!(
            text.contains(option),
            "the unchosen options stay on the form: '{option}'"
        );
    }
    if let Some(dir) = std::env::var_os("LOKET_LEMBAR_OUT") {
        std::fs::write(
            std::path::Path::new(&dir).join("lembar-disposisi.pdf"),
            &pdf,
        )
        .unwrap();
    }
}

/// How many boxes carry an X.
fn ticks(text: &str) -> usize {
    text.split(' ').filter(|w| *w == "X").count()
}
