//! The bar at the top of the window: open, recent folders, display switches, load progress, then the
//! status line, the notes' save state and any notice or error.

use crate::session::NoteSession;
use crate::ui::command::Command;
use crate::ui::settings::Settings;
use crate::ui::state::StatusLine;

/// What the menu bar shows; it only reads.
pub struct MenuBar<'a> {
    /// Recent folders and the display switches.
    pub settings: &'a Settings,
    /// The translation status view is open.
    pub status_open: bool,
    /// (files read, total) of the load under way.
    pub progress: Option<(usize, usize)>,
    /// What is open.
    pub status: &'a StatusLine,
    /// The open folder's notes.
    pub notes: Option<&'a NoteSession>,
    /// A message that is not an error.
    pub notice: Option<&'a str>,
    /// The error on show.
    pub error: Option<&'a str>,
    /// Why the system file dialog cannot be used, once that is known.
    pub native_unavailable: Option<&'a str>,
}

/// Draw the menu bar as the window's top panel.
pub fn menu_bar_ui(ui: &mut egui::Ui, bar: &MenuBar<'_>, commands: &mut Vec<Command>) {
    egui::Panel::top("menu").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            buttons_ui(ui, bar, commands);
            if let Some((done, total)) = bar.progress {
                ui.separator();
                let fraction = if total == 0 { 0.0 } else { done as f32 / total as f32 };
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(200.0)
                        .text(format!("Reading {done} of {total} files")),
                );
                if ui.button("Cancel").clicked() {
                    commands.push(Command::CancelLoad);
                }
            }
        });
        if !bar.status.is_empty() {
            ui.small(&bar.status.line).on_hover_text(&bar.status.details);
            if let Some(fonts) = &bar.status.missing_fonts {
                ui.colored_label(ui.visuals().warn_fg_color, fonts);
            }
        }
        if let Some(notes) = bar.notes {
            notes_line_ui(ui, notes);
        }
        if let Some(notice) = bar.notice {
            ui.horizontal(|ui| {
                ui.label(notice);
                if ui.button("OK").clicked() {
                    commands.push(Command::DismissError);
                }
            });
        }
        if let Some(error) = bar.error {
            ui.horizontal(|ui| {
                ui.colored_label(ui.visuals().error_fg_color, error);
                if ui.button("Dismiss").clicked() {
                    commands.push(Command::DismissError);
                }
            });
        }
    });
}

fn buttons_ui(ui: &mut egui::Ui, bar: &MenuBar<'_>, commands: &mut Vec<Command>) {
    if ui.button("Open folder…").on_hover_text("Ctrl+O").clicked() {
        commands.push(Command::PickFolder);
    }
    if ui.button("Open files…").clicked() {
        commands.push(Command::PickFiles);
    }
    match bar.native_unavailable {
        Some(reason) => {
            ui.small("File chooser: built-in")
                .on_hover_text(format!("The system file dialog is unavailable: {reason}"));
        }
        None => {
            let mut builtin = bar.settings.builtin_chooser;
            let hint = "Use Synoptic's own chooser instead of the system dialog (it is used anyway when there is none)";
            if ui.checkbox(&mut builtin, "Built-in file chooser").on_hover_text(hint).changed() {
                commands.push(Command::SetBuiltInChooser(builtin));
            }
        }
    }
    ui.menu_button("Recent", |ui| {
        if bar.settings.recent.is_empty() {
            ui.label("No recent folders");
        }
        for folder in &bar.settings.recent {
            if ui.button(folder.display().to_string()).clicked() {
                commands.push(Command::Open(vec![folder.clone()]));
                ui.close();
            }
        }
    });
    ui.separator();
    let mut raw = bar.settings.raw_text;
    if ui.checkbox(&mut raw, "Raw Markdown").changed() {
        commands.push(Command::SetRawText(raw));
    }
    let mut status = bar.status_open;
    if ui.checkbox(&mut status, "Translation status").changed() {
        commands.push(Command::ShowStatus(status));
    }
    theme_ui(ui, bar.settings.theme, commands);
    let mut show = bar.settings.show_false_positives;
    if ui.checkbox(&mut show, "Show false positives").changed() {
        commands.push(Command::SetShowFalsePositives(show));
    }
}

/// Where the notes are saved and whether that worked, and the review's progress per locale.
fn notes_line_ui(ui: &mut egui::Ui, notes: &NoteSession) {
    let progress: Vec<String> =
        notes.reviewed().progress().map(|p| format!("{} {:.0}%", p.locale, 100.0 * p.fraction())).collect();
    if !progress.is_empty() {
        ui.small(format!("Reviewed (share of words): {}", progress.join(" · ")))
            .on_hover_text("R marks the selected row reviewed, Shift+R the document in the selected locale");
    }
    ui.horizontal_wrapped(|ui| {
        let line = notes.status_line();
        match &notes.error {
            Some(error) => {
                ui.colored_label(ui.visuals().error_fg_color, format!("{line} - {error}"));
            }
            None => {
                ui.small(line).on_hover_text(notes.sidecar().path().display().to_string());
            }
        }
        for warning in &notes.warnings {
            ui.colored_label(ui.visuals().warn_fg_color, warning);
        }
    });
}

/// The Light / Dark / System choice.
fn theme_ui(ui: &mut egui::Ui, current: crate::ui::theme::ThemeChoice, commands: &mut Vec<Command>) {
    let label = ui.label("Theme");
    egui::ComboBox::from_id_salt("theme")
        .selected_text(current.label())
        .show_ui(ui, |ui| {
            for choice in crate::ui::theme::ThemeChoice::ALL {
                if ui.selectable_label(choice == current, choice.label()).clicked() && choice != current {
                    commands.push(Command::SetTheme(choice));
                }
            }
        })
        .response
        .labelled_by(label.id);
}
