//! Missing fonts, said once above each pane whose text has characters no installed font covers (found
//! when a document is shown, not while drawing), and summed up for the status line.

use super::{PaneCtx, Panes};
use crate::ui::fonts::{MissingScript, missing_scripts};
use egui::{Rect, UiBuilder, vec2};

impl Panes {
    /// Look for characters no font covers in each shown file (once per document and column set).
    pub(super) fn find_missing_fonts(&mut self, ui: &egui::Ui, ctx: &PaneCtx<'_>) {
        self.missing = ctx
            .view
            .columns
            .iter()
            .map(|&col| {
                let family = &ctx.styles[col].family;
                let text = &ctx.files[col].text;
                (col, ui.fonts_mut(|f| missing_scripts(f, family, text)))
            })
            .filter(|(_, m)| !m.is_empty())
            .collect();
    }

    /// "Missing fonts: Han (ja), Arabic (ar) — install fonts-noto-cjk, fonts-noto-core", or nothing.
    pub fn missing_fonts_line(&self, locales: &[String]) -> Option<String> {
        if self.missing.is_empty() {
            return None;
        }
        let scripts: Vec<String> = self
            .missing
            .iter()
            .flat_map(|(col, m)| m.iter().map(move |s| format!("{} ({})", s.script, locales[*col])))
            .collect();
        let mut packages: Vec<&str> = self.missing.iter().flat_map(|(_, m)| m.iter().map(|s| s.package)).collect();
        packages.sort_unstable();
        packages.dedup();
        Some(format!("Missing fonts: {} — install {}", scripts.join(", "), packages.join(", ")))
    }

    /// The messages above the panes, one per pane that lacks a font, lined up with the pane.
    pub(super) fn missing_fonts_ui(&self, ui: &mut egui::Ui, ctx: &PaneCtx<'_>) {
        if self.missing.is_empty() {
            return;
        }
        let top = ui.cursor().top();
        let left = ui.cursor().left();
        let mut height: f32 = 0.0;
        for (k, &col) in ctx.view.columns.iter().enumerate() {
            let Some(scripts) = self.missing.iter().find(|(c, _)| *c == col).map(|(_, m)| m) else { continue };
            let x = left + k as f32 * ctx.width - self.offset.x;
            let rect = Rect::from_min_size(egui::pos2(x + 4.0, top), vec2(ctx.width - 8.0, 400.0));
            let mut child = ui.new_child(UiBuilder::new().max_rect(rect).id_salt(("missing-fonts", col)));
            child.set_clip_rect(ui.clip_rect().intersect(rect));
            for script in scripts {
                banner_ui(&mut child, script, &ctx.view.locales[col]);
            }
            height = height.max(child.min_rect().height());
        }
        ui.allocate_exact_size(vec2(ui.available_width(), height + 4.0), egui::Sense::hover());
    }
}

fn banner_ui(ui: &mut egui::Ui, script: &MissingScript, locale: &str) {
    egui::Frame::new().fill(ui.visuals().faint_bg_color).inner_margin(4.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.add(egui::Label::new(egui::RichText::new(script.message(locale)).color(ui.visuals().warn_fg_color)).wrap());
    });
}
