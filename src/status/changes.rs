//! What changed in the source since a behind translation's revision: the source then (one `git cat-file`
//! for all), its diff to now, and the aligned rows that changed.

use super::{Entry, HistoryInfo, StatusReport};
use crate::align::Alignment;
use crate::corpus::Corpus;
use std::collections::BTreeMap;

/// The source text at each behind translation's revision (one `git cat-file` for all), by entry index.
pub fn sources_then(report: &StatusReport) -> BTreeMap<usize, String> {
    let HistoryInfo::Git { toplevel, .. } = &report.history else { return BTreeMap::new() };
    let wanted: Vec<(usize, (String, String))> = report
        .entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((i, (e.base.as_ref()?.commit.commit.clone(), e.source_then.clone()?))))
        .collect();
    let requests: Vec<(String, String)> = wanted.iter().map(|(_, r)| r.clone()).collect();
    let Ok(blobs) = crate::history::read_blobs(toplevel, &requests) else { return BTreeMap::new() };
    wanted
        .iter()
        .zip(blobs)
        .filter_map(|((i, _), blob)| {
            let (text, _) = crate::text::decode_owned(blob?).ok()?;
            Some((*i, text))
        })
        .collect()
}

/// A unified diff of the source from its text at the translation's revision to its text now.
pub fn source_diff(entry: &Entry, then: &str, now: &str) -> String {
    let base = entry.base.as_ref().map_or_else(String::new, |b| b.commit.short());
    let file = entry.source_file.as_deref().unwrap_or("source");
    similar::TextDiff::from_lines(then, now)
        .unified_diff()
        .context_radius(2)
        .header(&format!("{file} at {base}"), &format!("{file} now"))
        .to_string()
}

/// One row of a behind translation where the source changed since the translation's revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowChange {
    /// The document's aligned row (the row before, for a block removed since).
    pub row: Option<usize>,
    /// The source block at the translation's revision (`None`: added since).
    pub then: Option<String>,
    /// The source block now (`None`: removed since).
    pub now: Option<String>,
    /// The translation's block in that row, when it has one.
    pub translation: Option<String>,
    /// `now` word by word against `then`: what is new since the translation's revision.
    pub now_diff: Vec<(crate::diff::Change, std::ops::Range<usize>)>,
}

/// For each behind translation with a readable old source (by entry index), the rows whose source changed
/// since its revision, in document order: the old source is parsed and aligned with the source now, and
/// through it with the document's rows.
pub fn source_changes<'a>(
    corpus: &Corpus,
    alignment_of: impl Fn(usize) -> Option<&'a Alignment>,
    report: &StatusReport,
) -> BTreeMap<usize, Vec<RowChange>> {
    sources_then(report)
        .into_iter()
        .filter_map(|(i, then)| {
            let entry = &report.entries[i];
            Some((i, entry_changes(corpus, alignment_of(entry.doc_index)?, entry, &then)?))
        })
        .collect()
}

fn entry_changes(corpus: &Corpus, alignment: &Alignment, entry: &Entry, then_text: &str) -> Option<Vec<RowChange>> {
    let doc = corpus.documents.get(entry.doc_index)?;
    let source = doc.source?;
    let source_col = doc.files.iter().position(|&f| f == source)?;
    let translation_col = doc.files.iter().position(|&f| Some(&corpus.files[f].rel) == entry.file.as_ref())?;
    let now = &corpus.files[source];
    let translation = &corpus.files[doc.files[translation_col]];
    let then = crate::skeleton::Skeleton::parse(then_text, &crate::text::LineIndex::new(then_text));
    let pair = crate::align::align(&[&now.skeleton, &then], Some(0));
    let row_of_block: BTreeMap<usize, usize> = alignment
        .rows
        .iter()
        .enumerate()
        .filter_map(|(r, row)| Some((row.cells.get(source_col).copied().flatten()?, r)))
        .collect();
    let block_text = |text: &str, sk: &crate::skeleton::Skeleton, b: usize| {
        sk.blocks.get(b).and_then(|b| text.get(b.range.clone())).map(|s| s.trim_end().to_owned())
    };
    let mut out = Vec::new();
    let mut last_row = None;
    for cells in pair.rows.iter().map(|r| &r.cells) {
        let (now_block, then_block) = (cells.first().copied().flatten(), cells.get(1).copied().flatten());
        let row = now_block.and_then(|b| row_of_block.get(&b).copied()).or(last_row);
        last_row = row;
        let now_text = now_block.and_then(|b| block_text(&now.text, &now.skeleton, b));
        let then_text = then_block.and_then(|b| block_text(then_text, &then, b));
        if now_text == then_text {
            continue;
        }
        let translation_text = row
            .filter(|_| now_block.is_some())
            .and_then(|r| alignment.rows[r].cells.get(translation_col).copied().flatten())
            .and_then(|b| block_text(&translation.text, &translation.skeleton, b));
        let now_diff = now_text
            .as_deref()
            .map_or_else(Vec::new, |n| crate::diff::word_diff(then_text.as_deref().unwrap_or(""), n));
        out.push(RowChange { row, then: then_text, now: now_text, translation: translation_text, now_diff });
    }
    Some(out)
}
