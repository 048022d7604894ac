//! A same-language pane (pt-PT beside pt-BR) shows its block rendered — code rows, lists, tables and
//! formatting included — with the words it adds over the earlier pane marked, not a plain-text diff.

use super::{Piece, Run};
use crate::diff::{Change, word_diff};
use std::ops::Range;

/// Where a piece of drawn text lives: (piece, cell, run) for runs (cell 0 outside tables), or the code
/// block of a piece.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Slot {
    Run(usize, usize, usize),
    Code(usize),
}

/// The drawn text of pieces, one slot after another, each followed by a line feed.
fn flatten(pieces: &[Piece]) -> (String, Vec<(Slot, Range<usize>)>) {
    let mut text = String::new();
    let mut slots = Vec::new();
    let mut push = |text: &mut String, slot: Slot, s: &str| {
        let start = text.len();
        text.push_str(s);
        slots.push((slot, start..text.len()));
        text.push('\n');
    };
    for (p, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Text { runs, .. } => {
                for (k, run) in runs.iter().enumerate() {
                    push(&mut text, Slot::Run(p, 0, k), &run.text);
                }
            }
            Piece::Table(rows) => {
                for (c, cell) in rows.iter().flatten().enumerate() {
                    for (k, run) in cell.iter().enumerate() {
                        push(&mut text, Slot::Run(p, c, k), &run.text);
                    }
                }
            }
            Piece::Code { text: code, .. } => push(&mut text, Slot::Code(p), code),
            Piece::Html(_) | Piece::Alert(_) => {}
        }
    }
    (text, slots)
}

/// Mark the words of `new` that `old` does not have (runs are split at the changes; code blocks get
/// the changed byte ranges).
pub fn mark_changes(new: &mut [Piece], old: &[Piece]) {
    let (old_text, _) = flatten(old);
    let (new_text, slots) = flatten(new);
    let inserted: Vec<Range<usize>> = word_diff(&old_text, &new_text)
        .into_iter()
        .filter(|(c, r)| *c == Change::Inserted && !new_text[r.clone()].trim().is_empty())
        .map(|(_, r)| r)
        .collect();
    if inserted.is_empty() {
        return;
    }
    // Per slot, the changed ranges relative to the slot's text; applied last slot first, so splitting
    // runs does not shift the slots still to do.
    for (slot, range) in slots.into_iter().rev() {
        let local: Vec<Range<usize>> = inserted
            .iter()
            .filter(|r| r.start < range.end && range.start < r.end)
            .map(|r| r.start.max(range.start) - range.start..r.end.min(range.end) - range.start)
            .collect();
        if local.is_empty() {
            continue;
        }
        match slot {
            Slot::Code(p) => {
                if let Piece::Code { changed, .. } = &mut new[p] {
                    changed.extend(local);
                    changed.sort_by_key(|r| r.start);
                }
            }
            Slot::Run(p, c, k) => {
                let runs = match &mut new[p] {
                    Piece::Text { runs, .. } => Some(runs),
                    Piece::Table(rows) => rows.iter_mut().flatten().nth(c),
                    _ => None,
                };
                if let Some(runs) = runs {
                    let split = split_run(&runs[k], &local);
                    runs.splice(k..=k, split);
                }
            }
        }
    }
}

/// A run cut at the changed ranges, the changed parts marked.
fn split_run(run: &Run, changed: &[Range<usize>]) -> Vec<Run> {
    let mut out = Vec::new();
    let mut at = 0;
    let piece = |range: Range<usize>, changed: bool| Run { text: run.text[range].to_owned(), changed, ..run.clone() };
    for r in changed {
        if r.start > at {
            out.push(piece(at..r.start, false));
        }
        out.push(piece(r.clone(), true));
        at = r.end;
    }
    if at < run.text.len() {
        out.push(piece(at..run.text.len(), false));
    }
    out
}
