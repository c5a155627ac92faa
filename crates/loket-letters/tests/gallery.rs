//! Every kind for every office on A4 and F4, with the sample data and with long data
//! (`support/long.rs`), rendered as an issued letter signed by hand and kept as PDF and PNG
//! (every page, 40 dpi) under artifacts/letters/galeri/<office>/<kind>-<kertas>-<pendek|panjang>
//! for a person to look at. On each the page-level rules a secretariat checks on paper: the
//! closing paragraph, the signature and the tembusan share a page (neither the signature nor
//! the tembusan is ever alone on the next one), a NIP is never broken over two lines, and a
//! table row is never split over two pages.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

#[path = "support/long.rs"]
mod long;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use loket_domain::catalog::OfficeProfile;
use loket_letters::seal::{self, QrFacts, SignatureMarks};
use loket_letters::spec::{self, FieldType, Layout, ALL_KINDS};
use loket_letters::{samples, Letter, LetterKind, Paper, Renderer, TemplateSet};
use serde_json::Value;

const OFFICES: [&str; 4] = ["demak", "kediri", "jember", "denpasar"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn profile(office: &str) -> OfficeProfile {
    let file = root().join(format!("data/offices/{office}.toml"));
    let text = std::fs::read_to_string(&file).unwrap();
    loket_domain::load_profile(&file.display().to_string(), &text).unwrap()
}

/// One letter of the gallery.
struct Job {
    office: &'static str,
    kind: LetterKind,
    paper: Paper,
    long: bool,
}

impl Job {
    fn name(&self) -> String {
        format!(
            "{}-{}-{}",
            spec::kind_id(self.kind),
            self.paper.id(),
            if self.long { "panjang" } else { "pendek" }
        )
    }

    fn what(&self) -> String {
        format!("{} {}", self.office, self.name())
    }
}

/// The letter of `job`, as issued by hand: a QR text like the one `letter.sign` prints.
fn letter_of(job: &Job, p: &OfficeProfile) -> (Letter, String) {
    let nomor = format!("000.8.3.3/123/{}/VI/2024", job.office.to_uppercase());
    let mut letter = samples::letter(job.kind, p, Some(&nomor)).unwrap();
    letter.content.kertas = job.paper;
    if job.long {
        long::lengthen(&mut letter);
    }
    let data = letter.template_data().unwrap_or_else(|e| {
        panic!("{}: the long data is valid data: {e}", job.what());
    });
    let qr = seal::qr_facts_text(&QrFacts {
        nomor: &nomor,
        tanggal: &loket_domain::tanggal::tanggal(letter.content.tanggal.unwrap()),
        hal: &letter.content.hal,
        penandatangan: &letter.penandatangan.nama,
        marks: &SignatureMarks::Basah,
        data_sha256: &seal::sha256_hex(data.to_string().as_bytes()),
    });
    (letter, qr)
}

/// Writes the PDF and a PNG of every page (`<name>-<page>.png`), replacing older pages.
fn keep(dir: &Path, name: &str, pdf: &[u8]) {
    for old in std::fs::read_dir(dir).unwrap().flatten() {
        let file = old.file_name().to_string_lossy().into_owned();
        if file.starts_with(&format!("{name}-")) && file.ends_with(".png") {
            let _ = std::fs::remove_file(old.path());
        }
    }
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "40"])
        .arg(&path)
        .arg(dir.join(name))
        .status()
        .expect("pdftoppm (poppler-utils) runs");
    assert!(status.success(), "pdftoppm reads {name}.pdf");
}

/// Every NIP the letter prints, grouped as the template data has it ("19700512 199403 1 007").
fn nips(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match x {
                    Value::String(s) if k == "nip" && s.split(' ').count() == 4 => {
                        out.push(s.clone())
                    }
                    _ => nips(x, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| nips(x, out)),
        _ => {}
    }
}

/// pdftotext's text of each page (reading order), as lines.
fn pages(pdf: &[u8]) -> Vec<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("surat.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    assert!(out.status.success(), "pdftotext reads every letter");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut pages: Vec<Vec<String>> = text
        .split('\u{c}')
        .map(|p| p.lines().map(squeeze).filter(|l| !l.is_empty()).collect())
        .collect();
    while pages.last().is_some_and(|p| p.is_empty()) {
        pages.pop();
    }
    pages
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page-level rules for one rendered letter; each fault is described in `faults`.
fn check(job: &Job, letter: &Letter, pages: &[Vec<String>], faults: &mut Vec<String>) {
    let what = job.what();
    let texts: Vec<String> = pages.iter().map(|p| p.join(" ")).collect();
    let name = squeeze(&letter.penandatangan.nama);
    let Some(sig) = texts.iter().rposition(|t| t.contains(&name)) else {
        faults.push(format!("{what}: the signer's name is not printed"));
        return;
    };
    if spec::layout(job.kind) != Layout::Formulir {
        let closing = match job.kind {
            LetterKind::BuktiPeminjamanCc => "Peminjam wajib menjaga",
            _ => "Demikian",
        };
        if !texts[sig].contains(closing) {
            faults.push(format!(
                "{what}: the signature (page {} of {}) stands without the closing paragraph '{closing} …' above it",
                sig + 1,
                texts.len()
            ));
        }
        if sig + 1 < texts.len() {
            faults.push(format!(
                "{what}: page {} follows the signature ({} pages)",
                sig + 2,
                texts.len()
            ));
        }
    }
    if let Some(t) = texts.iter().position(|t| t.contains("Tembusan:")) {
        if t != sig {
            faults.push(format!(
                "{what}: the tembusan is on page {} but the signature on page {}",
                t + 1,
                sig + 1
            ));
        }
    }
    let data = letter.template_data().unwrap();
    let mut printed = Vec::new();
    nips(&data, &mut printed);
    for nip in printed {
        if !pages.iter().flatten().any(|l| l.contains(&nip)) {
            faults.push(format!(
                "{what}: the NIP {nip} is not printed whole on one line"
            ));
        }
    }
    // Table rows never split over two pages: each row's cells, read left to right, are
    // found together on one page, or else every cell of the row is found whole on one page
    // (pdftotext may read a table of one-line cells column by column). Compared without
    // spaces: an e-mail address may wrap inside its cell. The long data gives the riwayat
    // rows officials other than the signer, so a cut name is not found whole elsewhere.
    let bare = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{200b}')
            .collect()
    };
    let bare_pages: Vec<String> = texts.iter().map(|t| bare(t)).collect();
    for field in spec::fields(job.kind) {
        let FieldType::Rows(columns) = field.ty else {
            continue;
        };
        let rows = data["isi"][field.key]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for row in rows {
            let cells: Vec<&str> = columns
                .iter()
                .map(|c| row[*c].as_str().unwrap_or_default())
                .collect();
            let whole = bare(&cells.concat());
            let together = bare_pages
                .iter()
                .any(|t| t.contains(&whole) || cells.iter().all(|c| t.contains(&bare(c))));
            if !together {
                faults.push(format!(
                    "{what}: a row of the table '{}' is split over two pages: {}",
                    field.key,
                    cells.join(" | ")
                ));
            }
        }
    }
}

#[test]
fn every_kind_for_every_office_on_both_papers_short_and_long_is_kept_as_png() {
    let started = Instant::now();
    // Milliseconds spent rendering, making PNGs and reading the text, over all workers.
    let spent: [AtomicU64; 3] = Default::default();
    let add = |i: usize, t: Instant| {
        spent[i].fetch_add(t.elapsed().as_millis() as u64, Ordering::Relaxed);
    };
    let mut jobs = Vec::new();
    for office in OFFICES {
        for kind in ALL_KINDS {
            for paper in [Paper::A4, Paper::F4] {
                for long in [false, true] {
                    jobs.push(Job {
                        office,
                        kind,
                        paper,
                        long,
                    });
                }
            }
        }
    }
    let profiles: Vec<OfficeProfile> = OFFICES.iter().map(|o| profile(o)).collect();
    for office in OFFICES {
        std::fs::create_dir_all(root().join("artifacts/letters/galeri").join(office)).unwrap();
    }
    let next = AtomicUsize::new(0);
    let faults = Mutex::new(Vec::new());
    let multi_page = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(4);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                let renderer = Renderer::new(TemplateSet::bundled());
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    let p = &profiles[OFFICES.iter().position(|o| *o == job.office).unwrap()];
                    let (letter, qr) = letter_of(job, p);
                    let t = Instant::now();
                    let pdf = match renderer.render(&letter, Some(&qr)) {
                        Ok(r) => r.pdf,
                        Err(e) => {
                            faults
                                .lock()
                                .unwrap()
                                .push(format!("{}: does not render: {e}", job.what()));
                            continue;
                        }
                    };
                    add(0, t);
                    let t = Instant::now();
                    let dir = root().join("artifacts/letters/galeri").join(job.office);
                    keep(&dir, &job.name(), &pdf);
                    add(1, t);
                    let t = Instant::now();
                    let pages = pages(&pdf);
                    if pages.len() > 1 {
                        multi_page.fetch_add(1, Ordering::Relaxed);
                    }
                    let mut mine = Vec::new();
                    check(job, &letter, &pages, &mut mine);
                    add(2, t);
                    faults.lock().unwrap().extend(mine);
                }
            });
        }
    });
    let faults = faults.into_inner().unwrap();
    assert!(
        faults.is_empty(),
        "the closing paragraph, the signature and the tembusan share a page; a NIP never wraps; a table row stays on one page:\n{}",
        faults.join("\n")
    );
    assert!(
        multi_page.load(Ordering::Relaxed) >= OFFICES.len() * 4,
        "the long data runs over a page for several kinds, so the page rules are exercised"
    );
    let png = std::fs::read_dir(root().join("artifacts/letters/galeri/demak"))
        .unwrap()
        .flatten()
        .filter(|f| f.file_name().to_string_lossy().ends_with(".png"))
        .count();
    assert!(
        png >= ALL_KINDS.len() * 4,
        "a PNG of every page is kept for every kind, paper and length: {png} in demak"
    );
    let ms = |i: usize| spent[i].load(Ordering::Relaxed) as f64 / 1000.0;
    eprintln!(
        "{} letters in {:.1} s on {workers} threads (rendering {:.1} s, PNG {:.1} s, text and rules {:.1} s)",
        jobs.len(),
        started.elapsed().as_secs_f64(),
        ms(0),
        ms(1),
        ms(2)
    );
}
