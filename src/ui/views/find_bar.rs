//! Find (Ctrl+F): in the current document, the matching cells are stepped through with Enter and every
//! match is highlighted in the panes; with "All documents", Enter searches every document on a worker
//! thread and the matches are listed (click one to go there).

use crate::review::Review;
use crate::search::FolderMatches;
use crate::ui::command::Command;

/// The height of one line of the folder's match list.
const MATCH_HEIGHT: f32 = 20.0;

/// The find bar's state.
#[derive(Debug, Default)]
pub struct FindBar {
    open: bool,
    query: String,
    searched: Option<(usize, String)>,
    matches: Vec<(usize, usize)>,
    current: Option<usize>,
    focus: bool,
    whole_folder: bool,
}

/// What the folder search has to show: its matches, and whether a search is under way.
pub struct FolderResults<'a> {
    /// The last search's matches, if any.
    pub matches: Option<&'a FolderMatches>,
    /// A search is under way.
    pub searching: bool,
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

    /// The text to highlight in the panes (empty while the bar is closed).
    pub fn highlighted_text(&self) -> &str {
        if self.open { self.query.trim() } else { "" }
    }

    /// Draw the bar (and, searching the whole folder, its matches).
    pub fn find_bar_ui(
        &mut self,
        ui: &mut egui::Ui,
        review: &Review,
        doc: usize,
        folder: &FolderResults<'_>,
        commands: &mut Vec<Command>,
    ) {
        ui.horizontal(|ui| {
            let label = ui.label("Find:");
            let hint = if self.whole_folder { "Enter: search every document" } else { "text in any pane" };
            let edit = ui.add(egui::TextEdit::singleline(&mut self.query).hint_text(hint)).labelled_by(label.id);
            if std::mem::take(&mut self.focus) {
                edit.request_focus();
            }
            // Search the document once per change of query or document, not every frame.
            if self.searched.as_ref() != Some(&(doc, self.query.clone())) {
                self.matches = review.find_text(doc, &self.query);
                self.searched = Some((doc, self.query.clone()));
                self.current = None;
            }
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if self.whole_folder {
                if (ui.button("Search folder").clicked() || enter) && !self.query.trim().is_empty() {
                    commands.push(Command::FindInFolder(self.query.trim().to_owned()));
                    edit.request_focus();
                }
            } else {
                if (ui.button("Next").clicked() || enter) && !self.matches.is_empty() {
                    self.step(true, commands);
                    edit.request_focus();
                }
                if ui.button("Previous").clicked() && !self.matches.is_empty() {
                    self.step(false, commands);
                }
            }
            let position = self.current.map_or(0, |c| c + 1);
            ui.label(format!("{position} of {} in this document", self.matches.len()));
            ui.checkbox(&mut self.whole_folder, "All documents");
            if ui.button("Close").clicked() {
                self.open = false;
            }
        });
        if self.whole_folder {
            folder_matches_ui(ui, review, folder, commands);
        }
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

/// The folder's matches, one line each: document, locale, row and the text around the match.
fn folder_matches_ui(ui: &mut egui::Ui, review: &Review, folder: &FolderResults<'_>, commands: &mut Vec<Command>) {
    if folder.searching {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Searching every document…");
        });
        return;
    }
    let Some(found) = folder.matches else { return };
    let more = if found.more > 0 { format!(" (and {} more not listed)", found.more) } else { String::new() };
    ui.label(format!(
        "\"{}\": {} in {}{more}",
        found.query,
        if found.matches.len() == 1 { "1 match".to_owned() } else { format!("{} matches", found.matches.len()) },
        crate::ui::widgets::plural(found.documents, "document")
    ));
    egui::ScrollArea::vertical().id_salt("folder-matches").max_height(160.0).auto_shrink([false, true]).show_rows(
        ui,
        MATCH_HEIGHT,
        found.matches.len(),
        |ui, range| {
            for (k, m) in found.matches[range.clone()].iter().enumerate() {
                let name = review.corpus.documents.get(m.doc).map_or("", |d| d.name.as_str());
                let text = format!("{name}  {}  row {}:  {}", m.locale, m.row + 1, m.snippet);
                let button = egui::Button::selectable(false, text).truncate();
                if ui.push_id(range.start + k, |ui| ui.add(button)).inner.clicked() {
                    commands.push(Command::ShowMatch { doc: m.doc, row: m.row, column: m.column });
                }
            }
        },
    );
}
