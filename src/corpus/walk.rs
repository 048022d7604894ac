//! Walking the opened paths: the Markdown candidates, every path seen (for link resolution), the entries
//! that could not be walked and those passed over on purpose. Nothing but `.gitignore` files is read here.
//!
//! The opened folder is always walked, whatever an enclosing repository's `.gitignore` says of it: only
//! the `.gitignore` files inside the folder apply (the reviewer chose the folder; a repository that
//! ignores a delivery folder still wants it reviewed). What they ignore is counted, not listed, and
//! `--no-ignore` ([`super::LoadOptions::no_ignore`]) reads it too.

use super::{LoadProblem, MAX_FILES, ProblemKind};
use crate::error::{Error, Result};
use crate::util::plural;
use crate::util::read::{FileKind, read_guarded};
use ignore::Match;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use std::fs::FileType;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// The largest `.gitignore` read (1 MB: real ones are a few hundred lines).
const MAX_GITIGNORE_BYTES: u64 = 1 << 20;

/// How many ignored entries an error about an all-ignored folder names.
const IGNORED_EXAMPLES: usize = 3;

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

/// Entries the walk passed over without listing each one: counted by reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WalkCounts {
    /// Files a `.gitignore` inside the folder ignores.
    pub ignored_files: usize,
    /// Folders a `.gitignore` inside the folder ignores (not opened: their files are not counted).
    pub ignored_folders: usize,
    /// Files whose name is not a Markdown one (images, data, configuration, binaries).
    pub not_markdown: usize,
}

impl WalkCounts {
    /// Files and folders ignored by `.gitignore`.
    pub fn ignored(&self) -> usize {
        self.ignored_files + self.ignored_folders
    }
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
    pub(super) counts: WalkCounts,
    /// The first entries `.gitignore` ignored (relative paths, folders with a trailing `/`).
    ignored_examples: Vec<String>,
}

impl Listing {
    /// The Markdown files to read, sorted.
    pub fn candidates(&self) -> &[PathBuf] {
        &self.candidates
    }

    /// What was passed over without being listed.
    pub fn counts(&self) -> WalkCounts {
        self.counts
    }
}

/// Walk `paths` (one folder, or files of one folder) and list the Markdown files, reading none. An empty
/// result is an error that says, when it is so, how much `.gitignore` ignored.
pub(super) fn list(paths: &[PathBuf], no_ignore: bool) -> Result<Listing> {
    let root = common_root(paths)?;
    let listing = list_candidates(paths, &root, no_ignore);
    if listing.candidates.is_empty() && listing.problems.is_empty() {
        return Err(empty_folder(root, &listing));
    }
    Ok(listing)
}

fn empty_folder(root: PathBuf, listing: &Listing) -> Error {
    let counts = listing.counts;
    if counts.ignored() == 0 {
        return Error::EmptyFolder(root);
    }
    let mut ignored = Vec::new();
    if counts.ignored_files > 0 {
        ignored.push(plural(counts.ignored_files, "file"));
    }
    if counts.ignored_folders > 0 {
        ignored.push(plural(counts.ignored_folders, "folder"));
    }
    let mut examples = listing.ignored_examples.join(", ");
    if counts.ignored() > listing.ignored_examples.len() {
        examples.push_str(", …");
    }
    Error::AllIgnored { path: root, ignored: ignored.join(" and "), examples }
}

/// The Markdown candidates under `paths`. An entry that cannot be walked (a folder without permission)
/// becomes a problem and the walk goes on; symbolic links are never followed (a link could leave the
/// folder or loop) and are reported as skipped; candidates beyond [`MAX_FILES`] are reported as skipped
/// too. `.gitignore` files inside the folder apply unless `no_ignore`.
pub(super) fn list_candidates(paths: &[PathBuf], root: &Path, no_ignore: bool) -> Listing {
    let mut listing = Listing {
        root: root.to_path_buf(),
        candidates: Vec::new(),
        all: Vec::new(),
        problems: Vec::new(),
        skipped: Vec::new(),
        counts: WalkCounts::default(),
        ignored_examples: Vec::new(),
    };
    for p in paths {
        if p.is_dir() {
            walk_folder(p, root, no_ignore, &mut listing);
        } else if p.is_file() {
            // A file named on the command line is read whatever its name or `.gitignore` says.
            listing.candidates.push(p.clone());
            listing.all.push(p.clone());
        } else {
            match std::fs::symlink_metadata(p) {
                Ok(meta) => list_entry(p, &meta.file_type(), root, &mut listing),
                Err(e) => listing.problems.push(unlistable(p, root, &e)),
            }
        }
    }
    listing.candidates.sort();
    listing.candidates.dedup();
    keep_at_most(&mut listing, MAX_FILES);
    listing
}

/// The `.gitignore` rules in force in a folder: its own file's, then its parents' inside the walk.
struct Rules {
    gitignore: Gitignore,
    parent: Option<Rc<Rules>>,
}

/// Whether the rules in force ignore `path`: the deepest file that matches decides (a `!pattern` in a
/// subfolder takes back its parent's pattern), as git does.
fn is_ignored(rules: Option<&Rc<Rules>>, path: &Path, is_dir: bool) -> bool {
    let mut at = rules;
    while let Some(r) = at {
        match r.gitignore.matched(path, is_dir) {
            Match::Ignore(_) => return true,
            Match::Whitelist(_) => return false,
            Match::None => at = r.parent.as_ref(),
        }
    }
    false
}

/// Walk one folder depth-first without following links or recursing (nesting is bounded only by the
/// path length), entries in name order.
fn walk_folder(top: &Path, root: &Path, no_ignore: bool, listing: &mut Listing) {
    let mut pending: Vec<(PathBuf, Option<Rc<Rules>>)> = vec![(top.to_path_buf(), None)];
    while let Some((dir, inherited)) = pending.pop() {
        let entries = match read_folder(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                listing.problems.push(unlistable(&dir, root, &e));
                continue;
            }
        };
        let rules = match entries.iter().any(|(name, kind)| name == ".gitignore" && kind.is_file()) {
            true if !no_ignore => Some(Rc::new(Rules { gitignore: gitignore_of(&dir, root), parent: inherited })),
            _ => inherited,
        };
        let mut subfolders = Vec::new();
        for (name, kind) in entries {
            if name == ".git" {
                continue;
            }
            let path = dir.join(&name);
            if is_ignored(rules.as_ref(), &path, kind.is_dir()) {
                count_ignored(&path, kind.is_dir(), root, listing);
                continue;
            }
            list_entry(&path, &kind, root, listing);
            if kind.is_dir() {
                subfolders.push(path);
            }
        }
        // Reversed onto the stack, so folders are walked in name order.
        pending.extend(subfolders.into_iter().rev().map(|p| (p, rules.clone())));
    }
}

/// A folder's entries (name, type without following links), sorted by name. An entry removed between
/// the listing and the look at its type is left out: it is gone.
fn read_folder(dir: &Path) -> std::io::Result<Vec<(std::ffi::OsString, FileType)>> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if let Ok(kind) = entry.file_type() {
            entries.push((entry.file_name(), kind));
        }
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(entries)
}

/// The rules of `dir/.gitignore`, read through the guarded reader (a named pipe or a link out of the
/// folder is not read; such a file, or a line that is not a valid pattern, adds no rule).
fn gitignore_of(dir: &Path, root: &Path) -> Gitignore {
    let path = dir.join(".gitignore");
    let limits = FileKind::Config.limits().inside(root).with_max_bytes(MAX_GITIGNORE_BYTES);
    let mut builder = GitignoreBuilder::new(dir);
    if let Ok(bytes) = read_guarded(&path, &limits) {
        for line in String::from_utf8_lossy(&bytes).lines() {
            let _invalid_pattern_adds_nothing = builder.add_line(Some(path.clone()), line);
        }
    }
    builder.build().unwrap_or_else(|_| Gitignore::empty())
}

fn count_ignored(path: &Path, is_dir: bool, root: &Path, listing: &mut Listing) {
    if is_dir {
        listing.counts.ignored_folders += 1;
    } else {
        listing.counts.ignored_files += 1;
    }
    if listing.ignored_examples.len() < IGNORED_EXAMPLES {
        let slash = if is_dir { "/" } else { "" };
        listing.ignored_examples.push(format!("{}{slash}", relative(path, root)));
    }
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

/// One entry the ignore rules let through: a candidate, a path seen, a skipped entry or a counted one.
fn list_entry(path: &Path, kind: &FileType, root: &Path, listing: &mut Listing) {
    listing.all.push(path.to_path_buf());
    let markdown = is_markdown_name(path);
    if kind.is_symlink() {
        let why = match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => Some("a symbolic link to a folder; links are not followed (open the target)"),
            Ok(_) if markdown => Some("a symbolic link; links are not followed (open the target)"),
            Ok(_) => None,
            Err(_) => Some("a symbolic link that loops or points nowhere; not followed"),
        };
        match why {
            Some(why) => listing.skipped.push((relative(path, root), why.to_owned())),
            None => listing.counts.not_markdown += 1,
        }
    } else if kind.is_dir() {
        // Walked by the caller.
    } else if !markdown {
        if !is_side_file(path) {
            listing.counts.not_markdown += 1;
        }
    } else if kind.is_file() {
        listing.candidates.push(path.to_path_buf());
    } else {
        let why = format!("{}, not a regular file; not read", crate::util::read::describe(kind));
        listing.skipped.push((relative(path, root), why));
    }
}

/// A file Synoptic reads as what it is, not as a document, so not "skipped": its configuration, notes
/// sidecar (with its lock and recovered notes), default glossaries, and the `.gitignore` files.
fn is_side_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return false };
    matches!(name, ".gitignore" | "synoptic.toml" | "synoptic-glossary.csv" | "glossary.csv")
        || (name.starts_with("synoptic-notes") && (name.ends_with(".toml") || name.ends_with(".toml.lock")))
}

/// A folder that cannot be listed, as a problem on its path (empty for the opened folder itself).
fn unlistable(path: &Path, root: &Path, error: &std::io::Error) -> LoadProblem {
    let reason = format!("cannot list: {error}");
    LoadProblem { kind: ProblemKind::Unreadable, rel: relative(path, root), reason, line: 1 }
}

pub(super) fn relative(path: &Path, root: &Path) -> String {
    crate::util::escape::path_text(path.strip_prefix(root).unwrap_or(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
        let tmp = tempfile::tempdir().expect("tempdir");
        for (rel, text) in files {
            let p = tmp.path().join(rel);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(p, text).expect("write");
        }
        tmp
    }

    fn listed(tmp: &tempfile::TempDir, no_ignore: bool) -> (Vec<String>, WalkCounts) {
        let listing = list_candidates(&[tmp.path().to_path_buf()], tmp.path(), no_ignore);
        (listing.candidates.iter().map(|p| relative(p, tmp.path())).collect(), listing.counts)
    }

    #[test]
    fn a_subfolders_gitignore_takes_back_its_parents_pattern() {
        let tmp = folder(&[
            (".gitignore", "*.bak.md\nbuild/\n"),
            ("en/.gitignore", "!keep.bak.md\n"),
            ("en/a.md", "# A"),
            ("en/old.bak.md", "# Old"),
            ("en/keep.bak.md", "# Keep"),
            ("de/keep.bak.md", "# Behalten"),
            ("de/build/x.md", "# X"),
            ("de/build/y.md", "# Y"),
        ]);
        let (files, counts) = listed(&tmp, false);
        assert_eq!(files, vec!["en/a.md", "en/keep.bak.md"]);
        let expected = WalkCounts { ignored_files: 2, ignored_folders: 1, not_markdown: 0 };
        assert_eq!(counts, expected);
        let (all, counts) = listed(&tmp, true);
        assert_eq!(all.len(), 6);
        assert_eq!((counts.ignored(), counts.not_markdown), (0, 0));
    }

    #[test]
    fn a_gitignore_that_is_a_named_pipe_is_not_read_and_ignores_nothing() {
        let tmp = folder(&[("en/a.md", "# A"), ("de/a.md", "# A")]);
        let fifo = tmp.path().join(".gitignore");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().map(|s| s.success());
        assert_eq!(made.ok(), Some(true), "mkfifo");
        let (files, counts) = listed(&tmp, false);
        assert_eq!(files, vec!["de/a.md", "en/a.md"]);
        assert_eq!(counts, WalkCounts { not_markdown: 0, ..WalkCounts::default() }, "a side file, not a skipped one");
    }

    #[test]
    fn an_all_ignored_folder_names_what_is_ignored() {
        let tmp = folder(&[(".gitignore", "*\n!.gitignore\n"), ("en/a.md", "# A")]);
        let error = list(&[tmp.path().to_path_buf()], false).map(|_| ()).expect_err("nothing to read");
        let expected = format!(
            "{}: no Markdown files found: its .gitignore files ignore 1 folder (en/); add --no-ignore to read them",
            tmp.path().display()
        );
        assert_eq!(error.to_string(), expected);
        assert_eq!(list(&[tmp.path().to_path_buf()], true).map(|l| l.candidates.len()).ok(), Some(1));
    }
}
