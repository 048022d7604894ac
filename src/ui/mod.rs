//! The desktop window: a thin view over a [`crate::review::Review`]. Views draw the model and emit
//! [`command::Command`]s; [`app::SynopticApp`] applies them between frames and owns the background loader.
//! Nothing here parses, diffs or reads documents: the review was computed once, off the UI thread.

pub mod app;
pub mod command;
mod documents_panel;
mod find_bar;
mod loader;
mod markdown;
mod note_editor;
mod notes_panel;
mod panes;
pub mod picker;
mod problems_panel;
mod scorecard_view;
pub mod settings;
mod status_view;

pub use app::SynopticApp;
pub use picker::{FolderPicker, NativePicker, Picked};
pub use settings::Settings;

use std::path::PathBuf;

/// How the window starts.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// A folder or file to open; `None` opens the bundled sample.
    pub path: Option<PathBuf>,
    /// Write a PNG of the window here once the document is shown, then exit.
    pub screenshot: Option<PathBuf>,
}

/// Open the window and run until it is closed.
pub fn run(start: StartOptions) -> eframe::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Synoptic")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        // A screenshot run must not pick up (or overwrite) the user's saved session: it keeps its state in
        // a folder of its own.
        persist_window: start.screenshot.is_none(),
        persistence_path: start
            .screenshot
            .as_ref()
            .map(|_| std::env::temp_dir().join(format!("synoptic-screenshot-{}", std::process::id()))),
        ..Default::default()
    };
    let screenshot_run = start.screenshot.is_some();
    eframe::run_native(
        "Synoptic",
        options,
        Box::new(move |cc| {
            let settings = if screenshot_run {
                Settings::default()
            } else {
                cc.storage.and_then(|s| eframe::get_value::<Settings>(s, eframe::APP_KEY)).unwrap_or_default()
            };
            let mut app = SynopticApp::new(settings, Box::new(NativePicker::default()));
            app.start(start, &cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
}
