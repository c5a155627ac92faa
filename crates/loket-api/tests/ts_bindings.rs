//! The UI's TypeScript types are generated from the Rust DTOs and committed in
//! `ui/src/lib/types/`. This test regenerates them and fails when the committed files differ.
//! Run `LOKET_UPDATE_TYPES=1 cargo test --workspace --test ts_bindings` to
//! rewrite them after changing a DTO.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test
#![cfg(feature = "ts")]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use loket_api::app::AppStatus;
use loket_api::dto::{
    CheckView, InitReport, OfficeProfileView, PersonView, ServiceDetail, ServiceSummary,
    ShippedOffice,
};
use loket_api::ApiError;
use ts_rs::{Config, TS};

fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/types")
}

fn generate(dir: &Path) {
    let cfg = Config::new().with_out_dir(dir);
    ApiError::export_all(&cfg).unwrap();
    AppStatus::export_all(&cfg).unwrap();
    connection(&cfg);
    ShippedOffice::export_all(&cfg).unwrap();
    InitReport::export_all(&cfg).unwrap();
    ServiceSummary::export_all(&cfg).unwrap();
    ServiceDetail::export_all(&cfg).unwrap();
    OfficeProfileView::export_all(&cfg).unwrap();
    PersonView::export_all(&cfg).unwrap();
    CheckView::export_all(&cfg).unwrap();
    jadwal(&cfg);
    agenda_and_accounts(&cfg);
    surat(&cfg);
    requests(&cfg);
    tenggat(&cfg);
    kalender(&cfg);
    laporan(&cfg);
    persiapan(&cfg);
    skm(&cfg);
}

/// The first-run screen's connection to the office's server.
fn connection(cfg: &Config) {
    use loket_api::app::{ConnectionTest, ServerSettings};
    ServerSettings::export_all(cfg).unwrap();
    ConnectionTest::export_all(cfg).unwrap();
}

/// Pengaturan → Persiapan Kantor: readiness, officials, paper and the proposals.
fn persiapan(cfg: &Config) {
    use loket_api::office::{officials, paper, proposals, readiness};
    readiness::Readiness::export_all(cfg).unwrap();
    officials::OfficialsPage::export_all(cfg).unwrap();
    officials::OfficialForm::export_all(cfg).unwrap();
    paper::PaperSetting::export_all(cfg).unwrap();
    proposals::PatternProposal::export_all(cfg).unwrap();
    proposals::ResourceProposal::export_all(cfg).unwrap();
}

/// SKM, complaints and the evaluation (area skm/).
fn skm(cfg: &Config) {
    use loket_api::skm as s;
    s::Questionnaire::export_all(cfg).unwrap();
    s::SkmEntry::export_all(cfg).unwrap();
    s::SkmResponseView::export_all(cfg).unwrap();
    s::ComplaintEntry::export_all(cfg).unwrap();
    s::ComplaintView::export_all(cfg).unwrap();
    loket_api::evaluation::dto::Evaluation::export_all(cfg).unwrap();
}

/// Laporan: the recap of a period (area L).
fn laporan(cfg: &Config) {
    loket_api::report::dto::ServiceReport::export_all(cfg).unwrap();
}

/// Pengaturan → Hari & Jam Kerja (area K).
fn kalender(cfg: &Config) {
    use loket_api::calendar as k;
    k::CalendarPage::export_all(cfg).unwrap();
    k::CalendarSaved::export_all(cfg).unwrap();
}

/// The Tenggat view and the notification centre (area A).
fn tenggat(cfg: &Config) {
    use loket_api::sla as s;
    s::TenggatView::export_all(cfg).unwrap();
    s::NotificationCentre::export_all(cfg).unwrap();
    s::DueSoonSettings::export_all(cfg).unwrap();
    loket_api::signer::SignerCertificateView::export_all(cfg).unwrap();
    loket_api::signer::TrustedRootView::export_all(cfg).unwrap();
}

/// Kotak Masuk, the case page and the dispose dialog (area B).
fn requests(cfg: &Config) {
    use loket_api::{case as c, disposition as d};
    c::CasePage::export_all(cfg).unwrap();
    d::KotakMasuk::export_all(cfg).unwrap();
    d::Dispatch::export_all(cfg).unwrap();
}

/// The Surat section: drafts, paraf chain, queues, preview, outgoing agenda (area D).
fn surat(cfg: &Config) {
    use loket_api::letter::dto as l;
    use loket_api::letter::flow::dto as f;
    l::LetterKindView::export_all(cfg).unwrap();
    l::IssuedLetterView::export_all(cfg).unwrap();
    f::NewDraft::export_all(cfg).unwrap();
    f::DraftView::export_all(cfg).unwrap();
    f::LetterQueues::export_all(cfg).unwrap();
    f::PreviewView::export_all(cfg).unwrap();
    loket_api::letter::template::TemplateView::export_all(cfg).unwrap();
    loket_api::letter::template::TemplatePreview::export_all(cfg).unwrap();
    loket_api::letter::patterns::PatternPage::export_all(cfg).unwrap();
    l::NumberPatternView::export_all(cfg).unwrap();
}

/// Register form, buku agenda, accounts and the instruction list (area C).
fn agenda_and_accounts(cfg: &Config) {
    use loket_api::{account as a, case as c};
    c::NewCase::export_all(cfg).unwrap();
    c::Upload::export_all(cfg).unwrap();
    c::CaseView::export_all(cfg).unwrap();
    c::CaseFilter::export_all(cfg).unwrap();
    c::AgendaLine::export_all(cfg).unwrap();
    c::ApplicantView::export_all(cfg).unwrap();
    a::AccountView::export_all(cfg).unwrap();
    a::ActingView::export_all(cfg).unwrap();
    a::PostChoice::export_all(cfg).unwrap();
}

/// Jadwal Peralatan (schedule) DTOs.
fn jadwal(cfg: &Config) {
    use loket_api::booking as b;
    b::ScheduleRange::export_all(cfg).unwrap();
    b::BookingForm::export_all(cfg).unwrap();
    b::BookingSubmitted::export_all(cfg).unwrap();
    b::SlotForm::export_all(cfg).unwrap();
    b::ResourceForm::export_all(cfg).unwrap();
    b::OperatorSkills::export_all(cfg).unwrap();
    b::BookingEvent::export_all(cfg).unwrap();
    b::Borrower::export_all(cfg).unwrap();
    b::BlackoutForm::export_all(cfg).unwrap();
    b::BlackoutView::export_all(cfg).unwrap();
    b::SlotView::export_all(cfg).unwrap();
    b::SlotView::export_all(cfg).unwrap();
}

fn read_tree(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().is_some_and(|x| x == "ts") {
                let name = path.file_name().unwrap().to_string_lossy().to_string();
                out.insert(name, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    out
}

#[test]
fn committed_typescript_types_match_the_rust_dtos() {
    let fresh = tempfile::tempdir().unwrap();
    generate(fresh.path());
    let generated = read_tree(fresh.path());
    assert!(
        generated.contains_key("ServiceDetail.ts"),
        "the generator writes one file per type"
    );
    let committed_dir = committed_dir();
    if std::env::var_os("LOKET_UPDATE_TYPES").is_some() {
        std::fs::create_dir_all(&committed_dir).unwrap();
        for old in read_tree(&committed_dir).keys() {
            std::fs::remove_file(committed_dir.join(old)).unwrap();
        }
        for (name, text) in &generated {
            std::fs::write(committed_dir.join(name), text).unwrap();
        }
        return;
    }
    let committed = read_tree(&committed_dir);
    let stale: Vec<&String> = generated
        .iter()
        .filter(|(name, text)| committed.get(*name) != Some(text))
        .map(|(name, _)| name)
        .collect();
    let extra: Vec<&String> = committed
        .keys()
        .filter(|name| !generated.contains_key(*name))
        .collect();
    assert!(
        stale.is_empty() && extra.is_empty(),
        "ui/src/lib/types is stale (changed or missing: {stale:?}; no longer generated: {extra:?}); \
         regenerate with LOKET_UPDATE_TYPES=1 cargo test --workspace --test ts_bindings"
    );
}
