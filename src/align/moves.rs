//! Sections that stand elsewhere in some locales, marked as moved rather than reordered.

use super::Row;
use super::features::{block_features, jaccard};
use crate::skeleton::Skeleton;
use std::collections::HashSet;

/// A section that some locales have elsewhere: a heading row where they lack it and a heading row where
/// only they have it, with the same explicit anchor or mostly the same content, point at each other.
/// Only partial heading rows (some locale missing) are candidates, and section features are gathered once.
pub(super) fn mark_moves(rows: &mut [Row], skeletons: &[&Skeleton]) {
    let n = skeletons.len();
    let partial: Vec<usize> =
        (0..rows.len()).filter(|&r| rows[r].section_row == Some(r) && rows[r].count() < n).collect();
    // Thousands of unmatched sections mean two different documents, not moved sections.
    if partial.len() < 2 || partial.len() > 1000 {
        return;
    }
    let features = section_features(rows, skeletons, &partial);
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

/// For each candidate heading row, per column, the features of that column's section.
pub(super) fn section_features(rows: &[Row], skeletons: &[&Skeleton], heads: &[usize]) -> Vec<Vec<HashSet<String>>> {
    let index: std::collections::HashMap<usize, usize> = heads.iter().enumerate().map(|(i, &r)| (r, i)).collect();
    let mut out = vec![vec![HashSet::new(); skeletons.len()]; heads.len()];
    for row in rows {
        let Some(&h) = row.section_row.and_then(|s| index.get(&s)) else { continue };
        for (c, cell) in row.cells.iter().enumerate() {
            if let Some(b) = cell {
                out[h][c].extend(block_features(&skeletons[c].blocks[*b]));
            }
        }
    }
    out
}

pub(super) fn same_section(fa: &HashSet<String>, fb: &HashSet<String>) -> bool {
    let anchor_a = fa.iter().find(|f| f.starts_with('#'));
    anchor_a.is_some_and(|x| fb.contains(x)) || (fa.len() >= 2 && jaccard(fa, fb) >= 0.5)
}
