//! The app: owns the review, the background loader and each view's small state. `logic` drains
//! background results, reads shortcuts and applies the views' commands; `ui` only draws.

use super::StartOptions;
use super::command::BottomTab;
use super::command::Command;
use super::documents_panel::DocumentsPanel;
use super::find_bar::FindBar;
use super::loader::Loader;
use super::note_editor::NoteEditor;
use super::notes_panel::NotesPanel;
use super::panes::Panes;
use super::picker::{FolderPicker, Picked};
use super::problems_panel::ProblemsPanel;
use super::settings::Settings;
use super::status_view::StatusView;
use crate::notes::session::NoteSession;
use crate::review::Review;
use egui::{Key, Modifiers};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Mutex};

/// Exit code of a `--screenshot` run (0 written, 1 failed), read by `main` after the window closes.
pub static SCREENSHOT_EXIT: AtomicI32 = AtomicI32::new(0);

/// What the window shows of the current document: derived from the review once, when it is selected.
#[derive(Debug, Clone, Default)]
pub struct DocView {
    /// Index into the corpus documents.
    pub doc: usize,
    /// The locale of each column, in the document's order.
    pub locales: Vec<String>,
    /// The visible columns, in display order.
    pub columns: Vec<usize>,
    /// Findings (indices) of each aligned row.
    pub by_row: BTreeMap<usize, Vec<usize>>,
    /// Findings of the document that belong to no row.
    pub unplaced: Vec<usize>,
    /// The document's findings with a row, in row order (for F8).
    pub in_order: Vec<usize>,
}

struct ScreenshotJob {
    path: PathBuf,
    frames: u32,
    requested: bool,
    finished: bool,
    result: Arc<Mutex<Option<Result<(), String>>>>,
}

/// The Synoptic window.
pub struct SynopticApp {
    /// What is kept between sessions.
    pub settings: Settings,
    review: Option<Arc<Review>>,
    view: Option<DocView>,
    loader: Loader,
    picker: Box<dyn FolderPicker>,
    documents: DocumentsPanel,
    panes: Panes,
    problems: ProblemsPanel,
    find: FindBar,
    commands: Vec<Command>,
    error: Option<String>,
    selected_finding: Option<usize>,
    screenshot: Option<ScreenshotJob>,
    /// The status line and its tooltip, made once per load.
    status: Status,
    /// The translation status view.
    status_view: StatusView,
    /// The open folder's notes (with their sidecar and autosave).
    notes: Option<NoteSession>,
    /// Where notes go when a folder is read-only (`None`: the system has no data directory).
    data_dir: Option<PathBuf>,
    note_editor: NoteEditor,
    notes_panel: NotesPanel,
    tab: BottomTab,
    /// The cell (aligned row, column) a new note goes to.
    selected_cell: Option<(usize, usize)>,
    selected_note: Option<String>,
    /// A message that is not an error (an export written).
    notice: Option<String>,
    /// The watch on the open folder, to reload what changes on disk.
    watcher: Option<crate::watch::FolderWatcher>,
    /// The paths of the last successful load (reloaded when they change on disk).
    loaded_paths: Vec<PathBuf>,
    /// Documents changed on disk while a load was under way: read them again when it is done.
    reload_pending: bool,
}

mod notes;
mod watching;

/// The status line: what is open, and the details on hover.
#[derive(Debug, Default)]
struct Status(String, String);

impl Status {
    fn of(review: &Review) -> Status {
        let corpus = &review.corpus;
        let folder = corpus
            .root
            .file_name()
            .map_or_else(|| corpus.root.display().to_string(), |n| n.to_string_lossy().into_owned());
        let skipped =
            if corpus.skipped.is_empty() { String::new() } else { format!(", {} skipped", corpus.skipped.len()) };
        let line = format!(
            "{folder} — {} documents, {} files, {} locales{skipped}",
            corpus.documents.len(),
            corpus.files.len(),
            corpus.locales().len()
        );
        let details = std::iter::once(corpus.root.display().to_string())
            .chain(corpus.skipped.iter().map(|(f, why)| format!("skipped {f}: {why}")))
            .collect::<Vec<_>>()
            .join("\n");
        Status(line, details)
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl SynopticApp {
    /// A window with remembered settings and a way to pick folders.
    pub fn new(settings: Settings, picker: Box<dyn FolderPicker>) -> Self {
        SynopticApp {
            settings,
            review: None,
            view: None,
            loader: Loader::default(),
            picker,
            documents: DocumentsPanel::default(),
            panes: Panes::default(),
            problems: ProblemsPanel::default(),
            find: FindBar::default(),
            commands: Vec::new(),
            error: None,
            selected_finding: None,
            screenshot: None,
            status: Status::default(),
            status_view: StatusView::default(),
            notes: None,
            data_dir: crate::notes::sidecar::default_data_dir(),
            note_editor: NoteEditor::default(),
            notes_panel: NotesPanel::default(),
            tab: BottomTab::default(),
            selected_cell: None,
            selected_note: None,
            notice: None,
            watcher: None,
            loaded_paths: Vec::new(),
            reload_pending: false,
        }
    }

    /// Begin: open the given path, else the last session's folder, else the bundled sample.
    pub fn start(&mut self, start: StartOptions, ctx: &egui::Context) {
        self.screenshot = start.screenshot.map(|path| ScreenshotJob {
            path,
            frames: 0,
            requested: false,
            finished: false,
            result: Arc::new(Mutex::new(None)),
        });
        let path = start.path.or_else(|| self.settings.last_folder.clone().filter(|p| p.exists()));
        match path {
            Some(p) => self.open(vec![p], ctx),
            None => self.open_sample(ctx),
        }
    }

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

    /// The review on show, if loaded.
    pub fn review(&self) -> Option<&Review> {
        self.review.as_deref()
    }

    /// The current document's view.
    pub fn view(&self) -> Option<&DocView> {
        self.view.as_ref()
    }

    /// The selected finding.
    pub fn selected_finding(&self) -> Option<usize> {
        self.selected_finding
    }

    /// The error on show, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// True while a folder loads.
    pub fn is_loading(&self) -> bool {
        self.loader.is_busy()
    }

    /// The aligned rows the panes drew in the last frame.
    pub fn visible_rows(&self) -> std::ops::Range<usize> {
        self.panes.visible_rows()
    }

    /// The row the panes are scrolled to (the top visible row).
    pub fn top_row(&self) -> usize {
        self.panes.visible_rows().start
    }

    /// Queue a command, as a view would.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Everything that is not drawing: background results, dropped files, shortcuts, commands.
    pub fn logic_step(&mut self, ctx: &egui::Context) {
        if let Some(answer) = self.picker.poll() {
            match answer {
                Some(Picked::Folder(p)) => self.commands.push(Command::Open(vec![p])),
                Some(Picked::Files(files)) => self.commands.push(Command::Open(files)),
                Some(Picked::SaveTo(path)) => self.commands.push(Command::ExportTo(path)),
                None => {}
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
        if !dropped.is_empty() {
            self.commands.push(Command::Open(dropped));
        }
        if let Some((paths, result)) = self.loader.poll() {
            self.finish_load(&paths, result, ctx);
        }
        self.read_shortcuts(ctx);
        for command in std::mem::take(&mut self.commands) {
            self.apply(command, ctx);
        }
        if self.loader.is_busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        self.autosave_notes(ctx);
        self.apply_disk_changes(ctx);
        self.screenshot_step(ctx);
    }

    fn finish_load(&mut self, paths: &[PathBuf], result: crate::Result<Review>, ctx: &egui::Context) {
        match result {
            Ok(review) if review.corpus.documents.is_empty() => {
                let failed: Vec<String> =
                    review.corpus.problems.iter().map(|p| format!("{}: {}", p.rel, p.reason)).collect();
                let shown = failed.iter().take(3).cloned().collect::<Vec<_>>().join("; ");
                let more = if failed.len() > 3 { format!(" (and {} more)", failed.len() - 3) } else { String::new() };
                self.error = Some(format!("No document could be loaded from {}: {shown}{more}", display_paths(paths)));
            }
            Ok(review) => {
                let folder = review.corpus.root.clone();
                let remembered = self.settings.last_document.clone();
                let reloaded = self.review.as_ref().is_some_and(|r| r.corpus.root == folder);
                let (top_row, selected_cell) = (self.top_row(), self.selected_cell);
                self.status = Status::of(&review);
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
                    let rows =
                        self.view.as_ref().and_then(|v| self.review().map(|r| r.documents[v.doc].alignment.rows.len()));
                    self.selected_cell = selected_cell.filter(|&(row, _)| rows.is_some_and(|n| row < n));
                }
                if self.watcher.is_none() {
                    self.watch_folder(&folder, ctx);
                }
                self.loaded_paths = paths.to_vec();
            }
            Err(crate::Error::Cancelled) => self.error = Some("Loading was cancelled.".to_owned()),
            Err(e) => self.error = Some(format!("Could not open: {e}")), // the error names the path
        }
    }

    fn read_shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.memory(|m| m.focused().is_some());
        let (open, find, prev, next) = ctx.input_mut(|i| {
            // Shift+F8 first: matching ignores Shift, so plain F8 would take it.
            let prev = i.consume_key(Modifiers::SHIFT, Key::F8);
            (
                i.consume_key(Modifiers::COMMAND, Key::O),
                i.consume_key(Modifiers::COMMAND, Key::F),
                prev,
                i.consume_key(Modifiers::NONE, Key::F8),
            )
        });
        let nav = if typing {
            [false; 4]
        } else {
            ctx.input_mut(|i| {
                [
                    i.consume_key(Modifiers::NONE, Key::PageUp),
                    i.consume_key(Modifiers::NONE, Key::PageDown),
                    i.consume_key(Modifiers::NONE, Key::Home),
                    i.consume_key(Modifiers::NONE, Key::End),
                ]
            })
        };
        if open {
            self.commands.push(Command::PickFolder);
        }
        let new_note =
            !typing && !self.note_editor.is_open() && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::N));
        if new_note {
            self.commands.push(Command::NewNote);
        }
        if find {
            self.find.open();
        }
        if next {
            self.commands.push(Command::StepFinding(true));
        }
        if prev {
            self.commands.push(Command::StepFinding(false));
        }
        let moves = [
            Command::ScrollPages(-1.0),
            Command::ScrollPages(1.0),
            Command::ScrollToEnd(true),
            Command::ScrollToEnd(false),
        ];
        for (pressed, command) in nav.into_iter().zip(moves) {
            if pressed {
                self.commands.push(command);
            }
        }
    }

    fn apply(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::Open(paths) => self.open(paths, ctx),
            Command::PickFolder => self.picker.pick_folder(),
            Command::PickFiles => self.picker.pick_files(),
            Command::CancelLoad => self.loader.cancel(),
            Command::SelectDocument(doc) => self.select_document(doc),
            Command::JumpToFinding(i) => self.jump_to_finding(i),
            Command::JumpToRow(row) => self.panes.scroll_to_row(row),
            Command::StepFinding(forward) => self.step_finding(forward),
            Command::ToggleFalsePositive(fp) => {
                self.settings.toggle_false_positive(&fp);
                self.panes.findings_changed();
                self.problems.invalidate();
            }
            Command::ToggleLocale(locale) => {
                if !self.settings.hidden_locales.remove(&locale) {
                    self.settings.hidden_locales.insert(locale);
                }
                self.refresh_columns();
            }
            Command::MoveLocale(locale, left) => {
                if let Some(view) = &self.view {
                    let order: Vec<String> = view.columns.iter().map(|&c| view.locales[c].clone()).collect();
                    self.settings.move_locale(&order, &locale, left);
                }
                self.refresh_columns();
            }
            Command::FollowLink { column, target } => self.follow_link(column, &target, ctx),
            Command::ScrollPages(pages) => self.panes.scroll_pages(pages),
            Command::ScrollToEnd(top) => self.panes.scroll_to_end(top),
            Command::SetRawText(raw) => {
                self.settings.raw_text = raw;
                self.panes.findings_changed();
            }
            Command::SetShowFalsePositives(show) => {
                self.settings.show_false_positives = show;
                self.panes.findings_changed();
                self.problems.invalidate();
            }
            Command::DismissError => {
                self.error = None;
                self.notice = None;
            }
            Command::SelectCell { row, column } => self.selected_cell = Some((row, column)),
            Command::ShowTab(tab) => self.tab = tab,
            Command::SetAuthor(author) => self.settings.author = author,
            Command::NewNote
            | Command::NoteFromFinding(_)
            | Command::EditNote(_)
            | Command::SaveNote(_)
            | Command::DeleteNote(_)
            | Command::JumpToNote(_)
            | Command::PickExport
            | Command::ExportTo(_) => self.apply_note_command(command),
            Command::ShowStatus(show) => self.status_view.set_open(show),
            Command::ShowStatusEntry(i) => self.show_status_entry(i),
        }
        ctx.request_repaint();
    }

    /// Show a status entry: its document in the panes, its source changes in the status view.
    fn show_status_entry(&mut self, i: usize) {
        let doc = self.review.as_ref().and_then(|r| r.status.entries.get(i)).map(|e| e.doc_index);
        if let Some(doc) = doc.filter(|&d| self.view.as_ref().is_none_or(|v| v.doc != d)) {
            self.select_document(doc);
        }
        if doc.is_some() {
            self.status_view.show_entry(i);
        }
    }

    /// The status view's state: shown, and the status entry it details.
    pub fn status_view_state(&self) -> (bool, Option<usize>) {
        (self.status_view.is_open(), self.status_view.entry())
    }

    fn select_document(&mut self, doc: usize) {
        let Some(review) = self.review.clone() else { return };
        let Some(document) = review.corpus.documents.get(doc) else { return };
        let locales: Vec<String> = review.corpus.document_files(document).map(|f| f.locale.to_string()).collect();
        let (by_row, unplaced) = review.findings_by_row(doc);
        let in_order = by_row.values().flatten().copied().collect();
        self.settings.last_document = Some(document.name.clone());
        self.view = Some(DocView { doc, locales, columns: Vec::new(), by_row, unplaced, in_order });
        self.refresh_columns();
        self.panes.reset();
        self.find.reset();
        self.selected_finding = None;
        self.selected_cell = None;
    }

    /// Visible columns in the user's order, the source first; never none.
    fn refresh_columns(&mut self) {
        let Some(review) = self.review.clone() else { return };
        let Some(view) = self.view.as_mut() else { return };
        let document = &review.corpus.documents[view.doc];
        let source = document.source.map(|s| review.corpus.files[s].locale.to_string());
        let order = self.settings.order_locales(&view.locales, source.as_deref());
        let mut columns: Vec<usize> = order
            .iter()
            .filter(|l| !self.settings.hidden_locales.contains(*l))
            .filter_map(|l| view.locales.iter().position(|x| x == l))
            .collect();
        if columns.is_empty() {
            columns = (0..view.locales.len()).collect();
        }
        view.columns = columns;
        self.panes.layout_changed();
    }

    fn jump_to_finding(&mut self, i: usize) {
        let Some(review) = self.review.clone() else { return };
        let Some(f) = review.findings.get(i) else { return };
        if self.view.as_ref().is_none_or(|v| review.corpus.documents[v.doc].name != f.document)
            && let Some(doc) = review.document_index(&f.document)
        {
            self.select_document(doc);
        }
        self.selected_finding = Some(i);
        if let Some(row) = f.row {
            self.panes.scroll_to_row(row);
        }
    }

    fn step_finding(&mut self, forward: bool) {
        let Some(view) = &self.view else { return };
        let Some(review) = &self.review else { return };
        let visible: Vec<usize> = view
            .in_order
            .iter()
            .copied()
            .filter(|&i| {
                self.settings.show_false_positives
                    || !self.settings.false_positives.contains(&review.findings[i].fingerprint)
            })
            .collect();
        if visible.is_empty() {
            return;
        }
        let pos = self.selected_finding.and_then(|s| visible.iter().position(|&i| i == s));
        let next = match (pos, forward) {
            (None, true) => 0,
            (None, false) => visible.len() - 1,
            (Some(p), true) => (p + 1) % visible.len(),
            (Some(p), false) => (p + visible.len() - 1) % visible.len(),
        };
        self.jump_to_finding(visible[next]);
    }

    fn follow_link(&mut self, column: usize, target: &str, ctx: &egui::Context) {
        if let Some(url) = super::markdown::web_link(target) {
            ctx.open_url(egui::OpenUrl::new_tab(url));
            return;
        }
        if has_scheme(target) {
            self.error = Some(format!("`{target}` is not opened: only http and https links open the browser."));
            return;
        }
        let (Some(review), Some(view)) = (self.review.clone(), self.view.as_ref()) else { return };
        let Some(&file) = review.corpus.documents[view.doc].files.get(column) else { return };
        let from = review.corpus.files[file].rel.clone();
        match crate::checks::links::resolve(&review.corpus, &from, target).and_then(|p| review.corpus.document_of(&p)) {
            Some(doc) => self.select_document(doc),
            None => self.error = Some(format!("`{target}` is not a document of this folder.")),
        }
    }

    fn screenshot_step(&mut self, ctx: &egui::Context) {
        let ready = self.view.is_some() && !self.loader.is_busy();
        let failed = self.error.clone();
        let Some(job) = self.screenshot.as_mut().filter(|j| !j.finished) else { return };
        if let Some(error) = failed.filter(|_| !ready) {
            job.finished = true;
            eprintln!("synoptic: {error}");
            SCREENSHOT_EXIT.store(1, Ordering::Relaxed);
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        if !ready {
            return;
        }
        if !job.requested && job.frames >= 3 {
            job.requested = true;
            let (path, result) = (job.path.clone(), Arc::clone(&job.result));
            let ctx2 = ctx.clone();
            let callback = egui::ScreenshotCallback::new(move |image| {
                let outcome = save_png(&path, &image);
                if let Ok(mut slot) = result.lock() {
                    *slot = Some(outcome);
                }
                ctx2.request_repaint();
            });
            ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(callback));
        }
        let outcome = job.result.lock().ok().and_then(|mut r| r.take());
        if let Some(outcome) = outcome {
            job.finished = true;
            if let Err(e) = outcome {
                eprintln!("synoptic: {}: {e}", job.path.display());
                SCREENSHOT_EXIT.store(1, Ordering::Relaxed);
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ctx.request_repaint();
    }

    /// Draw the whole window.
    pub fn window_ui(&mut self, ui: &mut egui::Ui) {
        self.menu_bar_ui(ui);
        let review = self.review.clone();
        if let Some(review) = review.as_deref() {
            let current = self.view.as_ref().map(|v| v.doc);
            egui::Panel::left("documents").resizable(true).default_size(260.0).show(ui, |ui| {
                self.documents.documents_panel_ui(ui, review, current, &mut self.commands);
            });
            if self.status_view.is_open() {
                egui::Panel::right("status").resizable(true).default_size(620.0).show(ui, |ui| {
                    self.status_view.status_view_ui(ui, review, &mut self.commands);
                });
            }
            if let Some(view) = &self.view {
                egui::Panel::bottom("problems").resizable(true).default_size(220.0).show(ui, |ui| {
                    let notes = self.notes.as_ref().map_or(0, |n| n.book().len());
                    bottom_tabs_ui(ui, self.tab, notes, &mut self.commands);
                    match self.tab {
                        BottomTab::Problems => self.problems.problems_panel_ui(
                            ui,
                            review,
                            view,
                            &self.settings,
                            self.selected_finding,
                            &mut self.commands,
                        ),
                        BottomTab::Notes => match &self.notes {
                            Some(notes) => self.notes_panel.notes_panel_ui(
                                ui,
                                notes,
                                self.selected_note.as_deref(),
                                &mut self.commands,
                            ),
                            None => {
                                ui.label("No notes.");
                            }
                        },
                        BottomTab::Scorecard => {
                            let scores = self.notes.as_ref().map_or(&[][..], NoteSession::scores);
                            super::scorecard_view::scorecard_ui(ui, scores, &review.scoring);
                        }
                    }
                });
                if self.find.is_open() {
                    egui::Panel::top("find").show(ui, |ui| {
                        self.find.find_bar_ui(ui, review, view.doc, &mut self.commands);
                    });
                }
            }
        }
        egui::CentralPanel::default().show(ui, |ui| match (review.as_deref(), &self.view) {
            (Some(review), Some(view)) => {
                let marks = super::panes::Marks {
                    highlight: self.selected_finding.and_then(|i| review.findings.get(i)).and_then(|f| f.row),
                    find: self.find.current(),
                    selected_cell: self.selected_cell,
                    notes: self.notes.as_ref(),
                };
                self.panes.panes_ui(ui, review, view, &self.settings, &marks, &mut self.commands);
            }
            _ => self.welcome_ui(ui),
        });
        self.note_editor.note_editor_ui(ui.ctx(), &mut self.commands);
        if let Some(job) = self.screenshot.as_mut()
            && self.view.is_some()
        {
            job.frames += 1;
        }
    }

    fn menu_bar_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("menu").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                if ui.button("Open folder…").on_hover_text("Ctrl+O").clicked() {
                    self.commands.push(Command::PickFolder);
                }
                if ui.button("Open files…").clicked() {
                    self.commands.push(Command::PickFiles);
                }
                ui.menu_button("Recent", |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label("No recent folders");
                    }
                    for folder in self.settings.recent.clone() {
                        if ui.button(folder.display().to_string()).clicked() {
                            self.commands.push(Command::Open(vec![folder]));
                            ui.close();
                        }
                    }
                });
                ui.separator();
                let mut raw = self.settings.raw_text;
                if ui.checkbox(&mut raw, "Raw Markdown").changed() {
                    self.commands.push(Command::SetRawText(raw));
                }
                let mut status = self.status_view.is_open();
                if ui.checkbox(&mut status, "Translation status").changed() {
                    self.commands.push(Command::ShowStatus(status));
                }
                let mut show = self.settings.show_false_positives;
                if ui.checkbox(&mut show, "Show false positives").changed() {
                    self.commands.push(Command::SetShowFalsePositives(show));
                }
                if let Some((done, total)) = self.loader.progress() {
                    ui.separator();
                    let fraction = if total == 0 { 0.0 } else { done as f32 / total as f32 };
                    ui.add(
                        egui::ProgressBar::new(fraction)
                            .desired_width(200.0)
                            .text(format!("Reading {done} of {total} files")),
                    );
                    if ui.button("Cancel").clicked() {
                        self.commands.push(Command::CancelLoad);
                    }
                }
            });
            if !self.status.is_empty() {
                ui.small(&self.status.0).on_hover_text(&self.status.1);
            }
            if let Some(notes) = &self.notes {
                ui.horizontal_wrapped(|ui| {
                    let line = notes.status_line();
                    match &notes.error {
                        Some(error) => {
                            ui.colored_label(ui.visuals().error_fg_color, format!("{line} - {error}"));
                        }
                        None => {
                            ui.small(line).on_hover_text(notes.sidecar().path().display().to_string());
                        }
                    }
                    for warning in &notes.warnings {
                        ui.colored_label(ui.visuals().warn_fg_color, warning);
                    }
                });
            }
            if let Some(notice) = self.notice.clone() {
                ui.horizontal(|ui| {
                    ui.label(notice);
                    if ui.button("OK").clicked() {
                        self.commands.push(Command::DismissError);
                    }
                });
            }
            if let Some(error) = self.error.clone() {
                ui.horizontal(|ui| {
                    ui.colored_label(ui.visuals().error_fg_color, error);
                    if ui.button("Dismiss").clicked() {
                        self.commands.push(Command::DismissError);
                    }
                });
            }
        });
    }

    fn welcome_ui(&mut self, ui: &mut egui::Ui) {
        ui.vertical_centered(|ui| {
            ui.add_space(80.0);
            ui.heading("Synoptic");
            if self.loader.is_busy() {
                ui.label("Loading…");
                ui.spinner();
            } else {
                ui.label("Open a folder of translated Markdown (Ctrl+O), or drop one here.");
            }
        });
    }
}

impl eframe::App for SynopticApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.logic_step(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.window_ui(ui);
    }

    fn on_exit(&mut self) {
        self.flush_notes();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.flush_notes();
        if self.screenshot.is_none() {
            eframe::set_value(storage, eframe::APP_KEY, &self.settings);
        }
    }
}

/// The bottom panel's tabs and the note actions beside them.
fn bottom_tabs_ui(ui: &mut egui::Ui, current: BottomTab, notes: usize, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let tabs = [
            (BottomTab::Problems, "Problems".to_owned()),
            (BottomTab::Notes, format!("Notes ({notes})")),
            (BottomTab::Scorecard, "Scorecard".to_owned()),
        ];
        for (tab, title) in tabs {
            if ui.selectable_label(current == tab, title).clicked() {
                commands.push(Command::ShowTab(tab));
            }
        }
        ui.separator();
        if ui.button("New note").on_hover_text("N: a note on the selected cell").clicked() {
            commands.push(Command::NewNote);
        }
        if ui.button("Export notes...").on_hover_text("CSV, XLSX, HTML or JSON, with the scorecard").clicked() {
            commands.push(Command::PickExport);
        }
    });
    ui.separator();
}

fn is_sample(folder: &Path) -> bool {
    folder.file_name().is_some_and(|n| n.to_string_lossy().starts_with("synoptic-sample-"))
}

fn display_paths(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
}

fn save_png(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    image::save_buffer(path, &bytes, w as u32, h as u32, image::ExtendedColorType::Rgba8).map_err(|e| e.to_string())
}

/// A target with a URL scheme (`mailto:`, `javascript:`, `file:`): not a path inside the folder.
fn has_scheme(target: &str) -> bool {
    target.split_once(':').is_some_and(|(scheme, _)| {
        scheme.len() > 1 && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}
