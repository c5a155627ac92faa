//! `loket evaluasi report --period 2026-T1`: the evaluation of the service's performance for a
//! quarter, semester or year (IKM per element and overall with its grade and sample, service
//! time, complaints, priorities), as tables or `--json`; `loket evaluasi draft --period 2026-T1`
//! starts the numbered letter of it, signed through the letters workflow.

use clap::{Args, Subcommand};
use loket_api::evaluation::dto::{Evaluation, EvaluationRow};
use loket_api::evaluation::parse_period;
use loket_api::{ApiError, Loket};

use crate::commands::requests::{now, SignIn};
use crate::output::{json, table};

#[derive(Debug, Args)]
pub struct EvaluasiArgs {
    #[command(flatten)]
    pub sign_in: SignIn,
    #[command(subcommand)]
    pub action: EvaluasiAction,
}

#[derive(Debug, Subcommand)]
pub enum EvaluasiAction {
    /// Evaluasi kinerja pelaksana satu periode
    Report {
        /// 2026-T1 … 2026-T4 (triwulan), 2026-S1, 2026-S2 (semester) atau 2026 (tahun)
        #[arg(long, value_name = "PERIODE")]
        period: String,
        /// Simpan juga sebagai buku kerja Excel (.xlsx) ke berkas ini (tidak menimpa)
        #[arg(long, value_name = "BERKAS")]
        xlsx: Option<std::path::PathBuf>,
        /// Simpan juga sebagai laporan PDF (grafik, tabel, blok tanda tangan Kepala Dinas; draf tanpa nomor) ke berkas ini (tidak menimpa)
        #[arg(long, value_name = "FILE.pdf")]
        pdf: Option<std::path::PathBuf>,
    },
    /// Susun laporan evaluasi sebagai konsep surat bernomor (paraf, tanda tangan Kepala Dinas, nomor dari register); angkanya dibekukan saat ini
    Draft {
        /// 2026-T1 … 2026-T4 (triwulan), 2026-S1, 2026-S2 (semester) atau 2026 (tahun)
        #[arg(long, value_name = "PERIODE")]
        period: String,
    },
}

/// Refuses a file that exists: the evaluation never overwrites one.
fn refuse_existing(path: &std::path::Path) -> Result<(), ApiError> {
    if path.exists() {
        return Err(ApiError::bad_input(format!(
            "berkas {} sudah ada; pilih nama lain (evaluasi tidak menimpa berkas)",
            path.display()
        )));
    }
    Ok(())
}

/// Writes `bytes` to a new file at `path`.
fn write_new(path: &std::path::Path, bytes: &[u8]) -> Result<(), ApiError> {
    refuse_existing(path)?;
    std::fs::write(path, bytes).map_err(|e| {
        let e = crate::output::os_words(&e);
        ApiError::bad_input(format!(
            "berkas {} tidak dapat ditulis: {e}; periksa foldernya",
            path.display()
        ))
    })?;
    eprintln!("Tersimpan di {}", path.display());
    Ok(())
}

fn opt(v: Option<f64>, places: usize) -> String {
    v.map(|x| format!("{x:.places$}").replace('.', ","))
        .unwrap_or_else(|| "-".into())
}

fn line(r: &EvaluationRow) -> Vec<String> {
    vec![
        r.label.clone(),
        format!("{}/{}", r.skm.respondents, r.skm.minimum_sample),
        opt(r.skm.ikm, 2),
        r.skm.grade.clone().unwrap_or_else(|| "-".into()),
        format!("{}/{}", r.time.on_time, r.time.on_time + r.time.late),
        opt(r.time.median_days, 1),
        format!(
            "{}/{}",
            r.complaints.answered_in_time, r.complaints.received
        ),
    ]
}

const HEAD: [&str; 7] = [
    "",
    "RESPONDEN/SAMPEL",
    "IKM",
    "MUTU",
    "TEPAT WAKTU",
    "MEDIAN HK",
    "ADUAN TEPAT",
];

fn print(e: &Evaluation) {
    println!(
        "Evaluasi Kinerja Pelaksana {} ({})",
        e.period_label, e.period_words
    );
    println!("{}\n", e.office_name);
    let s = &e.office.skm;
    println!(
        "IKM {} — mutu {} ({}); {} responden, sampel minimum {} dari {} permohonan selesai{}.",
        opt(s.ikm, 2),
        s.grade.as_deref().unwrap_or("-"),
        s.grade_words.as_deref().unwrap_or("belum ada responden"),
        s.respondents,
        s.minimum_sample,
        s.population,
        if s.sample_met {
            ""
        } else {
            " — SAMPEL BELUM CUKUP"
        }
    );
    let rows: Vec<Vec<String>> = s
        .elements
        .iter()
        .map(|x| {
            vec![
                x.code.clone(),
                x.label.clone(),
                opt(Some(x.nrr), 3),
                opt(Some(x.converted), 2),
                x.grade.clone(),
            ]
        })
        .collect();
    if !rows.is_empty() {
        println!();
        table(&["UNSUR", "", "NRR", "NILAI", "MUTU"], &rows);
    }
    if !e.priorities.is_empty() {
        println!(
            "\nPrioritas perbaikan: {}",
            e.priorities
                .iter()
                .map(|p| format!("{} {} ({})", p.code, p.label, opt(Some(p.nrr), 3)))
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    println!();
    let mut all = vec![line(&e.office)];
    all.extend(e.units.iter().map(line));
    table(&HEAD, &all);
    println!();
    table(&HEAD, &e.services.iter().map(line).collect::<Vec<_>>());
}

pub fn run(loket: &mut Loket, args: EvaluasiArgs, as_json: bool) -> Result<(), ApiError> {
    let actor = args.sign_in.actor(loket)?;
    match args.action {
        EvaluasiAction::Report { period, xlsx, pdf } => {
            let p = parse_period(&period)?;
            for path in [&pdf, &xlsx].into_iter().flatten() {
                refuse_existing(path)?;
            }
            if let Some(path) = pdf {
                write_new(&path, &loket.evaluation_export_pdf(&actor, p, now()?)?)?;
            }
            if let Some(path) = xlsx {
                write_new(&path, &loket.evaluation_export_xlsx(&actor, p, now()?)?)?;
            }
            let e = loket.evaluation_report(&actor, p, now()?)?;
            if as_json {
                return json(&e);
            }
            print(&e);
            Ok(())
        }
        EvaluasiAction::Draft { period } => {
            let p = parse_period(&period)?;
            let view = loket.evaluation_draft(&actor, p, now()?)?;
            crate::commands::letter::flow::print(&view, as_json)?;
            if !as_json {
                println!(
                    "Konsep tersimpan; ajukan dengan `loket letter submit {}`, lalu paraf dan tanda tangan seperti surat lain.",
                    view.id
                );
            }
            Ok(())
        }
    }
}
