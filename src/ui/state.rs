//! View state shared by the app and its views: what the window shows of the current document
//! ([`DocView`]), what the panes mark besides the documents ([`Marks`]) and the status line. The app
//! derives it from the review; views only read it.

use crate::corpus::skips::SkipCounts;
use crate::review::Review;
use crate::session::NoteSession;
use std::collections::BTreeMap;

/// True when a finding is marked as a false positive in the folder's notes file.
pub fn is_false_positive(notes: Option<&NoteSession>, fingerprint: &str) -> bool {
    notes.is_some_and(|n| n.is_suppressed(fingerprint))
}

/// What the window shows of the current document: derived from the review once, when it is selected.
#[derive(Debug, Clone, Default)]
pub struct DocView {
    /// Index into the corpus documents.
    pub doc: usize,
    /// The locale of each column, in the document's order.
    pub locales: Vec<String>,
    /// The visible columns, in display order.
    pub columns: Vec<usize>,
    /// The document's locales whose panes are hidden, in the folder's order.
    pub hidden: Vec<String>,
    /// The source's locale, when the document has one.
    pub source: Option<String>,
    /// Findings (indices) of each aligned row.
    pub by_row: BTreeMap<usize, Vec<usize>>,
    /// Findings of the document that belong to no row.
    pub unplaced: Vec<usize>,
    /// The document's findings with a row, in row order (for F8).
    pub in_order: Vec<usize>,
}

/// What the panes mark besides the documents: the selected finding's row, the find match, the
/// selected cell and the notes.
pub struct Marks<'a> {
    /// The aligned row of the selected finding.
    pub highlight: Option<usize>,
    /// The (row, column) of the current find match.
    pub find: Option<(usize, usize)>,
    /// The selected (row, column): where a new note goes.
    pub selected_cell: Option<(usize, usize)>,
    /// The notes, with where each is shown.
    pub notes: Option<&'a NoteSession>,
    /// The find bar's text, highlighted wherever it occurs (empty: nothing).
    pub find_text: &'a str,
    /// The selected finding, the terms its message quotes and the columns (its locale's and the
    /// reference's) where they are highlighted in its row.
    pub flagged: Option<Flagged>,
}

/// What the selected finding flags, for highlighting in its row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flagged {
    /// The finding (index into the review's findings).
    pub finding: usize,
    /// Its aligned row.
    pub row: usize,
    /// The columns to highlight in.
    pub columns: Vec<usize>,
    /// The terms to highlight.
    pub terms: Vec<String>,
}

/// The status line: what is open, and the details on hover.
#[derive(Debug, Default, Clone)]
pub struct StatusLine {
    /// The line itself.
    pub line: String,
    /// The details shown on hover.
    pub details: String,
    /// Scripts of the shown document that no installed font covers, and what to install.
    pub missing_fonts: Option<String>,
}

impl StatusLine {
    /// The line of a loaded review: folder, documents, files, locales and skipped files.
    pub fn of(review: &Review) -> StatusLine {
        let corpus = &review.corpus;
        let folder = corpus
            .root
            .file_name()
            .map_or_else(|| corpus.root.display().to_string(), |n| n.to_string_lossy().into_owned());
        let counts = SkipCounts::of(corpus);
        let skipped = match (counts.total(), counts.ignored()) {
            (0, _) => String::new(),
            (n, 0) => format!(", {n} skipped"),
            (n, ignored) => format!(", {n} skipped ({ignored} ignored by .gitignore)"),
        };
        let line = format!(
            "{folder} — {} documents, {} files, {} locales{skipped}",
            corpus.documents.len(),
            corpus.files.len(),
            corpus.locales().len()
        );
        let by_reason = (counts.total() > 0).then(|| format!("skipped: {}", counts.describe()));
        let details = std::iter::once(corpus.root.display().to_string())
            .chain(by_reason)
            .chain(corpus.skipped.iter().map(|(f, why)| format!("skipped {f}: {why}")))
            .collect::<Vec<_>>()
            .join("\n");
        StatusLine { line, details, missing_fonts: None }
    }

    /// True before anything is loaded.
    pub fn is_empty(&self) -> bool {
        self.line.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::WalkCounts;

    #[test]
    fn the_status_line_counts_what_was_skipped_and_names_the_ignored() {
        let mut review = Review::default();
        review.corpus.root = std::path::PathBuf::from("/work/delivery");
        review.corpus.walk_counts = WalkCounts { ignored_files: 2, ignored_folders: 1, not_markdown: 40 };
        review.corpus.skipped.push(("README.md".into(), "outside the locale folders".into()));
        let status = StatusLine::of(&review);
        assert_eq!(status.line, "delivery — 0 documents, 0 files, 0 locales, 44 skipped (3 ignored by .gitignore)");
        assert_eq!(
            status.details,
            "/work/delivery\n\
             skipped: 40 not Markdown by name, 2 files ignored by .gitignore, 1 folder ignored by .gitignore, \
             1 outside the locale folders\n\
             skipped README.md: outside the locale folders"
        );
        let clean = StatusLine::of(&Review::default());
        assert!(!clean.line.contains("skipped"), "{}", clean.line);
    }
}
