//! The letter the letter scenarios share: Demak's recommendation for fibre-optic cabling
//! (`rekomendasi_teknis_fo`), drafted from a request of PT Telekomunikasi Pesisir Utara,
//! completed with its cable route, initialled by the Kepala Bidang Aptika then the Sekretaris,
//! and signed by the Kepala Dinas. Included by path beside `office.rs`.
#![allow(dead_code)] // each scenario uses the parts it needs

use chrono::{DateTime, FixedOffset};
use loket_api::account::Actor;
use loket_api::case::NewCase;
use loket_api::letter::dto::NumberPatternView;
use loket_api::letter::flow::dto::{DraftView, NewDraft};
use loket_api::Loket;
use loket_domain::roles::Role;
use serde_json::json;

use super::office::{at, Office};

/// The request the recommendation answers.
pub fn fo_request() -> NewCase {
    NewCase {
        service_id: "rekomendasi-galian-fo".into(),
        applicant_kind: "Instansi".into(),
        applicant_name: "PT Telekomunikasi Pesisir Utara".into(),
        applicant_phone: "(024) 8501234".into(),
        applicant_email: "perizinan@pesisirutara.co.id".into(),
        letter_number: "045/TPU/II/2026".into(),
        letter_date: "2026-02-25".into(),
        hal: "Permohonan rekomendasi teknis penempatan kabel fiber optik".into(),
        sifat: "biasa".into(),
        channel: "langsung".into(),
        received_at: "2026-03-02 08:15".into(),
        ..NewCase::default()
    }
}

/// The numbering pattern the recommendation takes its number from: `500.12.4/1/DKIS/2026`.
pub fn fo_pattern() -> NumberPatternView {
    NumberPatternView {
        id: "rekomendasi".into(),
        pattern: "{klasifikasi}/{urut}/{unit}/{tahun}".into(),
        klasifikasi: "500.12.4".into(),
        unit: "DKIS".into(),
        kinds: vec!["rekomendasi_teknis_fo".into()],
    }
}

/// The pattern set and the request registered by the administrator; returns the case id.
pub fn prepare(l: &mut Loket, admin: &Actor) -> i64 {
    l.letter_pattern_set(admin, &fo_pattern(), at("2026-03-02T07:10:00+07:00"))
        .unwrap();
    l.case_register(admin, &fo_request(), at("2026-03-02T08:20:00+07:00"))
        .unwrap()
        .id
}

/// The pre-filled draft completed with the route the operator lays the cable along.
pub fn complete(
    l: &mut Loket,
    who: &Actor,
    d: &DraftView,
    now: DateTime<FixedOffset>,
) -> DraftView {
    let mut content = d.content.clone();
    content.isi.insert(
        "ruas".into(),
        json!([{"lokasi": "Jalan Sultan Fatah, Demak", "panjang": "1.200 meter", "metode": "Tanam langsung (HDD)"}]),
    );
    l.letter_update(who, d.id, &content, now).unwrap()
}

/// Who drafts and initials the recommendation.
pub struct Chain<'a> {
    pub preparer: &'a Actor,
    pub kabid: &'a Actor,
    pub sekretaris: &'a Actor,
}

/// A draft of the recommendation for `case_id`, completed, sent on and initialled by both
/// verifiers: it waits for the Kepala Dinas's signature. Returns the draft's id.
pub fn initialled_by(l: &mut Loket, c: &Chain, case_id: i64, now: DateTime<FixedOffset>) -> i64 {
    let new = NewDraft {
        kind: "rekomendasi_teknis_fo".into(),
        case_id: Some(case_id),
    };
    let draft = l.letter_draft(c.preparer, &new, now).unwrap();
    let draft = complete(l, c.preparer, &draft, now);
    l.letter_submit(c.preparer, draft.id, now).unwrap();
    l.letter_paraf(c.kabid, draft.id, now).unwrap();
    l.letter_paraf(c.sekretaris, draft.id, now).unwrap();
    draft.id
}

/// Demak with the accounts of the chain, a staff member of the network team (default roles),
/// the pattern and the request.
pub struct Demak {
    pub o: Office,
    pub preparer: Actor,
    pub kabid: Actor,
    pub sekretaris: Actor,
    pub kadis: Actor,
    pub staf: Actor,
    pub case_id: i64,
}

pub fn demak() -> Demak {
    demak_in(Office::new("demak"))
}

/// [`demak`] in an office already made (e.g. on a server database of its own).
pub fn demak_in(mut o: Office) -> Demak {
    let preparer = o.account("staf.fo", "staf-fo", Some(vec![Role::Register, Role::Book]));
    let kabid = o.account("kabid.aptika", "kepala-bidang-aptika", None);
    let sekretaris = o.account("sekretaris", "sekretaris", None);
    let kadis = o.account("kadis", "kepala-dinas", None);
    let staf = o.account("staf.jaringan", "staf-jaringan", None);
    let admin = o.admin.clone();
    let case_id = prepare(&mut o.loket, &admin);
    Demak {
        o,
        preparer,
        kabid,
        sekretaris,
        kadis,
        staf,
        case_id,
    }
}

impl Demak {
    /// [`initialled_by`] this office's chain.
    pub fn initialled(&mut self, case_id: i64, now: DateTime<FixedOffset>) -> i64 {
        let chain = Chain {
            preparer: &self.preparer,
            kabid: &self.kabid,
            sekretaris: &self.sekretaris,
        };
        initialled_by(&mut self.o.loket, &chain, case_id, now)
    }
}
