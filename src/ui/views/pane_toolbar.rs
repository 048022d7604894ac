//! The bar above the panes: Back and Forward (Alt+Left, Alt+Right), and the locale picker — a checkbox
//! list with a search box and "Show only these", so that two of forty locales are two ticks away. The
//! picker's ticks are its own until "Show only these" sends them.

use crate::ui::command::{Command, ReviewScope};
use crate::ui::state::DocView;
use std::collections::BTreeSet;

/// The locale picker's own state: the search text and the ticks (taken from the shown panes when the
/// picker opens).
#[derive(Debug, Default)]
pub struct LocalePicker {
    search: String,
    ticked: BTreeSet<String>,
    was_open: bool,
}

/// What the review buttons show: whether the selected row (`None`: no cell selected), the document in
/// the selected locale, and the whole document are marked reviewed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewState {
    /// The selected cell's row is reviewed in its locale.
    pub row: Option<bool>,
    /// The locale the document buttons act on, and whether the document is reviewed in it.
    pub locale: Option<(String, bool)>,
    /// The document is reviewed in every locale.
    pub document: bool,
}

/// Draw the bar; `back` and `forward` say whether there is somewhere to go.
pub fn pane_toolbar_ui(
    ui: &mut egui::Ui,
    picker: &mut LocalePicker,
    view: &DocView,
    (back, forward): (bool, bool),
    reviewed: &ReviewState,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        if ui.add_enabled(back, egui::Button::new("Back")).on_hover_text("Alt+Left").clicked() {
            commands.push(Command::GoBack(true));
        }
        if ui.add_enabled(forward, egui::Button::new("Forward")).on_hover_text("Alt+Right").clicked() {
            commands.push(Command::GoBack(false));
        }
        ui.separator();
        let title = format!("Locales: {} of {} shown", view.columns.len(), view.locales.len());
        let button = ui.button(title).on_hover_text("Choose the panes to show");
        let popup = egui::Popup::from_toggle_button_response(&button)
            .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
            .show(|ui| picker_ui(ui, picker, view, commands));
        let open = popup.is_some();
        if open && !picker.was_open {
            // Opened: tick what is shown now.
            picker.ticked = view.columns.iter().map(|&c| view.locales[c].clone()).collect();
            picker.search.clear();
        }
        picker.was_open = open;
        ui.separator();
        review_buttons_ui(ui, reviewed, commands);
    });
}

/// Mark the selected row, the document in a locale, or the whole document reviewed (again: unmark).
fn review_buttons_ui(ui: &mut egui::Ui, reviewed: &ReviewState, commands: &mut Vec<Command>) {
    ui.label("Reviewed:");
    let row = ui.add_enabled(reviewed.row.is_some(), egui::Button::selectable(reviewed.row == Some(true), "row"));
    if row.on_hover_text("R: the selected cell's row, in its locale").clicked() {
        commands.push(Command::ToggleReviewed(ReviewScope::Row));
    }
    if let Some((locale, done)) = &reviewed.locale {
        let button = ui.add(egui::Button::selectable(*done, format!("document in {locale}")));
        if button.on_hover_text("Shift+R: this document in this locale").clicked() {
            commands.push(Command::ToggleReviewed(ReviewScope::DocumentLocale));
        }
    }
    let all = ui.add(egui::Button::selectable(reviewed.document, "all locales"));
    if all.on_hover_text("This document in every locale").clicked() {
        commands.push(Command::ToggleReviewed(ReviewScope::Document));
    }
}

fn picker_ui(ui: &mut egui::Ui, picker: &mut LocalePicker, view: &DocView, commands: &mut Vec<Command>) {
    ui.set_min_width(240.0);
    let label = ui.label("Search locales");
    ui.add(egui::TextEdit::singleline(&mut picker.search).hint_text("de, pt, zh-…")).labelled_by(label.id);
    let needle = picker.search.trim().to_lowercase();
    let matching: Vec<&String> = view.locales.iter().filter(|l| l.to_lowercase().contains(&needle)).collect();
    ui.horizontal(|ui| {
        if ui.small_button("Tick all").clicked() {
            picker.ticked.extend(matching.iter().map(|l| (*l).clone()));
        }
        if ui.small_button("Untick all").clicked() {
            for l in &matching {
                picker.ticked.remove(*l);
            }
        }
    });
    egui::ScrollArea::vertical().id_salt("locale-picker").max_height(320.0).show(ui, |ui| {
        for locale in &matching {
            let mut on = picker.ticked.contains(*locale);
            let name =
                if view.source.as_ref() == Some(*locale) { format!("{locale} (source)") } else { (*locale).clone() };
            if ui.checkbox(&mut on, name).changed() {
                if on {
                    picker.ticked.insert((*locale).clone());
                } else {
                    picker.ticked.remove(*locale);
                }
            }
        }
    });
    ui.separator();
    let chosen: Vec<String> = view.locales.iter().filter(|l| picker.ticked.contains(*l)).cloned().collect();
    let apply = ui.add_enabled(!chosen.is_empty(), egui::Button::new("Show only these"));
    if apply.on_hover_text("Show the ticked locales' panes and hide the rest (in this folder)").clicked() {
        commands.push(Command::SetShownLocales(chosen));
        ui.close();
    }
}
