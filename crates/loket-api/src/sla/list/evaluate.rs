//! Evaluating a list of open cases and dispositions: each item's due moment and state at `now`,
//! most urgent first. Every list of deadlines (Tenggat, Kotak Masuk, the watcher, `loket
//! deadlines`) goes through here, for a few items or for a whole office's history, so it is
//! written to stay fast for a hundred thousand: the states and due moments are worked out and
//! sorted first, as small values, and each item's texts are written once, in their final
//! order; a due moment shared by many items (the closing time of a day) is put into words once.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::{DateTime, FixedOffset, NaiveDate};
use loket_db::deadline_items::{OpenCase, OpenDisposition};
use loket_domain::calendar::{IndexedCalendar, WorkingCalendar};
use loket_domain::deadline::{due_moment, state_at, DeadlineState, Pause};

use super::{DeadlineItem, Extensions, ServiceTimes};
use crate::sla::due::moment_words;
use crate::sla::thresholds::DueSoonSettings;

/// A map of the evaluation's own, hashed quickly (FxHash's multiply-rotate) rather than with
/// SipHash: its keys are ids, moments and short texts from the office's database, looked up
/// several times per item, and no one chooses them to collide.
type Quick<K, V> = HashMap<K, V, BuildHasherDefault<QuickHasher>>;

#[derive(Default, Clone, Copy)]
struct QuickHasher(u64);

impl QuickHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for QuickHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// An RFC 3339 moment as Loket stores them (`2026-03-02T08:15:00+07:00`) read directly, any
/// other form by chrono: every open case and disposition has one or two to read.
fn parse(t: &str) -> Option<DateTime<FixedOffset>> {
    stored_form(t).or_else(|| DateTime::parse_from_rfc3339(t).ok())
}

/// `YYYY-MM-DDTHH:MM:SS±HH:MM` exactly, or `None` (then chrono reads it, leap seconds too).
fn stored_form(t: &str) -> Option<DateTime<FixedOffset>> {
    use chrono::{NaiveTime, TimeZone};
    let b = t.as_bytes();
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    if b.len() != 25 || !(at(4, b'-') && at(7, b'-') && at(10, b'T') && at(13, b':')) {
        return None;
    }
    if !(at(16, b':') && at(22, b':')) {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<u32> {
        b.get(from..to)?.iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(num(0, 4)?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, num(5, 7)?, num(8, 10)?)?;
    let time = NaiveTime::from_hms_opt(num(11, 13)?, num(14, 16)?, num(17, 19)?)?;
    let sign = match b.get(19) {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return None,
    };
    let seconds = i32::try_from(num(20, 22)? * 3600 + num(23, 25)? * 60).ok()?;
    FixedOffset::east_opt(sign * seconds)?
        .from_local_datetime(&date.and_time(time))
        .single()
}

/// What an item is, with what its texts are written from.
enum Source<'a> {
    Case {
        case: &'a OpenCase,
        service: &'a str,
        start: DateTime<FixedOffset>,
        computed_due: Option<DateTime<FixedOffset>>,
        stored: Option<DateTime<FixedOffset>>,
        paused: bool,
    },
    Disposition {
        disposition: &'a OpenDisposition,
        sent: DateTime<FixedOffset>,
    },
}

/// An item evaluated, before its texts are written, with its place in the order.
struct Core<'a> {
    source: Source<'a>,
    state: Option<DeadlineState>,
    due: Option<DateTime<FixedOffset>>,
    order: Order,
}

/// The items' order: most urgent state first, then earliest due (none first), then by key as
/// text ("case:10" before "case:9", every case before every disposition). Every due is a
/// moment with the office's offset, so the instants order as their RFC 3339 texts do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Order {
    state: Reverse<Option<DeadlineState>>,
    due: Option<i64>,
    disposition: bool,
    id_text: (bool, u64, u32),
}

impl Order {
    fn of(
        state: Option<DeadlineState>,
        due: Option<DateTime<FixedOffset>>,
        key: (bool, i64),
    ) -> Order {
        Order {
            state: Reverse(state),
            due: due.map(|d| d.timestamp()),
            disposition: key.0,
            id_text: text_rank(key.1),
        }
    }
}

/// A key that orders as the decimal text of `n` does ("10" before "9", "1" before "10"):
/// negative numbers first ('-' sorts before the digits), then the digits of |n| left-aligned
/// in 19 places (an i64's longest), then the shorter text first.
fn text_rank(n: i64) -> (bool, u64, u32) {
    let abs = n.unsigned_abs();
    let digits = abs.checked_ilog10().unwrap_or(0) + 1;
    (n >= 0, abs * 10u64.pow(19 - digits), digits)
}

/// What evaluating one list needs, shared by the workers.
struct Shared<'a> {
    times: Quick<(&'a str, &'a str), &'a (loket_domain::catalog::ServiceTime, String)>,
    extensions: &'a Extensions,
    cal: &'a WorkingCalendar,
    /// The calendar's days off as one sorted list, for the count of each case.
    index: IndexedCalendar<'a>,
    now: DateTime<FixedOffset>,
    soon: &'a DueSoonSettings,
}

/// One worker's part of an evaluation, with what it has already worked out.
struct Evaluation<'s, 'a> {
    shared: &'s Shared<'a>,
    /// (instant, UTC offset) → (RFC 3339, words).
    texts: Quick<(i64, i32), (String, String)>,
    /// Batas waktu (as stored) → its due moment; `None` when it is no date.
    ends: Quick<&'a str, Option<DateTime<FixedOffset>>>,
}

/// Fewer items than this per worker are not worth a thread.
const PER_WORKER: usize = 4096;

/// `f` over `items` in order, by several workers at once when the list is long, each with its
/// own [`Evaluation`]; the results in the order of `items`.
fn in_parallel<'a, T, R, F>(shared: &Shared<'a>, items: &'a [T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&mut Evaluation<'_, 'a>, &'a T) -> Option<R> + Sync,
{
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len() / PER_WORKER)
        .max(1);
    let evaluation = || Evaluation {
        shared,
        texts: Quick::default(),
        ends: Quick::default(),
    };
    if workers == 1 {
        let mut evaluation = evaluation();
        return items.iter().filter_map(|i| f(&mut evaluation, i)).collect();
    }
    // Each worker fills its own part of one list of slots, which then closes up in place:
    // no second copy of a hundred thousand items.
    let mut slots: Vec<Option<R>> = Vec::new();
    slots.resize_with(items.len(), || None);
    let size = items.len().div_ceil(workers);
    std::thread::scope(|scope| {
        for (chunk, out) in items.chunks(size).zip(slots.chunks_mut(size)) {
            let (f, evaluation) = (&f, &evaluation);
            scope.spawn(move || {
                let mut evaluation = evaluation();
                for (item, slot) in chunk.iter().zip(out) {
                    *slot = f(&mut evaluation, item);
                }
            });
        }
    });
    // `flatten()` would copy every item into a new list; `filter_map` reuses this one.
    #[allow(clippy::filter_map_identity)]
    let items = slots.into_iter().filter_map(|slot| slot).collect();
    items
}

impl<'a> Evaluation<'_, 'a> {
    fn case(&self, c: &'a OpenCase) -> Option<Core<'a>> {
        let shared = self.shared;
        let received = parse(&c.received_at)?;
        let (time, service) = *shared
            .times
            .get(&(c.service_id.as_str(), c.standard_id.as_str()))?;
        let pauses: Vec<Pause> = c
            .pauses
            .iter()
            .filter_map(|(f, t)| {
                Some(Pause {
                    from: parse(f)?,
                    to: t.as_deref().and_then(parse),
                })
            })
            .collect();
        let extension = shared.extensions.get(&c.id);
        let computed = due_moment(time, received, &shared.index, &pauses, extension).ok()?;
        let stored = c.due_at.as_deref().and_then(parse);
        // sesuai jadwal: the stored due is the booked slot.
        let due = computed.due.or(if computed.paused { None } else { stored });
        let state = due.map(|d| {
            state_at(
                computed.effective_start,
                d,
                shared.now,
                shared.cal,
                shared.soon.rule(time),
            )
        });
        Some(Core {
            source: Source::Case {
                case: c,
                service,
                start: computed.effective_start,
                computed_due: computed.due,
                stored,
                paused: computed.paused,
            },
            state,
            due,
            order: Order::of(state, due, (false, c.id)),
        })
    }

    fn disposition(&mut self, d: &'a OpenDisposition) -> Option<Core<'a>> {
        let sent = parse(&d.sent_at)?;
        let batas = d.batas_waktu.as_deref()?;
        let (cal, now, rule) = (
            self.shared.cal,
            self.shared.now,
            self.shared.soon.disposition(),
        );
        let due = (*self.ends.entry(batas).or_insert_with(|| {
            let day: NaiveDate = batas.parse().ok()?;
            Some(cal.end_of(day))
        }))?;
        let state = state_at(sent, due, now, cal, rule);
        Some(Core {
            source: Source::Disposition {
                disposition: d,
                sent,
            },
            state: Some(state),
            due: Some(due),
            order: Order::of(Some(state), Some(due), (true, d.id)),
        })
    }

    /// The RFC 3339 text and the words of `due`.
    fn due_texts(&mut self, due: DateTime<FixedOffset>) -> (String, String) {
        let cal = self.shared.cal;
        self.texts
            .entry((due.timestamp(), due.offset().local_minus_utc()))
            .or_insert_with(|| (rfc3339(due), moment_words(due, cal)))
            .clone()
    }

    /// The item of `core`; a disposition names its case's service and applicant when the case
    /// is in `cases` (case id → service name, applicant).
    fn item(&mut self, core: &Core<'_>, cases: &Quick<i64, (&str, &str)>) -> DeadlineItem {
        let texts = core.due.map(|d| self.due_texts(d));
        let (due, due_words) = match texts {
            Some((text, words)) => (Some(text), Some(words)),
            None => (None, None),
        };
        let state = core.state;
        match core.source {
            Source::Case {
                case: c,
                service,
                start,
                computed_due,
                stored,
                paused,
            } => DeadlineItem {
                key: text(&[Str("case:"), Int(c.id)]),
                kind: "permohonan".into(),
                id: c.id,
                case_id: c.id,
                title: text(&[
                    Str("Agenda "),
                    Int(c.agenda_seq),
                    Str("/"),
                    Int(c.year),
                    Str(" — "),
                    Str(&c.hal),
                ]),
                detail: text(&[Str(service), Str(" ("), Str(&c.applicant_name), Str(")")]),
                start: rfc3339(start),
                due,
                due_words,
                state_label: label(state, paused),
                state,
                paused,
                stored_due: match (stored, computed_due) {
                    (Some(s), Some(d)) if s != d => Some(s.to_rfc3339()),
                    _ => None,
                },
                to_position: None,
                service: Some(service.to_string()),
                applicant: Some(c.applicant_name.clone()),
            },
            Source::Disposition {
                disposition: d,
                sent,
            } => {
                let of_case = cases.get(&d.case_id);
                DeadlineItem {
                    key: text(&[Str("disposition:"), Int(d.id)]),
                    kind: "disposisi".into(),
                    id: d.id,
                    case_id: d.case_id,
                    title: text(&[
                        Str("Disposisi #"),
                        Int(d.id),
                        Str(" (permohonan #"),
                        Int(d.case_id),
                        Str(")"),
                    ]),
                    detail: text(&[
                        Str("kepada "),
                        Str(&d.to_position),
                        Str(" — sifat "),
                        Str(&d.sifat),
                    ]),
                    start: rfc3339(sent),
                    due,
                    due_words,
                    state_label: label(state, false),
                    state,
                    paused: false,
                    stored_due: None,
                    to_position: Some(d.to_position.clone()),
                    service: of_case.map(|c| c.0.to_string()),
                    applicant: of_case.map(|c| c.1.to_string()),
                }
            }
        }
    }
}

/// One piece of a text written by [`text`].
enum Piece<'a> {
    Str(&'a str),
    Int(i64),
}

use Piece::{Int, Str};

/// The length of the decimal text of `n`.
fn decimal_len(n: i64) -> usize {
    let digits = n.unsigned_abs().checked_ilog10().unwrap_or(0) as usize + 1;
    digits + usize::from(n < 0)
}

/// Appends the decimal text of `n`.
fn push_decimal(out: &mut String, n: i64) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    let mut rest = n.unsigned_abs();
    loop {
        at -= 1;
        buf[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if n < 0 {
        out.push('-');
    }
    out.push_str(std::str::from_utf8(&buf[at..]).unwrap_or_default());
}

/// The pieces joined into one string allocated at its final size: each item of a list of a
/// hundred thousand has several such texts, and `format!` costs more than the item's deadline.
fn text(pieces: &[Piece<'_>]) -> String {
    let len: usize = pieces
        .iter()
        .map(|p| match p {
            Str(s) => s.len(),
            Int(n) => decimal_len(*n),
        })
        .sum();
    let mut out = String::with_capacity(len);
    for p in pieces {
        match p {
            Str(s) => out.push_str(s),
            Int(n) => push_decimal(&mut out, *n),
        }
    }
    out
}

/// `t` in RFC 3339 exactly as chrono's `to_rfc3339` writes it (`2026-03-02T08:00:00+07:00`),
/// written directly; chrono writes the rare moments this does not cover (a fraction of a
/// second, a year outside 0000–9999, an offset with seconds).
fn rfc3339(t: DateTime<FixedOffset>) -> String {
    use chrono::{Datelike, Timelike};
    let local = t.naive_local();
    let offset = t.offset().local_minus_utc();
    if local.nanosecond() != 0 || !(0..=9999).contains(&local.year()) || offset % 60 != 0 {
        return t.to_rfc3339();
    }
    let mut out = String::with_capacity(25);
    let two = |out: &mut String, n: u32| {
        out.push(char::from(b'0' + (n / 10 % 10) as u8));
        out.push(char::from(b'0' + (n % 10) as u8));
    };
    let year = local.year() as u32;
    two(&mut out, year / 100);
    two(&mut out, year % 100);
    out.push('-');
    two(&mut out, local.month());
    out.push('-');
    two(&mut out, local.day());
    out.push('T');
    two(&mut out, local.hour());
    out.push(':');
    two(&mut out, local.minute());
    out.push(':');
    two(&mut out, local.second());
    out.push(if offset < 0 { '-' } else { '+' });
    let minutes = offset.unsigned_abs() / 60;
    two(&mut out, minutes / 60);
    out.push(':');
    two(&mut out, minutes % 60);
    out
}

fn label(state: Option<DeadlineState>, paused: bool) -> String {
    match state {
        Some(s) => s.label().to_string(),
        None if paused => "Ditunda (menunggu pemohon)".to_string(),
        None => "Tanpa tenggat".to_string(),
    }
}

/// Every open case and disposition with its state at `now`, most urgent first, then by due,
/// with the default due-soon thresholds.
pub fn evaluate(
    cases: &[OpenCase],
    extensions: &Extensions,
    dispositions: &[OpenDisposition],
    times: &ServiceTimes,
    cal: &WorkingCalendar,
    now: DateTime<FixedOffset>,
) -> Vec<DeadlineItem> {
    let soon = DueSoonSettings::default();
    evaluate_with(cases, extensions, dispositions, times, cal, now, &soon)
}

/// As [`evaluate`], with the office's due-soon thresholds. A case whose service time is not in
/// `times` or whose receipt cannot be read is left out, as is a disposition without a batas
/// waktu.
pub fn evaluate_with(
    cases: &[OpenCase],
    extensions: &Extensions,
    dispositions: &[OpenDisposition],
    times: &ServiceTimes,
    cal: &WorkingCalendar,
    now: DateTime<FixedOffset>,
    soon: &DueSoonSettings,
) -> Vec<DeadlineItem> {
    let shared = Shared {
        times: times
            .iter()
            .map(|((service, standard), v)| ((service.as_str(), standard.as_str()), v))
            .collect(),
        extensions,
        cal,
        index: IndexedCalendar::new(cal),
        now,
        soon,
    };
    // The states and due moments first, sorted as small values; then the texts, in order.
    let mut cores = in_parallel(&shared, cases, |run, c| run.case(c));
    let of_case: Quick<i64, (&str, &str)> = cores
        .iter()
        .filter_map(|core| match &core.source {
            Source::Case { case, service, .. } => {
                Some((case.id, (*service, case.applicant_name.as_str())))
            }
            Source::Disposition { .. } => None,
        })
        .collect();
    cores.append(&mut in_parallel(&shared, dispositions, |run, d| {
        run.disposition(d)
    }));
    // Small keys are sorted, the cores stay where they are.
    let mut order: Vec<(Order, usize)> = cores.iter().map(|c| c.order).zip(0..).collect();
    order.sort_unstable();
    in_parallel(&shared, &order, |run, (_, n)| {
        Some(run.item(&cores[*n], &of_case))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use loket_domain::time_zone::TimeZone;

    fn disposition(id: i64, sent: &str, batas: Option<&str>) -> OpenDisposition {
        OpenDisposition {
            id,
            case_id: id % 7,
            to_position: "sekretaris".into(),
            sent_at: sent.into(),
            batas_waktu: batas.map(str::to_string),
            sifat: "biasa".into(),
            read_at: None,
        }
    }

    #[test]
    fn items_come_out_most_urgent_first_then_by_due_then_by_key_as_text() {
        let hours =
            crate::calendar::parse_hours("senin-kamis 08:00-15:45; jumat 08:00-11:00").unwrap();
        let cal = WorkingCalendar::new(TimeZone::Wib, hours);
        let now = parse("2026-03-04T10:00:00+07:00").unwrap();
        let batas = [
            None,
            Some("2026-03-02"),
            Some("2026-03-04"),
            Some("2026-03-05"),
            Some("2026-03-20"),
        ];
        // Many ties on state and due; ids whose text order differs from their number order.
        let dispositions: Vec<OpenDisposition> = (1..=120)
            .map(|n| {
                let id = (n * 37) % 121;
                disposition(id, "2026-02-27T09:00:00+07:00", batas[(id % 5) as usize])
            })
            .collect();
        let items = evaluate(
            &[],
            &Extensions::new(),
            &dispositions,
            &ServiceTimes::new(),
            &cal,
            now,
        );
        assert_eq!(
            items.len(),
            dispositions
                .iter()
                .filter(|d| d.batas_waktu.is_some())
                .count(),
            "every disposition with a batas waktu is listed, the others are not"
        );
        let mut expected = items.clone();
        expected.sort_by(|a, b| {
            b.state
                .cmp(&a.state)
                .then_with(|| a.due.cmp(&b.due))
                .then_with(|| a.key.cmp(&b.key))
        });
        assert_eq!(
            items.iter().map(|i| i.key.as_str()).collect::<Vec<_>>(),
            expected.iter().map(|i| i.key.as_str()).collect::<Vec<_>>(),
            "most urgent first, then by due text, then by key text, as a plain sort gives"
        );
        assert_eq!(
            items.first().and_then(|i| i.state),
            Some(DeadlineState::Terlambat),
            "the overdue ones lead"
        );
    }

    #[test]
    fn texts_are_written_as_format_and_chrono_write_them() {
        for n in [0, 7, 42, -3, 1234567, i64::MAX, i64::MIN] {
            assert_eq!(
                text(&[Str("case:"), Int(n), Str(" — ok")]),
                format!("case:{n} — ok"),
                "a number in a text is its decimal digits"
            );
        }
        for t in [
            "2026-03-02T08:00:00+07:00",
            "2026-12-31T23:59:59+09:00",
            "0999-01-02T03:04:05-03:30",
            "2024-02-29T00:00:00+00:00",
            "2026-03-02T08:00:00.5+07:00",
            "2026-03-02T08:00:00+05:45",
        ] {
            let moment = parse(t).unwrap();
            assert_eq!(
                rfc3339(moment),
                moment.to_rfc3339(),
                "{t} is written as chrono writes it"
            );
        }
    }

    #[test]
    fn stored_moments_are_read_as_chrono_reads_them() {
        for t in [
            "2026-03-02T08:15:00+07:00",
            "2026-12-31T23:59:59-03:30",
            "2024-02-29T00:00:00+00:00",
            "2026-03-02T08:15:00Z",
            "2026-03-02T08:15:00.250+07:00",
            "2016-12-31T23:59:60+00:00",
            "2026-02-30T08:15:00+07:00",
            "2026-03-02 08:15:00+07:00",
            "2026-03-02T08:15:00+07:0x",
        ] {
            assert_eq!(
                parse(t),
                DateTime::parse_from_rfc3339(t).ok(),
                "{t} is read as chrono reads it (or refused as chrono refuses it)"
            );
        }
    }

    #[test]
    fn ids_rank_as_their_texts_order() {
        let text = |n: i64| n.to_string();
        for (a, b) in [
            (10, 9),
            (9, 10),
            (123, 45),
            (7, 7),
            (100, 1000),
            (-5, 3),
            (0, -1),
            (i64::MAX, i64::MIN),
        ] {
            assert_eq!(
                text_rank(a).cmp(&text_rank(b)),
                text(a).cmp(&text(b)),
                "ids {a} and {b} order as \"case:{a}\" and \"case:{b}\" do"
            );
        }
    }
}
