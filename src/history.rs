//! A folder's git history, read with the `git` command: the commit graph of `HEAD` (one `git rev-list`),
//! every change under the folder with renames (one `git log --name-status -M -z`), and old file contents
//! (one `git cat-file --batch` for many blobs). Nothing here knows about translations; [`crate::status`]
//! asks it which commits touched a file, following renames, and which commits are ancestors of others.
//!
//! The `git` command rather than a library: it is on every machine that has a repository, it reads every
//! repository format git itself reads (worktrees, alternates, shallow clones, partial clones), and it keeps
//! the build small. Four processes (two `rev-parse`, two `log`) read the whole history, however many files
//! the folder holds.

use crate::util::read::FileKind;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Why a folder has no history to read. Not an error: the status falls back to front-matter evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoHistory {
    /// The `git` command is not installed (or not on `PATH`).
    GitNotFound,
    /// The folder is not inside a git work tree.
    NotAWorkTree,
    /// git ran but failed; what it said.
    Failed(String),
}

impl std::fmt::Display for NoHistory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NoHistory::GitNotFound => write!(f, "git is not installed"),
            NoHistory::NotAWorkTree => write!(f, "the folder is not in a git work tree"),
            NoHistory::Failed(why) => write!(f, "git failed: {why}"),
        }
    }
}

/// One commit of `HEAD`'s history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// The full hash.
    pub hash: String,
    /// The committer date, `YYYY-MM-DD` (in the committer's time zone).
    pub date: String,
    parents: Vec<u32>,
    /// 1 + the longest parent chain below it: an ancestor always has a smaller generation.
    generation: u32,
    /// A shallow clone's cut: the commit's parents are not in the clone.
    boundary: bool,
}

/// How a commit changed a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// Added, modified or deleted: the content changed.
    Content,
    /// Renamed (or copied) from another path with the content unchanged.
    PureRename,
}

/// One commit's change to one path (the path after the commit).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Touch {
    /// Position in the log (0 = newest).
    seq: u32,
    /// Index into [`History::commits`], when the commit is in the graph.
    commit: Option<u32>,
    kind: ChangeKind,
    /// For a rename or copy: the path before.
    from: Option<String>,
}

/// A file's change as [`History::file_log`] reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    /// Index into [`History::commits`].
    pub commit: u32,
    /// What the commit did.
    pub kind: ChangeKind,
    /// The file's path (relative to the work tree's top) before the commit: its name at older revisions.
    pub path_before: String,
}

/// A revision named by the user (front matter), resolved against the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    /// The commit, as an index into [`History::commits`].
    Found(u32),
    /// No commit of `HEAD`'s history has this name.
    Missing,
    /// Several commits start with this abbreviation.
    Ambiguous,
}

/// The history of the folder a corpus was loaded from.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// The work tree's top folder.
    pub toplevel: PathBuf,
    /// The folder's path relative to the top, with `/` separators and a trailing `/` (empty at the top).
    pub prefix: String,
    /// The clone is shallow: older history is cut off.
    pub shallow: bool,
    /// `HEAD`'s commits, children before parents.
    pub commits: Vec<Commit>,
    by_hash: HashMap<String, u32>,
    /// Every path ever changed under the folder (relative to the top), with its changes newest first.
    touches: HashMap<String, Vec<Touch>>,
}

impl History {
    /// Read the history of the work tree `folder` is in, for the paths under `folder`.
    pub fn open(folder: &Path) -> Result<History, NoHistory> {
        // A folder that is not on disk (an in-memory corpus) has no work tree; no need to ask git.
        if !folder.is_dir() {
            return Err(NoHistory::NotAWorkTree);
        }
        let info = git(folder, &["rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository"], None)?;
        let info = String::from_utf8_lossy(&info);
        let mut lines = info.lines();
        let toplevel = PathBuf::from(lines.next().unwrap_or_default());
        let prefix = lines.next().unwrap_or_default().to_owned();
        let shallow = lines.next() == Some("true");
        let mut history = History { toplevel, prefix, shallow, ..History::default() };
        // A repository without commits has no history yet: every file is uncommitted.
        if git(folder, &["rev-parse", "--verify", "--quiet", "HEAD"], None).is_err() {
            return Ok(history);
        }
        let graph = git(folder, &["log", "--topo-order", "--format=%H %cs %P", "HEAD"], None)?;
        history.read_graph(&String::from_utf8_lossy(&graph));
        let log = git(
            folder,
            &[
                "-c",
                "diff.renameLimit=10000",
                "log",
                "-z",
                "-M",
                "--no-color",
                "--name-status",
                "--format=%x01%H",
                "HEAD",
                "--",
                ".",
            ],
            None,
        )?;
        history.read_log(&log);
        Ok(history)
    }

    /// A history from git's outputs: `log --topo-order --format="%H %cs %P"` (the graph) and
    /// `log -z -M --name-status --format=%x01%H -- .` (the changes); for tests of the parsing.
    pub fn from_outputs(toplevel: PathBuf, prefix: &str, shallow: bool, graph: &str, log: &[u8]) -> Self {
        let mut history = History { toplevel, prefix: prefix.to_owned(), shallow, ..History::default() };
        history.read_graph(graph);
        history.read_log(log);
        history
    }

    /// Read `hash date parent…` lines, children before parents.
    fn read_graph(&mut self, graph: &str) {
        let rows: Vec<Vec<&str>> = graph
            .lines()
            .map(|l| l.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>())
            .filter(|r| r.len() >= 2)
            .collect();
        self.by_hash = rows.iter().enumerate().map(|(i, r)| (r[0].to_owned(), i as u32)).collect();
        self.commits = rows
            .iter()
            .map(|r| Commit {
                hash: r[0].to_owned(),
                date: r[1].to_owned(),
                parents: r[2..].iter().filter_map(|p| self.by_hash.get(*p).copied()).collect(),
                generation: 0,
                boundary: false,
            })
            .collect();
        // git prints a shallow clone's cut commits without parents.
        for c in &mut self.commits {
            c.boundary = self.shallow && c.parents.is_empty();
        }
        // Children come before parents: walk backwards so every parent's generation is known.
        for i in (0..self.commits.len()).rev() {
            let g = self.commits[i].parents.iter().map(|&p| self.commits[p as usize].generation).max().unwrap_or(0);
            self.commits[i].generation = g + 1;
        }
    }

    fn read_log(&mut self, log: &[u8]) {
        let mut tokens = log.split(|&b| b == 0).map(|t| String::from_utf8_lossy(t).into_owned());
        let mut seq: u32 = 0;
        let mut commit: Option<u32> = None;
        let mut started = false;
        while let Some(token) = tokens.next() {
            let token = token.trim_start_matches('\n');
            if let Some(hash) = token.strip_prefix('\u{1}') {
                if started {
                    seq += 1;
                }
                started = true;
                commit = self.by_hash.get(hash.trim()).copied();
                continue;
            }
            let Some(letter) = token.chars().next() else { continue };
            let (from, path) = if matches!(letter, 'R' | 'C') {
                let from = tokens.next().unwrap_or_default();
                (Some(from), tokens.next().unwrap_or_default())
            } else {
                (None, tokens.next().unwrap_or_default())
            };
            let kind = if matches!(letter, 'R' | 'C') && token[1..].trim() == "100" {
                ChangeKind::PureRename
            } else {
                ChangeKind::Content
            };
            // A rename or a copy: the new path's older history is the origin's (a copy leaves the origin
            // in place, so only the new path's history goes through it).
            self.touches.entry(path).or_default().push(Touch { seq, commit, kind, from });
        }
    }

    /// The path of a folder-relative path (as the corpus names files) relative to the work tree's top.
    pub fn repo_path(&self, rel: &str) -> String {
        format!("{}{rel}", self.prefix)
    }

    /// The commits that changed `path` (relative to the top), newest first, following renames back in time.
    pub fn file_log(&self, path: &str) -> Vec<FileChange> {
        let mut out = Vec::new();
        let mut name = path.to_owned();
        // Log positions grow towards the past: each rename hands over to the old name's changes older than
        // the rename, so a cycle of renames ends because `older_than` only grows.
        let mut older_than: Option<u32> = None;
        while let Some(touches) = self.touches.get(&name) {
            let mut next: Option<(String, u32)> = None;
            for t in touches.iter().filter(|t| older_than.is_none_or(|o| t.seq > o)) {
                let path_before = t.from.clone().unwrap_or_else(|| name.clone());
                if let Some(commit) = t.commit {
                    out.push(FileChange { commit, kind: t.kind, path_before: path_before.clone() });
                }
                if t.from.is_some() {
                    next = Some((path_before, t.seq));
                    break;
                }
            }
            match next {
                Some((old, seq)) => {
                    name = old;
                    older_than = Some(seq);
                }
                None => break,
            }
        }
        out
    }

    /// Resolve a full or abbreviated (4+ hex digits) commit name.
    pub fn resolve(&self, name: &str) -> Resolved {
        let name = name.trim().to_ascii_lowercase();
        if let Some(&i) = self.by_hash.get(&name) {
            return Resolved::Found(i);
        }
        if name.len() < 4 || !name.chars().all(|c| c.is_ascii_hexdigit()) {
            return Resolved::Missing;
        }
        let mut found = self.commits.iter().enumerate().filter(|(_, c)| c.hash.starts_with(&name)).map(|(i, _)| i);
        match (found.next(), found.next()) {
            (Some(i), None) => Resolved::Found(i as u32),
            (Some(_), Some(_)) => Resolved::Ambiguous,
            _ => Resolved::Missing,
        }
    }

    /// True when the commit is a shallow clone's cut (its history is not in the clone).
    pub fn is_boundary(&self, commit: u32) -> bool {
        self.commits.get(commit as usize).is_some_and(|c| c.boundary)
    }

    /// Which of `candidates` are `base` or its ancestors, in `candidates` order. One walk down from `base`,
    /// stopping below the oldest candidate's generation (nothing older can lead back up to a candidate).
    pub fn ancestors_among(&self, base: u32, candidates: &[u32], seen: &mut Vec<bool>) -> Vec<bool> {
        let generation = |c: u32| self.commits.get(c as usize).map_or(0, |c| c.generation);
        let floor = candidates.iter().map(|&c| generation(c)).min().unwrap_or(u32::MAX);
        let mut answer: Vec<bool> = candidates.iter().map(|&c| c == base).collect();
        let pending =
            |answer: &[bool]| candidates.iter().zip(answer).any(|(&c, &a)| !a && generation(c) < generation(base));
        if !pending(&answer) {
            return answer;
        }
        seen.clear();
        seen.resize(self.commits.len(), false);
        let mut stack = vec![base];
        while let Some(c) = stack.pop() {
            for &p in &self.commits[c as usize].parents {
                if seen[p as usize] || generation(p) < floor {
                    continue;
                }
                seen[p as usize] = true;
                for (slot, &cand) in answer.iter_mut().zip(candidates) {
                    *slot |= cand == p;
                }
                stack.push(p);
            }
        }
        answer
    }
}

/// The contents of `commit:path` for each request, from one `git cat-file --batch` (`None`: not there,
/// or larger than the limit for old revisions, [`FileKind::HistoryBlob`]: such a blob is skipped as it
/// streams by, never held in memory).
pub fn read_blobs(toplevel: &Path, requests: &[(String, String)]) -> Result<Vec<Option<Vec<u8>>>, NoHistory> {
    if requests.is_empty() {
        return Ok(Vec::new());
    }
    // A path with a line break cannot be named on cat-file's line protocol; ask for the empty name instead.
    let input: String =
        requests.iter().map(|(c, p)| if p.contains('\n') { "\n".to_owned() } else { format!("{c}:{p}\n") }).collect();
    let mut child = git_command(toplevel, &["cat-file", "--batch"], true).spawn().map_err(spawn_error)?;
    let feeder = child.stdin.take().map(|mut stdin| std::thread::spawn(move || stdin.write_all(input.as_bytes())));
    // Drained on its own thread, so git never blocks on a full error pipe while we read its output.
    let errors = child.stderr.take().map(|mut stderr| {
        std::thread::spawn(move || {
            let mut said = Vec::new();
            let _ = std::io::Read::read_to_end(&mut stderr, &mut said);
            said
        })
    });
    let blobs = match child.stdout.take() {
        Some(stdout) => read_batch(std::io::BufReader::new(stdout), requests.len(), FileKind::HistoryBlob.max_bytes()),
        None => Vec::new(),
    };
    let status = child.wait().map_err(|e| NoHistory::Failed(e.to_string()))?;
    if let Some(feeder) = feeder {
        let _ = feeder.join();
    }
    let said = errors.and_then(|e| e.join().ok()).unwrap_or_default();
    if !status.success() {
        return Err(NoHistory::Failed(
            String::from_utf8_lossy(&said).lines().next().unwrap_or("no message").to_owned(),
        ));
    }
    Ok(blobs)
}

/// Read `count` answers of `git cat-file --batch`: `<name> <type> <size>` and the content, or `<name>
/// missing`. Blobs above `max_bytes` are read past, not kept.
fn read_batch(mut out: impl std::io::BufRead, count: usize, max_bytes: u64) -> Vec<Option<Vec<u8>>> {
    use std::io::Read;
    let mut blobs = Vec::with_capacity(count);
    let mut header = Vec::new();
    for _ in 0..count {
        header.clear();
        if out.read_until(b'\n', &mut header).unwrap_or(0) == 0 {
            break;
        }
        let header = String::from_utf8_lossy(&header);
        let mut fields = header.trim_end().rsplit(' ');
        let size = fields.next().and_then(|s| s.parse::<u64>().ok());
        let Some(size) = size.filter(|_| fields.next() == Some("blob")) else {
            blobs.push(None);
            continue;
        };
        // The content and its closing line break.
        let mut content = (&mut out).take(size + 1);
        if size > max_bytes {
            let _ = std::io::copy(&mut content, &mut std::io::sink());
            blobs.push(None);
            continue;
        }
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0) + 1);
        if content.read_to_end(&mut bytes).is_err() || bytes.len() as u64 != size + 1 {
            break;
        }
        bytes.pop();
        blobs.push(Some(bytes));
    }
    blobs.resize(count, None);
    blobs
}

/// The `git` command in `dir` with `args`, its output piped (and its input, when `input`).
fn git_command(dir: &Path, args: &[&str], input: bool) -> Command {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(dir)
        .args(["-c", "core.quotePath=false", "-c", "log.showSignature=false"])
        .args(args)
        .env("GIT_OPTIONAL_LOCKS", "0")
        // English messages, which `NotAWorkTree` is recognised by.
        .env("LC_ALL", "C")
        .env("LANGUAGE", "C")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .stdin(if input { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

fn spawn_error(e: std::io::Error) -> NoHistory {
    match e.kind() {
        std::io::ErrorKind::NotFound => NoHistory::GitNotFound,
        _ => NoHistory::Failed(e.to_string()),
    }
}

/// Run git in `dir` with `args` (and `input` on stdin), returning its standard output.
fn git(dir: &Path, args: &[&str], input: Option<Vec<u8>>) -> Result<Vec<u8>, NoHistory> {
    let mut child = git_command(dir, args, input.is_some()).spawn().map_err(spawn_error)?;
    // Feed stdin from another thread: git writes while it reads, and a full pipe would block both sides.
    let feeder = match (input, child.stdin.take()) {
        (Some(bytes), Some(mut stdin)) => Some(std::thread::spawn(move || stdin.write_all(&bytes))),
        _ => None,
    };
    // Both pipes are drained together, so neither side blocks on a full pipe.
    let output = child.wait_with_output().map_err(|e| NoHistory::Failed(e.to_string()))?;
    if let Some(feeder) = feeder {
        let _ = feeder.join();
    }
    let (status, stdout, stderr) = (output.status, output.stdout, output.stderr);
    if status.success() {
        return Ok(stdout);
    }
    let said = String::from_utf8_lossy(&stderr).trim().to_owned();
    if said.contains("not a git repository") {
        return Err(NoHistory::NotAWorkTree);
    }
    Err(NoHistory::Failed(said.lines().next().unwrap_or("no message").to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> History {
        // c3 renames a.md → b.md unchanged; c2 edits a.md; c1 adds a.md and t.md.
        let graph = "c3 2024-03-03 c2\nc2 2024-03-02 c1\nc1 2024-03-01\n";
        let log = b"\x01c3\0\nR100\0d/a.md\0d/b.md\0\x01c2\0\nM\0d/a.md\0\x01c1\0\nA\0d/a.md\0A\0d/t.md\0";
        History::from_outputs(PathBuf::from("/r"), "d/", false, graph, log)
    }

    #[test]
    fn file_log_follows_renames_and_tells_pure_renames() {
        let h = sample();
        let log = h.file_log("d/b.md");
        let got: Vec<(&str, ChangeKind, &str)> =
            log.iter().map(|c| (h.commits[c.commit as usize].hash.as_str(), c.kind, c.path_before.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("c3", ChangeKind::PureRename, "d/a.md"),
                ("c2", ChangeKind::Content, "d/a.md"),
                ("c1", ChangeKind::Content, "d/a.md")
            ]
        );
        assert_eq!(h.file_log("d/t.md").len(), 1);
        assert!(h.file_log("d/none.md").is_empty());
    }

    #[test]
    fn resolves_full_and_abbreviated_names() {
        let h = History::from_outputs(PathBuf::new(), "", false, "abcd1 2024-01-01\nabcd2 2024-01-01 abcd1\n", b"");
        assert_eq!(h.resolve("abcd1"), Resolved::Found(0));
        assert_eq!(h.resolve("ABCD"), Resolved::Ambiguous);
        assert_eq!(h.resolve("ffff"), Resolved::Missing);
        assert_eq!(h.resolve("xyz"), Resolved::Missing);
    }

    #[test]
    fn blobs_above_the_limit_are_read_past_not_kept() {
        let out: &[u8] =
            b"c1:a.md blob 5\nhello\nc1:big.md blob 12\n0123456789ab\nc1:none.md missing\nc2:b.md blob 2\nhi\n";
        let blobs = read_batch(out, 4, 10);
        assert_eq!(blobs, vec![Some(b"hello".to_vec()), None, None, Some(b"hi".to_vec())]);
    }

    #[test]
    fn ancestry_walks_merges() {
        // m merges b1 and a1, both children of r; x is on no path from a1.
        let graph = "m d b1 a1\nb1 d r\na1 d r\nr d\n";
        let h = History::from_outputs(PathBuf::new(), "", false, graph, b"");
        let mut seen = Vec::new();
        assert_eq!(h.ancestors_among(2, &[0, 1, 2, 3], &mut seen), vec![false, false, true, true]);
        assert_eq!(h.ancestors_among(0, &[1, 3], &mut seen), vec![true, true]);
    }
}
