//! The window under egui_kittest, as the notes and watch tests drive it: a reviewer-sized window whose
//! picker answers with a folder (and an export file), opened and settled.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use synoptic::ui::picker::FixedPicker;
use synoptic::ui::{FolderPicker, Settings, SynopticApp};

/// A 1400×900 window with `settings`, whose picker answers with `folder` and saves exports to `export_to`.
pub fn harness(settings: Settings, folder: PathBuf, export_to: Option<PathBuf>) -> Harness<'static, SynopticApp> {
    let mut picker = FixedPicker::new(Some(folder));
    picker.save_to = export_to;
    harness_with(settings, Box::new(picker))
}

/// A 1400×900 window with `settings` and `picker`.
pub fn harness_with(settings: Settings, picker: Box<dyn FolderPicker>) -> Harness<'static, SynopticApp> {
    harness_sized(settings, picker, [1400.0, 900.0])
}

/// A window of `size` with `settings` and `picker`.
pub fn harness_sized(
    settings: Settings,
    picker: Box<dyn FolderPicker>,
    size: [f32; 2],
) -> Harness<'static, SynopticApp> {
    let app = SynopticApp::new(settings, picker);
    Harness::builder().with_size(size).with_max_steps(16).build_ui_state(
        |ui, app: &mut SynopticApp| {
            let ctx = ui.ctx().clone();
            app.logic_step(&ctx);
            app.window_ui(ui);
        },
        app,
    )
}

/// Open the folder through "Open folder…" and wait until its first document is on show.
pub fn open(settings: Settings, folder: PathBuf, export_to: Option<PathBuf>) -> Harness<'static, SynopticApp> {
    let mut h = harness(settings, folder, export_to);
    h.get_by_label("Open folder…").click();
    h.run_ok();
    step_until(&mut h, |app| !app.is_loading() && app.view().is_some());
    h
}

/// Step frames (real time passes: loads and the watcher run on threads) until `done` holds.
pub fn step_until(h: &mut Harness<'_, SynopticApp>, done: impl Fn(&SynopticApp) -> bool) {
    let start = Instant::now();
    while !done(h.state()) {
        assert!(start.elapsed() < Duration::from_secs(20), "timed out waiting for the window");
        std::thread::sleep(Duration::from_millis(30));
        h.step();
    }
    for _ in 0..3 {
        h.step();
    }
}
