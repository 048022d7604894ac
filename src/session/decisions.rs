//! The review's shared decisions in the window's session: marking rows and documents reviewed, and
//! findings as false positives. Each is a change like a note's: kept in the notebook, saved to the
//! sidecar by autosave, merged with other writers.

use super::{Change, NoteSession};
use crate::checks::Finding;
use crate::notes::merge::Record;
use crate::notes::reviewed::{document_mark, row_mark};
use crate::notes::{ReviewMark, Suppression, time};
use crate::review::Review;
use std::collections::BTreeSet;

impl NoteSession {
    /// Mark the row `row` of document `doc` reviewed in `column`'s locale, by `by`. False when there is
    /// no such row (or no block to anchor it to).
    pub fn mark_row_reviewed(&mut self, review: &Review, doc: usize, row: usize, column: usize, by: &str) -> bool {
        let Some(mark) = row_mark(review, doc, row, column, by, &time::now()) else { return false };
        self.change(Change::Mark(mark), review);
        true
    }

    /// Take back the marks of one row (a mark of its whole document stays: see
    /// [`NoteSession::unmark_document_reviewed`]). False when the row had none.
    pub fn unmark_row_reviewed(&mut self, review: &Review, doc: usize, row: usize, column: usize) -> bool {
        let keys = self.reviewed.row_marks(doc, row, column).to_vec();
        for key in &keys {
            self.change(Change::Unmark(key.clone()), review);
        }
        !keys.is_empty()
    }

    /// Mark document `doc` reviewed as a whole, in `column`'s locale or (`None`) in every locale.
    pub fn mark_document_reviewed(&mut self, review: &Review, doc: usize, column: Option<usize>, by: &str) -> bool {
        let Some(mark) = document_mark(review, doc, column, by, &time::now()) else { return false };
        self.change(Change::Mark(mark), review);
        true
    }

    /// Take back the whole-document mark of `doc` in `column`'s locale, or (`None`) every whole-document
    /// mark of it. When the document is marked for every locale and one locale is taken back, the other
    /// locales stay marked. False when nothing was marked.
    pub fn unmark_document_reviewed(&mut self, review: &Review, doc: usize, column: Option<usize>) -> bool {
        let Some(document) = review.corpus.documents.get(doc) else { return false };
        let marks: Vec<ReviewMark> = self
            .book
            .reviewed()
            .iter()
            .filter(|m| m.is_whole_document() && m.document == document.name)
            .cloned()
            .collect();
        let Some(column) = column else {
            for mark in &marks {
                self.change(Change::Unmark(mark.key()), review);
            }
            return !marks.is_empty();
        };
        let Some(file) = document.files.get(column).and_then(|&f| review.corpus.files.get(f)) else { return false };
        let locale = file.locale.to_string();
        let mut changed = false;
        for mark in marks.iter().filter(|m| m.locale == locale || m.all_locales()) {
            self.change(Change::Unmark(mark.key()), review);
            changed = true;
            if mark.all_locales() {
                // The other locales keep the mark they had through `*`.
                for other in (0..document.files.len()).filter(|&c| c != column) {
                    if let Some(kept) = document_mark(review, doc, Some(other), &mark.by, &time::now())
                        && kept.locale != locale
                    {
                        self.change(Change::Mark(kept), review);
                    }
                }
            }
        }
        changed
    }

    /// True when the finding with this fingerprint is marked as a false positive in the sidecar.
    pub fn is_suppressed(&self, fingerprint: &str) -> bool {
        self.book.is_suppressed(fingerprint)
    }

    /// Mark `finding` as a false positive (or change the reason of its mark), by `by`.
    pub fn suppress(&mut self, review: &Review, finding: &Finding, reason: &str, by: &str) {
        self.change(Change::Suppress(Suppression::of(finding, reason, by, &time::now())), review);
    }

    /// Take back a false-positive mark. False when there was none.
    pub fn unsuppress(&mut self, review: &Review, fingerprint: &str) -> bool {
        if !self.book.is_suppressed(fingerprint) {
            return false;
        }
        self.change(Change::Unsuppress(fingerprint.to_owned()), review);
        true
    }

    /// Move false-positive marks kept elsewhere (the window's user settings, by fingerprint) into the
    /// sidecar, once: each fingerprint that belongs to a finding of this review becomes a sidecar mark
    /// by `by` (unless it is one already). Returns the fingerprints that now live in the sidecar, which
    /// the caller can forget; the others (findings of other folders) are left to it.
    pub fn adopt_false_positives(&mut self, review: &Review, fingerprints: &BTreeSet<String>, by: &str) -> Vec<String> {
        let mut adopted = Vec::new();
        let mut seen = BTreeSet::new();
        for finding in review.findings.iter().filter(|f| fingerprints.contains(&f.fingerprint)) {
            if !seen.insert(finding.fingerprint.clone()) {
                continue;
            }
            if !self.book.is_suppressed(&finding.fingerprint) {
                let mark = Suppression::of(finding, "", by, &time::now());
                self.change(Change::Suppress(mark), review);
            }
            adopted.push(finding.fingerprint.clone());
        }
        adopted
    }
}
