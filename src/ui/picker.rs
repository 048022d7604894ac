//! Choosing folders and files, and where to save an export, through the operating system's dialogs. The
//! native dialogs (rfd) block, so they run on a thread of their own and the window keeps painting; tests
//! put a fake picker behind the same trait. Where no system dialog works (no XDG desktop portal and no
//! zenity: minimal desktops, remote sessions) the picker answers [`Answer::Unavailable`] and the window uses
//! its own chooser (`ui::chooser`) instead.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// Which export a save dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The reviewer's notes and the MQM scorecard (CSV, XLSX, HTML or JSON).
    Notes,
    /// The QA report of findings (CSV, XLSX or HTML).
    Findings,
}

impl ExportKind {
    /// The file types offered, as (name, extension).
    pub fn formats(self) -> &'static [(&'static str, &'static str)] {
        match self {
            ExportKind::Notes => {
                &[("Excel workbook", "xlsx"), ("CSV (UTF-8)", "csv"), ("Web page", "html"), ("JSON", "json")]
            }
            ExportKind::Findings => &[("Excel workbook", "xlsx"), ("CSV (UTF-8)", "csv"), ("Web page", "html")],
        }
    }

    /// What the dialog's title says.
    pub fn title(self) -> &'static str {
        match self {
            ExportKind::Notes => "Export notes",
            ExportKind::Findings => "Export findings",
        }
    }
}

/// What the window asks a picker for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// A folder to open.
    Folder,
    /// Markdown files to open.
    Files,
    /// Where to save an export, suggesting `name` in `folder`.
    Save {
        /// Which export.
        kind: ExportKind,
        /// The folder suggested (the reviewed folder).
        folder: PathBuf,
        /// The file name suggested.
        name: String,
    },
}

/// What the user picked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    /// A folder.
    Folder(PathBuf),
    /// One or more files.
    Files(Vec<PathBuf>),
    /// Where to save an export.
    SaveTo(ExportKind, PathBuf),
}

/// A picker's answer to a [`Request`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The user picked something.
    Picked(Picked),
    /// The user cancelled.
    Cancelled,
    /// No dialog could be shown; the window should ask with its own chooser.
    Unavailable {
        /// What was asked.
        request: Request,
        /// Why there is no dialog, for the user.
        reason: String,
    },
}

/// A source of folder and file choices.
pub trait FolderPicker {
    /// Ask; the answer comes from [`FolderPicker::poll`].
    fn ask(&mut self, request: Request);
    /// The answer, once there is one.
    fn poll(&mut self) -> Option<Answer>;
}

/// A system dialog that answers "nothing picked" sooner than this was not seen by anyone: it failed.
const TOO_FAST_TO_BE_A_USER: Duration = Duration::from_millis(400);

/// The operating system's dialogs.
#[derive(Default)]
pub struct NativePicker {
    pending: Option<(Request, Instant, Receiver<Option<Picked>>)>,
    unavailable: Option<Answer>,
}

impl NativePicker {
    fn spawn(&mut self, request: Request, ask: impl FnOnce() -> Option<Picked> + Send + 'static) {
        if self.pending.is_some() {
            return; // one dialog at a time
        }
        if let Some(reason) = missing_dialog_service() {
            self.unavailable = Some(Answer::Unavailable { request, reason });
            return;
        }
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let _ = tx.send(ask());
        });
        self.pending = Some((request, Instant::now(), rx));
    }
}

impl FolderPicker for NativePicker {
    fn ask(&mut self, request: Request) {
        match request.clone() {
            Request::Folder => self
                .spawn(request, || rfd::FileDialog::new().set_title("Open folder").pick_folder().map(Picked::Folder)),
            Request::Files => self.spawn(request, || {
                rfd::FileDialog::new()
                    .set_title("Open files")
                    .add_filter("Markdown", &["md", "markdown", "txt"])
                    .pick_files()
                    .map(Picked::Files)
            }),
            Request::Save { kind, folder, name } => self.spawn(request, move || {
                let mut dialog =
                    rfd::FileDialog::new().set_title(kind.title()).set_directory(folder).set_file_name(name);
                for (label, extension) in kind.formats() {
                    dialog = dialog.add_filter(*label, &[*extension]);
                }
                dialog.save_file().map(|p| Picked::SaveTo(kind, p))
            }),
        }
    }

    fn poll(&mut self) -> Option<Answer> {
        if let Some(answer) = self.unavailable.take() {
            return Some(answer);
        }
        let (_, started, rx) = self.pending.as_ref()?;
        let answer = rx.try_recv().ok()?;
        let elapsed = started.elapsed();
        let (request, _, _) = self.pending.take()?;
        Some(judge(answer, elapsed, request))
    }
}

/// What a system dialog's answer means: nothing picked sooner than anyone could have seen the dialog is a
/// dialog that did not open (rfd answers `None` both when the user cancels and when it fails).
fn judge(answer: Option<Picked>, elapsed: Duration, request: Request) -> Answer {
    match answer {
        Some(picked) => Answer::Picked(picked),
        None if elapsed < TOO_FAST_TO_BE_A_USER => Answer::Unavailable {
            request,
            reason: "the system file dialog closed at once (no desktop portal or zenity?)".to_owned(),
        },
        None => Answer::Cancelled,
    }
}

/// Why no system dialog can be shown, when that is known before trying: on Linux the dialogs come from
/// the XDG desktop portal over the D-Bus session bus, else from `zenity`.
fn missing_dialog_service() -> Option<String> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR").is_some_and(|d| PathBuf::from(d).join("bus").exists());
    let zenity = std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join("zenity").is_file()));
    (!bus && !zenity).then(|| "no D-Bus session for the desktop portal and no zenity".to_owned())
}

/// A picker that answers with fixed paths (for tests and scripted runs).
#[derive(Debug, Default)]
pub struct FixedPicker {
    /// The folder every folder or files request answers with (`None`: cancelled).
    pub folder: Option<PathBuf>,
    /// The file every export request answers with (`None`: cancelled).
    pub save_to: Option<PathBuf>,
    /// How many times a dialog was asked for.
    pub asked: usize,
    answer: Option<Answer>,
}

impl FixedPicker {
    /// A picker answering with `folder`.
    pub fn new(folder: Option<PathBuf>) -> Self {
        FixedPicker { folder, save_to: None, answer: None, asked: 0 }
    }
}

impl FolderPicker for FixedPicker {
    fn ask(&mut self, request: Request) {
        self.asked += 1;
        let picked = match request {
            Request::Folder => self.folder.clone().map(Picked::Folder),
            Request::Files => self.folder.clone().map(|f| Picked::Files(vec![f])),
            Request::Save { kind, .. } => self.save_to.clone().map(|p| Picked::SaveTo(kind, p)),
        };
        self.answer = Some(picked.map_or(Answer::Cancelled, Answer::Picked));
    }

    fn poll(&mut self) -> Option<Answer> {
        self.answer.take()
    }
}

/// A picker with no system dialog at all: every request falls back to the window's own chooser.
#[derive(Debug, Default)]
pub struct UnavailablePicker {
    answer: Option<Answer>,
}

impl FolderPicker for UnavailablePicker {
    fn ask(&mut self, request: Request) {
        self.answer = Some(Answer::Unavailable { request, reason: "no system file dialog".to_owned() });
    }

    fn poll(&mut self) -> Option<Answer> {
        self.answer.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dialog_that_answers_nothing_at_once_did_not_open() {
        let at_once = judge(None, Duration::from_millis(30), Request::Folder);
        assert!(matches!(at_once, Answer::Unavailable { request: Request::Folder, .. }));
        assert_eq!(judge(None, Duration::from_secs(3), Request::Folder), Answer::Cancelled);
        let picked = Picked::Folder(PathBuf::from("/docs"));
        assert_eq!(judge(Some(picked.clone()), Duration::from_millis(30), Request::Folder), Answer::Picked(picked));
    }
}
