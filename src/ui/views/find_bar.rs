//! Find across panes (Ctrl+F): the matching cells of the current document, stepped through with Enter.

use crate::review::Review;
use crate::ui::command::Command;

/// The find bar's state.
#[derive(Debug, Default)]
pub struct FindBar {
    open: bool,
    query: String,
    searched: Option<(usize, String)>,
    matches: Vec<(usize, usize)>,
    current: Option<usize>,
    focus: bool,
}

impl FindBar {
    /// Show the bar and focus its text box.
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
    }

    /// True while shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Forget the matches (the document changed).
    pub fn reset(&mut self) {
        self.searched = None;
        self.matches.clear();
        self.current = None;
    }

    /// The current match as (row, column).
    pub fn current(&self) -> Option<(usize, usize)> {
        self.current.and_then(|i| self.matches.get(i).copied())
    }

    /// Draw the bar.
    pub fn find_bar_ui(&mut self, ui: &mut egui::Ui, review: &Review, doc: usize, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            let label = ui.label("Find:");
            let edit =
                ui.add(egui::TextEdit::singleline(&mut self.query).hint_text("text in any pane")).labelled_by(label.id);
            if self.focus {
                edit.request_focus();
                self.focus = false;
            }
            // Search once per change of query or document, not every frame.
            if self.searched.as_ref() != Some(&(doc, self.query.clone())) {
                self.matches = review.find_text(doc, &self.query);
                self.searched = Some((doc, self.query.clone()));
                self.current = None;
            }
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button("Next").clicked() || enter) && !self.matches.is_empty() {
                self.step(true, commands);
                edit.request_focus();
            }
            if ui.button("Previous").clicked() && !self.matches.is_empty() {
                self.step(false, commands);
            }
            let position = self.current.map_or(0, |c| c + 1);
            ui.label(format!("{position} of {} matches", self.matches.len()));
            if ui.button("Close").clicked() {
                self.open = false;
            }
        });
    }

    fn step(&mut self, forward: bool, commands: &mut Vec<Command>) {
        let n = self.matches.len();
        let next = match (self.current, forward) {
            (None, _) => 0,
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
        };
        self.current = Some(next);
        commands.push(Command::JumpToRow(self.matches[next].0));
    }
}
