//! `skm.list` (the questionnaires of a period) and `skm.questionnaire` (the questions and the
//! choices every screen and the printed form use).

use chrono::NaiveDate;
use loket_db::skm_responses::SkmResponseRow;
use loket_domain::skm::{ikm, nrr, Answers, Education, Occupation, Sex, ELEMENTS};
use loket_domain::tanggal::tanggal;

use super::dto::{Choice, QuestionView, Questionnaire, SkmResponseView};
use crate::account::Actor;
use crate::case::agenda_label;
use crate::{ApiError, Loket};

/// The stored digits as answers (the table's check keeps them 1–4).
pub(crate) fn answers_of(row: &SkmResponseRow) -> Answers {
    let mut values = [1u8; 9];
    for (v, c) in values.iter_mut().zip(row.answers.chars()) {
        *v = c.to_digit(10).map(|d| d as u8).unwrap_or(1);
    }
    Answers(values)
}

fn label_of<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
    c: &str,
) -> String {
    all.iter()
        .copied()
        .find(|v| code(*v) == c)
        .map(label)
        .unwrap_or(c)
        .to_string()
}

impl Loket {
    /// The service's current name, or its id when it is unknown.
    pub(crate) fn service_name(&self, id: &str) -> Result<String, ApiError> {
        Ok(self
            .db
            .service_history(id)?
            .pop()
            .map(|v| v.name)
            .unwrap_or_else(|| id.to_string()))
    }

    pub(crate) fn skm_view(&self, r: &SkmResponseRow) -> Result<SkmResponseView, ApiError> {
        let agenda_number = match r.case_id {
            Some(id) => self
                .db
                .case(id)?
                .map(|c| agenda_label(c.year, c.agenda_seq))
                .unwrap_or_default(),
            None => String::new(),
        };
        let answers = answers_of(r);
        let own = nrr(&[answers]).map(|n| ikm(&n)).unwrap_or_default();
        Ok(SkmResponseView {
            id: r.id,
            case_id: r.case_id,
            agenda_number,
            service_name: self.service_name(&r.service_id)?,
            service_id: r.service_id.clone(),
            answered_on: r.answered_on.clone(),
            answered_words: NaiveDate::parse_from_str(&r.answered_on, "%Y-%m-%d")
                .map(tanggal)
                .unwrap_or_else(|_| r.answered_on.clone()),
            age: r.age,
            sex: label_of(&Sex::ALL, Sex::code, Sex::label, &r.sex),
            education: label_of(
                &Education::ALL,
                Education::code,
                Education::label,
                &r.education,
            ),
            occupation: label_of(
                &Occupation::ALL,
                Occupation::code,
                Occupation::label,
                &r.occupation,
            ),
            answers: answers.0.to_vec(),
            ikm: own,
            suggestion: r.suggestion.clone(),
            source: r.source.clone(),
            entered_by: r.entered_by.clone(),
        })
    }

    /// The questionnaires answered from `from` to `to` (inclusive), oldest first.
    ///
    /// Errors: `Forbidden` for a deactivated account; `BadInput` when `from` is after `to`.
    pub fn skm_list(
        &self,
        actor: &Actor,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<SkmResponseView>, ApiError> {
        self.current(actor)?;
        if from > to {
            return Err(ApiError::bad_input(format!(
                "periode terbalik: {} sesudah {}; tukar keduanya",
                tanggal(from),
                tanggal(to)
            )));
        }
        self.db
            .skm_responses(&from.to_string(), &to.to_string())?
            .iter()
            .map(|r| self.skm_view(r))
            .collect()
    }

    /// The nine questions with their answers, the profile's choices and the catalog's
    /// services. Needs no sign-in: the counter screen shows it.
    pub fn skm_questionnaire(&self) -> Result<Questionnaire, ApiError> {
        let choices = |pairs: Vec<(&str, &str)>| {
            pairs
                .into_iter()
                .map(|(c, l)| Choice {
                    code: c.to_string(),
                    label: l.to_string(),
                })
                .collect::<Vec<_>>()
        };
        let mut services: Vec<Choice> = Vec::new();
        for v in self.db.service_versions()? {
            match services.iter_mut().find(|s| s.code == v.id) {
                Some(s) => s.label = v.name,
                None => services.push(Choice {
                    code: v.id,
                    label: v.name,
                }),
            }
        }
        Ok(Questionnaire {
            questions: ELEMENTS
                .iter()
                .map(|e| QuestionView {
                    code: e.code().to_string(),
                    label: e.label().to_string(),
                    question: e.question().to_string(),
                    answers: e.answers().iter().map(|a| a.to_string()).collect(),
                })
                .collect(),
            sexes: choices(Sex::ALL.iter().map(|s| (s.code(), s.label())).collect()),
            educations: choices(
                Education::ALL
                    .iter()
                    .map(|e| (e.code(), e.label()))
                    .collect(),
            ),
            occupations: choices(
                Occupation::ALL
                    .iter()
                    .map(|o| (o.code(), o.label()))
                    .collect(),
            ),
            services,
        })
    }
}
