//! The desktop window: a thin view over a [`crate::review::Review`]. Views (`views/`) draw the model and
//! emit [`command::Command`]s; [`app::SynopticApp`] applies them between frames and owns the background
//! loader. Shared view state is in `state`, shared drawing helpers in `widgets`. The review was computed
//! once, off the UI thread; the views only render blocks' Markdown (cached) and word-diff same-language
//! panes.

pub mod app;
pub mod bidi;
pub mod chooser;
pub mod command;
pub mod fonts;
mod jobs;
mod loader;
pub mod picker;
pub mod settings;
pub mod state;
pub mod theme;
mod views;
mod widgets;

pub use app::SynopticApp;
pub use picker::{FolderPicker, NativePicker, Picked, UnavailablePicker};
pub use settings::Settings;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// How the window starts.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// A folder or file to open; `None` opens the bundled sample.
    pub path: Option<PathBuf>,
    /// Write a PNG of the window here once the document is shown, then exit.
    pub screenshot: Option<PathBuf>,
    /// Use this theme (and remember it).
    pub theme: Option<theme::ThemeChoice>,
    /// Start at this zoom (Ctrl+0 goes back to 1).
    pub zoom: Option<f32>,
}

/// How the window ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowExit {
    /// Closed (or a screenshot written).
    Closed,
    /// A `--screenshot` run could not show the document or write the image.
    ScreenshotFailed,
}

/// Open the window and run until it is closed.
pub fn run(start: StartOptions) -> eframe::Result<WindowExit> {
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
    let screenshot_failed = Arc::new(AtomicBool::new(false));
    let failed = Arc::clone(&screenshot_failed);
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
            app.start(start, failed, &cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )?;
    Ok(if screenshot_failed.load(Ordering::Relaxed) { WindowExit::ScreenshotFailed } else { WindowExit::Closed })
}
