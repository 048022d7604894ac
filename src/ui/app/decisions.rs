//! The review's shared decisions, kept in the folder's notes file through the notes session: findings
//! marked as false positives (with an optional reason; who and when are recorded) and parts of the
//! review marked reviewed (a row, a document in one locale, a whole document). False-positive marks
//! that older versions kept in the user's settings move into the notes file once it is read.

use super::SynopticApp;
use crate::ui::command::ReviewScope;
use crate::ui::views::false_positive::FalsePositiveDraft;
use crate::ui::views::pane_toolbar::ReviewState;

impl SynopticApp {
    /// Open the reason dialog for a finding's false-positive mark.
    pub(super) fn ask_false_positive(&mut self, finding: usize) {
        if self.review.as_ref().is_some_and(|r| finding < r.findings.len()) {
            self.false_positive = Some(FalsePositiveDraft::new(finding));
        }
    }

    /// Mark a finding as a false positive in the notes file.
    pub(super) fn mark_false_positive(&mut self, finding: usize, reason: &str) {
        self.false_positive = None;
        let (Some(review), Some(notes)) = (self.review.clone(), self.notes.as_mut()) else { return };
        let Some(f) = review.findings.get(finding) else { return };
        notes.suppress(&review, f, reason, &self.settings.author_name());
        self.decisions_changed();
    }

    /// Take back a false-positive mark.
    pub(super) fn unmark_false_positive(&mut self, fingerprint: &str) {
        let (Some(review), Some(notes)) = (self.review.clone(), self.notes.as_mut()) else { return };
        // A mark kept in the settings by an older version goes too.
        let legacy = self.settings.false_positives.remove(fingerprint);
        if notes.unsuppress(&review, fingerprint) || legacy {
            self.decisions_changed();
        }
    }

    /// Mark, or unmark when it is marked, a part of the current document reviewed.
    pub(super) fn toggle_reviewed(&mut self, scope: ReviewScope) {
        let (Some(review), Some(view)) = (self.review.clone(), self.view.as_ref()) else { return };
        let doc = view.doc;
        let column = self.review_column();
        let by = self.settings.author_name();
        let Some(notes) = self.notes.as_mut() else { return };
        let done = match (scope, self.selected_cell, column) {
            (ReviewScope::Row, Some((row, column)), _) => {
                if notes.reviewed().row_marks(doc, row, column).is_empty() {
                    notes.mark_row_reviewed(&review, doc, row, column, &by)
                } else {
                    notes.unmark_row_reviewed(&review, doc, row, column)
                }
            }
            (ReviewScope::Row, None, _) => {
                self.error = Some("Select a cell (click it), then press R to mark its row reviewed.".to_owned());
                return;
            }
            (ReviewScope::DocumentLocale, _, Some(column)) => {
                if notes.reviewed().is_document_reviewed(doc, column) {
                    notes.unmark_document_reviewed(&review, doc, Some(column))
                } else {
                    notes.mark_document_reviewed(&review, doc, Some(column), &by)
                }
            }
            (ReviewScope::DocumentLocale, _, None) => false,
            (ReviewScope::Document, _, _) => {
                let columns = review.corpus.documents[doc].files.len();
                if (0..columns).all(|c| notes.reviewed().is_document_reviewed(doc, c)) {
                    notes.unmark_document_reviewed(&review, doc, None)
                } else {
                    notes.mark_document_reviewed(&review, doc, None, &by)
                }
            }
        };
        if done {
            self.decisions_changed();
        }
    }

    /// Once the notes file is read, move the false-positive marks an older version kept in the settings
    /// into it (those of this folder's findings), and forget them in the settings.
    pub(super) fn adopt_settings_false_positives(&mut self) {
        if self.settings.false_positives.is_empty() || self.adopted {
            return;
        }
        let (Some(review), Some(notes)) = (self.review.clone(), self.notes.as_mut()) else { return };
        if notes.is_opening() {
            return;
        }
        self.adopted = true;
        let by = self.settings.author_name();
        let adopted = notes.adopt_false_positives(&review, &self.settings.false_positives, &by);
        for fingerprint in &adopted {
            self.settings.false_positives.remove(fingerprint);
        }
        if !adopted.is_empty() {
            self.decisions_changed();
        }
    }

    /// The column the document review buttons act on: the selected cell's, else the first translation's.
    fn review_column(&self) -> Option<usize> {
        let (review, view) = (self.review.as_ref()?, self.view.as_ref()?);
        self.selected_cell.map(|(_, c)| c).or_else(|| {
            let reference = crate::notes::anchor::reference_column(review, view.doc);
            view.columns.iter().copied().find(|&c| Some(c) != reference).or(view.columns.first().copied())
        })
    }

    /// What the review buttons show for the current document and selection.
    pub(super) fn review_state(&self) -> ReviewState {
        let (Some(view), Some(notes)) = (self.view.as_ref(), self.notes.as_ref()) else {
            return ReviewState::default();
        };
        let index = notes.reviewed();
        let doc = view.doc;
        ReviewState {
            row: self.selected_cell.map(|(row, column)| index.is_row_reviewed(doc, row, column)),
            locale: self.review_column().map(|c| (view.locales[c].clone(), index.is_document_reviewed(doc, c))),
            document: (0..view.locales.len()).all(|c| index.is_document_reviewed(doc, c)),
        }
    }

    /// Marks changed: what is drawn from them is redone.
    fn decisions_changed(&mut self) {
        self.panes.findings_changed();
        self.problems.invalidate();
    }
}
