//! The reviewers' decisions the QA report shows beside each finding: its review state (its row, its
//! document in its locale, or its whole document marked reviewed) and its false-positive mark. A plain
//! value, filled from the folder's notes file ([`Decisions::of_notes`]) or by hand.

use crate::checks::Finding;
use crate::notes::NoteBook;
use crate::notes::reviewed::ReviewIndex;
use crate::review::Review;
use std::collections::{BTreeMap, BTreeSet};

/// A false-positive mark on a finding.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FalsePositiveMark {
    /// Why it is not a problem (may be empty).
    pub reason: String,
    /// Who marked it (may be empty).
    pub by: String,
    /// When (a date or RFC 3339 time; may be empty).
    pub at: String,
}

/// What reviewers decided about the findings of a folder: the input of the report's last two columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decisions {
    /// False-positive marks, by finding fingerprint.
    pub false_positives: BTreeMap<String, FalsePositiveMark>,
    /// Documents reviewed in every locale, by name.
    pub reviewed_documents: BTreeSet<String>,
    /// Documents reviewed in one locale: (document, locale).
    pub reviewed_locales: BTreeSet<(String, String)>,
    /// Rows reviewed: (document, locale, aligned row).
    pub reviewed_rows: BTreeSet<(String, String, usize)>,
}

impl Decisions {
    /// The review state of a finding's place: the widest scope reviewed, or empty.
    pub fn review_state(&self, f: &Finding) -> &'static str {
        if self.reviewed_documents.contains(&f.document) {
            "reviewed (document)"
        } else if self.reviewed_locales.contains(&(f.document.clone(), f.locale.clone())) {
            "reviewed (document, locale)"
        } else if f.row.is_some_and(|r| self.reviewed_rows.contains(&(f.document.clone(), f.locale.clone(), r))) {
            "reviewed (row)"
        } else {
            ""
        }
    }

    /// The false-positive column of a finding: "yes", with the reason and who/when when known.
    pub fn false_positive(&self, f: &Finding) -> String {
        let Some(mark) = self.false_positives.get(&f.fingerprint) else { return String::new() };
        let mut text = "yes".to_owned();
        if !mark.reason.trim().is_empty() {
            text.push_str(": ");
            text.push_str(mark.reason.trim());
        }
        let who: Vec<&str> = [mark.by.as_str(), mark.at.as_str()].into_iter().filter(|s| !s.is_empty()).collect();
        if !who.is_empty() {
            text.push_str(&format!(" ({})", who.join(", ")));
        }
        text
    }
}

impl Decisions {
    /// The decisions a notes file records about a review's findings (and the ones left out of it as
    /// false positives): its false-positive marks, and what its review marks cover now.
    pub fn of_notes(review: &Review, suppressed: &[Finding], book: &NoteBook) -> Decisions {
        let mut out = Decisions::default();
        for mark in book.suppressed().iter() {
            let at = crate::notes::time::date_of(&mark.at).to_owned();
            out.false_positives.insert(
                mark.fingerprint.clone(),
                FalsePositiveMark { reason: mark.reason.clone(), by: mark.by.clone(), at },
            );
        }
        if book.reviewed().is_empty() {
            return out;
        }
        let index = ReviewIndex::compute(review, book, review.corpus.evaluated());
        for (doc, document) in review.corpus.documents.iter().enumerate() {
            let locales: Vec<String> =
                document.files.iter().map(|&f| review.corpus.files[f].locale.to_string()).collect();
            let whole: Vec<bool> = (0..locales.len()).map(|c| index.is_document_reviewed(doc, c)).collect();
            if !whole.is_empty() && whole.iter().all(|&w| w) {
                out.reviewed_documents.insert(document.name.clone());
            }
            for (c, locale) in locales.iter().enumerate().filter(|(c, _)| whole[*c]) {
                let _ = c;
                out.reviewed_locales.insert((document.name.clone(), locale.clone()));
            }
        }
        for f in review.findings.iter().chain(suppressed) {
            let (Some(row), Some(doc)) = (f.row, review.document_index(&f.document)) else { continue };
            let document = &review.corpus.documents[doc];
            let column = document.files.iter().position(|&x| review.corpus.files[x].locale.to_string() == f.locale);
            if column.is_some_and(|c| index.is_row_reviewed(doc, row, c)) {
                out.reviewed_rows.insert((f.document.clone(), f.locale.clone(), row));
            }
        }
        out
    }
}
