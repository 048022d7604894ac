//! The MQM scorecard: per locale, the evaluated word count, the penalty points of the reviewer's notes,
//! the penalty per 1,000 words, the quality score and pass or fail.
//!
//! The model is MQM's raw scoring: each note adds its severity's penalty (neutral 0, minor 1, major 5,
//! critical 25 by default); notes marked "won't fix" are not counted; a note for all locales counts in
//! each. The evaluated word count is the source's words in the documents the locale has (the
//! translation's own words when a document has no source), code excluded. The quality score is
//! `100 × (1 − penalty ÷ words)`, and a locale passes when its score is at least the threshold
//! (default 99, i.e. at most 10 penalty points per 1,000 words). Both are set in `synoptic.toml`:
//!
//! ```toml
//! [scorecard]
//! threshold = 98.5
//! penalties = { neutral = 0, minor = 1, major = 5, critical = 25 }
//! ```

use crate::corpus::SourceFile;
use crate::notes::{ALL_LOCALES, NoteBook, NoteSeverity, NoteStatus};
use crate::review::Review;
use crate::skeleton::BlockKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Penalty points per severity.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Penalties {
    /// Neutral notes (default 0).
    pub neutral: f64,
    /// Minor (default 1).
    pub minor: f64,
    /// Major (default 5).
    pub major: f64,
    /// Critical (default 25).
    pub critical: f64,
}

impl Default for Penalties {
    fn default() -> Self {
        Penalties { neutral: 0.0, minor: 1.0, major: 5.0, critical: 25.0 }
    }
}

impl Penalties {
    /// The points of one note of this severity.
    pub fn of(&self, severity: NoteSeverity) -> f64 {
        match severity {
            NoteSeverity::Neutral => self.neutral,
            NoteSeverity::Minor => self.minor,
            NoteSeverity::Major => self.major,
            NoteSeverity::Critical => self.critical,
        }
    }
}

/// How notes are scored.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScoringModel {
    /// Penalty points per severity.
    pub penalties: Penalties,
    /// The lowest passing quality score.
    pub threshold: f64,
}

impl Default for ScoringModel {
    fn default() -> Self {
        ScoringModel { penalties: Penalties::default(), threshold: 99.0 }
    }
}

/// One locale's line of the scorecard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocaleScore {
    /// The locale.
    pub locale: String,
    /// Documents evaluated (those the locale has).
    pub documents: usize,
    /// Evaluated word count.
    pub words: usize,
    /// Counted notes by severity: neutral, minor, major, critical.
    pub notes: [usize; 4],
    /// Sum of the counted notes' penalties.
    pub penalty: f64,
    /// Penalty points per 1,000 evaluated words.
    pub per_thousand_words: f64,
    /// `100 × (1 − penalty ÷ words)`; 100 without penalties.
    pub score: f64,
    /// Score at least the threshold.
    pub pass: bool,
}

/// Per translation locale, the evaluated word count and the number of documents: what the scorecard
/// needs of the documents, counted once per load.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evaluated {
    words: BTreeMap<String, usize>,
    documents: BTreeMap<String, usize>,
}

impl Evaluated {
    /// Count the words of a review's documents.
    pub fn of(review: &Review) -> Evaluated {
        let (words, documents) = evaluated_words(review);
        Evaluated { words, documents }
    }
}

/// The scorecard of every translation locale (and of any other locale with notes).
pub fn scorecard(review: &Review, book: &NoteBook, model: &ScoringModel) -> Vec<LocaleScore> {
    match &review.evaluated {
        Some(counted) => scorecard_of(counted, book, model),
        None => scorecard_of(&Evaluated::of(review), book, model),
    }
}

/// [`scorecard`] with the words already counted.
pub fn scorecard_of(evaluated: &Evaluated, book: &NoteBook, model: &ScoringModel) -> Vec<LocaleScore> {
    let (words, documents) = (&evaluated.words, &evaluated.documents);
    let mut lines: BTreeMap<String, LocaleScore> = words
        .iter()
        .map(|(locale, &w)| (locale.clone(), empty_line(locale, w, documents.get(locale).copied().unwrap_or(0))))
        .collect();
    for note in book.iter().filter(|n| n.status != NoteStatus::WontFix) {
        let targets: Vec<String> = if note.anchor.locale == ALL_LOCALES {
            lines.keys().cloned().collect()
        } else {
            vec![note.anchor.locale.clone()]
        };
        for locale in targets {
            let line = lines.entry(locale.clone()).or_insert_with(|| empty_line(&locale, 0, 0));
            line.notes[note.severity.index()] += 1;
            line.penalty += model.penalties.of(note.severity);
        }
    }
    lines.into_values().map(|line| finish(line, model)).collect()
}

fn empty_line(locale: &str, words: usize, documents: usize) -> LocaleScore {
    LocaleScore {
        locale: locale.to_owned(),
        documents,
        words,
        notes: [0; 4],
        penalty: 0.0,
        per_thousand_words: 0.0,
        score: 100.0,
        pass: true,
    }
}

fn finish(mut line: LocaleScore, model: &ScoringModel) -> LocaleScore {
    if line.penalty > 0.0 {
        if line.words == 0 {
            line.per_thousand_words = f64::INFINITY;
            line.score = 0.0;
        } else {
            line.per_thousand_words = line.penalty * 1000.0 / line.words as f64;
            line.score = 100.0 * (1.0 - line.penalty / line.words as f64);
        }
    }
    line.pass = line.score + 1e-9 >= model.threshold;
    line
}

/// Per translation locale, the evaluated word count and the number of documents it has.
fn evaluated_words(review: &Review) -> (BTreeMap<String, usize>, BTreeMap<String, usize>) {
    let corpus = &review.corpus;
    let mut words: BTreeMap<String, usize> = BTreeMap::new();
    let mut documents: BTreeMap<String, usize> = BTreeMap::new();
    for document in &corpus.documents {
        let source = document.source.map(|s| &corpus.files[s]);
        let source_words = source.map(word_count);
        for &f in &document.files {
            if Some(f) == document.source {
                continue;
            }
            let file = &corpus.files[f];
            let locale = file.locale.to_string();
            *words.entry(locale.clone()).or_default() += source_words.unwrap_or_else(|| word_count(file));
            *documents.entry(locale).or_default() += 1;
        }
    }
    (words, documents)
}

/// The words of a file's text, code excluded.
pub fn word_count(file: &SourceFile) -> usize {
    file.skeleton.blocks.iter().filter(|b| b.kind != BlockKind::Code).map(|b| count_words(&b.text)).sum()
}

/// Words in text: runs of letters or digits between spaces, and each Chinese or Japanese character
/// (those scripts do not separate words with spaces).
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .map(|token| {
            let ideographs = token.chars().filter(|&c| is_ideographic(c)).count();
            let rest = token.chars().any(|c| c.is_alphanumeric() && !is_ideographic(c));
            ideographs + usize::from(rest)
        })
        .sum()
}

fn is_ideographic(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_in_spaced_and_unspaced_scripts() {
        assert_eq!(count_words("Install the SDK, then run `pip` — done."), 7);
        assert_eq!(count_words("インストール"), 6);
        assert_eq!(count_words("使用 Azure ML"), 4);
        assert_eq!(count_words("  — ... "), 0);
    }

    #[test]
    fn scores_follow_mqm_raw_scoring() {
        let model = ScoringModel::default();
        let mut line = empty_line("de", 1000, 1);
        line.penalty = 5.0 + 1.0;
        let line = finish(line, &model);
        assert!((line.per_thousand_words - 6.0).abs() < 1e-9);
        assert!((line.score - 99.4).abs() < 1e-9);
        assert!(line.pass);
        let mut line = empty_line("fr", 1000, 1);
        line.penalty = 25.0;
        let line = finish(line, &model);
        assert!((line.score - 97.5).abs() < 1e-9);
        assert!(!line.pass);
        let clean = finish(empty_line("es", 0, 0), &model);
        assert_eq!((clean.score, clean.pass), (100.0, true));
    }
}
