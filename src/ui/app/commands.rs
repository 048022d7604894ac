//! Keyboard shortcuts become commands, and commands are applied: the one place (besides the loader's
//! result) where the app's state changes.

use super::SynopticApp;
use crate::ui::command::{Command, ReviewScope};
use crate::ui::picker::Request;
use egui::{Key, Modifiers};

impl SynopticApp {
    /// Turn this frame's shortcuts into commands. Navigation keys are left to a text box that has the focus.
    pub(super) fn read_shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.memory(|m| m.focused().is_some());
        let (open, find, prev, next) = ctx.input_mut(|i| {
            // Shift+F8 first: matching ignores Shift, so plain F8 would take it.
            let prev = i.consume_key(Modifiers::SHIFT, Key::F8);
            (
                i.consume_key(Modifiers::COMMAND, Key::O),
                i.consume_key(Modifiers::COMMAND, Key::F),
                prev,
                i.consume_key(Modifiers::NONE, Key::F8),
            )
        });
        let nav = if typing {
            [false; 6]
        } else {
            ctx.input_mut(|i| {
                [
                    i.consume_key(Modifiers::NONE, Key::PageUp),
                    i.consume_key(Modifiers::NONE, Key::PageDown),
                    i.consume_key(Modifiers::NONE, Key::Home),
                    i.consume_key(Modifiers::NONE, Key::End),
                    i.consume_key(Modifiers::ALT, Key::ArrowLeft),
                    i.consume_key(Modifiers::ALT, Key::ArrowRight),
                ]
            })
        };
        let free = !typing && !self.note_editor.is_open();
        let new_note = free && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::N));
        // Shift+R first: matching ignores Shift, so plain R would take it.
        let review_document = free && ctx.input_mut(|i| i.consume_key(Modifiers::SHIFT, Key::R));
        let review_row = free && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::R));
        let pressed = [open, new_note, review_row, review_document, find, next, prev].into_iter().chain(nav);
        let commands = [
            Command::PickFolder,
            Command::NewNote,
            Command::ToggleReviewed(ReviewScope::Row),
            Command::ToggleReviewed(ReviewScope::DocumentLocale),
            Command::OpenFind,
            Command::StepFinding(true),
            Command::StepFinding(false),
            Command::ScrollPages(-1.0),
            Command::ScrollPages(1.0),
            Command::ScrollToEnd(true),
            Command::ScrollToEnd(false),
            Command::GoBack(true),
            Command::GoBack(false),
        ];
        for (pressed, command) in pressed.zip(commands) {
            if pressed {
                self.commands.push(command);
            }
        }
    }

    /// Apply one command.
    pub(super) fn apply(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::Open(paths) => self.open(paths, ctx),
            Command::PickFolder => self.ask(Request::Folder),
            Command::PickFiles => self.ask(Request::Files),
            Command::SetBuiltInChooser(on) => self.settings.builtin_chooser = on,
            Command::ChooserAccept => self.accept_chooser(),
            Command::ChooserCancel => self.chooser = None,
            Command::PickExport(kind) => self.pick_export(kind),
            Command::ExportTo(kind, path) => self.export_to(kind, &path, ctx),
            Command::CancelLoad => self.loader.cancel(),
            Command::SelectDocument(doc) => self.open_document(doc),
            Command::JumpToFinding(i) => self.jump_to_finding(i),
            Command::JumpToRow(row) => self.jump_to_row(row),
            Command::GoBack(back) => self.go_back(back),
            Command::StepFinding(forward) => self.step_finding(forward),
            Command::AskFalsePositive(i) => self.ask_false_positive(i),
            Command::MarkFalsePositive { finding, reason } => self.mark_false_positive(finding, &reason),
            Command::UnmarkFalsePositive(fingerprint) => self.unmark_false_positive(&fingerprint),
            Command::CancelFalsePositive => self.false_positive = None,
            Command::ToggleReviewed(scope) => self.toggle_reviewed(scope),
            Command::ToggleLocale(locale) => self.toggle_locale(locale),
            Command::SetShownLocales(shown) => self.show_only(&shown),
            Command::MoveLocale(locale, left) => self.move_locale(&locale, left),
            Command::FollowLink { column, target } => self.follow_link(column, &target, ctx),
            Command::ScrollPages(pages) => self.panes.scroll_pages(pages),
            Command::ScrollToEnd(top) => self.panes.scroll_to_end(top),
            Command::OpenFind => self.find.open(),
            Command::FindInFolder(query) => self.find_in_folder(query, ctx),
            Command::ShowMatch { doc, row, column } => {
                self.open_document(doc);
                self.jump_to_row(row);
                self.selected_cell = Some((row, column));
            }
            Command::SetRawText(raw) => {
                self.settings.raw_text = raw;
                self.panes.findings_changed();
            }
            Command::SetShowFalsePositives(show) => {
                self.settings.show_false_positives = show;
                self.panes.findings_changed();
                self.problems.invalidate();
            }
            Command::DismissError => {
                self.error = None;
                self.notice = None;
            }
            Command::SelectCell { row, column } => self.selected_cell = Some((row, column)),
            Command::ShowTab(tab) => self.tab = tab,
            Command::SetAuthor(author) => self.settings.author = author,
            Command::SetTheme(theme) => self.settings.theme = theme,
            Command::NewNote
            | Command::NoteFromFinding(_)
            | Command::EditNote(_)
            | Command::SaveNote(_)
            | Command::DeleteNote(_)
            | Command::JumpToNote(_) => self.apply_note_command(command),
            Command::ShowStatus(show) => self.status_view.set_open(show),
            Command::ShowStatusEntry(i) => self.show_status_entry(i),
        }
        ctx.request_repaint();
    }
}
