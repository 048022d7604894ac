//! Putting the parsed blocks and the pre-scan's markers together: markup lines become markup blocks, and
//! the blocks between a container's opener and closer become one admonition block.

use super::prescan::{Family, Marker, MarkerKind};
use super::{Block, BlockKind};
use crate::text::LineIndex;
use std::ops::Range;

/// An opener waiting for its closer: where its body starts in the output, and what it is.
struct Open {
    family: Family,
    name: String,
    title: String,
    range: Range<usize>,
    at: usize,
}

/// The blocks of a file in order, with markers turned into blocks and containers merged.
pub(super) fn assemble(blocks: Vec<Block>, markers: Vec<Marker>, lines: &LineIndex) -> Vec<Block> {
    if markers.is_empty() {
        return with_sections(blocks.into_iter().map(lowercase_alert).collect());
    }
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len() + markers.len());
    let mut open: Vec<Open> = Vec::new();
    let mut indented: Option<(usize, String, String, Range<usize>)> = None; // (at, name, title, range to body end)
    let mut blocks = blocks.into_iter().map(lowercase_alert).peekable();
    let mut markers = markers.into_iter().peekable();
    loop {
        let next_block_start = blocks.peek().map(|b| b.range.start);
        let next_marker_start = markers.peek().map(|m| m.range.start);
        let start = match (next_block_start, next_marker_start) {
            (None, None) => break,
            (Some(b), Some(m)) => b.min(m),
            (Some(b), None) => b,
            (None, Some(m)) => m,
        };
        if let Some((at, name, title, range)) = indented.take() {
            if start >= range.end {
                merge(&mut out, at, &name, &title, range, lines);
            } else {
                indented = Some((at, name, title, range));
            }
        }
        if next_marker_start == Some(start) {
            let Some(marker) = markers.next() else { break };
            place_marker(marker, &mut out, &mut open, &mut indented, lines);
        } else if let Some(block) = blocks.next() {
            out.push(block);
        }
    }
    if let Some((at, name, title, range)) = indented.take() {
        merge(&mut out, at, &name, &title, range, lines);
    }
    // Openers never closed stand for themselves, where they were.
    for o in open.into_iter().rev() {
        out.insert(o.at, markup_block(o.name, o.range, lines));
    }
    with_sections(out)
}

fn place_marker(
    marker: Marker,
    out: &mut Vec<Block>,
    open: &mut Vec<Open>,
    indented: &mut Option<(usize, String, String, Range<usize>)>,
    lines: &LineIndex,
) {
    match marker.kind {
        MarkerKind::Markup { name } => out.push(markup_block(name, marker.range, lines)),
        MarkerKind::Open { family: Family::Jsx, name, .. } if !name.contains(':') => {
            out.push(markup_block(name, marker.range, lines));
        }
        MarkerKind::Open { family, name, title } => {
            open.push(Open { family, name, title, range: marker.range, at: out.len() });
        }
        MarkerKind::Close { family, name } => {
            let matches = |o: &Open| {
                o.family == family && (name.is_empty() || o.name == name || o.name.split(':').next() == Some(&name))
            };
            match open.iter().rposition(matches) {
                Some(i) => {
                    // Openers inside it that never closed stand for themselves.
                    for inner in open.split_off(i + 1).into_iter().rev() {
                        out.insert(inner.at, markup_block(inner.name, inner.range, lines));
                    }
                    let Some(o) = open.pop() else { return };
                    let kind = o.name.rsplit(':').next().unwrap_or(&o.name).to_owned();
                    merge(out, o.at, &kind, &o.title, o.range.start..marker.range.end, lines);
                }
                None if family == Family::Jsx => out.push(markup_block(format!("/{name}"), marker.range, lines)),
                None => out.push(markup_block(name, marker.range, lines)),
            }
        }
        MarkerKind::Indented { name, title, body_end } => {
            *indented = Some((out.len(), name, title, marker.range.start..body_end));
        }
    }
}

/// Merge `out[at..]` into one admonition spanning `range`, unless a heading is among them (then the
/// container is only marked where it opened).
fn merge(out: &mut Vec<Block>, at: usize, name: &str, title: &str, range: Range<usize>, lines: &LineIndex) {
    let body = out.split_off(at.min(out.len()));
    if body.iter().any(|b| b.kind == BlockKind::Heading) {
        out.push(markup_block(name.to_owned(), range.start..range.start, lines));
        out.extend(body);
        return;
    }
    let mut block = markup_block(name.to_ascii_lowercase(), range, lines);
    block.kind = BlockKind::Admonition;
    let mut text = title.trim().to_owned();
    for b in body {
        if !b.text.is_empty() {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&b.text);
        }
        block.links.extend(b.links);
        block.images.extend(b.images);
        block.inline_code.extend(b.inline_code);
        block.numbers.extend(b.numbers);
        block.items += b.items;
        block.emphasis += b.emphasis;
        block.broken_links += b.broken_links;
        block.unclosed_strong = block.unclosed_strong.or(b.unclosed_strong);
    }
    block.text = text;
    out.push(block);
}

fn markup_block(name: String, range: Range<usize>, lines: &LineIndex) -> Block {
    Block { name: Some(name), ..Block::empty(BlockKind::Markup, 0, range, lines) }
}

/// GitHub alerts are named like the other admonitions: lowercase.
fn lowercase_alert(mut b: Block) -> Block {
    if b.kind == BlockKind::Admonition
        && let Some(n) = b.name.as_mut()
    {
        n.make_ascii_lowercase();
    }
    b
}

/// Each block's section: the index of the heading before it (a heading is its own section).
fn with_sections(mut blocks: Vec<Block>) -> Vec<Block> {
    let mut section = None;
    for (i, b) in blocks.iter_mut().enumerate() {
        if b.kind == BlockKind::Heading {
            section = Some(i);
        }
        b.section = section;
    }
    blocks
}
