//! Small git repositories for the status tests: built in a temp dir with fixed dates, so hashes are the
//! same every run.

use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A git repository in a temp dir whose commits are dated 2024-03-DD, so hashes are the same every run.
pub struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    pub fn new() -> Repo {
        let repo = Repo { dir: tempfile::tempdir().expect("temp dir") };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    /// A repository holding a copy of a fixture folder without its recorded revisions (so the history
    /// speaks), committed on day 1.
    pub fn with_fixture(name: &str) -> Repo {
        let repo = Repo::new();
        super::copy_dir(&fixture(name), repo.path());
        strip_revisions(repo.path());
        repo.commit("translations", 1);
        repo
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn git(&self, args: &[&str]) -> String {
        git_in(self.path(), args, None)
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.path().join(rel)).expect("read");
        assert!(text.contains(from), "{rel} holds {from}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    /// Commit everything on 2024-03-`day`; the new commit's hash.
    pub fn commit(&self, message: &str, day: u32) -> String {
        self.git(&["add", "-A"]);
        git_in(self.path(), &["commit", "-q", "-m", message], Some(day));
        self.git(&["rev-parse", "HEAD"]).trim().to_owned()
    }
}

/// Run git in `dir` with a fixed identity and, for commits, the date 2024-03-`day`; its output.
pub fn git_in(dir: &Path, args: &[&str], day: Option<u32>) -> String {
    let date = format!("2024-03-{:02}T12:00:00+00:00", day.unwrap_or(1));
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Tester", "-c", "user.email=tester@example.com", "-c", "commit.gpgsign=false"])
        .args(["-c", "init.defaultBranch=main", "-c", "core.autocrlf=false"])
        .args(args)
        .env("GIT_AUTHOR_DATE", &date)
        .env("GIT_COMMITTER_DATE", &date)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Drop the front-matter lines that record a source revision (`default_lang_commit`, `source_date`).
pub fn strip_revisions(dir: &Path) {
    for locale in ["en", "de", "fr"] {
        for entry in std::fs::read_dir(dir.join(locale)).expect("read dir") {
            let path = entry.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("read");
            let kept: String = text
                .split_inclusive('\n')
                .filter(|l| !l.starts_with("default_lang_commit:") && !l.starts_with("source_date:"))
                .collect();
            std::fs::write(&path, kept).expect("write");
        }
    }
}

/// The clean fixture in git, then its English guide edited twice after the translations (day 2 and 3)
/// and the French one updated (day 4): German is behind by 2 commits.
pub fn edited_after_translation() -> Repo {
    let repo = Repo::with_fixture("clean");
    repo.edit("en/guide.md", "30 seconds", "20 seconds");
    repo.commit("faster", 2);
    repo.edit("en/guide.md", "macOS, Windows and Linux", "macOS, Windows, Linux and BSD");
    repo.commit("bsd", 3);
    repo.edit("fr/guide.md", "30", "20");
    repo.commit("fr: update", 4);
    repo
}
