//! The MQM scorecard: per locale, the evaluated word count, the penalty points of the reviewer's notes,
//! the penalty per 1,000 words, the quality score and pass or fail.
//!
//! The model is MQM's raw scoring: each note adds its severity's penalty (neutral 0, minor 1, major 5,
//! critical 25 by default); notes marked "won't fix" are not counted; a note for all locales counts in
//! each. The evaluated word count is the words of what was marked reviewed in the locale
//! ([`crate::notes::reviewed`]): the source's words of the reviewed rows and documents (the translation's
//! own words when a document has no source), code excluded; the scorecard states it beside the words of
//! all the locale's documents. A locale with nothing reviewed is "not yet reviewed", never a pass. The
//! quality score is `100 × (1 − penalty ÷ words)`, and a locale passes when its score is at least the
//! threshold (default 99, i.e. at most 10 penalty points per 1,000 words). Both are set in `synoptic.toml`:
//!
//! ```toml
//! [scorecard]
//! threshold = 98.5
//! penalties = { neutral = 0, minor = 1, major = 5, critical = 25 }
//! ```

pub use crate::config::{Penalties, ScoringModel};
use crate::notes::reviewed::ReviewIndex;
use crate::notes::{ALL_LOCALES, NoteBook, NoteSeverity, NoteStatus};
use crate::review::Review;
use serde::Serialize;
use std::collections::BTreeMap;

/// The points of one note of `severity` under `penalties`.
fn penalty_of(penalties: &Penalties, severity: NoteSeverity) -> f64 {
    match severity {
        NoteSeverity::Neutral => penalties.neutral,
        NoteSeverity::Minor => penalties.minor,
        NoteSeverity::Major => penalties.major,
        NoteSeverity::Critical => penalties.critical,
    }
}

/// A locale's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The quality score is at least the threshold.
    Pass,
    /// The quality score is below the threshold.
    Fail,
    /// Nothing of the locale is marked reviewed yet: there is no evaluated text to score.
    NotReviewed,
}

impl Verdict {
    /// The words a scorecard shows.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::NotReviewed => "not yet reviewed",
        }
    }
}

/// One locale's line of the scorecard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocaleScore {
    /// The locale.
    pub locale: String,
    /// The locale's documents.
    pub documents: usize,
    /// Documents marked reviewed as a whole.
    pub reviewed_documents: usize,
    /// The evaluated word count: the words of the rows and documents marked reviewed.
    pub words: usize,
    /// The words of all the locale's documents.
    pub total_words: usize,
    /// Counted notes by severity: neutral, minor, major, critical.
    pub notes: [usize; 4],
    /// Sum of the counted notes' penalties.
    pub penalty: f64,
    /// Penalty points per 1,000 evaluated words (not a number when nothing is reviewed).
    pub per_thousand_words: f64,
    /// `100 × (1 − penalty ÷ words)`; 100 without penalties; not a number when nothing is reviewed.
    pub score: f64,
    /// Score at least the threshold (false when nothing is reviewed).
    pub pass: bool,
    /// Pass, fail, or not yet reviewed.
    pub verdict: Verdict,
}

/// The scorecard of every translation locale (and of any other locale with notes).
pub fn scorecard(review: &Review, book: &NoteBook, model: &ScoringModel) -> Vec<LocaleScore> {
    scorecard_of(&ReviewIndex::compute(review, book, review.corpus.evaluated()), book, model)
}

/// [`scorecard`] with the review marks already placed. The evaluated word count of a locale is its
/// reviewed words; a locale with nothing reviewed is "not yet reviewed" rather than scored.
pub fn scorecard_of(reviewed: &ReviewIndex, book: &NoteBook, model: &ScoringModel) -> Vec<LocaleScore> {
    let mut lines: BTreeMap<String, LocaleScore> = reviewed
        .progress()
        .map(|p| {
            let mut line = empty_line(&p.locale);
            (line.documents, line.reviewed_documents) = (p.documents, p.reviewed_documents);
            (line.words, line.total_words) = (p.reviewed_words, p.total_words);
            (p.locale.clone(), line)
        })
        .collect();
    for note in book.iter().filter(|n| n.status != NoteStatus::WontFix) {
        let targets: Vec<String> = if note.anchor.locale == ALL_LOCALES {
            lines.keys().cloned().collect()
        } else {
            vec![note.anchor.locale.clone()]
        };
        for locale in targets {
            let line = lines.entry(locale.clone()).or_insert_with(|| empty_line(&locale));
            line.notes[note.severity.index()] += 1;
            line.penalty += penalty_of(&model.penalties, note.severity);
        }
    }
    lines.into_values().map(|line| finish(line, model)).collect()
}

fn empty_line(locale: &str) -> LocaleScore {
    LocaleScore {
        locale: locale.to_owned(),
        documents: 0,
        reviewed_documents: 0,
        words: 0,
        total_words: 0,
        notes: [0; 4],
        penalty: 0.0,
        per_thousand_words: 0.0,
        score: 100.0,
        pass: true,
        verdict: Verdict::Pass,
    }
}

fn finish(mut line: LocaleScore, model: &ScoringModel) -> LocaleScore {
    if line.words == 0 {
        line.per_thousand_words = f64::NAN;
        line.score = f64::NAN;
        line.pass = false;
        line.verdict = Verdict::NotReviewed;
        return line;
    }
    line.per_thousand_words = line.penalty * 1000.0 / line.words as f64;
    line.score = 100.0 * (1.0 - line.penalty / line.words as f64);
    line.pass = line.score + 1e-9 >= model.threshold;
    line.verdict = if line.pass { Verdict::Pass } else { Verdict::Fail };
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_follow_mqm_raw_scoring() {
        let model = ScoringModel::default();
        let scored = |words: usize, penalty: f64| {
            let mut line = empty_line("de");
            (line.words, line.penalty) = (words, penalty);
            finish(line, &model)
        };
        let line = scored(1000, 5.0 + 1.0);
        assert!((line.per_thousand_words - 6.0).abs() < 1e-9);
        assert!((line.score - 99.4).abs() < 1e-9);
        assert_eq!((line.pass, line.verdict), (true, Verdict::Pass));
        let line = scored(1000, 25.0);
        assert!((line.score - 97.5).abs() < 1e-9);
        assert_eq!((line.pass, line.verdict), (false, Verdict::Fail));
        let clean = scored(200, 0.0);
        assert_eq!((clean.score, clean.verdict), (100.0, Verdict::Pass));
        // Nothing reviewed: no score, and not a pass, with or without notes.
        for penalty in [0.0, 25.0] {
            let line = scored(0, penalty);
            assert_eq!((line.verdict, line.pass), (Verdict::NotReviewed, false));
            assert!(line.score.is_nan() && line.per_thousand_words.is_nan());
        }
    }
}
