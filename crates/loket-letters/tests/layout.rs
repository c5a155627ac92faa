//! Layout rules a secretariat checks on paper, each asserted on where pdftotext finds the
//! words of the rendered PDF: the kop drawn from the office's profile, the Hal, the
//! addressee and the two-party signatures. Every kind for every office on A4 and F4.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

#[path = "support/layout.rs"]
mod layout;

use std::path::{Path, PathBuf};

use layout::Line;
use loket_domain::catalog::{Office, OfficeProfile};
use loket_letters::spec::{self, ALL_KINDS};
use loket_letters::{samples, Letter, LetterKind, Paper, Renderer, TemplateSet};

const OFFICES: [&str; 4] = ["demak", "kediri", "jember", "denpasar"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn profile(office: &str) -> OfficeProfile {
    let file = root().join(format!("data/offices/{office}.toml"));
    let text = std::fs::read_to_string(&file).unwrap();
    loket_domain::load_profile(&file.display().to_string(), &text).unwrap()
}

/// An office whose every kop field is long: a name over three lines, a long address.
fn long_office(base: &Office) -> Office {
    Office {
        nama_dinas: "DINAS KOMUNIKASI, INFORMATIKA, STATISTIK DAN PERSANDIAN SERTA PELAYANAN PERIZINAN TERPADU SATU PINTU".into(),
        alamat: "Kompleks Perkantoran Terpadu Gedung Sekretariat Daerah Blok B Lantai III, Jalan Pahlawan Kemerdekaan Nomor 123".into(),
        telepon: "0291-685790 / 685791".into(),
        faksimile: "(0291)685792".into(),
        pos_el: "dinas.komunikasi.informatika.statistik@pemerintahdaerah.go.id".into(),
        laman: "https://dinas-komunikasi-informatika-statistik.pemerintahdaerah.go.id/".into(),
        kode_pos: "59515".into(),
        ..base.clone()
    }
}

fn render(renderer: &Renderer, letter: &Letter) -> Vec<Vec<Line>> {
    let pdf = renderer
        .render(letter, Some("uji"))
        .unwrap_or_else(|e| panic!("{:?} must render: {e}", letter.kind))
        .pdf;
    layout::pages(&pdf)
}

/// Keeps a letter's PDF and page-1 PNG under artifacts/letters/<office>/ for a person to look at.
fn keep(renderer: &Renderer, letter: &Letter, office: &str, name: &str) {
    let pdf = renderer.render(letter, Some("uji")).unwrap().pdf;
    let dir = root().join("artifacts/letters").join(office);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, &pdf).unwrap();
    let status = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&path)
        .arg(dir.join(name))
        .status()
        .unwrap();
    assert!(status.success(), "pdftoppm reads every letter");
}

fn chars(l: &Line) -> usize {
    l.text().chars().count()
}

/// Checks one kop against the office it was drawn from; `what` names the letter.
fn check_kop(kop: &[Line], o: &Office, what: &str) {
    let texts: Vec<String> = kop.iter().map(Line::text).collect();
    let all = texts.join(" / ");
    assert_eq!(
        texts.first().map(String::as_str),
        Some(o.pemerintah.as_str()),
        "{what}: the kop opens with the government's name: {all}"
    );
    // The agency name: the lines after PEMERINTAH that together spell it.
    let words: Vec<&str> = o.nama_dinas.split_whitespace().collect();
    let mut name_lines = Vec::new();
    let mut taken = 0;
    for l in &kop[1..] {
        if taken >= words.len() {
            break;
        }
        let n = l.words.len();
        assert_eq!(
            l.text(),
            words[taken..(taken + n).min(words.len())].join(" "),
            "{what}: the agency name follows PEMERINTAH line by line: {all}"
        );
        name_lines.push(l.clone());
        taken += n;
    }
    if name_lines.len() > 1 {
        let long = name_lines.iter().map(chars).max().unwrap_or(0);
        let short = name_lines.iter().map(chars).min().unwrap_or(0);
        assert!(
            name_lines.iter().all(|l| l.words.len() > 1) && short * 2 >= long,
            "{what}: a wrapped agency name is balanced, no word left alone on a line: {all}"
        );
    }
    let contact: Vec<&Line> = kop[1 + name_lines.len()..].iter().collect();
    let joined = contact
        .iter()
        .map(|l| l.text())
        .collect::<Vec<_>>()
        .join(" ");
    if contact.len() > 1 {
        let long = contact.iter().map(|l| chars(l)).max().unwrap_or(0);
        let short = contact.iter().map(|l| chars(l)).min().unwrap_or(0);
        assert!(
            short * 5 >= long * 2,
            "{what}: the contact lines are balanced, none is a stray fragment (such as 'Kode Pos 68133' alone): {all}"
        );
    }
    for (label, value) in [
        ("Telepon", &o.telepon),
        ("Faksimile", &o.faksimile),
        ("Laman", &o.laman),
        ("Pos-el", &o.pos_el),
    ] {
        assert_eq!(
            joined.contains(label),
            !value.trim().is_empty(),
            "{what}: '{label}' is printed exactly when the office has one, never as a dangling label: {all}"
        );
    }
    for l in &contact {
        let t = l.text();
        assert!(
            !t.starts_with(',') && !t.contains(",,") && !t.contains(", ,"),
            "{what}: no empty item leaves a stray separator: {t}"
        );
        for label in ["Telepon", "Faksimile", "Laman", "Pos-el"] {
            assert!(
                !t.ends_with(label) && !t.contains(&format!("{label},")),
                "{what}: a label is followed by its value on the same line: {t}"
            );
        }
    }
    assert!(
        !joined.contains("Kode Pos") && !joined.contains("https://") && !joined.contains("http://"),
        "{what}: one rule for all offices: the postal code closes the address without a label, a laman is written without its scheme: {all}"
    );
    let b = joined.as_bytes();
    for i in 1..b.len().saturating_sub(1) {
        assert!(
            !(b[i] == b')' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit()),
            "{what}: a telephone/fax number is written '(0361) 8495571', one space after the area code: {all}"
        );
    }
    let kode = o.kode_pos.trim();
    if !kode.is_empty() {
        let line = contact
            .iter()
            .find(|l| l.text().contains(kode))
            .unwrap_or_else(|| panic!("{what}: the postal code {kode} is printed: {all}"));
        assert!(
            line.text().len() > kode.len() + 10,
            "{what}: the postal code stays with the address, never alone on a line: {all}"
        );
    }
}

#[test]
fn the_kop_is_balanced_for_any_office_and_prints_only_what_the_office_has() {
    let renderer = Renderer::new(TemplateSet::bundled());
    let mut checked = 0;
    for office in OFFICES {
        let p = profile(office);
        for kind in ALL_KINDS {
            for paper in [Paper::A4, Paper::F4] {
                let mut letter = samples::letter(kind, &p, Some("000.8/1/2024")).unwrap();
                letter.content.kertas = paper;
                let pages = render(&renderer, &letter);
                let what = format!("{office} {kind:?} {paper:?}");
                check_kop(&layout::kop(&pages[0]), &p.office, &what);
                checked += 1;
            }
        }
        // The same office with every kop field long: still balanced, still one rule.
        let mut letter = samples::letter(LetterKind::SuratBalasan, &p, Some("1/2/3")).unwrap();
        letter.office = long_office(&p.office);
        let pages = render(&renderer, &letter);
        keep(&renderer, &letter, office, "uji-kop-panjang");
        let kop = layout::kop(&pages[0]);
        check_kop(&kop, &letter.office, &format!("{office} with a long name"));
        assert!(
            kop.len() >= 6,
            "{office}: the long name and address take several lines, so balancing is exercised: {:?}",
            kop.iter().map(Line::text).collect::<Vec<_>>()
        );
    }
    assert_eq!(
        checked,
        OFFICES.len() * ALL_KINDS.len() * 2,
        "every kind for every office on both papers"
    );
}

/// The Hal's words: on the lines from "Hal" down to the addressee, right of the colon.
fn hal_words(page: &[Line]) -> Vec<Vec<layout::Word>> {
    let start = page
        .iter()
        .position(|l| l.words.first().is_some_and(|w| w.text == "Hal"))
        .expect("the letter has a Hal line");
    let colon_x = page[start]
        .words
        .iter()
        .find(|w| w.text == ":")
        .map(|w| w.x1)
        .unwrap_or(0.0);
    page[start..]
        .iter()
        .take_while(|l| !l.text().starts_with("Yth."))
        .map(|l| {
            l.words
                .iter()
                .filter(|w| w.x0 > colon_x + 1.0)
                .cloned()
                .collect::<Vec<_>>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn a_wrapped_hal_keeps_its_normal_word_gaps() {
    let renderer = Renderer::new(TemplateSet::bundled());
    let hal = "Permohonan Rekomendasi Teknis Penempatan Bangunan dan Utilitas Kabel Fiber Optik pada Ruas Jalan Kabupaten Sepanjang Koridor Utara-Selatan Tahap II";
    let mut wrapped = 0;
    for office in OFFICES {
        let p = profile(office);
        for kind in ALL_KINDS
            .into_iter()
            .filter(|k| spec::layout(*k) == spec::Layout::Korespondensi)
        {
            for paper in [Paper::A4, Paper::F4] {
                let mut letter = samples::letter(kind, &p, Some("1/2/3")).unwrap();
                letter.content.kertas = paper;
                letter.content.hal = hal.into();
                letter
                    .content
                    .kepada
                    .push("u.p. Kepala Bidang Sumber Daya".into());
                let pages = render(&renderer, &letter);
                if kind == LetterKind::SuratBalasan && paper == Paper::A4 {
                    keep(&renderer, &letter, office, "uji-hal-panjang");
                }
                let lines = hal_words(&pages[0]);
                if lines.len() > 1 {
                    wrapped += 1;
                }
                for words in &lines {
                    for pair in words.windows(2) {
                        let gap = pair[1].x0 - pair[0].x1;
                        assert!(
                            gap < 4.5,
                            "{office} {kind:?} {paper:?}: a wrapped Hal is set ragged, not justified: {gap:.1} pt between '{}' and '{}' (a normal space is 3.3 pt)",
                            pair[0].text,
                            pair[1].text
                        );
                    }
                }
            }
        }
    }
    assert!(wrapped > 0, "the long Hal wraps, so the rule is exercised");
}

#[test]
fn addressee_lines_and_di_share_one_line_pitch() {
    let renderer = Renderer::new(TemplateSet::bundled());
    for office in OFFICES {
        let p = profile(office);
        for paper in [Paper::A4, Paper::F4] {
            let mut pitches = Vec::new();
            for kepada in [
                vec!["Kepala Dinas Kesehatan".to_string()],
                vec![
                    "Kepala Dinas Kesehatan".to_string(),
                    "u.p. Kepala Bidang Sumber Daya Kesehatan".to_string(),
                ],
            ] {
                let mut letter =
                    samples::letter(LetterKind::SuratBalasan, &p, Some("1/2/3")).unwrap();
                letter.content.kertas = paper;
                letter.content.kepada = kepada.clone();
                let pages = render(&renderer, &letter);
                let page = &pages[0];
                let yth = page
                    .iter()
                    .position(|l| l.text().starts_with("Yth."))
                    .expect("the addressee line");
                let di = page[yth..]
                    .iter()
                    .position(|l| l.text() == "di")
                    .map(|i| yth + i)
                    .expect("the 'di' line");
                assert_eq!(
                    di - yth,
                    kepada.len(),
                    "{office} {paper:?}: each addressee on its own line, then 'di'"
                );
                for w in page[yth..=di].windows(2) {
                    pitches.push((kepada.len(), w[1].y1 - w[0].y1));
                }
            }
            let first = pitches[0].1;
            for (n, pitch) in &pitches {
                assert!(
                    (pitch - first).abs() < 0.6,
                    "{office} {paper:?}: with {n} addressee line(s) every line, and 'di', is {first:.1} pt below the one above, found {pitch:.1} pt"
                );
            }
        }
    }
}

#[test]
fn two_party_labels_stand_clear_of_a_wrapped_jabatan() {
    let renderer = Renderer::new(TemplateSet::bundled());
    for office in OFFICES {
        let p = profile(office);
        for paper in [Paper::A4, Paper::F4] {
            for long in [false, true] {
                let mut letter =
                    samples::letter(LetterKind::BeritaAcaraHosting, &p, Some("1/2/3")).unwrap();
                letter.content.kertas = paper;
                if long {
                    letter.content.isi["pihak_kedua"]["jabatan"] =
                        "Kepala Sub Bagian Perencanaan, Evaluasi dan Pelaporan pada Sekretariat Dinas Kesehatan".into();
                }
                let pages = render(&renderer, &letter);
                let what = format!("{office} {paper:?} long={long}");
                let (page, labels) = pages
                    .iter()
                    .enumerate()
                    .rev()
                    .find_map(|(i, page)| {
                        let words: Vec<&layout::Word> = page
                            .iter()
                            .flat_map(|l| &l.words)
                            .filter(|w| w.text == "KEDUA" || w.text == "PERTAMA")
                            .filter(|w| {
                                page.iter().flat_map(|l| &l.words).any(|o| {
                                    o.text == "PIHAK" && (o.y0 - w.y0).abs() < 1.0 && o.x1 < w.x0
                                })
                            })
                            .collect();
                        // The signature labels: the lowest row holding one in each half.
                        let mut rows: Vec<Vec<&layout::Word>> = Vec::new();
                        for w in words {
                            match rows.iter_mut().find(|r| (r[0].y0 - w.y0).abs() < 1.0) {
                                Some(r) => r.push(w),
                                None => rows.push(vec![w]),
                            }
                        }
                        let row = rows
                            .into_iter()
                            .filter(|r| r.len() == 2 && (r[0].x0 < 297.0) != (r[1].x0 < 297.0))
                            .max_by(|a, b| a[0].y0.total_cmp(&b[0].y0))
                            .unwrap_or_default();
                        (row.len() == 2).then_some((i, row))
                    })
                    .unwrap_or_else(|| {
                        panic!("{what}: both signature labels are printed side by side")
                    });
                let words: Vec<&layout::Word> = pages[page].iter().flat_map(|l| &l.words).collect();
                let mut gaps = Vec::new();
                for label in &labels {
                    let left_half = label.x0 < 297.0;
                    let below = words
                        .iter()
                        .filter(|w| w.y0 > label.y1 && ((w.x0 + w.x1) / 2.0 < 297.0) == left_half)
                        .map(|w| w.y0)
                        .fold(f64::INFINITY, f64::min);
                    gaps.push(below - label.y1);
                }
                for g in &gaps {
                    assert!(
                        *g >= 6.0,
                        "{what}: a signature label stands at least half a line clear of its jabatan, found {g:.1} pt"
                    );
                }
                assert!(
                    (gaps[0] - gaps[1]).abs() < 0.6,
                    "{what}: both parties' jabatan start the same distance under their labels: {gaps:?}"
                );
            }
        }
    }
}
