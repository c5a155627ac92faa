//! `loket bench letters`: render each shipped letter many times, print the mean per letter
//! and the ratio to LibreOffice converting the same letter.

use loket_api::letter::bench::letter_bench;
use loket_api::ApiError;

use crate::output::{json, table};

/// Options of `loket bench letters`.
#[derive(Debug, clap::Args)]
pub struct LettersBench {
    /// Berapa kali setiap surat dibuat
    #[arg(long, default_value_t = 200)]
    runs: u32,
    /// Profil kantor bawaan yang dipakai
    #[arg(long, default_value = "demak")]
    office: String,
    /// Berapa kali LibreOffice mengonversi surat yang sama (0 = lewati)
    #[arg(long, default_value_t = 5)]
    libreoffice_runs: u32,
}

pub fn run(args: LettersBench, as_json: bool) -> Result<(), ApiError> {
    let scratch = std::env::temp_dir().join(format!("loket-bench-letters-{}", std::process::id()));
    let r = letter_bench(&args.office, args.runs, args.libreoffice_runs, &scratch);
    let _ = std::fs::remove_dir_all(&scratch);
    let r = r?;
    if as_json {
        return json(&r);
    }
    println!(
        "bench letters: {} kantor, setiap surat {} kali",
        r.office, r.runs
    );
    let rows: Vec<Vec<String>> = r
        .kinds
        .iter()
        .map(|k| {
            vec![
                k.kind.clone(),
                k.pages.to_string(),
                format!("{:.2}", k.mean_ms),
            ]
        })
        .collect();
    table(&["SURAT", "HALAMAN", "MS/SURAT"], &rows);
    println!("rata-rata: {:.2} ms per surat", r.mean_ms);
    match &r.libreoffice {
        Some(lo) => println!(
            "LibreOffice ({} kali, {}.fodt -> pdf): {:.0} ms per surat, {:.0}x lebih lambat",
            lo.runs, lo.kind, lo.mean_ms, lo.ratio
        ),
        None => println!("LibreOffice tidak terpasang atau dilewati: rasio tidak diukur"),
    }
    Ok(())
}
