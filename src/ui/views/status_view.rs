//! The translation status view: a per-locale table (up to date, behind, unknown, missing, orphan), then —
//! at the top, where it is seen — the details of the translation picked: the source rows that changed
//! since its revision (the source then beside the source now with a word-level diff, and the
//! translation's row) or, when only the source's front matter changed, that there is nothing to
//! translate; then the translations that need work (most behind first). Everything shown was computed
//! by the loader ([`crate::status`]); clicks become [`Command`]s.

use crate::diff::Change;
use crate::review::Review;
use crate::status::{Entry, RowChange, State};
use crate::ui::command::Command;
use crate::ui::widgets::diff_ui;
use std::ops::Range;

/// The width of the "row" column of the changes.
const ROW_COLUMN: f32 = 56.0;

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
        if let Some(i) = self.entry
            && let Some(entry) = status.entries.get(i)
        {
            let height = (ui.available_height() * 0.6).max(120.0);
            ui.horizontal(|ui| {
                let name = entry.file.clone().unwrap_or_else(|| entry.document.clone());
                ui.strong(format!("{name} — {}", entry.summary()));
                if ui.small_button("Close details").clicked() {
                    self.entry = None;
                }
            });
            egui::ScrollArea::vertical().id_salt(("status-details", i)).max_height(height).show(ui, |ui| {
                changes_ui(ui, review, i, entry, commands);
            });
            ui.separator();
        }
        egui::ScrollArea::vertical().id_salt("status").auto_shrink(false).show(ui, |ui| {
            self.entries_ui(ui, review, commands);
        });
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, review: &Review) {
        egui::Grid::new("status-table").striped(true).min_col_width(64.0).show(ui, |ui| {
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

    fn entries_ui(&self, ui: &mut egui::Ui, review: &Review, commands: &mut Vec<Command>) {
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
            let response = ui.selectable_label(self.entry == Some(i), format!("{name} — {}", e.summary()));
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
/// the translation, one line per aligned row under headers of the same widths; clicking a row number
/// scrolls the panes to it.
fn changes_ui(ui: &mut egui::Ui, review: &Review, i: usize, e: &Entry, commands: &mut Vec<Command>) {
    let Some(changes) = review.source_changes().get(&i) else {
        if e.status == State::Behind {
            ui.label(format!("{}: the source's old text is not available from git.", e.summary()));
        }
        return;
    };
    let base = e.base.as_ref().map_or_else(String::new, |b| b.commit.short());
    if changes.is_empty() {
        // The blocks are the same: what changed is outside them.
        let commits = if e.commits.len() == 1 { "1 commit".to_owned() } else { format!("{} commits", e.commits.len()) };
        ui.label(format!(
            "No block of the source changed since {base}: only its front matter (or blank lines) did, in {commits}. \
             Nothing to translate; record the new source revision in the translation."
        ));
        return;
    }
    let rows = if changes.len() == 1 { "1 row".to_owned() } else { format!("{} rows", changes.len()) };
    ui.strong(format!("Source changes since {base}: {rows}"));
    let spacing = ui.spacing().item_spacing.x;
    let width = ((ui.available_width() - ROW_COLUMN - 3.0 * spacing) / 3.0).max(120.0);
    let widths = [ROW_COLUMN, width, width, width];
    columns_ui(ui, &widths, |ui, k| {
        let title = match k {
            0 => "row".to_owned(),
            1 => format!("source at {base}"),
            2 => "source now".to_owned(),
            _ => e.locale.clone(),
        };
        ui.strong(title);
    });
    ui.separator();
    for (k, change) in changes.iter().enumerate() {
        ui.push_id(k, |ui| change_row_ui(ui, &widths, change, commands));
        ui.separator();
    }
}

/// One line of fixed-width columns, so that headers and cells line up.
fn columns_ui(ui: &mut egui::Ui, widths: &[f32; 4], mut cell: impl FnMut(&mut egui::Ui, usize)) {
    ui.horizontal_top(|ui| {
        for (k, &w) in widths.iter().enumerate() {
            ui.allocate_ui_with_layout(egui::vec2(w, 0.0), egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.set_width(w);
                cell(ui, k);
            });
        }
    });
}

fn change_row_ui(ui: &mut egui::Ui, widths: &[f32; 4], change: &RowChange, commands: &mut Vec<Command>) {
    columns_ui(ui, widths, |ui, k| match k {
        0 => {
            if let Some(r) = change.row
                && ui.link(format!("row {}", r + 1)).on_hover_text("Show this row in the panes").clicked()
            {
                commands.push(Command::JumpToRow(r));
            }
        }
        1 => cell_ui(ui, widths[1], change.then.as_deref(), "added since", None),
        2 => cell_ui(ui, widths[2], change.now.as_deref(), "removed since", Some(&change.now_diff)),
        _ => cell_ui(ui, widths[3], change.translation.as_deref(), "—", None),
    });
}

fn cell_ui(ui: &mut egui::Ui, width: f32, text: Option<&str>, absent: &str, diff: Option<&[(Change, Range<usize>)]>) {
    match (text, diff) {
        (Some(text), Some(diff)) => diff_ui(ui, text, diff, width),
        (Some(text), None) => {
            ui.add(egui::Label::new(text).wrap());
        }
        (None, _) => {
            ui.label(egui::RichText::new(absent).italics().weak());
        }
    }
}
