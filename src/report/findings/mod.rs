//! The QA report of findings, as Xbench and Verifika users send it to translators: one row per finding
//! with where it is (document, locale, file:line), what it is (check, severity, message), the source and
//! translation text of its aligned row, and the reviewer's decisions about it (review state, false-positive
//! mark). [`collect`] gathers the rows once; `csv`, `xlsx` and `html` only lay them out.
//!
//! The decisions come in as a plain [`Decisions`] value, so the command line and the window fill it from
//! wherever they keep those decisions; an empty one leaves the two columns empty.

mod csv;
mod decisions;
mod html;
mod xlsx;

pub use decisions::{Decisions, FalsePositiveMark};

use crate::checks::{Finding, Severity};
use crate::error::{Error, Result};
use crate::review::Review;
use std::collections::BTreeMap;
use std::path::Path;

/// A file format of the findings report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingsFormat {
    /// Comma-separated values, UTF-8 with a byte-order mark.
    Csv,
    /// An Excel workbook: a summary sheet and one sheet per locale.
    Xlsx,
    /// One self-contained HTML page.
    Html,
}

impl FindingsFormat {
    /// The format a file name's extension asks for.
    pub fn from_path(path: &Path) -> Option<FindingsFormat> {
        match path.extension()?.to_string_lossy().to_ascii_lowercase().as_str() {
            "csv" => Some(FindingsFormat::Csv),
            "xlsx" => Some(FindingsFormat::Xlsx),
            "html" | "htm" => Some(FindingsFormat::Html),
            _ => None,
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            FindingsFormat::Csv => "csv",
            FindingsFormat::Xlsx => "xlsx",
            FindingsFormat::Html => "html",
        }
    }
}

/// The column titles of a finding row, in CSV, XLSX and HTML order.
pub const COLUMNS: [&str; 10] = [
    "document",
    "locale",
    "file:line",
    "check",
    "severity",
    "message",
    "source text",
    "translation text",
    "review state",
    "false positive",
];

/// One finding, with its row's text and the decisions about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingRow {
    /// The document.
    pub document: String,
    /// The locale, or `*` for a finding shared by every locale.
    pub locale: String,
    /// The file, relative to the folder.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// The check id.
    pub check: &'static str,
    /// error, warning or info.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// The source's (else the reference column's) Markdown in the finding's row.
    pub source_text: String,
    /// The finding locale's Markdown in that row (empty when it is the source's own row or a gap).
    pub translation_text: String,
    /// The review state of the finding's place.
    pub review_state: String,
    /// The false-positive mark.
    pub false_positive: String,
    /// The finding's fingerprint (stable across edits).
    pub fingerprint: String,
}

impl FindingRow {
    /// `file:line`.
    pub fn location(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }

    /// The cells in [`COLUMNS`] order.
    pub fn cells(&self) -> [String; 10] {
        [
            self.document.clone(),
            self.locale.clone(),
            self.location(),
            self.check.to_owned(),
            self.severity.as_str().to_owned(),
            self.message.clone(),
            self.source_text.clone(),
            self.translation_text.clone(),
            self.review_state.clone(),
            self.false_positive.clone(),
        ]
    }
}

/// Counts of one locale (or of the whole folder) for the summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocaleCounts {
    /// The locale (`*`: shared by all locales; `total`: the sum).
    pub locale: String,
    /// Findings by severity: error, warning, info (false positives excluded).
    pub by_severity: [usize; 3],
    /// Findings marked as false positives.
    pub false_positives: usize,
    /// All findings.
    pub total: usize,
}

/// Everything the report holds.
#[derive(Debug, Clone)]
pub struct FindingsReport {
    /// The reviewed folder.
    pub folder: String,
    /// When the report was made (RFC 3339).
    pub generated: String,
    /// The source locale, when there is one.
    pub source: Option<String>,
    /// One row per finding, in the review's order (document, locale, file, line).
    pub rows: Vec<FindingRow>,
}

/// Gather the report's rows from a review, the findings left out of it as false positives (listed too,
/// marked as such) and the decisions about them.
pub fn collect(review: &Review, suppressed: &[Finding], decisions: &Decisions) -> FindingsReport {
    let mut findings: Vec<&Finding> = review.findings.iter().chain(suppressed).collect();
    // The review's order: document, locale, file, line, column, check.
    findings.sort_by(|a, b| {
        (&a.document, &a.locale, &a.file, a.line, a.column, a.id).cmp(&(
            &b.document,
            &b.locale,
            &b.file,
            b.line,
            b.column,
            b.id,
        ))
    });
    let rows = findings.into_iter().map(|f| row_of(review, decisions, f)).collect();
    FindingsReport {
        folder: review.corpus.root.display().to_string(),
        generated: crate::notes::time::now(),
        source: review.corpus.effective_source(review.source.as_ref()).map(|l| l.to_string()),
        rows,
    }
}

fn row_of(review: &Review, decisions: &Decisions, f: &Finding) -> FindingRow {
    let (source_text, translation_text) = row_texts(review, f).unwrap_or_default();
    FindingRow {
        document: f.document.clone(),
        locale: f.locale.clone(),
        file: f.file.clone(),
        line: f.line,
        check: f.id.as_str(),
        severity: f.severity,
        message: f.message.clone(),
        source_text,
        translation_text,
        review_state: decisions.review_state(f).to_owned(),
        false_positive: decisions.false_positive(f),
        fingerprint: f.fingerprint.clone(),
    }
}

/// The source (else reference) and the finding locale's Markdown in the finding's aligned row.
fn row_texts(review: &Review, f: &Finding) -> Option<(String, String)> {
    let row = f.row?;
    let doc = review.document_index(&f.document)?;
    let document = &review.corpus.documents[doc];
    let cells = &review.documents.get(doc)?.alignment.rows.get(row)?.cells;
    let reference = document
        .source
        .and_then(|s| document.files.iter().position(|&x| x == s))
        .unwrap_or(review.documents[doc].alignment.pivot);
    let text_of = |column: usize| -> String {
        let Some(Some(block)) = cells.get(column) else { return String::new() };
        let file = &review.corpus.files[document.files[column]];
        file.skeleton
            .blocks
            .get(*block)
            .and_then(|b| file.text.get(b.range.clone()))
            .unwrap_or_default()
            .trim()
            .to_owned()
    };
    let column = document.files.iter().position(|&x| review.corpus.files[x].locale.to_string() == f.locale);
    let translation = column.filter(|&c| c != reference).map(text_of).unwrap_or_default();
    Some((text_of(reference), translation))
}

impl FindingsReport {
    /// The locales with findings, by name; `*` (shared by all) and the empty one (files in no document)
    /// last.
    pub fn locales(&self) -> Vec<String> {
        let mut out: Vec<String> = self.rows.iter().map(|r| r.locale.clone()).collect();
        out.sort_unstable_by_key(|l| (l == "*" || l.is_empty(), l.is_empty(), l.clone()));
        out.dedup();
        out
    }

    /// The rows of one locale.
    pub fn rows_of<'a>(&'a self, locale: &'a str) -> impl Iterator<Item = &'a FindingRow> + 'a {
        self.rows.iter().filter(move |r| r.locale == locale)
    }

    /// Per locale counts, then a `total` line.
    pub fn counts(&self) -> Vec<LocaleCounts> {
        let mut out: Vec<LocaleCounts> = Vec::new();
        let mut total = LocaleCounts { locale: "total".into(), ..Default::default() };
        for locale in self.locales() {
            let mut c = LocaleCounts { locale: locale.clone(), ..Default::default() };
            for r in self.rows_of(&locale) {
                for counts in [&mut c, &mut total] {
                    counts.total += 1;
                    if r.false_positive.is_empty() {
                        counts.by_severity[severity_index(r.severity)] += 1;
                    } else {
                        counts.false_positives += 1;
                    }
                }
            }
            out.push(c);
        }
        out.push(total);
        out
    }

    /// Findings per check id (false positives excluded), only ids that occur, most first.
    pub fn counts_by_check(&self) -> Vec<(&'static str, usize)> {
        let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
        for r in self.rows.iter().filter(|r| r.false_positive.is_empty()) {
            *counts.entry(r.check).or_default() += 1;
        }
        let mut out: Vec<(&'static str, usize)> = counts.into_iter().collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        out
    }
}

/// How a locale is titled in the report: `*` is "all locales", the empty one (files that belong to no
/// document, such as an unreadable file) "no locale".
pub fn locale_title(locale: &str) -> &str {
    match locale {
        "*" => "all locales",
        "" => "no locale",
        l => l,
    }
}

fn severity_index(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

/// The report's bytes in `format`.
pub fn render(report: &FindingsReport, format: FindingsFormat) -> std::result::Result<Vec<u8>, String> {
    match format {
        FindingsFormat::Csv => csv::render(report),
        FindingsFormat::Xlsx => xlsx::render(report),
        FindingsFormat::Html => Ok(html::render(report).into_bytes()),
    }
}

/// Write the report to `path` (atomically: the old file or the new one, never half of it).
pub fn write(report: &FindingsReport, format: FindingsFormat, path: &Path) -> Result<()> {
    let fail = |reason: String| Error::Export { path: path.to_path_buf(), reason };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty() && !p.is_dir()) {
        return Err(fail(format!("the folder {} does not exist", parent.display())));
    }
    let bytes = render(report, format).map_err(fail)?;
    crate::util::fs::write_atomic(path, &bytes).map_err(|e| fail(e.to_string()))
}

/// True for a locale written right to left (one definition, in the core: see [`crate::locale`]).
pub use crate::locale::is_right_to_left;
