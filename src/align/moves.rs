//! Sections that stand elsewhere in some locales, marked as moved rather than reordered.

use super::Row;
use super::features::{BlockInfo, jaccard};

/// A section that some locales have elsewhere: a heading row where they lack it and a heading row where
/// only they have it, with the same explicit anchor or mostly the same content, point at each other.
/// Only partial heading rows (some locale missing) are candidates, and section features are gathered once.
pub(super) fn mark_moves(rows: &mut [Row], infos: &[Vec<BlockInfo>]) {
    let n = infos.len();
    let partial: Vec<usize> =
        (0..rows.len()).filter(|&r| rows[r].section_row == Some(r) && rows[r].count() < n).collect();
    // Thousands of unmatched sections mean two different documents, not moved sections.
    if partial.len() < 2 || partial.len() > 1000 {
        return;
    }
    let features = section_features(rows, infos, &partial);
    for (pi, &r) in partial.iter().enumerate() {
        for (pj, &other) in partial.iter().enumerate() {
            if r == other || rows[r].moved.is_some() || rows[other].moved.is_some() {
                continue;
            }
            let complementary = (0..n).all(|c| !(rows[r].cells[c].is_some() && rows[other].cells[c].is_some()));
            let Some(c) = (0..n).find(|&c| rows[r].cells[c].is_none() && rows[other].cells[c].is_some()) else {
                continue;
            };
            let Some(rep) = rows[r].present().next() else { continue };
            if complementary && same_section(&features[pi][rep], &features[pj][c]) {
                rows[r].moved = Some(other);
                rows[other].moved = Some(r);
            }
        }
    }
}

/// One column's section as moves see it: its heading's explicit anchor and its blocks' strong features.
#[derive(Debug, Clone, Default)]
struct SectionFeatures {
    anchor: Option<u64>,
    strong: Vec<u64>,
}

/// For each candidate heading row, per column, the features of that column's section.
fn section_features(rows: &[Row], infos: &[Vec<BlockInfo>], heads: &[usize]) -> Vec<Vec<SectionFeatures>> {
    let index: std::collections::HashMap<usize, usize> = heads.iter().enumerate().map(|(i, &r)| (r, i)).collect();
    let mut out = vec![vec![SectionFeatures::default(); infos.len()]; heads.len()];
    for (r, row) in rows.iter().enumerate() {
        let Some(&h) = row.section_row.and_then(|s| index.get(&s)) else { continue };
        for (c, cell) in row.cells.iter().enumerate() {
            if let Some(b) = cell {
                let info = &infos[c][*b];
                if r == heads[h] {
                    out[h][c].anchor = info.anchor;
                }
                out[h][c].strong.extend(info.strong.iter().copied());
            }
        }
    }
    for per_col in &mut out {
        for f in per_col {
            f.strong.sort_unstable();
            f.strong.dedup();
        }
    }
    out
}

fn same_section(a: &SectionFeatures, b: &SectionFeatures) -> bool {
    (a.anchor.is_some() && a.anchor == b.anchor) || (a.strong.len() >= 2 && jaccard(&a.strong, &b.strong) >= 0.5)
}
