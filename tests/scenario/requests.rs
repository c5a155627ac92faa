//! Requests and dispositions through loket-api: Demak's subdomain-and-hosting request through
//! every step of its procedure, Jember's public-information request through PPID Utama →
//! PPID Pelaksana, every role refusal, bad input that writes nothing, and the audit chain.

#[path = "office.rs"]
mod office;

use chrono::Duration;
use loket_api::case::NewCase;
use loket_api::ErrorCode;
use loket_domain::roles::Role;
use office::{at, hosting_request, open_to, send, Office};

#[test]
fn demak_subdomain_and_hosting_walks_every_step() {
    let mut o = Office::new("demak");
    let kadis = o.account("umar", "kepala-dinas", None);
    let sekretaris = o.account("sekretaris", "sekretaris", None);
    let kabid = o.account("kabid.aptika", "kepala-bidang-aptika", None);
    let ketua = o.account("ketua.spa", "ketua-tim-spa", None);
    let administrator = o.account("admin.hosting", "administrator", None);
    let l = &mut o.loket;
    let mut t = at("2026-03-02T08:20:00+07:00");
    let mut tick = || {
        t += Duration::minutes(10);
        t
    };

    let c = l
        .case_register(&o.admin, &hosting_request(), tick())
        .unwrap();
    assert_eq!(
        c.agenda_number, "0001/2026",
        "the first letter of 2026 is agenda 1"
    );
    assert_eq!(c.status, "diterima", "a registered request is diterima");
    assert_eq!(
        c.standard_id, "sp-2024",
        "the version in force on the receipt day"
    );
    assert_eq!(c.steps.len(), 11, "Demak's hosting procedure has 11 steps");
    assert_eq!(
        c.steps[6].actor_id.as_deref(),
        Some("administrator"),
        "step 7 is the administrator's"
    );
    let id = c.id;
    let reqs: Vec<i64> = c.requirements.iter().map(|r| r.number).collect();
    let c = l.case_verify(&o.admin, id, &reqs, tick()).unwrap();
    assert_eq!(
        c.status, "diverifikasi",
        "complete requirements verify the request"
    );
    l.case_step(&o.admin, id, 1, "surat diterima lewat Srikandi", tick())
        .unwrap();

    let inbox = l.disposition_inbox(&kadis, tick()).unwrap();
    assert_eq!(
        inbox.len(),
        1,
        "the verified letter waits in the Kepala Dinas's inbox"
    );
    assert!(inbox[0].unread, "it is unread");
    let read = l
        .disposition_read(&kadis, inbox[0].disposition.id, tick())
        .unwrap();
    assert!(read.read_at.is_some(), "reading keeps the moment");
    l.case_step(&kadis, id, 2, "", tick()).unwrap();

    let c = l
        .disposition_send(
            &kadis,
            &send(&["sekretaris"], "Proses lebih lanjut", id),
            tick(),
        )
        .unwrap();
    assert_eq!(
        c.status, "didisposisi",
        "the first disposition moves the case"
    );
    l.case_step(&kadis, id, 3, "", tick()).unwrap();

    let d = open_to(&c, "sekretaris");
    l.disposition_read(&sekretaris, d, tick()).unwrap();
    let c = l
        .disposition_send(
            &sekretaris,
            &send(&["kepala-bidang-aptika"], "Proses lebih lanjut", id),
            tick(),
        )
        .unwrap();
    l.case_step(&sekretaris, id, 4, "", tick()).unwrap();
    assert_eq!(
        c.dispositions.last().unwrap().parent_id,
        Some(d),
        "a forward points at the disposition it came from"
    );

    let c = l
        .disposition_send(
            &kabid,
            &send(&["ketua-tim-spa"], "Siapkan jawaban", id),
            tick(),
        )
        .unwrap();
    l.case_step(&kabid, id, 5, "", tick()).unwrap();
    let c2 = l
        .disposition_send(
            &ketua,
            &send(&["administrator"], "Proses lebih lanjut", id),
            tick(),
        )
        .unwrap();
    assert!(
        c2.dispositions.len() > c.dispositions.len(),
        "the chain grows"
    );
    let c = l.case_step(&ketua, id, 6, "", tick()).unwrap();
    assert_eq!(
        c.status, "diproses",
        "ticking a step after disposition starts the work"
    );

    for step in 7..=10 {
        l.case_step(&administrator, id, step, "", tick()).unwrap();
    }
    let admin_d = open_to(&c, "administrator");
    l.disposition_report(
        &administrator,
        admin_d,
        "Subdomain ppdb.demakkab.go.id dan hosting sudah aktif",
        tick(),
    )
    .unwrap();
    l.disposition_complete(&administrator, admin_d, None, tick())
        .unwrap();
    for (who, post) in [
        (&ketua, "ketua-tim-spa"),
        (&kabid, "kepala-bidang-aptika"),
        (&sekretaris, "sekretaris"),
    ] {
        let c = l.case_show(who, id, tick()).unwrap();
        l.disposition_complete(who, open_to(&c, post), Some("selesai"), tick())
            .unwrap();
    }
    l.case_step(&kadis, id, 11, "surat balasan dikirim", tick())
        .unwrap();
    let c = l.case_await_signature(&kadis, id, tick()).unwrap();
    assert_eq!(
        c.status, "menunggu_tanda_tangan",
        "the reply awaits signature"
    );
    let c = l.case_sign(&kadis, id, tick()).unwrap();
    let kd = open_to(&c, "kepala-dinas");
    let c = l.disposition_complete(&kadis, kd, None, tick()).unwrap();
    assert_eq!(c.status, "selesai", "the head's signature closes the case");
    assert!(
        c.steps.iter().all(|s| s.done),
        "every procedure step is ticked"
    );
    assert!(
        c.dispositions.iter().all(|d| d.completed_at.is_some()),
        "every disposition in the chain is completed"
    );
    let chain: Vec<(&str, &str)> = c
        .dispositions
        .iter()
        .filter(|d| d.kind == "disposisi")
        .map(|d| {
            (
                d.from_position.as_deref().unwrap_or(""),
                d.to_position.as_str(),
            )
        })
        .collect();
    assert_eq!(
        chain,
        vec![
            ("kepala-dinas", "sekretaris"),
            ("sekretaris", "kepala-bidang-aptika"),
            ("kepala-bidang-aptika", "ketua-tim-spa"),
            ("ketua-tim-spa", "administrator"),
        ],
        "the chain follows Demak's procedure"
    );
    assert!(
        l.disposition_inbox(&kadis, tick()).unwrap().is_empty(),
        "nothing is left in the head's inbox"
    );
    let sheet = l.case_lembar_disposisi(&kadis, id, tick()).unwrap();
    assert_eq!(
        sheet.nomor_agenda, "0001/2026",
        "the sheet carries the agenda number"
    );
    assert_eq!(
        sheet.tanggal_surat, "27 Februari 2026",
        "dates are written in words"
    );
    assert_eq!(sheet.sifat, "Segera", "sifat as a label");
    assert_eq!(sheet.steps.len(), 4, "one row per hand-over in the chain");
    assert_eq!(
        sheet.steps[0].diteruskan_kepada,
        vec!["Sekretaris Dinas Komunikasi dan Informatika Kabupaten Demak".to_string()],
        "the head's disposition goes to the Sekretaris"
    );
    assert_eq!(
        sheet.steps[0].batas_waktu, "6 Maret 2026",
        "batas waktu in words"
    );
    let html = sheet.to_html();
    assert!(
        html.contains("LEMBAR DISPOSISI") && html.contains("Proses lebih lanjut"),
        "the print view shows the title and the instructions"
    );
    let check = loket_api::store::check_file(l.db_path(), &[]).unwrap();
    assert!(
        check.ok && check.audit.is_empty(),
        "the audit chain verifies: {:?}",
        check.audit
    );
}

#[test]
fn jember_public_information_goes_from_ppid_utama_to_pelaksana() {
    let mut o = Office::new("jember");
    let petugas = o.account("petugas", "petugas-ppid-utama", Some(vec![Role::Register]));
    let utama = o.account("ppid.utama", "ppid-utama", None);
    let pelaksana = o.account("ppid.pelaksana", "ppid-pelaksana", None);
    let l = &mut o.loket;
    let new = NewCase {
        service_id: "informasi-publik".into(),
        applicant_kind: "perorangan".into(),
        applicant_name: "Siti Aminah".into(),
        applicant_email: "siti@example.id".into(),
        letter_number: "-".into(),
        letter_date: "02/03/2026".into(),
        hal: "Permohonan salinan DPA Diskominfo 2026".into(),
        channel: "website".into(),
        received_at: "2026-03-02 09:00".into(),
        addressed_to: "ppid-utama".into(),
        ..NewCase::default()
    };
    let c = l
        .case_register(&petugas, &new, at("2026-03-02T09:05:00+07:00"))
        .unwrap();
    let first_due = c.due_at.clone();
    assert!(first_due.is_some(), "14 hari kerja gives a due moment");
    let c = l
        .case_give_back(&petugas, c.id, &[2], at("2026-03-02T09:10:00+07:00"))
        .unwrap();
    assert_eq!(c.status, "dikembalikan", "missing KTP returns the request");
    assert_eq!(c.due_at, None, "the deadline stands still while returned");
    assert_eq!(c.pauses.len(), 1, "the pause is kept as a row");
    let err = l
        .case_verify(&petugas, c.id, &[1], at("2026-03-04T09:00:00+07:00"))
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::BadInput,
        "verifying with a requirement missing is refused"
    );
    let c = l
        .case_resubmit(&petugas, c.id, at("2026-03-04T09:00:00+07:00"))
        .unwrap();
    assert!(
        c.due_at > first_due,
        "two days paused move the due moment later: {:?} > {:?}",
        c.due_at,
        first_due
    );
    let c = l
        .case_verify(&petugas, c.id, &[1, 2], at("2026-03-04T09:05:00+07:00"))
        .unwrap();
    l.case_step(
        &petugas,
        c.id,
        3,
        "dicatat di buku register",
        at("2026-03-04T09:06:00+07:00"),
    )
    .unwrap();
    let c = l
        .disposition_send(
            &utama,
            &send(&["ppid-pelaksana"], "Siapkan jawaban", c.id),
            at("2026-03-04T10:00:00+07:00"),
        )
        .unwrap();
    let inbox = l
        .disposition_inbox(&pelaksana, at("2026-03-04T10:05:00+07:00"))
        .unwrap();
    assert_eq!(inbox.len(), 1, "PPID Pelaksana sees the disposition");
    assert_eq!(
        inbox[0].disposition.from_position.as_deref(),
        Some("ppid-utama"),
        "it comes from PPID Utama"
    );
    let err = l
        .disposition_send(
            &pelaksana,
            &send(&["ppid-utama"], "Untuk diketahui", c.id),
            at("2026-03-04T10:10:00+07:00"),
        )
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Forbidden,
        "PPID Pelaksana cannot dispose back up to PPID Utama"
    );
    let d = open_to(&c, "ppid-pelaksana");
    for step in [4, 5] {
        l.case_step(&pelaksana, c.id, step, "", at("2026-03-05T10:00:00+07:00"))
            .unwrap();
    }
    l.disposition_complete(
        &pelaksana,
        d,
        Some("Salinan DPA diserahkan ke PPID Utama"),
        at("2026-03-05T11:00:00+07:00"),
    )
    .unwrap();
    l.case_step(&utama, c.id, 6, "", at("2026-03-05T11:30:00+07:00"))
        .unwrap();
    l.case_await_signature(&utama, c.id, at("2026-03-05T11:40:00+07:00"))
        .unwrap();
    let c = l
        .case_sign(&utama, c.id, at("2026-03-05T13:00:00+07:00"))
        .unwrap();
    assert_eq!(c.status, "selesai", "PPID Utama signs the answer");
    let report = &c.dispositions.iter().find(|x| x.id == d).unwrap().report;
    assert_eq!(
        report, "Salinan DPA diserahkan ke PPID Utama",
        "the report reaches the sender"
    );
}
