//! Shared helpers for the workspace tests: the database a test runs on, and reading PDFs.

pub mod backend;

/// pdftotext's text of a PDF (read from standard input), whitespace squeezed to single
/// spaces, so that a test can look for a phrase whatever the line breaks.
pub fn pdf_text(pdf: &[u8]) -> String {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("pdftotext")
        .args(["-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("pdftotext (poppler-utils) is installed by scripts/setup.sh");
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(pdf).expect("pdftotext reads the PDF");
    }
    let out = child.wait_with_output().expect("pdftotext ends");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
