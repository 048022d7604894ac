//! The Problems panel: the current document's findings (or the whole folder's), filtered by id, severity
//! and locale; clicking one scrolls every pane to its row; false positives can be marked and hidden.

use crate::checks::{CheckId, Severity};
use crate::review::Review;
use crate::ui::command::Command;
use crate::ui::settings::Settings;
use crate::ui::state::DocView;
use crate::ui::widgets::finding_severity_color;

/// Filters and the cached list they select.
#[derive(Debug, Default)]
pub struct ProblemsPanel {
    id: Option<CheckId>,
    min_severity: Option<Severity>,
    locale: Option<String>,
    whole_folder: bool,
    /// The findings shown, and what they were selected for: recomputed only when that changes.
    shown: Vec<usize>,
    shown_for: Option<FilterKey>,
}

/// The filters the shown list was selected with; the app calls [`ProblemsPanel::invalidate`] when the
/// review or the false-positive marks change.
#[derive(Debug, Clone, PartialEq)]
struct FilterKey {
    doc: usize,
    id: Option<CheckId>,
    min_severity: Option<Severity>,
    locale: Option<String>,
    whole_folder: bool,
}

impl ProblemsPanel {
    /// Forget filters that may not apply to a new folder.
    pub fn reset(&mut self) {
        self.locale = None;
        self.invalidate();
    }

    /// The list must be selected anew (a new review, or false positives marked or shown).
    pub fn invalidate(&mut self) {
        self.shown_for = None;
    }

    fn matches(&self, review: &Review, view: &DocView, settings: &Settings, i: usize) -> bool {
        let f = &review.findings[i];
        let doc_name = &review.corpus.documents[view.doc].name;
        (self.whole_folder || &f.document == doc_name)
            && self.id.is_none_or(|id| f.id == id)
            && self.min_severity.is_none_or(|s| f.severity >= s)
            && self.locale.as_ref().is_none_or(|l| &f.locale == l)
            && (settings.show_false_positives || !settings.false_positives.contains(&f.fingerprint))
    }

    /// Draw the panel.
    pub fn problems_panel_ui(
        &mut self,
        ui: &mut egui::Ui,
        review: &Review,
        view: &DocView,
        settings: &Settings,
        selected: Option<usize>,
        commands: &mut Vec<Command>,
    ) {
        self.filters_ui(ui, view);
        let key = FilterKey {
            doc: view.doc,
            id: self.id,
            min_severity: self.min_severity,
            locale: self.locale.clone(),
            whole_folder: self.whole_folder,
        };
        if self.shown_for.as_ref() != Some(&key) {
            self.shown = (0..review.findings.len()).filter(|&i| self.matches(review, view, settings, i)).collect();
            self.shown_for = Some(key);
        }
        let shown = &self.shown;
        ui.label(format!("{} problems shown (F8 / Shift+F8: next / previous)", shown.len()));
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        egui::ScrollArea::vertical().id_salt("problems").auto_shrink(false).show_rows(
            ui,
            row_height,
            shown.len(),
            |ui, range| {
                for &i in &shown[range] {
                    let f = &review.findings[i];
                    ui.push_id(i, |ui| {
                        ui.horizontal(|ui| {
                            let false_positive = settings.false_positives.contains(&f.fingerprint);
                            let mark = if false_positive { "Unmark" } else { "False positive" };
                            if ui.small_button(mark).clicked() {
                                commands.push(Command::ToggleFalsePositive(f.fingerprint.clone()));
                            }
                            if ui.small_button("Note").on_hover_text("Turn this finding into a note").clicked() {
                                commands.push(Command::NoteFromFinding(i));
                            }
                            let color = finding_severity_color(ui, f.severity);
                            ui.colored_label(color, f.severity.as_str());
                            let text = format!("{}  {}  {}:{}  {}", f.id, f.locale, f.file, f.line, f.message);
                            // One line per problem (the list is virtualized by row height); the whole
                            // message is in the tooltip.
                            let text = crate::ui::bidi::line_text(ui, &text, false_positive);
                            let button = egui::Button::selectable(selected == Some(i), text).truncate();
                            if ui.add(button).on_hover_text(&f.message).clicked() {
                                commands.push(Command::JumpToFinding(i));
                            }
                        });
                    });
                }
            },
        );
    }

    fn filters_ui(&mut self, ui: &mut egui::Ui, view: &DocView) {
        ui.horizontal_wrapped(|ui| {
            ui.strong("Problems");
            ui.separator();
            egui::ComboBox::from_label("Check").selected_text(self.id.map_or("all", |c| c.as_str())).show_ui(
                ui,
                |ui| {
                    ui.selectable_value(&mut self.id, None, "all");
                    for &id in CheckId::ALL {
                        ui.selectable_value(&mut self.id, Some(id), id.as_str());
                    }
                },
            );
            ui.separator();
            let severity_text = self.min_severity.map_or("any", Severity::as_str);
            egui::ComboBox::from_label("Severity").selected_text(severity_text).show_ui(ui, |ui| {
                ui.selectable_value(&mut self.min_severity, None, "any");
                for s in [Severity::Error, Severity::Warning, Severity::Info] {
                    ui.selectable_value(&mut self.min_severity, Some(s), format!("{} and above", s.as_str()));
                }
            });
            ui.separator();
            let locale_text = self.locale.clone().unwrap_or_else(|| "all".to_owned());
            egui::ComboBox::from_label("Locale").selected_text(locale_text).show_ui(ui, |ui| {
                ui.selectable_value(&mut self.locale, None, "all");
                ui.selectable_value(&mut self.locale, Some("*".to_owned()), "shared by all");
                for l in &view.locales {
                    ui.selectable_value(&mut self.locale, Some(l.clone()), l);
                }
            });
            ui.separator();
            ui.checkbox(&mut self.whole_folder, "Whole folder");
        });
    }
}
