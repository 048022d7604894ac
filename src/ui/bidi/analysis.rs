//! The pure half of the bidi layout (no egui): UAX #9 levels for a paragraph of styled spans, cut into
//! *atoms* — one right-to-left word, one left-to-right word, one space, or one neutral or Arabic-digit
//! grapheme — that are shaped one by one and never reordered inside.
//!
//! Why atoms: epaint 0.37 shapes each run with harfrust, which returns a right-to-left word already in
//! visual order (with its joining forms), but it lays the runs of a row out left to right, and the glyph
//! vector of a right-to-left run does not map back to characters (egui#8576). So the word is the unit we
//! move; what harfrust does inside a word is left alone.

use std::ops::Range;
use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo};
use unicode_segmentation::UnicodeSegmentation;

/// A writing direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Direction {
    /// Left to right.
    #[default]
    Ltr,
    /// Right to left.
    Rtl,
}

impl Direction {
    /// True for right to left.
    pub fn is_rtl(self) -> bool {
        self == Direction::Rtl
    }
}

/// How a paragraph's direction is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Base {
    /// Always this direction (a right-to-left pane: even a Latin-only heading is right-aligned).
    Fixed(Direction),
    /// The direction of the first strong character (UAX #9 P2–P3), else this one.
    Auto(Direction),
}

/// One span of a paragraph as written: its text and whether it is an island of its own (inline code,
/// kept in its own order inside a line of the other direction, as if wrapped in FSI … PDI).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SpanText<'a> {
    /// The text.
    pub text: &'a str,
    /// Isolated from its neighbours (inline code).
    pub isolate: bool,
}

/// The smallest unit placed on a line: shaped as a whole, never reordered inside.
#[derive(Debug, Clone, PartialEq)]
pub struct Atom {
    /// The span it comes from (index into the spans given to [`analyse`]).
    pub span: usize,
    /// Its bytes in the paragraph's logical text.
    pub range: Range<usize>,
    /// Its resolved embedding level (odd: right to left).
    pub level: u8,
    /// What is shaped: the text, with brackets mirrored at right-to-left levels (UAX #9 L4).
    pub shown: String,
    /// White space: a line-break opportunity, not drawn at the end of a line.
    pub space: bool,
}

impl Atom {
    /// True when the atom is at a right-to-left level.
    pub fn is_rtl(&self) -> bool {
        self.level % 2 == 1
    }
}

/// One paragraph (text up to a line feed) cut into atoms.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// The logical text (the spans' text, without the line feed).
    pub text: String,
    /// The paragraph direction.
    pub direction: Direction,
    /// The atoms, in logical order.
    pub atoms: Vec<Atom>,
}

impl Paragraph {
    /// The paragraph's embedding level.
    pub fn level(&self) -> u8 {
        u8::from(self.direction.is_rtl())
    }
}

/// First-strong isolate and pop-directional-isolate: what inline code is wrapped in.
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// True when `text` has a character written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko, …).
pub fn has_rtl(text: &str) -> bool {
    text.chars().any(|c| matches!(unicode_bidi::bidi_class(c), BidiClass::R | BidiClass::AL | BidiClass::AN))
}

/// The direction of the first strong character outside isolates (UAX #9 P2), if any.
pub fn first_strong(text: &str) -> Option<Direction> {
    text.chars().find_map(|c| match unicode_bidi::bidi_class(c) {
        BidiClass::L => Some(Direction::Ltr),
        BidiClass::R | BidiClass::AL => Some(Direction::Rtl),
        _ => None,
    })
}

/// Cut styled spans into paragraphs (at line feeds) of atoms, with UAX #9 levels.
pub fn analyse(spans: &[SpanText<'_>], base: Base) -> Vec<Paragraph> {
    // Split at line feeds: each part is (span index, text) of one paragraph.
    let mut paragraphs: Vec<Vec<(usize, &str)>> = vec![Vec::new()];
    for (k, span) in spans.iter().enumerate() {
        let mut parts = span.text.split('\n');
        if let (Some(first), Some(paragraph)) = (parts.next(), paragraphs.last_mut()) {
            paragraph.push((k, first));
        }
        for part in parts {
            paragraphs.push(vec![(k, part)]);
        }
    }
    paragraphs.iter().map(|parts| paragraph(parts, spans, base)).collect()
}

fn paragraph(parts: &[(usize, &str)], spans: &[SpanText<'_>], base: Base) -> Paragraph {
    // The string UAX #9 sees: the parts, inline code wrapped in FSI … PDI; and where each part starts in it.
    let mut bidi_text = String::new();
    let mut starts = Vec::with_capacity(parts.len());
    for &(k, text) in parts {
        let isolate = spans[k].isolate && !text.is_empty();
        if isolate {
            bidi_text.push(FSI);
        }
        starts.push(bidi_text.len());
        bidi_text.push_str(text);
        if isolate {
            bidi_text.push(PDI);
        }
    }
    let plain: String = parts.iter().map(|(_, t)| *t).collect();
    let direction = match base {
        Base::Fixed(d) => d,
        Base::Auto(fallback) => first_strong_outside_isolates(parts, spans).unwrap_or(fallback),
    };
    let level = if direction.is_rtl() { Level::rtl() } else { Level::ltr() };
    let info = ParagraphBidiInfo::new(&bidi_text, Some(level));
    let mut atoms: Vec<Atom> = Vec::new();
    let mut plain_start = 0;
    for (&(k, text), &start) in parts.iter().zip(&starts) {
        let mut joinable_tail = false;
        for (i, g) in text.grapheme_indices(true) {
            let at = start + i;
            let c = g.chars().next().unwrap_or(' ');
            let level = info.levels[at].number();
            let class = info.original_classes[at];
            let space = c.is_whitespace();
            let joinable = !space
                && if level % 2 == 1 {
                    matches!(class, BidiClass::R | BidiClass::AL)
                } else {
                    class != BidiClass::AN && !is_rtl_script(c)
                };
            let range = plain_start + i..plain_start + i + g.len();
            match atoms.last_mut() {
                Some(last) if joinable_tail && joinable && last.span == k && last.level == level => {
                    last.range.end = range.end;
                }
                _ => atoms.push(Atom { span: k, range, level, shown: String::new(), space }),
            }
            joinable_tail = joinable;
        }
        plain_start += text.len();
    }
    for atom in &mut atoms {
        atom.shown = shown(&plain[atom.range.clone()], atom.is_rtl());
    }
    Paragraph { text: plain, direction, atoms }
}

/// P2 over the parts: the first L, R or AL character that is not inside inline code.
fn first_strong_outside_isolates(parts: &[(usize, &str)], spans: &[SpanText<'_>]) -> Option<Direction> {
    parts.iter().filter(|(k, _)| !spans[*k].isolate).find_map(|(_, t)| first_strong(t))
}

/// Mirrored brackets for right-to-left levels (UAX #9 L4): harfrust mirrors only inside runs it guessed
/// to be right to left, and a lone bracket is never guessed so.
fn shown(text: &str, rtl: bool) -> String {
    if rtl { text.chars().map(|c| unicode_bidi_mirroring::get_mirrored(c).unwrap_or(c)).collect() } else { text.into() }
}

/// Scripts written right to left. Their digits (Persian ۰–۹ are class EN) stand alone in a left-to-right
/// run: shaped together, harfrust would guess the run right to left and reverse the number.
fn is_rtl_script(c: char) -> bool {
    use unicode_script::{Script, UnicodeScript};
    matches!(
        c.script(),
        Script::Arabic
            | Script::Hebrew
            | Script::Syriac
            | Script::Thaana
            | Script::Nko
            | Script::Samaritan
            | Script::Mandaic
            | Script::Adlam
            | Script::Hanifi_Rohingya
    )
}
