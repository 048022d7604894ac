//! The window's own folder and file chooser, for where no system dialog works (or when the reviewer
//! prefers it): a path field with completion, recent folders and the directory list. This is its state;
//! `views::chooser` draws it. Directories are listed on a worker thread (a network mount may be slow) and
//! the frame only reads the last listing.

use super::picker::{ExportKind, Picked, Request};
use std::path::{MAIN_SEPARATOR, Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

/// At most this many entries of one directory are listed (the rest are counted).
const MAX_ENTRIES: usize = 5_000;

/// One entry of a listed directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The file or folder name.
    pub name: String,
    /// A folder (or a link to one).
    pub is_dir: bool,
}

/// A directory's entries: folders first, then files, each by name; hidden ones left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing {
    /// The directory listed.
    pub dir: PathBuf,
    /// Its entries.
    pub entries: Vec<Entry>,
    /// Entries left out beyond [`MAX_ENTRIES`].
    pub more: usize,
    /// Why it could not be read.
    pub error: Option<String>,
}

/// The chooser's state.
#[derive(Debug)]
pub struct Chooser {
    /// What is being chosen.
    pub request: Request,
    /// The path field (a folder ends with a separator).
    pub path: String,
    /// Files ticked in the list (when opening files).
    pub ticked: Vec<PathBuf>,
    /// Why this chooser is used rather than the system's dialog.
    pub why: String,
    /// The last listing of the path's directory.
    pub listing: Listing,
    /// A problem with what was typed (shown under the field).
    pub problem: Option<String>,
    pending: Option<(PathBuf, Receiver<Listing>)>,
}

impl Chooser {
    /// A chooser for `request`, starting in `start` (a folder).
    pub fn new(request: Request, start: &Path, why: String) -> Chooser {
        let path = match &request {
            Request::Save { folder, name, .. } => folder.join(name).display().to_string(),
            Request::Folder | Request::Files => with_separator(start),
        };
        Chooser { request, path, ticked: Vec::new(), why, listing: Listing::default(), problem: None, pending: None }
    }

    /// The directory the path field points into: the field itself when it ends with a separator, else
    /// its parent.
    pub fn directory(&self) -> PathBuf {
        let path = expand_home(&self.path);
        if self.path.ends_with(['/', MAIN_SEPARATOR]) || self.path.is_empty() {
            return path;
        }
        path.parent().map_or(path.clone(), Path::to_path_buf)
    }

    /// List the path's directory when it changed, and take a finished listing. Runs in `App::logic`;
    /// returns true when something new arrived.
    pub fn update(&mut self) -> bool {
        let dir = self.directory();
        let asked = self.pending.as_ref().is_some_and(|(d, _)| *d == dir);
        if !asked && self.listing.dir != dir {
            let (tx, rx) = channel();
            let target = dir.clone();
            std::thread::spawn(move || {
                let _ = tx.send(list(&target));
            });
            self.pending = Some((dir, rx));
        }
        let Some((_, rx)) = &self.pending else { return false };
        let Ok(listing) = rx.try_recv() else { return false };
        self.pending = None;
        self.listing = listing;
        true
    }

    /// True while a listing is under way.
    pub fn is_listing(&self) -> bool {
        self.pending.is_some()
    }

    /// The entries the list shows for this request: folders, and the files that can be chosen.
    pub fn shown(&self) -> impl Iterator<Item = &Entry> {
        let request = &self.request;
        self.listing.entries.iter().filter(move |e| e.is_dir || wanted_file(request, &e.name))
    }

    /// Completions of the path field's last part: folders end with a separator.
    pub fn completions(&self, word: &str) -> Vec<String> {
        if word.is_empty() {
            return Vec::new(); // the list below the field shows them all
        }
        let word = word.to_lowercase();
        self.shown()
            .filter(|e| e.name.to_lowercase().starts_with(&word) && e.name.len() > word.len())
            .map(|e| if e.is_dir { format!("{}{MAIN_SEPARATOR}", e.name) } else { e.name.clone() })
            .take(50)
            .collect()
    }

    /// Go into a folder.
    pub fn enter(&mut self, dir: &Path) {
        self.problem = None;
        self.path = match &self.request {
            Request::Save { name, .. } => dir.join(file_name_of(&self.path).unwrap_or(name)).display().to_string(),
            Request::Folder | Request::Files => with_separator(dir),
        };
    }

    /// Go to the parent folder.
    pub fn up(&mut self) {
        let dir = self.directory();
        if let Some(parent) = dir.parent() {
            self.enter(parent);
        }
    }

    /// Choose a file of the list: tick it (opening files) or take its name (saving).
    pub fn choose_file(&mut self, name: &str) {
        let path = self.directory().join(name);
        match self.request {
            Request::Files => match self.ticked.iter().position(|p| p == &path) {
                Some(i) => {
                    self.ticked.remove(i);
                }
                None => self.ticked.push(path),
            },
            Request::Save { .. } => self.path = path.display().to_string(),
            Request::Folder => {}
        }
    }

    /// The file named in the field already exists (saving replaces it).
    pub fn replaces_a_file(&self) -> bool {
        matches!(self.request, Request::Save { .. })
            && file_name_of(&self.path).is_some_and(|n| self.listing.entries.iter().any(|e| !e.is_dir && e.name == n))
            && self.listing.dir == self.directory()
    }

    /// What the chooser answers with, or why it cannot answer yet (then `problem` says it).
    pub fn accept(&mut self) -> Option<Picked> {
        let typed = expand_home(self.path.trim());
        let picked = match &self.request {
            Request::Folder if self.path.trim().is_empty() => None,
            Request::Folder => Some(Picked::Folder(typed)),
            Request::Files if !self.ticked.is_empty() => Some(Picked::Files(self.ticked.clone())),
            Request::Files => (file_name_of(&self.path).is_some()).then(|| Picked::Files(vec![typed])),
            Request::Save { kind, .. } => file_name_of(&self.path).map(|_| Picked::SaveTo(*kind, typed)),
        };
        self.problem = picked.is_none().then(|| {
            match self.request {
                Request::Folder => "Type or pick a folder.",
                Request::Files => "Tick one or more files, or type a file's path.",
                Request::Save { .. } => "Type a file name (its extension says the format).",
            }
            .to_owned()
        });
        picked
    }

    /// The title of the chooser's window.
    pub fn title(&self) -> &'static str {
        match &self.request {
            Request::Folder => "Open folder",
            Request::Files => "Open files",
            Request::Save { kind: ExportKind::Notes, .. } => "Export notes",
            Request::Save { kind: ExportKind::Findings, .. } => "Export findings",
        }
    }
}

/// List a directory (on a worker thread).
pub fn list(dir: &Path) -> Listing {
    let mut listing = Listing { dir: dir.to_path_buf(), ..Listing::default() };
    let read = match std::fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) => {
            listing.error = Some(format!("{}: {e}", dir.display()));
            return listing;
        }
    };
    for entry in read.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        if listing.entries.len() >= MAX_ENTRIES {
            listing.more += 1;
            continue;
        }
        // `metadata` follows links, so a link to a folder is a folder.
        let is_dir = std::fs::metadata(entry.path()).is_ok_and(|m| m.is_dir());
        listing.entries.push(Entry { name, is_dir });
    }
    listing.entries.sort_by_key(|e| (!e.is_dir, e.name.to_lowercase()));
    listing
}

fn wanted_file(request: &Request, name: &str) -> bool {
    let extension = Path::new(name).extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    match request {
        Request::Folder => false,
        Request::Files => extension.is_some_and(|e| matches!(e.as_str(), "md" | "markdown" | "txt")),
        Request::Save { kind, .. } => extension.is_some_and(|e| kind.formats().iter().any(|(_, x)| *x == e)),
    }
}

/// The last part of a typed path, when it names a file rather than a folder.
fn file_name_of(path: &str) -> Option<&str> {
    if path.ends_with(['/', MAIN_SEPARATOR]) {
        return None;
    }
    Path::new(path).file_name().and_then(|n| n.to_str()).filter(|n| !n.is_empty())
}

fn with_separator(dir: &Path) -> String {
    let text = dir.display().to_string();
    if text.ends_with(MAIN_SEPARATOR) { text } else { format!("{text}{MAIN_SEPARATOR}") }
}

/// `~` and `~/…` mean the home folder.
fn expand_home(path: &str) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    match path.strip_prefix('~') {
        Some(rest) if rest.is_empty() || rest.starts_with(['/', MAIN_SEPARATOR]) => {
            home().map_or_else(|| PathBuf::from(path), |h| h.join(rest.trim_start_matches(['/', MAIN_SEPARATOR])))
        }
        _ => PathBuf::from(path),
    }
}

/// The folder a chooser starts in: the open folder's parent, else the home folder, else the current one.
pub fn start_folder(open: Option<&Path>) -> PathBuf {
    open.and_then(Path::parent)
        .map(Path::to_path_buf)
        .or_else(|| directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf()))
        .unwrap_or_else(|| PathBuf::from("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait(c: &mut Chooser) {
        for _ in 0..200 {
            c.update();
            if !c.is_listing() && c.listing.dir == c.directory() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        panic!("the listing did not arrive");
    }

    fn folder() -> tempfile::TempDir {
        let tmp = tempfile::tempdir().expect("tempdir");
        for dir in ["docs", "Drafts", ".git"] {
            std::fs::create_dir(tmp.path().join(dir)).expect("mkdir");
        }
        for file in ["readme.md", "notes.txt", "image.png", "review.xlsx"] {
            std::fs::write(tmp.path().join(file), "x").expect("write");
        }
        tmp
    }

    #[test]
    fn lists_folders_first_and_hides_dot_entries() {
        let tmp = folder();
        let names: Vec<(String, bool)> = list(tmp.path()).entries.into_iter().map(|e| (e.name, e.is_dir)).collect();
        let expected = [("docs", true), ("Drafts", true), ("image.png", false), ("notes.txt", false)];
        assert_eq!(names[..4], expected.map(|(n, d)| (n.to_owned(), d)));
        assert_eq!(names.len(), 6);
    }

    #[test]
    fn completes_the_last_part_and_accepts_a_typed_folder() {
        let tmp = folder();
        let mut c = Chooser::new(Request::Folder, tmp.path(), String::new());
        wait(&mut c);
        assert_eq!(c.completions("d"), [format!("docs{MAIN_SEPARATOR}"), format!("Drafts{MAIN_SEPARATOR}")]);
        assert!(c.shown().all(|e| e.is_dir), "a folder chooser lists folders only");
        c.enter(&tmp.path().join("docs"));
        wait(&mut c);
        assert_eq!(c.listing.dir, tmp.path().join("docs"));
        assert_eq!(c.accept(), Some(Picked::Folder(tmp.path().join("docs").join(""))));
        c.path.clear();
        assert_eq!(c.accept(), None);
        assert_eq!(c.problem.as_deref(), Some("Type or pick a folder."));
    }

    #[test]
    fn saving_keeps_the_file_name_across_folders_and_warns_before_replacing() {
        let tmp = folder();
        let request = Request::Save { kind: ExportKind::Findings, folder: tmp.path().into(), name: "r.xlsx".into() };
        let mut c = Chooser::new(request, tmp.path(), String::new());
        wait(&mut c);
        let shown: Vec<&str> = c.shown().map(|e| e.name.as_str()).collect();
        assert_eq!(shown, ["docs", "Drafts", "review.xlsx"]);
        assert!(!c.replaces_a_file());
        c.choose_file("review.xlsx");
        assert!(c.replaces_a_file());
        c.enter(&tmp.path().join("docs"));
        assert_eq!(PathBuf::from(&c.path), tmp.path().join("docs").join("review.xlsx"));
        assert_eq!(c.accept(), Some(Picked::SaveTo(ExportKind::Findings, tmp.path().join("docs/review.xlsx"))));
    }

    #[test]
    fn opening_files_ticks_markdown_files_only() {
        let tmp = folder();
        let mut c = Chooser::new(Request::Files, tmp.path(), String::new());
        wait(&mut c);
        let shown: Vec<&str> = c.shown().map(|e| e.name.as_str()).collect();
        assert_eq!(shown, ["docs", "Drafts", "notes.txt", "readme.md"]);
        c.choose_file("readme.md");
        c.choose_file("notes.txt");
        c.choose_file("notes.txt");
        assert_eq!(c.accept(), Some(Picked::Files(vec![tmp.path().join("readme.md")])));
    }

    #[test]
    fn an_unreadable_folder_says_why() {
        let listing = list(Path::new("/no/such/folder"));
        assert!(listing.error.is_some_and(|e| e.starts_with("/no/such/folder: ")));
    }
}
