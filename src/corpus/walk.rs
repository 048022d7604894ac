//! Walking the opened paths: the Markdown candidates, every path seen (for link resolution), the entries
//! that could not be walked and those passed over on purpose. Nothing is read here.

use super::{LoadProblem, MAX_FILES, ProblemKind};
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// The folder the paths are read from: the one folder given, or the folder of the files given. Several
/// folders would mix unrelated translation sets (and their glossaries and configurations): refused.
pub(super) fn common_root(paths: &[PathBuf]) -> Result<PathBuf> {
    let mut root: Option<PathBuf> = None;
    if let Some(p) = paths.iter().find(|p| !p.exists()) {
        return Err(Error::MissingPath(p.clone()));
    }
    let folders: Vec<&PathBuf> = paths.iter().filter(|p| p.is_dir()).collect();
    if folders.len() > 1 || (folders.len() == 1 && paths.len() > 1) {
        return Err(Error::SeveralFolders(paths.len()));
    }
    for p in paths {
        let dir = if p.is_dir() { p.clone() } else { p.parent().map(Path::to_path_buf).unwrap_or_default() };
        root = Some(match root {
            None => dir,
            Some(r) => common_ancestor(&r, &dir),
        });
    }
    Ok(root.unwrap_or_else(|| PathBuf::from(".")))
}

pub(super) fn common_ancestor(a: &Path, b: &Path) -> PathBuf {
    a.components().zip(b.components()).take_while(|(x, y)| x == y).map(|(x, _)| x).collect()
}

pub(super) fn is_markdown_name(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("md" | "mdx" | "markdown" | "txt"))
}

/// What walking the opened paths found, before any file is read: the Markdown candidates, every path seen
/// (for link resolution), the entries that could not be walked, and the entries passed over on purpose.
#[derive(Debug, Clone)]
pub struct Listing {
    pub(super) root: PathBuf,
    pub(super) candidates: Vec<PathBuf>,
    pub(super) all: Vec<PathBuf>,
    pub(super) problems: Vec<LoadProblem>,
    pub(super) skipped: Vec<(String, String)>,
}

impl Listing {
    /// The Markdown files to read, sorted.
    pub fn candidates(&self) -> &[PathBuf] {
        &self.candidates
    }
}

/// The Markdown candidates under `paths`. An entry that cannot be walked (a folder without permission, a
/// broken ignore file) becomes a problem and the walk goes on; symbolic links are never followed (a link
/// could leave the folder or loop) and are reported as skipped; candidates beyond [`MAX_FILES`] are
/// reported as skipped too.
pub(super) fn list_candidates(paths: &[PathBuf], root: &Path) -> Listing {
    let mut listing = Listing {
        root: root.to_path_buf(),
        candidates: Vec::new(),
        all: Vec::new(),
        problems: Vec::new(),
        skipped: Vec::new(),
    };
    for p in paths {
        if p.is_file() {
            listing.candidates.push(p.clone());
            listing.all.push(p.clone());
            continue;
        }
        let walker = ignore::WalkBuilder::new(p).hidden(false).require_git(false).follow_links(false).build();
        for entry in walker {
            match entry {
                Ok(entry) => list_entry(&entry, root, &mut listing),
                Err(e) => listing.problems.push(walk_problem(&e, root)),
            }
        }
    }
    listing.candidates.sort();
    listing.candidates.dedup();
    keep_at_most(&mut listing, MAX_FILES);
    listing
}

/// Keep the first `limit` candidates in path order; the rest are skipped, each with the reason.
pub(super) fn keep_at_most(listing: &mut Listing, limit: usize) {
    if listing.candidates.len() <= limit {
        return;
    }
    for extra in listing.candidates.split_off(limit) {
        let why = format!("beyond the limit of {limit} Markdown files per folder; open a subfolder");
        listing.skipped.push((relative(&extra, &listing.root), why));
    }
}

pub(super) fn list_entry(entry: &ignore::DirEntry, root: &Path, listing: &mut Listing) {
    let path = entry.path();
    if path.components().any(|c| c.as_os_str() == ".git") {
        return;
    }
    listing.all.push(path.to_path_buf());
    let Some(kind) = entry.file_type() else { return };
    if kind.is_symlink() {
        let why = match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => Some("a symbolic link to a folder; links are not followed (open the target)"),
            Ok(_) if is_markdown_name(path) => Some("a symbolic link; links are not followed (open the target)"),
            Ok(_) => None,
            Err(_) => Some("a symbolic link that loops or points nowhere; not followed"),
        };
        if let Some(why) = why {
            listing.skipped.push((relative(path, root), why.to_owned()));
        }
    } else if kind.is_file() && is_markdown_name(path) {
        listing.candidates.push(path.to_path_buf());
    } else if !kind.is_dir() && is_markdown_name(path) {
        let why = format!("{}, not a regular file; not read", crate::util::read::describe(&kind));
        listing.skipped.push((relative(path, root), why));
    }
}

/// A walk error as a problem on the path it names (the opened folder when it names none).
pub(super) fn walk_problem(error: &ignore::Error, root: &Path) -> LoadProblem {
    fn path_of(error: &ignore::Error) -> Option<&Path> {
        match error {
            ignore::Error::WithPath { path, .. } => Some(path),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => path_of(err),
            ignore::Error::Loop { child, .. } => Some(child),
            ignore::Error::Partial(errs) => errs.iter().find_map(path_of),
            _ => None,
        }
    }
    let rel = path_of(error).map(|p| relative(p, root)).unwrap_or_default();
    let reason = format!("cannot list: {}", plain_io_message(&error.to_string()));
    LoadProblem { kind: ProblemKind::Unreadable, rel, reason, line: 1 }
}

/// An I/O message without the path the walker prefixes (the problem names the path already).
pub(super) fn plain_io_message(message: &str) -> String {
    message.rsplit_once(": ").map_or(message, |(_, m)| m).to_owned()
}

pub(super) fn relative(path: &Path, root: &Path) -> String {
    crate::util::escape::path_text(path.strip_prefix(root).unwrap_or(path))
}
