//! Pairing two sequences in order: exact keys first (patience diff), then a fuzzy pass over what lies
//! between.

use super::MAX_FUZZY_CELLS;
use similar::{Algorithm, DiffTag, capture_diff_slices};
use std::ops::Range;

/// Pair two sequences: exact keys first (patience diff; an item without a key is never matched exactly),
/// then a fuzzy, order-keeping pairing of what lies between the exact matches, accepting pairs scoring at
/// least `threshold`.
pub(super) fn pair_up(
    a: &[Option<u64>],
    b: &[Option<u64>],
    score: impl Fn(usize, usize) -> f64,
    threshold: f64,
) -> Vec<(Option<usize>, Option<usize>)> {
    // Keyless items get keys no other item has: one half of the space for each side.
    let unique = |side: u64, i: usize| u64::MAX - side * (u64::MAX / 2) - i as u64;
    let a: Vec<u64> = a.iter().enumerate().map(|(i, k)| k.unwrap_or_else(|| unique(0, i))).collect();
    let b: Vec<u64> = b.iter().enumerate().map(|(j, k)| k.unwrap_or_else(|| unique(1, j))).collect();
    let (a, b) = (&a[..], &b[..]);
    let mut out = Vec::new();
    // The unmatched stretch since the last exact match, as (old range, new range).
    let mut hunk: Option<(Range<usize>, Range<usize>)> = None;
    for op in capture_diff_slices(Algorithm::Patience, a, b) {
        let (tag, ra, rb) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            if let Some((ha, hb)) = hunk.take() {
                out.extend(fuzzy_pairs(ha, hb, &score, threshold));
            }
            out.extend(ra.zip(rb).map(|(x, y)| (Some(x), Some(y))));
        } else {
            hunk = Some(match hunk {
                None => (ra, rb),
                Some((ha, hb)) => {
                    (ha.start.min(ra.start)..ha.end.max(ra.end), hb.start.min(rb.start)..hb.end.max(rb.end))
                }
            });
        }
    }
    if let Some((ha, hb)) = hunk {
        out.extend(fuzzy_pairs(ha, hb, &score, threshold));
    }
    out
}

/// Order-keeping pairing that maximises the summed similarity (Needleman–Wunsch with free gaps).
pub(super) fn fuzzy_pairs(
    a: Range<usize>,
    b: Range<usize>,
    score: &impl Fn(usize, usize) -> f64,
    threshold: f64,
) -> Vec<(Option<usize>, Option<usize>)> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return a.map(|x| (Some(x), None)).chain(b.map(|y| (None, Some(y)))).collect();
    }
    if n * m > MAX_FUZZY_CELLS {
        return greedy_pairs(a, b, score, threshold);
    }
    let mut best = vec![vec![0.0f64; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let s = score(a.start + i, b.start + j);
            let take = if s >= threshold { s + best[i + 1][j + 1] } else { f64::MIN };
            best[i][j] = take.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let s = score(a.start + i, b.start + j);
        if s >= threshold && (best[i][j] - (s + best[i + 1][j + 1])).abs() < 1e-9 {
            out.push((Some(a.start + i), Some(b.start + j)));
            i += 1;
            j += 1;
        } else if (best[i][j] - best[i + 1][j]).abs() < 1e-9 {
            out.push((Some(a.start + i), None));
            i += 1;
        } else {
            out.push((None, Some(b.start + j)));
            j += 1;
        }
    }
    out.extend((i..n).map(|i| (Some(a.start + i), None)));
    out.extend((j..m).map(|j| (None, Some(b.start + j))));
    out
}

/// Linear-time pairing for hunks too large for the table: walk both sides, pairing what matches and
/// skipping ahead on the side whose next item matches better.
pub(super) fn greedy_pairs(
    a: Range<usize>,
    b: Range<usize>,
    score: &impl Fn(usize, usize) -> f64,
    threshold: f64,
) -> Vec<(Option<usize>, Option<usize>)> {
    let mut out = Vec::with_capacity(a.len().max(b.len()));
    let (mut i, mut j) = (a.start, b.start);
    while i < a.end && j < b.end {
        if score(i, j) >= threshold {
            out.push((Some(i), Some(j)));
            i += 1;
            j += 1;
        } else if i + 1 < a.end && score(i + 1, j) >= threshold {
            out.push((Some(i), None));
            i += 1;
        } else if j + 1 < b.end && score(i, j + 1) >= threshold {
            out.push((None, Some(j)));
            j += 1;
        } else {
            out.push((Some(i), None));
            out.push((None, Some(j)));
            i += 1;
            j += 1;
        }
    }
    out.extend((i..a.end).map(|x| (Some(x), None)));
    out.extend((j..b.end).map(|y| (None, Some(y))));
    out
}
