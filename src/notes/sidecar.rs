//! The sidecar file: the notes of a folder, saved in the folder as `synoptic-notes.toml` so that they
//! travel with the documents and merge in git line by line.
//!
//! The file is TOML with a schema version and one `[[note]]` table per note, ordered by note id
//! (creation time), each field on its own line in a fixed order: two reviewers' additions land in
//! different places and merge cleanly. Saving is atomic (a temporary file in the same folder, flushed,
//! then renamed), serialized between processes by a lock file, and merges what another writer saved
//! since ([`NoteBook::merge_saved`]), so two windows on one folder lose nothing.
//!
//! A sidecar that cannot be read, or was written by a newer Synoptic, is never overwritten: it is left
//! as it is and new notes go to `synoptic-notes.recovered.toml` beside it. When the folder cannot be
//! written, notes are saved in Synoptic's data directory instead, and [`Sidecar::location`] says where.

use super::{Note, NoteBook};
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The sidecar's file name in the opened folder.
pub const FILE_NAME: &str = "synoptic-notes.toml";
/// Where new notes go when the sidecar cannot be read.
pub const RECOVERED_NAME: &str = "synoptic-notes.recovered.toml";
/// The schema version this Synoptic writes and the newest it reads.
pub const SCHEMA: u32 = 1;
/// How long a save waits for another writer's lock before giving up.
const LOCK_WAIT: Duration = Duration::from_secs(3);
/// A lock file older than this was left by a writer that died; it is broken.
const STALE_LOCK: Duration = Duration::from_secs(15);

/// Synoptic's data directory (where notes go when a folder cannot be written), if the system has one.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "Synoptic").map(|d| d.data_dir().to_path_buf())
}

/// How bytes reach the disk; tests put a failing writer here to play disk-full and read-only folders.
pub type WriteFn = fn(&Path, &[u8]) -> io::Result<()>;

/// Where the notes are saved, and why there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// In the folder, as `synoptic-notes.toml`.
    Folder,
    /// Beside a sidecar that could not be read (left untouched).
    Beside {
        /// The unreadable sidecar.
        unreadable: PathBuf,
        /// Why it could not be read.
        reason: String,
    },
    /// In Synoptic's data directory, because the folder cannot be written.
    DataDir {
        /// What the folder said when written to.
        reason: String,
    },
}

/// The file as stored.
#[derive(Debug, Serialize, Deserialize)]
struct Body {
    schema: u32,
    /// Set in data-directory copies: the folder whose notes these are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    folder: Option<String>,
    #[serde(default, rename = "note")]
    notes: Vec<Note>,
}

/// Only the version, read first, so a newer file is recognised even when the rest would not parse.
#[derive(Debug, Deserialize)]
struct Version {
    schema: Option<u32>,
}

/// The sidecar of one folder.
#[derive(Debug, Clone)]
pub struct Sidecar {
    folder: PathBuf,
    path: PathBuf,
    location: Location,
    data_dir: Option<PathBuf>,
    write: WriteFn,
    /// A data-directory copy whose notes were merged in: removed once they are saved in the folder.
    merged_copy: Option<PathBuf>,
}

/// What opening a sidecar found.
#[derive(Debug)]
pub struct Opened {
    /// Where notes will be saved.
    pub sidecar: Sidecar,
    /// The notes read.
    pub book: NoteBook,
    /// Things the reviewer must be told (an unreadable sidecar left untouched, a data-directory copy).
    pub warnings: Vec<String>,
    /// Notes were merged in from elsewhere (the data directory) and are not in the sidecar yet.
    pub unsaved: bool,
}

impl Sidecar {
    /// Open the sidecar of `folder`. `data_dir` is Synoptic's data directory, used when the folder cannot
    /// be written. Never fails: what cannot be read is reported in [`Opened::warnings`] and left alone.
    pub fn open(folder: &Path, data_dir: Option<&Path>) -> Opened {
        let primary = folder.join(FILE_NAME);
        let mut warnings = Vec::new();
        let mut in_folder = Vec::new();
        let (path, location) = match read(&primary) {
            Ok(found) => {
                in_folder.extend(found.unwrap_or_default());
                (primary, Location::Folder)
            }
            Err(e) => {
                let reason = e.to_string();
                let (path, recovered) = recovered_path(folder);
                in_folder.extend(recovered);
                warnings.push(format!(
                    "{reason}. It is left untouched; new notes are saved in {}.",
                    path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned())
                ));
                (path, Location::Beside { unreadable: folder.join(FILE_NAME), reason })
            }
        };
        let data_copy = data_dir.map(|d| data_copy_path(d, folder));
        let mut sidecar = Sidecar {
            folder: folder.to_path_buf(),
            path,
            location,
            data_dir: data_dir.map(Path::to_path_buf),
            write: crate::util::fs::write_atomic,
            merged_copy: None,
        };
        let mut in_copy = Vec::new();
        if let Some(copy) = data_copy.filter(|c| c.is_file()) {
            match read(&copy) {
                Ok(found) => {
                    let found = found.unwrap_or_default();
                    if !found.is_empty() {
                        warnings.push(format!(
                            "{} notes were saved in {} while this folder could not be written; they are merged back.",
                            found.len(),
                            copy.display()
                        ));
                    }
                    in_copy.extend(found);
                    // Until the folder takes a save again, keep using the copy.
                    if matches!(sidecar.location, Location::Folder) && !writable(folder) {
                        sidecar.location = Location::DataDir { reason: "the folder is read-only".into() };
                        sidecar.path = copy;
                    } else {
                        sidecar.merged_copy = Some(copy);
                    }
                }
                Err(e) => warnings.push(e.to_string()),
            }
        }
        // The merge base is the file saves go to; notes from the other place are unsaved additions.
        let (saved, extra) = if matches!(sidecar.location, Location::DataDir { .. }) {
            (in_copy, in_folder)
        } else {
            (in_folder, in_copy)
        };
        let mut book = NoteBook::from_saved(saved);
        let mut unsaved = false;
        for note in dedup_newest(extra) {
            if book.get(&note.id).is_none_or(|n| n.updated < note.updated) {
                book.upsert(note);
                unsaved = true;
            }
        }
        Opened { sidecar, book, warnings, unsaved }
    }

    /// Replace how bytes are written (tests simulate faults with it).
    pub fn with_writer(mut self, write: WriteFn) -> Sidecar {
        self.write = write;
        self
    }

    /// The file notes are saved to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where notes are saved and why.
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// The notes in the file notes are saved to, as another writer may have left them.
    /// `Ok(None)` when the file is not there.
    pub fn read_saved(&self) -> Result<Option<Vec<Note>>> {
        read(&self.path)
    }

    /// Save the notebook: under the lock, merge what another writer saved since, write atomically, and
    /// make the merged notes the notebook's. On error the notebook and the file on disk are unchanged,
    /// so the save can be retried. A folder that refuses writes moves the notes to the data directory.
    pub fn save(&mut self, book: &mut NoteBook) -> Result<()> {
        match self.save_here(book) {
            Err(Error::SidecarWrite { source, .. }) if is_read_only(&source) && self.data_dir.is_some() => {
                let data_dir = self.data_dir.clone().unwrap_or_default();
                let copy = data_copy_path(&data_dir, &self.folder);
                if let Some(parent) = copy.parent() {
                    fs::create_dir_all(parent).map_err(|source| Error::SidecarWrite { path: copy.clone(), source })?;
                }
                self.location = Location::DataDir { reason: source.to_string() };
                self.path = copy;
                // The copy never held these notes: none of them was deleted there.
                book.forget_base();
                self.save_here(book)
            }
            other => other,
        }
    }

    fn save_here(&mut self, book: &mut NoteBook) -> Result<()> {
        let _lock = Lock::acquire(&self.path)?;
        let on_disk = match read(&self.path) {
            Ok(Some(found)) => found,
            // The file is gone (deleted, a `git stash`, another branch): keep every note and write it anew.
            Ok(None) => {
                book.forget_base();
                Vec::new()
            }
            // Someone broke the file since it was opened: leave it and save beside it.
            Err(e) if matches!(self.location, Location::Folder) => {
                let (path, _) = recovered_path(&self.folder);
                self.location = Location::Beside { unreadable: self.path.clone(), reason: e.to_string() };
                self.path = path;
                book.forget_base();
                drop(_lock);
                return self.save_here(book);
            }
            Err(e) => return Err(e),
        };
        let mut merged = book.clone();
        merged.merge_saved(on_disk);
        self.write_book(book, merged)
    }

    fn write_book(&mut self, book: &mut NoteBook, merged: NoteBook) -> Result<()> {
        let folder = matches!(self.location, Location::DataDir { .. }).then(|| self.folder.display().to_string());
        let text =
            render(&merged.to_vec(), folder).map_err(|reason| Error::Sidecar { path: self.path.clone(), reason })?;
        (self.write)(&self.path, text.as_bytes())
            .map_err(|source| Error::SidecarWrite { path: self.path.clone(), source })?;
        *book = merged;
        book.mark_saved();
        if matches!(self.location, Location::Folder)
            && let Some(copy) = self.merged_copy.take()
        {
            let _ = fs::remove_file(copy);
        }
        Ok(())
    }
}

/// The sidecar text for these notes: schema, then the notes by id.
pub fn render(notes: &[Note], folder: Option<String>) -> std::result::Result<String, String> {
    let mut notes = notes.to_vec();
    notes.sort_by(|a, b| a.id.cmp(&b.id));
    let body = Body { schema: SCHEMA, folder, notes };
    let text = toml::to_string(&body).map_err(|e| e.to_string())?;
    Ok(format!("# Synoptic review notes: one [[note]] per note, oldest first. Keep it beside the documents.\n{text}"))
}

/// Parse sidecar text. `path` is for messages.
pub fn parse(text: &str, path: &Path) -> Result<Vec<Note>> {
    let bad = |reason: String| Error::Sidecar { path: path.to_path_buf(), reason };
    let version: Version = toml::from_str(text).map_err(|e| bad(describe(&e, text)))?;
    match version.schema {
        None => return Err(bad("no `schema` version: this is not a Synoptic notes file".into())),
        Some(v) if v > SCHEMA => {
            return Err(bad(format!("written by a newer Synoptic (schema {v}; this one reads up to {SCHEMA})")));
        }
        Some(_) => {}
    }
    let body: Body = toml::from_str(text).map_err(|e| bad(describe(&e, text)))?;
    Ok(body.notes)
}

/// Read a sidecar: `Ok(None)` when there is none.
fn read(path: &Path) -> Result<Option<Vec<Note>>> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(Error::Io { path: path.to_path_buf(), source }),
    };
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::Sidecar { path: path.to_path_buf(), reason: "not UTF-8 text".into() })?;
    parse(&text, path).map(Some)
}

/// A parse error in one line of text: where, and what (TOML's messages can span lines).
fn describe(e: &toml::de::Error, text: &str) -> String {
    let message = e.message().split_whitespace().collect::<Vec<_>>().join(" ");
    match e.span() {
        Some(span) => {
            let line = text.get(..span.start.min(text.len())).map_or(1, |t| t.lines().count().max(1));
            format!("line {line}: {message}")
        }
        None => message,
    }
}

/// The recovered-notes file beside an unreadable sidecar, and the notes already in it. When that file is
/// unreadable too, the next free `synoptic-notes.recovered-N.toml`.
fn recovered_path(folder: &Path) -> (PathBuf, Vec<Note>) {
    for n in 1..100 {
        let name = if n == 1 { RECOVERED_NAME.to_owned() } else { format!("synoptic-notes.recovered-{n}.toml") };
        let path = folder.join(name);
        if let Ok(found) = read(&path) {
            return (path, found.unwrap_or_default());
        }
    }
    (folder.join(format!("synoptic-notes.recovered-{}.toml", std::process::id())), Vec::new())
}

/// Where a folder's notes go in the data directory: a name from the folder's name and a hash of its path.
pub fn data_copy_path(data_dir: &Path, folder: &Path) -> PathBuf {
    let absolute = fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    let hash = crate::util::hash::fingerprint(&[&absolute.to_string_lossy()]);
    let name: String = folder
        .file_name()
        .map_or_else(|| "folder".into(), |n| n.to_string_lossy().into_owned())
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .take(40)
        .collect();
    data_dir.join("notes").join(format!("{name}-{}", &hash[..12])).join(FILE_NAME)
}

/// Keep the newest copy of each id (the same note can come from the folder and the data directory).
fn dedup_newest(notes: Vec<Note>) -> Vec<Note> {
    let mut by_id: std::collections::BTreeMap<String, Note> = std::collections::BTreeMap::new();
    for n in notes {
        match by_id.get(&n.id) {
            Some(old) if old.updated >= n.updated => {}
            _ => {
                by_id.insert(n.id.clone(), n);
            }
        }
    }
    by_id.into_values().collect()
}

fn is_read_only(e: &io::Error) -> bool {
    matches!(e.kind(), io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem)
}

fn writable(folder: &Path) -> bool {
    let probe = folder.join(format!(".synoptic-probe-{}", std::process::id()));
    let ok = File::create(&probe).is_ok();
    let _ = fs::remove_file(&probe);
    ok
}

/// A lock file beside the sidecar, held while reading, merging and writing.
struct Lock(PathBuf);

impl Lock {
    fn acquire(sidecar: &Path) -> Result<Lock> {
        let mut name = sidecar.file_name().map_or_else(Default::default, |n| n.to_os_string());
        name.push(".lock");
        let path = sidecar.with_file_name(name);
        let start = Instant::now();
        loop {
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut f) => {
                    let _ = writeln!(f, "{}", std::process::id());
                    return Ok(Lock(path));
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    let age = fs::metadata(&path).and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
                    if age.is_some_and(|a| a > STALE_LOCK) || holder_is_gone(&path) {
                        let _ = fs::remove_file(&path);
                        continue;
                    }
                    if start.elapsed() > LOCK_WAIT {
                        let source = io::Error::new(io::ErrorKind::WouldBlock, "another Synoptic is saving notes");
                        return Err(Error::SidecarWrite { path, source });
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(source) => return Err(Error::SidecarWrite { path, source }),
            }
        }
    }
}

/// The lock's writer (its process id is in the file) is no longer running on this machine. Only known
/// where `/proc` lists processes; elsewhere the lock is broken by age alone.
fn holder_is_gone(lock: &Path) -> bool {
    let Some(pid) = fs::read_to_string(lock).ok().and_then(|t| t.trim().parse::<u32>().ok()) else { return false };
    let proc = Path::new("/proc");
    proc.join("self").exists() && pid != std::process::id() && !proc.join(pid.to_string()).exists()
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::{Anchor, Category, NoteSeverity, NoteStatus};

    fn sample_note() -> Note {
        Note {
            id: "019ab0f31d58-0000beef".into(),
            anchor: Anchor {
                document: "guide".into(),
                locale: "de".into(),
                file: "de/guide.md".into(),
                section: "install".into(),
                block: 2,
                fingerprint: "00112233aabbccdd".into(),
                quote: "Führen Sie \"pip\" aus".into(),
            },
            text: "Two lines:\nsecond".into(),
            category: Category::Mistranslation,
            severity: NoteSeverity::Major,
            status: NoteStatus::WontFix,
            author: "Ana".into(),
            created: "2026-11-23T11:50:00.000Z".into(),
            updated: "2026-11-23T11:51:00.000Z".into(),
            finding: Some("abc".into()),
        }
    }

    #[test]
    fn the_file_format_is_stable() {
        let text = render(&[sample_note()], None).expect("render");
        let expected = r#"# Synoptic review notes: one [[note]] per note, oldest first. Keep it beside the documents.
schema = 1

[[note]]
id = "019ab0f31d58-0000beef"
document = "guide"
locale = "de"
file = "de/guide.md"
section = "install"
block = 2
fingerprint = "00112233aabbccdd"
quote = 'Führen Sie "pip" aus'
text = """
Two lines:
second"""
category = "mistranslation"
severity = "major"
status = "wont-fix"
author = "Ana"
created = "2026-11-23T11:50:00.000Z"
updated = "2026-11-23T11:51:00.000Z"
finding = "abc"
"#;
        assert_eq!(text, expected);
        assert_eq!(parse(&text, Path::new("s")).expect("parse"), vec![sample_note()]);
    }
}
