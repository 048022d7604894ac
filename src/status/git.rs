//! Asking the git history about translations: each translation's base revision and the source commits
//! since.

use super::{Base, COMMIT_KEYS, CommitRef};
use crate::corpus::SourceFile;
use crate::history::{ChangeKind, FileChange, History, Resolved};

/// What git says about one translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum GitVerdict {
    UpToDate(Base),
    Behind { base: Base, commits: Vec<CommitRef>, at_least: bool, source_then: String },
    Unknown(String),
}

/// Asks the history about translations, reusing one scratch buffer for the ancestry walks.
pub(super) struct GitWalker<'h> {
    history: &'h History,
    seen: Vec<bool>,
}

impl<'h> GitWalker<'h> {
    pub(super) fn new(history: &'h History) -> Self {
        GitWalker { history, seen: Vec::new() }
    }

    fn commit_ref(&self, i: u32) -> CommitRef {
        let c = &self.history.commits[i as usize];
        CommitRef { commit: c.hash.clone(), date: c.date.clone() }
    }

    pub(super) fn judge(&mut self, source: &SourceFile, translation: &SourceFile) -> GitVerdict {
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
