//! Complaints, suggestions and input about a service (pengaduan, saran, masukan), received
//! through a complaint channel of the service's Standar Pelayanan and answered within the
//! working days the office sets. Complaints that are themselves a service (SP4N-LAPOR
//! forwarding) stay cases of that service.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use loket_db::complaints::ComplaintRow;
use loket_domain::calendar::WorkingCalendar;
use loket_domain::roles::Role;
use loket_domain::tanggal::tanggal;

use super::dto::{ComplaintEntry, ComplaintView};
use super::{COMPLAINT_ANSWER, COMPLAINT_REGISTER, COMPLAINT_SET_ANSWER_DAYS};
use crate::account::Actor;
use crate::text::NAME_MAX;
use crate::{audit, ApiError, ErrorCode, Loket};

pub const KINDS: [&str; 3] = ["pengaduan", "saran", "masukan"];

/// Longest answer time an office may set (hari kerja).
pub const MAX_ANSWER_DAYS: u32 = 60;

/// The last day to answer: the `days`th working day after the day of `received`.
pub(crate) fn answer_due(
    received: DateTime<FixedOffset>,
    days: u32,
    cal: &WorkingCalendar,
) -> NaiveDate {
    let mut d = cal.local(received).date();
    let mut n = 0;
    let mut guard = 0;
    while n < days && guard < 3660 {
        d += Duration::days(1);
        guard += 1;
        if cal.is_working_day(d) {
            n += 1;
        }
    }
    d
}

/// Where a complaint's answer stands at `now`: (answered, in time).
pub(crate) fn standing(
    c: &ComplaintRow,
    due: NaiveDate,
    now: DateTime<FixedOffset>,
    cal: &WorkingCalendar,
) -> (bool, bool) {
    match c
        .answered_at
        .as_deref()
        .and_then(|a| DateTime::parse_from_rfc3339(a).ok())
    {
        Some(a) => (true, cal.local(a).date() <= due),
        None => (false, cal.local(now).date() <= due),
    }
}

/// Picks the channel among the service's complaint channels: by number, by its whole text, or
/// by the text before its colon. A service listing none accepts any named channel.
fn channel(text: &str, channels: &[String], service: &str) -> Result<String, ApiError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(ApiError::bad_input(format!(
            "saluran pengaduan belum diisi; pilih salah satu saluran layanan {service}: {}",
            listed(channels)
        )));
    }
    if channels.is_empty() {
        return Ok(t.to_string());
    }
    let lower = t.to_lowercase();
    let found = t
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| channels.get(i))
        .or_else(|| channels.iter().find(|c| c.to_lowercase() == lower))
        .or_else(|| {
            channels.iter().find(|c| {
                c.split(':').next().map(|h| h.trim().to_lowercase()) == Some(lower.clone())
            })
        });
    found.cloned().ok_or_else(|| {
        ApiError::bad_input(format!(
            "saluran `{t}` bukan saluran pengaduan layanan {service}; pilih salah satu: {}",
            listed(channels)
        ))
    })
}

fn listed(channels: &[String]) -> String {
    if channels.is_empty() {
        return "(standar tidak menyebut saluran; tulis saluran yang dipakai)".into();
    }
    channels
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{} {c}", i + 1))
        .collect::<Vec<_>>()
        .join("; ")
}

impl Loket {
    fn complaint_view(
        &self,
        c: &ComplaintRow,
        now: DateTime<FixedOffset>,
        cal: &WorkingCalendar,
    ) -> Result<ComplaintView, ApiError> {
        let received = DateTime::parse_from_rfc3339(&c.received_at).unwrap_or(now);
        let due = answer_due(received, c.answer_days, cal);
        let (answered, in_time) = standing(c, due, now, cal);
        let state = match (answered, in_time) {
            (true, true) => "dijawab tepat waktu",
            (true, false) => "dijawab terlambat",
            (false, true) => "menunggu jawaban",
            (false, false) => "belum dijawab, terlambat",
        };
        Ok(ComplaintView {
            id: c.id,
            kind: c.kind.clone(),
            service_name: self.service_name(&c.service_id)?,
            service_id: c.service_id.clone(),
            channel: c.channel.clone(),
            received_at: c.received_at.clone(),
            from_name: c.from_name.clone(),
            contact: c.contact.clone(),
            body: c.body.clone(),
            answer_days: c.answer_days,
            answer_due: due.to_string(),
            answer_due_words: tanggal(due),
            answered_at: c.answered_at.clone(),
            answer: c.answer.clone(),
            answered_by: c.answered_by.clone(),
            state: state.to_string(),
        })
    }

    /// Registers a complaint, suggestion or input; its answer time is the office's setting now.
    ///
    /// Errors: `Forbidden` without the register role; `BadInput` for an unknown kind or
    /// service, a channel the service's standard does not list, an empty or overlong text or
    /// one with a control character, a moment in the future.
    pub fn complaint_register(
        &mut self,
        actor: &Actor,
        entry: &ComplaintEntry,
        now: DateTime<FixedOffset>,
    ) -> Result<ComplaintView, ApiError> {
        self.current(actor)?.require(Role::Register)?;
        // Matched against fixed lists; bounded first so that a refusal never repeats a huge
        // text or a terminal escape back.
        for (what, v, max) in [
            ("jenis pengaduan", &entry.kind, crate::text::SHORT_MAX),
            ("layanan", &entry.service_id, crate::text::SHORT_MAX),
            ("saluran pengaduan", &entry.channel, NAME_MAX),
            ("waktu diterima", &entry.received_at, crate::text::SHORT_MAX),
        ] {
            crate::text::check(what, v, max)?;
        }
        let kind = entry.kind.trim().to_lowercase();
        if !KINDS.contains(&kind.as_str()) {
            return Err(ApiError::bad_input(format!(
                "jenis `{}` tidak dikenal; pilih pengaduan, saran atau masukan",
                entry.kind
            )));
        }
        let service_id = entry.service_id.trim();
        let version = self.db.service_history(service_id)?.pop().ok_or_else(|| {
            ApiError::bad_input(format!(
                "layanan `{service_id}` tidak ada di katalog; lihat `loket services`"
            ))
        })?;
        let channel = channel(&entry.channel, &version.complaints, &version.name)?;
        let received = if entry.received_at.trim().is_empty() {
            now
        } else {
            crate::case::input::moment("waktu diterima", &entry.received_at, *now.offset())
                .map_err(ApiError::bad_input)?
        };
        if received > now {
            return Err(ApiError::bad_input(
                "waktu diterima belum tiba; isi waktu pengaduan diterima (paling lambat sekarang)",
            ));
        }
        let from_name = super::text(&entry.from_name, "nama pengirim", NAME_MAX, false)?;
        let body = super::text(&entry.body, "isi pengaduan", super::MAX_TEXT, true)?;
        if from_name.is_empty() || body.is_empty() {
            return Err(ApiError::bad_input(
                "nama pengirim dan isi pengaduan/saran wajib diisi (tulis \"anonim\" bila pengirim tidak menyebut nama)",
            ));
        }
        let row = ComplaintRow {
            id: 0,
            kind,
            service_id: service_id.to_string(),
            channel,
            received_at: received.to_rfc3339(),
            from_name,
            contact: super::text(&entry.contact, "kontak pengirim", NAME_MAX, false)?,
            body,
            answer_days: 0,
            registered_by: actor.id().to_string(),
            answered_at: None,
            answer: None,
            answered_by: None,
        };
        let cal = self.working_calendar()?;
        let tx = self.db.begin()?;
        let row = ComplaintRow {
            answer_days: tx.complaint_answer_days()?,
            ..row
        };
        let id = tx.insert_complaint(&row)?;
        let row = ComplaintRow { id, ..row };
        audit::record(
            &tx,
            now,
            actor.id(),
            COMPLAINT_REGISTER,
            &format!("complaint:{id}"),
            None::<&()>,
            Some(&serde_json::json!({
                "kind": row.kind, "service_id": row.service_id, "channel": row.channel,
                "received_at": row.received_at, "answer_days": row.answer_days,
            })),
        )?;
        tx.commit()?;
        self.complaint_view(&row, now, &cal)
    }

    /// Records the answer given to complaint `id` at `now`.
    ///
    /// Errors: `Forbidden` without the register or dispose role; `NotFound`; `Conflict` when
    /// it was answered already; `BadInput` for an empty or overlong answer or one with a
    /// control character.
    pub fn complaint_answer(
        &mut self,
        actor: &Actor,
        id: i64,
        answer: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<ComplaintView, ApiError> {
        let me = self.current(actor)?;
        if me.require(Role::Register).is_err() {
            me.require(Role::Dispose)?;
        }
        let answer = super::text(answer, "jawaban pengaduan", super::MAX_TEXT, true)?;
        if answer.is_empty() {
            return Err(ApiError::bad_input(
                "jawaban kosong; tulis tanggapan yang disampaikan kepada pengirim",
            ));
        }
        let cal = self.working_calendar()?;
        let tx = self.db.begin()?;
        let written = tx.answer_complaint(id, &now.to_rfc3339(), &answer, actor.id())?;
        if !written {
            drop(tx);
            return Err(match self.db.complaint(id)? {
                None => ApiError::not_found(format!(
                    "pengaduan nomor {id} tidak ada; lihat `loket skm pengaduan list`"
                )),
                Some(_) => ApiError::new(
                    ErrorCode::Conflict,
                    format!("pengaduan nomor {id} sudah dijawab; jawaban tidak diubah"),
                ),
            });
        }
        audit::record(
            &tx,
            now,
            actor.id(),
            COMPLAINT_ANSWER,
            &format!("complaint:{id}"),
            None::<&()>,
            Some(&serde_json::json!({ "answer": answer })),
        )?;
        tx.commit()?;
        let row = self
            .db
            .complaint(id)?
            .ok_or_else(|| ApiError::not_found(format!("pengaduan nomor {id} tidak ada")))?;
        self.complaint_view(&row, now, &cal)
    }

    /// Complaints received from `from` to `to` (inclusive) with their answer state at `now`.
    ///
    /// Errors: `Forbidden` for a deactivated account.
    pub fn complaint_list(
        &mut self,
        actor: &Actor,
        from: NaiveDate,
        to: NaiveDate,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<ComplaintView>, ApiError> {
        self.current(actor)?;
        let cal = self.working_calendar()?;
        self.db
            .complaints(&from.to_string(), &to.to_string())?
            .iter()
            .map(|c| self.complaint_view(c, now, &cal))
            .collect()
    }

    /// The answer time the office set for complaints (hari kerja).
    pub fn complaint_answer_days(&self) -> Result<u32, ApiError> {
        Ok(self.db.complaint_answer_days()?)
    }

    /// Sets the answer time for complaints registered from now on (audited, before and after).
    ///
    /// Errors: `Forbidden` without the administer role; `BadInput` outside 1–60 hari kerja.
    pub fn complaint_set_answer_days(
        &mut self,
        actor: &Actor,
        days: u32,
        now: DateTime<FixedOffset>,
    ) -> Result<u32, ApiError> {
        self.current(actor)?.require(Role::Administer)?;
        if !(1..=MAX_ANSWER_DAYS).contains(&days) {
            return Err(ApiError::bad_input(format!(
                "waktu menjawab {days} hari kerja tidak dapat dipakai; isi 1 sampai {MAX_ANSWER_DAYS} hari kerja"
            )));
        }
        let tx = self.db.begin()?;
        let before = tx.complaint_answer_days()?;
        tx.set_complaint_answer_days(days)?;
        audit::record(
            &tx,
            now,
            actor.id(),
            COMPLAINT_SET_ANSWER_DAYS,
            "complaint_settings",
            Some(&before),
            Some(&days),
        )?;
        tx.commit()?;
        Ok(days)
    }
}

#[cfg(test)]
mod tests {
    use super::channel;

    #[test]
    fn a_channel_is_picked_by_number_text_or_heading() {
        let listed = vec![
            "Website : ppid.demakkab.go.id".to_string(),
            "E-mail : ppid@demakkab.go.id".to_string(),
        ];
        assert_eq!(
            channel("2", &listed, "PPID").unwrap(),
            listed[1],
            "by its number in the standard"
        );
        assert_eq!(
            channel("website", &listed, "PPID").unwrap(),
            listed[0],
            "by the text before the colon"
        );
        let e = channel("WhatsApp", &listed, "PPID").unwrap_err().message;
        assert!(
            e.contains("1 Website") && e.contains("2 E-mail"),
            "a channel the standard does not list is refused with the choices: {e}"
        );
    }
}
