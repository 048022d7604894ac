//! Structure checks on the aligned rows: sections and blocks missing or extra against the reference
//! (`structure.missing`, `structure.extra`), sections at another place (`structure.moved`), heading levels
//! (`structure.heading-level`), and tables and links that lost rows, columns or targets (`structure.count`).
//!
//! The reference is the source when the row has it, else the majority of the locales. A difference that
//! splits the locales along source revisions is drift, reported once by `meta.stale`, not here. Markup
//! with no content of its own (imports, comments, component tags) is never missing or extra: a
//! generator's furniture, not the reader's text.

use super::{CheckId, DocContext, Draft, Severity};
use crate::skeleton::{Block, BlockKind};
use crate::util::url::comparable;

/// Run the structure checks over one document.
pub fn check(ctx: &DocContext<'_>) -> Vec<Draft> {
    let mut out = Vec::new();
    for r in ctx.rows() {
        presence(ctx, r, &mut out);
        if ctx.alignment.rows[r].section_row == Some(r) {
            heading_level(ctx, r, &mut out);
        } else {
            counts(ctx, r, &mut out);
        }
    }
    out
}

/// Markup that stands for nothing a reader sees as text of the page.
fn is_furniture(b: &Block) -> bool {
    b.kind == BlockKind::Markup
        && (b.links.is_empty() && b.images.is_empty()
            || matches!(b.name.as_deref(), Some("import" | "export" | "comment")))
}

/// Whether the reference has a block in row `r`: the source decides; without one, the majority, and on a
/// tie the pivot column.
fn reference_present(ctx: &DocContext<'_>, r: usize) -> bool {
    let row = &ctx.alignment.rows[r];
    if let Some(s) = ctx.source {
        return row.cells[s].is_some();
    }
    let (k, n) = (row.count(), row.cells.len());
    if k * 2 == n { row.cells[ctx.alignment.pivot].is_some() } else { k * 2 > n }
}

fn presence(ctx: &DocContext<'_>, r: usize, out: &mut Vec<Draft>) {
    let row = &ctx.alignment.rows[r];
    if ctx.cells(r).iter().all(|(_, b)| is_furniture(b)) {
        return;
    }
    let present: Vec<bool> = row.cells.iter().map(Option::is_some).collect();
    let expected = reference_present(ctx, r);
    for c in 0..present.len() {
        if present[c] == expected || ctx.revisions.is_drift(&present, c) || covered_by_section(ctx, r, c) {
            continue;
        }
        if let Some(other) = row.moved {
            if present[c] {
                moved(ctx, r, other, c, out);
            }
            continue;
        }
        out.extend(if present[c] { extra(ctx, r, c) } else { missing(ctx, r, c) });
    }
}

/// A content row whose section heading already differs the same way for this column is covered by the
/// section's finding.
fn covered_by_section(ctx: &DocContext<'_>, r: usize, c: usize) -> bool {
    let rows = &ctx.alignment.rows;
    match rows[r].section_row {
        Some(s) if s != r => {
            rows[s].cells[c].is_some() == rows[r].cells[c].is_some()
                && reference_present(ctx, s) != rows[s].cells[c].is_some()
        }
        _ => false,
    }
}

fn missing(ctx: &DocContext<'_>, r: usize, c: usize) -> Option<Draft> {
    let (ref_col, ref_block) =
        ctx.source.and_then(|s| ctx.block(r, s).map(|b| (s, b))).or_else(|| ctx.cells(r).first().copied())?;
    let where_ref = format!(" ({} line {})", ctx.files[ref_col].rel, ref_block.line);
    let message = format!("{} of {} is missing here{where_ref}", ctx.what(ref_col, ref_block), ctx.reference_name(r));
    let subject = ctx.excerpt(ref_col, ref_block);
    Some(ctx.draft(CheckId::StructureMissing, c, gap_offset(ctx, r, c), Some(r), &subject, message))
}

fn extra(ctx: &DocContext<'_>, r: usize, c: usize) -> Option<Draft> {
    let block = ctx.block(r, c)?;
    let message = format!("{} is not in {}", ctx.what(c, block), ctx.reference_name(r));
    let subject = ctx.excerpt(c, block);
    Some(ctx.draft(CheckId::StructureExtra, c, block.range.start, Some(r), &subject, message))
}

fn moved(ctx: &DocContext<'_>, r: usize, other: usize, c: usize, out: &mut Vec<Draft>) {
    let Some(block) = ctx.block(r, c) else { return };
    let there =
        ctx.source.and_then(|s| ctx.block(other, s).map(|b| (s, b))).or_else(|| ctx.cells(other).first().copied());
    let (line, rel) = there.map_or((0, String::new()), |(oc, b)| (b.line, ctx.files[oc].rel.clone()));
    let message = format!(
        "{} stands at another place than in {} (there: {rel} line {line}, aligned row {})",
        ctx.what(c, block),
        ctx.reference_name(other),
        other + 1
    );
    let subject = ctx.excerpt(c, block);
    out.push(ctx.draft(CheckId::StructureMoved, c, block.range.start, Some(r), &subject, message));
}

/// Where a gap in column `c` at row `r` falls in that file: the last character of its previous block.
fn gap_offset(ctx: &DocContext<'_>, r: usize, c: usize) -> usize {
    let text = &ctx.files[c].text;
    (0..r).rev().find_map(|p| ctx.block(p, c)).map_or(ctx.files[c].skeleton.front_matter.body_start, |b| {
        let content = text.get(b.range.clone()).unwrap_or_default().trim_end();
        b.range.start + content.len().saturating_sub(content.chars().next_back().map_or(0, char::len_utf8))
    })
}

/// True when the cells agreeing with the reference and the others split along revisions for `c`.
fn drift_for(ctx: &DocContext<'_>, r: usize, c: usize, agrees: impl Fn(&Block) -> bool) -> bool {
    let agree: Vec<bool> = (0..ctx.files.len()).map(|col| ctx.block(r, col).is_some_and(&agrees)).collect();
    ctx.revisions.is_drift(&agree, c)
}

fn heading_level(ctx: &DocContext<'_>, r: usize, out: &mut Vec<Draft>) {
    let Some(level) = ctx.reference(r, |b| b.level) else { return };
    for &(c, b) in ctx.cells(r) {
        if b.kind != BlockKind::Heading || b.level == level {
            continue;
        }
        let message = format!(
            "heading '{}' is level {} ({}) here but level {level} in {}",
            ctx.excerpt(c, b),
            b.level,
            "#".repeat(b.level as usize),
            ctx.reference_name(r)
        );
        let d = ctx.draft(CheckId::StructureHeadingLevel, c, b.range.start, Some(r), &format!("level{level}"), message);
        out.push(drift_noted(d, drift_for(ctx, r, c, |x| x.level == level)));
    }
}

/// A difference that splits the locales along source revisions may be a change of the source: it is
/// still shown, as info, with a pointer to `meta.stale`.
pub(super) fn drift_noted(mut d: Draft, drift: bool) -> Draft {
    if drift {
        d.severity = Some(Severity::Info);
        d.message.push_str(" — the locales differ here along source revisions (see meta.stale)");
    }
    d
}

/// Tables that lost rows or columns, and blocks that lost link targets the reference has. More links than
/// the reference is a translator's help, not a defect.
fn counts(ctx: &DocContext<'_>, r: usize, out: &mut Vec<Draft>) {
    let Some(kind) = ctx.reference(r, |b| b.kind) else { return };
    let expected_rows = (kind == BlockKind::Table).then(|| ctx.reference(r, |b| (b.items, b.columns))).flatten();
    let expected_links = ctx.reference(r, link_targets);
    for &(c, b) in ctx.cells(r) {
        if b.kind != kind {
            continue;
        }
        let mut diffs = Vec::new();
        let mut drift = true;
        let who = ctx.reference_name(r);
        if let Some((rows, columns)) = expected_rows {
            if b.items != rows {
                drift &= drift_for(ctx, r, c, |x| x.items == rows);
                diffs.push(format!("{} table rows where {who} {} {rows}", b.items, ctx.conjugate(r, "has", "have")));
            }
            if b.columns != columns {
                drift &= drift_for(ctx, r, c, |x| x.columns == columns);
                diffs.push(format!(
                    "{} table columns where {who} {} {columns}",
                    b.columns,
                    ctx.conjugate(r, "has", "have")
                ));
            }
        }
        if let Some(expected) = &expected_links {
            let got = link_targets(b);
            let lost = lost_targets(expected, &got);
            // A link whose markup translation broke (`[text] (url)`) still counts: link.malformed says so.
            if !lost.is_empty() && got.len() + b.broken_links < expected.len() {
                drift &= drift_for(ctx, r, c, |x| x.links.len() >= expected.len());
                let mut distinct = lost.clone();
                distinct.dedup();
                let shown: Vec<String> = distinct.iter().take(3).map(|t| format!("`{t}`")).collect();
                let more = if distinct.len() > 3 { format!(" and {} more", distinct.len() - 3) } else { String::new() };
                diffs.push(format!(
                    "{} links where {who} {} {} (missing: {}{more})",
                    got.len() + b.broken_links,
                    ctx.conjugate(r, "has", "have"),
                    expected.len(),
                    shown.join(", ")
                ));
            }
        }
        if !diffs.is_empty() {
            let message = format!("{}: {}", ctx.what(c, b), diffs.join("; "));
            let d = ctx.draft(CheckId::StructureCount, c, b.range.start, Some(r), &diffs.join(";"), message);
            out.push(drift_noted(d, drift));
        }
    }
}

/// The link targets of a block in comparable form (with their fragment), sorted; duplicates kept: two
/// links to one page count twice.
fn link_targets(b: &Block) -> Vec<String> {
    let mut v: Vec<String> = b
        .links
        .iter()
        .map(|l| match l.target.split_once('#') {
            Some((_, fragment)) => format!("{}#{fragment}", comparable(&l.target)),
            None => comparable(&l.target),
        })
        .collect();
    v.sort();
    v
}

/// The targets of `expected` (sorted) that `got` (sorted) lacks, counted as multisets.
fn lost_targets<'e>(expected: &'e [String], got: &[String]) -> Vec<&'e String> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < expected.len() {
        if j < got.len() && got[j] < expected[i] {
            j += 1;
        } else if j < got.len() && got[j] == expected[i] {
            i += 1;
            j += 1;
        } else {
            out.push(&expected[i]);
            i += 1;
        }
    }
    out
}
