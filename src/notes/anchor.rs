//! Anchoring notes to blocks and finding them again. A note is anchored by document, locale, section
//! anchor, ordinal inside the section, and a fingerprint plus quote of the block's text. After the
//! documents change, [`Placements::compute`] looks for the block again: the same text anywhere in the
//! file (moved), else the quote, else the most similar block (changed); when nothing matches well the
//! note is kept and shown as outdated, at its section when that still exists. A note is never dropped.

use super::{ALL_LOCALES, Anchor, Note, NoteBook};
use crate::corpus::SourceFile;
use crate::review::Review;
use crate::skeleton::{Block, BlockKind};
use std::collections::{BTreeMap, HashMap};

/// How far a note's block has moved since the note was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// The block is where the note says, with the same text.
    Exact,
    /// The same text, elsewhere in the file.
    Moved,
    /// The block's text changed since the note; this is the most similar block.
    Changed,
    /// No block matches: the note is shown at its section, or at the top of its document.
    Outdated,
}

/// Where a note is shown now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// The document (index into the corpus documents), if it is still there.
    pub doc: Option<usize>,
    /// The column (index into the document's files) the note is shown in.
    pub column: Option<usize>,
    /// The column whose file holds the note's block: the note's own column, except for a note about
    /// text missing in a locale, which is anchored to the reference's block.
    pub block_column: Option<usize>,
    /// The block index in `block_column`'s file.
    pub block: Option<usize>,
    /// The aligned row.
    pub row: Option<usize>,
    /// How well the anchor fits.
    pub fit: Fit,
}

impl Placement {
    fn lost() -> Placement {
        Placement { doc: None, column: None, block_column: None, block: None, row: None, fit: Fit::Outdated }
    }
}

/// The placement of every note, and the notes of each (document, row, column), computed once per change
/// of the notes or the review.
#[derive(Debug, Clone, Default)]
pub struct Placements {
    /// By note id.
    pub by_id: HashMap<String, Placement>,
    /// Note ids by (document, row, column), in id order.
    pub by_cell: BTreeMap<(usize, usize, usize), Vec<String>>,
}

impl Placements {
    /// Place every note of `book` in `review`.
    pub fn compute(review: &Review, book: &NoteBook) -> Placements {
        let mut out = Placements::default();
        let places = place_anchors(review, book.iter().map(|n| &n.anchor));
        for (note, place) in book.iter().zip(places) {
            if let (Some(doc), Some(row), Some(col)) = (place.doc, place.row, place.column) {
                out.by_cell.entry((doc, row, col)).or_default().push(note.id.clone());
            }
            out.by_id.insert(note.id.clone(), place);
        }
        out
    }

    /// The notes shown in a cell.
    pub fn in_cell(&self, doc: usize, row: usize, column: usize) -> &[String] {
        self.by_cell.get(&(doc, row, column)).map_or(&[], Vec::as_slice)
    }

    /// The placement of a note.
    pub fn of(&self, note: &Note) -> Option<&Placement> {
        self.by_id.get(&note.id)
    }
}

/// Where each anchor's block is now (as notes are placed), in order.
pub fn place_anchors<'a>(review: &Review, anchors: impl Iterator<Item = &'a Anchor>) -> Vec<Placement> {
    let mut rows_of: HashMap<usize, HashMap<(usize, usize), usize>> = HashMap::new();
    // Each file's block fingerprints and texts, made once however many anchors it holds.
    let mut files: HashMap<usize, FileIndex> = HashMap::new();
    anchors
        .map(|anchor| {
            let mut place = place_block(review, anchor, &mut files);
            if let (Some(doc), Some(col), Some(block)) = (place.doc, place.block_column, place.block) {
                let rows = rows_of.entry(doc).or_insert_with(|| row_index(review, doc));
                place.row = rows.get(&(col, block)).copied();
            }
            place
        })
        .collect()
}

/// For one document, the row of each (column, block).
fn row_index(review: &Review, doc: usize) -> HashMap<(usize, usize), usize> {
    let mut out = HashMap::new();
    let Some(reviewed) = review.documents.get(doc) else { return out };
    for (r, row) in reviewed.alignment.rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            if let Some(b) = cell {
                out.insert((c, *b), r);
            }
        }
    }
    out
}

/// The anchor of block `block` of column `column` in document `doc`, for one locale or (`all`) for all.
pub fn anchor_at(review: &Review, doc: usize, column: usize, block: usize, all: bool, quote: &str) -> Option<Anchor> {
    let document = review.corpus.documents.get(doc)?;
    let file = review.corpus.files.get(*document.files.get(column)?)?;
    let b = file.skeleton.blocks.get(block)?;
    let (section, ordinal) = section_and_ordinal(file, block);
    let quote = if quote.trim().is_empty() { default_quote(&searchable(file, b)) } else { quote.trim().to_owned() };
    Some(Anchor {
        document: document.name.clone(),
        locale: if all { ALL_LOCALES.to_owned() } else { file.locale.to_string() },
        file: file.rel.clone(),
        section,
        block: ordinal,
        fingerprint: block_fingerprint(file, b),
        quote,
    })
}

/// The anchor of a note about text missing in `column`'s locale: the reference's block `block` (in
/// `reference`), for the locale of `column`.
pub fn anchor_missing(review: &Review, doc: usize, column: usize, reference: usize, block: usize) -> Option<Anchor> {
    let document = review.corpus.documents.get(doc)?;
    let locale = review.corpus.files.get(*document.files.get(column)?)?.locale.to_string();
    let mut anchor = anchor_at(review, doc, reference, block, false, "")?;
    anchor.locale = locale;
    Some(anchor)
}

/// The reference column of a document: its source, else the alignment's pivot.
pub fn reference_column(review: &Review, doc: usize) -> Option<usize> {
    let document = review.corpus.documents.get(doc)?;
    document
        .source
        .and_then(|s| document.files.iter().position(|&f| f == s))
        .or_else(|| review.documents.get(doc).map(|d| d.alignment.pivot))
}

/// The fingerprint of a block's source (its Markdown, so code, inline code and link targets count), blind
/// to whitespace changes; empty for a block with no text at all, which matches nothing.
pub fn block_fingerprint(file: &SourceFile, block: &Block) -> String {
    let source = file.text.get(block.range.clone()).unwrap_or_default();
    let normalized: Vec<&str> = source.split_whitespace().collect();
    if normalized.is_empty() {
        return String::new();
    }
    crate::util::hash::fingerprint(&[&normalized.join(" ")])
}

/// What quotes are looked for in: the block's text; for code its code; else its source (HTML).
fn searchable(file: &SourceFile, block: &Block) -> String {
    let text = match &block.code {
        Some(code) if block.text.trim().is_empty() => code.as_str(),
        _ if block.text.trim().is_empty() => file.text.get(block.range.clone()).unwrap_or_default(),
        _ => block.text.as_str(),
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The start of a block's text, as a note's quote when the reviewer selected nothing.
fn default_quote(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match collapsed.char_indices().nth(80) {
        Some((cut, _)) => format!("{}…", &collapsed[..cut]),
        None => collapsed,
    }
}

/// The anchor id of a block's section heading and the block's ordinal inside the section.
fn section_and_ordinal(file: &SourceFile, block: usize) -> (String, usize) {
    let blocks = &file.skeleton.blocks;
    match blocks.get(block).and_then(|b| b.section) {
        Some(h) => (section_id(&blocks[h]), block.saturating_sub(h)),
        None => (String::new(), block),
    }
}

fn section_id(heading: &Block) -> String {
    heading.anchor.as_ref().map_or_else(|| crate::skeleton::slugify(&heading.text), |a| a.id.clone())
}

/// Find the anchor's block: its document, column and block index, and how well it fits.
fn place_block(review: &Review, anchor: &Anchor, indexes: &mut HashMap<usize, FileIndex>) -> Placement {
    let Some(doc) = review.document_index(&anchor.document) else { return Placement::lost() };
    let document = &review.corpus.documents[doc];
    let files: Vec<&SourceFile> = review.corpus.document_files(document).collect();
    let of_file = files.iter().position(|f| f.rel == anchor.file);
    let column = if anchor.locale == ALL_LOCALES {
        of_file.or_else(|| reference_column(review, doc))
    } else {
        of_file
            .filter(|&c| files[c].locale.to_string() == anchor.locale)
            .or_else(|| files.iter().position(|f| f.locale.to_string() == anchor.locale))
    };
    let Some(column) = column else { return Placement { doc: Some(doc), ..Placement::lost() } };
    let block_column = of_file.unwrap_or(column);
    let file = files[block_column];
    let index = indexes.entry(document.files[block_column]).or_insert_with(|| FileIndex::of(file));
    let (block, fit) = find_block(file, index, anchor);
    Placement { doc: Some(doc), column: Some(column), block_column: Some(block_column), block, row: None, fit }
}

/// The block an anchor points at in `file`, best evidence first.
/// What finding notes again compares, per block of one file.
struct FileIndex {
    fingerprints: Vec<String>,
    texts: Vec<String>,
}

impl FileIndex {
    fn of(file: &SourceFile) -> FileIndex {
        let blocks = &file.skeleton.blocks;
        FileIndex {
            fingerprints: blocks.iter().map(|b| block_fingerprint(file, b)).collect(),
            texts: blocks.iter().map(|b| searchable(file, b)).collect(),
        }
    }
}

fn find_block(file: &SourceFile, index: &FileIndex, anchor: &Anchor) -> (Option<usize>, Fit) {
    let blocks = &file.skeleton.blocks;
    let section = section_start(file, &anchor.section);
    let here = section.map(|h| h + anchor.block).filter(|&b| b < blocks.len());
    let nearest = |candidates: Vec<usize>| -> Option<usize> {
        candidates.into_iter().min_by_key(|&b| here.map_or(b, |h| b.abs_diff(h)))
    };
    if !anchor.fingerprint.is_empty() {
        let same_text: Vec<usize> =
            (0..blocks.len()).filter(|&b| index.fingerprints[b] == anchor.fingerprint).collect();
        if let Some(b) = nearest(same_text) {
            return (Some(b), if Some(b) == here { Fit::Exact } else { Fit::Moved });
        }
    }
    // The text changed. The quote, looked for in the note's own section while that exists (a fixed word
    // still used elsewhere must not pull the note away).
    let in_section =
        |b: &usize| section.is_none() || section_of(blocks, *b) == section_of(blocks, section.unwrap_or(0));
    let quote = anchor.quote.trim_end_matches('…').split_whitespace().collect::<Vec<_>>().join(" ");
    if quote.chars().count() >= 8 {
        let quoted: Vec<usize> =
            (0..blocks.len()).filter(in_section).filter(|&b| index.texts[b].contains(&quote)).collect();
        if let Some(b) = nearest(quoted) {
            return (Some(b), Fit::Changed);
        }
    }
    // A heading keeps its anchor id through rewording.
    if anchor.block == 0 && !anchor.section.is_empty() && section.is_some() {
        return (section, Fit::Changed);
    }
    if let Some(b) = most_similar(&index.texts, &anchor.quote, here) {
        return (Some(b), Fit::Changed);
    }
    (section, Fit::Outdated)
}

/// The section (its heading's index) a block belongs to; a heading is its own section.
fn section_of(blocks: &[Block], b: usize) -> Option<usize> {
    blocks.get(b).and_then(|block| block.section)
}

/// The block index of the section heading with this anchor id; the file's start for "no section".
fn section_start(file: &SourceFile, section: &str) -> Option<usize> {
    if section.is_empty() {
        return Some(0);
    }
    file.skeleton.blocks.iter().position(|b| b.kind == BlockKind::Heading && section_id(b) == section)
}

/// The block most like `quote` (word-level similarity ≥ 0.6), preferring the one nearest `here`.
fn most_similar(texts: &[String], quote: &str, here: Option<usize>) -> Option<usize> {
    let quote = quote.trim_end_matches('…');
    let words = quote.split_whitespace().count();
    if words < 3 {
        return None;
    }
    let mut best: Option<(f32, usize)> = None;
    for (b, text) in texts.iter().enumerate() {
        // Compare with as much of the block as the quote covers (quotes are block starts or selections).
        let prefix: String = text.split_whitespace().take(words + 3).collect::<Vec<_>>().join(" ");
        let ratio = similar::TextDiff::from_words(quote, prefix.as_str()).ratio();
        let distance = here.map_or(0, |h| b.abs_diff(h));
        let better = best.is_none_or(|(r, bb)| {
            ratio > r + 1e-6 || ((ratio - r).abs() <= 1e-6 && distance < here.map_or(0, |h| bb.abs_diff(h)))
        });
        if ratio >= 0.6 && better {
            best = Some((ratio, b));
        }
    }
    best.map(|(_, b)| b)
}
