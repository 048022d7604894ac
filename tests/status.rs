//! Translation status from git history: small repositories built in a temp dir with fixed dates, and the
//! exact statuses, CLI rows, JSON and `check` findings they give.

mod common;

use assert_cmd::Command;
use common::copy_dir;
use common::git::{Repo, edited_after_translation, git_in, strip_revisions};
use std::path::{Path, PathBuf};
use synoptic::review::{CheckOptions, Review};
use synoptic::status::{State, StatusReport};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn review(path: &Path) -> Review {
    Review::build(&[path.to_path_buf()], &CheckOptions::default()).expect("the folder loads")
}

/// (file or source file, locale, status, summary) of every entry, in report order.
fn rows(report: &StatusReport) -> Vec<(String, String, State, String)> {
    report
        .entries
        .iter()
        .map(|e| {
            let file = e.file.clone().or(e.source_file.clone()).unwrap_or_default();
            (file, e.locale.clone(), e.status, e.summary())
        })
        .collect()
}

fn row(file: &str, locale: &str, state: State, summary: &str) -> (String, String, State, String) {
    (file.to_owned(), locale.to_owned(), state, summary.to_owned())
}

fn synoptic() -> Command {
    Command::cargo_bin("synoptic").expect("the binary is built")
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().expect("runs");
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The clean fixture; then the English guide is edited twice (days 2 and 3) and only the French guide is
/// brought up to date (day 4): German is two source commits behind, since the 2nd.

#[test]
fn a_source_edited_after_its_translation_is_behind_by_its_commits() {
    let repo = edited_after_translation();
    let r = review(repo.path());
    assert_eq!(
        rows(&r.status),
        vec![
            row("de/guide.md", "de", State::Behind, "behind 2 source commits since 2024-03-02"),
            row("de/configure.md", "de", State::UpToDate, "up to date"),
            row("fr/configure.md", "fr", State::UpToDate, "up to date"),
            row("fr/guide.md", "fr", State::UpToDate, "up to date"),
        ]
    );
    let de = &r.status.entries[0];
    assert_eq!(
        de.base.as_ref().map(|b| (b.commit.date.as_str(), b.from.as_str())),
        Some(("2024-03-01", "last change of the file"))
    );
    let stale: Vec<(&str, &str, usize)> = r
        .findings
        .iter()
        .filter(|f| f.id.as_str().starts_with("meta."))
        .map(|f| (f.locale.as_str(), f.file.as_str(), f.line))
        .collect();
    assert_eq!(stale, vec![("de", "de/guide.md", 1)]);
    let finding = r.findings.iter().find(|f| f.id == "meta.stale").expect("meta.stale");
    let short = |i: usize| de.commits[i].commit[..7].to_owned();
    let base = de.base.as_ref().map(|b| b.commit.commit[..7].to_owned()).unwrap_or_default();
    assert_eq!(
        finding.message,
        format!(
            "de is behind 2 source commits since 2024-03-02: en/guide.md changed in {} (2024-03-03), {} (2024-03-02) after the translation's revision {base} (2024-03-01; last change of the file)",
            short(0),
            short(1)
        )
    );
}

#[test]
fn the_cli_prints_the_dashboard_table_and_the_most_behind_first() {
    let repo = edited_after_translation();
    let out = stdout(synoptic().arg("status").arg(repo.path()));
    let base = repo.git(&["log", "--format=%h", "-1", "--", "de/guide.md"]);
    let expected = format!(
        "Translation status of {} (source en; git history: 4 commits)

locale  up to date  behind  unknown  missing  orphan  total
de               1       1        0        0       0      2
fr               2       0        0        0       0      2
total            3       1        0        0       0      4

Needs work (most behind first):
  de/guide.md [de]: behind 2 source commits since 2024-03-02; translated from {} (2024-03-01), last change of the file
",
        repo.path().display(),
        &base.trim()[..7]
    );
    assert_eq!(out, expected);
}

#[test]
fn the_json_report_has_counts_and_commits() {
    let repo = edited_after_translation();
    let out = stdout(synoptic().arg("status").arg(repo.path()).args(["--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["source"], "en");
    assert_eq!(v["history"]["kind"], "git");
    assert_eq!(v["history"]["commits"], 4);
    assert_eq!(
        v["locales"],
        serde_json::json!([
            {"locale": "de", "up_to_date": 1, "behind": 1, "unknown": 0, "missing": 0, "orphan": 0, "total": 2},
            {"locale": "fr", "up_to_date": 2, "behind": 0, "unknown": 0, "missing": 0, "orphan": 0, "total": 2}
        ])
    );
    assert_eq!(v["totals"]["behind"], 1);
    let first = &v["files"][0];
    assert_eq!(first["file"], "de/guide.md");
    assert_eq!(first["status"], "behind");
    assert_eq!(first["behind"], 2);
    assert_eq!(first["since"], "2024-03-02");
    assert_eq!(first["base"]["date"], "2024-03-01");
    assert_eq!(first["base"]["from"], "last change of the file");
    let dates: Vec<&str> =
        first["commits"].as_array().map_or(vec![], |c| c.iter().filter_map(|c| c["date"].as_str()).collect());
    assert_eq!(dates, ["2024-03-03", "2024-03-02"]);
    assert_eq!(v["files"][1]["status"], "up-to-date");
}

#[test]
fn the_source_diff_since_the_translations_revision() {
    let repo = edited_after_translation();
    let out = stdout(synoptic().arg("status").arg(repo.path()).arg("--diff"));
    let diff = out.split("Source changes since de/guide.md's revision:\n").nth(1).expect("a diff section");
    let changed: Vec<&str> = diff
        .lines()
        .filter(|l| (l.starts_with('-') || l.starts_with('+')) && !l.starts_with("---") && !l.starts_with("+++"))
        .collect();
    assert_eq!(
        changed,
        vec![
            "-Tinker builds static sites from Markdown. It runs on macOS, Windows and Linux, and it deploys to GitHub Pages in 30 seconds.",
            "+Tinker builds static sites from Markdown. It runs on macOS, Windows, Linux and BSD, and it deploys to GitHub Pages in 20 seconds.",
        ]
    );
    assert!(diff.starts_with("--- en/guide.md at "), "{diff}");
}

#[test]
fn a_recorded_source_commit_is_the_translations_revision_present_or_not() {
    let repo = Repo::with_fixture("clean");
    let first = repo.git(&["rev-parse", "HEAD"]).trim().to_owned();
    repo.edit("en/configure.md", "8080", "8081");
    repo.commit("port", 2);
    // German records the first commit (MDN style) though the file changes later; French records a
    // commit this repository does not have (Kubernetes style).
    repo.edit(
        "de/configure.md",
        "---\ntitle: Configure\n",
        &format!("---\ntitle: Configure\nl10n:\n  sourceCommit: {first}\n"),
    );
    repo.edit("fr/configure.md", "---\n", "---\ndefault_lang_commit: 0123456789abcdef0123456789abcdef01234567\n");
    repo.commit("record revisions", 3);
    let r = review(repo.path());
    assert_eq!(
        rows(&r.status),
        vec![
            row("de/configure.md", "de", State::Behind, "behind 1 source commit since 2024-03-02"),
            row(
                "fr/configure.md",
                "fr",
                State::Unknown,
                "unknown: the recorded source commit 0123456 (`default_lang_commit`) is not in this repository's history"
            ),
            row("de/guide.md", "de", State::UpToDate, "up to date"),
            row("fr/guide.md", "fr", State::UpToDate, "up to date"),
        ]
    );
    let base = r.status.entries[0].base.clone().expect("a base");
    assert_eq!(
        (base.commit.commit.as_str(), base.from.as_str(), base.line),
        (first.as_str(), "front matter `l10n.sourceCommit`", 4)
    );
    let stale: Vec<(&str, usize)> =
        r.findings.iter().filter(|f| f.id == "meta.stale").map(|f| (f.file.as_str(), f.line)).collect();
    assert_eq!(stale, vec![("de/configure.md", 4)]);
}

#[test]
fn a_renamed_source_is_followed_and_its_old_text_read_under_the_old_name() {
    let repo = Repo::with_fixture("clean");
    repo.edit("en/guide.md", "30 seconds", "a minute");
    repo.commit("slower", 2);
    repo.git(&["mv", "en/guide.md", "en/start.md"]);
    repo.git(&["mv", "de/guide.md", "de/start.md"]);
    repo.git(&["mv", "fr/guide.md", "fr/start.md"]);
    repo.commit("rename", 3);
    let r = review(repo.path());
    assert_eq!(
        rows(&r.status),
        vec![
            row("de/start.md", "de", State::Behind, "behind 1 source commit since 2024-03-02"),
            row("fr/start.md", "fr", State::Behind, "behind 1 source commit since 2024-03-02"),
            row("de/configure.md", "de", State::UpToDate, "up to date"),
            row("fr/configure.md", "fr", State::UpToDate, "up to date"),
        ]
    );
    let then = synoptic::status::sources_then(&r.status);
    assert_eq!(then.keys().copied().collect::<Vec<_>>(), vec![0, 1]);
    assert!(then[&0].contains("in 30 seconds"), "{}", then[&0]);
}

#[test]
fn a_deleted_source_leaves_an_orphan_and_a_lacking_locale_is_missing() {
    let repo = Repo::with_fixture("clean");
    for l in ["en", "de", "fr"] {
        repo.write(&format!("{l}/old.md"), &format!("---\ntitle: Old\n---\n# Old {{#old}}\n\n`tinker old` ({l}).\n"));
    }
    repo.write("en/faq.md", "# FAQ {#faq}\n\n`tinker faq`.\n");
    repo.write("de/faq.md", "# FAQ {#faq}\n\n`tinker faq` (de).\n");
    repo.commit("old and faq", 1);
    std::fs::remove_file(repo.path().join("en/old.md")).expect("rm");
    repo.commit("drop old", 2);
    let r = review(repo.path());
    let summary: Vec<(String, String, State)> = rows(&r.status).into_iter().map(|(f, l, s, _)| (f, l, s)).collect();
    assert_eq!(
        summary,
        vec![
            ("de/old.md".to_owned(), "de".to_owned(), State::Orphan),
            ("fr/old.md".to_owned(), "fr".to_owned(), State::Orphan),
            ("en/faq.md".to_owned(), "fr".to_owned(), State::Missing),
            ("de/configure.md".to_owned(), "de".to_owned(), State::UpToDate),
            ("de/faq.md".to_owned(), "de".to_owned(), State::UpToDate),
            ("de/guide.md".to_owned(), "de".to_owned(), State::UpToDate),
            ("fr/configure.md".to_owned(), "fr".to_owned(), State::UpToDate),
            ("fr/guide.md".to_owned(), "fr".to_owned(), State::UpToDate),
        ]
    );
    // check reports the same facts.
    let meta: Vec<(&str, &str, &str)> = r
        .findings
        .iter()
        .filter(|f| f.id.as_str().starts_with("meta."))
        .map(|f| (f.id.as_str(), f.locale.as_str(), f.file.as_str()))
        .collect();
    assert_eq!(
        meta,
        vec![
            ("meta.missing", "fr", "en/faq.md"),
            ("meta.orphan", "de", "de/old.md"),
            ("meta.orphan", "fr", "fr/old.md")
        ]
    );
}

#[test]
fn a_clean_repository_is_all_up_to_date_with_no_findings() {
    let repo = Repo::with_fixture("clean");
    let r = review(repo.path());
    assert!(r.status.entries.iter().all(|e| e.status == State::UpToDate));
    assert_eq!(r.status.entries.len(), 4);
    assert_eq!(r.findings, vec![]);
    let out = stdout(synoptic().arg("status").arg(repo.path()));
    assert!(
        out.ends_with(
            "total            4       0        0        0       0      4\n\nEvery translation is up to date.\n"
        ),
        "{out}"
    );
}

#[test]
fn an_uncommitted_translation_is_unknown_and_said_so() {
    let repo = Repo::with_fixture("clean");
    repo.write("en/extra.md", "# Extra {#extra}\n\n`tinker extra`.\n");
    repo.commit("extra", 2);
    repo.write("de/extra.md", "# Extra {#extra}\n\n`tinker extra` (de).\n");
    let r = review(repo.path());
    let de = r.status.entries.iter().find(|e| e.file.as_deref() == Some("de/extra.md")).expect("de/extra.md");
    assert_eq!(de.summary(), "unknown: not committed yet: git has no history of this translation");
    assert!(!r.findings.iter().any(|f| f.id == "meta.stale"));
}

#[test]
fn without_a_repository_front_matter_speaks() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture("clean"), dir.path());
    strip_revisions(dir.path());
    let r = review(dir.path());
    assert_eq!(
        r.status.history,
        synoptic::status::HistoryInfo::None { reason: "the folder is not in a git work tree".to_owned() }
    );
    assert_eq!(
        r.status.entries[0].summary(),
        "unknown: no git history (the folder is not in a git work tree) and no source revision recorded in front matter"
    );
    assert!(r.status.entries.iter().all(|e| e.status == State::Unknown));
    assert_eq!(r.findings, vec![]);
}

#[test]
fn without_git_installed_the_status_falls_back_quietly() {
    let repo = edited_after_translation();
    let out = stdout(synoptic().arg("status").arg(repo.path()).env("PATH", ""));
    assert!(out.contains("(source en; no git history: git is not installed; front-matter evidence only)"), "{out}");
    assert!(out.contains("total            0       0        4        0       0      4"), "{out}");
}

/// A shallow clone cuts the history: what git cannot see is unknown, never guessed.
#[test]
fn a_shallow_clone_says_unknown_where_its_history_is_cut() {
    let repo = edited_after_translation();
    let clone = tempfile::tempdir().expect("temp dir");
    let url = format!("file://{}", repo.path().display());
    git_in(clone.path(), &["clone", "-q", "--depth", "1", &url, "c"], None);
    let r = review(&clone.path().join("c"));
    assert!(matches!(r.status.history, synoptic::status::HistoryInfo::Git { shallow: true, commits: 1, .. }));
    assert!(r.status.entries.iter().all(|e| e.status == State::Unknown), "{:?}", rows(&r.status));
    assert!(
        r.status.entries[0]
            .detail
            .starts_with("the clone is shallow: the translation's last change is older than its history")
    );
    assert!(!r.findings.iter().any(|f| f.id == "meta.stale"));
    // Three commits deep (days 2-4): the day-3 source edit is after the cut, so German is behind by at
    // least that one; French, updated on day 4, is up to date.
    let deeper = tempfile::tempdir().expect("temp dir");
    git_in(deeper.path(), &["clone", "-q", "--depth", "3", &url, "c"], None);
    let r = review(&deeper.path().join("c"));
    let summary = |file: &str| {
        r.status.entries.iter().find(|e| e.file.as_deref() == Some(file)).map(|e| e.summary()).unwrap_or_default()
    };
    assert_eq!(summary("de/guide.md"), "behind at least 1 source commit since 2024-03-03");
    assert_eq!(summary("fr/guide.md"), "up to date");
}

/// The bundled sample committed in one commit gives the same findings in the repository, in a full clone,
/// in a one-commit-deep clone, and outside git: the exact-findings tests hold however the project is cloned.
#[test]
fn committed_together_the_sample_reviews_the_same_in_and_out_of_git() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample");
    let key = |r: &Review| -> Vec<(String, String, String, usize, String)> {
        r.findings
            .iter()
            .map(|f| (f.id.as_str().to_owned(), f.locale.clone(), f.file.clone(), f.line, f.message.clone()))
            .collect()
    };
    let plain = tempfile::tempdir().expect("temp dir");
    copy_dir(&sample, plain.path());
    let expected = key(&review(plain.path()));
    let repo = Repo::new();
    copy_dir(&sample, repo.path());
    repo.commit("sample", 1);
    repo.write("later.txt", "an unrelated later commit\n");
    repo.commit("later", 2);
    assert_eq!(key(&review(repo.path())), expected);
    let clones = tempfile::tempdir().expect("temp dir");
    let url = format!("file://{}", repo.path().display());
    git_in(clones.path(), &["clone", "-q", "--depth", "1", &url, "shallow"], None);
    git_in(clones.path(), &["clone", "-q", &url, "full"], None);
    assert_eq!(key(&review(&clones.path().join("shallow"))), expected);
    assert_eq!(key(&review(&clones.path().join("full"))), expected);
    assert_eq!(key(&review(&sample)), expected);
}

#[test]
fn status_without_a_source_locale_is_an_error_with_exit_2() {
    synoptic()
        .arg("status")
        .arg(fixture("clean"))
        .args(["--source", "ja"])
        .assert()
        .code(2)
        .stderr("synoptic: no file is in the source locale 'ja' (the locales found: de, en, fr)\n");
}

/// The loader computes, for a behind translation, the source rows changed since its revision.
#[test]
fn source_changes_line_up_with_the_translations_rows() {
    let repo = edited_after_translation();
    let r = review(repo.path());
    let changes = &r.source_changes()[&0];
    assert_eq!(changes.len(), 1);
    let change = &changes[0];
    assert_eq!(change.row, Some(1));
    assert_eq!(
        change.then.as_deref(),
        Some(
            "Tinker builds static sites from Markdown. It runs on macOS, Windows and Linux, and it deploys to GitHub Pages in 30 seconds."
        )
    );
    assert_eq!(
        change.now.as_deref(),
        Some(
            "Tinker builds static sites from Markdown. It runs on macOS, Windows, Linux and BSD, and it deploys to GitHub Pages in 20 seconds."
        )
    );
    assert!(change.translation.as_deref().is_some_and(|t| t.starts_with("Tinker erzeugt statische Websites")));
    let now = change.now.as_deref().unwrap_or_default();
    let inserted: Vec<&str> = change
        .now_diff
        .iter()
        .filter(|(c, _)| *c == synoptic::diff::Change::Inserted)
        .map(|(_, range)| &now[range.clone()])
        .collect();
    assert_eq!(inserted, vec!["Windows, Linux", "BSD,", "20"]);
}

/// A folder below the work tree's top, with spaces and non-ASCII letters in its paths.
#[test]
fn paths_with_spaces_and_accents_below_the_top_are_read() {
    let repo = Repo::new();
    let page = |l: &str, extra: &str| format!("# Über uns {{#about}}\n\nText ({l}){extra} mit `lumen run`.\n");
    for l in ["en", "de", "fr"] {
        repo.write(&format!("site docs/{l}/Über uns.md"), &page(l, ""));
        repo.write(&format!("site docs/{l}/другой файл.md"), &format!("# Other {{#other}}\n\n`lumen other` ({l}).\n"));
    }
    repo.write("README.md", "outside the folder\n");
    repo.commit("pages", 1);
    repo.write("site docs/en/Über uns.md", &page("en", ", more"));
    repo.write("README.md", "outside the folder, edited\n");
    repo.commit("edit", 2);
    let r = review(&repo.path().join("site docs"));
    assert_eq!(
        rows(&r.status),
        vec![
            row("de/Über uns.md", "de", State::Behind, "behind 1 source commit since 2024-03-02"),
            row("fr/Über uns.md", "fr", State::Behind, "behind 1 source commit since 2024-03-02"),
            row("de/другой файл.md", "de", State::UpToDate, "up to date"),
            row("fr/другой файл.md", "fr", State::UpToDate, "up to date"),
        ]
    );
    let then = synoptic::status::sources_then(&r.status);
    assert_eq!(then.get(&0).map(String::as_str), Some("# Über uns {#about}\n\nText (en) mit `lumen run`.\n"));
}

#[test]
fn a_recorded_commit_beyond_a_shallow_clones_cut_is_unknown_and_said_so() {
    let repo = Repo::with_fixture("clean");
    let first = repo.git(&["rev-parse", "HEAD"]).trim().to_owned();
    repo.edit(
        "de/configure.md",
        "---\ntitle: Configure\n",
        &format!("---\ntitle: Configure\nsource_commit: {first}\n"),
    );
    repo.commit("record", 2);
    let clone = tempfile::tempdir().expect("temp dir");
    let url = format!("file://{}", repo.path().display());
    git_in(clone.path(), &["clone", "-q", "--depth", "1", &url, "c"], None);
    let r = review(&clone.path().join("c"));
    let de = r.status.entries.iter().find(|e| e.file.as_deref() == Some("de/configure.md")).expect("de");
    assert_eq!(
        de.summary(),
        format!(
            "unknown: the recorded source commit {} (`source_commit`) is not in this shallow clone; `git fetch --unshallow` tells",
            &first[..7]
        )
    );
}
