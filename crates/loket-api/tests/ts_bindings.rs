//! The UI's TypeScript types are generated from the Rust DTOs and committed in
//! `ui/src/lib/types/`. This test regenerates them and fails when the committed files differ.
//! Run `LOKET_UPDATE_TYPES=1 cargo test -p loket-api --features ts --test ts_bindings` to
//! rewrite them after changing a DTO.
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
    ShippedOffice::export_all(&cfg).unwrap();
    InitReport::export_all(&cfg).unwrap();
    ServiceSummary::export_all(&cfg).unwrap();
    ServiceDetail::export_all(&cfg).unwrap();
    OfficeProfileView::export_all(&cfg).unwrap();
    PersonView::export_all(&cfg).unwrap();
    CheckView::export_all(&cfg).unwrap();
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
         regenerate with LOKET_UPDATE_TYPES=1 cargo test -p loket-api --features ts --test ts_bindings"
    );
}
