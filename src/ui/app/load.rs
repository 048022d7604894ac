//! Opening folders: start a background load, and take its result in — the notes opened or re-placed,
//! the remembered document shown, the folder watched; a reload of the same folder keeps the reviewer
//! where they were.

use super::SynopticApp;
use crate::review::Review;
use crate::ui::state::StatusLine;
use std::path::{Path, PathBuf};
use std::sync::Arc;

impl SynopticApp {
    /// Open the bundled sample.
    pub fn open_sample(&mut self, ctx: &egui::Context) {
        match crate::sample::extract() {
            Ok(dir) => self.open(vec![dir], ctx),
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Start loading paths in the background.
    pub fn open(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        self.error = None;
        // The watch belongs to the folder on show; the new one gets its own once loaded.
        self.watcher = None;
        self.reload_pending = false;
        self.loader.start(paths, ctx);
    }

    /// Take a finished load in.
    pub(super) fn finish_load(&mut self, paths: &[PathBuf], result: crate::Result<Review>, ctx: &egui::Context) {
        match result {
            Ok(review) if review.corpus.documents.is_empty() => {
                let failed: Vec<String> =
                    review.corpus.problems.iter().map(|p| format!("{}: {}", p.rel, p.reason)).collect();
                let shown = failed.iter().take(3).cloned().collect::<Vec<_>>().join("; ");
                let more = if failed.len() > 3 { format!(" (and {} more)", failed.len() - 3) } else { String::new() };
                self.error = Some(format!("No document could be loaded from {}: {shown}{more}", display_paths(paths)));
            }
            Ok(review) => self.show_review(paths, review, ctx),
            Err(crate::Error::Cancelled) => self.error = Some("Loading was cancelled.".to_owned()),
            Err(e) => self.error = Some(format!("Could not open: {e}")), // the error names the path
        }
    }

    fn show_review(&mut self, paths: &[PathBuf], review: Review, ctx: &egui::Context) {
        let folder = review.corpus.root.clone();
        let remembered = self.settings.last_document.clone();
        let reloaded = self.review.as_ref().is_some_and(|r| r.corpus.root == folder);
        let (top_row, selected_cell) = (self.top_row(), self.selected_cell);
        self.status = StatusLine::of(&review);
        if !reloaded {
            self.adopted = false;
        }
        self.open_notes(&review, ctx);
        self.review = Some(Arc::new(review));
        if !is_sample(&folder) && paths.len() == 1 && paths[0].is_dir() {
            self.settings.remember_folder(&paths[0]);
        }
        if reloaded {
            self.problems.invalidate();
        } else {
            self.problems.reset();
            self.status_view.reset();
        }
        self.find.reset();
        let doc = self.review().and_then(|r| remembered.and_then(|n| r.document_index(&n))).unwrap_or(0);
        self.select_document(doc);
        if reloaded {
            // The same folder read again after a change on disk: stay where the reviewer was.
            self.panes.scroll_to_row(top_row);
            let rows = self.view.as_ref().and_then(|v| self.review().map(|r| r.documents[v.doc].alignment.rows.len()));
            self.selected_cell = selected_cell.filter(|&(row, _)| rows.is_some_and(|n| row < n));
        }
        if self.watcher.is_none() {
            self.watch_folder(&folder, ctx);
        }
        self.loaded_paths = paths.to_vec();
    }
}

/// The bundled sample is extracted to a temporary folder: it is not remembered as a recent folder.
fn is_sample(folder: &Path) -> bool {
    folder.file_name().is_some_and(|n| n.to_string_lossy().starts_with("synoptic-sample-"))
}

fn display_paths(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
}
