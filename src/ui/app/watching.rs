//! Keeping the window in step with the disk: the open folder is watched; when documents change they are
//! read again in the background (the notes re-anchored, the reviewer kept at the same document and row),
//! and when the notes sidecar changes (another window, a `git pull`) it is merged in.

use super::SynopticApp;
use crate::watch::{FolderWatcher, QUIET};
use std::path::Path;
use std::time::Instant;

impl SynopticApp {
    /// Watch a newly opened folder (replacing the watch on the previous one).
    pub(super) fn watch_folder(&mut self, folder: &Path, ctx: &egui::Context) {
        let wake = ctx.clone();
        self.watcher = match FolderWatcher::start(folder, move || wake.request_repaint()) {
            Ok(w) => Some(w),
            Err(e) => {
                self.notice =
                    Some(format!("Changes on disk will not be noticed ({e}); reopen the folder to see them."));
                None
            }
        };
    }

    /// Apply what changed on disk once the folder is quiet.
    pub(super) fn apply_disk_changes(&mut self, ctx: &egui::Context) {
        let Some(watcher) = self.watcher.as_mut() else { return };
        let changes = watcher.poll(Instant::now());
        if watcher.is_waiting() {
            ctx.request_repaint_after(QUIET);
        }
        if let Some(changes) = changes {
            if changes.notes
                && let (Some(notes), Some(review)) = (self.notes.as_mut(), self.review.as_deref())
            {
                notes.reload_from_disk(review);
                self.panes.findings_changed();
            }
            self.reload_pending |= !changes.documents.is_empty();
        }
        if self.reload_pending && !self.loader.is_busy() && !self.loaded_paths.is_empty() {
            self.reload_pending = false;
            self.loader.start(self.loaded_paths.clone(), ctx);
        }
    }

    /// True when the open folder is watched for changes.
    pub fn is_watching(&self) -> bool {
        self.watcher.is_some()
    }
}
