//! The pure half of placing atoms: greedy line breaking in logical order at white space, then the visual
//! order of each line (UAX #9 L1–L2 on the atoms' levels) and each atom's x.

use super::analysis::{Atom, Paragraph};
use std::ops::Range;
use unicode_bidi::{BidiInfo, Level};

/// One laid-out line: which atoms it holds (logical range) and where each visible one goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The atoms of the line, in logical order (trailing spaces included).
    pub atoms: Range<usize>,
    /// (atom index, x from the paragraph's left edge) in visual order, left to right; trailing and
    /// leading spaces left out.
    pub placed: Vec<(usize, f32)>,
    /// The width of what is placed.
    pub width: f32,
}

/// Break `paragraph` into lines of at most `max_width` (an atom wider than that gets a line of its own)
/// and place each line's atoms, right-aligned for a right-to-left paragraph. `widths[i]` is atom i's.
pub fn lay_out(paragraph: &Paragraph, widths: &[f32], max_width: f32) -> Vec<Line> {
    break_lines(&paragraph.atoms, widths, max_width)
        .into_iter()
        .map(|atoms| place(paragraph, atoms, widths, max_width))
        .collect()
}

/// Greedy breaking in logical order: a line ends after its last space when the next word would not fit.
pub fn break_lines(atoms: &[Atom], widths: &[f32], max_width: f32) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let (mut start, mut x, mut last_break) = (0, 0.0f32, None::<usize>);
    let mut i = 0;
    while i < atoms.len() {
        let has_word = atoms[start..i].iter().any(|a| !a.space);
        if atoms[i].space && start > 0 && !has_word {
            i += 1; // a space at the start of a continued line takes no room
            continue;
        }
        if !atoms[i].space && has_word && x + widths[i] > max_width {
            let end = last_break.filter(|&b| b > start).unwrap_or(i);
            lines.push(start..end);
            (start, x, last_break, i) = (end, 0.0, None, end);
            continue;
        }
        x += widths[i];
        if atoms[i].space {
            last_break = Some(i + 1);
        }
        i += 1;
    }
    if start < atoms.len() || lines.is_empty() {
        lines.push(start..atoms.len());
    }
    lines
}

/// The visual order of a line's atoms, left to right, without its trailing spaces (UAX #9 L1 gives them
/// the paragraph level; they are not drawn) nor, after a break, its leading ones.
pub fn visual_order(atoms: &[Atom], line: Range<usize>, first_line: bool) -> Vec<usize> {
    let mut start = line.start;
    if !first_line {
        while start < line.end && atoms[start].space {
            start += 1;
        }
    }
    let mut end = line.end;
    while end > start && atoms[end - 1].space {
        end -= 1;
    }
    let levels: Vec<Level> = atoms[start..end].iter().map(|a| Level::new(a.level).unwrap_or(Level::ltr())).collect();
    BidiInfo::reorder_visual(&levels).into_iter().map(|k| start + k).collect()
}

fn place(paragraph: &Paragraph, atoms: Range<usize>, widths: &[f32], max_width: f32) -> Line {
    let order = visual_order(&paragraph.atoms, atoms.clone(), atoms.start == 0);
    let width: f32 = order.iter().map(|&k| widths[k]).sum();
    let mut x = if paragraph.direction.is_rtl() { (max_width - width).max(0.0) } else { 0.0 };
    let placed = order
        .into_iter()
        .map(|k| {
            let at = x;
            x += widths[k];
            (k, at)
        })
        .collect();
    Line { atoms, placed, width }
}

/// The atom placed under `x` on `line`, if any.
pub fn atom_at(line: &Line, widths: &[f32], x: f32) -> Option<usize> {
    line.placed.iter().find(|&&(k, at)| x >= at && x < at + widths[k]).map(|&(k, _)| k)
}
