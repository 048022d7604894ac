//! Loading a folder: walking it (honouring `.gitignore`, skipping `.git`), decoding each Markdown file,
//! finding its locale and saying how, and grouping the files into documents — one article in N locales —
//! with zero configuration for flat, Hugo-style (`content/<lang>/`), tldr-style (`pages.<lang>/`) and
//! suffix-style (`guide.fr.md`) layouts.
//!
//! Nothing in a folder aborts a load: an entry that cannot be listed or read, a file that is not text, is
//! larger than [`MAX_FILE_BYTES`] or changed after the listing becomes a [`LoadProblem`]; symbolic links
//! and files beyond [`MAX_FILES`] are skipped with their reason.

use crate::error::{Error, Result};
use crate::locale::{self, Locale};
use crate::skeleton::{BlockKind, Skeleton};
use crate::text::{self, Encoding, LineIndex};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Front-matter keys that name a file's locale, in order of preference.
const LOCALE_KEYS: &[&str] = &["ms.contentlocale", "lang", "language", "locale", "languageCode"];

/// The largest file read, in bytes (20 MiB): a larger file is reported as a problem and not loaded. The
/// largest real documentation pages are well under 1 MB; a file this big is a dump, not an article.
pub const MAX_FILE_BYTES: u64 = 20 << 20;

/// The finding id of a file or folder that could not be read.
const UNREADABLE: &str = "input.unreadable";
/// The finding id of a file above [`MAX_FILE_BYTES`].
const TOO_LARGE: &str = "input.too-large";

/// The most Markdown files read from one folder; the rest are reported as skipped.
pub const MAX_FILES: usize = 100_000;

/// How a file's locale was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "from", content = "detail", rename_all = "kebab-case")]
pub enum LocaleOrigin {
    /// A front-matter key (named).
    FrontMatter(String),
    /// A folder named after the locale (`de/`, `pages.de/`).
    PathSegment(String),
    /// A file-name suffix (`guide.fr.md`).
    FileSuffix,
    /// Language identification of the text.
    Detected,
    /// The default language of a layout whose other files carry a locale (`faq.md` beside `faq.de.md`).
    LayoutDefault,
    /// Nothing told, and the text was too short or mixed to identify.
    Unknown,
}

impl std::fmt::Display for LocaleOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LocaleOrigin::FrontMatter(key) => write!(f, "front matter `{key}`"),
            LocaleOrigin::PathSegment(seg) => write!(f, "folder `{seg}`"),
            LocaleOrigin::FileSuffix => write!(f, "file-name suffix"),
            LocaleOrigin::Detected => write!(f, "detected from the text"),
            LocaleOrigin::LayoutDefault => write!(f, "the layout's default language"),
            LocaleOrigin::Unknown => write!(f, "unknown"),
        }
    }
}

/// One loaded Markdown file.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as found on disk.
    pub path: PathBuf,
    /// The path relative to the opened folder, with `/` separators.
    pub rel: String,
    /// The locale.
    pub locale: Locale,
    /// How the locale was found.
    pub locale_origin: LocaleOrigin,
    /// The decoded text with `\n` line ends.
    pub text: String,
    /// Byte offset → line/column.
    pub lines: LineIndex,
    /// The parsed skeleton.
    pub skeleton: Skeleton,
    /// How the bytes were decoded.
    pub encoding: Encoding,
    /// The key files of one document share (path with the locale part removed).
    group_key: String,
}

/// A file that could not be loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoadProblem {
    /// The finding it becomes: `input.encoding` (not text), `input.unreadable` (could not be read or
    /// listed), `input.too-large` (above [`MAX_FILE_BYTES`]).
    pub id: &'static str,
    /// The path relative to the opened folder.
    pub rel: String,
    /// Why it could not be loaded.
    pub reason: String,
    /// 1-based line of the problem, when known.
    pub line: usize,
}

/// One article in its locales.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// A stable name: the shared path (`docs/install.md`) or, for a flat folder, the shared heading anchor.
    pub name: String,
    /// Indices into [`Corpus::files`], one per locale, sorted by locale with the source first.
    pub files: Vec<usize>,
    /// The reference file, when the document has one.
    pub source: Option<usize>,
}

/// Progress of a load, shared with the thread that shows it: files read of total, and a cancel flag.
#[derive(Debug, Default)]
pub struct Progress {
    /// Files to read.
    pub total: AtomicUsize,
    /// Files read so far.
    pub done: AtomicUsize,
    cancel: AtomicBool,
}

impl Progress {
    /// Ask the load to stop.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// True once cancelled.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// (files read, total).
    pub fn counts(&self) -> (usize, usize) {
        (self.done.load(Ordering::Relaxed), self.total.load(Ordering::Relaxed))
    }
}

/// Options for loading.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// The reference locale (`--source`); `None` means `en`/`en-US` when present, else none.
    pub source: Option<Locale>,
}

/// Everything loaded from the opened paths.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The folder paths are relative to.
    pub root: PathBuf,
    /// The loaded files.
    pub files: Vec<SourceFile>,
    /// Files grouped into documents.
    pub documents: Vec<Document>,
    /// Files that could not be read or decoded.
    pub problems: Vec<LoadProblem>,
    /// Files passed over on purpose, with the reason (plain `.txt`, outside the locale folders).
    pub skipped: Vec<(String, String)>,
    /// Every file and folder found under the root (relative paths), so link targets resolve without I/O.
    pub existing: HashSet<String>,
    /// Index of each loaded file by relative path.
    by_rel: HashMap<String, usize>,
    /// The document of each loaded file.
    doc_of_file: Vec<Option<usize>>,
}

impl Corpus {
    /// Load every Markdown file under `paths` (folders or files) and group them into documents.
    pub fn load(paths: &[PathBuf], options: &LoadOptions) -> Result<Corpus> {
        Corpus::load_with_progress(paths, options, &Progress::default())
    }

    /// [`Corpus::load`], counting files read in `progress` and stopping when it is cancelled.
    pub fn load_with_progress(paths: &[PathBuf], options: &LoadOptions, progress: &Progress) -> Result<Corpus> {
        Corpus::read_listed(Corpus::list(paths)?, options, progress)
    }

    /// The first half of a load: walk `paths` and list the Markdown files, reading none of them.
    pub fn list(paths: &[PathBuf]) -> Result<Listing> {
        let root = common_root(paths)?;
        let listing = list_candidates(paths, &root);
        if listing.candidates.is_empty() && listing.problems.is_empty() {
            return Err(Error::EmptyFolder(root));
        }
        Ok(listing)
    }

    /// The second half of a load: read, decode and group the listed files. A file that changed since
    /// the listing (removed, replaced by a folder, grown past the limit, made unreadable) becomes a
    /// problem like any unreadable file; the rest loads.
    pub fn read_listed(listing: Listing, options: &LoadOptions, progress: &Progress) -> Result<Corpus> {
        let Listing { root, candidates, all, problems, skipped } = listing;
        progress.total.store(candidates.len(), Ordering::Relaxed);
        let loaded: Vec<Option<Loaded>> = candidates
            .par_iter()
            .map(|p| {
                if progress.is_cancelled() {
                    return None;
                }
                let item = load_one(p, &root);
                progress.done.fetch_add(1, Ordering::Relaxed);
                Some(item)
            })
            .collect();
        if progress.is_cancelled() {
            return Err(Error::Cancelled);
        }
        let existing = all.iter().map(|p| relative(p, &root)).collect();
        let mut corpus = Corpus::assemble(root, existing, loaded.into_iter().flatten(), options);
        corpus.problems.extend(problems);
        corpus.problems.sort_by(|a, b| a.rel.cmp(&b.rel));
        corpus.skipped.extend(skipped);
        corpus.skipped.sort();
        if corpus.files.is_empty() && corpus.problems.is_empty() {
            return Err(Error::EmptyFolder(corpus.root));
        }
        Ok(corpus)
    }

    /// A corpus of in-memory files (relative path, bytes) under a notional `root`: decoded, parsed and
    /// grouped exactly as files read from disk. For tests, fuzzing and embedding; nothing is read.
    pub fn from_memory(root: &Path, files: Vec<(String, Vec<u8>)>, options: &LoadOptions) -> Corpus {
        let existing = files.iter().map(|(rel, _)| rel.clone()).collect();
        let loaded: Vec<Loaded> =
            files.into_iter().map(|(rel, bytes)| load_bytes(root.join(&rel), rel, bytes)).collect();
        Corpus::assemble(root.to_path_buf(), existing, loaded.into_iter(), options)
    }

    /// Gather loaded items into a corpus: files, problems and skips, then documents.
    fn assemble(
        root: PathBuf,
        existing: HashSet<String>,
        loaded: impl Iterator<Item = Loaded>,
        options: &LoadOptions,
    ) -> Corpus {
        let mut corpus = Corpus { root, existing, ..Corpus::default() };
        for item in loaded {
            match item {
                Loaded::File(f) => corpus.files.push(*f),
                Loaded::Problem(p) => corpus.problems.push(p),
                Loaded::Skipped(rel, why) => corpus.skipped.push((rel, why)),
            }
        }
        assign_group_keys(&mut corpus);
        corpus.documents = group_documents(&corpus.files, options);
        corpus.doc_of_file = vec![None; corpus.files.len()];
        for (d, doc) in corpus.documents.iter().enumerate() {
            for &f in &doc.files {
                corpus.doc_of_file[f] = Some(d);
            }
        }
        corpus.by_rel = corpus.files.iter().enumerate().map(|(i, f)| (f.rel.clone(), i)).collect();
        corpus
    }

    /// The files of a document, in its order.
    pub fn document_files<'a>(&'a self, doc: &'a Document) -> impl Iterator<Item = &'a SourceFile> + 'a {
        doc.files.iter().map(|&i| &self.files[i])
    }

    /// The loaded file at a relative path.
    pub fn file(&self, rel: &str) -> Option<&SourceFile> {
        self.by_rel.get(rel).map(|&i| &self.files[i])
    }

    /// The document a loaded file belongs to.
    pub fn document_of(&self, rel: &str) -> Option<usize> {
        let file = *self.by_rel.get(rel)?;
        self.doc_of_file.get(file).copied().flatten()
    }

    /// Every locale present, sorted.
    pub fn locales(&self) -> Vec<Locale> {
        let set: std::collections::BTreeSet<_> = self.files.iter().map(|f| f.locale.clone()).collect();
        set.into_iter().collect()
    }
}

enum Loaded {
    File(Box<SourceFile>),
    Problem(LoadProblem),
    Skipped(String, String),
}

/// The folder the paths are read from: the one folder given, or the folder of the files given. Several
/// folders would mix unrelated translation sets (and their glossaries and configurations): refused.
fn common_root(paths: &[PathBuf]) -> Result<PathBuf> {
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

fn common_ancestor(a: &Path, b: &Path) -> PathBuf {
    a.components().zip(b.components()).take_while(|(x, y)| x == y).map(|(x, _)| x).collect()
}

fn is_markdown_name(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("md" | "markdown" | "txt"))
}

/// What walking the opened paths found, before any file is read: the Markdown candidates, every path seen
/// (for link resolution), the entries that could not be walked, and the entries passed over on purpose.
#[derive(Debug, Clone)]
pub struct Listing {
    root: PathBuf,
    candidates: Vec<PathBuf>,
    all: Vec<PathBuf>,
    problems: Vec<LoadProblem>,
    skipped: Vec<(String, String)>,
}

/// The Markdown candidates under `paths`. An entry that cannot be walked (a folder without permission, a
/// broken ignore file) becomes a problem and the walk goes on; symbolic links are never followed (a link
/// could leave the folder or loop) and are reported as skipped; candidates beyond [`MAX_FILES`] are
/// reported as skipped too.
fn list_candidates(paths: &[PathBuf], root: &Path) -> Listing {
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
fn keep_at_most(listing: &mut Listing, limit: usize) {
    if listing.candidates.len() <= limit {
        return;
    }
    for extra in listing.candidates.split_off(limit) {
        let why = format!("beyond the limit of {limit} Markdown files per folder; open a subfolder");
        listing.skipped.push((relative(&extra, &listing.root), why));
    }
}

impl Listing {
    /// The Markdown files to read, sorted.
    pub fn candidates(&self) -> &[PathBuf] {
        &self.candidates
    }
}

fn list_entry(entry: &ignore::DirEntry, root: &Path, listing: &mut Listing) {
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
fn walk_problem(error: &ignore::Error, root: &Path) -> LoadProblem {
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
    LoadProblem { id: UNREADABLE, rel, reason, line: 1 }
}

/// An I/O message without the path the walker prefixes (the problem names the path already).
fn plain_io_message(message: &str) -> String {
    message.rsplit_once(": ").map_or(message, |(_, m)| m).to_owned()
}

fn relative(path: &Path, root: &Path) -> String {
    crate::util::escape::path_text(path.strip_prefix(root).unwrap_or(path))
}

fn load_one(path: &Path, root: &Path) -> Loaded {
    let rel = relative(path, root);
    match read_limited(path) {
        Ok(bytes) => load_bytes(path.to_path_buf(), rel, bytes),
        Err((id, reason)) => Loaded::Problem(LoadProblem { id, rel, reason, line: 1 }),
    }
}

/// Read a file of at most [`MAX_FILE_BYTES`] through the guarded reader (no blocking open, regular files
/// only, size checked before and while reading); the error is the finding id and the reason.
fn read_limited(path: &Path) -> std::result::Result<Vec<u8>, (&'static str, String)> {
    use crate::util::read::{FileKind, ReadError, read_guarded};
    read_guarded(path, &FileKind::Document.limits().with_max_bytes(MAX_FILE_BYTES)).map_err(|e| match e {
        ReadError::TooLarge { size, .. } => {
            let mb = size.div_ceil(1 << 20);
            (
                TOO_LARGE,
                format!("{mb} MB is larger than the limit of {} MB per file; split the file", MAX_FILE_BYTES >> 20),
            )
        }
        other => (UNREADABLE, format!("cannot read: {other}")),
    })
}

/// Decode, parse and place one file's bytes.
fn load_bytes(path: PathBuf, rel: String, bytes: Vec<u8>) -> Loaded {
    let (text, encoding) = match text::decode_owned(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = match e {
                text::DecodeError::InvalidUtf8 { line, .. } => line,
                _ => 1,
            };
            return Loaded::Problem(LoadProblem { id: "input.encoding", rel, reason: e.to_string(), line });
        }
    };
    let is_txt = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    if is_txt && !looks_like_markdown(&text) {
        return Loaded::Skipped(rel, "a .txt file with no Markdown in it".to_owned());
    }
    let lines = LineIndex::new(&text);
    let skeleton = Skeleton::parse(&text, &lines);
    let (locale, locale_origin) = find_locale(&rel, &skeleton, &text);
    Loaded::File(Box::new(SourceFile {
        path,
        group_key: rel.clone(),
        rel,
        locale,
        locale_origin,
        text,
        lines,
        skeleton,
        encoding,
    }))
}

/// A `.txt` file counts as Markdown when it has front matter, a heading, or a link.
fn looks_like_markdown(text: &str) -> bool {
    text.starts_with("---\n")
        || text.starts_with("+++\n")
        || text.lines().any(|l| {
            let t = l.trim_start();
            (t.starts_with('#') && t.trim_start_matches('#').starts_with(' ')) || t.contains("](")
        })
}

/// The locale of a file from the strongest evidence: front matter, folder, file suffix, then the text.
fn find_locale(rel: &str, skeleton: &Skeleton, text: &str) -> (Locale, LocaleOrigin) {
    for key in LOCALE_KEYS {
        if let Some(value) = skeleton.front_matter.get(key)
            && let Some(l) = Locale::parse(value)
        {
            return (l, LocaleOrigin::FrontMatter((*key).to_owned()));
        }
    }
    let segments: Vec<&str> = rel.split('/').collect();
    let (dirs, file) = segments.split_at(segments.len().saturating_sub(1));
    for seg in dirs {
        if let Some(l) = locale::from_path_segment(seg) {
            return (l, LocaleOrigin::PathSegment((*seg).to_owned()));
        }
    }
    if let Some((_, l)) = file.first().and_then(|f| locale::from_file_suffix(f)) {
        return (l, LocaleOrigin::FileSuffix);
    }
    let prose = prose_sample(skeleton, text);
    match locale::detect_language(&prose) {
        Some(l) => (l, LocaleOrigin::Detected),
        None => (Locale::undetermined(), LocaleOrigin::Unknown),
    }
}

fn prose_sample(skeleton: &Skeleton, _text: &str) -> String {
    let mut out = String::new();
    for b in skeleton.blocks.iter().filter(|b| !matches!(b.kind, BlockKind::Code | BlockKind::Html)) {
        out.push_str(&b.text);
        out.push('\n');
        if out.len() > 4000 {
            break;
        }
    }
    out
}

/// The group key of each file: its path with the locale folder or suffix taken out. A folder segment only
/// counts as a locale when a sibling folder is a locale too (so a lone `id/` or `my/` folder stays a folder).
fn assign_group_keys(corpus: &mut Corpus) {
    let locale_dirs = locale_folders(&corpus.files);
    let mut skipped = Vec::new();
    let mut keep = vec![true; corpus.files.len()];
    let any_locale_dirs = !locale_dirs.is_empty();
    let mut dir_keys = HashSet::new();
    for f in &mut corpus.files {
        if let Some((key, seg_locale)) = key_without_locale_dir(&f.rel, &locale_dirs) {
            if !matches!(f.locale_origin, LocaleOrigin::FrontMatter(_)) {
                f.locale = seg_locale.0;
                f.locale_origin = LocaleOrigin::PathSegment(seg_locale.1);
            }
            let key = bundle_key(&key);
            dir_keys.insert(key.clone());
            f.group_key = key;
        } else if let Some((base, l)) = suffix_key(&f.rel) {
            if matches!(f.locale_origin, LocaleOrigin::Detected | LocaleOrigin::Unknown | LocaleOrigin::PathSegment(_))
            {
                f.locale = l;
                f.locale_origin = LocaleOrigin::FileSuffix;
            }
            f.group_key = base;
        } else if matches!(f.locale_origin, LocaleOrigin::PathSegment(_)) {
            // A locale-looking folder with no sibling locale folders is an ordinary folder.
            let prose = prose_sample(&f.skeleton, &f.text);
            (f.locale, f.locale_origin) = match locale::detect_language(&prose) {
                Some(l) => (l, LocaleOrigin::Detected),
                None => (Locale::undetermined(), LocaleOrigin::Unknown),
            };
        }
    }
    if any_locale_dirs {
        // In a locale-folder layout, a file outside every locale folder belongs to no translation set,
        // unless its path is the default-language twin of a translated path (tldr's `pages/`).
        for (i, f) in corpus.files.iter().enumerate() {
            let in_locale_dir = key_without_locale_dir(&f.rel, &locale_dirs).is_some();
            let twin = dir_keys.contains(&f.group_key);
            if !in_locale_dir && !twin && suffix_key(&f.rel).is_none() {
                keep[i] = false;
                skipped.push((f.rel.clone(), "outside the locale folders".to_owned()));
            }
        }
    }
    default_locale_for_twins(corpus);
    let mut i = 0;
    corpus.files.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    corpus.skipped.extend(skipped);
}

/// Parent folders (by path) whose children include at least two locale-named folders, or any `pages.<tag>`.
fn locale_folders(files: &[SourceFile]) -> HashSet<String> {
    let mut children: HashMap<String, HashSet<String>> = HashMap::new();
    for f in files {
        let segs: Vec<&str> = f.rel.split('/').collect();
        for i in 0..segs.len().saturating_sub(1) {
            if locale::from_path_segment(segs[i]).is_some() {
                children.entry(segs[..i].join("/")).or_default().insert(segs[i].to_owned());
            }
        }
    }
    let mut out = HashSet::new();
    for (parent, kids) in children {
        let tldr = kids.iter().any(|k| k.starts_with("pages."));
        if kids.len() >= 2 || tldr {
            for k in kids {
                out.insert(if parent.is_empty() { k } else { format!("{parent}/{k}") });
            }
        }
    }
    out
}

/// The key of a file under a locale folder: the path with that folder taken out (`pages.de` → `pages`).
fn key_without_locale_dir(rel: &str, locale_dirs: &HashSet<String>) -> Option<(String, (Locale, String))> {
    let segs: Vec<&str> = rel.split('/').collect();
    for i in 0..segs.len().saturating_sub(1) {
        let prefix = segs[..=i].join("/");
        if locale_dirs.contains(&prefix) {
            let locale = locale::from_path_segment(segs[i])?;
            let mut rest: Vec<&str> = segs[..i].to_vec();
            if segs[i].starts_with("pages.") {
                rest.push("pages");
            }
            rest.extend_from_slice(&segs[i + 1..]);
            return Some((rest.join("/"), (locale, segs[i].to_owned())));
        }
    }
    None
}

/// A file without a locale marker whose twins have one (`faq.md` beside `faq.de.md`, tldr's `pages/`
/// beside `pages.de/`) is in the set's default language. When its text is too short to identify, it takes
/// the language most such default files were identified in, else English.
fn default_locale_for_twins(corpus: &mut Corpus) {
    let mut marked: HashMap<String, Vec<Locale>> = HashMap::new();
    for f in &corpus.files {
        if matches!(f.locale_origin, LocaleOrigin::FileSuffix | LocaleOrigin::PathSegment(_)) {
            marked.entry(f.group_key.clone()).or_default().push(f.locale.clone());
        }
    }
    let mut detected: BTreeMap<Locale, usize> = BTreeMap::new();
    for f in
        corpus.files.iter().filter(|f| f.locale_origin == LocaleOrigin::Detected && marked.contains_key(&f.group_key))
    {
        *detected.entry(f.locale.clone()).or_default() += 1;
    }
    let default = detected.into_iter().max_by_key(|(_, n)| *n).map(|(l, _)| l).or_else(|| Locale::parse("en"));
    let Some(default) = default else { return };
    for f in &mut corpus.files {
        let twins = marked.get(&f.group_key);
        if f.locale_origin == LocaleOrigin::Unknown && twins.is_some_and(|t| !t.contains(&default)) {
            f.locale = default.clone();
            f.locale_origin = LocaleOrigin::LayoutDefault;
        }
    }
}

/// Hugo serves `x.md` and the leaf bundle `x/index.md` at one URL: they are one page.
fn bundle_key(key: &str) -> String {
    match key.strip_suffix("/index.md") {
        Some(stem) if !stem.is_empty() => format!("{stem}.md"),
        _ => key.to_owned(),
    }
}

fn suffix_key(rel: &str) -> Option<(String, Locale)> {
    let (dir, file) = rel.rsplit_once('/').map_or(("", rel), |(d, f)| (d, f));
    let (base, l) = locale::from_file_suffix(file)?;
    let key = if dir.is_empty() { base } else { format!("{dir}/{base}") };
    Some((key, l))
}

/// Group files into documents by key; then, inside each folder, merge lone files whose locale came from
/// front matter or the text (a flat folder of one article in several locales) when their structure agrees.
fn group_documents(files: &[SourceFile], options: &LoadOptions) -> Vec<Document> {
    let mut by_key: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, f) in files.iter().enumerate() {
        by_key.entry(f.group_key.as_str()).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut loose: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (key, members) in by_key {
        let f = &files[members[0]];
        let flat =
            members.len() == 1 && matches!(f.locale_origin, LocaleOrigin::FrontMatter(_) | LocaleOrigin::Detected);
        if flat {
            let dir = key.rsplit_once('/').map_or("", |(d, _)| d).to_owned();
            loose.entry(dir).or_default().push(members[0]);
        } else {
            groups.extend(split_duplicate_locales(files, members));
        }
    }
    for (_, members) in loose {
        groups.extend(cluster_by_structure(files, &members));
    }
    let mut docs: Vec<Document> = groups.into_iter().map(|g| make_document(files, g, options)).collect();
    docs.sort_by(|a, b| a.name.cmp(&b.name));
    docs
}

/// Two files of one locale under one key (`guide.md` detected English beside `guide.en.md`) cannot share
/// a document: the later ones become documents of their own.
fn split_duplicate_locales(files: &[SourceFile], members: Vec<usize>) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for m in members {
        match out.iter_mut().find(|g| g.iter().all(|&o| files[o].locale != files[m].locale)) {
            Some(g) => g.push(m),
            None => out.push(vec![m]),
        }
    }
    out
}

/// Features that survive translation: explicit anchors, link and image targets, code.
fn structure_features(f: &SourceFile) -> HashSet<String> {
    let mut out = HashSet::new();
    // The shape (kinds and heading levels in order) is shared by translations of a short page even when
    // its links point at localized file names.
    let shape: Vec<String> = f.skeleton.blocks.iter().map(|b| format!("{}{}", b.kind.label(), b.level)).collect();
    out.insert(format!("shape:{}", shape.join(",")));
    for b in &f.skeleton.blocks {
        if let Some(a) = b.anchor.as_ref().filter(|a| a.explicit) {
            out.insert(format!("#{}", a.id));
        }
        for l in b.links.iter().chain(&b.images) {
            out.insert(format!("->{}", l.target.split('#').next().unwrap_or_default()));
        }
        if let Some(code) = &b.code {
            out.insert(format!("```{code}"));
        }
        for c in &b.inline_code {
            out.insert(format!("`{}", c.text));
        }
    }
    out
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> (f64, usize) {
    let shared = a.intersection(b).count();
    let union = a.len() + b.len() - shared;
    if union == 0 { (0.0, 0) } else { (shared as f64 / union as f64, shared) }
}

/// Greedy clustering: a file joins the most similar cluster that lacks its locale, when they share at
/// least half of their features (and at least three).
fn cluster_by_structure(files: &[SourceFile], members: &[usize]) -> Vec<Vec<usize>> {
    let features: Vec<HashSet<String>> = members.iter().map(|&m| structure_features(&files[m])).collect();
    // Each cluster: its member positions (into `members`).
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for k in 0..members.len() {
        let m = members[k];
        let alike = |o: usize| {
            let (score, shared) = jaccard(&features[o], &features[k]);
            let same_shape = features[o].iter().any(|f| f.starts_with("shape:") && features[k].contains(f));
            let close = score >= 0.5 && (shared >= 3 || (same_shape && shared >= 2));
            close.then_some(score)
        };
        // The cluster with the most similar member, among clusters that lack this file's locale.
        let best = clusters
            .iter()
            .enumerate()
            .filter(|(_, c)| c.iter().all(|&o| files[members[o]].locale != files[m].locale))
            .filter_map(|(ci, c)| c.iter().filter_map(|&o| alike(o)).max_by(f64::total_cmp).map(|s| (ci, s)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((ci, _)) => clusters[ci].push(k),
            None => clusters.push(vec![k]),
        }
    }
    clusters.into_iter().map(|c| c.into_iter().map(|k| members[k]).collect()).collect()
}

fn make_document(files: &[SourceFile], mut members: Vec<usize>, options: &LoadOptions) -> Document {
    let source = pick_source(files, &members, options.source.as_ref());
    members.sort_by(|&a, &b| {
        let rank = |i: usize| (Some(i) != source, files[i].locale.clone());
        rank(a).cmp(&rank(b))
    });
    let name = document_name(files, &members, source);
    Document { name, files: members, source }
}

fn pick_source(files: &[SourceFile], members: &[usize], wanted: Option<&Locale>) -> Option<usize> {
    let find = |want: &Locale| {
        members
            .iter()
            .copied()
            .find(|&i| &files[i].locale == want)
            .or_else(|| members.iter().copied().find(|&i| files[i].locale.same_language(want)))
    };
    match wanted {
        Some(w) => find(w),
        None => Locale::parse("en").and_then(|en| find(&en)),
    }
}

fn document_name(files: &[SourceFile], members: &[usize], source: Option<usize>) -> String {
    let first = &files[source.unwrap_or(members[0])];
    if members.iter().all(|&m| files[m].group_key == first.group_key) {
        return first.group_key.clone();
    }
    // A flat folder: name the document by the H1 anchor most of its files share.
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for &m in members {
        if let Some(a) = files[m].skeleton.headings().find_map(|(_, b)| b.anchor.clone().filter(|a| a.explicit)) {
            *counts.entry(a.id).or_default() += 1;
        }
    }
    match counts.into_iter().max_by_key(|(_, n)| *n) {
        Some((id, n)) if n >= 2 => {
            let dir = first.rel.rsplit_once('/').map_or(String::new(), |(d, _)| format!("{d}/"));
            format!("{dir}{id}")
        }
        _ => first.rel.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn write(dir: &Path, rel: &str, text: &str) {
        let p = dir.join(rel);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).ok();
        }
        fs::write(p, text).ok();
    }

    fn summary(c: &Corpus) -> Vec<(String, Vec<(String, String)>)> {
        c.documents
            .iter()
            .map(|d| {
                let files = c.document_files(d).map(|f| (f.rel.clone(), f.locale.to_string())).collect();
                (d.name.clone(), files)
            })
            .collect()
    }

    const EN: &str = "# Install\n\nInstall the tool with the installer and follow every step shown on the screen until it is done.\n";
    const DE: &str = "# Installieren\n\nInstallieren Sie das Werkzeug mit dem Installationsprogramm und folgen Sie allen Schritten auf dem Bildschirm.\n";

    #[test]
    fn groups_hugo_content_folders_and_skips_files_outside_them() {
        let tmp = tempfile::tempdir().expect("tempdir");
        write(tmp.path(), "content/en/docs/install.md", EN);
        write(tmp.path(), "content/de/docs/install.md", DE);
        write(tmp.path(), "README.md", EN);
        let c = Corpus::load(&[tmp.path().to_path_buf()], &LoadOptions::default()).expect("load");
        assert_eq!(
            summary(&c),
            vec![(
                "content/docs/install.md".to_owned(),
                vec![
                    ("content/en/docs/install.md".to_owned(), "en".to_owned()),
                    ("content/de/docs/install.md".to_owned(), "de".to_owned())
                ]
            )]
        );
        assert_eq!(c.skipped, vec![("README.md".to_owned(), "outside the locale folders".to_owned())]);
        let en = c.files.iter().find(|f| f.rel == "content/en/docs/install.md").map(|f| f.locale_origin.clone());
        assert_eq!(en, Some(LocaleOrigin::PathSegment("en".into())));
    }

    #[test]
    fn groups_tldr_pages_folders() {
        let tmp = tempfile::tempdir().expect("tempdir");
        write(tmp.path(), "pages/common/tar.md", EN);
        write(tmp.path(), "pages.de/common/tar.md", DE);
        let c = Corpus::load(&[tmp.path().to_path_buf()], &LoadOptions::default()).expect("load");
        let s = summary(&c);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].0, "pages/common/tar.md");
        assert_eq!(s[0].1[0], ("pages/common/tar.md".to_owned(), "en".to_owned()));
        assert_eq!(s[0].1[1], ("pages.de/common/tar.md".to_owned(), "de".to_owned()));
    }

    #[test]
    fn groups_suffix_style_files() {
        let tmp = tempfile::tempdir().expect("tempdir");
        write(tmp.path(), "README.md", EN);
        write(tmp.path(), "README.de-DE.md", DE);
        write(
            tmp.path(),
            "guide.fr.md",
            "# Guide\n\nSuivez chaque étape affichée à l'écran jusqu'à la fin de l'installation.\n",
        );
        let c = Corpus::load(&[tmp.path().to_path_buf()], &LoadOptions::default()).expect("load");
        let s = summary(&c);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].0, "README.md");
        assert_eq!(
            s[0].1,
            vec![("README.md".to_owned(), "en".to_owned()), ("README.de-DE.md".to_owned(), "de-DE".to_owned())]
        );
        assert_eq!(
            c.files.iter().find(|f| f.rel == "README.md").map(|f| f.locale_origin.clone()),
            Some(LocaleOrigin::Detected)
        );
    }

    #[test]
    fn groups_a_flat_folder_by_structure_when_front_matter_names_the_locale() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let doc = |loc: &str, title: &str| {
            format!(
                "---\nms.contentlocale: {loc}\n---\n# <a name=\"intro\"></a>{title}\n\nSee [a](a.md), [b](b.md) and `x`.\n\n## <a name=\"next\"></a>{title}\n"
            )
        };
        write(tmp.path(), "001.txt", &doc("de-DE", "Einführung"));
        write(tmp.path(), "002.txt", &doc("fr-FR", "Introduction"));
        write(tmp.path(), "other.md", "---\nlang: de\n---\n# Etwas anderes\n\n[c](c.md)\n");
        write(tmp.path(), "plain.txt", "just words, no markup\n");
        let c = Corpus::load(&[tmp.path().to_path_buf()], &LoadOptions::default()).expect("load");
        let s = summary(&c);
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0].0, "intro");
        assert_eq!(
            s[0].1,
            vec![("001.txt".to_owned(), "de-DE".to_owned()), ("002.txt".to_owned(), "fr-FR".to_owned())]
        );
        assert_eq!(c.files[0].locale_origin, LocaleOrigin::FrontMatter("ms.contentlocale".into()));
        assert_eq!(c.skipped, vec![("plain.txt".to_owned(), "a .txt file with no Markdown in it".to_owned())]);
    }

    #[test]
    fn bad_files_become_problems_and_the_rest_loads() {
        let tmp = tempfile::tempdir().expect("tempdir");
        write(tmp.path(), "en/a.md", EN);
        write(tmp.path(), "de/a.md", DE);
        fs::write(tmp.path().join("de/b.md"), b"# T\n\nbad \xc3\x28\n").ok();
        fs::write(tmp.path().join("de/c.md"), b"\x89PNG\r\n\x1a\n\x00\x00").ok();
        let c = Corpus::load(&[tmp.path().to_path_buf()], &LoadOptions::default()).expect("load");
        assert_eq!(c.files.len(), 2);
        let problems: Vec<_> = c.problems.iter().map(|p| (p.rel.as_str(), p.line)).collect();
        assert_eq!(problems, vec![("de/b.md", 3), ("de/c.md", 1)]);
    }

    #[test]
    fn files_beyond_the_file_limit_are_skipped_each_with_the_reason() {
        let tmp = tempfile::tempdir().expect("tempdir");
        for name in ["a.md", "b.md", "c.md", "d.md"] {
            write(tmp.path(), name, EN);
        }
        let mut listing = Corpus::list(&[tmp.path().to_path_buf()]).expect("list");
        keep_at_most(&mut listing, 2);
        let kept: Vec<String> = listing.candidates().iter().map(|p| relative(p, tmp.path())).collect();
        assert_eq!(kept, vec!["a.md", "b.md"]);
        let why = "beyond the limit of 2 Markdown files per folder; open a subfolder".to_owned();
        assert_eq!(listing.skipped, vec![("c.md".to_owned(), why.clone()), ("d.md".to_owned(), why)]);
        let corpus = Corpus::read_listed(listing, &LoadOptions::default(), &Progress::default()).expect("read");
        assert_eq!((corpus.files.len(), corpus.skipped.len()), (2, 2));
    }

    #[test]
    fn usage_errors_name_the_path() {
        let missing = Corpus::load(&[PathBuf::from("/no/such/dir")], &LoadOptions::default());
        assert!(matches!(missing, Err(Error::MissingPath(_))));
        let tmp = tempfile::tempdir().expect("tempdir");
        assert!(matches!(
            Corpus::load(&[tmp.path().to_path_buf()], &LoadOptions::default()),
            Err(Error::EmptyFolder(_))
        ));
    }
}
