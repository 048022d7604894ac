//! What views ask the app to do. Views never change the model themselves: they push commands, and
//! [`super::SynopticApp`] applies them once, between frames.

use super::picker::ExportKind;
use crate::notes::Note;
use std::path::PathBuf;

/// A request from a view (or a shortcut).
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Load these paths (a folder, or files).
    Open(Vec<PathBuf>),
    /// Ask for a folder to open (the system dialog, else the window's own chooser).
    PickFolder,
    /// Ask for Markdown files to open.
    PickFiles,
    /// Use the window's own chooser rather than the system dialog (`true`).
    SetBuiltInChooser(bool),
    /// The chooser's choice is made (Open, Save, or Enter in its path field).
    ChooserAccept,
    /// Close the chooser without choosing.
    ChooserCancel,
    /// Stop the load under way.
    CancelLoad,
    /// Show a document (index into the corpus documents).
    SelectDocument(usize),
    /// Scroll every pane to a finding's row and select it (index into the findings).
    JumpToFinding(usize),
    /// Scroll every pane to an aligned row.
    JumpToRow(usize),
    /// Select the next (`true`) or previous finding of the document.
    StepFinding(bool),
    /// Ask for the reason of a false-positive mark on a finding (index into the findings).
    AskFalsePositive(usize),
    /// Mark a finding (index into the findings) as a false positive, with an optional reason, in the
    /// folder's notes file.
    MarkFalsePositive {
        /// The finding.
        finding: usize,
        /// Why it is not a problem (may be empty).
        reason: String,
    },
    /// Take back a finding's false-positive mark (by fingerprint).
    UnmarkFalsePositive(String),
    /// Close the false-positive dialog without marking.
    CancelFalsePositive,
    /// Mark (or, when it is marked, unmark) part of the current document reviewed.
    ToggleReviewed(ReviewScope),
    /// Show or hide a locale's pane.
    ToggleLocale(String),
    /// Show exactly these locales' panes (the rest hidden), in this folder.
    SetShownLocales(Vec<String>),
    /// Go back (`true`) or forward to where the reviewer jumped from.
    GoBack(bool),
    /// Move a locale's pane one place left (`true`) or right.
    MoveLocale(String, bool),
    /// Follow a link found in a column's file.
    FollowLink {
        /// The column whose file holds the link.
        column: usize,
        /// The link target as written.
        target: String,
    },
    /// Scroll the panes by pages (negative: up).
    ScrollPages(f32),
    /// Show the find bar and focus it.
    OpenFind,
    /// Search every document of the folder (on a worker thread).
    FindInFolder(String),
    /// Show a match of the folder search: its document, scrolled to its row, its cell selected.
    ShowMatch {
        /// The document (index into the corpus documents).
        doc: usize,
        /// The aligned row.
        row: usize,
        /// The column (index into the document's files).
        column: usize,
    },
    /// Scroll the panes to the top (`true`) or the bottom.
    ScrollToEnd(bool),
    /// Show blocks as raw Markdown (`true`) or rendered.
    SetRawText(bool),
    /// Show findings marked as false positives.
    SetShowFalsePositives(bool),
    /// Close the error message.
    DismissError,
    /// Select a cell (aligned row, column): where N puts a new note.
    SelectCell {
        /// The aligned row.
        row: usize,
        /// The column (index into the document's files).
        column: usize,
    },
    /// Open the note editor on the selected cell (else the first visible row of the first translation).
    NewNote,
    /// Open the note editor prefilled from a finding (index into the findings).
    NoteFromFinding(usize),
    /// Open the note editor on an existing note (by id).
    EditNote(String),
    /// Add or replace a note (from the editor).
    SaveNote(Box<Note>),
    /// Delete a note (by id).
    DeleteNote(String),
    /// Show a note's document and scroll to its row (by id).
    JumpToNote(String),
    /// Ask where to export (a save dialog): the notes, or the findings.
    PickExport(ExportKind),
    /// Export to a file (format from the extension), in the background: the notes and the scorecard, or
    /// the QA report of findings.
    ExportTo(ExportKind, PathBuf),
    /// Set the author name written into new notes.
    SetAuthor(String),
    /// Use a light, dark or the system's theme (remembered).
    SetTheme(crate::ui::theme::ThemeChoice),
    /// Show a tab of the bottom panel.
    ShowTab(BottomTab),
    /// Show or hide the translation status view.
    ShowStatus(bool),
    /// Show a status entry's document and its source changes (index into the status entries).
    ShowStatusEntry(usize),
}

/// What a review mark covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewScope {
    /// The selected cell's row, in its locale (R).
    Row,
    /// The current document in the selected cell's locale (else the first translation's) (Shift+R).
    DocumentLocale,
    /// The current document in every locale.
    Document,
}

/// The tabs of the bottom panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BottomTab {
    /// The findings of the checks.
    #[default]
    Problems,
    /// The reviewer's notes.
    Notes,
    /// The MQM scorecard.
    Scorecard,
}
