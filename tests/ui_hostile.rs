//! The window with hostile notes files: it never opens the sidecar on its own thread, so a named pipe or
//! a link to `/dev/zero` as `synoptic-notes.toml` neither freezes a frame nor fills memory; it says what
//! is wrong, and a note written meanwhile is saved beside the file.
#![cfg(unix)]

mod common;

use common::window::step_until;
use egui_kittest::kittest::Queryable;
use synoptic::notes::sidecar::{FILE_NAME, RECOVERED_NAME};
use synoptic::ui::Settings;

#[test]
fn a_pipe_or_an_endless_device_as_the_sidecar_does_not_freeze_the_window() {
    for plant in ["pipe", "dev-zero"] {
        let (_tmp, folder) = common::copy_fixture("gap");
        let sidecar = folder.join(FILE_NAME);
        if plant == "pipe" {
            assert!(std::process::Command::new("mkfifo").arg(&sidecar).status().expect("mkfifo").success());
        } else {
            std::os::unix::fs::symlink("/dev/zero", &sidecar).expect("symlink");
        }
        let settings = Settings { author: "Ana".to_owned(), ..Settings::default() };
        let mut h = common::window::open(settings, folder.clone(), None);
        step_until(&mut h, |app| app.notes().is_some_and(|n| !n.is_opening()));
        let warning = h.state().notes().map(|n| n.warnings.join(" ")).unwrap_or_default();
        assert!(warning.contains("cannot read the notes:"), "{plant}: {warning}");
        h.get_by_label_contains("(the original could not be read)");
        // A note made now goes beside the unreadable file.
        h.get_all_by_label("Note").next().expect("a Note button").click();
        h.run_ok();
        h.get_by_label("Save").click();
        h.run_ok();
        step_until(&mut h, |app| app.notes().is_some_and(|n| !n.is_dirty()));
        assert!(folder.join(RECOVERED_NAME).is_file(), "{plant}");
    }
}
