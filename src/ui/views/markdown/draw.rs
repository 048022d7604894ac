//! Drawing a block's pieces in a pane: with the pane's locale fonts, and mirrored for a right-to-left
//! pane (text right-aligned and ordered by [`crate::ui::bidi`], list markers, indentation and quote bars
//! on the right, table columns from the right). Left-to-right text in a left-to-right pane keeps egui's
//! own labels, so it stays selectable.

use super::{Highlight, Piece, Run};
use crate::ui::bidi::{self, Base, Direction, Span};
use crate::ui::command::Command;
use crate::ui::views::highlight::find_ignoring_case;
use egui::{Align, FontFamily, FontId, Layout, Rect, RichText, Stroke, TextFormat, TextStyle, UiBuilder, pos2, vec2};

/// How a pane draws text: its locale's font families and direction.
#[derive(Debug, Clone, PartialEq)]
pub struct PaneStyle {
    /// The proportional family.
    pub family: FontFamily,
    /// The monospace family (inline code, code blocks, raw Markdown).
    pub mono: FontFamily,
    /// The locale is written right to left.
    pub rtl: bool,
}

impl PaneStyle {
    /// The style of a pane showing `locale`.
    pub fn for_locale(locale: &str) -> PaneStyle {
        let (family, mono) = crate::ui::fonts::families(locale);
        PaneStyle { family, mono, rtl: crate::locale::is_right_to_left(locale) }
    }

    /// How the direction of the pane's blocks is chosen.
    pub fn base(&self) -> Base {
        bidi::pane_base(self.rtl)
    }
}

/// Indentation levels drawn for nested list items; deeper items line up with the last level, so a list
/// nested thousands deep stays on screen.
const MAX_INDENT_LEVELS: usize = 8;

/// The indentation of a list item nested `depth` levels deep.
pub(super) fn indent(depth: usize) -> f32 {
    14.0 * depth.min(MAX_INDENT_LEVELS) as f32
}

fn heading_size(heading: u8) -> Option<f32> {
    match heading {
        0 => None,
        1 => Some(22.0),
        2 => Some(19.0),
        3 => Some(16.5),
        _ => Some(15.0),
    }
}

/// A run as egui rich text, in the pane's families (the left-to-right path).
fn rich(ui: &egui::Ui, run: &Run, heading: u8, pane: &PaneStyle) -> RichText {
    let mut t = RichText::new(&run.text).family(pane.family.clone());
    if let Some(size) = heading_size(heading) {
        t = t.size(size).strong();
    }
    if run.strong {
        t = t.strong();
    }
    if run.emphasis {
        t = t.italics();
    }
    if run.strike {
        t = t.strikethrough();
    }
    if run.code {
        t = t.code().family(pane.mono.clone());
    }
    if run.marked {
        t = t.background_color(marked_color(ui));
    } else if run.changed {
        t = t.background_color(changed_color(ui));
    }
    match run.highlight {
        Highlight::None => {}
        Highlight::Found => t = t.background_color(ui.visuals().selection.bg_fill),
        Highlight::Flagged => t = t.background_color(flagged_color(ui)).underline(),
    }
    t
}

/// The background of the term the selected finding is about.
fn flagged_color(ui: &egui::Ui) -> egui::Color32 {
    ui.visuals().error_fg_color.gamma_multiply(0.45)
}

/// The background of words a same-language pane adds over the earlier one.
fn changed_color(ui: &egui::Ui) -> egui::Color32 {
    ui.visuals().warn_fg_color.gamma_multiply(0.3)
}

fn marked_color(ui: &egui::Ui) -> egui::Color32 {
    ui.visuals().warn_fg_color.gamma_multiply(0.35)
}

/// A run's text format (the bidi path): the same look as [`rich`].
fn format_of(ui: &egui::Ui, run: &Run, heading: u8, pane: &PaneStyle) -> TextFormat {
    let style = ui.style();
    let visuals = ui.visuals();
    let body = TextStyle::Body.resolve(style).size;
    let font_id = match (run.code, heading_size(heading)) {
        (true, None) => FontId::new(TextStyle::Monospace.resolve(style).size, pane.mono.clone()),
        (true, Some(size)) => FontId::new(size, pane.mono.clone()),
        (false, size) => FontId::new(size.unwrap_or(body), pane.family.clone()),
    };
    let color = if run.link.is_some() {
        visuals.hyperlink_color
    } else if heading > 0 || run.strong {
        visuals.strong_text_color()
    } else {
        visuals.text_color()
    };
    let mut format = TextFormat { font_id, color, italics: run.emphasis, ..Default::default() };
    if run.strike {
        format.strikethrough = Stroke::new(1.0, color);
    }
    if run.code {
        format.background = visuals.code_bg_color;
    }
    if run.marked {
        format.background = marked_color(ui);
    } else if run.changed {
        format.background = changed_color(ui);
    }
    match run.highlight {
        Highlight::None => {}
        Highlight::Found => format.background = visuals.selection.bg_fill,
        Highlight::Flagged => {
            format.background = flagged_color(ui);
            format.underline = Stroke::new(1.0, color);
        }
    }
    format
}

/// Inline runs: egui labels when left to right in a left-to-right pane, else the bidi layout. A line
/// feed in a run (a `<br>` or `<li>` in a table cell) starts a new line.
pub(super) fn runs_ui(
    ui: &mut egui::Ui,
    runs: &[Run],
    heading: u8,
    pane: &PaneStyle,
    column: usize,
    commands: &mut Vec<Command>,
) {
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    if bidi::needs_bidi(&text, pane.base()) {
        let spans: Vec<Span> = runs
            .iter()
            .map(|r| Span {
                text: r.text.clone(),
                format: format_of(ui, r, heading, pane),
                isolate: r.code,
                link: r.link.clone(),
            })
            .collect();
        if let Some(target) = bidi::bidi_ui(ui, &spans, pane.base(), &[]).clicked_link {
            commands.push(Command::FollowLink { column, target });
        }
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        for run in runs {
            for (i, line) in run.text.split('\n').enumerate() {
                if i > 0 {
                    ui.end_row();
                }
                if line.is_empty() {
                    continue;
                }
                let part = Run { text: line.to_owned(), ..run.clone() };
                let text = rich(ui, &part, heading, pane);
                match &run.link {
                    Some(target) => {
                        if ui.link(text).on_hover_text(target).clicked() {
                            commands.push(Command::FollowLink { column, target: target.clone() });
                        }
                    }
                    None => {
                        ui.add(egui::Label::new(text).wrap());
                    }
                }
            }
        }
    });
}

/// A list marker as it reads in the pane: `1.` shows as `.1` at the right of a right-to-left item, as
/// a browser shows it.
fn marker_text(marker: &str, rtl: bool) -> String {
    let marker = marker.trim_end();
    match marker.strip_suffix('.') {
        Some(number) if rtl => format!(".{number}"),
        _ => marker.to_owned(),
    }
}

/// Draw pieces; link clicks become [`Command::FollowLink`] for `column`.
pub fn pieces_ui(ui: &mut egui::Ui, pieces: &[Piece], pane: &PaneStyle, column: usize, commands: &mut Vec<Command>) {
    for (i, piece) in pieces.iter().enumerate() {
        ui.push_id(i, |ui| match piece {
            Piece::Text { runs, heading, item } => match item {
                Some((marker, depth)) => {
                    let layout =
                        if pane.rtl { Layout::right_to_left(Align::Min) } else { Layout::left_to_right(Align::Min) };
                    ui.with_layout(layout, |ui| {
                        ui.add_space(indent(*depth));
                        ui.label(
                            RichText::new(format!("{} ", marker_text(marker, pane.rtl))).family(pane.family.clone()),
                        );
                        ui.vertical(|ui| runs_ui(ui, runs, *heading, pane, column, commands));
                    });
                }
                None => runs_ui(ui, runs, *heading, pane, column, commands),
            },
            Piece::Code { text, marked, changed } => code_ui(ui, text, *marked, changed, pane),
            Piece::Table(rows) => table_ui(ui, rows, pane, column, commands),
            Piece::Html(html) => {
                let format = TextFormat::simple(
                    FontId::new(TextStyle::Monospace.resolve(ui.style()).size, pane.mono.clone()),
                    ui.visuals().weak_text_color(),
                );
                bidi::text_ui(ui, html, bidi::line_base(pane.rtl), Some(format));
            }
            Piece::Alert(name) => {
                let layout =
                    if pane.rtl { Layout::right_to_left(Align::Min) } else { Layout::left_to_right(Align::Min) };
                ui.with_layout(layout, |ui| {
                    ui.label(RichText::new(name).strong().color(ui.visuals().warn_fg_color));
                });
            }
        });
    }
}

/// A code block: left to right in every pane (a line with Arabic or Hebrew in it is ordered by the bidi
/// layout), wrapped at the pane's width.
fn code_ui(ui: &mut egui::Ui, text: &str, marked: bool, changed: &[std::ops::Range<usize>], pane: &PaneStyle) {
    let mut frame = egui::Frame::new().inner_margin(4.0).fill(ui.visuals().code_bg_color);
    if marked {
        frame = frame.stroke(Stroke::new(1.5, ui.visuals().warn_fg_color));
    }
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        let font = FontId::new(TextStyle::Monospace.resolve(ui.style()).size, pane.mono.clone());
        if bidi::has_rtl(text) {
            let span = Span {
                text: text.to_owned(),
                format: TextFormat::simple(font, ui.visuals().text_color()),
                isolate: false,
                link: None,
            };
            bidi::bidi_ui(ui, &[span], Base::Fixed(Direction::Ltr), changed);
        } else if changed.is_empty() {
            ui.add(egui::Label::new(RichText::new(text).font(font)).wrap());
        } else {
            let mut job = egui::text::LayoutJob::default();
            let plain = TextFormat::simple(font, ui.visuals().text_color());
            let mut at = 0;
            for range in changed {
                if range.start < at || range.end > text.len() {
                    continue;
                }
                job.append(&text[at..range.start], 0.0, plain.clone());
                job.append(&text[range.clone()], 0.0, TextFormat { background: changed_color(ui), ..plain.clone() });
                at = range.end;
            }
            job.append(&text[at..], 0.0, plain);
            ui.add(egui::Label::new(job).wrap());
        }
    });
}

/// A table: equal columns (from the right in a right-to-left pane), each row as tall as its tallest cell,
/// every other row striped exactly behind it, cells clipped to their column.
fn table_ui(ui: &mut egui::Ui, rows: &[Vec<Vec<Run>>], pane: &PaneStyle, column: usize, commands: &mut Vec<Command>) {
    const PAD: f32 = 4.0;
    let columns = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let width = ui.available_width();
    let column_width = width / columns as f32;
    let left = ui.cursor().left();
    for (r, row) in rows.iter().enumerate() {
        let top = ui.cursor().top();
        let stripe = ui.painter().add(egui::Shape::Noop);
        let mut height: f32 = 0.0;
        for (c, cell) in row.iter().enumerate() {
            let slot = if pane.rtl { columns - 1 - c } else { c };
            let x = left + slot as f32 * column_width;
            let rect = Rect::from_min_size(pos2(x + PAD, top + PAD), vec2(column_width - 2.0 * PAD, 100_000.0));
            let mut child = ui.new_child(
                UiBuilder::new().max_rect(rect).id_salt(("cell", r, c)).layout(Layout::top_down(Align::Min)),
            );
            child.set_clip_rect(ui.clip_rect().intersect(rect.expand(PAD)));
            runs_ui(&mut child, cell, if r == 0 { 4 } else { 0 }, pane, column, commands);
            height = height.max(child.min_rect().height());
        }
        let row_rect = Rect::from_min_size(pos2(left, top), vec2(width, height + 2.0 * PAD));
        if r % 2 == 1 {
            ui.painter().set(stripe, egui::Shape::rect_filled(row_rect, 0.0, ui.visuals().faint_bg_color));
        }
        if r == 0 {
            ui.painter().hline(row_rect.x_range(), row_rect.bottom(), ui.visuals().widgets.noninteractive.bg_stroke);
        }
        ui.allocate_rect(row_rect, egui::Sense::hover());
    }
}

/// A block's Markdown source: each line left to right or right to left by its first strong character
/// (else the pane's direction), in the pane's monospace family, the find bar's matches highlighted.
pub fn raw_ui(ui: &mut egui::Ui, source: &str, pane: &PaneStyle, find: &str) {
    let font = FontId::new(TextStyle::Monospace.resolve(ui.style()).size, pane.mono.clone());
    let mut found = Vec::new();
    let mut at = 0;
    while let Some((start, end)) = (!find.is_empty()).then(|| find_ignoring_case(&source[at..], find)).flatten() {
        found.push(at + start..at + end);
        at += end.max(start + 1).min(source.len() - at);
        if at >= source.len() {
            break;
        }
    }
    let plain = TextFormat::simple(font, ui.visuals().text_color());
    if !pane.rtl && !bidi::has_rtl(source) {
        let mut job = egui::text::LayoutJob::default();
        let mut done = 0;
        for range in &found {
            job.append(&source[done..range.start], 0.0, plain.clone());
            job.append(
                &source[range.clone()],
                0.0,
                TextFormat { background: ui.visuals().selection.bg_fill, ..plain.clone() },
            );
            done = range.end;
        }
        job.append(&source[done..], 0.0, plain);
        job.wrap.max_width = ui.available_width();
        ui.add(egui::Label::new(job).wrap());
        return;
    }
    let span = Span { text: source.trim_end_matches('\n').to_owned(), format: plain, isolate: false, link: None };
    bidi::bidi_ui(ui, &[span], bidi::line_base(pane.rtl), &found);
}
