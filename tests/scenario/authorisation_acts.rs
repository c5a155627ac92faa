//! The acts of the authorisation table: every state-changing use case of loket-api with
//! the input it is tried with (valid enough that only the actor decides the outcome).

use chrono::NaiveDate;
use loket_api::account::{Actor, NewAccount};
use loket_api::booking::NewResource;
use loket_api::letter::dto::{LetterContent, LetterRequest};
use loket_api::letter::flow::dto::NewDraft;
use loket_api::letter::Reservation;
use loket_api::office::officials::OfficialForm;
use loket_api::signer::{NewSignerCertificate, Pkcs12Input};
use loket_api::skm::{ComplaintEntry, SkmEntry};
use loket_api::sla::DueSoonSettings;
use loket_api::{ApiError, Loket};
use loket_domain::booking::{ResourceKind, WeeklyRule};
use loket_domain::catalog::{Acting, Weekday};
use loket_domain::roles::Role;

use super::world::{at, booking_request, hosting_request, now, pattern, send, Ids};

/// Who may do it: `Right` — a role or a post the plain account lacks; `Anyone` — every
/// signed-in, active account (it changes only what is the person's own).
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Who {
    Right,
    Anyone,
}

pub type Run = fn(&mut Loket, &Actor, &Ids) -> Result<(), ApiError>;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn sample(kind: &str) -> LetterContent {
    let mut c = Loket::letter_sample(kind).unwrap();
    c.tanggal = Some(day("2026-03-03"));
    c
}

/// Every state-changing use case with the act it is tried with.
pub const ACTS: &[(&str, Who, Run)] = &[
    ("account.create", Who::Right, |l, a, _| {
        let new = NewAccount {
            login: "baru".into(),
            name: "Pegawai Baru".into(),
            position_id: "staf-jaringan".into(),
            password: "sandi-pegawai-baru-1".into(),
            ..NewAccount::default()
        };
        l.account_create(a, &new, now()).map(|_| ())
    }),
    ("account.acting", Who::Right, |l, a, _| {
        let (from, to) = (day("2026-03-04"), day("2026-03-06"));
        l.account_acting(
            a,
            "sekretaris",
            "kepala-dinas",
            Acting::Plt,
            from,
            to,
            now(),
        )
        .map(|_| ())
    }),
    ("account.set_active", Who::Right, |l, a, _| {
        l.account_set_active(a, "sekretaris", false, now())
    }),
    ("account.reset_password", Who::Right, |l, a, _| {
        l.account_reset_password(a, "sekretaris", "sandi-baru-panjang-1", now())
    }),
    ("account.set_roles", Who::Right, |l, a, _| {
        l.account_set_roles(a, "sekretaris", &[Role::Book], now())
    }),
    ("booking.create", Who::Right, |l, a, _| {
        l.booking_create(&booking_request(), a, now()).map(|_| ())
    }),
    ("booking.create_series", Who::Right, |l, a, _| {
        let rule = WeeklyRule {
            weekdays: vec![Weekday::Kamis],
            every_weeks: 1,
            until: day("2026-04-30"),
        };
        l.booking_create_series(&booking_request(), &rule, a, now())
            .map(|_| ())
    }),
    ("booking.approve", Who::Right, |l, a, i| {
        l.booking_approve(i.booking, a, now()).map(|_| ())
    }),
    ("booking.assign_operators", Who::Right, |l, a, i| {
        l.booking_assign_operators(i.booking, &["sekretaris".into()], a, now())
            .map(|_| ())
    }),
    ("booking.check_out", Who::Right, |l, a, i| {
        l.booking_check_out(i.booking, "lengkap", a, now())
            .map(|_| ())
    }),
    ("booking.check_in", Who::Right, |l, a, i| {
        l.booking_check_in(i.booking, "lengkap", a, now())
            .map(|_| ())
    }),
    ("booking.cancel", Who::Right, |l, a, i| {
        l.booking_cancel(i.booking, "acara batal", a, now())
            .map(|_| ())
    }),
    ("resource.add", Who::Right, |l, a, _| {
        let r = NewResource {
            id: "studio".into(),
            name: "Studio".into(),
            kind: ResourceKind::Ruang,
            quantity: 1,
            setup_minutes: 0,
            teardown_minutes: 0,
            unit: None,
            operators_needed: 0,
            skill: None,
        };
        l.resource_add(&r, a, now()).map(|_| ())
    }),
    ("resource.add_skill", Who::Right, |l, a, _| {
        l.resource_add_skill("sekretaris", "operator_vicon", a, now())
    }),
    ("blackout.add", Who::Right, |l, a, _| {
        let (s, e) = (
            at("2026-03-21T08:00:00+07:00"),
            at("2026-03-21T12:00:00+07:00"),
        );
        l.blackout_add(Some("command-center"), s, e, "Perawatan", a, now())
            .map(|_| ())
    }),
    ("blackout.remove", Who::Right, |l, a, i| {
        l.blackout_remove(i.blackout, a, now())
    }),
    ("calendar.hours.set", Who::Right, |l, a, _| {
        l.calendar_set_hours(a, "senin-jumat 07:30-16:00", now())
            .map(|_| ())
    }),
    ("calendar.variant.add", Who::Right, |l, a, _| {
        l.calendar_add_variant(
            a,
            "Jadwal khusus",
            "2026-06-01",
            "2026-06-05",
            "senin-jumat 08:00-12:00",
            now(),
        )
        .map(|_| ())
    }),
    ("calendar.variant.remove", Who::Right, |l, a, i| {
        l.calendar_remove_variant(a, i.variant, now())
    }),
    ("calendar.closure.add", Who::Right, |l, a, _| {
        l.calendar_add_closure(a, "2026-05-05", "pindah gedung", now())
            .map(|_| ())
    }),
    ("calendar.closure.remove", Who::Right, |l, a, _| {
        l.calendar_remove_closure(a, "2026-05-04", now())
            .map(|_| ())
    }),
    ("calendar.holidays.replace", Who::Right, |l, a, i| {
        l.calendar_replace_holidays(a, 2026, &i.holidays_file, now())
            .map(|_| ())
    }),
    ("calendar.holiday.add", Who::Right, |l, a, _| {
        l.calendar_admin_add_holiday(a, "2026-06-10", "Libur daerah", "libur_daerah", now())
            .map(|_| ())
    }),
    ("calendar.holiday.remove", Who::Right, |l, a, _| {
        l.calendar_admin_remove_holiday(a, "2026-01-01", "Tahun Baru 2026 Masehi", now())
            .map(|_| ())
    }),
    ("case.register", Who::Right, |l, a, _| {
        l.case_register(a, &hosting_request(), now()).map(|_| ())
    }),
    ("case.verify", Who::Right, |l, a, i| {
        l.case_verify(a, i.fresh_case, &[1, 2, 3], now())
            .map(|_| ())
    }),
    ("case.give_back", Who::Right, |l, a, i| {
        l.case_give_back(a, i.fresh_case, &[1], now()).map(|_| ())
    }),
    ("case.resubmit", Who::Right, |l, a, i| {
        l.case_resubmit(a, i.fresh_case, now()).map(|_| ())
    }),
    ("case.reject", Who::Right, |l, a, i| {
        l.case_reject(a, i.case, "bukan kewenangan Diskominfo", now())
            .map(|_| ())
    }),
    ("case.await_signature", Who::Right, |l, a, i| {
        l.case_await_signature(a, i.case, now()).map(|_| ())
    }),
    ("case.sign", Who::Right, |l, a, i| {
        l.case_sign(a, i.case, now()).map(|_| ())
    }),
    ("case.step", Who::Right, |l, a, i| {
        l.case_step(a, i.case, 1, "diperiksa", now()).map(|_| ())
    }),
    ("case.attach", Who::Right, |l, a, i| {
        l.case_attach(a, i.case, std::slice::from_ref(&i.attachment), now())
            .map(|_| ())
    }),
    ("case.open", Who::Anyone, |l, a, i| {
        l.case_open(a, i.case, now()).map(|_| ())
    }),
    ("disposition.send", Who::Right, |l, a, i| {
        l.disposition_send(a, &send(&["sekretaris"], "Untuk diketahui", i.case), now())
            .map(|_| ())
    }),
    ("disposition.read", Who::Right, |l, a, i| {
        l.disposition_read(a, i.to_sekretaris, now()).map(|_| ())
    }),
    ("disposition.report", Who::Right, |l, a, i| {
        l.disposition_report(a, i.to_sekretaris, "sudah ditindaklanjuti", now())
            .map(|_| ())
    }),
    ("disposition.complete", Who::Right, |l, a, i| {
        l.disposition_complete(a, i.to_sekretaris, Some("selesai"), now())
            .map(|_| ())
    }),
    ("disposition.withdraw", Who::Right, |l, a, i| {
        l.disposition_withdraw(a, i.to_sekretaris, now())
            .map(|_| ())
    }),
    ("instruction.set", Who::Right, |l, a, _| {
        l.instruction_set(a, &["Untuk diketahui".into()], now())
            .map(|_| ())
    }),
    ("deadlines.set_due_soon", Who::Right, |l, a, _| {
        l.due_soon_set(a, &DueSoonSettings::default(), now())
            .map(|_| ())
    }),
    ("notify.read", Who::Anyone, |l, a, _| {
        l.notifications_mark_read(a, None, now()).map(|_| ())
    }),
    ("sla.extend", Who::Right, |l, a, i| {
        l.sla_extend(a, i.case, "informasi tersebar di beberapa bidang", now())
            .map(|_| ())
    }),
    ("letter.draft", Who::Right, |l, a, i| {
        let new = NewDraft {
            kind: "surat_balasan".into(),
            case_id: Some(i.case),
        };
        l.letter_draft(a, &new, now()).map(|_| ())
    }),
    ("evaluation.draft", Who::Right, |l, a, _| {
        let period = loket_api::evaluation::parse_period("2026-T1")?;
        l.evaluation_draft(a, period, now()).map(|_| ())
    }),
    ("letter.update", Who::Right, |l, a, i| {
        l.letter_update(a, i.draft, &sample("surat_balasan"), now())
            .map(|_| ())
    }),
    ("letter.submit", Who::Right, |l, a, i| {
        l.letter_submit(a, i.draft, now()).map(|_| ())
    }),
    ("letter.paraf", Who::Right, |l, a, i| {
        l.letter_paraf(a, i.draft, now()).map(|_| ())
    }),
    ("letter.return", Who::Right, |l, a, i| {
        l.letter_return(a, i.draft, "lengkapi ruas", now())
            .map(|_| ())
    }),
    ("letter.sign", Who::Right, |l, a, i| {
        l.letter_sign(a, i.draft, now()).map(|_| ())
    }),
    ("letter.correct", Who::Right, |l, a, i| {
        l.letter_correct(a, &i.issued, "nama pemohon salah ketik", now())
            .map(|_| ())
    }),
    ("letter.void", Who::Right, |l, a, i| {
        l.letter_void(a, i.draft, "permohonan dicabut", now())
            .map(|_| ())
    }),
    ("letter.issue", Who::Right, |l, a, _| {
        let req = LetterRequest {
            kind: "surat_balasan".into(),
            content: sample("surat_balasan"),
            signer: None,
            case_id: None,
        };
        l.letter_issue(a, &req, None, now()).map(|_| ())
    }),
    ("letter.number.reserve", Who::Right, |l, a, _| {
        let r = Reservation {
            kind: "penolakan",
            tanggal: day("2026-03-03"),
            hal: "Penolakan permohonan",
            case_id: None,
            reserved_by: None,
        };
        l.letter_number_reserve(a, &r, now()).map(|_| ())
    }),
    ("letter.number.void", Who::Right, |l, a, i| {
        l.letter_number_void(a, i.number, "tidak jadi dipakai", now())
            .map(|_| ())
    }),
    ("letter.pattern.set", Who::Right, |l, a, _| {
        l.letter_pattern_set(a, &pattern(), now()).map(|_| ())
    }),
    ("letter.template.save", Who::Right, |l, a, _| {
        let text = Loket::letter_template_default("naskah.typ")?;
        l.letter_template_save(a, "naskah.typ", &text, now())
            .map(|_| ())
    }),
    ("letter.template.reset", Who::Right, |l, a, _| {
        l.letter_template_reset(a, "naskah.typ", now()).map(|_| ())
    }),
    ("skm.record", Who::Right, |l, a, i| {
        let entry = SkmEntry {
            case_id: Some(i.case),
            answered_on: "2026-03-03".into(),
            age: 35,
            sex: "P".into(),
            answers: "4,4,4,4,4,4,4,4,4".into(),
            ..SkmEntry::default()
        };
        l.skm_record(a, &entry, now()).map(|_| ())
    }),
    ("complaint.register", Who::Right, |l, a, _| {
        let entry = ComplaintEntry {
            kind: "pengaduan".into(),
            service_id: "subdomain-hosting".into(),
            body: "Layanan lambat".into(),
            ..ComplaintEntry::default()
        };
        l.complaint_register(a, &entry, now()).map(|_| ())
    }),
    ("complaint.answer", Who::Right, |l, a, _| {
        l.complaint_answer(a, 1, "sudah ditindaklanjuti", now())
            .map(|_| ())
    }),
    ("complaint.set_answer_days", Who::Right, |l, a, _| {
        l.complaint_set_answer_days(a, 5, now()).map(|_| ())
    }),
    ("signer.add", Who::Right, |l, a, _| {
        let new = NewSignerCertificate {
            account: "kadis",
            key: Pkcs12Input {
                p12: b"bukan berkas pkcs12",
                passphrase: "sandi",
            },
        };
        l.signer_add(a, &new, now()).map(|_| ())
    }),
    ("signer.trust", Who::Right, |l, a, _| {
        l.signer_trust(a, b"bukan sertifikat", now()).map(|_| ())
    }),
    ("office.emblem.save", Who::Right, |l, a, _| {
        let svg = b"<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>";
        l.office_emblem_save(a, "lambang.svg", svg, now())
            .map(|_| ())
    }),
    ("office.official.set", Who::Right, |l, a, _| {
        let form = OfficialForm {
            position_id: "kepala-dinas".into(),
            name: "Pejabat Baru".into(),
            ..OfficialForm::default()
        };
        l.office_official_set(a, &form, now()).map(|_| ())
    }),
    ("office.official.clear", Who::Right, |l, a, _| {
        l.office_official_clear(a, "kepala-dinas", now())
            .map(|_| ())
    }),
    ("office.paper.set", Who::Right, |l, a, _| {
        l.office_paper_set(a, "f4", now()).map(|_| ())
    }),
];
