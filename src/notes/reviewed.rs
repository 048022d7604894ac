//! What is reviewed, measured against the documents: which rows and documents the review marks cover
//! now, and per locale how many words that is out of the words of the locale's documents — the
//! scorecard's evaluated word count.
//!
//! Words are counted as the scorecard counts them: the source's words (code excluded) of the reviewed
//! rows, or of the whole document for a document marked reviewed; the translation's own words where a
//! document has no source. A row mark counts while its block's text is the one that was reviewed
//! (found by its fingerprint, where it was or moved); once the text changes, the row needs review again
//! and the mark is counted as outdated. A document mark holds until it is taken back.

use super::anchor::{Fit, anchor_at, anchor_missing, place_anchors, reference_column};
use super::merge::Record;
use super::{ALL_LOCALES, NoteBook, ReviewMark};
use crate::corpus::words::{Evaluated, count_words, word_count};
use crate::review::Review;
use crate::skeleton::BlockKind;
use std::collections::{BTreeMap, HashMap, HashSet};

/// One locale's review progress.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocaleProgress {
    /// The locale.
    pub locale: String,
    /// Words of the rows and documents marked reviewed.
    pub reviewed_words: usize,
    /// Words of all the locale's documents.
    pub total_words: usize,
    /// Documents marked reviewed as a whole in this locale.
    pub reviewed_documents: usize,
    /// The locale's documents.
    pub documents: usize,
}

impl LocaleProgress {
    /// Reviewed words as a share of all words (0 to 1; 0 when the locale has no words).
    pub fn fraction(&self) -> f64 {
        if self.total_words == 0 { 0.0 } else { (self.reviewed_words as f64 / self.total_words as f64).min(1.0) }
    }
}

/// The review marks of a notebook placed in a review.
#[derive(Debug, Clone, Default)]
pub struct ReviewIndex {
    /// (document, column) marked reviewed as a whole.
    whole: HashSet<(usize, usize)>,
    /// (document, row, column) marked reviewed one by one, with the keys of their marks.
    rows: HashMap<(usize, usize, usize), Vec<String>>,
    progress: BTreeMap<String, LocaleProgress>,
    outdated: usize,
}

impl ReviewIndex {
    /// Place the marks of `book` in `review`; `evaluated` holds the words of each locale's documents.
    pub fn compute(review: &Review, book: &NoteBook, evaluated: &Evaluated) -> ReviewIndex {
        let mut index = ReviewIndex::default();
        let names: HashMap<&str, usize> =
            review.corpus.documents.iter().enumerate().map(|(i, d)| (d.name.as_str(), i)).collect();
        let mut row_marks = Vec::new();
        for mark in book.reviewed().iter() {
            match (mark.anchor(), names.get(mark.document.as_str())) {
                (Some(anchor), _) => row_marks.push((mark.key(), anchor)),
                (None, Some(&doc)) => {
                    for column in columns_of(review, doc, &mark.locale) {
                        index.whole.insert((doc, column));
                    }
                }
                (None, None) => {}
            }
        }
        let places = place_anchors(review, row_marks.iter().map(|(_, a)| a));
        for ((key, _), place) in row_marks.into_iter().zip(places) {
            match (place.fit, place.doc, place.row, place.column) {
                (Fit::Exact | Fit::Moved, Some(doc), Some(row), Some(column)) => {
                    index.rows.entry((doc, row, column)).or_default().push(key);
                }
                _ => index.outdated += 1,
            }
        }
        index.progress = progress(review, evaluated, &index);
        index
    }

    /// True when the row is reviewed in `column`'s locale: marked itself, or its document is.
    pub fn is_row_reviewed(&self, doc: usize, row: usize, column: usize) -> bool {
        self.whole.contains(&(doc, column)) || self.rows.contains_key(&(doc, row, column))
    }

    /// True when the document is marked reviewed as a whole in `column`'s locale.
    pub fn is_document_reviewed(&self, doc: usize, column: usize) -> bool {
        self.whole.contains(&(doc, column))
    }

    /// The keys of the marks on one row (not those of its document).
    pub fn row_marks(&self, doc: usize, row: usize, column: usize) -> &[String] {
        self.rows.get(&(doc, row, column)).map_or(&[], Vec::as_slice)
    }

    /// Every translation locale's progress, by locale.
    pub fn progress(&self) -> impl Iterator<Item = &LocaleProgress> {
        self.progress.values()
    }

    /// One locale's progress.
    pub fn progress_of(&self, locale: &str) -> Option<&LocaleProgress> {
        self.progress.get(locale)
    }

    /// Row marks whose text changed since they were made (they count no more).
    pub fn outdated(&self) -> usize {
        self.outdated
    }
}

/// The columns of a document in `locale` (`*`: all of them).
fn columns_of(review: &Review, doc: usize, locale: &str) -> Vec<usize> {
    let files = &review.corpus.documents[doc].files;
    (0..files.len())
        .filter(|&c| locale == ALL_LOCALES || review.corpus.files[files[c]].locale.to_string() == locale)
        .collect()
}

/// Reviewed and total words per translation locale.
fn progress(review: &Review, evaluated: &Evaluated, index: &ReviewIndex) -> BTreeMap<String, LocaleProgress> {
    let mut out: BTreeMap<String, LocaleProgress> = evaluated
        .locales()
        .map(|(locale, words, documents)| {
            let line =
                LocaleProgress { locale: locale.to_owned(), total_words: words, documents, ..Default::default() };
            (locale.to_owned(), line)
        })
        .collect();
    let mut rows_by_column: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for &(doc, row, column) in index.rows.keys() {
        if !index.whole.contains(&(doc, column)) {
            rows_by_column.entry((doc, column)).or_default().push(row);
        }
    }
    let corpus = &review.corpus;
    let mut add = |doc: usize, column: usize, words: usize, whole: bool| {
        let document = &corpus.documents[doc];
        let file = document.files[column];
        if Some(file) == document.source {
            return;
        }
        let locale = corpus.files[file].locale.to_string();
        let line = out.entry(locale.clone()).or_insert_with(|| LocaleProgress { locale, ..Default::default() });
        line.reviewed_words += words;
        line.reviewed_documents += usize::from(whole);
    };
    for &(doc, column) in &index.whole {
        let document = &corpus.documents[doc];
        let counted = document.source.unwrap_or(document.files[column]);
        add(doc, column, word_count(&corpus.files[counted]), true);
    }
    for ((doc, column), rows) in rows_by_column {
        let words = rows.iter().map(|&row| row_words(review, doc, row, column)).sum();
        add(doc, column, words, false);
    }
    out
}

/// The words a reviewed row adds: the source's block in the row (the column's own block where the
/// document has no source), code excluded.
fn row_words(review: &Review, doc: usize, row: usize, column: usize) -> usize {
    let document = &review.corpus.documents[doc];
    let counted = document.source.and_then(|s| document.files.iter().position(|&f| f == s)).unwrap_or(column);
    let Some(block) =
        review.documents[doc].alignment.rows.get(row).and_then(|r| r.cells.get(counted).copied().flatten())
    else {
        return 0;
    };
    let file = &review.corpus.files[document.files[counted]];
    file.skeleton.blocks.get(block).filter(|b| b.kind != BlockKind::Code).map_or(0, |b| count_words(&b.text))
}

/// A mark for one row in `column`'s locale: the locale's block, or for a gap the reference's block.
pub fn row_mark(review: &Review, doc: usize, row: usize, column: usize, by: &str, at: &str) -> Option<ReviewMark> {
    let cells = &review.documents.get(doc)?.alignment.rows.get(row)?.cells;
    let anchor = match cells.get(column).copied().flatten() {
        Some(block) => anchor_at(review, doc, column, block, false, "")?,
        None => {
            let reference = reference_column(review, doc)?;
            let block = cells.get(reference).copied().flatten()?;
            anchor_missing(review, doc, column, reference, block)?
        }
    };
    Some(ReviewMark::row(&anchor, by, at))
}

/// A mark for a whole document, in `column`'s locale or (`None`) in every locale.
pub fn document_mark(review: &Review, doc: usize, column: Option<usize>, by: &str, at: &str) -> Option<ReviewMark> {
    let document = review.corpus.documents.get(doc)?;
    let locale = match column {
        Some(c) => review.corpus.files.get(*document.files.get(c)?)?.locale.to_string(),
        None => ALL_LOCALES.to_owned(),
    };
    Some(ReviewMark::whole(&document.name, &locale, by, at))
}
