//! Exports from the window: the notes with the scorecard, and the QA report of findings. Where to save
//! is asked (a default name in the reviewed folder); gathering and writing run on a worker thread, and the
//! result comes back as a notice or an error.

use super::SynopticApp;
use crate::export::ExportFormat;
use crate::report::findings::{self, Decisions, FindingsFormat};
use crate::ui::command::BottomTab;
use crate::ui::picker::{ExportKind, Request};
use crate::ui::widgets::plural;
use std::path::{Path, PathBuf};

impl SynopticApp {
    /// Ask where to save an export, suggesting `<folder>-review.xlsx` or `<folder>-findings.xlsx` in the
    /// reviewed folder.
    pub(super) fn pick_export(&mut self, kind: ExportKind) {
        let Some(review) = self.review.as_ref() else { return };
        let folder = review.corpus.root.clone();
        let stem = folder.file_name().map_or_else(|| "review".into(), |n| n.to_string_lossy().into_owned());
        let name = match kind {
            ExportKind::Notes => format!("{stem}-review.xlsx"),
            ExportKind::Findings => format!("{stem}-findings.xlsx"),
        };
        self.ask(Request::Save { kind, folder, name });
    }

    /// Export to `path` in the background (format from the extension; none known: the workbook's).
    pub(super) fn export_to(&mut self, kind: ExportKind, path: &Path, ctx: &egui::Context) {
        let Some(review) = self.review.clone() else { return };
        if self.export_job.is_busy() {
            self.error = Some("An export is under way; try again when it is done.".to_owned());
            return;
        }
        match kind {
            ExportKind::Notes => {
                let Some(notes) = self.notes.as_ref() else { return };
                let (format, path) = with_format(path, ExportFormat::from_path(path), ExportFormat::Xlsx.extension());
                let format = format.unwrap_or(ExportFormat::Xlsx);
                let (book, placements) = (notes.book().clone(), notes.placements().clone());
                self.export_job.start(ctx, move || {
                    let export = crate::export::collect_placed(&review, &book, &placements);
                    crate::export::write(&export, format, &path)
                        .map(|()| {
                            format!("Exported {} notes and the scorecard to {}", export.notes.len(), path.display())
                        })
                        .map_err(|e| e.to_string())
                });
                self.tab = if self.tab == BottomTab::Problems { BottomTab::Notes } else { self.tab };
            }
            ExportKind::Findings => {
                let (format, path) =
                    with_format(path, FindingsFormat::from_path(path), FindingsFormat::Xlsx.extension());
                let format = format.unwrap_or(FindingsFormat::Xlsx);
                let book = self.notes.as_ref().map(|n| n.book().clone()).unwrap_or_default();
                let legacy = self.settings.false_positives.clone();
                self.export_job.start(ctx, move || {
                    let mut decisions = Decisions::of_notes(&review, &[], &book);
                    for fingerprint in legacy {
                        decisions.false_positives.entry(fingerprint).or_default();
                    }
                    let report = findings::collect(&review, &[], &decisions);
                    findings::write(&report, format, &path)
                        .map(|()| format!("Exported {} to {}", plural(report.rows.len(), "finding"), path.display()))
                        .map_err(|e| e.to_string())
                });
            }
        }
        self.notice = Some("Exporting…".to_owned());
    }

    /// Take a finished export's outcome (in `logic`).
    pub(super) fn poll_export(&mut self) {
        match self.export_job.poll() {
            Some(Ok(done)) => self.notice = Some(done),
            Some(Err(e)) => {
                self.notice = None;
                self.error = Some(e);
            }
            None => {}
        }
    }

    /// True while an export is being written.
    pub fn is_exporting(&self) -> bool {
        self.export_job.is_busy()
    }
}

/// A path with a known format, or the path with `fallback` as its extension (so the file opens where it
/// should).
fn with_format<F>(path: &Path, format: Option<F>, fallback: &str) -> (Option<F>, PathBuf) {
    match format {
        Some(f) => (Some(f), path.to_path_buf()),
        None => (None, path.with_extension(fallback)),
    }
}
