//! N-way structural alignment: the blocks of every locale of a document laid out in rows, row k holding
//! the corresponding block of each locale or a gap.
//!
//! Sections are aligned first — identical heading anchors are sync points (`similar`'s patience diff over
//! anchor ids), the sections between them are paired by heading level and content — then the blocks
//! inside each aligned section, by signature (kind, level, link targets, code, numbers), again with
//! `similar` and a fuzzy pass over what it leaves unmatched. Locales are added one by one to a growing
//! profile, starting from the reference (the source, or the locale most like the others), so no source
//! is needed. Rows keep every locale's own block order; a section found elsewhere in one locale is marked
//! as moved rather than reordered.

mod features;
mod moves;
mod pair;

use crate::skeleton::{BlockKind, Skeleton};
use features::{BlockKeys, block_features, block_similarity, doc_features, jaccard};
use moves::mark_moves;
use pair::pair_up;
use serde::Serialize;
use std::collections::HashSet;
use std::ops::Range;

/// One aligned row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Alignment {
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
    /// The column the alignment was built around (the source, or the most typical locale).
    pub pivot: usize,
}

/// Above this many cells a fuzzy pairing gives up and leaves the hunk unpaired (pathological input).
const MAX_FUZZY_CELLS: usize = 250_000;

/// Align the skeletons of one document. `pivot` is the reference column when there is one.
pub fn align(skeletons: &[&Skeleton], pivot: Option<usize>) -> Alignment {
    if skeletons.is_empty() {
        return Alignment::default();
    }
    let pivot = pivot.unwrap_or_else(|| most_typical(skeletons));
    let sections: Vec<Vec<Section>> = skeletons.iter().map(|s| split_sections(s)).collect();
    let section_rows = align_sections(skeletons, &sections, pivot);
    let keys = BlockKeys::new(skeletons);
    let mut rows = Vec::new();
    for srow in &section_rows {
        let heading_cells: Vec<Option<usize>> =
            srow.iter().enumerate().map(|(c, s)| s.and_then(|s| sections[c][s].heading)).collect();
        let start = rows.len();
        if heading_cells.iter().any(Option::is_some) {
            rows.push(Row { cells: heading_cells, section_row: Some(start), moved: None });
        }
        let section_row = (rows.len() > start).then_some(start);
        let bodies: Vec<Option<Range<usize>>> =
            srow.iter().enumerate().map(|(c, s)| s.map(|s| sections[c][s].body.clone())).collect();
        for cells in align_blocks(skeletons, &keys, &bodies, pivot) {
            rows.push(Row { cells, section_row, moved: None });
        }
    }
    mark_moves(&mut rows, skeletons);
    Alignment { rows, pivot }
}

/// A heading and the blocks up to the next heading (the preamble has no heading).
#[derive(Debug, Clone)]
struct Section {
    heading: Option<usize>,
    body: Range<usize>,
}

fn split_sections(sk: &Skeleton) -> Vec<Section> {
    let mut out = Vec::new();
    let mut heading = None;
    let mut start = 0;
    for (i, b) in sk.blocks.iter().enumerate() {
        if b.kind == BlockKind::Heading {
            out.push(Section { heading, body: start..i });
            heading = Some(i);
            start = i + 1;
        }
    }
    out.push(Section { heading, body: start..sk.blocks.len() });
    out
}

/// The column whose structure shares the most with all the others.
fn most_typical(skeletons: &[&Skeleton]) -> usize {
    let features: Vec<HashSet<String>> = skeletons.iter().map(|s| doc_features(s)).collect();
    (0..skeletons.len())
        .max_by(|&a, &b| {
            let score = |i: usize| -> f64 { features.iter().map(|f| jaccard(&features[i], f)).sum() };
            score(a).total_cmp(&score(b)).then(b.cmp(&a))
        })
        .unwrap_or(0)
}

/// Progressive alignment of the section lists; returns rows of per-column section indices.
fn align_sections(skeletons: &[&Skeleton], sections: &[Vec<Section>], pivot: usize) -> Vec<Vec<Option<usize>>> {
    let n = skeletons.len();
    let mut profile: Vec<Vec<Option<usize>>> = (0..sections[pivot].len())
        .map(|s| {
            let mut row = vec![None; n];
            row[pivot] = Some(s);
            row
        })
        .collect();
    for col in (0..n).filter(|&c| c != pivot) {
        let rep = |row: &Vec<Option<usize>>| representative(row);
        let key_of = |c: usize, s: usize| section_key(skeletons[c], &sections[c][s]);
        let profile_keys: Vec<String> =
            profile.iter().map(|row| rep(row).map_or_else(String::new, |(c, s)| key_of(c, s))).collect();
        let col_keys: Vec<String> = (0..sections[col].len()).map(|s| key_of(col, s)).collect();
        let score = |p: usize, s: usize| -> f64 {
            rep(&profile[p]).map_or(0.0, |(c, ps)| {
                section_similarity(skeletons[c], &sections[c][ps], skeletons[col], &sections[col][s])
            })
        };
        let (pk, ck): (Vec<&str>, Vec<&str>) =
            (profile_keys.iter().map(String::as_str).collect(), col_keys.iter().map(String::as_str).collect());
        let pairs = pair_up(&pk, &ck, score, 0.35);
        profile = merge_into_profile(&profile, pairs, col, n);
    }
    profile
}

/// The first present cell of a profile row: (column, index).
fn representative(row: &[Option<usize>]) -> Option<(usize, usize)> {
    row.iter().enumerate().find_map(|(c, s)| s.map(|s| (c, s)))
}

fn section_key(sk: &Skeleton, s: &Section) -> String {
    match s.heading.and_then(|h| sk.blocks[h].anchor.as_ref()) {
        Some(a) => format!("#{}", a.id),
        None if s.heading.is_none() => "\u{0}preamble".to_owned(),
        None => String::new(),
    }
}

fn section_similarity(a_sk: &Skeleton, a: &Section, b_sk: &Skeleton, b: &Section) -> f64 {
    let (Some(ha), Some(hb)) = (a.heading, b.heading) else {
        return if a.heading.is_none() && b.heading.is_none() { 1.0 } else { 0.0 };
    };
    let level = if a_sk.blocks[ha].level == b_sk.blocks[hb].level { 0.4 } else { 0.1 };
    let feats = |sk: &Skeleton, s: &Section| -> HashSet<String> {
        sk.blocks[s.body.clone()]
            .iter()
            .flat_map(block_features)
            .chain(sk.blocks[s.body.clone()].iter().map(|b| format!("k{:?}", b.kind)))
            .collect()
    };
    let (fa, fb) = (feats(a_sk, a), feats(b_sk, b));
    let content = if fa.is_empty() && fb.is_empty() { 1.0 } else { jaccard(&fa, &fb) };
    level + 0.6 * content
}

/// Progressive alignment of the blocks of one aligned section; returns rows of per-column block indices.
fn align_blocks(
    skeletons: &[&Skeleton],
    keys: &BlockKeys,
    bodies: &[Option<Range<usize>>],
    pivot: usize,
) -> Vec<Vec<Option<usize>>> {
    let n = skeletons.len();
    let order = std::iter::once(pivot).chain((0..n).filter(|&c| c != pivot));
    let mut profile: Vec<Vec<Option<usize>>> = Vec::new();
    for col in order {
        let Some(body) = bodies[col].clone() else {
            continue;
        };
        let blocks: Vec<usize> = body.collect();
        if profile.is_empty() {
            profile = blocks
                .iter()
                .map(|&b| {
                    let mut row = vec![None; n];
                    row[col] = Some(b);
                    row
                })
                .collect();
            continue;
        }
        let profile_keys: Vec<&str> =
            profile.iter().map(|row| representative(row).map_or("", |(c, b)| keys.key[c][b].as_str())).collect();
        let col_keys: Vec<&str> = blocks.iter().map(|&b| keys.key[col][b].as_str()).collect();
        let score = |p: usize, i: usize| -> f64 {
            representative(&profile[p]).map_or(0.0, |(c, b)| {
                let (x, y) = (&skeletons[c].blocks[b], &skeletons[col].blocks[blocks[i]]);
                block_similarity(x, y, &keys.features[c][b], &keys.features[col][blocks[i]])
            })
        };
        let pairs = pair_up(&profile_keys, &col_keys, score, 0.35);
        let pairs = pairs.into_iter().map(|(p, i)| (p, i.map(|i| blocks[i]))).collect();
        profile = merge_into_profile(&profile, pairs, col, n);
    }
    profile
}

fn merge_into_profile(
    profile: &[Vec<Option<usize>>],
    pairs: Vec<(Option<usize>, Option<usize>)>,
    col: usize,
    n: usize,
) -> Vec<Vec<Option<usize>>> {
    pairs
        .into_iter()
        .map(|(p, x)| {
            let mut row = p.map_or_else(|| vec![None; n], |p| profile[p].clone());
            row[col] = x;
            row
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::LineIndex;

    fn sk(text: &str) -> Skeleton {
        Skeleton::parse(text, &LineIndex::new(text))
    }

    /// Each row as the first line of each cell (or "-").
    fn table(skeletons: &[&Skeleton], al: &Alignment) -> Vec<Vec<String>> {
        al.rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .enumerate()
                    .map(|(c, b)| b.map_or("-".to_owned(), |b| skeletons[c].blocks[b].text.clone()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn aligns_sections_by_anchor_and_leaves_gaps() {
        let en =
            sk("# Intro {#intro}\n\nHello.\n\n## Setup {#setup}\n\nRun `x`.\n\n## Usage {#usage}\n\nUse [it](a.md).\n");
        let de = sk("# Einführung {#intro}\n\nHallo.\n\n## Benutzung {#usage}\n\nBenutze [es](a.md).\n");
        let fr = sk(
            "# Introduction {#intro}\n\nBonjour.\n\n## Installation {#setup}\n\nLancez `x`.\n\n## Extra {#extra}\n\nEn plus.\n\n## Utilisation {#usage}\n\nUtilisez [le](a.md).\n",
        );
        let all = [&en, &de, &fr];
        let al = align(&all, Some(0));
        assert_eq!(
            table(&all, &al),
            vec![
                vec!["Intro", "Einführung", "Introduction"],
                vec!["Hello.", "Hallo.", "Bonjour."],
                vec!["Setup", "-", "Installation"],
                vec!["Run .", "-", "Lancez ."],
                vec!["-", "-", "Extra"],
                vec!["-", "-", "En plus."],
                vec!["Usage", "Benutzung", "Utilisation"],
                vec!["Use it.", "Benutze es.", "Utilisez le."],
            ]
        );
        assert_eq!(al.rows[3].section_row, Some(2));
    }

    #[test]
    fn pairs_changed_blocks_by_signature_without_anchors_or_source() {
        let a = sk("# A\n\nSee [x](x.md) and [y](y.md).\n\n```\ncode\n```\n\nLast words here.\n");
        let b = sk("# B\n\nSiehe [x](x.md) und [y](y-neu.md).\n\n```\ncode\n```\n\nLetzte Worte.\n");
        let c = sk("# C\n\nVoir [x](x.md) et [y](y.md).\n\nNouveau paragraphe.\n\n```\ncode\n```\n\nDerniers mots.\n");
        let all = [&a, &b, &c];
        let al = align(&all, None);
        assert_eq!(
            table(&all, &al),
            vec![
                vec!["A", "B", "C"],
                vec!["See x and y.", "Siehe x und y.", "Voir x et y."],
                vec!["-", "-", "Nouveau paragraphe."],
                vec!["", "", ""],
                vec!["Last words here.", "Letzte Worte.", "Derniers mots."],
            ]
        );
    }

    #[test]
    fn a_section_elsewhere_is_marked_moved_not_reordered() {
        let a = sk("# T {#t}\n\n## P {#privacy}\n\nPrivacy.\n\n## Q {#q}\n\nQ.\n\n## R {#r}\n\nR.\n");
        let b = sk("# T {#t}\n\n## Q {#q}\n\nQ.\n\n## R {#r}\n\nR.\n\n## P {#privacy}\n\nPrivatsphäre.\n");
        let all = [&a, &a.clone(), &b];
        let al = align(&all, None);
        let t = table(&all, &al);
        let p_rows: Vec<usize> = (0..t.len()).filter(|&r| t[r].contains(&"P".to_owned())).collect();
        assert_eq!(p_rows.len(), 2, "{t:?}");
        assert_eq!(al.rows[p_rows[0]].moved, Some(p_rows[1]));
        assert_eq!(al.rows[p_rows[1]].moved, Some(p_rows[0]));
        assert_eq!(t[p_rows[0]], vec!["P", "P", "-"]);
        assert_eq!(t[p_rows[1]], vec!["-", "-", "P"]);
    }

    #[test]
    fn long_clean_translations_align_without_moves() {
        let en: String = (0..700).map(|i| format!("## Section {i}\n\nSee [x](x{i}.md).\n\n")).collect();
        let de: String = (0..700).map(|i| format!("## Abschnitt {i}\n\nSiehe [x](x{i}.md).\n\n")).collect();
        let (a, b) = (sk(&en), sk(&de));
        let al = align(&[&a, &b], Some(0));
        assert_eq!(al.rows.len(), 1400);
        assert!(al.rows.iter().all(|r| r.count() == 2 && r.moved.is_none()));
    }

    #[test]
    fn pathological_hunks_do_not_explode() {
        let big: String = (0..3000).map(|i| format!("para {i}\n\n")).collect();
        let other: String = (0..3000).map(|i| format!("absatz [l{i}](x{i}.md)\n\n")).collect();
        let (a, b) = (sk(&big), sk(&other));
        let al = align(&[&a, &b], Some(0));
        assert_eq!(
            al.rows.iter().filter(|r| r.count() == 2).count() + al.rows.iter().filter(|r| r.count() == 1).count(),
            al.rows.len()
        );
    }
}
