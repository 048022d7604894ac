//! The Notes panel: every note of the folder, filtered by locale, category, severity and status;
//! a locale's filter keeps the notes for all locales; clicking one shows its document and row, "Edit" opens it in the editor. Outdated notes (their text
//! could not be found again) are marked.

use crate::notes::anchor::Fit;
use crate::notes::{ALL_LOCALES, Category, NoteSeverity, NoteStatus};
use crate::session::NoteSession;
use crate::ui::command::Command;
use crate::ui::widgets::note_severity_color;

/// Filters and the cached list they select.
#[derive(Debug, Default)]
pub struct NotesPanel {
    locale: Option<String>,
    category: Option<Category>,
    severity: Option<NoteSeverity>,
    status: Option<NoteStatus>,
    shown: Vec<String>,
    shown_for: Option<(u64, Filters)>,
}

type Filters = (Option<String>, Option<Category>, Option<NoteSeverity>, Option<NoteStatus>);

impl NotesPanel {
    /// Forget filters that may not apply to a new folder.
    pub fn reset(&mut self) {
        *self = NotesPanel::default();
    }

    fn filters(&self) -> Filters {
        (self.locale.clone(), self.category, self.severity, self.status)
    }

    /// Draw the panel.
    pub fn notes_panel_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &NoteSession,
        selected: Option<&str>,
        commands: &mut Vec<Command>,
    ) {
        self.filters_ui(ui, session);
        let key = (session.generation, self.filters());
        if self.shown_for.as_ref() != Some(&key) {
            self.shown = session
                .book()
                .iter()
                .filter(|n| {
                    self.locale.as_ref().is_none_or(|l| &n.anchor.locale == l || n.anchor.locale == ALL_LOCALES)
                        && self.category.is_none_or(|c| n.category == c)
                        && self.severity.is_none_or(|s| n.severity == s)
                        && self.status.is_none_or(|s| n.status == s)
                })
                .map(|n| n.id.clone())
                .collect();
            self.shown_for = Some(key);
        }
        ui.label(format!(
            "{} of {} notes shown (click a cell to select it, N: new note there)",
            self.shown.len(),
            session.book().len()
        ));
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        egui::ScrollArea::vertical().id_salt("notes").auto_shrink(false).show_rows(
            ui,
            row_height,
            self.shown.len(),
            |ui, range| {
                for id in &self.shown[range] {
                    let Some(note) = session.book().get(id) else { continue };
                    ui.push_id(id, |ui| {
                        ui.horizontal(|ui| {
                            if ui.small_button("Edit").clicked() {
                                commands.push(Command::EditNote(id.clone()));
                            }
                            ui.colored_label(note_severity_color(ui, note.severity), note.severity.as_str());
                            let fit = session.placements().of(note).map_or(Fit::Outdated, |p| p.fit);
                            let outdated = if fit == Fit::Outdated { "  [outdated]" } else { "" };
                            let first_line = note.text.lines().next().unwrap_or_default();
                            let text = format!(
                                "{}  {}  {}  {}{outdated}  {}",
                                note.anchor.locale,
                                note.status.label(),
                                note.category.ascii_label(),
                                note.anchor.document,
                                first_line
                            );
                            let text = crate::ui::bidi::line_text(ui, &text, false);
                            let button = egui::Button::selectable(selected == Some(id.as_str()), text).truncate();
                            let hover = format!(
                                "{}\n\n\"{}\"\n{} - {}",
                                note.text, note.anchor.quote, note.author, note.updated
                            );
                            if ui.add(button).on_hover_text(hover).clicked() {
                                commands.push(Command::JumpToNote(id.clone()));
                            }
                        });
                    });
                }
            },
        );
    }

    fn filters_ui(&mut self, ui: &mut egui::Ui, session: &NoteSession) {
        ui.horizontal_wrapped(|ui| {
            let locale_text = self.locale.clone().unwrap_or_else(|| "all".to_owned());
            egui::ComboBox::from_label("Locale").selected_text(locale_text).show_ui(ui, |ui| {
                ui.selectable_value(&mut self.locale, None, "all");
                let mut locales: Vec<&str> = session.book().iter().map(|n| n.anchor.locale.as_str()).collect();
                locales.sort_unstable();
                locales.dedup();
                for l in locales {
                    ui.selectable_value(&mut self.locale, Some(l.to_owned()), l);
                }
            });
            ui.separator();
            let category_text = self.category.map_or_else(|| "all".to_owned(), Category::ascii_label);
            egui::ComboBox::from_label("Category").selected_text(category_text).show_ui(ui, |ui| {
                ui.selectable_value(&mut self.category, None, "all");
                for c in Category::ALL {
                    ui.selectable_value(&mut self.category, Some(c), c.ascii_label());
                }
            });
            ui.separator();
            egui::ComboBox::from_label("Severity")
                .selected_text(self.severity.map_or("all", NoteSeverity::as_str))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.severity, None, "all");
                    for s in NoteSeverity::ALL {
                        ui.selectable_value(&mut self.severity, Some(s), s.as_str());
                    }
                });
            ui.separator();
            egui::ComboBox::from_label("Status").selected_text(self.status.map_or("all", NoteStatus::label)).show_ui(
                ui,
                |ui| {
                    ui.selectable_value(&mut self.status, None, "all");
                    for s in NoteStatus::ALL {
                        ui.selectable_value(&mut self.status, Some(s), s.label());
                    }
                },
            );
        });
    }
}
