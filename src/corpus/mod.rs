//! Loading a folder: walking it (honouring `.gitignore`, skipping `.git`), decoding each Markdown file,
//! finding its locale and saying how, and grouping the files into documents — one article in N locales —
//! with zero configuration for flat, Hugo-style (`content/<lang>/`), tldr-style (`pages.<lang>/`) and
//! suffix-style (`guide.fr.md`) layouts.
//!
//! Nothing in a folder aborts a load: an entry that cannot be listed or read, a file that is not text, is
//! larger than [`MAX_FILE_BYTES`] or changed after the listing becomes a [`LoadProblem`]; symbolic links
//! and files beyond [`MAX_FILES`] are skipped with their reason.

pub mod coverage;
mod group;
mod layout;
mod locate;
mod read;
pub mod resolve;
pub mod skips;
mod walk;
pub mod words;

pub use locate::LocaleOrigin;
pub use walk::{Listing, WalkCounts};

use crate::dialect::{Dialect, Site};
use group::group_documents;
use layout::Layout;
use read::{load_bytes, load_one};
use walk::relative;

use crate::error::{Error, Result};
use crate::locale::Locale;
use crate::skeleton::Skeleton;
use crate::text::{Encoding, LineIndex};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The largest file read, in bytes (20 MiB): a larger file is reported as a problem and not loaded. The
/// largest real documentation pages are well under 1 MB; a file this big is a dump, not an article.
pub const MAX_FILE_BYTES: u64 = 20 << 20;

/// The most Markdown files read from one folder; the rest are reported as skipped.
pub const MAX_FILES: usize = 100_000;

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
    /// In the default language's folder of the layout: its locale is the site's default language.
    in_default_folder: bool,
}

/// Why a file could not be loaded (each becomes its own `input.*` finding).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ProblemKind {
    /// Not text: invalid UTF-8 or UTF-16, or binary.
    Encoding,
    /// Could not be read or listed.
    Unreadable,
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge,
}

/// A file that could not be loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoadProblem {
    /// What went wrong.
    pub kind: ProblemKind,
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
    /// The site dialect (`synoptic.toml` `dialect`); `None` detects it.
    pub dialect: Option<Dialect>,
    /// Read what `.gitignore` files inside the folder ignore too (`--no-ignore`).
    pub no_ignore: bool,
}

impl LoadOptions {
    /// The site of `root`: the configured dialect (with its defaults), else the detected one.
    fn site(&self, root: &Path, rels: &[String]) -> Site {
        let detected = Site::detect(root, rels);
        match self.dialect {
            Some(d) if d != detected.dialect => Site::of(d, "`dialect` in synoptic.toml"),
            _ => detected,
        }
    }
}

/// Everything loaded from the opened paths.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The folder paths are relative to.
    pub root: PathBuf,
    /// The site the folder belongs to: its dialect and conventions.
    pub site: Site,
    /// The loaded files.
    pub files: Vec<SourceFile>,
    /// Files grouped into documents.
    pub documents: Vec<Document>,
    /// Files that could not be read or decoded.
    pub problems: Vec<LoadProblem>,
    /// Files passed over on purpose, with the reason (plain `.txt`, outside the locale folders).
    pub skipped: Vec<(String, String)>,
    /// Entries passed over without being listed (ignored by `.gitignore`, not Markdown by name).
    pub walk_counts: WalkCounts,
    /// Every file and folder found under the root (relative paths), so link targets resolve without I/O.
    pub existing: HashSet<String>,
    /// The folder layout (locale folders, the default language's folder).
    layout: Layout,
    /// The documents' words, counted on first use.
    words: std::sync::OnceLock<words::Evaluated>,
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
        Corpus::read_listed(Corpus::list(paths, options)?, options, progress)
    }

    /// The first half of a load: walk `paths` and list the Markdown files, reading none of them.
    pub fn list(paths: &[PathBuf], options: &LoadOptions) -> Result<Listing> {
        walk::list(paths, options.no_ignore)
    }

    /// The second half of a load: read, decode and group the listed files. A file that changed since
    /// the listing (removed, replaced by a folder, grown past the limit, made unreadable) becomes a
    /// problem like any unreadable file; the rest loads.
    pub fn read_listed(listing: Listing, options: &LoadOptions, progress: &Progress) -> Result<Corpus> {
        let Listing { root, candidates, all, problems, skipped, counts, .. } = listing;
        progress.total.store(candidates.len(), Ordering::Relaxed);
        let rels: Vec<String> = candidates.iter().map(|p| relative(p, &root)).collect();
        let layout = Layout::of(&rels);
        let site = options.site(&root, &rels);
        let loaded: Vec<Option<Loaded>> = candidates
            .par_iter()
            .zip(rels.par_iter())
            .map(|(p, rel)| {
                if progress.is_cancelled() {
                    return None;
                }
                let item = load_one(p, rel, layout.place(rel));
                progress.done.fetch_add(1, Ordering::Relaxed);
                Some(item)
            })
            .collect();
        if progress.is_cancelled() {
            return Err(Error::Cancelled);
        }
        let existing = all.iter().map(|p| relative(p, &root)).collect();
        let mut corpus = Corpus::assemble(root, site, existing, loaded.into_iter().flatten(), options);
        corpus.layout = layout;
        corpus.problems.extend(problems);
        corpus.problems.sort_by(|a, b| a.rel.cmp(&b.rel));
        corpus.skipped.extend(skipped);
        corpus.skipped.sort();
        corpus.walk_counts = counts;
        if corpus.files.is_empty() && corpus.problems.is_empty() {
            return Err(Error::EmptyFolder(corpus.root));
        }
        Ok(corpus)
    }

    /// A corpus of in-memory files (relative path, bytes) under a notional `root`: decoded, parsed and
    /// grouped exactly as files read from disk. For tests, fuzzing and embedding; nothing is read.
    pub fn from_memory(root: &Path, files: Vec<(String, Vec<u8>)>, options: &LoadOptions) -> Corpus {
        let existing = files.iter().map(|(rel, _)| rel.clone()).collect();
        let rels: Vec<String> = files.iter().map(|(rel, _)| rel.clone()).collect();
        let layout = Layout::of(&rels);
        let site = options.dialect.map_or_else(Site::default, |d| Site::of(d, "synoptic.toml"));
        let loaded: Vec<Loaded> = files
            .into_iter()
            .map(|(rel, bytes)| {
                let placement = layout.place(&rel);
                load_bytes(root.join(&rel), rel, bytes, placement)
            })
            .collect();
        let mut corpus = Corpus::assemble(root.to_path_buf(), site, existing, loaded.into_iter(), options);
        corpus.layout = layout;
        corpus
    }

    /// Gather loaded items into a corpus: files, problems and skips, then documents.
    fn assemble(
        root: PathBuf,
        site: Site,
        existing: HashSet<String>,
        loaded: impl Iterator<Item = Loaded>,
        options: &LoadOptions,
    ) -> Corpus {
        let mut corpus = Corpus { root, site, existing, ..Corpus::default() };
        for item in loaded {
            match item {
                Loaded::File(f) => corpus.files.push(*f),
                Loaded::Problem(p) => corpus.problems.push(p),
                Loaded::Skipped(rel, why) => corpus.skipped.push((rel, why)),
            }
        }
        locate::settle_default_locale(&mut corpus);
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

    /// The source locale of the corpus: the one configured, else English when a file has it.
    pub fn effective_source(&self, configured: Option<&Locale>) -> Option<Locale> {
        configured
            .cloned()
            .or_else(|| Locale::parse("en").filter(|en| self.files.iter().any(|f| f.locale.same_language(en))))
    }

    /// The words each locale's documents hold (counted once, on first use: the window's loader asks in the
    /// background).
    pub fn evaluated(&self) -> &words::Evaluated {
        self.words.get_or_init(|| words::Evaluated::of(self))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::walk::keep_at_most;
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
            Some(LocaleOrigin::LayoutDefault)
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
        let mut listing = Corpus::list(&[tmp.path().to_path_buf()], &LoadOptions::default()).expect("list");
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
