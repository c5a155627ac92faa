use super::*;

fn day(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

#[test]
fn each_element_weighs_one_ninth_as_the_regulation_computes() {
    // PermenPANRB 14/2017: "jika unsur yang dikaji sebanyak 9 unsur, maka bobot nilai
    // rata-rata tertimbang = 1/9 = 0,11".
    assert_eq!(round2(WEIGHT), 0.11, "the regulation's example weight");
    assert!(
        (WEIGHT * 9.0 - 1.0).abs() < 1e-12,
        "nine equal weights add up to one, so the index stays on the 1–4 scale"
    );
    assert_eq!(BASE, 25.0, "the conversion's base value is 25");
}

#[test]
fn the_regulations_processing_form_weighs_with_0_111_and_loket_with_one_ninth() {
    // PermenPANRB 14/2017, Lampiran, the form "Pengolahan data survei kepuasan masyarakat per
    // responden dan per unsur pelayanan": "NRR per unsur = jumlah nilai per unsur dibagi jumlah
    // kuesioner yang terisi", "NRR tertimbang per unsur = NRR per unsur x 0,111", "IKM unit
    // pelayanan = jumlah NRR tertimbang x 25". 0,111 is 1/9 written to three decimals; Loket
    // weighs with 1/9 itself ("bobot nilai rata-rata tertimbang = jumlah bobot / jumlah unsur"),
    // so its IKM is the form's figure ÷ 0,999: at most 0,10 higher, and only 1/9 reaches the
    // table's upper bound 100,00 when every answer is 4.
    // (The lampiran's own worked example with its respondents' figures was not found in any
    // stored copy of the regulation; this test holds only its stated factors.)
    let form = |nrr: &[f64; 9]| nrr.iter().map(|v| v * 0.111).sum::<f64>() * BASE;
    let all_four = [4.0; 9];
    assert_eq!(
        ikm(&all_four),
        100.0,
        "PermenPANRB 14/2017: every answer 4 is the top of interval A, 100,00"
    );
    assert_eq!(
        round2(form(&all_four)),
        99.9,
        "PermenPANRB 14/2017's form with 0,111: 9 × 4 × 0,111 × 25 = 99,90"
    );
    for nrr in [
        [1.0; 9],
        [2.6; 9],
        [3.5, 3.25, 2.75, 4.0, 3.25, 3.25, 3.75, 2.75, 3.25],
        all_four,
    ] {
        let ours = index(&nrr) * BASE;
        assert!(
            ours >= form(&nrr) && ours - form(&nrr) <= 0.1 + 1e-9,
            "PermenPANRB 14/2017: 1/9 and the form's 0,111 differ by at most 0,10 on the 25–100 scale ({ours} against {})",
            form(&nrr)
        );
    }
}

#[test]
fn the_regulations_conversion_table_converts_and_grades_every_bound() {
    // (nilai interval, nilai interval konversi, mutu) at both ends of each line of the table.
    let table = [
        (1.00, 25.00, Grade::D),
        (2.5996, 64.99, Grade::D),
        (2.60, 65.00, Grade::C),
        (3.064, 76.60, Grade::C),
        (3.0644, 76.61, Grade::B),
        (3.532, 88.30, Grade::B),
        (3.5324, 88.31, Grade::A),
        (4.00, 100.00, Grade::A),
    ];
    for (ni, nik, grade) in table {
        let same = [ni; 9];
        assert_eq!(
            ikm(&same),
            nik,
            "an index of {ni} converts to {nik} (× 25, two decimals)"
        );
        assert_eq!(
            Grade::of(ikm(&same)),
            grade,
            "{nik} lies in the interval of grade {}",
            grade.letter()
        );
    }
}

#[test]
fn grade_boundaries_on_the_converted_scale() {
    let cases = [
        (25.0, Grade::D),
        (64.99, Grade::D),
        (65.0, Grade::C),
        (76.6, Grade::C),
        (76.61, Grade::B),
        (88.3, Grade::B),
        (88.31, Grade::A),
        (100.0, Grade::A),
        (64.991, Grade::D),
        (88.309, Grade::A),
    ];
    for (value, grade) in cases {
        assert_eq!(
            Grade::of(value),
            grade,
            "{value} is graded after rounding to two decimals"
        );
    }
    assert_eq!(
        (Grade::A.words(), Grade::D.words()),
        ("Sangat baik", "Tidak baik"),
        "the unit's performance in the regulation's words"
    );
}

#[test]
fn four_respondents_computed_by_hand() {
    let r = |s: &str| Answers::parse(s).unwrap();
    let responses = [
        r("443433433"),
        r("333433423"),
        r("432434433"),
        r("333443334"),
    ];
    let nrr = nrr(&responses).unwrap();
    assert_eq!(
        nrr,
        [3.5, 3.25, 2.75, 4.0, 3.25, 3.25, 3.75, 2.75, 3.25],
        "NRR = sum of the element's values / number of respondents"
    );
    // 29,75 / 9 = 3,3056; × 25 = 82,64.
    assert_eq!(ikm(&nrr), 82.64, "IKM = Σ NRR × 1/9 × 25");
    assert_eq!(Grade::of(ikm(&nrr)), Grade::B, "82,64 is Baik");
    let low: Vec<&str> = lowest_first(&nrr)
        .iter()
        .take(3)
        .map(|(e, _)| e.code())
        .collect();
    assert_eq!(
        low,
        ["U3", "U8", "U2"],
        "the lowest elements first, ties in the regulation's order"
    );
    assert!(nrr_of_none(), "no response, no NRR");
}

fn nrr_of_none() -> bool {
    nrr(&[]).is_none()
}

#[test]
fn answers_outside_one_to_four_are_refused_with_the_element() {
    let e = Answers::parse("443453433").unwrap_err();
    assert!(
        e.contains("U5") && e.contains("Produk"),
        "the element with the bad value is named: {e}"
    );
    let e = Answers::parse("4434").unwrap_err();
    assert!(e.contains("4 angka"), "a short entry says how many: {e}");
}

#[test]
fn minimum_sample_follows_the_table() {
    let cases = [
        (0, 0),
        (5, 5),
        (10, 10),
        (12, 12),
        (15, 14),
        (100, 80),
        (101, 86),
        (220, 140),
        (1000, 278),
        (1200, 291),
        (100_000, 384),
        (2_000_000, 384),
    ];
    for (population, sample) in cases {
        assert_eq!(
            minimum_sample(population),
            sample,
            "population {population}: the table's line at or above it, never above the population"
        );
    }
    assert!(
        KREJCIE_MORGAN
            .windows(2)
            .all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1),
        "the table rises in both columns"
    );
}

#[test]
fn periods_cover_their_months() {
    let q1 = Period::parse("2026-T1").unwrap();
    assert_eq!(
        (q1.from(), q1.to()),
        (day("2026-01-01"), day("2026-03-31")),
        "triwulan I is January to March"
    );
    assert_eq!(q1.label(), "Triwulan I 2026", "label in Indonesian");
    let s2 = Period::parse("2026-s2").unwrap();
    assert_eq!(
        (s2.from(), s2.to()),
        (day("2026-07-01"), day("2026-12-31")),
        "semester II is July to December"
    );
    assert_eq!(
        Period::parse("2024-TW1").unwrap().to(),
        day("2024-03-31"),
        "TW1 is read as triwulan I"
    );
    assert_eq!(
        Period::parse("2026").unwrap(),
        Period::Year(2026),
        "a year alone"
    );
    assert!(
        Period::parse("2026-T5").is_err(),
        "there is no fifth quarter"
    );
    assert_eq!(
        s2.quarters_of_year().len(),
        4,
        "the trend of semester II shows all four quarters"
    );
    assert_eq!(
        Period::quarter_of(day("2026-05-20")),
        Period::Quarter(2026, 2),
        "May is in triwulan II"
    );
}

#[test]
fn profile_codes_are_checked() {
    let p = Profile::parse(34, "p", "S1", "pns").unwrap();
    assert_eq!(
        (p.age, p.sex, p.education, p.occupation),
        (34, Sex::P, Education::S1, Occupation::Pns),
        "codes are read case-insensitively"
    );
    let e = Profile::parse(34, "X", "s1", "pns").unwrap_err();
    assert!(e.contains("L atau P"), "the choices are named: {e}");
    assert!(
        Profile::parse(7, "L", "sd", "pelajar").is_err(),
        "age below 15"
    );
}
