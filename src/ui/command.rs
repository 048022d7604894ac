//! What views ask the app to do. Views never change the model themselves: they push commands, and
//! [`super::SynopticApp`] applies them once, between frames.

use std::path::PathBuf;

/// A request from a view (or a shortcut).
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Load these paths (a folder, or files).
    Open(Vec<PathBuf>),
    /// Show the native folder dialog.
    PickFolder,
    /// Show the native file dialog.
    PickFiles,
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
    /// Mark or unmark a finding (by fingerprint) as a false positive.
    ToggleFalsePositive(String),
    /// Show or hide a locale's pane.
    ToggleLocale(String),
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
    /// Scroll the panes to the top (`true`) or the bottom.
    ScrollToEnd(bool),
    /// Show blocks as raw Markdown (`true`) or rendered.
    SetRawText(bool),
    /// Show findings marked as false positives.
    SetShowFalsePositives(bool),
    /// Close the error message.
    DismissError,
    /// Show or hide the translation status view.
    ShowStatus(bool),
    /// Show a status entry's document and its source changes (index into the status entries).
    ShowStatusEntry(usize),
}
