//! The bottom panel's tab row (Problems, Notes, Scorecard) and the note actions beside it.

use crate::ui::command::{BottomTab, Command};
use crate::ui::picker::ExportKind;

/// Draw the tabs; `notes` is the number of notes, shown in the Notes tab's title.
pub fn bottom_tabs_ui(ui: &mut egui::Ui, current: BottomTab, notes: usize, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let tabs = [
            (BottomTab::Problems, "Problems".to_owned()),
            (BottomTab::Notes, format!("Notes ({notes})")),
            (BottomTab::Scorecard, "Scorecard".to_owned()),
        ];
        for (tab, title) in tabs {
            if ui.selectable_label(current == tab, title).clicked() {
                commands.push(Command::ShowTab(tab));
            }
        }
        ui.separator();
        if ui.button("New note").on_hover_text("N: a note on the selected cell").clicked() {
            commands.push(Command::NewNote);
        }
        if ui.button("Export notes...").on_hover_text("CSV, XLSX, HTML or JSON, with the scorecard").clicked() {
            commands.push(Command::PickExport(ExportKind::Notes));
        }
        if ui
            .button("Export findings…")
            .on_hover_text("The QA report: one row per finding with its row's text (XLSX, CSV or HTML)")
            .clicked()
        {
            commands.push(Command::PickExport(ExportKind::Findings));
        }
    });
    ui.separator();
}
