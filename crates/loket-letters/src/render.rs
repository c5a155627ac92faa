//! Typst, embedded: a template set plus one letter's JSON value to PDF bytes.
//!
//! Fonts and the kop emblem are compiled into the binary from `templates/`; nothing is read
//! from the system or the network, so a letter looks the same on every machine.

use std::collections::BTreeMap;

use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Dict, IntoValue};
use typst::syntax::{DiagSpanKind, Source};
use typst_as_lib::{TypstAsLibError, TypstEngine};
use typst_layout::PagedDocument;

use crate::error::LetterError;
use crate::model::Letter;
use crate::seal::SignatureMarks;
use crate::spec::{self, ALL_KINDS};

const FONTS: [&[u8]; 4] = [
    include_bytes!("../../../templates/fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../../../templates/fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../../../templates/fonts/LiberationSans-Italic.ttf"),
    include_bytes!("../../../templates/fonts/LiberationSans-BoldItalic.ttf"),
];

/// The kop emblem's file name in a template set. Loket ships a neutral placeholder
/// (`templates/assets/lambang.svg`); an office replaces it like any template, with its
/// region's emblem as SVG.
pub const EMBLEM_FILE: &str = "lambang.svg";

/// The shipped templates: file name and text.
const BUNDLED: [(&str, &str); 18] = [
    (
        EMBLEM_FILE,
        include_str!("../../../templates/assets/lambang.svg"),
    ),
    ("naskah.typ", include_str!("../../../templates/naskah.typ")),
    (
        "rekomendasi_tte.typ",
        include_str!("../../../templates/rekomendasi_tte.typ"),
    ),
    (
        "surat_balasan.typ",
        include_str!("../../../templates/surat_balasan.typ"),
    ),
    (
        "rekomendasi_teknis_fo.typ",
        include_str!("../../../templates/rekomendasi_teknis_fo.typ"),
    ),
    (
        "undangan_paparan_fo.typ",
        include_str!("../../../templates/undangan_paparan_fo.typ"),
    ),
    (
        "berita_acara_hosting.typ",
        include_str!("../../../templates/berita_acara_hosting.typ"),
    ),
    (
        "serah_terima_akses.typ",
        include_str!("../../../templates/serah_terima_akses.typ"),
    ),
    (
        "rekomendasi_tte_pendaftaran.typ",
        include_str!("../../../templates/rekomendasi_tte_pendaftaran.typ"),
    ),
    (
        "rekomendasi_tte_pembaruan.typ",
        include_str!("../../../templates/rekomendasi_tte_pembaruan.typ"),
    ),
    (
        "rekomendasi_tte_pencabutan.typ",
        include_str!("../../../templates/rekomendasi_tte_pencabutan.typ"),
    ),
    (
        "pemberitahuan_perpanjangan.typ",
        include_str!("../../../templates/pemberitahuan_perpanjangan.typ"),
    ),
    (
        "penolakan.typ",
        include_str!("../../../templates/penolakan.typ"),
    ),
    (
        "bukti_peminjaman_cc.typ",
        include_str!("../../../templates/bukti_peminjaman_cc.typ"),
    ),
    (
        "laporan_gangguan_jaringan.typ",
        include_str!("../../../templates/laporan_gangguan_jaringan.typ"),
    ),
    (
        "lembar_disposisi.typ",
        include_str!("../../../templates/lembar_disposisi.typ"),
    ),
    (
        crate::form::KUESIONER_SKM,
        include_str!("../../../templates/kuesioner_skm.typ"),
    ),
    (
        crate::form::LAPORAN_EVALUASI,
        include_str!("../../../templates/laporan_evaluasi.typ"),
    ),
];

/// A set of template files by name. Starts from the shipped set; an office's edited
/// templates replace files of the same name.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateSet {
    files: BTreeMap<String, String>,
}

impl Default for TemplateSet {
    fn default() -> Self {
        Self::bundled()
    }
}

impl TemplateSet {
    /// The templates Loket ships.
    pub fn bundled() -> Self {
        TemplateSet {
            files: BUNDLED
                .iter()
                .map(|(n, t)| (n.to_string(), t.to_string()))
                .collect(),
        }
    }

    /// The shipped text of a template file, if Loket ships one by that name.
    pub fn bundled_text(file: &str) -> Option<&'static str> {
        BUNDLED.iter().find(|(n, _)| *n == file).map(|(_, t)| *t)
    }

    /// Replaces (or adds) one file.
    pub fn set(&mut self, file: &str, text: &str) {
        self.files.insert(file.to_string(), text.to_string());
    }

    /// The text of one file.
    pub fn get(&self, file: &str) -> Option<&str> {
        self.files.get(file).map(String::as_str)
    }

    /// File names in the set, sorted.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }
}

/// A finished letter: the PDF bytes and how many pages it has.
#[derive(Debug, Clone)]
pub struct RenderedLetter {
    pub pdf: Vec<u8>,
    pub pages: usize,
}

/// Renders letters from one template set. Building it parses the fonts once; keep it for
/// many letters.
pub struct Renderer {
    engine: TypstEngine,
    templates: TemplateSet,
}

impl Renderer {
    /// A renderer over `templates` with the bundled fonts and emblem.
    pub fn new(templates: TemplateSet) -> Renderer {
        let sources: Vec<(&str, String)> = templates
            .files
            .iter()
            .filter(|(n, _)| n.as_str() != EMBLEM_FILE)
            .map(|(n, t)| (n.as_str(), t.clone()))
            .collect();
        let emblem = templates
            .get(EMBLEM_FILE)
            .unwrap_or_default()
            .as_bytes()
            .to_vec();
        let engine = TypstEngine::builder()
            .fonts(FONTS)
            .with_static_source_file_resolver(sources)
            .with_static_file_resolver([(EMBLEM_FILE, emblem)])
            .build();
        Renderer { engine, templates }
    }

    /// The template set this renderer uses.
    pub fn templates(&self) -> &TemplateSet {
        &self.templates
    }

    /// Renders one letter; `qr` is the text of the verification QR code (issued letters
    /// only). Pure: nothing is written anywhere.
    ///
    /// Errors: invalid data ([`LetterError::MissingField`] and friends), a template that
    /// does not compile ([`LetterError::Template`] with file and line).
    pub fn render(&self, letter: &Letter, qr: Option<&str>) -> Result<RenderedLetter, LetterError> {
        self.render_marked(letter, qr, &SignatureMarks::Basah)
    }

    /// Renders an issued letter with the marks of the way it is signed: by hand (room for
    /// the signature and cap, a small QR at the side) or electronically (the QR in the
    /// signature block and the TTE footer naming the issuer). Same errors as
    /// [`Renderer::render`].
    pub fn render_marked(
        &self,
        letter: &Letter,
        qr: Option<&str>,
        marks: &SignatureMarks,
    ) -> Result<RenderedLetter, LetterError> {
        let file = spec::template_file(letter.kind);
        let doc = self.compile(letter, qr, marks)?;
        let pdf = typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default())
            .map_err(|diags| self.explain(file, TypstAsLibError::TypstSource(diags)))?;
        Ok(RenderedLetter {
            pages: doc.pages().len(),
            pdf,
        })
    }

    /// Renders one letter as SVG images, one per page: the live preview while a letter is
    /// written. Same errors as [`Renderer::render`].
    pub fn render_svg(&self, letter: &Letter) -> Result<Vec<String>, LetterError> {
        let doc = self.compile(letter, None, &SignatureMarks::Basah)?;
        let options = typst_svg::SvgOptions::default();
        Ok(doc
            .pages()
            .iter()
            .map(|p| typst_svg::svg(p, &options))
            .collect())
    }

    /// Renders a printed form that is not a letter (no number, no signer): template `file`
    /// of the set with `data` as its JSON value, and `qr` as the text of a QR code when
    /// given. Same errors as [`Renderer::render`] for a template that does not compile.
    pub fn render_form(
        &self,
        file: &str,
        data: &serde_json::Value,
        qr: Option<&str>,
    ) -> Result<RenderedLetter, LetterError> {
        if self.templates.get(file).is_none() {
            return Err(LetterError::Template {
                file: file.to_string(),
                line: 0,
                message: "templat tidak ada dalam set templat".into(),
            });
        }
        let mut inputs = Dict::new();
        inputs.insert("data".into(), data.to_string().into_value());
        if let Some(text) = qr {
            inputs.insert("qr".into(), crate::qr::svg(text).into_value());
        }
        let doc = self
            .engine
            .compile_with_input::<_, _, PagedDocument>(file, inputs)
            .output
            .map_err(|e| self.explain(file, e))?;
        let pdf = typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default())
            .map_err(|diags| self.explain(file, TypstAsLibError::TypstSource(diags)))?;
        Ok(RenderedLetter {
            pages: doc.pages().len(),
            pdf,
        })
    }

    fn compile(
        &self,
        letter: &Letter,
        qr: Option<&str>,
        marks: &SignatureMarks,
    ) -> Result<PagedDocument, LetterError> {
        let data = letter.template_data()?;
        let file = spec::template_file(letter.kind);
        if self.templates.get(file).is_none() {
            return Err(LetterError::NoTemplate(letter.kind.label()));
        }
        let mut inputs = Dict::new();
        inputs.insert("data".into(), data.to_string().into_value());
        if let Some(text) = qr {
            inputs.insert("qr".into(), crate::qr::svg(text).into_value());
            if let SignatureMarks::Elektronik { penerbit } = marks {
                inputs.insert("ttd".into(), "elektronik".into_value());
                inputs.insert("penerbit".into(), penerbit.as_str().into_value());
            }
        }
        let compiled = self
            .engine
            .compile_with_input::<_, _, PagedDocument>(file, inputs);
        compiled.output.map_err(|e| self.explain(file, e))
    }

    /// Compiles every shipped kind's template against its sample letter (kinds without a
    /// sample are skipped; a test keeps every kind sampled); the first failure names the
    /// file and line. Used before an edited template becomes active.
    pub fn check_all(
        &self,
        sample: impl Fn(crate::LetterKind) -> Option<Letter>,
    ) -> Result<(), LetterError> {
        for letter in ALL_KINDS.into_iter().filter_map(sample) {
            self.render(&letter, None)?;
        }
        Ok(())
    }

    /// Turns a Typst failure into a message with the file and 1-based line of the first error.
    fn explain(&self, main: &str, err: TypstAsLibError) -> LetterError {
        let TypstAsLibError::TypstSource(diags) = err else {
            return LetterError::Template {
                file: main.to_string(),
                line: 0,
                message: err.to_string(),
            };
        };
        let first = diags
            .iter()
            .find(|d| d.severity == Severity::Error)
            .or(diags.first());
        match first {
            Some(d) => self.locate(main, d),
            None => LetterError::Template {
                file: main.to_string(),
                line: 0,
                message: "kesalahan tanpa keterangan".into(),
            },
        }
    }

    fn locate(&self, main: &str, d: &SourceDiagnostic) -> LetterError {
        let message = d.message.to_string();
        let (id, range) = match d.span.get() {
            DiagSpanKind::Number { id, num, sub_range } => {
                let name = id.get().vpath().get_without_slash().to_string();
                let text = self.templates.get(&name).unwrap_or_default().to_string();
                let range = Source::new(id, text).range(num, sub_range);
                (Some(name), range)
            }
            DiagSpanKind::Range { id, range } => (
                Some(id.get().vpath().get_without_slash().to_string()),
                Some(range),
            ),
            DiagSpanKind::Detached => (None, None),
        };
        let file = id.unwrap_or_else(|| main.to_string());
        let line = match (range, self.templates.get(&file)) {
            (Some(r), Some(text)) => text[..r.start.min(text.len())].matches('\n').count() + 1,
            _ => 0,
        };
        LetterError::Template {
            file,
            line,
            message,
        }
    }
}
