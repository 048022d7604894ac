//! The translation status view: a per-locale table (up to date, behind, unknown, missing, orphan), the
//! translations that need work (most behind first), and for a behind translation the source rows that
//! changed since its revision — the source then beside the source now with a word-level diff, and the
//! translation's row — so the reviewer sees which sections to update. Everything shown was computed by the
//! loader ([`crate::status`]); clicks become [`Command`]s.

use crate::diff::Change;
use crate::review::Review;
use crate::status::{RowChange, State};
use crate::ui::command::Command;
use std::ops::Range;

/// The view's state: shown or not, the entry it details (both set by the app from commands), and the
/// locale filter (clicked in the table).
#[derive(Debug, Default)]
pub struct StatusView {
    open: bool,
    entry: Option<usize>,
    locale: Option<String>,
}

impl StatusView {
    /// Forget the entry and filter of the previous folder.
    pub fn reset(&mut self) {
        self.locale = None;
        self.entry = None;
    }

    /// Show or hide the view.
    pub fn set_open(&mut self, open: bool) {
        self.open = open;
    }

    /// True when shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Show the view, detailing a status entry.
    pub fn show_entry(&mut self, entry: usize) {
        self.open = true;
        self.entry = Some(entry);
    }

    /// The entry whose source changes are shown.
    pub fn entry(&self) -> Option<usize> {
        self.entry
    }

    /// Draw the view.
    pub fn status_view_ui(&mut self, ui: &mut egui::Ui, review: &Review, commands: &mut Vec<Command>) {
        let selected = self.entry;
        let status = &review.status;
        ui.heading("Translation status");
        let history = match &status.history {
            crate::status::HistoryInfo::Git { commits, shallow, .. } => {
                format!("git history: {commits} commits{}", if *shallow { " (shallow clone)" } else { "" })
            }
            crate::status::HistoryInfo::None { reason } => format!("no git history ({reason}): front matter only"),
            crate::status::HistoryInfo::NotComputed => "no source locale: no status".to_owned(),
        };
        ui.small(history);
        self.table_ui(ui, review);
        ui.separator();
        egui::ScrollArea::vertical().id_salt("status").auto_shrink(false).show(ui, |ui| {
            self.entries_ui(ui, review, selected, commands);
            if let Some(i) = selected {
                ui.separator();
                changes_ui(ui, review, i, commands);
            }
        });
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, review: &Review) {
        egui::Grid::new("status-table").striped(true).show(ui, |ui| {
            for header in ["locale", "up to date", "behind", "unknown", "missing", "orphan", "total"] {
                ui.strong(header);
            }
            ui.end_row();
            for c in review.status.counts() {
                let is_total = c.locale == "total";
                let chosen = self.locale.as_deref() == Some(c.locale.as_str()) || (is_total && self.locale.is_none());
                if ui.selectable_label(chosen, &c.locale).clicked() {
                    self.locale = if is_total { None } else { Some(c.locale.clone()) };
                }
                for n in [c.up_to_date, c.behind, c.unknown, c.missing, c.orphan, c.total] {
                    ui.label(n.to_string());
                }
                ui.end_row();
            }
        });
    }

    fn entries_ui(&self, ui: &mut egui::Ui, review: &Review, selected: Option<usize>, commands: &mut Vec<Command>) {
        let shown = review
            .status
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.status != State::UpToDate && self.locale.as_ref().is_none_or(|l| &e.locale == l));
        let mut any = false;
        for (i, e) in shown {
            any = true;
            let name = e.file.clone().unwrap_or_else(|| format!("{} (no {} file)", e.document, e.locale));
            let response = ui.selectable_label(selected == Some(i), format!("{name} — {}", e.summary()));
            if response.clicked() {
                commands.push(Command::ShowStatusEntry(i));
            }
        }
        if !any {
            ui.label("Every translation is up to date.");
        }
    }
}

/// The source rows that changed since the translation's revision: then, now (new words highlighted) and
/// the translation, one grid row per aligned row; clicking a row number scrolls the panes to it.
fn changes_ui(ui: &mut egui::Ui, review: &Review, entry: usize, commands: &mut Vec<Command>) {
    let Some(e) = review.status.entries.get(entry) else { return };
    let Some(changes) = review.source_changes().get(&entry) else {
        if e.status == State::Behind {
            ui.label(format!("{}: the source's old text is not available from git.", e.summary()));
        }
        return;
    };
    let base = e.base.as_ref().map_or_else(String::new, |b| b.commit.short());
    let rows = if changes.len() == 1 { "1 row".to_owned() } else { format!("{} rows", changes.len()) };
    ui.strong(format!("Source changes since {base}: {rows}"));
    egui::Grid::new("status-changes").striped(true).num_columns(4).show(ui, |ui| {
        ui.strong("row");
        ui.strong(format!("source at {base}"));
        ui.strong("source now");
        ui.strong(&e.locale);
        ui.end_row();
        for (k, change) in changes.iter().enumerate() {
            ui.push_id(k, |ui| change_row_ui(ui, change, commands));
            ui.end_row();
        }
    });
}

fn change_row_ui(ui: &mut egui::Ui, change: &RowChange, commands: &mut Vec<Command>) {
    match change.row {
        Some(r) => {
            if ui.link(format!("row {}", r + 1)).on_hover_text("Show this row in the panes").clicked() {
                commands.push(Command::JumpToRow(r));
            }
        }
        None => {
            ui.label("");
        }
    }
    let width = 260.0;
    cell_ui(ui, width, change.then.as_deref(), "added since", None);
    cell_ui(ui, width, change.now.as_deref(), "removed since", Some(&change.now_diff));
    cell_ui(ui, width, change.translation.as_deref(), "—", None);
}

fn cell_ui(ui: &mut egui::Ui, width: f32, text: Option<&str>, absent: &str, diff: Option<&[(Change, Range<usize>)]>) {
    ui.vertical(|ui| {
        ui.set_max_width(width);
        match (text, diff) {
            (Some(text), Some(diff)) => crate::ui::widgets::diff_ui(ui, text, diff, width),
            (Some(text), None) => {
                ui.add(egui::Label::new(text).wrap());
            }
            (None, _) => {
                ui.label(egui::RichText::new(absent).italics().weak());
            }
        }
    });
}
