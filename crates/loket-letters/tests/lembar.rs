//! The lembar disposisi as a paper form: every recipient and instruction with a box to tick,
//! only the chosen ones ticked, a catatan box to write in, any sifat shown, and the
//! "Riwayat disposisi" heading kept with its rows. Asserted on where pdftotext finds the
//! words; pages kept under artifacts/letters/<office>/ as PNG for a person to look at.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

#[path = "support/layout.rs"]
mod layout;

use std::path::{Path, PathBuf};
use std::process::Command;

use layout::{Line, Word};
use loket_domain::catalog::OfficeProfile;
use loket_letters::model::SIFAT;
use loket_letters::{samples, Letter, LetterKind, Paper, Renderer, TemplateSet};
use serde_json::{json, Value};

const OFFICES: [&str; 4] = ["demak", "kediri", "jember", "denpasar"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn profile(office: &str) -> OfficeProfile {
    let file = root().join(format!("data/offices/{office}.toml"));
    let text = std::fs::read_to_string(&file).unwrap();
    loket_domain::load_profile(&file.display().to_string(), &text).unwrap()
}

fn sheet(office: &OfficeProfile) -> Letter {
    samples::letter(LetterKind::LembarDisposisi, office, None).unwrap()
}

fn list(letter: &Letter, key: &str) -> Vec<String> {
    letter.content.isi[key]
        .as_array()
        .unwrap_or_else(|| panic!("the sample lembar has {key}"))
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// Renders and returns the word boxes; with a `name`, keeps the PDF and its pages as PNG
/// under artifacts/letters/<office>/.
fn render(letter: &Letter, office: &str, name: Option<&str>) -> Vec<Vec<Line>> {
    let pdf = Renderer::new(TemplateSet::bundled())
        .render(letter, Some("uji"))
        .unwrap_or_else(|e| panic!("{office} {name:?} must render: {e}"))
        .pdf;
    if let Some(name) = name {
        let dir = root().join("artifacts/letters").join(office);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.pdf"));
        std::fs::write(&path, &pdf).unwrap();
        let status = Command::new("pdftoppm")
            .args(["-png", "-r", "60"])
            .arg(&path)
            .arg(dir.join(name))
            .status()
            .unwrap();
        assert!(status.success(), "pdftoppm reads the lembar disposisi");
    }
    layout::pages(&pdf)
}

/// The words of an option (its first three, enough to tell it apart) found in a row, and
/// whether an "X" stands in the box just left of it.
fn ticked(page: &[Line], option: &str) -> Option<bool> {
    let want: Vec<&str> = option.split_whitespace().take(3).collect();
    let words: Vec<&Word> = page.iter().flat_map(|l| &l.words).collect();
    for (i, w) in words.iter().enumerate() {
        let run: Vec<&str> = words[i..]
            .iter()
            .take(want.len())
            .map(|w| w.text.as_str())
            .collect();
        if run == want && (want.len() == 1 || (words[i + 1].y0 - w.y0).abs() < 1.0) {
            let x = words.iter().any(|o| {
                o.text == "X" && (o.y0 - w.y0).abs() < 3.0 && o.x1 <= w.x0 && w.x0 - o.x1 < 14.0
            });
            return Some(x);
        }
    }
    None
}

#[test]
fn every_recipient_and_instruction_is_printed_with_a_box_and_only_the_chosen_are_ticked() {
    for office in OFFICES {
        let p = profile(office);
        let mut letter = sheet(&p);
        let posts = list(&letter, "pilihan_diteruskan");
        let steps = list(&letter, "pilihan_instruksi");
        assert!(
            posts.len() >= 3 && steps.len() >= 4,
            "{office}: the sample lists the office's posts and the preset instructions"
        );
        // A chosen recipient the checklist does not hold is still shown, ticked.
        let mut chosen = list(&letter, "diteruskan");
        chosen.push("Tim Ad Hoc Penanganan Aduan".into());
        letter.content.isi["diteruskan"] = json!(chosen);
        let instruksi = list(&letter, "instruksi");
        let pages = render(&letter, office, Some("lembar-formulir"));
        for option in posts.iter().chain(&steps).chain(chosen.iter()) {
            let on = ticked(&pages[0], option)
                .unwrap_or_else(|| panic!("{office}: '{option}' is printed on the form"));
            assert_eq!(
                on,
                chosen.contains(option) || instruksi.contains(option),
                "{office}: '{option}' has a box, ticked only when it was chosen"
            );
        }
        // Printed blank: every box empty, to be ticked by hand.
        let mut blank = sheet(&p);
        blank.content.isi.remove("diteruskan");
        blank.content.isi.remove("instruksi");
        let pages = render(&blank, office, Some("lembar-kosong"));
        for option in posts.iter().chain(&steps) {
            assert_eq!(
                ticked(&pages[0], option),
                Some(false),
                "{office}: a blank form lists '{option}' with an empty box"
            );
        }
    }
}

#[test]
fn the_catatan_box_leaves_room_to_write_by_hand() {
    for office in OFFICES {
        let p = profile(office);
        for paper in [Paper::A4, Paper::F4] {
            let mut letter = sheet(&p);
            letter.content.kertas = paper;
            let pages = render(
                &letter,
                office,
                (paper == Paper::A4).then_some("lembar-catatan"),
            );
            let page = &pages[0];
            let at = page
                .iter()
                .position(|l| l.text().starts_with("Catatan:"))
                .expect("the catatan box");
            let next = &page[at + 1];
            let room = next.y0 - page[at].y1;
            assert!(
                room >= 100.0,
                "{office} {paper:?}: the catatan box is several cm high (≥ 3.5 cm of room under the printed catatan), found {:.1} cm before '{}'",
                room / 72.0 * 2.54,
                next.text()
            );
        }
    }
}

#[test]
fn every_sifat_is_shown_ticked_even_outside_the_four_boxes() {
    let p = profile("denpasar");
    for sifat in SIFAT {
        let mut letter = sheet(&p);
        letter.content.isi["sifat_surat"] = json!(sifat);
        let pages = render(
            &letter,
            "denpasar",
            (sifat == "Sangat Rahasia").then_some("lembar-sifat"),
        );
        let label = pages[0]
            .iter()
            .flat_map(|l| &l.words)
            .find(|w| w.text == "Sifat:")
            .expect("the sifat row");
        let mut row: Vec<&Word> = pages[0]
            .iter()
            .flat_map(|l| &l.words)
            .filter(|w| (w.y0 - label.y0).abs() < 4.0)
            .collect();
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let words: Vec<&str> = row.iter().map(|w| w.text.as_str()).collect();
        let text = words.join(" ");
        let marks: Vec<usize> = (0..words.len()).filter(|i| words[*i] == "X").collect();
        assert_eq!(
            marks.len(),
            1,
            "sifat {sifat}: exactly one box is ticked: {words:?}"
        );
        let after: Vec<&str> = sifat.split(' ').collect();
        assert_eq!(
            &words[marks[0] + 1..marks[0] + 1 + after.len()],
            after.as_slice(),
            "sifat {sifat}: the ticked box is the one named {sifat}: {words:?}"
        );
        for baku in ["Sangat Segera", "Segera", "Rahasia", "Biasa"] {
            assert!(
                text.contains(baku),
                "sifat {sifat}: the four usual boxes are always printed"
            );
        }
    }
}

#[test]
fn the_riwayat_heading_never_stands_alone_at_the_foot_of_a_page() {
    let p = profile("jember");
    let mut moved = 0;
    for paper in [Paper::A4, Paper::F4] {
        for extra in 0..28 {
            let mut letter = sheet(&p);
            letter.content.kertas = paper;
            letter.content.isi["catatan"] =
                json!("Mohon ditindaklanjuti sesuai standar pelayanan. ".repeat(1 + extra * 3));
            let rows: Vec<Value> = (1..=8)
                .map(|n| {
                    json!({"jabatan": "Kepala Dinas", "nama": format!("Penerus{n}"), "tanggal": "26 Maret 2024",
                           "kepada": "PPID Utama", "arahan": "Proses lebih lanjut", "batas_waktu": "29 Maret 2024"})
                })
                .collect();
            letter.content.isi["riwayat"] = json!(rows);
            let keep = paper == Paper::A4 && extra == 0;
            let pages = render(&letter, "jember", keep.then_some("lembar-riwayat"));
            let page_of = |needle: &str| {
                pages
                    .iter()
                    .position(|pg| pg.iter().any(|l| l.text().contains(needle)))
                    .unwrap_or_else(|| panic!("{paper:?} +{extra}: '{needle}' is printed"))
            };
            let heading = page_of("Riwayat disposisi");
            let first_row = page_of("Penerus1");
            assert_eq!(
                heading, first_row,
                "{paper:?} catatan +{extra}: the 'Riwayat disposisi' heading is on the page of its first row"
            );
            if heading > page_of("Catatan:") {
                moved += 1;
            }
        }
    }
    assert!(
        moved > 0,
        "some catatan length pushes the riwayat onto the next page, so the rule is exercised"
    );
}
