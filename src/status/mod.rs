//! Translation status: for every translation of a corpus, whether it is up to date with its source, behind
//! it (by how many source commits, since when), unknown (and why), an orphan, or missing — the facts a
//! localization dashboard shows. The git history ([`crate::history`]) is the first witness; front-matter
//! revisions (`meta.stale`'s evidence) speak when git says nothing decisive or is not there.
//!
//! A translation's revision is the commit recorded in its front matter (`l10n.sourceCommit`,
//! `default_lang_commit`, `source_commit`, `sourceCommit`), else the last commit that changed its content.
//! It is behind by the commits that changed the source's content (following renames) and are not that
//! revision or its ancestors.

mod changes;
mod git;

pub use changes::{RowChange, source_changes, source_diff, sources_then};

use git::{GitVerdict, GitWalker};

use crate::corpus::coverage::{self, Gap};
use crate::corpus::{Corpus, SourceFile};
use crate::history::{History, NoHistory};
use crate::locale::Locale;
use crate::revision::{self, Revisions};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

pub use crate::revision::COMMIT_KEYS;

/// Where a translation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Source changes since the translation's revision.
    Behind,
    /// Nothing decisive tells (said why in the detail).
    Unknown,
    /// A translation whose source document is not there.
    Orphan,
    /// A locale most documents have lacks this document.
    Missing,
    /// Made from the source as it is now.
    UpToDate,
}

impl State {
    /// The words the tables use.
    pub fn label(self) -> &'static str {
        match self {
            State::UpToDate => "up to date",
            State::Behind => "behind",
            State::Unknown => "unknown",
            State::Missing => "missing",
            State::Orphan => "orphan",
        }
    }
}

/// A commit as the status names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommitRef {
    /// The full hash.
    pub commit: String,
    /// The committer date, `YYYY-MM-DD`.
    pub date: String,
}

impl CommitRef {
    /// `abc1234 (2024-03-01)`.
    pub fn short(&self) -> String {
        format!("{} ({})", self.commit.get(..7).unwrap_or(&self.commit), self.date)
    }
}

/// The source revision a translation was made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Base {
    /// The commit.
    #[serde(flatten)]
    pub commit: CommitRef,
    /// How it was found: ``front matter `key` `` or `last change of the file`.
    pub from: String,
    /// The 1-based line of the front-matter key, when it came from one.
    #[serde(skip)]
    pub line: usize,
}

/// One translation (or missing translation) of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The document's name.
    pub document: String,
    /// Index into `corpus.documents`.
    #[serde(skip)]
    pub doc_index: usize,
    /// The translation's locale.
    pub locale: String,
    /// The translation file (relative to the folder); `None` when missing.
    pub file: Option<String>,
    /// The source file; `None` for an orphan.
    pub source_file: Option<String>,
    /// Where it stands.
    pub status: State,
    /// Source commits since the translation's revision, newest first (empty unless git says behind).
    pub commits: Vec<CommitRef>,
    /// The count is a lower bound: a shallow clone cuts off the translation's own history.
    pub at_least: bool,
    /// The source revision the translation was made from, when git tells.
    pub base: Option<Base>,
    /// The evidence, in words (why unknown, what front matter says, why orphan or missing).
    pub detail: String,
    /// The source's path (relative to the work tree's top) at the translation's revision, for its old text.
    #[serde(skip)]
    pub source_then: Option<String>,
    /// Front matter alone already says this translation is behind (`meta.stale` reports it from there).
    #[serde(skip)]
    pub front_matter_behind: bool,
}

impl Entry {
    /// `behind 2 source commits since 2024-03-01`, `up to date`, `unknown: why`, …
    pub fn summary(&self) -> String {
        match self.status {
            State::Behind if !self.commits.is_empty() => {
                let n = self.commits.len();
                let oldest = self.commits.last().map_or("", |c| c.date.as_str());
                let plural = if n == 1 { "" } else { "s" };
                let bound = if self.at_least { "at least " } else { "" };
                format!("behind {bound}{n} source commit{plural} since {oldest}")
            }
            State::UpToDate => "up to date".to_owned(),
            State::Behind => format!("behind ({})", self.detail),
            other => format!("{}: {}", other.label(), self.detail),
        }
    }
}

/// What history the status could read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum HistoryInfo {
    /// A git work tree.
    Git {
        /// The work tree's top folder.
        #[serde(skip)]
        toplevel: PathBuf,
        /// `HEAD`'s commit, when there is one.
        head: Option<String>,
        /// Commits in `HEAD`'s history.
        commits: usize,
        /// The clone is shallow.
        shallow: bool,
    },
    /// No history: front-matter evidence only.
    None {
        /// Why.
        reason: String,
    },
    /// Not computed (no source locale).
    #[default]
    NotComputed,
}

/// Counts of one locale.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LocaleCounts {
    /// The locale (or `total`).
    pub locale: String,
    /// Up to date.
    pub up_to_date: usize,
    /// Behind.
    pub behind: usize,
    /// Unknown.
    pub unknown: usize,
    /// Missing.
    pub missing: usize,
    /// Orphans.
    pub orphan: usize,
    /// All of the above.
    pub total: usize,
}

impl LocaleCounts {
    fn add(&mut self, state: State) {
        match state {
            State::UpToDate => self.up_to_date += 1,
            State::Behind => self.behind += 1,
            State::Unknown => self.unknown += 1,
            State::Missing => self.missing += 1,
            State::Orphan => self.orphan += 1,
        }
        self.total += 1;
    }
}

/// The status of every translation of a corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct StatusReport {
    /// The source locale, if any.
    pub source: Option<String>,
    /// What history was read.
    pub history: HistoryInfo,
    /// Every entry, most urgent first: behind (most commits first), unknown, orphan, missing, up to date.
    pub entries: Vec<Entry>,
}

impl StatusReport {
    /// Counts per locale (sorted), then the totals as a last row named `total`.
    pub fn counts(&self) -> Vec<LocaleCounts> {
        let mut by_locale: BTreeMap<&str, LocaleCounts> = BTreeMap::new();
        let mut total = LocaleCounts { locale: "total".to_owned(), ..LocaleCounts::default() };
        for e in &self.entries {
            by_locale
                .entry(e.locale.as_str())
                .or_insert_with(|| LocaleCounts { locale: e.locale.clone(), ..LocaleCounts::default() })
                .add(e.status);
            total.add(e.status);
        }
        by_locale.into_values().chain(std::iter::once(total)).collect()
    }

    /// The entry of a document's translation in a locale.
    pub fn entry(&self, doc_index: usize, locale: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.doc_index == doc_index && e.locale == locale)
    }
}

/// The status of every translation, reading the history of the corpus's folder when it is in a git work
/// tree (four git processes, whatever the number of files).
pub fn compute(corpus: &Corpus, source: Option<&Locale>) -> StatusReport {
    if source.is_none() {
        return StatusReport::default();
    }
    compute_with(corpus, source, History::open(&corpus.root))
}

/// [`compute`] with the history already read (or the reason there is none).
pub fn compute_with(corpus: &Corpus, source: Option<&Locale>, history: Result<History, NoHistory>) -> StatusReport {
    let Some(source) = source else { return StatusReport::default() };
    let history = history.map_err(|why| why.to_string());
    let info = match &history {
        Ok(h) => HistoryInfo::Git {
            toplevel: h.toplevel.clone(),
            head: h.commits.first().map(|c| c.hash.clone()),
            commits: h.commits.len(),
            shallow: h.shallow,
        },
        Err(reason) => HistoryInfo::None { reason: reason.clone() },
    };
    let mut walker = history.as_ref().ok().map(GitWalker::new);
    let gaps = coverage::coverage(corpus, Some(source));
    let mut entries = Vec::new();
    for (di, doc) in corpus.documents.iter().enumerate() {
        let Some(src) = doc.source else { continue };
        let files: Vec<&SourceFile> = corpus.document_files(doc).collect();
        let source_col = doc.files.iter().position(|&f| f == src);
        let revisions = Revisions::new(&files, source_col);
        for (col, &fi) in doc.files.iter().enumerate().filter(|&(_, &fi)| fi != src) {
            let git = walker.as_mut().map(|w| w.judge(&corpus.files[src], &corpus.files[fi]));
            let base = Entry {
                document: doc.name.clone(),
                doc_index: di,
                locale: corpus.files[fi].locale.to_string(),
                file: Some(corpus.files[fi].rel.clone()),
                source_file: Some(corpus.files[src].rel.clone()),
                status: State::Unknown,
                commits: Vec::new(),
                at_least: false,
                base: None,
                detail: String::new(),
                source_then: None,
                front_matter_behind: false,
            };
            entries.push(combine(base, git, &revisions, col, source_col, history.as_ref().err()));
        }
    }
    entries.extend(gaps.into_iter().map(|gap| gap_entry(corpus, gap)));
    entries.sort_by(|a, b| {
        (a.status, std::cmp::Reverse(a.commits.len()), &a.file, &a.document, &a.locale).cmp(&(
            b.status,
            std::cmp::Reverse(b.commits.len()),
            &b.file,
            &b.document,
            &b.locale,
        ))
    });
    StatusReport { source: Some(source.to_string()), history: info, entries }
}

fn gap_entry(corpus: &Corpus, gap: Gap) -> Entry {
    let (doc_index, locale, file, source_file, status, detail) = match gap {
        Gap::Orphan { document, file, message } => {
            let f = &corpus.files[file];
            (document, f.locale.to_string(), Some(f.rel.clone()), None, State::Orphan, message)
        }
        Gap::Missing { document, locale, anchor: _, message, source_only: _ } => {
            let source = corpus.documents[document].source.map(|s| corpus.files[s].rel.clone());
            (document, locale, None, source, State::Missing, message)
        }
    };
    Entry {
        document: corpus.documents[doc_index].name.clone(),
        doc_index,
        locale,
        file,
        source_file,
        status,
        commits: Vec::new(),
        at_least: false,
        base: None,
        detail,
        source_then: None,
        front_matter_behind: false,
    }
}

/// Git's verdict first when it is decisive (behind, or up to date while front matter does not say behind),
/// front matter's otherwise.
fn combine(
    mut e: Entry,
    git: Option<GitVerdict>,
    revisions: &Revisions,
    col: usize,
    source_col: Option<usize>,
    no_history: Option<&String>,
) -> Entry {
    let fm_behind = revisions.status[col] == revision::Status::Behind;
    let fm_newest = revisions.status[col] == revision::Status::Newest;
    e.front_matter_behind = fm_behind;
    let fm_note = || {
        let mine = revisions.revisions[col].as_ref().map_or_else(|| "unknown".to_owned(), revision::show);
        // Name the newest revision as `meta.stale` does: the source's, else the first newest peer's.
        let newest = |c: &usize| revisions.status[*c] == revision::Status::Newest;
        let lead = source_col
            .into_iter()
            .chain(0..revisions.status.len())
            .filter(newest)
            .find_map(|c| revisions.revisions[c].as_ref())
            .map(revision::show);
        match lead {
            Some(l) => format!("front matter: translated from source revision {mine}; the newest is {l}"),
            None => format!("front matter: translated from source revision {mine}, older than its peers'"),
        }
    };
    match git {
        Some(GitVerdict::Behind { base, commits, at_least, source_then }) => {
            e.status = State::Behind;
            e.base = Some(base);
            e.commits = commits;
            e.at_least = at_least;
            e.source_then = Some(source_then);
        }
        _ if fm_behind => {
            e.status = State::Behind;
            e.detail = match revisions.revisions[col].as_ref().and_then(|r| r.drift_flag) {
                Some(line) => {
                    format!("front matter: the site marks this translation as drifted from the source (line {line})")
                }
                None => fm_note(),
            };
            if let Some(GitVerdict::UpToDate(base)) = git {
                e.base = Some(base);
            }
        }
        Some(GitVerdict::UpToDate(base)) => {
            e.status = State::UpToDate;
            e.base = Some(base);
        }
        Some(GitVerdict::Unknown(why)) if fm_newest => {
            e.status = State::UpToDate;
            e.detail = format!("front matter: on the source's revision (git cannot tell: {why})");
        }
        Some(GitVerdict::Unknown(why)) => {
            e.status = State::Unknown;
            e.detail = why;
        }
        None if fm_newest => {
            e.status = State::UpToDate;
            e.detail = "front matter: on the source's revision".to_owned();
        }
        None => {
            let why = no_history.map_or("no history", String::as_str);
            e.status = State::Unknown;
            e.detail = match revisions.revisions[col].as_ref().filter(|r| r.id.is_some()) {
                Some(r) => format!(
                    "front matter declares source revision {} (`{}`); without git history ({why}) its age cannot be told",
                    revision::show(r),
                    r.key.as_deref().unwrap_or("revision")
                ),
                None => format!("no git history ({why}) and no source revision recorded in front matter"),
            };
        }
    }
    e
}
