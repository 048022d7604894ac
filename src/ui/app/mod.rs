//! The app: owns the review, the background loader and each view's small state. [`SynopticApp::logic_step`]
//! drains background results, reads shortcuts and applies the views' commands; [`SynopticApp::window_ui`]
//! only draws, handing each view what it reads and a command queue.

use super::StartOptions;
use super::chooser::Chooser;
use super::command::{BottomTab, Command};
use super::jobs::Job;
use super::loader::Loader;
use super::picker::FolderPicker;
use super::settings::Settings;
use super::state::{DocView, Flagged, Marks, StatusLine};
use super::views::bottom_tabs::bottom_tabs_ui;
use super::views::chooser::chooser_ui;
use super::views::documents_panel::DocumentsPanel;
use super::views::false_positive::{FalsePositiveDraft, false_positive_ui};
use super::views::find_bar::{FindBar, FolderResults};
use super::views::menu_bar::{MenuBar, menu_bar_ui};
use super::views::note_editor::NoteEditor;
use super::views::notes_panel::NotesPanel;
use super::views::pane_toolbar::{LocalePicker, pane_toolbar_ui};
use super::views::panes::Panes;
use super::views::problems_panel::{ProblemsInput, ProblemsPanel};
use super::views::scorecard_view::scorecard_ui;
use super::views::status_view::StatusView;
use super::views::welcome::welcome_ui;
use crate::review::Review;
use crate::search::FolderMatches;
use crate::session::NoteSession;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

mod choosing;
mod commands;
mod decisions;
mod exports;
mod history;
mod load;
mod navigation;
mod notes;
mod screenshot;
mod watching;

use screenshot::ScreenshotJob;

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
    status: StatusLine,
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
    /// The window's own chooser, while it is open.
    chooser: Option<Chooser>,
    /// Why the system file dialog cannot be used, once that is known.
    native_unavailable: Option<String>,
    /// The export being written.
    export_job: Job<Result<String, String>>,
    /// The theme last applied to the context.
    applied_theme: Option<crate::ui::theme::ThemeChoice>,
    /// Where Back and Forward go.
    history: history::History,
    locale_picker: LocalePicker,
    /// What the selected finding flags (derived when it is selected).
    flagged: Option<Flagged>,
    /// The folder search under way, and the last one's matches.
    folder_search: Job<FolderMatches>,
    folder_matches: Option<FolderMatches>,
    /// The false-positive dialog, while open.
    false_positive: Option<FalsePositiveDraft>,
    /// The settings' old false-positive marks were offered to this folder's notes file.
    adopted: bool,
    /// The notes' generation last drawn from (marks changed elsewhere redo what is drawn from them).
    notes_generation: u64,
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
            status: StatusLine::default(),
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
            chooser: None,
            native_unavailable: None,
            export_job: Job::default(),
            applied_theme: None,
            history: history::History::default(),
            locale_picker: LocalePicker::default(),
            flagged: None,
            folder_search: Job::default(),
            folder_matches: None,
            false_positive: None,
            adopted: false,
            notes_generation: 0,
        }
    }

    /// Begin: open the given path, else the last session's folder, else the bundled sample. A screenshot
    /// run reports its failure through `screenshot_failed`.
    pub fn start(&mut self, start: StartOptions, screenshot_failed: Arc<AtomicBool>, ctx: &egui::Context) {
        self.screenshot = start.screenshot.map(|path| ScreenshotJob::new(path, screenshot_failed));
        if let Some(theme) = start.theme {
            self.settings.theme = theme;
        }
        if let Some(zoom) = start.zoom {
            ctx.set_zoom_factor(zoom.clamp(0.5, 4.0));
        }
        let path = start.path.or_else(|| self.settings.last_folder.clone().filter(|p| p.exists()));
        match path {
            Some(p) => self.open(vec![p], ctx),
            None => self.open_sample(ctx),
        }
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

    /// The notice on show (an export written), if any.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
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

    /// The aligned row at the top of the panes and how far the view's top is below that row's top
    /// (0.0: the row starts exactly at the top); `None` while the front matter is at the top.
    pub fn top_position(&mut self) -> Option<(usize, f32)> {
        self.panes.top_position()
    }

    /// How far the panes are scrolled sideways.
    pub fn sideways_offset(&self) -> f32 {
        self.panes.sideways_offset()
    }

    /// True while a jump waits for the rows around its target to be measured.
    pub fn is_settling(&self) -> bool {
        self.panes.is_settling()
    }

    /// The document under the document list's keyboard cursor, while the list has the keys.
    pub fn document_cursor(&self) -> Option<usize> {
        self.documents.cursor()
    }

    /// Queue a command, as a view would.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Search every document for `query` on a worker thread.
    fn find_in_folder(&mut self, query: String, ctx: &egui::Context) {
        let Some(review) = self.review.clone() else { return };
        self.folder_matches = None;
        self.folder_search.start(ctx, move || crate::search::find_in_folder(&review, &query));
    }

    /// The findings the Problems panel lists, in its order.
    pub fn problems_shown(&self) -> Vec<usize> {
        self.problems.shown()
    }

    /// The last folder search's matches.
    pub fn folder_matches(&self) -> Option<&FolderMatches> {
        self.folder_matches.as_ref()
    }

    /// The status view's state: shown, and the status entry it details.
    pub fn status_view_state(&self) -> (bool, Option<usize>) {
        (self.status_view.is_open(), self.status_view.entry())
    }

    /// Everything that is not drawing: background results, dropped files, shortcuts, commands.
    pub fn logic_step(&mut self, ctx: &egui::Context) {
        // Each pane's locale fonts (once; a test may have installed its own provider first).
        crate::ui::fonts::install(ctx);
        if self.applied_theme != Some(self.settings.theme) {
            crate::ui::theme::apply(ctx, self.settings.theme);
            self.applied_theme = Some(self.settings.theme);
        }
        self.poll_picker();
        self.poll_export();
        if let Some(found) = self.folder_search.poll() {
            self.folder_matches = Some(found);
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
        if self.loader.is_busy() || self.chooser.as_ref().is_some_and(Chooser::is_listing) {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        self.status.missing_fonts = self.view.as_ref().and_then(|v| self.panes.missing_fonts_line(&v.locales));
        self.autosave_notes(ctx);
        self.adopt_settings_false_positives();
        let generation = self.notes.as_ref().map_or(0, |n| n.generation);
        if generation != self.notes_generation {
            self.notes_generation = generation;
            self.panes.findings_changed();
        }
        self.apply_disk_changes(ctx);
        self.screenshot_step(ctx);
    }

    /// Draw the whole window; what the views ask for is queued for the next [`SynopticApp::logic_step`].
    pub fn window_ui(&mut self, ui: &mut egui::Ui) {
        let bar = MenuBar {
            settings: &self.settings,
            status_open: self.status_view.is_open(),
            progress: self.loader.progress(),
            status: &self.status,
            notes: self.notes.as_ref(),
            notice: self.notice.as_deref(),
            error: self.error.as_deref(),
            native_unavailable: self.native_unavailable.as_deref(),
        };
        menu_bar_ui(ui, &bar, &mut self.commands);
        let review = self.review.clone();
        if let Some(review) = review.as_deref() {
            self.side_panels_ui(ui, review);
        }
        egui::CentralPanel::default().show(ui, |ui| match (review.as_deref(), &self.view) {
            (Some(review), Some(view)) => {
                let marks = Marks {
                    highlight: self.selected_finding.and_then(|i| review.findings.get(i)).and_then(|f| f.row),
                    find: self.find.current(),
                    selected_cell: self.selected_cell,
                    notes: self.notes.as_ref(),
                    find_text: self.find.highlighted_text(),
                    flagged: self.flagged.clone(),
                };
                let can_go = (!self.history_is_empty(true), !self.history_is_empty(false));
                let reviewed = self.review_state();
                pane_toolbar_ui(ui, &mut self.locale_picker, view, can_go, &reviewed, &mut self.commands);
                self.panes.panes_ui(ui, review, view, &self.settings, &marks, &mut self.commands);
            }
            _ => welcome_ui(ui, self.loader.is_busy()),
        });
        self.note_editor.note_editor_ui(ui.ctx(), &mut self.commands);
        if let Some(chooser) = self.chooser.as_mut() {
            chooser_ui(ui.ctx(), chooser, &self.settings.recent, &mut self.commands);
        }
        if let (Some(draft), Some(review)) = (self.false_positive.as_mut(), review.as_deref())
            && let Some(finding) = review.findings.get(draft.finding)
        {
            false_positive_ui(ui.ctx(), draft, finding, &mut self.commands);
        }
    }

    /// The documents list, the status view, the bottom tabs and the find bar.
    fn side_panels_ui(&mut self, ui: &mut egui::Ui, review: &Review) {
        let current = self.view.as_ref().map(|v| v.doc);
        egui::Panel::left("documents").resizable(true).default_size(260.0).show(ui, |ui| {
            let reviewed = self.notes.as_ref().map(NoteSession::reviewed);
            self.documents.documents_panel_ui(ui, review, current, reviewed, &mut self.commands);
        });
        if self.status_view.is_open() {
            egui::Panel::right("status").resizable(true).default_size(620.0).show(ui, |ui| {
                self.status_view.status_view_ui(ui, review, &mut self.commands);
            });
        }
        let Some(view) = &self.view else { return };
        egui::Panel::bottom("problems").resizable(true).default_size(220.0).show(ui, |ui| {
            let notes = self.notes.as_ref().map_or(0, |n| n.book().len());
            bottom_tabs_ui(ui, self.tab, notes, &mut self.commands);
            match self.tab {
                BottomTab::Problems => {
                    let input = ProblemsInput {
                        review,
                        view,
                        settings: &self.settings,
                        notes: self.notes.as_ref(),
                        selected: self.selected_finding,
                    };
                    self.problems.problems_panel_ui(ui, &input, &mut self.commands);
                }
                BottomTab::Notes => match &self.notes {
                    Some(notes) => {
                        self.notes_panel.notes_panel_ui(ui, notes, self.selected_note.as_deref(), &mut self.commands)
                    }
                    None => {
                        ui.label("No notes.");
                    }
                },
                BottomTab::Scorecard => {
                    let scores = self.notes.as_ref().map_or(&[][..], NoteSession::scores);
                    scorecard_ui(ui, scores, &review.scoring);
                }
            }
        });
        if self.find.is_open() {
            egui::Panel::top("find").show(ui, |ui| {
                let folder =
                    FolderResults { matches: self.folder_matches.as_ref(), searching: self.folder_search.is_busy() };
                self.find.find_bar_ui(ui, review, view.doc, &folder, &mut self.commands);
            });
        }
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
        if !self.is_screenshot_run() {
            eframe::set_value(storage, eframe::APP_KEY, &self.settings);
        }
    }
}
