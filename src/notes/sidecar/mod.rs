//! The sidecar file: the notes and review decisions of a folder, saved in the folder as
//! `synoptic-notes.toml` so that they travel with the documents and merge in git line by line
//! ([`format`]).
//!
//! Saving is atomic (a temporary file in the same folder, flushed, then renamed), serialized between
//! processes by the operating system's lock on `synoptic-notes.toml.lock` (released by the kernel when a
//! writer dies, so never broken by hand), and merges what another writer saved since
//! ([`NoteBook::merge_saved`]), so two windows on one folder lose nothing. Under the lock, temporary files
//! a killed save left behind are removed.
//!
//! A sidecar that cannot be read, or was written by a newer Synoptic, is never overwritten: it is left
//! as it is and new notes go to `synoptic-notes.recovered.toml` beside it. As soon as the sidecar can be
//! read again, the recovered notes are merged back and the recovered file removed once they are saved.
//! When the folder cannot be written, notes are saved in Synoptic's data directory instead, and
//! [`Sidecar::location`] says where. Every file is read through the guarded reader: a named pipe, a device,
//! a link out of the folder or a file above 10 MB is refused with its reason.

pub mod format;
mod places;

pub use format::{SCHEMA, parse, render};
pub use places::data_copy_path;

use super::{NoteBook, Saved};
use crate::error::{Error, Result};
use crate::util::lock::{FileLock, LockStep};
use places::{is_read_only, lock_path, name_of, read, recovered_files, recovered_path, writable};
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// The sidecar's file name in the opened folder.
pub const FILE_NAME: &str = "synoptic-notes.toml";
/// Where new notes go when the sidecar cannot be read.
pub const RECOVERED_NAME: &str = "synoptic-notes.recovered.toml";
/// How long a save waits for another writer's lock before giving up.
const LOCK_WAIT: Duration = Duration::from_secs(3);

/// Synoptic's data directory (where notes go when a folder cannot be written), if the system has one.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "Synoptic").map(|d| d.data_dir().to_path_buf())
}

/// How bytes reach the disk; tests put a failing writer here to play disk-full and read-only folders.
pub type WriteFn = fn(&Path, &[u8]) -> io::Result<()>;

/// The steps of a save, for tests and benchmarks that force writers into a chosen order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStep {
    /// The lock file is open, not locked yet.
    LockOpened,
    /// The lock file is locked; whether it is still the sidecar's lock file is not checked yet (the
    /// previous holder may have removed it meanwhile: then it is opened anew).
    LockTaken,
    /// The lock is held.
    Locked,
    /// What another writer saved was read and merged; nothing written yet.
    Merged,
    /// The file was written; the lock is still held.
    Written,
}

/// Called at each [`SaveStep`].
#[derive(Clone)]
pub struct SaveHook(pub Arc<dyn Fn(SaveStep) + Send + Sync>);

impl fmt::Debug for SaveHook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SaveHook")
    }
}

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
        /// It was written by a newer Synoptic (rather than broken).
        newer: bool,
    },
    /// In Synoptic's data directory, because the folder cannot be written.
    DataDir {
        /// What the folder said when written to.
        reason: String,
    },
}

/// The sidecar of one folder.
#[derive(Debug, Clone)]
pub struct Sidecar {
    folder: PathBuf,
    path: PathBuf,
    location: Location,
    data_dir: Option<PathBuf>,
    write: WriteFn,
    /// Recovered-notes files and a data-directory copy whose notes were merged in: each is read again
    /// and removed, under its lock, once its notes are saved in the folder.
    merge_back: Vec<PathBuf>,
    hook: Option<SaveHook>,
}

/// What opening a sidecar found.
#[derive(Debug)]
pub struct Opened {
    /// Where notes will be saved.
    pub sidecar: Sidecar,
    /// The notes read.
    pub book: NoteBook,
    /// Things the reviewer must be told (an unreadable sidecar left untouched, a data-directory copy,
    /// recovered notes merged back).
    pub warnings: Vec<String>,
    /// Notes were merged in from elsewhere (the data directory, recovered files) and are not in the
    /// sidecar yet.
    pub unsaved: bool,
    /// Notes merged back from recovered-notes files.
    pub recovered: usize,
}

/// What reading the sidecar again found ([`Sidecar::reload`]).
#[derive(Debug, Default)]
pub struct Reloaded {
    /// The sidecar's content; `None` when the file is gone.
    pub disk: Option<Saved>,
    /// Saves moved back from a recovered file to the sidecar, which is readable again: what was read
    /// before is no merge base for it.
    pub switched: bool,
    /// Records of recovered-notes files to merge in as changes made here.
    pub recovered: Saved,
    /// What the reviewer must be told.
    pub warnings: Vec<String>,
}

impl Sidecar {
    /// Open the sidecar of `folder`. `data_dir` is Synoptic's data directory, used when the folder cannot
    /// be written. Never fails: what cannot be read is reported in [`Opened::warnings`] and left alone.
    pub fn open(folder: &Path, data_dir: Option<&Path>) -> Opened {
        let primary = folder.join(FILE_NAME);
        let mut warnings = Vec::new();
        let mut sidecar = Sidecar::unread(folder, data_dir);
        let mut recovered = Saved::default();
        let in_folder = match read(&primary, folder) {
            Ok(found) => {
                recovered = sidecar.gather_recovered(&mut warnings);
                found.unwrap_or_default()
            }
            Err(e) => {
                let (path, found) = recovered_path(folder);
                warnings.push(format!("{e}. It is left untouched; new notes are saved in {}.", name_of(&path)));
                sidecar.location = beside(&primary, &e);
                sidecar.path = path;
                found
            }
        };
        let in_copy = sidecar.open_data_copy(&mut warnings);
        // The merge base is the file saves go to; notes from the other places are unsaved additions.
        let (saved, extra) = if matches!(sidecar.location, Location::DataDir { .. }) {
            (in_copy, in_folder)
        } else {
            (in_folder, in_copy)
        };
        let mut book = NoteBook::from_saved(saved);
        let unsaved_copy = book.absorb(extra) != (0, 0);
        let (notes_back, marks_back) = book.absorb(recovered);
        if notes_back + marks_back > 0 {
            let names: Vec<String> =
                sidecar.merge_back.iter().filter(|p| p.starts_with(folder)).map(|p| name_of(p)).collect();
            warnings.push(format!(
                "{notes_back} notes (and {marks_back} marks) saved in {} while {FILE_NAME} could not be read \
                 are merged back in.",
                names.join(", ")
            ));
        }
        // Recovered files are removed by the next save, even when all they hold is in the sidecar already.
        let unsaved = unsaved_copy || notes_back + marks_back > 0 || !sidecar.merge_back.is_empty();
        Opened { sidecar, book, warnings, unsaved, recovered: notes_back }
    }

    /// The sidecar of `folder` before anything is read: saves would go to the folder.
    pub fn unread(folder: &Path, data_dir: Option<&Path>) -> Sidecar {
        Sidecar {
            folder: folder.to_path_buf(),
            path: folder.join(FILE_NAME),
            location: Location::Folder,
            data_dir: data_dir.map(Path::to_path_buf),
            write: crate::util::fs::write_atomic,
            merge_back: Vec::new(),
            hook: None,
        }
    }

    /// The data-directory copy of this folder's notes, if there is one; saves keep going there while the
    /// folder is read-only.
    fn open_data_copy(&mut self, warnings: &mut Vec<String>) -> Saved {
        let Some(copy) = self.data_dir.as_ref().map(|d| data_copy_path(d, &self.folder)) else {
            return Saved::default();
        };
        let data_dir = self.data_dir.clone().unwrap_or_default();
        match read(&copy, &data_dir) {
            Ok(None) => Saved::default(),
            Ok(Some(found)) => {
                if !found.notes.is_empty() {
                    warnings.push(format!(
                        "{} notes were saved in {} while this folder could not be written; they are merged back.",
                        found.notes.len(),
                        copy.display()
                    ));
                }
                if matches!(self.location, Location::Folder) && !writable(&self.folder) {
                    self.location = Location::DataDir { reason: "the folder is read-only".into() };
                    self.path = copy;
                } else {
                    self.merge_back.push(copy);
                }
                found
            }
            Err(e) => {
                warnings.push(e.to_string());
                Saved::default()
            }
        }
    }

    /// Read the recovered-notes files of the folder (the sidecar is readable): their records, to merge in;
    /// the files are removed once those are saved in the sidecar. An unreadable one is left and named.
    fn gather_recovered(&mut self, warnings: &mut Vec<String>) -> Saved {
        let mut all = Saved::default();
        for path in recovered_files(&self.folder) {
            if self.merge_back.contains(&path) {
                continue;
            }
            match read(&path, &self.folder) {
                Ok(Some(found)) => {
                    all.notes.extend(found.notes);
                    all.reviewed.extend(found.reviewed);
                    all.suppressed.extend(found.suppressed);
                    self.merge_back.push(path);
                }
                Ok(None) => {}
                Err(e) => warnings.push(format!("{e}. It is left as it is.")),
            }
        }
        all
    }

    /// Replace how bytes are written (tests simulate faults with it).
    pub fn with_writer(mut self, write: WriteFn) -> Sidecar {
        self.write = write;
        self
    }

    /// Call `hook` at each step of every save (tests force two writers into a chosen order with it).
    pub fn with_hook(mut self, hook: SaveHook) -> Sidecar {
        self.hook = Some(hook);
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

    /// Recovered-notes files (and a data-directory copy) whose records were merged in and will be
    /// removed at the next save in the folder.
    pub fn merging_back(&self) -> &[PathBuf] {
        &self.merge_back
    }

    /// What the file notes are saved to holds, as another writer may have left it. `Ok(None)` when the
    /// file is not there.
    pub fn read_saved(&self) -> Result<Option<Saved>> {
        read(&self.path, self.read_root())
    }

    /// The folder a notes file must stay inside: the data directory for its copy, else the folder.
    fn read_root(&self) -> &Path {
        match (&self.location, &self.data_dir) {
            (Location::DataDir { .. }, Some(d)) => d,
            _ => &self.folder,
        }
    }

    /// Read the sidecar again (it changed on disk). When saves went beside an unreadable sidecar that can
    /// be read again, they move back to it and the recovered notes are merged back; when they go to the
    /// sidecar, recovered files another window wrote since are merged in.
    pub fn reload(&mut self) -> Result<Reloaded> {
        let mut reloaded = Reloaded::default();
        if let Location::Beside { unreadable, .. } = &self.location {
            let primary = unreadable.clone();
            match read(&primary, &self.folder) {
                Ok(found) => {
                    self.location = Location::Folder;
                    self.path = primary;
                    reloaded.switched = true;
                    reloaded.disk = found;
                }
                // Still unreadable: keep saving beside it.
                Err(_) => {
                    reloaded.disk = self.read_saved()?;
                    return Ok(reloaded);
                }
            }
        } else {
            reloaded.disk = self.read_saved()?;
        }
        if matches!(self.location, Location::Folder) {
            reloaded.recovered = self.gather_recovered(&mut reloaded.warnings);
        }
        Ok(reloaded)
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

    fn step(&self, step: SaveStep) {
        if let Some(hook) = &self.hook {
            (hook.0)(step);
        }
    }

    /// Take the lock of the file saves go to (`observed`: report the steps to the hook) or of another.
    fn lock(&self, path: &Path, observed: bool) -> Result<FileLock> {
        let observe = |step: LockStep| match step {
            LockStep::Opened if observed => self.step(SaveStep::LockOpened),
            LockStep::Taken if observed => self.step(SaveStep::LockTaken),
            _ => {}
        };
        let lock = FileLock::acquire_observed(&lock_path(path), LOCK_WAIT, &observe)
            .map_err(|source| Error::SidecarWrite { path: lock_path(path), source })?;
        if observed {
            self.step(SaveStep::Locked);
        }
        Ok(lock)
    }

    fn save_here(&mut self, book: &mut NoteBook) -> Result<()> {
        let lock = self.lock(&self.path, true)?;
        crate::util::fs::remove_leftover_temps(&self.path);
        let on_disk = match self.read_saved() {
            Ok(Some(found)) => found,
            // The file is gone (deleted, a `git stash`, another branch): keep every note and write it anew.
            Ok(None) => {
                book.forget_base();
                Saved::default()
            }
            // Someone broke the file since it was opened: leave it and save beside it.
            Err(e) if matches!(self.location, Location::Folder) => {
                let (path, _) = recovered_path(&self.folder);
                self.location = beside(&self.path, &e);
                self.path = path;
                book.forget_base();
                drop(lock);
                return self.save_here(book);
            }
            Err(e) => return Err(e),
        };
        let mut merged = book.clone();
        merged.merge_saved(on_disk);
        // Recovered files are merged and removed under their own locks, so that a window still saving
        // there loses nothing: what it wrote is either merged here or written after the removal.
        let pending = if matches!(self.location, Location::Folder) { self.merge_back.clone() } else { Vec::new() };
        let (mut recovered_locks, mut merging) = (Vec::new(), Vec::new());
        for path in pending {
            recovered_locks.push(self.lock(&path, false)?);
            let root = path.parent().unwrap_or(&self.folder);
            // Only a file read now (or gone) is removed after the save: what could not be read stays.
            match read(&path, root) {
                Ok(found) => {
                    merged.absorb(found.unwrap_or_default());
                    merging.push(path);
                }
                Err(_) => continue,
            }
        }
        self.step(SaveStep::Merged);
        self.write_book(book, merged)?;
        for path in &merging {
            let _ = fs::remove_file(path);
        }
        self.merge_back.retain(|p| !merging.contains(p));
        self.step(SaveStep::Written);
        drop(recovered_locks);
        drop(lock);
        Ok(())
    }

    fn write_book(&mut self, book: &mut NoteBook, merged: NoteBook) -> Result<()> {
        let folder = matches!(self.location, Location::DataDir { .. }).then(|| self.folder.display().to_string());
        let text =
            render(&merged.to_saved(), folder).map_err(|reason| Error::Sidecar { path: self.path.clone(), reason })?;
        (self.write)(&self.path, text.as_bytes())
            .map_err(|source| Error::SidecarWrite { path: self.path.clone(), source })?;
        *book = merged;
        book.mark_saved();
        Ok(())
    }
}

/// The location beside the unreadable sidecar `path`.
fn beside(path: &Path, e: &Error) -> Location {
    Location::Beside {
        unreadable: path.to_path_buf(),
        reason: e.to_string(),
        newer: matches!(e, Error::SidecarNewer { .. }),
    }
}
