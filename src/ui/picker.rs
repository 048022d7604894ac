//! Choosing folders and files, and where to save an export. The native dialogs (rfd) block, so they run on a thread of their own and
//! the window keeps painting; tests put a fake picker behind the same trait.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

/// What the user picked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    /// A folder.
    Folder(PathBuf),
    /// One or more files.
    Files(Vec<PathBuf>),
    /// Where to save an export.
    SaveTo(PathBuf),
}

/// A source of folder and file choices.
pub trait FolderPicker {
    /// Ask for a folder; the answer comes from [`FolderPicker::poll`].
    fn pick_folder(&mut self);
    /// Ask for Markdown files; the answer comes from [`FolderPicker::poll`].
    fn pick_files(&mut self);
    /// Ask where to save an export, suggesting `name` in `folder`; the answer comes from [`FolderPicker::poll`].
    fn pick_export(&mut self, folder: PathBuf, name: String);
    /// The answer, once there is one (`Some(None)`: the user cancelled).
    fn poll(&mut self) -> Option<Option<Picked>>;
}

/// The operating system's dialogs.
#[derive(Default)]
pub struct NativePicker {
    pending: Option<Receiver<Option<Picked>>>,
}

impl NativePicker {
    fn spawn(&mut self, ask: impl FnOnce() -> Option<Picked> + Send + 'static) {
        if self.pending.is_some() {
            return; // one dialog at a time
        }
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let _ = tx.send(ask());
        });
        self.pending = Some(rx);
    }
}

impl FolderPicker for NativePicker {
    fn pick_folder(&mut self) {
        self.spawn(|| rfd::FileDialog::new().set_title("Open folder").pick_folder().map(Picked::Folder));
    }

    fn pick_files(&mut self) {
        self.spawn(|| {
            rfd::FileDialog::new()
                .set_title("Open files")
                .add_filter("Markdown", &["md", "markdown", "txt"])
                .pick_files()
                .map(Picked::Files)
        });
    }

    fn pick_export(&mut self, folder: PathBuf, name: String) {
        self.spawn(move || {
            rfd::FileDialog::new()
                .set_title("Export notes")
                .set_directory(folder)
                .set_file_name(name)
                .add_filter("Excel workbook", &["xlsx"])
                .add_filter("CSV (UTF-8)", &["csv"])
                .add_filter("Web page", &["html"])
                .add_filter("JSON", &["json"])
                .save_file()
                .map(Picked::SaveTo)
        });
    }

    fn poll(&mut self) -> Option<Option<Picked>> {
        let answer = self.pending.as_ref()?.try_recv().ok()?;
        self.pending = None;
        Some(answer)
    }
}

/// A picker that answers with a fixed folder (for tests and scripted runs).
#[derive(Debug, Default)]
pub struct FixedPicker {
    /// The folder every request answers with.
    pub folder: Option<PathBuf>,
    answer: Option<Option<Picked>>,
    /// The file every export request answers with.
    pub save_to: Option<PathBuf>,
    /// How many times a dialog was asked for.
    pub asked: usize,
}

impl FixedPicker {
    /// A picker answering with `folder`.
    pub fn new(folder: Option<PathBuf>) -> Self {
        FixedPicker { folder, save_to: None, answer: None, asked: 0 }
    }
}

impl FolderPicker for FixedPicker {
    fn pick_folder(&mut self) {
        self.asked += 1;
        self.answer = Some(self.folder.clone().map(Picked::Folder));
    }

    fn pick_files(&mut self) {
        self.asked += 1;
        self.answer = Some(self.folder.clone().map(|f| Picked::Files(vec![f])));
    }

    fn pick_export(&mut self, _folder: PathBuf, _name: String) {
        self.asked += 1;
        self.answer = Some(self.save_to.clone().map(Picked::SaveTo));
    }

    fn poll(&mut self) -> Option<Option<Picked>> {
        self.answer.take()
    }
}
