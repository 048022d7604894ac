//! N-way structural alignment: the blocks of every locale of a document laid out in rows, row k holding
//! the corresponding block of each locale or a gap.
//!
//! Every locale is aligned with one pivot — the source, or without one the locale most like the others —
//! first section by section (explicit `{#id}` anchors are sync points, the rest is paired by heading level
//! and content), then block by block inside each pair of sections: blocks with strong features (link
//! targets, code with placeholders masked, inline code, explicit anchors, markup names) match exactly;
//! plain prose is paired by order, kind and length, so a number a translation spells out does not split a
//! pair. Blocks a locale has and the pivot lacks go between the pivot's rows, and those of several locales
//! in one gap share rows when they are alike. Rows keep every locale's own block order; a section found
//! elsewhere in one locale is marked as moved rather than reordered.

mod features;
mod moves;
mod pair;

use crate::skeleton::Skeleton;
use features::{BlockInfo, jaccard, length_ratio, similarity};
use moves::mark_moves;
use pair::pair_up;
use std::ops::Range;

/// One aligned row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Per column (locale), the index of its block in that locale's skeleton, or `None` for a gap.
    pub cells: Vec<Option<usize>>,
    /// The row of the heading that opens this row's section (itself for a heading row).
    pub section_row: Option<usize>,
    /// For the rows of a section that stands elsewhere in some locale: the matching row there.
    pub moved: Option<usize>,
}

impl Row {
    /// The columns that have a block in this row.
    pub fn present(&self) -> impl Iterator<Item = usize> + '_ {
        self.cells.iter().enumerate().filter(|(_, c)| c.is_some()).map(|(i, _)| i)
    }

    /// How many columns have a block.
    pub fn count(&self) -> usize {
        self.cells.iter().filter(|c| c.is_some()).count()
    }
}

/// The alignment of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alignment {
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
    /// The column the alignment was built around (the source, or the most typical locale).
    pub pivot: usize,
}

/// Above this many cells a fuzzy pairing gives up its table and pairs greedily (pathological input).
const MAX_FUZZY_CELLS: usize = 250_000;
/// The least likeness for two sections to pair.
const SECTION_THRESHOLD: f64 = 0.25;
/// The least likeness for two blocks to pair.
const BLOCK_THRESHOLD: f64 = 0.35;
/// The least likeness for blocks of different locales in the same gap to share a row.
const GAP_THRESHOLD: f64 = 0.5;

/// A heading and the blocks up to the next heading (the preamble has no heading).
#[derive(Debug, Clone)]
struct Section {
    heading: Option<usize>,
    body: Range<usize>,
}

/// Everything the alignment knows of a document: per column, its sections and block infos.
struct Columns<'a> {
    skeletons: &'a [&'a Skeleton],
    sections: Vec<Vec<Section>>,
    infos: Vec<Vec<BlockInfo>>,
    section_features: Vec<Vec<Vec<u64>>>,
}

/// Align the skeletons of one document. `pivot` is the reference column when there is one.
pub fn align(skeletons: &[&Skeleton], pivot: Option<usize>) -> Alignment {
    if skeletons.is_empty() {
        return Alignment::default();
    }
    let infos = features::infos(skeletons);
    let sections: Vec<Vec<Section>> = skeletons.iter().map(|s| split_sections(s)).collect();
    let section_features = sections
        .iter()
        .zip(&infos)
        .map(|(secs, info)| secs.iter().map(|s| section_feature_list(info, s)).collect())
        .collect();
    let cols = Columns { skeletons, sections, infos, section_features };
    let pivot = pivot.unwrap_or_else(|| most_typical(&cols));
    let n = skeletons.len();
    let section_rows = star(
        n,
        pivot,
        &|c| Some((0..cols.sections[c].len()).collect()),
        &|base, c, a, b| pair_sections(&cols, base, c, a, b),
        &|c1, s1, c2, s2| section_similarity(&cols, c1, s1, c2, s2),
    );
    let mut rows = Vec::new();
    for srow in &section_rows {
        let heading_cells: Vec<Option<usize>> =
            srow.iter().enumerate().map(|(c, s)| s.and_then(|s| cols.sections[c][s].heading)).collect();
        let start = rows.len();
        if heading_cells.iter().any(Option::is_some) {
            rows.push(Row { cells: heading_cells, section_row: Some(start), moved: None });
        }
        let section_row = (rows.len() > start).then_some(start);
        let base = if srow[pivot].is_some() { pivot } else { srow.iter().position(Option::is_some).unwrap_or(pivot) };
        let bodies = |c: usize| srow[c].map(|s| cols.sections[c][s].body.clone().collect::<Vec<usize>>());
        let block_rows =
            star(n, base, &bodies, &|base, c, a, b| pair_blocks(&cols, base, c, a, b), &|c1, b1, c2, b2| {
                similarity(&cols.infos[c1][b1], &cols.infos[c2][b2], 1.0)
            });
        rows.extend(block_rows.into_iter().map(|cells| Row { cells, section_row, moved: None }));
    }
    mark_moves(&mut rows, &cols.infos);
    Alignment { rows, pivot }
}

fn split_sections(sk: &Skeleton) -> Vec<Section> {
    let mut out = Vec::new();
    let mut heading = None;
    let mut start = 0;
    for (i, b) in sk.blocks.iter().enumerate() {
        if b.kind == crate::skeleton::BlockKind::Heading {
            out.push(Section { heading, body: start..i });
            heading = Some(i);
            start = i + 1;
        }
    }
    out.push(Section { heading, body: start..sk.blocks.len() });
    out
}

/// The strong features of a section's blocks and the kinds of blocks it holds, sorted: what a translation
/// of the section keeps.
fn section_feature_list(infos: &[BlockInfo], s: &Section) -> Vec<u64> {
    let blocks = s.heading.into_iter().chain(s.body.clone());
    let kinds = s.body.clone().map(|b| crate::util::hash::hash64(&["kind", &format!("{:?}", infos[b].class)]));
    let mut out: Vec<u64> = blocks.flat_map(|b| infos[b].strong.iter().copied()).chain(kinds).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The column whose structure shares the most with all the others.
fn most_typical(cols: &Columns<'_>) -> usize {
    let doc: Vec<Vec<u64>> = cols
        .infos
        .iter()
        .map(|infos| {
            let mut v: Vec<u64> = infos.iter().flat_map(|b| b.strong.iter().copied()).collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    (0..doc.len())
        .max_by(|&a, &b| {
            let score = |i: usize| -> f64 { doc.iter().map(|f| jaccard(&doc[i], f)).sum() };
            score(a).total_cmp(&score(b)).then(b.cmp(&a))
        })
        .unwrap_or(0)
}

/// A pairing of one column's items with the base column's: (base index, column index) into the slices.
type Pairs = Vec<(Option<usize>, Option<usize>)>;
/// Pairs the items of a column (second) with the base's (first), given both columns and their items.
type PairFn<'f> = &'f dyn Fn(usize, usize, &[usize], &[usize]) -> Pairs;

/// Star alignment of the items of `n` columns around `base`: each column is paired with the base alone;
/// items the base lacks go into the gap after the last base item they follow, and items of different
/// columns in one gap share a row when `alike` says so. Returns rows of per-column item indices.
fn star(
    n: usize,
    base: usize,
    items: &dyn Fn(usize) -> Option<Vec<usize>>,
    pair: PairFn<'_>,
    alike: &dyn Fn(usize, usize, usize, usize) -> f64,
) -> Vec<Vec<Option<usize>>> {
    let base_items = items(base).unwrap_or_default();
    let mut rows: Vec<Vec<Option<usize>>> = base_items
        .iter()
        .map(|&b| {
            let mut row = vec![None; n];
            row[base] = Some(b);
            row
        })
        .collect();
    // Per gap (after base row g; index 0 is before the first), the extra items of each column.
    let mut gaps: Vec<Vec<(usize, usize)>> = vec![Vec::new(); base_items.len() + 1];
    for col in (0..n).filter(|&c| c != base) {
        let Some(col_items) = items(col) else { continue };
        let mut after = 0;
        for (a, b) in pair(base, col, &base_items, &col_items) {
            match (a, b) {
                (Some(a), Some(b)) => {
                    rows[a][col] = Some(col_items[b]);
                    after = a + 1;
                }
                (Some(a), None) => after = a + 1,
                (None, Some(b)) => gaps[after].push((col, col_items[b])),
                (None, None) => {}
            }
        }
    }
    let mut out = Vec::with_capacity(rows.len());
    for (g, gap) in gaps.into_iter().enumerate() {
        out.extend(gap_rows(n, gap, alike));
        if let Some(row) = rows.get(g) {
            out.push(row.clone());
        }
    }
    out
}

/// The extra items of one gap as rows: an item joins a row when its column is free there and it is like
/// the row's first item; each column keeps its order.
fn gap_rows(
    n: usize,
    gap: Vec<(usize, usize)>,
    alike: &dyn Fn(usize, usize, usize, usize) -> f64,
) -> Vec<Vec<Option<usize>>> {
    let mut rows: Vec<Vec<Option<usize>>> = Vec::new();
    let mut next_free = vec![0usize; n];
    for (col, item) in gap {
        let fits = (next_free[col]..rows.len()).find(|&r| {
            rows[r][col].is_none()
                && rows[r]
                    .iter()
                    .enumerate()
                    .find_map(|(c, x)| x.map(|x| (c, x)))
                    .is_some_and(|(c, x)| alike(c, x, col, item) >= GAP_THRESHOLD)
        });
        let r = fits.unwrap_or_else(|| {
            rows.push(vec![None; n]);
            rows.len() - 1
        });
        rows[r][col] = Some(item);
        next_free[col] = r + 1;
    }
    rows
}

/// Pair the sections of `col` with those of `base`: explicit anchors are exact keys.
fn pair_sections(cols: &Columns<'_>, base: usize, col: usize, a: &[usize], b: &[usize]) -> Pairs {
    let key = |c: usize, s: usize| -> Option<u64> {
        let sec = &cols.sections[c][s];
        match sec.heading {
            None => Some(0), // the preambles pair
            Some(h) => cols.skeletons[c].blocks[h]
                .anchor
                .as_ref()
                .filter(|a| a.explicit)
                .map(|a| crate::util::hash::hash64(&["#", &a.id])),
        }
    };
    let ka: Vec<Option<u64>> = a.iter().map(|&s| key(base, s)).collect();
    let kb: Vec<Option<u64>> = b.iter().map(|&s| key(col, s)).collect();
    pair_up(&ka, &kb, |i, j| section_similarity(cols, base, a[i], col, b[j]), SECTION_THRESHOLD)
}

fn section_similarity(cols: &Columns<'_>, c1: usize, s1: usize, c2: usize, s2: usize) -> f64 {
    let (x, y) = (&cols.sections[c1][s1], &cols.sections[c2][s2]);
    let (Some(hx), Some(hy)) = (x.heading, y.heading) else {
        return if x.heading.is_none() && y.heading.is_none() { 1.0 } else { 0.0 };
    };
    let level = if cols.infos[c1][hx].level == cols.infos[c2][hy].level { 0.35 } else { 0.1 };
    let (fx, fy) = (&cols.section_features[c1][s1], &cols.section_features[c2][s2]);
    let content = if fx.is_empty() && fy.is_empty() { 0.5 } else { jaccard(fx, fy) };
    let (nx, ny) = (x.body.len() as f64, y.body.len() as f64);
    let size = if nx.max(ny) == 0.0 { 1.0 } else { 1.0 - (nx - ny).abs() / nx.max(ny) };
    level + 0.45 * content + 0.2 * size
}

/// Pair the blocks of one section of `col` with the base's.
fn pair_blocks(cols: &Columns<'_>, base: usize, col: usize, a: &[usize], b: &[usize]) -> Pairs {
    let (ia, ib) = (&cols.infos[base], &cols.infos[col]);
    let ratio = length_ratio(ia, ib);
    let ka: Vec<Option<u64>> = a.iter().map(|&x| ia[x].key).collect();
    let kb: Vec<Option<u64>> = b.iter().map(|&y| ib[y].key).collect();
    pair_up(&ka, &kb, |i, j| similarity(&ia[a[i]], &ib[b[j]], ratio), BLOCK_THRESHOLD)
}

#[cfg(test)]
mod tests;
