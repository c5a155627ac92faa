//! Adding up questionnaires and complaints into the evaluation's lines (no I/O).

use loket_domain::skm::{self, minimum_sample, Answers, Grade, ELEMENTS};

use super::dto::{ComplaintTally, ElementScore, SkmSummary};

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

/// The survey result of `answers` (with how many were walk-in) against `population`.
pub(crate) fn summary(answers: &[Answers], walk_in: u32, population: u32) -> SkmSummary {
    let minimum = minimum_sample(population);
    let respondents = answers.len() as u32;
    let mut out = SkmSummary {
        respondents,
        walk_in,
        population,
        minimum_sample: minimum,
        sample_met: respondents >= minimum,
        ..SkmSummary::default()
    };
    let Some(nrr) = skm::nrr(answers) else {
        return out;
    };
    out.elements = ELEMENTS
        .iter()
        .zip(nrr)
        .map(|(e, v)| ElementScore {
            code: e.code().to_string(),
            label: e.label().to_string(),
            nrr: round(v, 3),
            weighted: round(v * skm::WEIGHT, 3),
            converted: round(v * skm::BASE, 2),
            grade: Grade::of(v * skm::BASE).letter().to_string(),
        })
        .collect();
    let ikm = skm::ikm(&nrr);
    let grade = Grade::of(ikm);
    out.index = Some(round(skm::index(&nrr), 4));
    out.ikm = Some(ikm);
    out.grade = Some(grade.letter().to_string());
    out.grade_words = Some(grade.words().to_string());
    out
}

/// The three lowest elements of `s`, lowest first (ties in the regulation's order).
pub(crate) fn priorities(s: &SkmSummary) -> Vec<ElementScore> {
    let mut e = s.elements.clone();
    e.sort_by(|a, b| a.nrr.total_cmp(&b.nrr));
    e.truncate(3);
    e
}

/// One complaint: its kind, and (answered, in time).
pub(crate) type Standing<'a> = (&'a str, bool, bool);

pub(crate) fn complaints(items: &[Standing]) -> ComplaintTally {
    let mut t = ComplaintTally {
        received: items.len() as u32,
        ..ComplaintTally::default()
    };
    for (kind, answered, in_time) in items {
        match *kind {
            "pengaduan" => t.pengaduan += 1,
            "saran" => t.saran += 1,
            _ => t.masukan += 1,
        }
        match (answered, in_time) {
            (true, true) => t.answered_in_time += 1,
            (true, false) => t.answered_late += 1,
            (false, true) => t.waiting += 1,
            (false, false) => t.overdue += 1,
        }
    }
    t.in_time_percent = (t.received > 0).then(|| {
        round(
            f64::from(t.answered_in_time) * 100.0 / f64::from(t.received),
            1,
        )
    });
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_compares_respondents_with_the_minimum_sample() {
        let a = Answers::parse("444444444").unwrap();
        let s = summary(&[a, a], 1, 3);
        assert_eq!(
            (s.respondents, s.minimum_sample, s.sample_met),
            (2, 3, false),
            "three served need three respondents"
        );
        assert_eq!(s.ikm, Some(100.0), "all answers 4 give 100");
        assert_eq!(s.grade.as_deref(), Some("A"), "100 is A");
        let none = summary(&[], 0, 0);
        assert_eq!(
            (none.ikm, none.sample_met),
            (None, true),
            "no population, no respondent needed and no index"
        );
    }

    #[test]
    fn complaints_are_counted_by_kind_and_answer() {
        let t = complaints(&[
            ("pengaduan", true, true),
            ("pengaduan", true, false),
            ("saran", false, true),
            ("masukan", false, false),
        ]);
        assert_eq!(
            (t.received, t.pengaduan, t.saran, t.masukan),
            (4, 2, 1, 1),
            "by kind"
        );
        assert_eq!(
            (t.answered_in_time, t.answered_late, t.waiting, t.overdue),
            (1, 1, 1, 1),
            "by answer"
        );
        assert_eq!(
            t.in_time_percent,
            Some(25.0),
            "one of four answered in time"
        );
    }
}
