//! The front-matter row: one line per pane by default (the title and how many keys, and how many
//! technical values differ from the majority), so it does not fill the first screen; a click opens every
//! pane's full list, lined up key by key, and closes it again.

use super::{GUTTER, PaneCtx, Panes};
use crate::skeleton::frontmatter::KeyRow;
use crate::ui::bidi;
use egui::{Rect, RichText, UiBuilder, vec2};

impl Panes {
    /// Draw the front-matter row in `rect`; returns the height it needs.
    pub(super) fn front_matter_ui(&mut self, ui: &mut egui::Ui, rect: Rect, ctx: &PaneCtx<'_>) -> f32 {
        if self.front_matter.is_empty() {
            return 4.0;
        }
        let mut height: f32 = 0.0;
        let mut toggle = false;
        // The pinned source's column last, over the columns scrolled under it.
        for k in ctx.drawing_order() {
            let col = ctx.view.columns[k];
            let column = Rect::from_min_size(
                egui::pos2(rect.min.x + ctx.column_x(k), rect.min.y),
                vec2(ctx.width, rect.height().max(1.0)),
            );
            let cell = Rect::from_min_max(column.min + vec2(GUTTER, 2.0), column.max - vec2(6.0, 0.0));
            let mut child = ui.new_child(
                UiBuilder::new()
                    .max_rect(cell)
                    .id_salt(("front-matter", col))
                    .layout(egui::Layout::top_down(egui::Align::Min)),
            );
            child.set_clip_rect(ctx.clip_of(k, ui.clip_rect()).intersect(column));
            if ctx.is_pinned(k) {
                child.painter().rect_filled(column, 0.0, ui.visuals().panel_fill);
            }
            let summary = summary(&self.front_matter, k);
            let arrow = if self.front_matter_open { "\u{2212}" } else { "+" };
            let header = egui::Button::new(RichText::new(format!("{arrow} Front matter: {summary}")).strong())
                .frame(false)
                .truncate();
            if child.add(header).on_hover_text("Show or hide every key, in every pane").clicked() {
                toggle = true;
            }
            if self.front_matter_open {
                keys_ui(&mut child, &self.front_matter, k, ctx.styles[col].rtl);
            }
            height = height.max(child.min_rect().height() + 8.0);
        }
        if toggle {
            self.front_matter_open = !self.front_matter_open;
            ui.ctx().request_repaint();
        }
        height
    }
}

/// "Installieren · 9 keys · 1 differs" for column `k`.
fn summary(rows: &[KeyRow], k: usize) -> String {
    let title = rows
        .iter()
        .find(|r| r.key == "title")
        .and_then(|r| r.values[k].as_deref())
        .map(|t| format!("{} · ", t.trim_matches(['"', '\''])))
        .unwrap_or_default();
    let keys = rows.iter().filter(|r| r.values[k].is_some()).count();
    let differ = rows.iter().filter(|r| r.differs[k]).count();
    let differ = if differ > 0 { format!(" · {differ} differ") } else { String::new() };
    format!("{title}{}{differ}", crate::ui::widgets::plural(keys, "key"))
}

fn keys_ui(ui: &mut egui::Ui, rows: &[KeyRow], k: usize, rtl: bool) {
    for row in rows {
        let value = row.values[k].as_deref();
        let text = format!("{}: {}", row.key, value.unwrap_or("—"));
        let color = if row.differs[k] {
            ui.visuals().warn_fg_color
        } else if value.is_none() {
            ui.visuals().weak_text_color()
        } else {
            ui.visuals().text_color()
        };
        if bidi::needs_bidi(&text, bidi::line_base(rtl)) {
            let format = egui::TextFormat::simple(egui::TextStyle::Body.resolve(ui.style()), color);
            bidi::text_ui(ui, &text, bidi::line_base(rtl), Some(format));
        } else {
            ui.add(egui::Label::new(RichText::new(text).color(color)).truncate());
        }
    }
}
