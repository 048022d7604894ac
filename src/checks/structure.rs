//! Structure checks on the aligned rows: sections and blocks missing or extra against the reference
//! (`structure.missing`, `structure.extra`), sections at another place (`structure.moved`), heading levels
//! (`structure.heading-level`) and counts of list items, table rows and links (`structure.count`).
//!
//! The reference is the source when the row has it, else the majority of the locales. A difference that
//! splits the locales along source revisions is drift, reported once by `meta.stale`, not here.

use super::{CheckId, DocContext, Finding};
use crate::skeleton::{Block, BlockKind};

/// Run the structure checks over one document.
pub fn check(ctx: &DocContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for r in 0..ctx.alignment.rows.len() {
        presence(ctx, r, &mut out);
        if ctx.alignment.rows[r].section_row == Some(r) {
            heading_level(ctx, r, &mut out);
        } else {
            counts(ctx, r, &mut out);
        }
    }
    out
}

/// Who the reference is, in words.
pub fn reference_name(ctx: &DocContext<'_>, row: usize) -> String {
    match ctx.source {
        Some(s) if ctx.block(row, s).is_some() || ctx.alignment.rows[row].cells[s].is_none() => ctx.locale(s),
        _ => "most locales".to_owned(),
    }
}

/// The verb form that agrees with [`reference_name`]: one locale, or "most locales".
pub fn conjugate(ctx: &DocContext<'_>, row: usize, one: &'static str, many: &'static str) -> &'static str {
    if reference_name(ctx, row) == "most locales" { many } else { one }
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

fn presence(ctx: &DocContext<'_>, r: usize, out: &mut Vec<Finding>) {
    let row = &ctx.alignment.rows[r];
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
        out.push(if present[c] { extra(ctx, r, c) } else { missing(ctx, r, c) });
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

fn what(block: &Block) -> String {
    match block.kind {
        BlockKind::Heading => format!("section '{}'", block.text),
        kind => format!("{} '{}'", kind.label(), DocContext::excerpt(block)),
    }
}

fn missing(ctx: &DocContext<'_>, r: usize, c: usize) -> Finding {
    let (ref_col, ref_block) = ctx
        .source
        .and_then(|s| ctx.block(r, s).map(|b| (s, b)))
        .or_else(|| ctx.cells(r).into_iter().next())
        .map_or((c, None), |(col, b)| (col, Some(b)));
    let desc = ref_block.map_or_else(|| "a block".to_owned(), what);
    let where_ref = ref_block.map_or_else(String::new, |b| format!(" ({} line {})", ctx.files[ref_col].rel, b.line));
    let message = format!("{desc} of {} is missing here{where_ref}", reference_name(ctx, r));
    let subject = ref_block.map_or_else(String::new, |b| b.text.clone());
    ctx.finding(CheckId::StructureMissing, c, gap_offset(ctx, r, c), Some(r), &subject, message)
}

fn extra(ctx: &DocContext<'_>, r: usize, c: usize) -> Finding {
    let Some(block) = ctx.block(r, c) else {
        return missing(ctx, r, c);
    };
    let message = format!("{} is not in {}", what(block), reference_name(ctx, r));
    ctx.finding(CheckId::StructureExtra, c, block.range.start, Some(r), &block.text, message)
}

fn moved(ctx: &DocContext<'_>, r: usize, other: usize, c: usize, out: &mut Vec<Finding>) {
    let Some(block) = ctx.block(r, c) else { return };
    let (line, rel) =
        ctx.cells(other).into_iter().next().map_or((0, String::new()), |(oc, b)| (b.line, ctx.files[oc].rel.clone()));
    let message = format!(
        "{} stands at another place than in {} (there: {rel} line {line}, aligned row {})",
        what(block),
        reference_name(ctx, other),
        other + 1
    );
    out.push(ctx.finding(CheckId::StructureMoved, c, block.range.start, Some(r), &block.text, message));
}

/// Where a gap in column `c` at row `r` falls in that file: the end of its previous block.
fn gap_offset(ctx: &DocContext<'_>, r: usize, c: usize) -> usize {
    (0..r)
        .rev()
        .find_map(|p| ctx.block(p, c))
        .map_or(ctx.files[c].skeleton.front_matter.body_start, |b| b.range.end.saturating_sub(1))
}

/// True when the cells agreeing with the reference and the others split along revisions for `c`.
fn drift_for(ctx: &DocContext<'_>, r: usize, c: usize, agrees: impl Fn(&Block) -> bool) -> bool {
    let agree: Vec<bool> = (0..ctx.files.len()).map(|col| ctx.block(r, col).is_some_and(&agrees)).collect();
    ctx.revisions.is_drift(&agree, c)
}

fn heading_level(ctx: &DocContext<'_>, r: usize, out: &mut Vec<Finding>) {
    let Some(level) = ctx.reference(r, |b| b.level) else { return };
    for (c, b) in ctx.cells(r) {
        if b.kind != BlockKind::Heading || b.level == level {
            continue;
        }
        let message = format!(
            "heading '{}' is level {} ({}) here but level {level} in {}",
            b.text,
            b.level,
            "#".repeat(b.level as usize),
            reference_name(ctx, r)
        );
        let f = ctx.finding(CheckId::StructureHeadingLevel, c, b.range.start, Some(r), &b.text, message);
        out.push(drift_noted(f, drift_for(ctx, r, c, |x| x.level == level)));
    }
}

/// A difference that splits the locales along source revisions may be a change of the source: it is
/// still shown, as info, with a pointer to `meta.stale`.
fn drift_noted(mut f: Finding, drift: bool) -> Finding {
    if drift {
        f.severity = super::Severity::Info;
        f.message.push_str(" — the locales differ here along source revisions (see meta.stale)");
    }
    f
}

/// A count a block has: its name, how to read it, and whether it applies to the row's kind.
type Measure = (&'static str, fn(&Block) -> usize, bool);

fn counts(ctx: &DocContext<'_>, r: usize, out: &mut Vec<Finding>) {
    let Some(kind) = ctx.reference(r, |b| b.kind) else { return };
    let measures: [Measure; 3] = [
        (
            if kind == BlockKind::Table { "table rows" } else { "list items" },
            |b| b.items,
            matches!(kind, BlockKind::List | BlockKind::Table),
        ),
        ("table columns", |b| b.columns, kind == BlockKind::Table),
        // A link whose markup translation broke (`[text] (url)`) still counts: link.malformed reports it.
        ("links", |b| b.links.len() + b.broken_links, true),
    ];
    // The reference value of each measure, once per row.
    let expected: Vec<Option<usize>> =
        measures.iter().map(|(_, measure, applies)| if *applies { ctx.reference(r, measure) } else { None }).collect();
    for (c, b) in ctx.cells(r) {
        if b.kind != kind {
            continue;
        }
        let mut diffs = Vec::new();
        let mut drift = true;
        for ((name, measure, _), expected) in measures.iter().zip(&expected) {
            let Some(expected) = *expected else { continue };
            let got = measure(b);
            if got != expected {
                drift &= drift_for(ctx, r, c, |x| measure(x) == expected);
                let (who, has) = (reference_name(ctx, r), conjugate(ctx, r, "has", "have"));
                diffs.push(format!("{got} {name} where {who} {has} {expected}"));
            }
        }
        if !diffs.is_empty() {
            let message = format!("{}: {}", what(b), diffs.join("; "));
            let f = ctx.finding(CheckId::StructureCount, c, b.range.start, Some(r), &diffs.join(";"), message);
            out.push(drift_noted(f, drift));
        }
    }
}
