//! Reading a file the user did not write for us: every file Synoptic reads goes through
//! [`read_guarded`], which
//!
//! - opens without blocking (`O_NONBLOCK` on Unix, so a named pipe or a device named like a document or
//!   a notes file cannot hang the open) and refuses anything but a regular file, checked on the opened
//!   handle (no gap between the check and the read);
//! - refuses a file above the size limit of its kind before reading a byte, and again while reading (the
//!   file may grow);
//! - for side files found in or named relative to the opened folder (notes, glossary, configuration),
//!   refuses a symbolic link that leads out of the folder.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

const MIB: u64 = 1 << 20;

/// What a file is to Synoptic: sets its size limit and how messages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A Markdown document (20 MB, as `corpus::MAX_FILE_BYTES`).
    Document,
    /// The notes sidecar or a recovered-notes file (10 MB: some 20,000 notes; parsed, one takes under
    /// 300 MB and 2 s).
    Notes,
    /// A glossary CSV file (20 MB: hundreds of thousands of terms).
    Glossary,
    /// `synoptic.toml` (1 MB: a configuration is a few lines).
    Config,
    /// A document's text at an older revision, from git (20 MB, as documents).
    HistoryBlob,
}

impl FileKind {
    /// The largest file of this kind that is read, in bytes.
    pub const fn max_bytes(self) -> u64 {
        match self {
            FileKind::Document | FileKind::Glossary | FileKind::HistoryBlob => 20 * MIB,
            FileKind::Notes => 10 * MIB,
            FileKind::Config => MIB,
        }
    }

    /// The file's kind in a message ("larger than the limit of 1 MB for a configuration file").
    pub const fn noun(self) -> &'static str {
        match self {
            FileKind::Document => "a document",
            FileKind::Notes => "a notes file",
            FileKind::Glossary => "a glossary",
            FileKind::Config => "a configuration file",
            FileKind::HistoryBlob => "an old revision",
        }
    }
}

/// How a read is bounded.
#[derive(Debug, Clone, Copy)]
pub struct Limits<'a> {
    /// What the file is (for messages).
    pub kind: FileKind,
    /// The largest size read, in bytes.
    pub max_bytes: u64,
    /// The opened folder, for side files: a path inside it must not be a link that leads out of it.
    pub inside: Option<&'a Path>,
}

impl FileKind {
    /// The limits of this kind, for a path named by the user (no folder to stay inside).
    pub const fn limits(self) -> Limits<'static> {
        Limits { kind: self, max_bytes: self.max_bytes(), inside: None }
    }
}

impl<'a> Limits<'a> {
    /// The same limits, for a file found in (or named relative to) `folder`.
    pub fn inside<'b>(self, folder: &'b Path) -> Limits<'b> {
        Limits { kind: self.kind, max_bytes: self.max_bytes, inside: Some(folder) }
    }

    /// The same limits with another size cap.
    pub fn with_max_bytes(self, max_bytes: u64) -> Limits<'a> {
        Limits { max_bytes, ..self }
    }
}

/// Why a file was not read. The message does not name the file: the caller does.
#[derive(Debug)]
pub enum ReadError {
    /// There is no such file (or a link points nowhere).
    NotFound,
    /// Not a regular file: a folder, a named pipe, a device or a socket.
    NotAFile(&'static str),
    /// Larger than the limit.
    TooLarge {
        /// The size seen (at least), in bytes.
        size: u64,
        /// The limit, in bytes.
        limit: u64,
        /// What the file is.
        kind: FileKind,
    },
    /// A symbolic link inside the folder that leads out of it.
    LeavesFolder(PathBuf),
    /// What the operating system said.
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "no such file"),
            ReadError::NotAFile(what) => write!(f, "{what}, not a regular file"),
            ReadError::TooLarge { size, limit, kind } => write!(
                f,
                "{} MB is larger than the limit of {} MB for {}",
                size.div_ceil(MIB),
                limit / MIB,
                kind.noun()
            ),
            ReadError::LeavesFolder(target) => {
                write!(f, "a symbolic link to {}, outside the folder; not followed", target.display())
            }
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// Read a whole file within `limits` (see the module documentation).
pub fn read_guarded(path: &Path, limits: &Limits<'_>) -> Result<Vec<u8>, ReadError> {
    if let Some(folder) = limits.inside {
        refuse_links_out_of(path, folder)?;
    }
    let file = open_nonblocking(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e),
    })?;
    let metadata = file.metadata().map_err(ReadError::Io)?;
    if !metadata.is_file() {
        return Err(ReadError::NotAFile(describe(&metadata.file_type())));
    }
    let too_large = |size: u64| ReadError::TooLarge { size, limit: limits.max_bytes, kind: limits.kind };
    if metadata.len() > limits.max_bytes {
        return Err(too_large(metadata.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(limits.max_bytes + 1).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > limits.max_bytes {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Open for reading without waiting for a writer (a named pipe) or a device to be ready.
fn open_nonblocking(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

/// What a file that is not a regular file is, in words.
pub fn describe(kind: &std::fs::FileType) -> &'static str {
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// A path inside `folder` (by its name) must stay inside it once links are resolved. A path named outside
/// the folder on purpose (`glossary = "../terms.csv"`) is the user's choice and not checked here.
fn refuse_links_out_of(path: &Path, folder: &Path) -> Result<(), ReadError> {
    let Ok(rest) = path.strip_prefix(folder) else { return Ok(()) };
    if rest.components().any(|c| !matches!(c, Component::Normal(_) | Component::CurDir)) {
        return Ok(());
    }
    let target = match std::fs::canonicalize(path) {
        Ok(t) => t,
        // A dangling link or no file at all: the open reports it.
        Err(_) => return Ok(()),
    };
    let folder = if folder.as_os_str().is_empty() { Path::new(".") } else { folder };
    let root = std::fs::canonicalize(folder).map_err(ReadError::Io)?;
    if target.starts_with(&root) { Ok(()) } else { Err(ReadError::LeavesFolder(target)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file_within_its_limit() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("a.toml");
        std::fs::write(&path, "source = \"en\"\n").expect("write");
        assert_eq!(read_guarded(&path, &FileKind::Config.limits()).expect("read"), b"source = \"en\"\n");
        let small = FileKind::Config.limits().with_max_bytes(4);
        assert!(matches!(read_guarded(&path, &small), Err(ReadError::TooLarge { size: 14, limit: 4, .. })));
        assert!(matches!(read_guarded(&tmp.path().join("none"), &small), Err(ReadError::NotFound)));
        // A sparse 2 GB file is refused by its size, before a byte is read.
        let big = tmp.path().join("big.toml");
        std::fs::File::create(&big).and_then(|f| f.set_len(2 << 30)).expect("sparse file");
        let e = read_guarded(&big, &FileKind::Config.limits()).expect_err("too large");
        assert_eq!(e.to_string(), "2048 MB is larger than the limit of 1 MB for a configuration file");
    }

    #[cfg(unix)]
    #[test]
    fn refuses_pipes_devices_folders_and_links_out_of_the_folder() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let fifo = tmp.path().join("pipe.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
        assert!(made.success());
        let limits = FileKind::Notes.limits();
        assert_eq!(
            read_guarded(&fifo, &limits).expect_err("fifo").to_string(),
            "a named pipe (FIFO), not a regular file"
        );
        let zero = tmp.path().join("zero.toml");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
        assert_eq!(read_guarded(&zero, &limits).expect_err("device").to_string(), "a device, not a regular file");
        let e = read_guarded(&zero, &limits.inside(tmp.path())).expect_err("outside");
        assert_eq!(e.to_string(), "a symbolic link to /dev/zero, outside the folder; not followed");
        assert_eq!(read_guarded(tmp.path(), &limits).expect_err("folder").to_string(), "a folder, not a regular file");
        // A link that stays inside the folder is followed.
        std::fs::write(tmp.path().join("real.toml"), "x").expect("write");
        std::os::unix::fs::symlink("real.toml", tmp.path().join("link.toml")).expect("symlink");
        assert_eq!(read_guarded(&tmp.path().join("link.toml"), &limits.inside(tmp.path())).expect("inside"), b"x");
    }
}
