//! Bounded-time fuzzing of the parsers a person or a file reaches: the office profile (TOML),
//! a holiday file (JSON), letter data (JSON), typed durations, office hours and moments.
//! Valid samples are mutated (characters deleted, doubled, replaced, snippets of syntax,
//! multi-byte and control characters inserted) and fed to each parser for a fixed time:
//! every input must end in a value or an error, never a panic. A small xorshift generator
//! with a fixed seed keeps each run reproducible without extra crates; `LOKET_FUZZ_SECONDS`
//! changes the time per parser (default 2).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use loket_api::letter::dto::LetterContent;
use loket_domain::time_zone::TimeZone;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const SNIPPETS: &[&str] = &[
    "\"",
    "'",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "=",
    "\n",
    "\\",
    "[[",
    "]]",
    "#",
    "-",
    "+",
    ".",
    "9999999999999999999999",
    "-1",
    "0",
    "1e309",
    "null",
    "true",
    "\"\"",
    "é",
    "—",
    "𝕏",
    "\u{1b}[31m",
    "\u{202e}",
    "\u{0}",
    "\t",
    "2026-02-30",
    "24:61",
    "T",
    "+99:99",
    "d",
    "h",
    "m",
    "senin",
    "istirahat",
    ";",
    "08:00-07:00",
];

/// One random edit of `text`, on character boundaries.
fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..=rng.below(4) {
        let at = rng.below(chars.len() + 1);
        match rng.below(5) {
            0 if !chars.is_empty() => {
                let end = (at + rng.below(40)).min(chars.len());
                chars.drain(at.min(end)..end);
            }
            1 => {
                let s = SNIPPETS[rng.below(SNIPPETS.len())];
                for (i, c) in s.chars().enumerate() {
                    chars.insert(at + i, c);
                }
            }
            2 if at < chars.len() => {
                let end = (at + rng.below(60)).min(chars.len());
                let copy: Vec<char> = chars[at..end].to_vec();
                for (i, c) in copy.into_iter().enumerate() {
                    chars.insert(end + i, c);
                }
            }
            3 if at < chars.len() => {
                chars[at] = char::from_u32(rng.below(0x3000) as u32).unwrap_or('?');
            }
            _ => chars.push(char::from_u32(rng.below(0x80) as u32).unwrap_or('x')),
        }
    }
    chars.into_iter().collect()
}

fn seconds() -> Duration {
    let s = std::env::var("LOKET_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(2.0);
    Duration::from_secs_f64(s.clamp(0.1, 600.0))
}

/// Feeds mutations of `seeds` to `parse` for the time bound; returns how many inputs ran.
fn fuzz(name: &str, seeds: &[&str], parse: impl Fn(&str)) -> usize {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ name.len() as u64);
    let until = Instant::now() + seconds();
    let mut runs = 0;
    while Instant::now() < until {
        let seed = seeds[rng.below(seeds.len())];
        let input = if runs % 10 == 0 {
            seed.to_string()
        } else {
            mutate(&mut rng, seed)
        };
        let outcome = catch_unwind(AssertUnwindSafe(|| parse(&input)));
        assert!(
            outcome.is_ok(),
            "{name}: the parser panicked on input {input:?}; every input must end in a value or a refusal"
        );
        runs += 1;
    }
    runs
}

#[test]
fn the_profile_parser_never_panics() {
    let seeds = [
        include_str!("../../../data/offices/demak.toml"),
        include_str!("../../../data/offices/denpasar.toml"),
    ];
    let runs = fuzz("profil kantor", &seeds, |t| {
        let _ = loket_domain::load_profile("kantor.toml", t);
    });
    assert!(
        runs > 10,
        "the profile parser ran on mutated inputs ({runs})"
    );
}

#[test]
fn the_holiday_and_letter_data_parsers_never_panic() {
    let holidays = [include_str!("../../../data/holidays/2026.json")];
    let runs = fuzz("hari libur", &holidays, |t| {
        let _ = loket_domain::calendar::parse_holiday_file("libur.json", t);
    });
    assert!(runs > 10, "the holiday parser ran ({runs})");
    let sample = serde_json::to_string_pretty(
        &loket_api::Loket::letter_sample("surat_balasan").expect("a sample letter"),
    )
    .expect("sample as JSON");
    let runs = fuzz("data surat", &[sample.as_str()], |t| {
        let _ = serde_json::from_str::<LetterContent>(t);
    });
    assert!(runs > 10, "the letter data parser ran ({runs})");
}

#[test]
fn typed_durations_hours_and_moments_never_panic() {
    let runs = fuzz("jangka", &["3d", "90m", "8h", "9999999999d", "0d"], |t| {
        let _ = loket_api::sla::parse_within(t);
    });
    assert!(runs > 10, "--within ran ({runs})");
    let runs = fuzz(
        "jam kerja",
        &[
            "senin-kamis 08:00-15:45 istirahat 12:00-13:00; jumat 08:00-11:00",
            "senin-jumat 07:30-16:00",
        ],
        |t| {
            let _ = loket_api::calendar::parse_hours(t);
        },
    );
    assert!(runs > 10, "office hours ran ({runs})");
    let runs = fuzz(
        "waktu",
        &["2026-03-05T09:00", "2026-03-05 09:00", "2026-12-31T23:59"],
        |t| {
            for zone in [TimeZone::Wib, TimeZone::Wita, TimeZone::Wit] {
                let _ = loket_api::booking::parse_local(t, zone, "--start");
            }
        },
    );
    assert!(runs > 10, "typed moments ran ({runs})");
}
