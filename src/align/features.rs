//! What of a block survives translation, as interned 64-bit features: explicit anchors, link and image
//! targets (language markers removed), inline code and code (placeholders, comments and prose strings
//! masked), markup names. Numbers are soft evidence only (a translation may spell "1 week" out), and a
//! block's prose length is compared through the document's own length ratio.

use crate::skeleton::{Block, BlockKind, Skeleton, inline_code_tokens};
use crate::util::hash::{Hasher64, hash64};
use crate::util::url::comparable;

/// The alignment's view of one block.
#[derive(Debug, Clone)]
pub(super) struct BlockInfo {
    /// Kinds that may stand in each other's place share a class.
    pub class: Class,
    /// Heading level (0 for other blocks).
    pub level: u8,
    /// A heading's explicit anchor (`{#id}`, `<a name>`).
    pub anchor: Option<u64>,
    /// Sorted, deduplicated strong features.
    pub strong: Vec<u64>,
    /// Sorted, deduplicated numbers.
    pub numbers: Vec<u64>,
    /// Characters of prose.
    pub len: u32,
    /// The exact-match key: only blocks with strong features have one (blocks of plain prose are paired by
    /// order and likeness, never by an exact key that every such block would share).
    pub key: Option<u64>,
}

/// Block kinds as the alignment pairs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Class {
    Heading,
    /// Paragraphs, and HTML blocks (a `<p>` wrapper reads as a paragraph in some renderers).
    Prose,
    Item,
    Table,
    Code,
    /// Admonitions and quotes (`> **Note:**` in one locale, `> [!NOTE]` in another).
    Callout,
    Markup,
}

impl Class {
    fn of(kind: BlockKind) -> Class {
        match kind {
            BlockKind::Heading => Class::Heading,
            BlockKind::Paragraph | BlockKind::Html => Class::Prose,
            BlockKind::Item => Class::Item,
            BlockKind::Table => Class::Table,
            BlockKind::Code => Class::Code,
            BlockKind::Quote | BlockKind::Admonition => Class::Callout,
            BlockKind::Markup => Class::Markup,
        }
    }
}

impl BlockInfo {
    pub(super) fn of(b: &Block) -> BlockInfo {
        let class = Class::of(b.kind);
        let mut strong: Vec<u64> = Vec::new();
        let anchor = b.anchor.as_ref().filter(|a| a.explicit).map(|a| hash64(&["#", &a.id]));
        strong.extend(anchor);
        for l in b.links.iter().chain(&b.images) {
            strong.push(hash64(&[">", &comparable(&l.target)]));
        }
        for c in &b.inline_code {
            let mut h = Hasher64::default();
            h.write("`");
            for t in inline_code_tokens(&c.text) {
                h.write(t.key());
            }
            strong.push(h.finish());
        }
        if b.kind == BlockKind::Code {
            strong.push(b.code_key());
        }
        if let (BlockKind::Markup, Some(name)) = (b.kind, &b.name) {
            strong.push(hash64(&["<", name]));
        }
        strong.sort_unstable();
        strong.dedup();
        let mut numbers: Vec<u64> = b.numbers.iter().map(|n| hash64(&["9", n])).collect();
        numbers.sort_unstable();
        numbers.dedup();
        // One code span is weak evidence in running text: a translation may add or drop the backticks around
        // a word (`yield`, `tags`), and an exact match on it would pull the pairing across whole paragraphs.
        let weak = matches!(class, Class::Prose | Class::Item | Class::Callout)
            && strong.len() == 1
            && b.inline_code.len() == 1
            && b.links.is_empty()
            && b.images.is_empty();
        let key = (!strong.is_empty() && !weak).then(|| {
            let mut h = Hasher64::default();
            h.write(&format!("{class:?}{}", b.level));
            for f in &strong {
                h.write(&f.to_string());
            }
            h.finish()
        });
        let len = u32::try_from(b.text.chars().count()).unwrap_or(u32::MAX);
        BlockInfo { class, level: b.level, anchor, strong, numbers, len, key }
    }
}

/// Every block's info, per column.
pub(super) fn infos(skeletons: &[&Skeleton]) -> Vec<Vec<BlockInfo>> {
    skeletons.iter().map(|s| s.blocks.iter().map(BlockInfo::of).collect()).collect()
}

/// Shared ÷ union of two sorted feature lists (0 when both are empty).
pub(super) fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let shared = shared(a, b);
    shared as f64 / (a.len() + b.len() - shared) as f64
}

/// How many features two sorted lists share.
pub(super) fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// How alike two blocks are, 0 to 1: 0 for kinds that never stand for each other; else a base for the
/// kind, raised by shared strong features and numbers and by a prose length in line with the document's
/// ratio of translation to reference length (`ratio`).
pub(super) fn similarity(a: &BlockInfo, b: &BlockInfo, ratio: f64) -> f64 {
    if a.class != b.class {
        return 0.0;
    }
    let mut score = if a.class == Class::Heading && a.level != b.level { 0.3 } else { 0.4 };
    if !a.strong.is_empty() || !b.strong.is_empty() {
        score += 0.4 * jaccard(&a.strong, &b.strong);
    } else {
        score += 0.1; // two plain blocks of one kind: as alike as order makes them
    }
    if !a.numbers.is_empty() && !b.numbers.is_empty() {
        score += 0.05 * jaccard(&a.numbers, &b.numbers);
    }
    if a.len > 0 && b.len > 0 {
        let expected = f64::from(a.len) * ratio;
        let off = (f64::from(b.len) / expected).ln().abs();
        score += 0.15 * (1.0 - (off / 3f64.ln()).min(1.0));
    }
    score
}

/// The document's typical length of column `col` against the pivot: the ratio of their prose lengths.
pub(super) fn length_ratio(pivot: &[BlockInfo], col: &[BlockInfo]) -> f64 {
    let total = |v: &[BlockInfo]| v.iter().map(|b| f64::from(b.len)).sum::<f64>();
    let (p, c) = (total(pivot), total(col));
    if p > 0.0 && c > 0.0 { (c / p).clamp(0.2, 5.0) } else { 1.0 }
}
