//! `synoptic --screenshot FILE`: once the document is shown and a few frames have settled, ask eframe for
//! a screenshot of the window, write it as a PNG and close. Whether that worked is reported through a
//! shared flag that [`crate::ui::run`] returns, not through a global.

use super::SynopticApp;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// Frames drawn with the document on show before the screenshot is taken (layout settles).
const SETTLE_FRAMES: u32 = 3;

/// A screenshot run under way.
pub(super) struct ScreenshotJob {
    path: PathBuf,
    frames: u32,
    requested: bool,
    finished: bool,
    result: Arc<Mutex<Option<Result<(), String>>>>,
    /// Set when the run failed: no document, or the PNG could not be written.
    failed: Arc<AtomicBool>,
}

impl ScreenshotJob {
    /// A job writing to `path`; failure is reported through `failed`.
    pub(super) fn new(path: PathBuf, failed: Arc<AtomicBool>) -> ScreenshotJob {
        ScreenshotJob { path, frames: 0, requested: false, finished: false, result: Arc::default(), failed }
    }
}

impl SynopticApp {
    /// Advance the screenshot run: count settled frames, ask for the image, write it, close the window.
    pub(super) fn screenshot_step(&mut self, ctx: &egui::Context) {
        let ready = self.view.is_some() && !self.loader.is_busy();
        let failed = self.error.clone();
        let Some(job) = self.screenshot.as_mut().filter(|j| !j.finished) else { return };
        if let Some(error) = failed.filter(|_| !ready) {
            job.finished = true;
            eprintln!("synoptic: {error}");
            job.failed.store(true, Ordering::Relaxed);
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        if !ready {
            return;
        }
        job.frames += 1;
        if !job.requested && job.frames > SETTLE_FRAMES {
            job.requested = true;
            let (path, result) = (job.path.clone(), Arc::clone(&job.result));
            let wake = ctx.clone();
            let callback = egui::ScreenshotCallback::new(move |image| {
                let outcome = save_png(&path, &image);
                if let Ok(mut slot) = result.lock() {
                    *slot = Some(outcome);
                }
                wake.request_repaint();
            });
            ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(callback));
        }
        let outcome = job.result.lock().ok().and_then(|mut r| r.take());
        if let Some(outcome) = outcome {
            job.finished = true;
            if let Err(e) = outcome {
                eprintln!("synoptic: {}: {e}", job.path.display());
                job.failed.store(true, Ordering::Relaxed);
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ctx.request_repaint();
    }

    /// True for a `--screenshot` run (its settings are neither read nor saved).
    pub(super) fn is_screenshot_run(&self) -> bool {
        self.screenshot.is_some()
    }
}

fn save_png(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    image::save_buffer(path, &bytes, w as u32, h as u32, image::ExtendedColorType::Rgba8).map_err(|e| e.to_string())
}
