//! The note editor: a small window to write or change one note — text, MQM category, severity, status,
//! one locale or all, and the quoted text. It edits a draft of its own and, on save or delete, sends a
//! command; the app owns the notes.
//!
//! Keys while it is open: Ctrl+Enter saves, Escape cancels (the first Escape only leaves a text box that
//! holds writing), Ctrl+1…Ctrl+4 set the severity (neutral,
//! minor, major, critical); when the text box does not have the focus, Shift+M sets major and M minor.

use crate::notes::{Anchor, Category, Note, NoteSeverity, NoteStatus, time};
use crate::ui::command::Command;
use egui::{Key, Modifiers};

/// What is being written.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The note id (a new one for a new note).
    pub id: String,
    /// True when the note is not saved yet.
    pub is_new: bool,
    /// The anchor for "this locale" (none when the row has no block in that locale).
    pub anchor_one: Option<Anchor>,
    /// The anchor for "all locales" (the reference's block in the row).
    pub anchor_all: Option<Anchor>,
    /// The note applies to all locales.
    pub all: bool,
    /// The note's text.
    pub text: String,
    /// The quoted text.
    pub quote: String,
    /// MQM category.
    pub category: Category,
    /// MQM severity.
    pub severity: NoteSeverity,
    /// Status.
    pub status: NoteStatus,
    /// Author.
    pub author: String,
    /// Creation time.
    pub created: String,
    /// The finding it was made from.
    pub finding: Option<String>,
}

impl Draft {
    /// A draft for an existing note.
    pub fn of(note: &Note) -> Draft {
        let all = note.anchor.locale == crate::notes::ALL_LOCALES;
        Draft {
            id: note.id.clone(),
            is_new: false,
            anchor_one: (!all).then(|| note.anchor.clone()),
            anchor_all: all.then(|| note.anchor.clone()),
            all,
            text: note.text.clone(),
            quote: note.anchor.quote.clone(),
            category: note.category,
            severity: note.severity,
            status: note.status,
            author: note.author.clone(),
            created: note.created.clone(),
            finding: note.finding.clone(),
        }
    }

    /// The note this draft makes, if it has an anchor for its scope.
    pub fn to_note(&self) -> Option<Note> {
        let mut anchor = if self.all { self.anchor_all.clone() } else { self.anchor_one.clone() }?;
        if !self.quote.trim().is_empty() {
            anchor.quote = self.quote.trim().to_owned();
        }
        let now = time::now();
        Some(Note {
            id: self.id.clone(),
            anchor,
            text: self.text.trim_end().to_owned(),
            category: self.category,
            severity: self.severity,
            status: self.status,
            author: self.author.clone(),
            created: if self.created.is_empty() { now.clone() } else { self.created.clone() },
            updated: now,
            finding: self.finding.clone(),
        })
    }
}

/// The editor's state: the draft on show, if any.
#[derive(Debug, Default)]
pub struct NoteEditor {
    draft: Option<Draft>,
    focus_text: bool,
    /// A text box had the focus at the end of the last frame (egui drops the focus on Escape before
    /// the editor sees the key, so this is what tells "leave the box" from "close").
    was_typing: bool,
}

impl NoteEditor {
    /// Start editing a draft.
    pub fn open(&mut self, draft: Draft) {
        self.draft = Some(draft);
        self.focus_text = true;
        self.was_typing = false;
    }

    /// Close without saving.
    pub fn close(&mut self) {
        self.draft = None;
    }

    /// True while the editor is open.
    pub fn is_open(&self) -> bool {
        self.draft.is_some()
    }

    /// The draft on show.
    pub fn draft(&self) -> Option<&Draft> {
        self.draft.as_ref()
    }

    /// Draw the editor window.
    pub fn note_editor_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(draft) = self.draft.as_mut() else { return };
        let title = if draft.is_new { "New note" } else { "Edit note" };
        let focus = std::mem::take(&mut self.focus_text);
        let mut close = false;
        let was_typing = &mut self.was_typing;
        egui::Window::new(title)
            .id(egui::Id::unique("note-editor"))
            .collapsible(false)
            .resizable(true)
            .default_width(460.0)
            .show(ctx, |ui| {
                close = draft_ui(ui, draft, focus, was_typing, commands);
            });
        if close {
            self.draft = None;
        }
    }
}

/// The editor's contents; true when it should close.
fn draft_ui(
    ui: &mut egui::Ui,
    draft: &mut Draft,
    focus: bool,
    was_typing: &mut bool,
    commands: &mut Vec<Command>,
) -> bool {
    let text_id = egui::Id::unique("note-editor-text");
    let typing = ui.memory(|m| m.focused().is_some());
    let (save, cancel) = editor_keys(ui, draft, typing, *was_typing);
    scope_ui(ui, draft);
    let align = text_align(&draft.text);
    let edit = egui::TextEdit::multiline(&mut draft.text)
        .id(text_id)
        .hint_text("What is wrong, and what should it say?")
        .desired_rows(4)
        .desired_width(f32::INFINITY)
        .align(align);
    let response = ui.add(edit);
    if focus {
        response.request_focus();
    }
    rtl_preview_ui(ui, &draft.text);
    ui.horizontal(|ui| {
        let label = ui.label("Quote");
        let align = text_align(&draft.quote);
        ui.add(egui::TextEdit::singleline(&mut draft.quote).desired_width(f32::INFINITY).align(align))
            .labelled_by(label.id)
            .on_hover_text("The text the note is about: select it in a pane, Ctrl+C, and paste it here");
    });
    egui::Grid::new("note-fields").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
        let label = ui.label("Category");
        egui::ComboBox::from_id_salt("note-category")
            .selected_text(draft.category.ascii_label())
            .width(260.0)
            .show_ui(ui, |ui| {
                for c in Category::ALL {
                    ui.selectable_value(&mut draft.category, c, c.ascii_label());
                }
            })
            .response
            .labelled_by(label.id);
        ui.end_row();
        ui.label("Severity");
        ui.horizontal(|ui| {
            for (k, s) in NoteSeverity::ALL.into_iter().enumerate() {
                ui.selectable_value(&mut draft.severity, s, s.as_str()).on_hover_text(format!("Ctrl+{}", k + 1));
            }
        });
        ui.end_row();
        ui.label("Status");
        ui.horizontal(|ui| {
            for s in NoteStatus::ALL {
                ui.selectable_value(&mut draft.status, s, s.label());
            }
        });
        ui.end_row();
        let label = ui.label("Author");
        let author = ui.add(egui::TextEdit::singleline(&mut draft.author).desired_width(200.0)).labelled_by(label.id);
        if author.lost_focus() || author.changed() {
            commands.push(Command::SetAuthor(draft.author.clone()));
        }
        ui.end_row();
    });
    *was_typing = ui.memory(|m| m.focused().is_some());
    ui.separator();
    let mut close = cancel;
    ui.horizontal(|ui| {
        let can_save = !draft.text.trim().is_empty() && draft.to_note().is_some();
        let save_button = ui.add_enabled(can_save, egui::Button::new("Save")).on_hover_text("Ctrl+Enter");
        if (save_button.clicked() || save) && can_save {
            if let Some(note) = draft.to_note() {
                commands.push(Command::SaveNote(Box::new(note)));
            }
            close = true;
        }
        if ui.button("Cancel").on_hover_text("Escape").clicked() {
            close = true;
        }
        if !draft.is_new && ui.button("Delete").clicked() {
            commands.push(Command::DeleteNote(draft.id.clone()));
            close = true;
        }
    });
    close
}

/// "This locale" or "all locales", when both are possible.
fn scope_ui(ui: &mut egui::Ui, draft: &mut Draft) {
    let where_text = |a: &Option<Anchor>| a.as_ref().map(|a| format!("{} in {}", a.locale, a.file));
    ui.horizontal(|ui| {
        if let Some(one) = where_text(&draft.anchor_one) {
            ui.radio_value(&mut draft.all, false, one);
        }
        if draft.anchor_all.is_some() {
            ui.radio_value(&mut draft.all, true, "all locales");
        }
    });
}

/// Shortcuts of the editor: returns (save, cancel).
fn editor_keys(ui: &mut egui::Ui, draft: &mut Draft, typing: bool, was_typing: bool) -> (bool, bool) {
    ui.input_mut(|i| {
        let save = i.consume_key(Modifiers::COMMAND, Key::Enter);
        // Escape in a text box that holds writing only leaves the box (egui's own handling); a second
        // Escape closes. So one stray key never throws a note away.
        let cancel = (!was_typing || draft.text.trim().is_empty()) && i.consume_key(Modifiers::NONE, Key::Escape);
        let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4];
        for (key, severity) in keys.into_iter().zip(NoteSeverity::ALL) {
            if i.consume_key(Modifiers::COMMAND, key) {
                draft.severity = severity;
            }
        }
        if !typing {
            // Shift first: matching ignores extra Shift, so plain M would take Shift+M.
            if i.consume_key(Modifiers::SHIFT, Key::M) {
                draft.severity = NoteSeverity::Major;
            } else if i.consume_key(Modifiers::NONE, Key::M) {
                draft.severity = NoteSeverity::Minor;
            }
        }
        (save, cancel)
    })
}

/// Right-aligned when the text starts with a right-to-left letter (egui's text box lays its characters
/// out left to right: the caret inside Arabic or Hebrew words is egui's).
fn text_align(text: &str) -> egui::Align2 {
    use crate::ui::bidi::{Base, Direction, resolve};
    if resolve(text, Base::Auto(Direction::Ltr)).is_rtl() { egui::Align2::RIGHT_TOP } else { egui::Align2::LEFT_TOP }
}

/// Under a note with Arabic or Hebrew in it, the note as it reads (the text box above cannot order it).
fn rtl_preview_ui(ui: &mut egui::Ui, text: &str) {
    use crate::ui::bidi::{Base, Direction, has_rtl, text_ui};
    if !has_rtl(text) {
        return;
    }
    egui::Frame::new().fill(ui.visuals().faint_bg_color).inner_margin(4.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(egui::RichText::new("Reads as:").small().weak());
        text_ui(ui, text, Base::Auto(Direction::Ltr), None);
    });
}
