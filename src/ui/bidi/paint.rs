//! The egui half of the bidi layout: shape each atom as its own one-section galley (a cache hit after the
//! first frame), break and order the lines with [`super::lines`], and paint the atoms where they go.
//! Links are one interactive rect per link and line; the paragraph carries its logical text for
//! accessibility (and for tests, which find it by label).

use super::analysis::{Base, Paragraph, SpanText, analyse};
use super::lines::{Line, lay_out};
use egui::cache::{ComputerMut, FrameCache};
use egui::text::{LayoutJob, TextFormat};
use egui::{Galley, Rect, Response, Role, Sense, Ui, WidgetInfo, pos2, vec2};
use std::ops::Range;
use std::sync::Arc;

/// A styled span of a paragraph.
#[derive(Debug, Clone)]
pub struct Span {
    /// The text (a line feed starts a new paragraph).
    pub text: String,
    /// How it looks.
    pub format: TextFormat,
    /// Kept as an island in its own direction (inline code).
    pub isolate: bool,
    /// The link target, for link text.
    pub link: Option<String>,
}

/// What happened to a bidi paragraph this frame.
pub struct BidiResponse {
    /// The whole paragraph (hover sense: clicks fall through to the cell under it).
    pub response: Response,
    /// The target of a link clicked this frame.
    pub clicked_link: Option<String>,
}

#[derive(Default)]
struct Analyser;

type Key<'a> = (&'a [SpanText<'a>], Base);

impl<'a> ComputerMut<Key<'a>, Arc<Vec<Paragraph>>> for Analyser {
    fn compute(&mut self, (spans, base): Key<'a>) -> Arc<Vec<Paragraph>> {
        Arc::new(analyse(spans, base))
    }
}

type AnalysisCache = FrameCache<Arc<Vec<Paragraph>>, Analyser>;

/// An atom shaped, and where it was placed.
struct Shaped {
    galley: Arc<Galley>,
    width: f32,
    baseline: f32,
}

/// A paragraph laid out at a width.
struct Laid {
    paragraph: Paragraph,
    shaped: Vec<Shaped>,
    lines: Vec<Line>,
    /// Top and baseline of each line, from the paragraph's top.
    line_tops: Vec<(f32, f32)>,
    height: f32,
}

/// Draw spans as bidi text `width` wide (default: the available width): right-aligned when the
/// paragraph is right to left, each line in UAX #9 visual order. `highlights` are byte ranges of the
/// logical text (all spans joined) to paint behind.
pub fn bidi_ui(ui: &mut Ui, spans: &[Span], base: Base, highlights: &[Range<usize>]) -> BidiResponse {
    let width = ui.available_width().max(20.0);
    let texts: Vec<SpanText<'_>> = spans.iter().map(|s| SpanText { text: &s.text, isolate: s.isolate }).collect();
    let paragraphs = ui.memory_mut(|m| Arc::clone(m.caches.cache::<AnalysisCache>().get((&texts[..], base))));
    let fallback_row = ui.text_style_height(&egui::TextStyle::Body);
    let laid: Vec<Laid> = paragraphs.iter().map(|p| lay_paragraph(ui, p, spans, width, fallback_row)).collect();
    let height: f32 = laid.iter().map(|l| l.height).sum();
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let logical: String = spans.iter().map(|s| s.text.as_str()).collect();
    response.widget_info(|| WidgetInfo::labeled(Role::Label, ui.is_enabled(), &logical));
    let mut clicked_link = None;
    if ui.is_rect_visible(rect) {
        let mut top = rect.top();
        let mut offset = 0; // where each paragraph's text starts in `logical` (one byte per line feed)
        for (k, l) in laid.iter().enumerate() {
            let origin = pos2(rect.left(), top);
            highlight_ui(ui, l, origin, offset, highlights);
            if let Some(target) = paint_ui(ui, l, spans, origin, response.id.with(k)) {
                clicked_link = Some(target);
            }
            top += l.height;
            offset += l.paragraph.text.len() + 1;
        }
    }
    BidiResponse { response, clicked_link }
}

fn lay_paragraph(ui: &Ui, paragraph: &Paragraph, spans: &[Span], width: f32, fallback_row: f32) -> Laid {
    let mut paragraph = paragraph.clone();
    let mut shaped = shape(ui, &paragraph, spans);
    if shaped.iter().zip(&paragraph.atoms).any(|(s, a)| s.width > width && !a.is_rtl() && !a.space) {
        paragraph = split_wide(&paragraph, &shaped, width);
        shaped = shape(ui, &paragraph, spans);
    }
    let widths: Vec<f32> = shaped.iter().map(|s| s.width).collect();
    let lines = lay_out(&paragraph, &widths, width);
    let mut line_tops = Vec::with_capacity(lines.len());
    let mut top = 0.0;
    for line in &lines {
        let ascent = line.placed.iter().map(|&(k, _)| shaped[k].baseline).fold(0.0f32, f32::max);
        let descent =
            line.placed.iter().map(|&(k, _)| shaped[k].galley.size().y - shaped[k].baseline).fold(0.0f32, f32::max);
        let height = if line.placed.is_empty() { fallback_row } else { ascent + descent };
        line_tops.push((top, top + ascent));
        top += height;
    }
    Laid { paragraph, shaped, lines, line_tops, height: top.max(fallback_row) }
}

fn shape(ui: &Ui, paragraph: &Paragraph, spans: &[Span]) -> Vec<Shaped> {
    ui.fonts_mut(|fonts| {
        paragraph
            .atoms
            .iter()
            .map(|atom| {
                let job = LayoutJob::single_section(atom.shown.clone(), spans[atom.span].format.clone());
                let galley = fonts.layout_job(job);
                let baseline = galley
                    .rows
                    .first()
                    .and_then(|r| r.row.glyphs.first().map(|g| r.pos.y + g.pos.y))
                    .unwrap_or(galley.size().y * 0.8);
                Shaped { width: galley.intrinsic_size().x, baseline, galley }
            })
            .collect()
    })
}

/// Split left-to-right atoms wider than the line (a URL, a path, a run of Han characters) where the
/// line is full, so they wrap instead of drawing across the next pane.
fn split_wide(paragraph: &Paragraph, shaped: &[Shaped], width: f32) -> Paragraph {
    use unicode_segmentation::UnicodeSegmentation;
    let mut out = paragraph.clone();
    out.atoms.clear();
    for (atom, s) in paragraph.atoms.iter().zip(shaped) {
        if s.width <= width || atom.is_rtl() || atom.space {
            out.atoms.push(atom.clone());
            continue;
        }
        let text = &paragraph.text[atom.range.clone()];
        let bounds: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).skip(1).collect();
        let mut start = 0;
        let mut x0 = 0.0;
        for &b in bounds.iter().chain(std::iter::once(&text.len())) {
            let chars = text[..b].chars().count();
            let x = s.galley.pos_from_cursor(egui::text::CCursor::new(chars)).min.x;
            if x - x0 > width && b > start {
                let cut = bounds.iter().copied().rfind(|&c| c > start && c < b).unwrap_or(b);
                push_piece(&mut out, atom, start..cut, text);
                x0 = s.galley.pos_from_cursor(egui::text::CCursor::new(text[..cut].chars().count())).min.x;
                start = cut;
            }
        }
        push_piece(&mut out, atom, start..text.len(), text);
    }
    out
}

fn push_piece(out: &mut Paragraph, atom: &super::analysis::Atom, piece: Range<usize>, text: &str) {
    if piece.is_empty() {
        return;
    }
    let mut a = atom.clone();
    a.range = atom.range.start + piece.start..atom.range.start + piece.end;
    a.shown = text[piece].to_owned();
    out.atoms.push(a);
}

/// The rect of atom `k` placed at `x` on line `line`.
fn atom_rect(l: &Laid, origin: egui::Pos2, line: usize, k: usize, x: f32) -> Rect {
    let (top, baseline) = l.line_tops[line];
    let s = &l.shaped[k];
    Rect::from_min_size(origin + vec2(x, baseline - s.baseline), s.galley.size()).intersect(Rect::from_min_max(
        origin + vec2(x, top),
        origin + vec2(x + s.width, l.line_tops.get(line + 1).map_or(l.height, |t| t.0)),
    ))
}

fn highlight_ui(ui: &Ui, l: &Laid, origin: egui::Pos2, offset: usize, highlights: &[Range<usize>]) {
    if highlights.is_empty() {
        return;
    }
    let color = ui.visuals().selection.bg_fill;
    for (n, line) in l.lines.iter().enumerate() {
        for &(k, x) in &line.placed {
            let range = &l.paragraph.atoms[k].range;
            let (start, end) = (range.start + offset, range.end + offset);
            if highlights.iter().any(|h| h.start < end && start < h.end) {
                ui.painter().rect_filled(atom_rect(l, origin, n, k, x), 0.0, color);
            }
        }
    }
}

/// Paint the atoms; links get one click rect per line. Returns a clicked link's target.
fn paint_ui(ui: &Ui, l: &Laid, spans: &[Span], origin: egui::Pos2, id: egui::Id) -> Option<String> {
    let mut clicked = None;
    let mut hovered_span = None;
    for (n, line) in l.lines.iter().enumerate() {
        // One rect per link span on this line.
        let mut links: Vec<(usize, Rect)> = Vec::new();
        for &(k, x) in &line.placed {
            let span = l.paragraph.atoms[k].span;
            if spans[span].link.is_none() {
                continue;
            }
            let r = atom_rect(l, origin, n, k, x);
            match links.iter_mut().find(|(s, _)| *s == span) {
                Some((_, rect)) => *rect = rect.union(r),
                None => links.push((span, r)),
            }
        }
        for (span, rect) in links {
            let target = spans[span].link.clone().unwrap_or_default();
            let response = ui.interact(rect, id.with((n, span)), Sense::click());
            response.widget_info(|| WidgetInfo::labeled(Role::Link, true, spans[span].text.trim()));
            let response = response.on_hover_cursor(egui::CursorIcon::PointingHand);
            if response.hovered() {
                hovered_span = Some(span);
            }
            if response.clicked() {
                clicked = Some(target.clone());
            }
            response.on_hover_text(target);
        }
    }
    let fallback = ui.visuals().text_color();
    for (n, line) in l.lines.iter().enumerate() {
        let (_, baseline) = l.line_tops[n];
        for &(k, x) in &line.placed {
            let atom = &l.paragraph.atoms[k];
            let s = &l.shaped[k];
            let pos = origin + vec2(x, baseline - s.baseline);
            let galley = if hovered_span == Some(atom.span) && !atom.space {
                let mut format = spans[atom.span].format.clone();
                format.underline = egui::Stroke::new(1.0, format.color);
                ui.fonts_mut(|f| f.layout_job(LayoutJob::single_section(atom.shown.clone(), format)))
            } else {
                Arc::clone(&s.galley)
            };
            ui.painter().galley(pos, galley, fallback);
        }
    }
    clicked
}
