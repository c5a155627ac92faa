//! Every shipped letter renders for all four offices; its text is checked with pdftotext and
//! page 1 is kept as a PNG (artifacts/letters/<office>/<kind>.png) for a person to look at.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

use std::path::{Path, PathBuf};
use std::process::Command;

use loket_domain::catalog::OfficeProfile;
use loket_letters::spec::{self, ALL_KINDS};
use loket_letters::{samples, LetterError, LetterKind, Paper, Renderer, TemplateSet, MAX_HAL};

const OFFICES: [&str; 4] = ["demak", "kediri", "jember", "denpasar"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn profile(office: &str) -> OfficeProfile {
    let file = root().join(format!("data/offices/{office}.toml"));
    let text = std::fs::read_to_string(&file).unwrap();
    loket_domain::load_profile(&file.display().to_string(), &text).unwrap()
}

/// Writes the PDF under artifacts/letters, renders page 1 to PNG, returns pdftotext's text.
fn keep_and_read(office: &str, name: &str, pdf: &[u8]) -> String {
    let dir = root().join("artifacts/letters").join(office);
    std::fs::create_dir_all(&dir).unwrap();
    let pdf_path = dir.join(format!("{name}.pdf"));
    std::fs::write(&pdf_path, pdf).unwrap();
    let png_base = dir.join(name);
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&pdf_path)
        .arg(&png_base)
        .status()
        .unwrap();
    assert!(
        status.success(),
        "pdftoppm must read every letter Loket writes"
    );
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf_path)
        .arg("-")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pdftotext must read every letter Loket writes"
    );
    String::from_utf8(out.stdout).unwrap()
}

/// pdftotext may break lines anywhere; compare with whitespace squeezed.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn position(text: &str, needle: &str, rule: &str) -> usize {
    match squeeze(text).find(&squeeze(needle)) {
        Some(i) => i,
        None => panic!("{rule}: '{needle}' not found in:\n{text}"),
    }
}

#[test]
fn every_letter_renders_for_every_office_with_its_facts_in_order() {
    let renderer = Renderer::new(TemplateSet::bundled());
    for office in OFFICES {
        let p = profile(office);
        for (n, kind) in ALL_KINDS.into_iter().enumerate() {
            let nomor = format!("000.8/{}/{}/2024", 101 + n, office.to_uppercase());
            let letter = samples::letter(kind, &p, Some(&nomor)).unwrap();
            let out = renderer.render(&letter, Some("uji")).unwrap_or_else(|e| {
                panic!("{office} {kind:?} must render: {e}");
            });
            let text = keep_and_read(office, spec::kind_id(kind), &out.pdf);
            let t = &squeeze(&text);
            let c = &letter.content;
            let date = loket_domain::tanggal::tanggal(c.tanggal.unwrap());
            let who = &letter.penandatangan;
            let kop = position(t, &p.office.nama_dinas, "the kop names the agency");
            let pem = position(t, &p.office.pemerintah, "the kop names the government");
            assert!(
                pem < kop,
                "{office} {kind:?}: PEMERINTAH comes above the agency name"
            );
            // The disposition slip carries the incoming letter's agenda number, not its own.
            let no = if spec::layout(kind) == spec::Layout::Formulir {
                position(t, "Nomor agenda: 0412", "the slip names the agenda number")
            } else {
                position(t, &nomor, "the letter carries its number")
            };
            assert!(
                kop < no,
                "{office} {kind:?}: the number comes below the kop"
            );
            position(t, &date, "the letter's date is written in Indonesian words");
            position(
                t,
                &format!("{}, {date}", p.office.kota),
                "place and date line",
            );
            if spec::layout(kind) != spec::Layout::Judul {
                position(
                    t,
                    &c.hal,
                    "korespondensi and the disposition slip print the Hal",
                );
            }
            let name = position(t, &who.nama, "the signer's name is printed");
            if !who.nip.is_empty() {
                let nip = position(t, &format!("NIP. {}", who.nip), "NIP grouped 8-6-1-3");
                assert!(
                    name < nip,
                    "{office} {kind:?}: NIP follows the signer's name"
                );
            }
            let mut last = name;
            for entry in &c.tembusan {
                let at = position(t, entry, "every tembusan is listed");
                assert!(
                    at > last,
                    "{office} {kind:?}: tembusan follow the signature, in order"
                );
                last = at;
            }
            if spec::layout(kind) == spec::Layout::Korespondensi {
                let yth = position(
                    t,
                    &format!("Yth. {}", c.kepada[0]),
                    "the addressee after Yth.",
                );
                assert!(
                    no < yth,
                    "{office} {kind:?}: Nomor/Hal block comes before Yth."
                );
                assert!(
                    yth < name,
                    "{office} {kind:?}: addressee comes before the signature"
                );
            }
        }
    }
}

/// pdftotext's text page by page (pages are separated by form feeds).
fn pages(pdf: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("surat.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .split('\u{c}')
        .map(squeeze)
        .filter(|p| !p.is_empty())
        .collect()
}

#[test]
fn a_signature_never_stands_alone_on_a_page() {
    let renderer = Renderer::new(TemplateSet::bundled());
    let mut multi_page = 0;
    for office in OFFICES {
        let p = profile(office);
        for (kind, paper) in ALL_KINDS
            .into_iter()
            .flat_map(|k| [(k, Paper::A4), (k, Paper::F4)])
        {
            let mut letter = samples::letter(kind, &p, Some("000.8/1/2024")).unwrap();
            if spec::layout(kind) == spec::Layout::Formulir {
                continue;
            }
            letter.content.kertas = paper;
            // Long enough that every letter runs over a page somewhere in its body.
            for _ in 0..3 {
                letter.content.tembusan.push("Arsip".into());
            }
            let out = renderer.render(&letter, Some("uji")).unwrap();
            let texts = pages(&out.pdf);
            let name = squeeze(&letter.penandatangan.nama);
            // The signature block is the last place the signer is named (the body may name
            // them earlier, e.g. PIHAK PERTAMA of a berita acara).
            let page = texts
                .iter()
                .rposition(|t| t.contains(&name))
                .unwrap_or_else(|| panic!("{office} {kind:?}: the signer's name is printed"));
            if texts.len() > 1 {
                multi_page += 1;
            }
            let closing = match kind {
                LetterKind::BuktiPeminjamanCc => "Peminjam wajib menjaga",
                _ => "Demikian",
            };
            assert!(
                texts[page].contains(closing),
                "{office} {kind:?}: the closing paragraph ({closing} ...) is on the signature's page {} of {}, so the signature never stands alone (Tata Naskah Dinas)",
                page + 1,
                texts.len()
            );
            if let Some(t) = texts.iter().position(|t| t.contains("Tembusan:")) {
                assert_eq!(
                    t,
                    page,
                    "{office} {kind:?}: the tembusan is on the signature's page, never alone on the next one"
                );
            }
        }
    }
    assert!(
        multi_page > 0,
        "at least one sample runs over a page, so the rule is exercised"
    );
}

#[test]
fn dates_counts_and_cited_letters_are_written_the_indonesian_way() {
    let renderer = Renderer::new(TemplateSet::bundled());
    let p = profile("kediri");
    let ext = samples::letter(LetterKind::PemberitahuanPerpanjangan, &p, Some("1/2/3")).unwrap();
    let t = squeeze(&keep_and_read(
        "kediri",
        "uji-perpanjangan",
        &renderer.render(&ext, None).unwrap().pdf,
    ));
    position(
        &t,
        "7 (tujuh) hari kerja",
        "extension written with its words in brackets",
    );
    position(&t, "24 April 2024", "deadline date in words");
    let ba = samples::letter(LetterKind::BeritaAcaraHosting, &p, Some("1/2/3")).unwrap();
    let t = squeeze(&keep_and_read(
        "kediri",
        "uji-berita-acara",
        &renderer.render(&ba, None).unwrap().pdf,
    ));
    position(
        &t,
        "Senin tanggal enam bulan Mei tahun dua ribu dua puluh empat",
        "a berita acara opens with the day written in words",
    );
    position(
        &t,
        "19880412 201101 2 003",
        "the second party's NIP is grouped",
    );
    position(&t, "Plt. Kepala Dinas", "an acting head signs as Plt.");
}

#[test]
fn a_password_is_printed_only_when_typed_for_that_print() {
    let renderer = Renderer::new(TemplateSet::bundled());
    let p = profile("jember");
    let mut letter = samples::letter(LetterKind::SerahTerimaAkses, &p, Some("1/2/3")).unwrap();
    let t = squeeze(&keep_and_read(
        "jember",
        "uji-tanpa-sandi",
        &renderer.render(&letter, None).unwrap().pdf,
    ));
    position(&t, "disdikbud", "the username is printed");
    position(
        &t,
        "tidak dicatat",
        "without a typed password the letter says it is handed over directly",
    );
    letter
        .content
        .isi
        .insert("password".into(), "Rahasia-123!".into());
    let t = squeeze(&keep_and_read(
        "jember",
        "uji-dengan-sandi",
        &renderer.render(&letter, None).unwrap().pdf,
    ));
    position(&t, "Rahasia-123!", "a typed password appears on that print");
}

#[test]
fn f4_paper_is_215_by_330_mm() {
    let renderer = Renderer::new(TemplateSet::bundled());
    let p = profile("demak");
    let mut letter = samples::letter(LetterKind::SuratBalasan, &p, Some("1/2/3")).unwrap();
    letter.content.kertas = Paper::F4;
    let pdf = renderer.render(&letter, None).unwrap().pdf;
    let dir = root().join("artifacts/letters/demak");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("uji-f4.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let info = Command::new("pdfinfo").arg(&path).output().unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    // 215 mm = 609.45 pt, 330 mm = 935.43 pt.
    let size = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .unwrap_or_default();
    let dims: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!(
        dims.len() == 2 && (dims[0] - 609.45).abs() < 0.1 && (dims[1] - 935.43).abs() < 0.1,
        "F4 letters are 215 × 330 mm: {size}"
    );
}

#[test]
fn a_missing_field_is_named_and_nothing_is_rendered() {
    let renderer = Renderer::new(TemplateSet::bundled());
    let p = profile("demak");
    let mut letter = samples::letter(LetterKind::SuratBalasan, &p, None).unwrap();
    letter.content.isi.remove("surat_nomor");
    match renderer.render(&letter, None) {
        Err(e @ LetterError::MissingField { .. }) => {
            let msg = e.to_string();
            assert!(
                msg.contains("surat_nomor") && msg.contains("belum diisi"),
                "the message names the missing field in Indonesian: {msg}"
            );
        }
        other => panic!("a letter missing a required field must be refused, got {other:?}"),
    }
    let mut letter = samples::letter(LetterKind::SuratBalasan, &p, None).unwrap();
    letter.content.kepada.clear();
    assert!(
        matches!(renderer.render(&letter, None), Err(LetterError::MissingField { field, .. }) if field == "kepada"),
        "a korespondensi letter needs an addressee"
    );
}

#[test]
fn an_over_long_hal_is_refused() {
    let renderer = Renderer::new(TemplateSet::bundled());
    let p = profile("demak");
    let mut letter = samples::letter(LetterKind::Penolakan, &p, None).unwrap();
    letter.content.hal = "Permohonan ".repeat(20);
    let err = renderer.render(&letter, None).unwrap_err();
    assert_eq!(
        err,
        LetterError::HalTooLong {
            len: 219,
            max: MAX_HAL
        },
        "a Hal longer than {MAX_HAL} characters is refused with its length"
    );
    assert!(
        err.to_string().contains("ringkas"),
        "the message says how to fix it"
    );
}

#[test]
fn a_bad_date_or_nip_names_the_field_and_the_expected_form() {
    let renderer = Renderer::new(TemplateSet::bundled());
    let p = profile("jember");
    let mut letter = samples::letter(LetterKind::BeritaAcaraHosting, &p, None).unwrap();
    letter
        .content
        .isi
        .insert("surat_tanggal".into(), "6/5/2024".into());
    let msg = renderer.render(&letter, None).unwrap_err().to_string();
    assert!(
        msg.contains("surat_tanggal") && msg.contains("TTTT-BB-HH"),
        "a date in another form is refused with the expected form: {msg}"
    );
    let mut letter = samples::letter(LetterKind::BeritaAcaraHosting, &p, None).unwrap();
    letter.content.isi["pihak_kedua"]["nip"] = "1988".into();
    let msg = renderer.render(&letter, None).unwrap_err().to_string();
    assert!(
        msg.contains("pihak_kedua") && msg.contains("18 angka"),
        "a NIP that is not 18 digits is refused: {msg}"
    );
}

#[test]
fn a_template_that_fails_to_compile_reports_file_and_line() {
    let mut set = TemplateSet::bundled();
    let broken = "// baris 1\n#import \"naskah.typ\": *\n#let d = data\n#korespondensi(d)[\n  #d.isi.tidak_ada\n]\n";
    set.set("surat_balasan.typ", broken);
    let renderer = Renderer::new(set);
    let p = profile("demak");
    let letter = samples::letter(LetterKind::SuratBalasan, &p, None).unwrap();
    match renderer.render(&letter, None) {
        Err(LetterError::Template {
            file,
            line,
            message,
        }) => {
            assert_eq!(file, "surat_balasan.typ", "the failing file is named");
            assert_eq!(
                line, 5,
                "the failing line is the one with the bad field access"
            );
            assert!(
                message.contains("tidak_ada"),
                "Typst's message is kept: {message}"
            );
        }
        other => panic!("a broken template must be reported as such, got {other:?}"),
    }
}

#[test]
fn rendering_is_deterministic() {
    let renderer = Renderer::new(TemplateSet::bundled());
    let p = profile("jember");
    let letter = samples::letter(LetterKind::UndanganPaparanFo, &p, Some("1/2/3")).unwrap();
    let a = renderer.render(&letter, Some("x")).unwrap().pdf;
    let b = renderer.render(&letter, Some("x")).unwrap().pdf;
    assert_eq!(
        a, b,
        "the same letter renders to the same bytes (content addressing relies on it)"
    );
}

#[test]
fn an_office_replaces_the_placeholder_emblem_and_a_broken_one_is_reported() {
    let p = profile("demak");
    let letter = samples::letter(LetterKind::SuratBalasan, &p, None).unwrap();
    let mut set = TemplateSet::bundled();
    set.set(
        loket_letters::render::EMBLEM_FILE,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 12"><rect width="10" height="12" fill="green"/></svg>"#,
    );
    let own = Renderer::new(set.clone())
        .render(&letter, None)
        .unwrap()
        .pdf;
    let shipped = Renderer::new(TemplateSet::bundled())
        .render(&letter, None)
        .unwrap()
        .pdf;
    assert_ne!(
        own, shipped,
        "the office's emblem replaces the placeholder in the kop"
    );
    set.set(loket_letters::render::EMBLEM_FILE, "<svg");
    assert!(
        matches!(
            Renderer::new(set).render(&letter, None),
            Err(LetterError::Template { .. })
        ),
        "an emblem that is not valid SVG is refused as a template error"
    );
}

/// "197905152006041012" as the letters print it: "19790515 200604 1 012".
fn grouped(nip: &str) -> String {
    format!(
        "{} {} {} {}",
        &nip[..8],
        &nip[8..14],
        &nip[14..15],
        &nip[15..]
    )
}

#[test]
fn a_nip_never_wraps_in_the_tte_tables() {
    let renderer = Renderer::new(TemplateSet::bundled());
    let kinds = [
        LetterKind::RekomendasiTtePendaftaran,
        LetterKind::RekomendasiTtePembaruan,
        LetterKind::RekomendasiTtePencabutan,
    ];
    for office in OFFICES {
        let p = profile(office);
        for kind in kinds {
            for paper in [Paper::A4, Paper::F4] {
                let mut letter = samples::letter(kind, &p, Some("000.8/1/2024")).unwrap();
                letter.content.kertas = paper;
                let nips: Vec<String> = letter.content.isi["pemohon"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r["nip"].as_str().unwrap().to_string())
                    .collect();
                assert!(!nips.is_empty(), "{kind:?}: the sample lists applicants");
                let pdf = renderer.render(&letter, None).unwrap().pdf;
                let dir = tempfile::tempdir().unwrap();
                let file = dir.path().join("tte.pdf");
                std::fs::write(&file, &pdf).unwrap();
                let out = Command::new("pdftotext")
                    .arg("-layout")
                    .arg(&file)
                    .arg("-")
                    .output()
                    .unwrap();
                let text = String::from_utf8_lossy(&out.stdout);
                for nip in &nips {
                    let g = grouped(nip);
                    assert!(
                        text.lines().any(|l| l.contains(&g)),
                        "{office} {kind:?} {paper:?}: the NIP {g} is printed whole on one line of the table:\n{text}"
                    );
                }
            }
        }
    }
}

#[test]
fn samples_name_the_region_head_by_the_office_kind_and_no_other_office() {
    let profiles: Vec<OfficeProfile> = OFFICES.iter().map(|o| profile(o)).collect();
    for p in &profiles {
        let kota = p.office.pemerintah.contains("KOTA ");
        for kind in ALL_KINDS {
            let letter = samples::letter(kind, p, Some("000.8/1/2024")).unwrap();
            let c = &letter.content;
            let text = serde_json::to_string(c).unwrap();
            if kota {
                assert!(
                    !text.contains("Bupati"),
                    "{} {kind:?}: a Kota's letters name the Wali Kota, never the Bupati: {:?}",
                    p.office.id,
                    c.tembusan
                );
            } else {
                assert!(
                    !text.contains("Wali Kota"),
                    "{} {kind:?}: a Kabupaten's head is the Bupati",
                    p.office.id
                );
            }
            if c.tembusan.iter().any(|t| t.contains("sebagai laporan")) {
                let head = if kota { "Wali Kota" } else { "Bupati" };
                assert!(
                    c.tembusan.iter().any(|t| t.starts_with(head)),
                    "{} {kind:?}: the report copy goes to the {head}: {:?}",
                    p.office.id,
                    c.tembusan
                );
            }
            for other in profiles.iter().filter(|o| o.office.id != p.office.id) {
                let mut foreign: Vec<&str> = other.people.iter().map(|x| x.name.as_str()).collect();
                foreign.push(other.office.kota.as_str());
                for name in foreign.into_iter().filter(|n| n.len() > 3) {
                    assert!(
                        !text.contains(name),
                        "{} {kind:?}: the sample carries {}'s name '{name}'",
                        p.office.id,
                        other.office.id
                    );
                }
            }
        }
    }
    assert!(
        OFFICES
            .iter()
            .any(|o| profile(o).office.pemerintah.contains("KOTA ")),
        "a Kota is among the offices, so the Wali Kota rule is exercised"
    );
}

#[test]
fn a_signer_named_with_the_pangkat_alone_prints_its_golongan() {
    // Demak's and Jember's documents name the Kepala Dinas's pangkat without the golongan;
    // the signature block prints pangkat/golongan as the letter rule asks.
    for office in ["demak", "jember"] {
        let p = profile(office);
        let signer = loket_letters::signer::resolve(&p, None, None).unwrap();
        assert_eq!(
            signer.pangkat, "Pembina Utama Muda (IV/c)",
            "{office}: the golongan follows from the pangkat in the PNS rank table"
        );
    }
}
