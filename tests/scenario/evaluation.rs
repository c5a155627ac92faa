//! The survey (SKM) and the quarterly evaluation through loket-api: a Demak first quarter of
//! 2026 with known answers — three PPID requests completed (two on time, one late), one still
//! open, questionnaires from two of the completed requests and from two walk-in respondents,
//! one completed request without a questionnaire, a repeated questionnaire refused — and two
//! complaints, one answered in time and one left unanswered past the office's answer time.
//! Every figure below is computed by hand in the comments.

#[path = "office.rs"]
mod office;

use chrono::{DateTime, FixedOffset};
use loket_api::account::Actor;
use loket_api::case::NewCase;
use loket_api::evaluation::{dto::EvaluationRow, parse_period};
use loket_api::skm::{ComplaintEntry, SkmEntry};
use loket_api::{ErrorCode, Loket};
use office::{at, send, Office};

const PPID: &str = "ppid-permohonan-informasi";
const HOSTING: &str = "subdomain-hosting";

fn register(o: &mut Office, received: &str, hal: &str) -> i64 {
    let admin = o.admin.clone();
    let new = NewCase {
        service_id: PPID.into(),
        applicant_kind: "perorangan".into(),
        applicant_name: "Siti Aminah".into(),
        applicant_email: "siti@example.id".into(),
        letter_number: "-".into(),
        letter_date: received[..10].into(),
        hal: hal.into(),
        channel: "website".into(),
        received_at: received.into(),
        ..NewCase::default()
    };
    let when = at(&format!("{}:00+07:00", received.replace(' ', "T")));
    o.loket.case_register(&admin, &new, when).unwrap().id
}

fn complete(o: &mut Office, kadis: &Actor, id: i64, verified: &str, signed: &str) {
    let admin = o.admin.clone();
    let l = &mut o.loket;
    l.case_verify(&admin, id, &[1, 2], at(verified)).unwrap();
    let mut dispatch = send(&["sekretaris"], "Proses lebih lanjut", id);
    dispatch.batas_waktu = verified[..10].to_string();
    l.disposition_send(kadis, &dispatch, at(verified)).unwrap();
    l.case_await_signature(kadis, id, at(signed)).unwrap();
    assert_eq!(
        l.case_sign(kadis, id, at(signed)).unwrap().status,
        "selesai",
        "case {id} is completed"
    );
}

fn entry(case_id: Option<i64>, service: Option<&str>, day: &str, answers: &str) -> SkmEntry {
    SkmEntry {
        case_id,
        service_id: service.map(str::to_string),
        answered_on: day.into(),
        age: 34,
        sex: "P".into(),
        education: "s1".into(),
        occupation: "pns".into(),
        answers: answers.into(),
        suggestion: String::new(),
        source: "kertas".into(),
    }
}

fn now() -> DateTime<FixedOffset> {
    at("2026-04-08T10:00:00+07:00")
}

struct Quarter {
    o: Office,
    kadis: Actor,
    with_survey: i64,
    without_survey: i64,
    open: i64,
}

fn quarter() -> Quarter {
    let mut o = Office::new("demak");
    let kadis = o.account("kadis", "kepala-dinas", None);
    o.account("sekretaris", "sekretaris", None);
    let admin = o.admin.clone();

    let a = register(&mut o, "2026-03-02 08:15", "Salinan DPA 2026");
    complete(
        &mut o,
        &kadis,
        a,
        "2026-03-02T09:00:00+07:00",
        "2026-03-04T10:00:00+07:00",
    );
    let b = register(&mut o, "2026-03-09 09:00", "Daftar aplikasi OPD");
    complete(
        &mut o,
        &kadis,
        b,
        "2026-03-09T10:00:00+07:00",
        "2026-03-10T10:00:00+07:00",
    );
    let late = register(&mut o, "2026-03-03 09:00", "Data jaringan kecamatan");
    complete(
        &mut o,
        &kadis,
        late,
        "2026-03-03T10:00:00+07:00",
        "2026-04-07T10:00:00+07:00",
    );
    let open = register(&mut o, "2026-03-31 09:00", "Jadwal siaran RSKW");

    let l = &mut o.loket;
    // r1 = 4 4 3 4 3 3 4 3 3 (31), r2 = 3 3 3 4 3 3 4 2 3 (28),
    // r3 = 4 3 2 4 3 4 4 3 3 (30, walk-in for hosting), r4 = 3 3 3 4 4 3 3 3 4 (30, walk-in PPID).
    l.skm_record(
        &admin,
        &entry(Some(a), None, "2026-03-04", "443433433"),
        at("2026-03-04T11:00:00+07:00"),
    )
    .unwrap();
    l.skm_record(
        &admin,
        &entry(Some(b), None, "2026-03-10", "333433423"),
        at("2026-03-10T11:00:00+07:00"),
    )
    .unwrap();
    l.skm_record(
        &admin,
        &entry(None, Some(HOSTING), "2026-03-12", "432434433"),
        at("2026-03-12T11:00:00+07:00"),
    )
    .unwrap();
    let mut walk_in = entry(None, Some(PPID), "2026-03-20", "333443334");
    walk_in.suggestion = "Ruang tunggu diberi kipas angin".into();
    walk_in.source = "layar".into();
    l.skm_record(&admin, &walk_in, at("2026-03-20T11:00:00+07:00"))
        .unwrap();

    l.complaint_set_answer_days(&admin, 3, at("2026-03-02T08:00:00+07:00"))
        .unwrap();
    let answered = l
        .complaint_register(
            &admin,
            &ComplaintEntry {
                kind: "pengaduan".into(),
                service_id: PPID.into(),
                channel: "website".into(),
                received_at: "2026-03-16 09:00".into(),
                from_name: "Budi".into(),
                body: "Balasan permohonan belum diterima".into(),
                ..ComplaintEntry::default()
            },
            at("2026-03-16T09:10:00+07:00"),
        )
        .unwrap();
    l.complaint_answer(
        &admin,
        answered.id,
        "Balasan dikirim ulang lewat e-mail",
        at("2026-03-18T10:00:00+07:00"),
    )
    .unwrap();
    l.complaint_register(
        &admin,
        &ComplaintEntry {
            kind: "saran".into(),
            service_id: PPID.into(),
            channel: "2".into(),
            received_at: "2026-03-23 09:00".into(),
            from_name: "anonim".into(),
            body: "Sediakan formulir daring".into(),
            ..ComplaintEntry::default()
        },
        at("2026-03-23T09:10:00+07:00"),
    )
    .unwrap();
    Quarter {
        o,
        kadis,
        with_survey: a,
        without_survey: late,
        open,
    }
}

fn row<'a>(rows: &'a [EvaluationRow], key: &str) -> &'a EvaluationRow {
    rows.iter()
        .find(|r| r.key == key)
        .unwrap_or_else(|| panic!("a line for {key}"))
}

fn evaluate(l: &mut Loket, who: &Actor) -> loket_api::evaluation::dto::Evaluation {
    l.evaluation_report(who, parse_period("2026-T1").unwrap(), now())
        .unwrap()
}

#[test]
fn the_quarter_gives_the_hand_computed_figures() {
    let mut q = quarter();
    let e = evaluate(&mut q.o.loket, &q.kadis);
    assert_eq!(e.period_label, "Triwulan I 2026", "the period in words");
    assert_eq!(
        e.period_words, "1 Januari 2026 s.d. 31 Maret 2026",
        "the quarter's days"
    );
    let s = &e.office.skm;
    assert_eq!(
        (s.respondents, s.walk_in),
        (4, 2),
        "four questionnaires, two walk-in"
    );
    let nrr: Vec<f64> = s.elements.iter().map(|x| x.nrr).collect();
    assert_eq!(
        nrr,
        [3.5, 3.25, 2.75, 4.0, 3.25, 3.25, 3.75, 2.75, 3.25],
        "NRR per element = the element's sum over four respondents / 4"
    );
    // Σ NRR = 29,75; × 1/9 = 3,3056; × 25 = 82,64.
    assert_eq!(s.index, Some(3.3056), "index = Σ NRR × 1/9");
    assert_eq!(s.ikm, Some(82.64), "IKM = index × 25");
    assert_eq!(
        (s.grade.as_deref(), s.grade_words.as_deref()),
        (Some("B"), Some("Baik")),
        "82,64 lies in 76,61 – 88,30"
    );
    assert_eq!(
        (s.population, s.minimum_sample, s.sample_met),
        (3, 3, true),
        "three requests served; the table asks all three when the population is under 10"
    );
    let low: Vec<&str> = e.priorities.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(
        low,
        ["U3", "U8", "U2"],
        "waktu penyelesaian and penanganan pengaduan (2,75) first, then the first 3,25"
    );

    let ppid = row(&e.services, PPID);
    // r1 + r2 + r4 = 31 + 28 + 30 = 89 over 3 × 9 answers: 89 / 27 × 25 = 82,41.
    assert_eq!(
        ppid.skm.respondents, 3,
        "two cases and one walk-in for PPID"
    );
    assert_eq!(ppid.skm.ikm, Some(82.41), "PPID's IKM by hand");
    assert_eq!(
        (ppid.time.completed, ppid.time.on_time, ppid.time.late),
        (3, 2, 1),
        "service time: 4 and 10 March within 10 hari kerja, 7 April late"
    );
    assert_eq!(ppid.time.on_time_percent, Some(66.7), "2 of 3 on time");
    assert_eq!(ppid.time.open, 1, "the 31 March request is still open");
    assert_eq!(
        ppid.time.median_days,
        Some(2.0),
        "median of 1 (9 to 10 March), 2 (2 to 4 March) and 19 working days (3 March to 7 April)"
    );
    let hosting = row(&e.services, HOSTING);
    // r3 = 30 / 9 × 25 = 83,33.
    assert_eq!(
        (
            hosting.skm.respondents,
            hosting.skm.ikm,
            hosting.time.received
        ),
        (1, Some(83.33), 0),
        "a walk-in respondent gives hosting a line although no request was received"
    );

    let c = &e.office.complaints;
    assert_eq!(
        (c.received, c.pengaduan, c.saran),
        (2, 1, 1),
        "one complaint and one suggestion"
    );
    assert_eq!(
        (c.answered_in_time, c.overdue),
        (1, 1),
        "answered two days after receipt within 3 hari kerja; the suggestion of 23 March is past its time on 8 April"
    );
    let ikp = row(&e.units, "ikp");
    assert_eq!(
        (ikp.skm.respondents, ikp.complaints.received),
        (3, 2),
        "Bidang IKP carries PPID's questionnaires and complaints"
    );
    assert_eq!(
        e.trend
            .iter()
            .map(|t| (t.period.as_str(), t.ikm))
            .collect::<Vec<_>>(),
        [("2026-T1", Some(82.64))],
        "the trend of the first quarter has one point"
    );
    assert_eq!(
        e.suggestions,
        ["Ruang tunggu diberi kipas angin"],
        "the respondents' suggestions are listed"
    );
    assert!(
        e.profile
            .iter()
            .any(|p| p.group == "Jenis kelamin" && p.label == "Perempuan" && p.count == 4),
        "the profile counts the respondents"
    );
}

#[test]
fn a_case_keeps_one_questionnaire_and_only_completed_cases_take_one() {
    let mut q = quarter();
    let admin = q.o.admin.clone();
    let l = &mut q.o.loket;
    let again = l
        .skm_record(
            &admin,
            &entry(Some(q.with_survey), None, "2026-03-05", "444444444"),
            at("2026-03-05T09:00:00+07:00"),
        )
        .unwrap_err();
    assert_eq!(
        again.code,
        ErrorCode::Conflict,
        "one questionnaire per case: {}",
        again.message
    );
    let open = l
        .skm_record(
            &admin,
            &entry(Some(q.open), None, "2026-04-01", "444444444"),
            at("2026-04-01T09:00:00+07:00"),
        )
        .unwrap_err();
    assert!(
        open.code == ErrorCode::BadInput && open.message.contains("belum selesai"),
        "a request still being served has no questionnaire yet: {}",
        open.message
    );
    let forbidden = l
        .skm_record(
            &q.kadis,
            &entry(Some(q.without_survey), None, "2026-04-07", "444444444"),
            at("2026-04-07T11:00:00+07:00"),
        )
        .unwrap_err();
    assert_eq!(
        forbidden.code,
        ErrorCode::Forbidden,
        "entering questionnaires needs the front office's register role"
    );
    let e = evaluate(l, &q.kadis);
    assert_eq!(
        e.office.skm.respondents, 4,
        "refused questionnaires are not counted"
    );
    assert_eq!(
        l.skm_list(
            &q.kadis,
            "2026-01-01".parse().unwrap(),
            "2026-03-31".parse().unwrap()
        )
        .unwrap()
        .iter()
        .filter(|r| r.case_id == Some(q.without_survey))
        .count(),
        0,
        "the late request has no questionnaire, and the evaluation still counts it served"
    );
    let trail = l.audit_trail(&admin, Some("skm:1")).unwrap();
    assert_eq!(
        trail.iter().map(|t| t.action.as_str()).collect::<Vec<_>>(),
        ["skm.record"],
        "each questionnaire is audited"
    );
}

#[test]
fn bad_answers_channels_and_days_are_refused_with_what_to_fix() {
    let mut q = quarter();
    let admin = q.o.admin.clone();
    let l = &mut q.o.loket;
    let e = l
        .skm_record(
            &admin,
            &entry(None, Some(PPID), "2026-03-20", "44445444"),
            now(),
        )
        .unwrap_err();
    assert!(
        e.message.contains("8 angka"),
        "eight digits are not nine: {}",
        e.message
    );
    let e = l
        .skm_record(&admin, &entry(None, None, "2026-03-20", "444444444"), now())
        .unwrap_err();
    assert!(
        e.message.contains("layanan belum dipilih"),
        "a walk-in respondent names the service: {}",
        e.message
    );
    let e = l
        .skm_record(
            &admin,
            &entry(None, Some(PPID), "2026-04-09", "444444444"),
            now(),
        )
        .unwrap_err();
    assert!(
        e.message.contains("belum tiba"),
        "no answers from tomorrow: {}",
        e.message
    );
    let e = l
        .complaint_register(
            &admin,
            &ComplaintEntry {
                kind: "pengaduan".into(),
                service_id: PPID.into(),
                channel: "WhatsApp".into(),
                from_name: "Budi".into(),
                body: "x".into(),
                ..ComplaintEntry::default()
            },
            now(),
        )
        .unwrap_err();
    assert!(
        e.message.contains("ppid.demakkab.go.id"),
        "the channels of PPID's standard are offered: {}",
        e.message
    );
    let e = l.complaint_answer(&admin, 1, "lagi", now()).unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict, "an answer is not overwritten");
    let e = l
        .complaint_set_answer_days(&q.kadis, 10, now())
        .unwrap_err();
    assert_eq!(
        e.code,
        ErrorCode::Forbidden,
        "the answer time is an administrator's setting"
    );
}

#[test]
fn the_evaluation_as_a_workbook_carries_the_same_figures() {
    use calamine::{Data, Reader, Xlsx};
    let mut q = quarter();
    let bytes =
        q.o.loket
            .evaluation_export_xlsx(&q.kadis, parse_period("2026-T1").unwrap(), now())
            .unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Unsur", "Bidang", "Layanan", "Tren"],
        "one sheet per table of the evaluation"
    );
    let unsur = book.worksheet_range("Unsur").unwrap();
    assert_eq!(
        unsur.get_value((3, 2)),
        Some(&Data::Float(3.5)),
        "U1's NRR is a number"
    );
    let bidang = book.worksheet_range("Bidang").unwrap();
    assert_eq!(
        (bidang.get_value((3, 0)), bidang.get_value((3, 4))),
        (
            Some(&Data::String("Seluruh layanan".into())),
            Some(&Data::Float(82.64))
        ),
        "the office's IKM as in the window"
    );
}

#[test]
fn the_evaluation_is_signed_as_a_numbered_letter_with_its_figures_frozen() {
    use loket_api::letter::dto::NumberPatternView;
    use loket_api::letter::flow::dto::NewDraft;
    use loket_domain::roles::Role;

    let mut q = quarter();
    let preparer = q.o.account(
        "staf.pelayanan",
        "staf-jaringan",
        Some(vec![Role::Register]),
    );
    let admin = q.o.admin.clone();
    let l = &mut q.o.loket;
    l.letter_pattern_set(
        &admin,
        &NumberPatternView {
            id: "laporan".into(),
            pattern: "{klasifikasi}/{urut:3}/{unit}/{tahun}".into(),
            klasifikasi: "000.4.4".into(),
            unit: "DKIS".into(),
            kinds: vec!["laporan_evaluasi".into()],
        },
        at("2026-04-01T08:00:00+07:00"),
    )
    .unwrap();

    let by_hand = l
        .letter_draft(
            &preparer,
            &NewDraft {
                kind: "laporan_evaluasi".into(),
                case_id: None,
            },
            now(),
        )
        .unwrap_err();
    assert_eq!(
        by_hand.code,
        ErrorCode::BadInput,
        "the report's figures are computed by Loket, never typed into a blank draft: {}",
        by_hand.message
    );

    let t1 = parse_period("2026-T1").unwrap();
    let draft = l.evaluation_draft(&preparer, t1, now()).unwrap();
    assert_eq!(
        draft.content.hal, "Laporan Evaluasi Kinerja Pelaksana Triwulan I 2026",
        "the letter is named after its period"
    );
    let frozen = draft.content.isi["evaluasi"].clone();
    assert_eq!(
        frozen["ikm"]["teks"], "82,64",
        "the figures of the evaluation are frozen into the draft"
    );

    // An edit cannot change the figures: what is signed is what Loket computed.
    let mut edited = draft.content.clone();
    edited.isi.insert(
        "evaluasi".into(),
        serde_json::json!({"ikm": {"teks": "99,99"}}),
    );
    edited.hal = "Laporan Evaluasi Kinerja Pelaksana Triwulan I Tahun 2026".into();
    let after = l
        .letter_update(&preparer, draft.id, &edited, now())
        .unwrap();
    assert_eq!(
        after.content.isi["evaluasi"], frozen,
        "the frozen figures survive an edit that sends others"
    );
    assert_eq!(
        after.content.hal, edited.hal,
        "the wording around the figures stays editable"
    );

    // A walk-in answer arriving after drafting does not move the letter's figures.
    l.skm_record(
        &admin,
        &entry(None, Some(PPID), "2026-03-27", "111111111"),
        at("2026-04-08T11:00:00+07:00"),
    )
    .unwrap();

    let later = at("2026-04-08T13:00:00+07:00");
    let mut v = l.letter_submit(&preparer, draft.id, later).unwrap();
    for step in v.chain.clone().iter().filter(|s| s.role == "paraf") {
        let verifier =
            q.o.account(&format!("v.{}", step.position_id), &step.position_id, None);
        v = q.o.loket.letter_paraf(&verifier, draft.id, later).unwrap();
    }
    let l = &mut q.o.loket;
    assert_eq!(
        v.status, "menunggu_tanda_tangan",
        "after its paraf the report waits for the Kepala Dinas"
    );
    let signed = l.letter_sign(&q.kadis, draft.id, later).unwrap();
    let issued = signed
        .issued
        .expect("signed, the report is an issued letter");
    assert_eq!(
        issued.nomor, "000.4.4/001/DKIS/2026",
        "the report takes its number from the register at signing"
    );
    let text = loket_tests::pdf_text(&l.letter_pdf(&issued.nomor).unwrap());
    for want in [
        "000.4.4/001/DKIS/2026",
        "Triwulan I 2026",
        "82,64",
        "Waktu penyelesaian",
    ] {
        assert!(
            text.contains(want),
            "the issued report carries {want:?} (frozen figures, number): {text}"
        );
    }
    assert!(
        !text.contains("belum bernomor"),
        "the issued report is no longer an unnumbered draft"
    );
    assert!(
        l.letter_verify(&l.letter_pdf(&issued.nomor).unwrap())
            .unwrap()
            .genuine,
        "the signed report verifies like any issued letter"
    );
    keep_for_a_look(
        &l.letter_pdf(&issued.nomor).unwrap(),
        "evaluasi-terbit-demak-2026-T1",
    );
}

/// Keeps `pdf` and every page of it as PNG (`pdftoppm -r 60`) under the workspace's
/// artifacts/letters/ as `<name>.pdf` and `<name>-<page>.png`, for a person to look at;
/// the pages of an earlier run are removed first so no stale page stays behind.
fn keep_for_a_look(pdf: &[u8], name: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../artifacts/letters");
    std::fs::create_dir_all(&dir).unwrap();
    for old in std::fs::read_dir(&dir).unwrap().flatten() {
        let file = old.file_name().to_string_lossy().to_string();
        if file.starts_with(&format!("{name}-")) && file.ends_with(".png") {
            std::fs::remove_file(old.path()).unwrap();
        }
    }
    let file = dir.join(format!("{name}.pdf"));
    std::fs::write(&file, pdf).unwrap();
    let status = std::process::Command::new("pdftoppm")
        .args(["-r", "60", "-png"])
        .arg(&file)
        .arg(dir.join(name))
        .status()
        .expect("pdftoppm (poppler-utils) is installed");
    assert!(status.success(), "pdftoppm renders every page of {name}");
}
