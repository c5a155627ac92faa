//! Where pdftotext finds each word of a rendered letter (`pdftotext -bbox-layout`), in PDF
//! points from the page's top-left corner, for the layout-rule tests. Shared by several test
//! crates, each using part of it.
#![allow(dead_code)]

use std::process::Command;

#[derive(Debug, Clone)]
pub struct Word {
    pub text: String,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

#[derive(Debug, Clone)]
pub struct Line {
    pub words: Vec<Word>,
    pub x0: f64,
    pub y0: f64,
    pub y1: f64,
}

impl Line {
    pub fn text(&self) -> String {
        self.words
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The lines of every page, each page's lines sorted top to bottom.
pub fn pages(pdf: &[u8]) -> Vec<Vec<Line>> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("surat.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg("-bbox-layout")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext reads every letter");
    let xml = String::from_utf8_lossy(&out.stdout).to_string();
    xml.split("<page ")
        .skip(1)
        .map(|page| {
            let mut lines: Vec<Line> = page
                .split("<line ")
                .skip(1)
                .map(|l| {
                    let (x0, y0, _, y1) = bbox(l);
                    let words = l
                        .split("<word ")
                        .skip(1)
                        .map(|w| {
                            let (x0, y0, x1, y1) = bbox(w);
                            let text = w
                                .split_once('>')
                                .and_then(|(_, r)| r.split_once("</word>"))
                                .map(|(t, _)| unescape(t))
                                .unwrap_or_default();
                            Word {
                                text,
                                x0,
                                y0,
                                x1,
                                y1,
                            }
                        })
                        .collect();
                    Line { words, x0, y0, y1 }
                })
                .collect();
            lines.sort_by(|a, b| a.y0.total_cmp(&b.y0).then(a.x0.total_cmp(&b.x0)));
            lines
        })
        .collect()
}

fn attr(s: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    s.split_once(&key)
        .and_then(|(_, r)| r.split_once('"'))
        .and_then(|(v, _)| v.parse().ok())
        .unwrap_or(f64::NAN)
}

fn bbox(s: &str) -> (f64, f64, f64, f64) {
    let head = s.split_once('>').map(|(h, _)| h).unwrap_or(s);
    (
        attr(head, "xMin"),
        attr(head, "yMin"),
        attr(head, "xMax"),
        attr(head, "yMax"),
    )
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The kop's lines: from the top of page 1 down to the first wide gap (the double rule and
/// the space under it).
pub fn kop(page: &[Line]) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    for l in page {
        if let Some(prev) = out.last() {
            if l.y0 - prev.y1 > 12.0 {
                break;
            }
        }
        out.push(l.clone());
    }
    out
}
