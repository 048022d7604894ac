//! Translation status: for every translation of a corpus, whether it is up to date with its source, behind
//! it (by how many source commits, since when), unknown (and why), an orphan, or missing — the facts a
//! localization dashboard shows. The git history ([`crate::history`]) is the first witness; front-matter
//! revisions (`meta.stale`'s evidence) speak when git says nothing decisive or is not there.
//!
//! A translation's revision is the commit recorded in its front matter (`l10n.sourceCommit`,
//! `default_lang_commit`, `source_commit`, `sourceCommit`), else the last commit that changed its content.
//! It is behind by the commits that changed the source's content (following renames) and are not that
//! revision or its ancestors.

use crate::checks::{Finding, default_severity, fingerprint, staleness};
use crate::corpus::{Corpus, SourceFile};
use crate::history::{ChangeKind, FileChange, History, NoHistory, Resolved};
use crate::locale::Locale;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Front-matter keys that record the source commit a translation was made from.
pub const COMMIT_KEYS: &[&str] = &["l10n.sourceCommit", "default_lang_commit", "source_commit", "sourceCommit"];

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

    /// `meta.stale` findings for translations that git alone shows behind (front-matter evidence is
    /// reported by `meta.stale` itself, with the same fingerprint: one fact, one finding).
    pub fn stale_findings(&self, corpus: &Corpus) -> Vec<Finding> {
        self.entries
            .iter()
            .filter(|e| e.status == State::Behind && !e.front_matter_behind && !e.commits.is_empty())
            .filter_map(|e| Some((e, corpus.file(e.file.as_deref()?)?)))
            .map(|(e, file)| git_stale_finding(e, file))
            .collect()
    }
}

fn git_stale_finding(e: &Entry, file: &SourceFile) -> Finding {
    let source = e.source_file.as_deref().unwrap_or("the source");
    let changes: Vec<String> = e.commits.iter().take(3).map(CommitRef::short).collect();
    let more = if e.commits.len() > 3 { format!(" and {} more", e.commits.len() - 3) } else { String::new() };
    let base = e.base.as_ref().map_or_else(String::new, |b| {
        format!(" {} ({}; {})", b.commit.commit.get(..7).unwrap_or(&b.commit.commit), b.commit.date, b.from)
    });
    let message = format!(
        "{} is {}: {source} changed in {}{more} after the translation's revision{base}",
        e.locale,
        e.summary(),
        changes.join(", ")
    );
    Finding {
        id: "meta.stale",
        severity: default_severity("meta.stale"),
        document: e.document.clone(),
        fingerprint: fingerprint(&["meta.stale", &e.document, &e.locale, "", ""]),
        locale: e.locale.clone(),
        file: file.rel.clone(),
        line: e.base.as_ref().map_or(1, |b| b.line.max(1)),
        column: 1,
        message,
        row: None,
    }
}

/// The source locale of a corpus: the one configured, else English when a file has it.
pub fn effective_source(corpus: &Corpus, configured: Option<&Locale>) -> Option<Locale> {
    configured
        .cloned()
        .or_else(|| Locale::parse("en").filter(|en| corpus.files.iter().any(|f| f.locale.same_language(en))))
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
    let gaps = staleness::coverage(corpus, Some(source));
    let mut entries = Vec::new();
    for (di, doc) in corpus.documents.iter().enumerate() {
        let Some(src) = doc.source else { continue };
        let files: Vec<&SourceFile> = corpus.document_files(doc).collect();
        let source_col = doc.files.iter().position(|&f| f == src);
        let revisions = staleness::Revisions::new(&files, source_col);
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

fn gap_entry(corpus: &Corpus, gap: staleness::Gap) -> Entry {
    let (doc_index, locale, file, source_file, status, detail) = match gap {
        staleness::Gap::Orphan { document, file, message } => {
            let f = &corpus.files[file];
            (document, f.locale.to_string(), Some(f.rel.clone()), None, State::Orphan, message)
        }
        staleness::Gap::Missing { document, locale, anchor: _, message } => {
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

/// What git says about one translation.
#[derive(Debug, Clone, PartialEq, Eq)]
enum GitVerdict {
    UpToDate(Base),
    Behind { base: Base, commits: Vec<CommitRef>, at_least: bool, source_then: String },
    Unknown(String),
}

/// Git's verdict first when it is decisive (behind, or up to date while front matter does not say behind),
/// front matter's otherwise.
fn combine(
    mut e: Entry,
    git: Option<GitVerdict>,
    revisions: &staleness::Revisions,
    col: usize,
    source_col: Option<usize>,
    no_history: Option<&String>,
) -> Entry {
    let fm_behind = revisions.status[col] == staleness::Status::Behind;
    let fm_newest = revisions.status[col] == staleness::Status::Newest;
    e.front_matter_behind = fm_behind;
    let fm_note = || {
        let mine = revisions.revisions[col].as_ref().map_or_else(|| "unknown".to_owned(), staleness::show);
        // Name the newest revision as `meta.stale` does: the source's, else the first newest peer's.
        let newest = |c: &usize| revisions.status[*c] == staleness::Status::Newest;
        let lead = source_col
            .into_iter()
            .chain(0..revisions.status.len())
            .filter(newest)
            .find_map(|c| revisions.revisions[c].as_ref())
            .map(staleness::show);
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
            e.detail = fm_note();
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
            e.detail = format!("no git history ({why}) and no source revision recorded in front matter");
        }
    }
    e
}

/// Asks the history about translations, reusing one scratch buffer for the ancestry walks.
struct GitWalker<'h> {
    history: &'h History,
    seen: Vec<bool>,
}

impl<'h> GitWalker<'h> {
    fn new(history: &'h History) -> Self {
        GitWalker { history, seen: Vec::new() }
    }

    fn commit_ref(&self, i: u32) -> CommitRef {
        let c = &self.history.commits[i as usize];
        CommitRef { commit: c.hash.clone(), date: c.date.clone() }
    }

    fn judge(&mut self, source: &SourceFile, translation: &SourceFile) -> GitVerdict {
        let h = self.history;
        let base = match self.base_of(translation) {
            Ok(b) => b,
            Err(why) => return GitVerdict::Unknown(why),
        };
        let source_log: Vec<FileChange> =
            h.file_log(&h.repo_path(&source.rel)).into_iter().filter(|c| c.kind == ChangeKind::Content).collect();
        let candidates: Vec<u32> = source_log.iter().map(|c| c.commit).collect();
        let included = h.ancestors_among(base.commit, &candidates, &mut self.seen);
        let missing: Vec<&FileChange> =
            source_log.iter().zip(&included).filter(|(_, inc)| !**inc).map(|(c, _)| c).collect();
        let base_ref = Base { commit: self.commit_ref(base.commit), from: base.from, line: base.line };
        // A shallow clone's cut "adds" every file: the translation's real last change may be older.
        let cut = !base.recorded && h.is_boundary(base.commit);
        if missing.is_empty() {
            if cut {
                return GitVerdict::Unknown(format!(
                    "the clone is shallow: the translation's last change is older than its history ({}); `git fetch --unshallow` tells",
                    base_ref.commit.short()
                ));
            }
            return GitVerdict::UpToDate(base_ref);
        }
        // The source's name at the translation's revision: its name before the oldest change it lacks.
        let source_then = missing.last().map_or_else(|| h.repo_path(&source.rel), |c| c.path_before.clone());
        GitVerdict::Behind {
            base: base_ref,
            commits: missing.iter().map(|c| self.commit_ref(c.commit)).collect(),
            at_least: cut,
            source_then,
        }
    }

    /// The translation's revision: the commit its front matter records, else its last content change.
    fn base_of(&self, translation: &SourceFile) -> Result<BaseRevision, String> {
        let h = self.history;
        let fm = &translation.skeleton.front_matter;
        if let Some(entry) = fm.first_of(COMMIT_KEYS).filter(|e| looks_like_commit(&e.value)) {
            let short = entry.value.get(..7).unwrap_or(&entry.value);
            let key = &entry.key;
            return match h.resolve(&entry.value) {
                Resolved::Found(commit) => {
                    Ok(BaseRevision { commit, from: format!("front matter `{key}`"), line: entry.line, recorded: true })
                }
                Resolved::Ambiguous => {
                    Err(format!("the recorded source commit {short} (`{key}`) names several commits"))
                }
                Resolved::Missing if h.shallow => Err(format!(
                    "the recorded source commit {short} (`{key}`) is not in this shallow clone; `git fetch --unshallow` tells"
                )),
                Resolved::Missing => {
                    Err(format!("the recorded source commit {short} (`{key}`) is not in this repository's history"))
                }
            };
        }
        let log = h.file_log(&h.repo_path(&translation.rel));
        // A pure rename of the translation does not make it newer: its last content change counts.
        match log.iter().find(|c| c.kind == ChangeKind::Content).or(log.first()) {
            Some(c) => Ok(BaseRevision {
                commit: c.commit,
                from: "last change of the file".to_owned(),
                line: 0,
                recorded: false,
            }),
            None => Err("not committed yet: git has no history of this translation".to_owned()),
        }
    }
}

/// A translation's revision as found in the history.
struct BaseRevision {
    /// Index into the history's commits.
    commit: u32,
    /// How it was found, in words.
    from: String,
    /// The front-matter line that records it (0: none).
    line: usize,
    /// Recorded in front matter (exact), rather than inferred from the file's last change.
    recorded: bool,
}

/// A commit name: 7 to 40 hex digits (front matter sometimes holds a content hash or a placeholder).
fn looks_like_commit(value: &str) -> bool {
    (7..=40).contains(&value.len()) && value.chars().all(|c| c.is_ascii_hexdigit())
}

/// The source text at each behind translation's revision (one `git cat-file` for all), by entry index.
pub fn sources_then(report: &StatusReport) -> BTreeMap<usize, String> {
    let HistoryInfo::Git { toplevel, .. } = &report.history else { return BTreeMap::new() };
    let wanted: Vec<(usize, (String, String))> = report
        .entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((i, (e.base.as_ref()?.commit.commit.clone(), e.source_then.clone()?))))
        .collect();
    let requests: Vec<(String, String)> = wanted.iter().map(|(_, r)| r.clone()).collect();
    let Ok(blobs) = crate::history::read_blobs(toplevel, &requests) else { return BTreeMap::new() };
    wanted
        .iter()
        .zip(blobs)
        .filter_map(|((i, _), blob)| {
            let (text, _) = crate::text::decode_owned(blob?).ok()?;
            Some((*i, text))
        })
        .collect()
}

/// A unified diff of the source from its text at the translation's revision to its text now.
pub fn source_diff(entry: &Entry, then: &str, now: &str) -> String {
    let base = entry.base.as_ref().map_or_else(String::new, |b| b.commit.short());
    let file = entry.source_file.as_deref().unwrap_or("source");
    similar::TextDiff::from_lines(then, now)
        .unified_diff()
        .context_radius(2)
        .header(&format!("{file} at {base}"), &format!("{file} now"))
        .to_string()
}

/// One row of a behind translation where the source changed since the translation's revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowChange {
    /// The document's aligned row (the row before, for a block removed since).
    pub row: Option<usize>,
    /// The source block at the translation's revision (`None`: added since).
    pub then: Option<String>,
    /// The source block now (`None`: removed since).
    pub now: Option<String>,
    /// The translation's block in that row, when it has one.
    pub translation: Option<String>,
    /// `now` word by word against `then`: what is new since the translation's revision.
    pub now_diff: Vec<(crate::diff::Change, std::ops::Range<usize>)>,
}

/// For each behind translation with a readable old source (by entry index), the rows whose source changed
/// since its revision, in document order: the old source is parsed and aligned with the source now, and
/// through it with the document's rows.
pub fn source_changes(review: &crate::review::Review) -> BTreeMap<usize, Vec<RowChange>> {
    sources_then(&review.status)
        .into_iter()
        .filter_map(|(i, then)| Some((i, entry_changes(review, &review.status.entries[i], &then)?)))
        .collect()
}

fn entry_changes(review: &crate::review::Review, entry: &Entry, then_text: &str) -> Option<Vec<RowChange>> {
    let corpus = &review.corpus;
    let doc = corpus.documents.get(entry.doc_index)?;
    let alignment = &review.documents.get(entry.doc_index)?.alignment;
    let source = doc.source?;
    let source_col = doc.files.iter().position(|&f| f == source)?;
    let translation_col = doc.files.iter().position(|&f| Some(&corpus.files[f].rel) == entry.file.as_ref())?;
    let now = &corpus.files[source];
    let translation = &corpus.files[doc.files[translation_col]];
    let then = crate::skeleton::Skeleton::parse(then_text, &crate::text::LineIndex::new(then_text));
    let pair = crate::align::align(&[&now.skeleton, &then], Some(0));
    let row_of_block: BTreeMap<usize, usize> = alignment
        .rows
        .iter()
        .enumerate()
        .filter_map(|(r, row)| Some((row.cells.get(source_col).copied().flatten()?, r)))
        .collect();
    let block_text = |text: &str, sk: &crate::skeleton::Skeleton, b: usize| {
        sk.blocks.get(b).and_then(|b| text.get(b.range.clone())).map(|s| s.trim_end().to_owned())
    };
    let mut out = Vec::new();
    let mut last_row = None;
    for cells in pair.rows.iter().map(|r| &r.cells) {
        let (now_block, then_block) = (cells.first().copied().flatten(), cells.get(1).copied().flatten());
        let row = now_block.and_then(|b| row_of_block.get(&b).copied()).or(last_row);
        last_row = row;
        let now_text = now_block.and_then(|b| block_text(&now.text, &now.skeleton, b));
        let then_text = then_block.and_then(|b| block_text(then_text, &then, b));
        if now_text == then_text {
            continue;
        }
        let translation_text = row
            .filter(|_| now_block.is_some())
            .and_then(|r| alignment.rows[r].cells.get(translation_col).copied().flatten())
            .and_then(|b| block_text(&translation.text, &translation.skeleton, b));
        let now_diff = now_text
            .as_deref()
            .map_or_else(Vec::new, |n| crate::diff::word_diff(then_text.as_deref().unwrap_or(""), n));
        out.push(RowChange { row, then: then_text, now: now_text, translation: translation_text, now_diff });
    }
    Some(out)
}
