//! The review view: one pane per locale, side by side, aligned row by row. All panes live in one
//! scroll area, so scrolling any pane scrolls all; row k of every pane starts at the same height and is
//! as tall as its tallest block. Only the rows in view are laid out (a prefix sum of row heights maps
//! the viewport to rows); heights are measured as rows are drawn and estimated until then. The source's
//! pane is pinned on the left (like a spreadsheet's frozen column) while the others scroll sideways under
//! it. A jump to a row is held until the rows around it are measured, so the row lands exactly at the
//! top whatever the heights of the rows before it.

mod banner;
mod front_matter;
mod heights;
mod row;

use super::markdown::{PaneStyle, Piece};
use crate::corpus::SourceFile;
use crate::review::Review;
use crate::skeleton::frontmatter::KeyRow;
use crate::ui::command::Command;
use crate::ui::settings::Settings;
use crate::ui::state::{DocView, Marks};
use egui::{Rect, UiBuilder, Vec2, vec2};
use heights::{RowHeights, estimate_heights};
use std::collections::HashMap;
use std::ops::Range;

/// Narrowest a pane gets; more panes than fit scroll sideways.
pub const MIN_PANE_WIDTH: f32 = 300.0;
const GUTTER: f32 = 16.0;
const HEADER_HEIGHT: f32 = 26.0;
/// Frames a jump is held while the rows around its target are measured (each frame measures the rows
/// in view; three or four are enough in practice).
const SETTLE_FRAMES: u8 = 12;

/// Where a jump goes: an aligned row at the top of the view, or the end of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// The top of the document (its front matter).
    Top,
    /// An aligned row at the top of the view.
    Row(usize),
    /// The end of the document in view.
    End,
}

/// The panes' own state.
#[derive(Default)]
pub struct Panes {
    heights: RowHeights,
    layout_key: Option<(usize, u32, Vec<usize>, bool, bool)>,
    pending_offset: Option<f32>,
    /// A jump under way, and the frames it may still take.
    target: Option<(Target, u8)>,
    /// A column (index into the visible columns) to bring into view sideways.
    reveal: Option<usize>,
    pending_x: Option<f32>,
    offset: Vec2,
    viewport_width: f32,
    viewport_height: f32,
    visible: Range<usize>,
    pieces: HashMap<(usize, usize), Vec<Piece>>,
    /// Rendered blocks with the find matches and the selected finding's terms highlighted (`None`:
    /// nothing to highlight in that cell), for what `highlight_key` says.
    highlighted: HashMap<(usize, usize), Option<Vec<Piece>>>,
    highlight_key: (String, Option<usize>),
    front_matter: Vec<KeyRow>,
    /// Every pane's front matter is shown key by key (else one line each).
    front_matter_open: bool,
    /// Each shown file's link reference definitions, by column.
    refs: HashMap<usize, std::sync::Arc<super::markdown::RefDefs>>,
    /// Scripts no installed font covers, per shown column.
    missing: Vec<(usize, Vec<crate::ui::fonts::MissingScript>)>,
    /// The columns `missing` was found for.
    missing_key: Option<(usize, Vec<usize>)>,
}

impl Panes {
    /// A new document: forget heights and caches, scroll to the top.
    pub fn reset(&mut self) {
        self.layout_key = None;
        self.pending_offset = Some(0.0);
        // Sideways too: egui keeps scroll offsets between sessions, and a half-hidden source confuses.
        self.pending_x = Some(0.0);
        self.target = None;
        self.pieces.clear();
        self.refs.clear();
        self.highlighted.clear();
    }

    /// Findings were marked or unmarked, or the rendering changed: rendered blocks are redone.
    pub fn findings_changed(&mut self) {
        self.pieces.clear();
        self.highlighted.clear();
    }

    /// Columns were shown, hidden or moved.
    pub fn layout_changed(&mut self) {
        self.layout_key = None;
    }

    /// Scroll so `row` is at the top of the view.
    pub fn scroll_to_row(&mut self, row: usize) {
        self.target = Some((Target::Row(row), SETTLE_FRAMES));
    }

    /// Bring a column (index into the visible columns) into view sideways, right of the pinned source.
    pub fn reveal_column(&mut self, k: usize) {
        self.reveal = Some(k);
    }

    /// Scroll by a number of pages.
    pub fn scroll_pages(&mut self, pages: f32) {
        self.target = None;
        self.pending_offset = Some((self.offset.y + pages * self.viewport_height * 0.9).max(0.0));
    }

    /// Scroll to the top or the bottom.
    pub fn scroll_to_end(&mut self, top: bool) {
        self.target = Some((if top { Target::Top } else { Target::End }, SETTLE_FRAMES));
    }

    /// How far the panes are scrolled sideways.
    pub fn sideways_offset(&self) -> f32 {
        self.offset.x
    }

    /// True while a jump waits for the rows around its target to be measured.
    pub fn is_settling(&self) -> bool {
        self.target.is_some()
    }

    /// The aligned row at the top of the view and how far (points) the view's top is below that row's
    /// top: `(row, 0.0)` when the row starts exactly at the top. `None` in the front matter.
    pub fn top_position(&mut self) -> Option<(usize, f32)> {
        let v = self.heights.row_at(self.offset.y);
        let top = *self.heights.tops().get(v)?;
        v.checked_sub(1).map(|r| (r, self.offset.y - top))
    }

    /// The aligned rows drawn in the last frame.
    pub fn visible_rows(&self) -> Range<usize> {
        self.visible.clone()
    }

    /// Draw the panes of the current document.
    pub fn panes_ui(
        &mut self,
        ui: &mut egui::Ui,
        review: &Review,
        view: &DocView,
        settings: &Settings,
        marks: &Marks<'_>,
        commands: &mut Vec<Command>,
    ) {
        let document = &review.corpus.documents[view.doc];
        let files: Vec<&SourceFile> = review.corpus.document_files(document).collect();
        let alignment = &review.documents[view.doc].alignment;
        let columns = &view.columns;
        // Leave room for the vertical scroll bar, so the last pane is not cut off under it.
        let bar = ui.spacing().scroll.bar_width + ui.spacing().scroll.bar_outer_margin + 4.0;
        let width = ((ui.available_width() - bar) / columns.len().max(1) as f32).max(MIN_PANE_WIDTH);
        let key = (view.doc, width.round() as u32, columns.clone(), settings.raw_text, self.front_matter_open);
        // Rendered blocks are dropped by `findings_changed` (raw text, false positives) and `reset`.
        if self.layout_key.as_ref() != Some(&key) {
            self.heights.reset(estimate_heights(&files, alignment, columns, width, self.front_matter_open));
            let fms: Vec<_> = columns.iter().map(|&c| &files[c].skeleton.front_matter).collect();
            self.front_matter = crate::skeleton::frontmatter::compare(&fms);
            self.layout_key = Some(key);
        }
        let highlight_key = (marks.find_text.trim().to_owned(), marks.flagged.as_ref().map(|f| f.finding));
        if self.highlight_key != highlight_key {
            self.highlighted.clear();
            self.highlight_key = highlight_key;
        }
        let styles: Vec<PaneStyle> = view.locales.iter().map(|l| PaneStyle::for_locale(l)).collect();
        let source_first = view.columns.first().is_some_and(|&c| document.source == Some(document.files[c]));
        let mut ctx = PaneCtx {
            review,
            view,
            files: &files,
            settings,
            width,
            marks,
            pinned: source_first && columns.len() > 1,
            scroll_x: self.offset.x,
            styles: &styles,
        };
        self.header_ui(ui, &ctx, commands);
        if self.missing_key.as_ref() != Some(&(view.doc, columns.clone())) {
            self.find_missing_fonts(ui, &ctx);
            self.missing_key = Some((view.doc, columns.clone()));
        }
        self.missing_fonts_ui(ui, &ctx);
        let desired = self.target.map(|(target, _)| self.offset_for(target));
        let total_width = width * columns.len() as f32;
        let mut area = egui::ScrollArea::both().id_salt(("panes", view.doc)).auto_shrink(false).animated(false);
        if let Some(y) = desired.or(self.pending_offset.take()) {
            area = area.vertical_scroll_offset(y);
        }
        if let Some(k) = self.reveal.take() {
            self.pending_x = self.reveal_offset(&ctx, k, total_width);
        }
        if let Some(x) = self.pending_x.take() {
            area = area.horizontal_scroll_offset(x);
        }
        let mut changed = false;
        // No rubber band: the content's height changes as rows are measured, and a spring back towards
        // last frame's bounds would pull a jump off its row. Jumps are applied at once (not animated).
        ui.spacing_mut().scroll.kinetic.rubber_band = false;
        let output = area.show_viewport(ui, |ui, viewport| {
            ctx.scroll_x = viewport.min.x;
            let total_height = *self.heights.tops().last().unwrap_or(&0.0);
            ui.set_min_size(vec2(total_width, total_height));
            let origin = ui.max_rect().min;
            let rows = alignment.rows.len() + 1;
            let first = self.heights.row_at(viewport.min.y);
            let mut last = first;
            for v in first..rows {
                let top = self.heights.tops()[v];
                if top > viewport.max.y {
                    break;
                }
                let rect = Rect::from_min_size(origin + vec2(0.0, top), vec2(total_width, self.heights.heights[v]));
                let height = self.row_ui(ui, rect, v, &ctx, commands);
                changed |= self.heights.set(v, height);
                last = v;
            }
            self.visible = first.saturating_sub(1)..last;
        });
        if ctx.pinned && self.offset.x > 0.0 {
            // The frozen column's edge, while something is scrolled under it.
            let x = output.inner_rect.min.x + width;
            ui.painter().vline(x, output.inner_rect.y_range(), ui.visuals().widgets.active.bg_stroke);
        }
        self.offset = output.state.clamped_offset();
        self.viewport_height = output.inner_rect.height();
        self.viewport_width = output.inner_rect.width();
        self.settle(desired, changed);
        if changed || self.target.is_some() {
            ui.ctx().request_repaint();
        }
    }

    /// The vertical offset that puts a jump's target at the top (or the end in view), from the heights
    /// known now.
    fn offset_for(&mut self, target: Target) -> f32 {
        let viewport = self.viewport_height;
        let tops = self.heights.tops();
        let total = tops.last().copied().unwrap_or(0.0);
        let bottom = (total - viewport).max(0.0);
        match target {
            Target::Top => 0.0,
            Target::Row(row) => tops.get(row.saturating_add(1)).copied().unwrap_or(total).min(bottom),
            Target::End => bottom,
        }
    }

    /// A jump is done when the view is where it should be and no height changed in the frame; until then
    /// (at most [`SETTLE_FRAMES`]) it is applied again with the heights just measured.
    fn settle(&mut self, desired: Option<f32>, changed: bool) {
        let Some((target, frames)) = self.target else { return };
        let landed = desired.is_some_and(|y| (self.offset.y - y).abs() <= 0.5);
        self.target = if (landed && !changed) || frames == 0 { None } else { Some((target, frames - 1)) };
    }

    /// The horizontal offset that shows column `k` whole, right of the pinned source; `None` when it is
    /// in view already.
    fn reveal_offset(&self, ctx: &PaneCtx<'_>, k: usize, total_width: f32) -> Option<f32> {
        if ctx.is_pinned(k) || k >= ctx.view.columns.len() {
            return None;
        }
        let left = k as f32 * ctx.width;
        let pinned = if ctx.pinned { ctx.width } else { 0.0 };
        let (shown_from, shown_to) = (self.offset.x + pinned, self.offset.x + self.viewport_width);
        if left >= shown_from && left + ctx.width <= shown_to {
            return None;
        }
        let max = (total_width - self.viewport_width).max(0.0);
        Some((left - pinned).clamp(0.0, max))
    }

    fn header_ui(&mut self, ui: &mut egui::Ui, ctx: &PaneCtx<'_>, commands: &mut Vec<Command>) {
        let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), HEADER_HEIGHT), egui::Sense::hover());
        let document = &ctx.review.corpus.documents[ctx.view.doc];
        for k in ctx.drawing_order() {
            let col = ctx.view.columns[k];
            let x = rect.min.x + ctx.column_x(k) - ctx.scroll_x;
            let cell = Rect::from_min_size(egui::pos2(x, rect.min.y), vec2(ctx.width, HEADER_HEIGHT));
            let clip = ctx.clip_of(k, rect);
            if !cell.intersects(clip) {
                continue;
            }
            let mut child = ui.new_child(
                UiBuilder::new()
                    .max_rect(cell)
                    .id_salt(("header", col))
                    .layout(egui::Layout::left_to_right(egui::Align::Center)),
            );
            child.set_clip_rect(clip.intersect(cell));
            if ctx.is_pinned(k) {
                child.painter().rect_filled(cell, 0.0, ui.visuals().panel_fill);
            }
            let locale = &ctx.view.locales[col];
            let is_source = document.source == Some(document.files[col]);
            let title = if is_source { format!("{locale} (source)") } else { locale.clone() };
            child.strong(title).on_hover_text(&ctx.files[col].rel);
            if child.small_button("<").on_hover_text(format!("Move {locale} left")).clicked() {
                commands.push(Command::MoveLocale(locale.clone(), true));
            }
            if child.small_button(">").on_hover_text(format!("Move {locale} right")).clicked() {
                commands.push(Command::MoveLocale(locale.clone(), false));
            }
            if child.small_button("Hide").on_hover_text(format!("Hide {locale}")).clicked() {
                commands.push(Command::ToggleLocale(locale.clone()));
            }
        }
        if !ctx.view.hidden.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label("Hidden:");
                for l in &ctx.view.hidden {
                    if ui.small_button(format!("Show {l}")).clicked() {
                        commands.push(Command::ToggleLocale(l.clone()));
                    }
                }
            });
        }
    }
}

/// What every part of the panes reads.
#[derive(Clone, Copy)]
struct PaneCtx<'a> {
    review: &'a Review,
    view: &'a DocView,
    files: &'a [&'a SourceFile],
    settings: &'a Settings,
    width: f32,
    marks: &'a Marks<'a>,
    /// Each column's fonts and direction (indexed like the document's files).
    styles: &'a [PaneStyle],
    /// The first column is the source, pinned on the left.
    pinned: bool,
    /// How far the panes are scrolled sideways.
    scroll_x: f32,
}

impl PaneCtx<'_> {
    /// Column `k` (of the visible columns) is the pinned source.
    fn is_pinned(&self, k: usize) -> bool {
        self.pinned && k == 0
    }

    /// The left edge of visible column `k` in the scrolled content: the pinned one moves with the scroll,
    /// so it stays at the left edge of the view.
    fn column_x(&self, k: usize) -> f32 {
        if self.is_pinned(k) { self.scroll_x } else { k as f32 * self.width }
    }

    /// Where column `k` may draw inside `clip` (the visible area): the scrolled columns not under the
    /// pinned one.
    fn clip_of(&self, k: usize, clip: Rect) -> Rect {
        let mut clip = clip;
        if self.pinned && k > 0 {
            clip.min.x = (clip.min.x + self.width).min(clip.max.x);
        }
        clip
    }

    /// Columns in drawing order: the pinned one last, over the others.
    fn drawing_order(&self) -> impl Iterator<Item = usize> + use<> {
        let n = self.view.columns.len();
        let pinned = self.pinned;
        (usize::from(pinned)..n).chain((0..usize::from(pinned)).take(1))
    }
}
