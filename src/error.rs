//! The library's error type: every failure a user can hit, with the context needed to act on it.
//!
//! Problems *inside* documents (bad encoding, broken links) are findings, not errors; an `Error` stops a
//! command. `main.rs` is the one place that turns an `Error` into a message and an exit code.

use std::path::PathBuf;

/// Why a command could not run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A path named on the command line does not exist.
    #[error("{}: no such file or folder", .0.display())]
    MissingPath(PathBuf),
    /// The paths named hold no Markdown file at all.
    #[error("{}: no Markdown files found (looked for .md, .markdown and Markdown .txt files)", .0.display())]
    EmptyFolder(PathBuf),
    /// The paths named hold no Markdown file that a `.gitignore` inside them lets through.
    #[error("{}: no Markdown files found: its .gitignore files ignore {ignored} ({examples}); add --no-ignore to read them", path.display())]
    AllIgnored {
        /// The opened folder.
        path: PathBuf,
        /// What is ignored: "3 files and 1 folder".
        ignored: String,
        /// The first ignored entries, relative to the folder (folders with a trailing `/`).
        examples: String,
    },
    /// A file or folder could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The glossary file is malformed.
    #[error("{}{}: glossary: {reason}", path.display(), if *line > 0 { format!(":{line}") } else { String::new() })]
    Glossary {
        /// The glossary file.
        path: PathBuf,
        /// The 1-based line of the problem (0 when unknown).
        line: u64,
        /// What is wrong.
        reason: String,
    },
    /// The folder configuration file is malformed.
    #[error("{}: configuration: {reason}", path.display())]
    Config {
        /// The configuration file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// Several folders, or a folder with files, were given: one review reads one folder.
    #[error("{0} paths given: check one folder (or files of one folder) at a time")]
    SeveralFolders(usize),
    /// The source locale asked for is in no file.
    #[error("no file is in the source locale '{0}' (the locales found: {1})")]
    UnknownSource(String, String),
    /// A locale tag given by the user is not a locale tag.
    #[error("'{0}' is not a locale tag (expected e.g. en, de-DE, pt_BR)")]
    BadLocale(String),
    /// `status` needs a source locale and nothing names one.
    #[error("no source locale: name it with --source (e.g. --source en) or `source = \"en\"` in synoptic.toml")]
    NoSourceLocale,
    /// The user cancelled the load.
    #[error("loading was cancelled")]
    Cancelled,
    /// The bundled sample could not be written out.
    #[error("{}: cannot write the bundled sample: {source}", path.display())]
    Sample {
        /// Where it was being written.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A notes sidecar file cannot be read; it is left untouched.
    #[error("{}: cannot read the notes: {reason}", path.display())]
    Sidecar {
        /// The sidecar file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// A notes sidecar was written by a newer Synoptic; it is left untouched.
    #[error("{}: cannot read the notes: written by a newer Synoptic (schema {schema}; this one reads up to {supported})", path.display())]
    SidecarNewer {
        /// The sidecar file.
        path: PathBuf,
        /// The schema the file says it has.
        schema: u32,
        /// The newest schema this Synoptic reads.
        supported: u32,
    },
    /// Notes could not be saved; they are kept in memory and the old sidecar is intact.
    #[error("{}: cannot save the notes: {source} (the previous file is intact; unsaved notes are kept)", path.display())]
    SidecarWrite {
        /// The file being written.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// An export could not be written.
    #[error("{}: cannot write the export: {reason}", path.display())]
    Export {
        /// The export file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// A folder was expected.
    #[error("{}: is a file; give the reviewed folder", .0.display())]
    NotAFolder(PathBuf),
    /// The notes sidecar cannot be read, so an export would leave its notes out (or a mark cannot be
    /// written into it).
    #[error("{reason}. Nothing was {done}: {}", if *newer { "use the newer Synoptic that wrote the file" } else { "fix the file (a merge conflict?) and try again" })]
    NotesUnreadable {
        /// Why the sidecar cannot be read.
        reason: String,
        /// It was written by a newer Synoptic (rather than broken).
        newer: bool,
        /// What was not done: "exported", "written".
        done: &'static str,
    },
    /// The opened folder itself cannot be read.
    #[error("{}: cannot read the folder: {reason}", path.display())]
    FolderUnreadable {
        /// The folder.
        path: PathBuf,
        /// What the system said.
        reason: String,
    },
    /// A finding fingerprint given by the user is not one.
    #[error("'{0}' is not a finding fingerprint (16 hexadecimal digits, as `check --format json` and SARIF show them)")]
    BadFingerprint(String),
    /// The export format is neither given nor told by the file's extension.
    #[error("{}: say which format with --format csv|xlsx|html|json, or end the file name with one", .0.display())]
    UnknownExportFormat(PathBuf),
    /// A workbook was asked for without a file to write it to.
    #[error("--format xlsx writes a workbook: name the file with -o FILE")]
    NeedsOutputFile,
    /// Writing the report failed.
    #[error("writing the report: {0}")]
    Output(#[source] std::io::Error),
}

/// Shorthand for results of this crate.
pub type Result<T> = std::result::Result<T, Error>;
