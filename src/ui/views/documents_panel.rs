//! The document list: every document with its locales, finding counts and stale/missing markers, and a
//! filter box.

use crate::review::Review;
use crate::ui::command::Command;
use crate::ui::widgets::plural;

/// The list's own state: the filter text.
#[derive(Debug, Default)]
pub struct DocumentsPanel {
    filter: String,
}

impl DocumentsPanel {
    /// Draw the list.
    pub fn documents_panel_ui(
        &mut self,
        ui: &mut egui::Ui,
        review: &Review,
        current: Option<usize>,
        commands: &mut Vec<Command>,
    ) {
        ui.heading("Documents");
        let label = ui.label("Filter:");
        ui.add(egui::TextEdit::singleline(&mut self.filter).hint_text("name or locale")).labelled_by(label.id);
        ui.separator();
        let needle = self.filter.trim().to_lowercase();
        egui::ScrollArea::vertical().id_salt("documents").auto_shrink(false).show(ui, |ui| {
            for (i, doc) in review.corpus.documents.iter().enumerate() {
                let Some(summary) = review.summaries.get(i) else { continue };
                let locales = &summary.locales;
                if !needle.is_empty()
                    && !doc.name.to_lowercase().contains(&needle)
                    && !locales.iter().any(|l| l.to_lowercase().contains(&needle))
                {
                    continue;
                }
                ui.push_id(i, |ui| {
                    let mut title = doc.name.clone();
                    if summary.stale {
                        title.push_str("  [stale]");
                    }
                    let response = ui.selectable_label(current == Some(i), egui::RichText::new(title).strong());
                    if response.clicked() {
                        commands.push(Command::SelectDocument(i));
                    }
                    ui.horizontal_wrapped(|ui| {
                        ui.small(locales.join(" · "));
                        let [e, w, n] = summary.counts;
                        if e > 0 {
                            ui.colored_label(ui.visuals().error_fg_color, plural(e, "error"));
                        }
                        if w > 0 {
                            ui.colored_label(ui.visuals().warn_fg_color, plural(w, "warning"));
                        }
                        if n > 0 {
                            ui.small(format!("{n} info"));
                        }
                        if !summary.missing.is_empty() {
                            ui.small(format!("missing: {}", summary.missing.join(", ")));
                        }
                    });
                    ui.add_space(4.0);
                });
            }
        });
    }
}
