//! Findings and the checks that produce them: one file per family (`structure`, `code`, `links`,
//! `terms`, `staleness`), each a function from one aligned document to findings.
//!
//! Every finding has a stable id, a severity (configurable per id), a location (document, locale, file,
//! line, column, aligned row) and a fingerprint built from what it is about rather than where it stands,
//! so a "false positive" mark survives unrelated edits.

pub mod code;
pub mod links;
pub mod staleness;
pub mod structure;
pub mod terms;

use crate::align::Alignment;
use crate::corpus::{Corpus, Document, SourceFile};
use crate::glossary::Glossary;
use crate::skeleton::Block;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing to fix in this locale.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong.
    Error,
}

impl Severity {
    /// Parse `error`, `warning` or `info`.
    pub fn parse(s: &str) -> Option<Severity> {
        match s.trim().to_ascii_lowercase().as_str() {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" | "note" => Some(Severity::Info),
            _ => None,
        }
    }

    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Every finding id, its default severity and what it means (the README's table comes from here).
pub const CHECKS: &[(&str, Severity, &str)] = &[
    ("input.encoding", Severity::Error, "a file is not valid UTF-8/UTF-16 text or is binary; it was not loaded"),
    ("input.unreadable", Severity::Error, "a file or folder could not be read or listed; it was not loaded"),
    ("input.too-large", Severity::Error, "a file is larger than the size limit (20 MB); it was not loaded"),
    ("input.locale", Severity::Warning, "nothing tells a file's locale and its text is too short or mixed to identify"),
    ("structure.missing", Severity::Warning, "a section or block of the reference is missing in this locale"),
    ("structure.extra", Severity::Warning, "this locale has a section or block the reference does not"),
    ("structure.moved", Severity::Warning, "a section stands at another place than in the reference"),
    ("structure.heading-level", Severity::Warning, "an aligned heading has another level"),
    ("structure.count", Severity::Warning, "list items, table rows/columns or links differ in an aligned block"),
    ("code.changed", Severity::Warning, "a code block or inline code differs from the reference"),
    ("link.missing-file", Severity::Error, "a relative link's target file is not there"),
    ("link.missing-anchor", Severity::Error, "a link's #fragment does not exist in its target"),
    ("link.malformed", Severity::Error, "link or emphasis syntax broken by translation"),
    ("link.target-differs", Severity::Warning, "an aligned link points elsewhere than in the reference"),
    ("term.do-not-translate", Severity::Warning, "a term that must stay verbatim is missing or altered"),
    ("term.glossary", Severity::Warning, "a glossary term's required translation is not used"),
    ("term.forbidden", Severity::Error, "a word the glossary forbids is used"),
    ("term.untranslated", Severity::Warning, "source-language text left in a translation"),
    ("meta.stale", Severity::Warning, "translated from an older source revision than its peers or the source"),
    ("meta.orphan", Severity::Warning, "a translation whose source document is not there"),
    ("meta.missing", Severity::Info, "a locale most documents have lacks this document"),
];

/// The default severity of an id.
pub fn default_severity(id: &str) -> Severity {
    CHECKS.iter().find(|(i, _, _)| *i == id).map_or(Severity::Warning, |(_, s, _)| *s)
}

/// One problem, where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The check id, e.g. `link.missing-anchor`.
    pub id: &'static str,
    /// How serious.
    pub severity: Severity,
    /// The document name.
    pub document: String,
    /// The locale, or `*` for a finding shared by every locale.
    pub locale: String,
    /// The file, relative to the opened folder.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// What is wrong, in words a reviewer can act on.
    pub message: String,
    /// The aligned row, when the finding belongs to one.
    pub row: Option<usize>,
    /// A stable hash of the id, document, locale and subject (not the position).
    pub fingerprint: String,
}

/// Everything a check needs about one document.
pub struct DocContext<'a> {
    /// The whole corpus (for link targets in other documents).
    pub corpus: &'a Corpus,
    /// The document.
    pub doc: &'a Document,
    /// Its files, one per column.
    pub files: Vec<&'a SourceFile>,
    /// Its alignment.
    pub alignment: &'a Alignment,
    /// The source column, if any.
    pub source: Option<usize>,
    /// The glossary.
    pub glossary: &'a Glossary,
    /// Revision facts per column (from front matter), used to tell drift from defects.
    pub revisions: &'a staleness::Revisions,
    /// A stable key per row: section anchor, kind and ordinal in the section.
    pub row_keys: Vec<String>,
}

impl<'a> DocContext<'a> {
    /// Build the context of one document.
    pub fn new(
        corpus: &'a Corpus,
        doc: &'a Document,
        alignment: &'a Alignment,
        glossary: &'a Glossary,
        revisions: &'a staleness::Revisions,
    ) -> Self {
        let files: Vec<&SourceFile> = corpus.document_files(doc).collect();
        let source = doc.source.and_then(|s| doc.files.iter().position(|&f| f == s));
        let mut ctx = DocContext { corpus, doc, files, alignment, source, glossary, revisions, row_keys: Vec::new() };
        ctx.row_keys = ctx.compute_row_keys();
        ctx
    }

    /// The block of column `col` in row `row`.
    pub fn block(&self, row: usize, col: usize) -> Option<&'a Block> {
        let b = self.alignment.rows.get(row)?.cells.get(col).copied().flatten()?;
        self.files[col].skeleton.blocks.get(b)
    }

    /// The present cells of a row as (column, block).
    pub fn cells(&self, row: usize) -> Vec<(usize, &'a Block)> {
        (0..self.files.len()).filter_map(|c| self.block(row, c).map(|b| (c, b))).collect()
    }

    /// The locale tag of a column.
    pub fn locale(&self, col: usize) -> String {
        self.files[col].locale.to_string()
    }

    /// The reference value of a row: the source's when it has a block there, else the value a strict
    /// majority of the present cells share (`None` when there is no majority).
    pub fn reference<T: Eq + Hash + Clone>(&self, row: usize, value: impl Fn(&Block) -> T) -> Option<T> {
        let values: Vec<(usize, T)> = self.cells(row).into_iter().map(|(c, b)| (c, value(b))).collect();
        self.reference_among(&values)
    }

    /// The reference among values already computed per column: the source's, else a strict majority's.
    pub fn reference_among<T: Eq + Hash + Clone>(&self, values: &[(usize, T)]) -> Option<T> {
        if let Some((_, v)) = self.source.and_then(|s| values.iter().find(|(c, _)| *c == s)) {
            return Some(v.clone());
        }
        majority(values.iter().map(|(_, v)| v.clone()))
    }

    /// A finding at a byte offset of a column's file.
    pub fn finding(
        &self,
        id: &'static str,
        col: usize,
        offset: usize,
        row: Option<usize>,
        subject: &str,
        message: String,
    ) -> Finding {
        let file = self.files[col];
        let (line, column) = file.lines.line_col(&file.text, offset);
        let locale = self.locale(col);
        let row_key = row.and_then(|r| self.row_keys.get(r)).map_or("", String::as_str);
        Finding {
            id,
            severity: default_severity(id),
            document: self.doc.name.clone(),
            fingerprint: fingerprint(&[id, &self.doc.name, &locale, row_key, subject]),
            locale,
            file: file.rel.clone(),
            line,
            column,
            message,
            row,
        }
    }

    /// A finding shared by every locale of a row or of the document, reported once as info.
    pub fn shared_finding(
        &self,
        id: &'static str,
        offset_col: usize,
        offset: usize,
        row: Option<usize>,
        subject: &str,
        message: String,
    ) -> Finding {
        let mut f = self.finding(id, offset_col, offset, row, subject, message);
        f.locale = "*".to_owned();
        f.severity = Severity::Info;
        let row_key = row.and_then(|r| self.row_keys.get(r)).map_or("", String::as_str);
        f.fingerprint = fingerprint(&[id, &self.doc.name, "*", row_key, subject]);
        f
    }

    /// Short text of a block for messages.
    pub fn excerpt(block: &Block) -> String {
        let flat = block.text.replace('\n', " · ");
        let t: String = flat.chars().take(48).collect();
        if flat.chars().count() > 48 { format!("{t}…") } else { t }
    }

    fn compute_row_keys(&self) -> Vec<String> {
        let mut ordinal: HashMap<(Option<usize>, String), usize> = HashMap::new();
        let rows = &self.alignment.rows;
        (0..rows.len())
            .map(|r| {
                let section = rows[r].section_row.map_or_else(String::new, |s| self.anchor_of_row(s));
                let kind = self.cells(r).first().map_or_else(String::new, |(_, b)| b.kind.label().to_owned());
                let n = ordinal.entry((rows[r].section_row, kind.clone())).or_insert(0);
                *n += 1;
                format!("{section}/{kind}/{n}")
            })
            .collect()
    }

    fn anchor_of_row(&self, row: usize) -> String {
        self.reference(row, |b| b.anchor.as_ref().map(|a| a.id.clone())).flatten().unwrap_or_default()
    }
}

pub use crate::util::hash::{fingerprint, majority};

/// Run every check over one document.
pub fn check_document(ctx: &DocContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(structure::check(ctx));
    out.extend(code::check(ctx));
    out.extend(links::check(ctx));
    out.extend(terms::check(ctx));
    out
}

/// Counts of findings per locale and id (for summaries).
pub fn summarize(findings: &[Finding]) -> BTreeMap<String, BTreeMap<&'static str, usize>> {
    let mut out: BTreeMap<String, BTreeMap<&'static str, usize>> = BTreeMap::new();
    for f in findings {
        *out.entry(f.locale.clone()).or_default().entry(f.id).or_default() += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_has_a_default_severity_and_description() {
        assert_eq!(default_severity("link.malformed"), Severity::Error);
        assert_eq!(default_severity("meta.missing"), Severity::Info);
        assert!(CHECKS.iter().all(|(id, _, d)| id.contains('.') && !d.is_empty()));
    }
}
