//! Exports of the reviewer's notes for the translators: one row per note with where it is and the
//! reference and translated text beside it, and the MQM scorecard — as CSV, XLSX, self-contained HTML or
//! JSON. [`collect`] gathers the rows once; each format's writer only lays them out.

pub mod csv;
pub(crate) mod html;
pub(crate) mod xlsx;

use crate::error::{Error, Result};
use crate::notes::anchor::{Fit, Placements, reference_column};
use crate::notes::{ALL_LOCALES, Note, NoteBook, time};
use crate::review::Review;
use crate::scorecard::{self, LocaleScore, ScoringModel};
use crate::util::escape::{visible, visible_lines};
use serde::Serialize;
use std::path::Path;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Comma-separated values, UTF-8 with a byte-order mark (Excel opens it as UTF-8).
    Csv,
    /// An Excel workbook: a summary sheet and one sheet per locale.
    Xlsx,
    /// One self-contained HTML page with the scorecard.
    Html,
    /// Everything, as JSON.
    Json,
}

impl ExportFormat {
    /// The format a file name's extension asks for.
    pub fn from_path(path: &Path) -> Option<ExportFormat> {
        match path.extension()?.to_string_lossy().to_ascii_lowercase().as_str() {
            "csv" => Some(ExportFormat::Csv),
            "xlsx" => Some(ExportFormat::Xlsx),
            "html" | "htm" => Some(ExportFormat::Html),
            "json" => Some(ExportFormat::Json),
            _ => None,
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Html => "html",
            ExportFormat::Json => "json",
        }
    }
}

/// The column titles of a note row, in CSV and XLSX order.
pub const COLUMNS: [&str; 13] = [
    "document",
    "locale",
    "file",
    "line",
    "section",
    "reference text",
    "translated text",
    "category",
    "severity",
    "status",
    "note",
    "author",
    "date",
];

/// The column titles of the scorecard table, in every format.
pub const SCORECARD_COLUMNS: [&str; 12] = [
    "locale",
    "documents",
    "reviewed words",
    "all words",
    "neutral",
    "minor",
    "major",
    "critical",
    "penalty",
    "per 1,000 words",
    "score",
    "result",
];

/// What the scorecard's evaluated word count is, stated on every scorecard.
pub const SCOPE: &str = "Evaluated words: the words of the rows and documents marked reviewed, of all the words of \
     the locale's documents (source words, code excluded). A locale with nothing reviewed is not scored.";

/// A scorecard line's cells in [`SCORECARD_COLUMNS`] order.
pub fn scorecard_cells(s: &LocaleScore) -> [String; 12] {
    [
        s.locale.clone(),
        s.documents.to_string(),
        s.words.to_string(),
        s.total_words.to_string(),
        s.notes[0].to_string(),
        s.notes[1].to_string(),
        s.notes[2].to_string(),
        s.notes[3].to_string(),
        format_score(s.penalty),
        format_score(s.per_thousand_words),
        format_score(s.score),
        s.verdict.label().to_owned(),
    ]
}

/// One note, where it is now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteRow {
    /// The document.
    pub document: String,
    /// The locale, or `*` for all.
    pub locale: String,
    /// The file, relative to the folder.
    pub file: String,
    /// The block's first line, when the note's block was found.
    pub line: Option<usize>,
    /// The heading of the block's section.
    pub section: String,
    /// The reference's text in the note's row.
    pub reference_text: String,
    /// The translation's text in the note's row (empty for an all-locale note).
    pub translated_text: String,
    /// MQM category.
    pub category: String,
    /// MQM severity.
    pub severity: String,
    /// open, resolved or won't fix.
    pub status: String,
    /// The note's text.
    pub note: String,
    /// Its author.
    pub author: String,
    /// When it last changed (date).
    pub date: String,
    /// The block could not be found again after the documents changed.
    pub outdated: bool,
    /// The note id.
    pub id: String,
    /// The note's quote.
    pub quote: String,
}

impl NoteRow {
    /// The cells in [`COLUMNS`] order.
    pub fn cells(&self) -> [String; 13] {
        [
            self.document.clone(),
            self.locale.clone(),
            self.file.clone(),
            self.line.map_or_else(String::new, |l| l.to_string()),
            self.section.clone(),
            self.reference_text.clone(),
            self.translated_text.clone(),
            self.category.clone(),
            self.severity.clone(),
            self.status.clone(),
            self.note.clone(),
            self.author.clone(),
            self.date.clone(),
        ]
    }
}

/// Everything an export holds.
#[derive(Debug, Clone, Serialize)]
pub struct Export {
    /// The reviewed folder.
    pub folder: String,
    /// When the export was made (RFC 3339).
    pub generated: String,
    /// The scoring model in force.
    pub scoring: ScoringModel,
    /// The scorecard, per locale.
    pub scorecard: Vec<LocaleScore>,
    /// One row per note, by document, locale and line.
    pub notes: Vec<NoteRow>,
}

/// Gather the rows and the scorecard.
pub fn collect(review: &Review, book: &NoteBook) -> Export {
    collect_placed(review, book, &Placements::compute(review, book))
}

/// [`collect`] with the notes already placed (the window has them).
pub fn collect_placed(review: &Review, book: &NoteBook, placements: &Placements) -> Export {
    let mut notes: Vec<NoteRow> = book.iter().map(|n| row_of(review, placements, n)).collect();
    notes.sort_by(|a, b| {
        (&a.document, &a.locale, a.line.unwrap_or(usize::MAX), &a.id).cmp(&(
            &b.document,
            &b.locale,
            b.line.unwrap_or(usize::MAX),
            &b.id,
        ))
    });
    Export {
        folder: visible(&review.corpus.root.display().to_string()).into_owned(),
        generated: time::now(),
        scoring: review.scoring,
        scorecard: scorecard::scorecard(review, book, &review.scoring),
        notes,
    }
}

/// A note's row, its names and texts escaped so that no control character reaches a spreadsheet, a
/// page or a terminal showing the file.
fn row_of(review: &Review, placements: &Placements, note: &Note) -> NoteRow {
    let mut row = raw_row_of(review, placements, note);
    for name in [&mut row.document, &mut row.locale, &mut row.file, &mut row.section, &mut row.author] {
        *name = visible(name).into_owned();
    }
    for text in [&mut row.reference_text, &mut row.translated_text, &mut row.note, &mut row.quote] {
        *text = visible_lines(text).into_owned();
    }
    row
}

fn raw_row_of(review: &Review, placements: &Placements, note: &Note) -> NoteRow {
    let place = placements.of(note);
    let mut row = NoteRow {
        document: note.anchor.document.clone(),
        locale: note.anchor.locale.clone(),
        file: note.anchor.file.clone(),
        line: None,
        section: note.anchor.section.clone(),
        reference_text: String::new(),
        translated_text: String::new(),
        category: note.category.label().to_owned(),
        severity: note.severity.as_str().to_owned(),
        status: note.status.label().to_owned(),
        note: note.text.clone(),
        author: note.author.clone(),
        date: time::date_of(&note.updated).to_owned(),
        outdated: place.is_none_or(|p| p.fit == Fit::Outdated),
        id: note.id.clone(),
        quote: note.anchor.quote.clone(),
    };
    let Some(place) = place else { return row };
    let (Some(doc), Some(column), Some(block_column)) = (place.doc, place.column, place.block_column) else {
        return row;
    };
    let document = &review.corpus.documents[doc];
    let file = &review.corpus.files[document.files[block_column]];
    row.file = file.rel.clone();
    if let Some(block) = place.block.and_then(|b| file.skeleton.blocks.get(b)) {
        row.line = Some(block.line);
        if let Some(heading) = block.section.and_then(|h| file.skeleton.blocks.get(h)) {
            row.section = heading.text.clone();
        }
        // A note about missing text has no translated text: its block is the reference's.
        if note.anchor.locale != ALL_LOCALES && place.fit != Fit::Outdated && block_column == column {
            row.translated_text = source_of(file, block);
        }
    }
    let reference = reference_column(review, doc);
    let alignment = &review.documents[doc].alignment;
    if let (Some(r), Some(rc)) = (place.row, reference)
        && let Some(b) = alignment.rows.get(r).and_then(|row| row.cells.get(rc).copied().flatten())
    {
        let ref_file = &review.corpus.files[document.files[rc]];
        row.reference_text = ref_file.skeleton.blocks.get(b).map_or_else(String::new, |b| source_of(ref_file, b));
    }
    row
}

/// A block as the translator knows it: its Markdown, so inline code, links and code blocks are all there.
fn source_of(file: &crate::corpus::SourceFile, block: &crate::skeleton::Block) -> String {
    file.text.get(block.range.clone()).unwrap_or_default().trim().to_owned()
}

/// Write an export to `path` in `format`.
pub fn write(export: &Export, format: ExportFormat, path: &Path) -> Result<()> {
    let fail = |reason: String| Error::Export { path: path.to_path_buf(), reason };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty() && !p.is_dir()) {
        return Err(fail(format!("the folder {} does not exist", parent.display())));
    }
    let bytes = render(export, format).map_err(fail)?;
    crate::util::fs::write_atomic(path, &bytes).map_err(|e| fail(e.to_string()))
}

/// An export's bytes in `format`.
pub fn render(export: &Export, format: ExportFormat) -> std::result::Result<Vec<u8>, String> {
    match format {
        ExportFormat::Csv => csv::render(export),
        ExportFormat::Xlsx => xlsx::render(export),
        ExportFormat::Html => Ok(html::render(export).into_bytes()),
        ExportFormat::Json => serde_json::to_vec_pretty(export).map_err(|e| e.to_string()),
    }
}

/// The locales of the export's sheets or sections: every scored locale, then any other with notes
/// (all-locale notes are shown under each locale).
fn locales(export: &Export) -> Vec<String> {
    let mut out: Vec<String> = export.scorecard.iter().map(|s| s.locale.clone()).collect();
    for row in &export.notes {
        if row.locale != ALL_LOCALES && !out.contains(&row.locale) {
            out.push(row.locale.clone());
        }
    }
    out
}

/// The notes shown under a locale: its own and the all-locale ones.
fn rows_for<'a>(export: &'a Export, locale: &'a str) -> impl Iterator<Item = &'a NoteRow> + 'a {
    export.notes.iter().filter(move |r| r.locale == locale || (r.locale == ALL_LOCALES && locale != ALL_LOCALES))
}

/// A score as the scorecard prints it.
fn format_score(value: f64) -> String {
    if value.is_finite() { format!("{value:.2}") } else { "n/a".to_owned() }
}
