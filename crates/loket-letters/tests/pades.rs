//! A letter signed with a PKCS#12 file from a CA made in the test: poppler's `pdfsig` reports
//! the signature valid and covering the whole document, `openssl cms -verify` (a second,
//! independent verifier) accepts the extracted signature over the /ByteRange bytes, Loket's
//! own check agrees, and one changed byte breaks all three. The electronic marks (QR in the
//! block, TTE footer with the issuer) are on the signed letter only; a letter signed by hand
//! says it carries no certificate. The QR decodes with zbarimg to the documented text. The
//! signature block fits the way of signing: by hand an empty room of 3 cm between the jabatan
//! and the name with the QR at the side; electronically the QR in that room.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

#[path = "support/layout.rs"]
mod layout;
#[path = "support/test_ca.rs"]
mod test_ca;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::DateTime;
use loket_domain::catalog::OfficeProfile;
use loket_letters::pades::{self, CertificateError, Pkcs12Signer, SigningKey};
use loket_letters::seal::{self, QrFacts, SignatureMarks, SigningContext, SigningProvider};
use loket_letters::{samples, LetterKind, Renderer, TemplateSet};
use test_ca::TestCa;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn profile(office: &str) -> OfficeProfile {
    let file = root().join(format!("data/offices/{office}.toml"));
    let text = std::fs::read_to_string(&file).unwrap();
    loket_domain::load_profile(&file.display().to_string(), &text).unwrap()
}

const PASS: &str = "sandi-sertifikat-uji";

fn out_dir() -> PathBuf {
    let d = root().join("artifacts/letters/ttd");
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The sample balasan rendered with the marks of `marks` and the QR text of `nomor`.
fn rendered(marks: &SignatureMarks, nomor: &str) -> (Vec<u8>, String) {
    let p = profile("demak");
    let letter = samples::letter(LetterKind::SuratBalasan, &p, Some(nomor)).unwrap();
    let data = letter.template_data().unwrap();
    let qr = seal::qr_facts_text(&QrFacts {
        nomor,
        tanggal: &loket_domain::tanggal::tanggal(letter.content.tanggal.unwrap()),
        hal: &letter.content.hal,
        penandatangan: &letter.penandatangan.nama,
        marks,
        data_sha256: &seal::sha256_hex(data.to_string().as_bytes()),
    });
    let pdf = Renderer::new(TemplateSet::bundled())
        .render_marked(&letter, Some(&qr), marks)
        .unwrap()
        .pdf;
    (pdf, qr)
}

fn run(cmd: &mut Command) -> (bool, String) {
    let out = cmd.output().expect("the tool runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

fn pdfsig(file: &Path) -> String {
    run(Command::new("pdfsig").arg("-nocert").arg(file)).1
}

/// `openssl cms -verify` of the extracted signature over the /ByteRange bytes, trusting `ca`.
fn openssl_verify(pdf: &[u8], dir: &Path, ca: &Path, name: &str) -> (bool, String) {
    let sig = pades::read_signature(pdf).expect("the signed PDF has a signature");
    let [_, b, c, d] = sig.byte_range;
    let mut covered = pdf[..b].to_vec();
    covered.extend_from_slice(&pdf[c..c + d]);
    let der = dir.join(format!("{name}.p7s"));
    let content = dir.join(format!("{name}.bin"));
    std::fs::write(&der, &sig.der).unwrap();
    std::fs::write(&content, &covered).unwrap();
    run(Command::new("openssl")
        .args([
            "cms", "-verify", "-binary", "-inform", "DER", "-purpose", "any", "-in",
        ])
        .arg(&der)
        .arg("-content")
        .arg(&content)
        .arg("-CAfile")
        .arg(ca)
        .args(["-out", "/dev/null"]))
}

#[test]
fn a_signed_letter_verifies_with_pdfsig_and_openssl_and_one_changed_byte_breaks_both() {
    let dir = tempfile::tempdir().unwrap();
    let ca = TestCa::new("Balai Sertifikasi Uji");
    let ca_pem = dir.path().join("ca.pem");
    std::fs::write(&ca_pem, ca.pem()).unwrap();
    let signer = ca.issue(
        "Ir. Pegawai Kadis, M.T.",
        "197005122001121007",
        "20250101000000Z",
        "20350101000000Z",
    );
    let key = SigningKey::open(&ca.p12(&signer, PASS), PASS).unwrap();
    let provider = Pkcs12Signer::new(key).unwrap().about(SigningContext {
        nomor: "000.8.3.3/001/DKI/III/2026".into(),
        penandatangan: "Ir. Pegawai Kadis, M.T.".into(),
        tempat: "Demak".into(),
        at: DateTime::parse_from_rfc3339("2026-03-02T09:15:00+07:00").unwrap(),
    });
    let marks = provider.marks();
    assert_eq!(
        marks,
        SignatureMarks::Elektronik {
            penerbit: "Balai Sertifikasi Uji".into()
        },
        "the footer names the issuer from the certificate"
    );
    let (original, qr) = rendered(&marks, "000.8.3.3/001/DKI/III/2026");
    let signed = provider.sign(original.clone()).unwrap();
    assert_eq!(
        &signed[..original.len()],
        &original[..],
        "the bytes shown for signing stay exactly as rendered (incremental update)"
    );
    let file = out_dir().join("surat-bertanda-tangan-elektronik.pdf");
    std::fs::write(&file, &signed).unwrap();

    let report = pdfsig(&file);
    assert!(
        report.contains("Signature is Valid"),
        "pdfsig reports the signature valid:\n{report}"
    );
    assert!(
        report.contains("Total document signed"),
        "the signature covers the whole document:\n{report}"
    );
    assert!(
        report.contains("adbe.pkcs7.detached") || report.contains("PKCS#7"),
        "a detached PKCS#7 signature:\n{report}"
    );
    assert!(
        report.contains("Ir. Pegawai Kadis"),
        "pdfsig names the signer from the certificate:\n{report}"
    );
    let (ok, why) = openssl_verify(&signed, dir.path(), &ca_pem, "asli");
    assert!(
        ok,
        "openssl cms -verify accepts the signature and chain: {why}"
    );
    let sig = pades::read_signature(&signed).unwrap();
    let check = pades::check(&signed, &sig, &[ca.cert.to_der().unwrap()]);
    assert!(
        check.intact && check.whole_file && check.trusted.is_ok(),
        "Loket's own check agrees: {:?}",
        check.trusted
    );
    assert_eq!(
        check.signed_at.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-03-02T09:15:00+07:00"),
        "the signing moment is the caller's clock"
    );

    // One byte of the letter's content changed.
    let mut altered = signed.clone();
    let at = original.len() / 2;
    altered[at] ^= 0x01;
    let bad = out_dir().join("surat-diubah-satu-bait.pdf");
    std::fs::write(&bad, &altered).unwrap();
    let report = pdfsig(&bad);
    assert!(
        !report.contains("Signature is Valid"),
        "pdfsig reports a changed byte:\n{report}"
    );
    let (ok, _) = openssl_verify(&altered, dir.path(), &ca_pem, "diubah");
    assert!(!ok, "openssl cms -verify refuses a changed byte");
    let sig = pades::read_signature(&altered).unwrap();
    assert!(
        !pades::check(&altered, &sig, &[]).intact,
        "Loket's check finds the changed byte"
    );

    // The TTE footer is on the signed letter, with the issuer.
    let text = run(Command::new("pdftotext").arg(&file).arg("-")).1;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh Balai Sertifikasi Uji"),
        "the signed letter carries the TTE footer naming the issuer:\n{flat}"
    );
    assert!(
        !flat.contains("Tanpa sertifikat elektronik"),
        "a signed letter does not say it is unsigned"
    );
    look_and_decode(&file, "surat-bertanda-tangan-elektronik", &qr);
}

/// Renders page 1 to PNG for a person to look at and decodes its QR with zbarimg.
fn look_and_decode(file: &Path, name: &str, qr: &str) {
    let png = out_dir().join(name);
    let (ok, why) = run(Command::new("pdftoppm")
        .args(["-png", "-r", "300", "-f", "1", "-l", "1", "-singlefile"])
        .arg(file)
        .arg(&png));
    assert!(ok, "pdftoppm renders the letter: {why}");
    let out = Command::new("zbarimg")
        .args(["--quiet", "--raw"])
        .arg(png.with_extension("png"))
        .output()
        .expect("zbarimg (zbar-tools) runs");
    let decoded = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "zbarimg finds the QR code on page 1: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        decoded.trim_end(),
        qr,
        "the QR decodes to the documented text"
    );
    for line in [
        "Nomor: ",
        "Tanggal: ",
        "Hal: ",
        "Penanda tangan: ",
        "Kode: ",
    ] {
        assert!(
            decoded.contains(line),
            "the QR text has the line '{line}': {decoded}"
        );
    }
}

#[test]
fn a_letter_signed_by_hand_says_so_and_has_no_tte_footer() {
    let (pdf, qr) = rendered(&SignatureMarks::Basah, "000.8.3.3/002/DKI/III/2026");
    let file = out_dir().join("surat-tanda-tangan-basah.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let text = run(Command::new("pdftotext").arg(&file).arg("-")).1;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        !flat.contains("ditandatangani secara elektronik"),
        "no TTE footer on a letter without a certificate:\n{flat}"
    );
    assert!(
        flat.contains("Tanpa sertifikat elektronik"),
        "the letter says plainly it is not electronically signed:\n{flat}"
    );
    assert!(
        pades::read_signature(&pdf).is_none(),
        "no PDF signature on a letter signed by hand"
    );
    look_and_decode(&file, "surat-tanda-tangan-basah", &qr);
}

#[test]
fn a_wrong_passphrase_or_a_key_of_another_certificate_is_refused() {
    let ca = TestCa::new("Balai Sertifikasi Uji");
    let signer = ca.issue("Pegawai", "", "20250101000000Z", "20350101000000Z");
    assert_eq!(
        SigningKey::open(&ca.p12(&signer, PASS), "salah").err(),
        Some(CertificateError::WrongPassphrase),
        "a wrong passphrase is named as such"
    );
    assert_eq!(
        SigningKey::open(&ca.p12_with_other_key(&signer, PASS), PASS).err(),
        Some(CertificateError::KeyMismatch),
        "a key that does not belong to the certificate is refused"
    );
    assert!(
        matches!(
            SigningKey::open(b"bukan p12", PASS).err(),
            Some(CertificateError::NotPkcs12(_))
        ),
        "a file that is not PKCS#12 is named as such"
    );
}

/// A rectangle in PDF points from the page's top-left corner.
#[derive(Debug, Clone, Copy)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

const DPI: f64 = 150.0;

/// Page 1 cut to `r` at 150 dpi by pdftoppm: a PNG, or with `gray` a binary PGM.
fn crop(pdf: &[u8], name: &str, r: &Rect, gray: bool) -> PathBuf {
    let file = out_dir().join(format!("{name}.pdf"));
    std::fs::write(&file, pdf).unwrap();
    let px = |pt: f64| ((pt * DPI / 72.0).round() as i64).to_string();
    let base = out_dir().join(name);
    let (ok, why) = run(Command::new("pdftoppm")
        .args(if gray { ["-gray"] } else { ["-png"] })
        .args(["-r", "150", "-f", "1", "-l", "1", "-singlefile"])
        .args(["-x", &px(r.x0), "-y", &px(r.y0)])
        .args(["-W", &px(r.x1 - r.x0), "-H", &px(r.y1 - r.y0)])
        .arg(&file)
        .arg(&base));
    assert!(ok, "pdftoppm renders part of the letter: {why}");
    base.with_extension(if gray { "pgm" } else { "png" })
}

/// The QR text zbarimg reads in `r` of page 1, if any.
fn qr_in(pdf: &[u8], name: &str, r: &Rect) -> Option<String> {
    let png = crop(pdf, name, r, false);
    let out = Command::new("zbarimg")
        .args(["--quiet", "--raw"])
        .arg(&png)
        .output()
        .expect("zbarimg (zbar-tools) runs");
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim_end().to_string())
}

/// Share of the pixels in `r` of page 1 that are not white.
fn ink_in(pdf: &[u8], name: &str, r: &Rect) -> f64 {
    let pgm = std::fs::read(crop(pdf, name, r, true)).unwrap();
    // "P5\n<w> <h>\n255\n" then one byte per pixel.
    let mut fields = 0;
    let mut at = 0;
    while fields < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields += 1;
    }
    let pixels = &pgm[at + 1..];
    assert!(!pixels.is_empty(), "the cut-out has pixels");
    pixels.iter().filter(|p| **p < 200).count() as f64 / pixels.len() as f64
}

/// The room between the signer's jabatan and name on page 1, within the signature column:
/// from the foot of the jabatan's last line to the top of the name.
fn signing_room(pdf: &[u8], jabatan: &str, nama: &str) -> Rect {
    let pages = layout::pages(pdf);
    let page = &pages[0];
    let name = page
        .iter()
        .rposition(|l| l.text().contains(nama))
        .unwrap_or_else(|| panic!("the signer's name '{nama}' is on page 1"));
    let words = &page[name].words;
    let centre = (words[0].x0 + words[words.len() - 1].x1) / 2.0;
    // The signature column is 8.2 cm wide, centred on the name.
    let half = 8.2 / 2.54 * 72.0 / 2.0;
    let in_column = |l: &layout::Line| {
        l.words
            .iter()
            .all(|w| (w.x0 + w.x1) / 2.0 > centre - half && (w.x0 + w.x1) / 2.0 < centre + half)
    };
    let last_word = jabatan.split_whitespace().last().unwrap();
    let above = page[..name]
        .iter()
        .rev()
        .find(|l| in_column(l))
        .unwrap_or_else(|| panic!("a line above the name in the signature column"));
    assert!(
        above.text().ends_with(last_word),
        "nothing but room stands between the jabatan ('{jabatan}') and the name; found '{}'",
        above.text()
    );
    Rect {
        x0: centre - half,
        y0: above.y1,
        x1: centre + half,
        y1: page[name].y0,
    }
}

#[test]
fn the_signature_block_fits_the_way_of_signing() {
    let p = profile("demak");
    let signer = samples::letter(LetterKind::SuratBalasan, &p, None)
        .unwrap()
        .penandatangan;
    let cm = 72.0 / 2.54;

    let (hand, qr) = rendered(&SignatureMarks::Basah, "000.8.3.3/003/DKI/III/2026");
    let room = signing_room(&hand, &signer.jabatan, &signer.nama);
    assert!(
        room.y1 - room.y0 >= 3.0 * cm,
        "by hand: at least 3 cm between the jabatan and the name for the signature and the cap, found {:.2} cm",
        (room.y1 - room.y0) / cm
    );
    let inner = Rect {
        x0: room.x0,
        y0: room.y0 + 1.0,
        x1: room.x1,
        y1: room.y1 - 1.0,
    };
    let ink = ink_in(&hand, "blok-ttd-basah-ruang", &inner);
    assert!(
        ink == 0.0,
        "by hand: the room for the signature and the cap is empty, no QR code or text in it ({:.1} % inked)",
        ink * 100.0
    );
    // The small QR code at the side: left of the signature column, level with the block.
    let side = Rect {
        x0: 0.0,
        y0: room.y0 - 2.0 * cm,
        x1: room.x0,
        y1: room.y1 + 3.0 * cm,
    };
    assert_eq!(
        qr_in(&hand, "blok-ttd-basah-samping", &side).as_deref(),
        Some(qr.as_str()),
        "by hand: the QR code stands at the side of the signature block"
    );

    let (tte, qr) = rendered(
        &SignatureMarks::Elektronik {
            penerbit: "Balai Sertifikasi Uji".into(),
        },
        "000.8.3.3/004/DKI/III/2026",
    );
    let room = signing_room(&tte, &signer.jabatan, &signer.nama);
    assert_eq!(
        qr_in(&tte, "blok-ttd-elektronik-ruang", &room).as_deref(),
        Some(qr.as_str()),
        "electronically: the QR code sits whole in the signature block, between the jabatan and the name"
    );
}
