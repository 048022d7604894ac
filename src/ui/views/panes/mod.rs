//! The review view: one pane per locale, side by side, aligned row by row. All panes live in one
//! scroll area, so scrolling any pane scrolls all; row k of every pane starts at the same height and is
//! as tall as its tallest block. Only the rows in view are laid out (a prefix sum of row heights maps
//! the viewport to rows); heights are measured as rows are drawn and estimated until then.

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

/// The panes' own state.
#[derive(Default)]
pub struct Panes {
    heights: RowHeights,
    layout_key: Option<(usize, u32, Vec<usize>, bool, bool)>,
    pending_offset: Option<f32>,
    pending_row: Option<usize>,
    offset: Vec2,
    viewport_height: f32,
    visible: Range<usize>,
    pieces: HashMap<(usize, usize), Vec<Piece>>,
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
        self.pieces.clear();
        self.refs.clear();
    }

    /// Findings were marked or unmarked, or the rendering changed: rendered blocks are redone.
    pub fn findings_changed(&mut self) {
        self.pieces.clear();
    }

    /// Columns were shown, hidden or moved.
    pub fn layout_changed(&mut self) {
        self.layout_key = None;
    }

    /// Scroll so `row` is at the top of the view.
    pub fn scroll_to_row(&mut self, row: usize) {
        self.pending_row = Some(row);
    }

    /// Scroll by a number of pages.
    pub fn scroll_pages(&mut self, pages: f32) {
        self.pending_offset = Some((self.offset.y + pages * self.viewport_height * 0.9).max(0.0));
    }

    /// Scroll to the top or the bottom.
    pub fn scroll_to_end(&mut self, top: bool) {
        if top {
            self.pending_offset = Some(0.0);
        } else {
            self.pending_row = Some(usize::MAX);
        }
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
        let styles: Vec<PaneStyle> = view.locales.iter().map(|l| PaneStyle::for_locale(l)).collect();
        let ctx = PaneCtx { review, view, files: &files, settings, width, marks, styles: &styles };
        self.header_ui(ui, &ctx, commands);
        if self.missing_key.as_ref() != Some(&(view.doc, columns.clone())) {
            self.find_missing_fonts(ui, &ctx);
            self.missing_key = Some((view.doc, columns.clone()));
        }
        self.missing_fonts_ui(ui, &ctx);
        if let Some(row) = self.pending_row.take() {
            let viewport = self.viewport_height;
            let tops = self.heights.tops();
            let total = tops.last().copied().unwrap_or(0.0);
            let top = tops.get(row.saturating_add(1)).copied().unwrap_or(total);
            self.pending_offset = Some(top.min((total - viewport).max(0.0)));
        }
        let total_width = width * columns.len() as f32;
        let mut area = egui::ScrollArea::both().id_salt(("panes", view.doc)).auto_shrink(false);
        if let Some(y) = self.pending_offset.take() {
            area = area.vertical_scroll_offset(y);
        }
        let output = area.show_viewport(ui, |ui, viewport| {
            let total_height = *self.heights.tops().last().unwrap_or(&0.0);
            ui.set_min_size(vec2(total_width, total_height));
            let origin = ui.max_rect().min;
            let rows = alignment.rows.len() + 1;
            let first = self.heights.row_at(viewport.min.y);
            let mut changed = false;
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
            if changed {
                ui.ctx().request_repaint();
            }
        });
        self.offset = output.state.clamped_offset();
        self.viewport_height = output.inner_rect.height();
    }

    fn header_ui(&mut self, ui: &mut egui::Ui, ctx: &PaneCtx<'_>, commands: &mut Vec<Command>) {
        let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), HEADER_HEIGHT), egui::Sense::hover());
        let document = &ctx.review.corpus.documents[ctx.view.doc];
        for (k, &col) in ctx.view.columns.iter().enumerate() {
            let x = rect.min.x + k as f32 * ctx.width - self.offset.x;
            let cell = Rect::from_min_size(egui::pos2(x, rect.min.y), vec2(ctx.width, HEADER_HEIGHT));
            if !cell.intersects(rect) {
                continue;
            }
            let mut child = ui.new_child(
                UiBuilder::new()
                    .max_rect(cell)
                    .id_salt(("header", col))
                    .layout(egui::Layout::left_to_right(egui::Align::Center)),
            );
            child.set_clip_rect(rect.intersect(cell));
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
        let hidden: Vec<String> =
            ctx.view.locales.iter().filter(|l| ctx.settings.hidden_locales.contains(*l)).cloned().collect();
        if !hidden.is_empty() {
            ui.horizontal(|ui| {
                ui.label("Hidden:");
                for l in hidden {
                    if ui.small_button(format!("Show {l}")).clicked() {
                        commands.push(Command::ToggleLocale(l));
                    }
                }
            });
        }
    }
}

/// What every part of the panes reads.
struct PaneCtx<'a> {
    review: &'a Review,
    view: &'a DocView,
    files: &'a [&'a SourceFile],
    settings: &'a Settings,
    width: f32,
    marks: &'a Marks<'a>,
    /// Each column's fonts and direction (indexed like the document's files).
    styles: &'a [PaneStyle],
}
