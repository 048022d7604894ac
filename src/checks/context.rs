//! What a check sees of one document: its files as columns, its aligned rows with each row's present
//! cells (computed once), the reference (the source, else the majority) and the revision facts that tell
//! drift from defects. Checks return [`Draft`]s; [`super::finish`] turns them into findings.

use super::{CheckId, Severity, majority};
use crate::align::Alignment;
use crate::corpus::{Corpus, Document, SourceFile};
use crate::glossary::Glossary;
use crate::revision::Revisions;
use crate::skeleton::{Block, BlockKind};
use std::collections::HashMap;
use std::hash::Hash;

/// A finding before it is placed, shared, grouped and fingerprinted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The check id.
    pub id: CheckId,
    /// The column (file) it is reported on.
    pub col: usize,
    /// Byte offset in that file.
    pub offset: usize,
    /// The aligned row, when it belongs to one.
    pub row: Option<usize>,
    /// What it is about (the fingerprint's subject; equal subjects of every translation are one problem).
    pub subject: String,
    /// What is wrong.
    pub message: String,
    /// A severity other than the id's default (`info` for drift).
    pub severity: Option<Severity>,
    /// Already about every locale (reported once, as `info`, locale `*`).
    pub shared: bool,
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
    /// Revision facts per column (front matter, drift flags), used to tell drift from defects.
    pub revisions: &'a Revisions,
    /// Whether the locales are compared: not for a page that lacks the source in a folder that has one (a
    /// per-locale page of the site, or a translation left over from a removed source).
    pub compare: bool,
    /// Loan words of the folder's translations (a house style is not untranslated text).
    pub loans: &'a super::term::loans::LoanWords,
    /// A stable key per row: section anchor, kind and ordinal in the section.
    pub row_keys: Vec<String>,
    /// Per row, its present cells as (column, block).
    cells: Vec<Vec<(usize, &'a Block)>>,
}

impl<'a> DocContext<'a> {
    /// Build the context of one document.
    pub fn new(
        corpus: &'a Corpus,
        loans: &'a super::term::loans::LoanWords,
        doc: &'a Document,
        alignment: &'a Alignment,
        glossary: &'a Glossary,
        revisions: &'a Revisions,
    ) -> Self {
        let files: Vec<&SourceFile> = corpus.document_files(doc).collect();
        let source = doc.source.and_then(|s| doc.files.iter().position(|&f| f == s));
        let cells = alignment
            .rows
            .iter()
            .map(|row| {
                row.cells
                    .iter()
                    .enumerate()
                    .filter_map(|(c, b)| Some((c, files[c].skeleton.blocks.get((*b)?)?)))
                    .collect()
            })
            .collect();
        let mut ctx = DocContext {
            corpus,
            doc,
            files,
            alignment,
            source,
            glossary,
            revisions,
            compare: true,
            loans,
            row_keys: Vec::new(),
            cells,
        };
        ctx.row_keys = ctx.compute_row_keys();
        ctx
    }

    /// The block of column `col` in row `row`.
    pub fn block(&self, row: usize, col: usize) -> Option<&'a Block> {
        let b = self.alignment.rows.get(row)?.cells.get(col).copied().flatten()?;
        self.files[col].skeleton.blocks.get(b)
    }

    /// The present cells of a row as (column, block).
    pub fn cells(&self, row: usize) -> &[(usize, &'a Block)] {
        self.cells.get(row).map_or(&[], Vec::as_slice)
    }

    /// The rows of the document.
    pub fn rows(&self) -> std::ops::Range<usize> {
        0..self.alignment.rows.len()
    }

    /// The locale tag of a column.
    pub fn locale(&self, col: usize) -> String {
        self.files[col].locale.to_string()
    }

    /// True for the source column.
    pub fn is_source(&self, col: usize) -> bool {
        self.source == Some(col)
    }

    /// The reference value of a row: the source's when it has a block there, else the value a strict
    /// majority of the present cells share (`None` when there is no majority).
    pub fn reference<T: Eq + Hash + Clone>(&self, row: usize, value: impl Fn(&Block) -> T) -> Option<T> {
        let values: Vec<(usize, T)> = self.cells(row).iter().map(|&(c, b)| (c, value(b))).collect();
        self.reference_among(&values)
    }

    /// The reference among values already computed per column: the source's, else a strict majority's.
    pub fn reference_among<T: Eq + Hash + Clone>(&self, values: &[(usize, T)]) -> Option<T> {
        if let Some((_, v)) = self.source.and_then(|s| values.iter().find(|(c, _)| *c == s)) {
            return Some(v.clone());
        }
        majority(values.iter().map(|(_, v)| v.clone()))
    }

    /// Who the reference of a row is, in words: the source's locale, or "most locales".
    pub fn reference_name(&self, row: usize) -> String {
        match self.source {
            Some(s) if self.block(row, s).is_some() || self.alignment.rows[row].cells[s].is_none() => self.locale(s),
            _ => "most locales".to_owned(),
        }
    }

    /// The verb form that agrees with [`DocContext::reference_name`].
    pub fn conjugate(&self, row: usize, one: &'static str, many: &'static str) -> &'static str {
        if self.reference_name(row) == "most locales" { many } else { one }
    }

    /// A draft at a byte offset of a column's file.
    pub fn draft(
        &self,
        id: CheckId,
        col: usize,
        offset: usize,
        row: Option<usize>,
        subject: &str,
        message: String,
    ) -> Draft {
        Draft { id, col, offset, row, subject: subject.to_owned(), message, severity: None, shared: false }
    }

    /// Short text of a block for messages: its prose, else its Markdown (a paragraph of inline code only,
    /// a code block, markup), never empty.
    pub fn excerpt(&self, col: usize, block: &Block) -> String {
        let source = || self.files[col].text.get(block.range.clone()).unwrap_or_default();
        let text = if block.text.trim().is_empty() || block.kind == BlockKind::Code { source() } else { &block.text };
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let t: String = flat.chars().take(48).collect();
        if flat.chars().count() > 48 { format!("{t}…") } else { t }
    }

    /// A block as messages name it: `section 'Install'`, `paragraph 'Run the …'`.
    pub fn what(&self, col: usize, block: &Block) -> String {
        match block.kind {
            BlockKind::Heading => format!("section '{}'", self.excerpt(col, block)),
            kind => format!("{} '{}'", kind.label(), self.excerpt(col, block)),
        }
    }

    fn compute_row_keys(&self) -> Vec<String> {
        let mut ordinal: HashMap<(Option<usize>, &'static str), usize> = HashMap::new();
        let rows = &self.alignment.rows;
        (0..rows.len())
            .map(|r| {
                let section = rows[r].section_row.map_or_else(String::new, |s| self.anchor_of_row(s));
                let kind = self.cells(r).first().map_or("", |(_, b)| b.kind.label());
                let n = ordinal.entry((rows[r].section_row, kind)).or_insert(0);
                *n += 1;
                format!("{section}/{kind}/{n}")
            })
            .collect()
    }

    fn anchor_of_row(&self, row: usize) -> String {
        self.reference(row, |b| b.anchor.as_ref().map(|a| a.id.clone())).flatten().unwrap_or_default()
    }
}
