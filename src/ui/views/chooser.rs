//! The window's own folder and file chooser, drawn over the window: which chooser this is and why, a path
//! field with completion (Tab or Enter takes a suggestion), the recent folders and the directory list.
//! It edits the chooser's own fields (the path, the ticked files); opening, saving and cancelling are
//! commands.

use crate::ui::chooser::Chooser;
use crate::ui::command::Command;
use crate::ui::picker::Request;
use std::path::{MAIN_SEPARATOR, PathBuf};

const ROW_HEIGHT: f32 = 22.0;
/// The height of the directory list.
const LIST_HEIGHT: f32 = 300.0;

/// Draw the chooser.
pub fn chooser_ui(ctx: &egui::Context, chooser: &mut Chooser, recent: &[PathBuf], commands: &mut Vec<Command>) {
    let mut open = true;
    egui::Window::new(chooser.title())
        .id(egui::Id::unique("synoptic-chooser"))
        .collapsible(false)
        .resizable(false)
        .default_width(720.0)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .open(&mut open)
        .show(ctx, |ui| body_ui(ui, chooser, recent, commands));
    if !open || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        commands.push(Command::ChooserCancel);
    }
}

fn body_ui(ui: &mut egui::Ui, chooser: &mut Chooser, recent: &[PathBuf], commands: &mut Vec<Command>) {
    ui.small(&chooser.why);
    path_field_ui(ui, chooser, commands);
    if let Some(problem) = &chooser.problem {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
    if let Request::Save { kind, .. } = &chooser.request {
        let formats: Vec<&str> = kind.formats().iter().map(|(_, x)| *x).collect();
        ui.small(format!("The extension says the format: {}.", formats.join(", ")));
    }
    recent_ui(ui, chooser, recent);
    listing_ui(ui, chooser);
    ui.separator();
    ui.horizontal(|ui| {
        let accept = match chooser.request {
            Request::Folder | Request::Files => "Open",
            Request::Save { .. } if chooser.replaces_a_file() => "Replace",
            Request::Save { .. } => "Save",
        };
        if ui.button(accept).clicked() {
            commands.push(Command::ChooserAccept);
        }
        if ui.button("Cancel").clicked() {
            commands.push(Command::ChooserCancel);
        }
        if chooser.replaces_a_file() {
            ui.colored_label(ui.visuals().warn_fg_color, "A file of that name is there: saving replaces it.");
        }
        if let Request::Files = chooser.request
            && !chooser.ticked.is_empty()
        {
            ui.label(crate::ui::widgets::plural(chooser.ticked.len(), "file") + " ticked");
        }
    });
}

fn path_field_ui(ui: &mut egui::Ui, chooser: &mut Chooser, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        if ui.button("Up").on_hover_text("The parent folder").clicked() {
            chooser.up();
        }
        let label = ui.label("Path");
        let suggestions = |query: &egui::CompletionQuery<'_>| -> Vec<egui::Suggestion> {
            chooser.completions(query.word).into_iter().map(egui::Suggestion::new).collect()
        };
        let mut path = chooser.path.clone();
        let edit =
            egui::TextEdit::singleline(&mut path).desired_width(f32::INFINITY).hint_text("a folder or file path");
        let output = egui::CompletionPopup::new(egui::Id::unique("chooser-path"))
            .word_boundary(|c| c == '/' || c == MAIN_SEPARATOR)
            .show(ui, edit, suggestions);
        let response = output.text_edit.response.response.labelled_by(label.id);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if path != chooser.path {
            chooser.path = path;
            chooser.problem = None;
        }
        if entered && output.accepted.is_none() {
            commands.push(Command::ChooserAccept);
        }
    });
}

/// The recent folders, one click away.
fn recent_ui(ui: &mut egui::Ui, chooser: &mut Chooser, recent: &[PathBuf]) {
    if recent.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label("Recent folders:");
        for (i, folder) in recent.iter().enumerate() {
            let name = folder.file_name().map_or_else(|| folder.display().to_string(), |n| n.to_string_lossy().into());
            let button = ui.push_id(i, |ui| ui.small_button(name)).inner;
            if button.on_hover_text(folder.display().to_string()).clicked() {
                chooser.enter(folder);
            }
        }
    });
}

fn listing_ui(ui: &mut egui::Ui, chooser: &mut Chooser) {
    let dir = chooser.directory();
    ui.horizontal(|ui| {
        ui.strong(dir.display().to_string());
        if chooser.is_listing() {
            ui.spinner();
        }
    });
    if let Some(error) = &chooser.listing.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
        return;
    }
    let entries: Vec<(String, bool)> = chooser.shown().map(|e| (e.name.clone(), e.is_dir)).collect();
    let more = chooser.listing.more;
    let mut clicked: Option<(String, bool)> = None;
    let area = egui::ScrollArea::vertical().id_salt("chooser-list").max_height(LIST_HEIGHT).auto_shrink(false);
    area.show_rows(ui, ROW_HEIGHT, entries.len(), |ui, range| {
        ui.with_layout(egui::Layout::top_down_justified(egui::Align::Min), |ui| {
            for (name, is_dir) in &entries[range] {
                let ticked = !is_dir && chooser.ticked.contains(&dir.join(name));
                let text = if *is_dir { format!("{name}{MAIN_SEPARATOR}") } else { name.clone() };
                let text = if *is_dir { egui::RichText::new(text).strong() } else { egui::RichText::new(text) };
                let button = egui::Button::selectable(ticked, text).min_size(egui::vec2(0.0, ROW_HEIGHT - 2.0));
                if ui.add(button).clicked() {
                    clicked = Some((name.clone(), *is_dir));
                }
            }
        });
    });
    if entries.is_empty() && !chooser.is_listing() {
        ui.weak("Nothing to choose here.");
    }
    if more > 0 {
        ui.weak(format!("and {more} more entries not listed: type the name"));
    }
    match clicked {
        Some((name, true)) => chooser.enter(&dir.join(name)),
        Some((name, false)) => chooser.choose_file(&name),
        None => {}
    }
}
