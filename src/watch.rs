//! Noticing changes on disk while a folder is open: the operating system's file notifications (`notify`:
//! inotify, FSEvents, ReadDirectoryChangesW), gathered until the folder has been quiet for a moment, then
//! sorted into "the documents changed" (reload and re-anchor the notes) and "the notes sidecar changed"
//! (another window or a `git pull` wrote it: merge it in). Synoptic's own temporary and lock files and
//! everything under `.git/` are ignored.

use crate::notes::sidecar;
use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// How long the folder must be quiet before changes are reported (an editor's save or a `git checkout`
/// is many events).
pub const QUIET: Duration = Duration::from_millis(300);
/// Changes are reported after this long even when events keep coming (a build writing beside the docs).
pub const MAX_WAIT: Duration = Duration::from_secs(3);

/// What changed, after a quiet moment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Files or folders that may hold documents (or the configuration, or the glossary), relative to the
    /// watched folder.
    pub documents: BTreeSet<PathBuf>,
    /// The notes sidecar was written.
    pub notes: bool,
}

/// A watch on one folder, recursively.
pub struct FolderWatcher {
    root: PathBuf,
    _watcher: RecommendedWatcher,
    events: Receiver<PathBuf>,
    pending: Changes,
    last_event: Option<Instant>,
    first_event: Option<Instant>,
}

impl FolderWatcher {
    /// Watch `root`; `wake` is called from the watcher's thread on every event (the window repaints).
    pub fn start(root: &Path, wake: impl Fn() + Send + 'static) -> Result<FolderWatcher, String> {
        let (tx, events) = channel();
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            if let Some(event) = event.ok().filter(|e| is_a_change(&e.kind)) {
                for path in event.paths {
                    let _ = tx.send(path);
                }
                wake();
            }
        })
        .map_err(|e| e.to_string())?;
        watcher.watch(root, RecursiveMode::Recursive).map_err(|e| e.to_string())?;
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        Ok(FolderWatcher {
            root,
            _watcher: watcher,
            events,
            pending: Changes::default(),
            last_event: None,
            first_event: None,
        })
    }

    /// The changes gathered so far, once the folder has been quiet for [`QUIET`]; `None` while events are
    /// still coming or when nothing changed.
    pub fn poll(&mut self, now: Instant) -> Option<Changes> {
        while let Ok(path) = self.events.try_recv() {
            if classify(&self.root, &path, &mut self.pending) {
                self.last_event = Some(now);
                self.first_event.get_or_insert(now);
            }
        }
        let quiet = self.last_event.is_some_and(|t| now.duration_since(t) >= QUIET);
        let overdue = self.first_event.is_some_and(|t| now.duration_since(t) >= MAX_WAIT);
        if !quiet && !overdue {
            return None;
        }
        self.last_event = None;
        self.first_event = None;
        let changes = std::mem::take(&mut self.pending);
        (changes != Changes::default()).then_some(changes)
    }

    /// True while events are waiting for the quiet moment.
    pub fn is_waiting(&self) -> bool {
        self.last_event.is_some()
    }
}

/// Whether an event changes content. Reads (opening, closing after reading, access times) are not
/// changes: reloading reads every file, and must not set off another reload.
fn is_a_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(m) => !matches!(m, ModifyKind::Metadata(_)),
        EventKind::Access(a) => matches!(a, AccessKind::Close(AccessMode::Write)),
        EventKind::Any | EventKind::Other => false,
    }
}

/// Sort one changed path; false when it does not matter (git's own files, scratch files, exports,
/// images, build output: anything that is not Markdown, configuration, a glossary or a folder).
fn classify(root: &Path, path: &Path, into: &mut Changes) -> bool {
    let rel = path.strip_prefix(root).unwrap_or(path);
    if rel.components().any(|c| c.as_os_str() == ".git") {
        return false;
    }
    let name = rel.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    if is_own_scratch_file(&name) {
        return false;
    }
    if name == sidecar::FILE_NAME || name.starts_with("synoptic-notes.recovered") {
        into.notes = true;
        return true;
    }
    let extension = rel.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    // No extension: a folder (created, removed, renamed), or a file we cannot tell from one.
    let relevant = matches!(extension.as_deref(), None | Some("md" | "markdown" | "txt" | "toml" | "csv"));
    if relevant {
        into.documents.insert(rel.to_path_buf());
    }
    relevant
}

/// The temporary, lock and probe files the sidecar writer makes and removes.
fn is_own_scratch_file(name: &str) -> bool {
    (name.starts_with('.') && name.ends_with(".tmp"))
        || name.ends_with(".toml.lock")
        || name.starts_with(".synoptic-probe-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_sorted_into_documents_notes_and_noise() {
        let root = Path::new("/r");
        let mut c = Changes::default();
        for p in [
            "/r/de/guide.md",
            "/r/.git/index",
            "/r/synoptic-notes.toml",
            "/r/.synoptic-notes.toml.123-4.tmp",
            "/r/synoptic-notes.toml.lock",
            "/r/.synoptic-probe-77",
            "/r/fr",
            "/r/review.xlsx",
            "/r/img/logo.png",
        ] {
            classify(root, Path::new(p), &mut c);
        }
        assert!(c.notes);
        assert_eq!(c.documents.into_iter().collect::<Vec<_>>(), [PathBuf::from("de/guide.md"), PathBuf::from("fr")]);
    }

    #[test]
    fn reading_files_is_not_a_change() {
        let tmp = tempfile::tempdir().expect("tempdir");
        std::fs::write(tmp.path().join("a.md"), "# A\n").expect("write");
        let mut watcher = FolderWatcher::start(tmp.path(), || {}).expect("watch");
        for _ in 0..3 {
            assert_eq!(std::fs::read_to_string(tmp.path().join("a.md")).expect("read"), "# A\n");
        }
        std::thread::sleep(QUIET * 2);
        assert_eq!(watcher.poll(Instant::now()), None);
        assert!(!watcher.is_waiting());
    }

    #[test]
    fn a_change_is_reported_after_a_quiet_moment() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let mut watcher = FolderWatcher::start(tmp.path(), || {}).expect("watch");
        std::fs::write(tmp.path().join("a.md"), "# A\n").expect("write");
        std::fs::write(tmp.path().join(sidecar::FILE_NAME), "schema = 1\n").expect("write");
        let start = Instant::now();
        let mut seen = Changes::default();
        let done = |s: &Changes| s.notes && !s.documents.is_empty();
        while start.elapsed() < Duration::from_secs(10) && !done(&seen) {
            std::thread::sleep(Duration::from_millis(50));
            if let Some(c) = watcher.poll(Instant::now()) {
                seen.documents.extend(c.documents);
                seen.notes |= c.notes;
            }
        }
        assert!(seen.notes);
        assert_eq!(seen.documents.into_iter().collect::<Vec<_>>(), [PathBuf::from("a.md")]);
    }
}
