//! What a check sees of one document: its files as columns, its aligned rows, the reference (the source,
//! else the majority) and the revision facts that tell drift from defects.

use super::{CheckId, Finding, Severity, fingerprint, majority};
use crate::align::Alignment;
use crate::corpus::{Corpus, Document, SourceFile};
use crate::glossary::Glossary;
use crate::revision::Revisions;
use crate::skeleton::Block;
use std::collections::HashMap;
use std::hash::Hash;

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
    pub revisions: &'a Revisions,
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
        revisions: &'a Revisions,
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
        id: CheckId,
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
            severity: id.default_severity(),
            document: self.doc.name.clone(),
            fingerprint: fingerprint(&[id.as_str(), &self.doc.name, &locale, row_key, subject]),
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
        id: CheckId,
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
        f.fingerprint = fingerprint(&[id.as_str(), &self.doc.name, "*", row_key, subject]);
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
