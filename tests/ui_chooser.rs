//! Without a system file dialog (no desktop portal), the window's own chooser opens folders and saves
//! exports: driven with egui_kittest as a reviewer would, with the native picker "unavailable".

mod common;

use common::window::{harness_with, step_until};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{MAIN_SEPARATOR, Path};
use synoptic::ui::{Settings, SynopticApp, UnavailablePicker};

/// Replace the chooser's path field with `text`, and wait for the listing of the folder it points into.
fn type_path(h: &mut Harness<'_, SynopticApp>, text: &str) {
    h.get_by_label("Path").focus();
    h.run_ok();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Path").type_text(text);
    h.run_ok();
    step_until(h, |app| app.chooser().is_some_and(|c| !c.is_listing() && c.listing.dir == c.directory()));
}

#[test]
fn without_a_system_dialog_the_built_in_chooser_opens_a_folder_with_completion() {
    let (tmp, folder) = common::copy_fixture("gap");
    let mut h = harness_with(Settings::default(), Box::new(UnavailablePicker::default()));
    h.get_by_label("Open folder…").click();
    h.run_ok();
    let chooser = h.state().chooser().expect("the built-in chooser is open");
    assert_eq!(chooser.why, "Synoptic's own chooser: the system file dialog is unavailable (no system file dialog).");
    h.get_by_label(&chooser.why.clone());
    h.get_by_label("File chooser: built-in");
    // Type the start of the folder's name: the completion offers it, Tab takes it.
    type_path(&mut h, &format!("{}{MAIN_SEPARATOR}ga", tmp.path().display()));
    h.step();
    assert_eq!(h.get_all_by_label(&format!("gap{MAIN_SEPARATOR}")).count(), 2, "suggested, and in the list");
    h.key_press(Key::Tab);
    h.run_ok();
    assert_eq!(h.state().chooser().map(|c| c.path.clone()), Some(format!("{}{MAIN_SEPARATOR}", folder.display())));
    step_until(&mut h, |app| app.chooser().is_some_and(|c| c.listing.dir == folder));
    // The folder's locales are listed; Enter opens it.
    for locale in ["de", "en", "fr"] {
        h.get_by_label(&format!("{locale}{MAIN_SEPARATOR}"));
    }
    h.get_by_label("Path").focus();
    h.key_press(Key::Enter);
    h.run_ok();
    step_until(&mut h, |app| !app.is_loading() && app.view().is_some());
    assert!(h.state().chooser().is_none(), "the chooser closed");
    assert_eq!(h.state().review().map(|r| r.corpus.root.clone()), Some(folder.clone()));
    assert_eq!(h.state().settings.recent, [folder.join("")].map(|p| p.components().collect::<std::path::PathBuf>()));
}

#[test]
fn exports_save_through_the_built_in_chooser_with_a_default_name_in_the_folder() {
    let (_tmp, folder) = common::copy_fixture("gap");
    let mut h = harness_with(Settings::default(), Box::new(UnavailablePicker::default()));
    h.state_mut().push(synoptic::ui::command::Command::Open(vec![folder.clone()]));
    h.run_ok();
    step_until(&mut h, |app| !app.is_loading() && app.view().is_some());
    h.get_by_label("Export findings…").click();
    h.run_ok();
    let expected = folder.join("gap-findings.xlsx");
    assert_eq!(h.state().chooser().map(|c| Path::new(&c.path).to_path_buf()), Some(expected.clone()));
    step_until(&mut h, |app| app.chooser().is_some_and(|c| c.listing.dir == folder));
    h.get_by_label("Save").click();
    h.run_ok();
    step_until(&mut h, |app| app.error().is_some() || app.notice().is_some_and(|n| n.starts_with("Exported")));
    assert_eq!(h.state().error(), None);
    assert!(expected.is_file(), "the findings workbook was written");
    h.get_by_label(&format!("Exported 1 finding to {}", expected.display()));
    // A second export offers to replace it.
    h.get_by_label("Export findings…").click();
    h.run_ok();
    step_until(&mut h, |app| app.chooser().is_some_and(|c| c.listing.dir == folder));
    h.get_by_label("Replace");
    h.get_by_label("A file of that name is there: saving replaces it.");
    h.get_by_label("Cancel").click();
    h.run_ok();
    assert!(h.state().chooser().is_none());
}
