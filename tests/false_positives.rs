//! Shared false-positive decisions: `synoptic ignore` writes the mark into the folder's sidecar, `synoptic
//! check` leaves marked findings out of its reports and exit status and says how many it left out; a
//! colleague's mark merges like a note.

mod common;

use assert_cmd::Command;
use common::copy_fixture;
use std::path::Path;
use synoptic::notes::sidecar::{FILE_NAME, Sidecar};

fn synoptic() -> Command {
    Command::cargo_bin("synoptic").expect("binary")
}

/// A finding as `check --format json` reports it: fingerprint, id, file, line, message.
type Reported = (String, String, String, u64, String);

/// Every finding `check --format json` reports, and the whole report.
fn findings(folder: &Path) -> (Vec<Reported>, serde_json::Value) {
    let out =
        synoptic().arg("check").arg(folder).args(["--format", "json", "--fail-on", "never"]).output().expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let list = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_owned();
            (s("fingerprint"), s("id"), s("file"), f["line"].as_u64().unwrap_or(0), s("message"))
        })
        .collect();
    (list, v)
}

#[test]
fn ignore_writes_a_mark_that_check_honours() {
    let (_tmp, folder) = copy_fixture("gap");
    let (before, _) = findings(&folder);
    assert!(!before.is_empty(), "the gap fixture has findings");
    let (fingerprint, id, file, line, message) = before[0].clone();
    synoptic()
        .arg("ignore")
        .arg(&folder)
        .arg(fingerprint.to_uppercase())
        .args(["--reason", "the product name is kept on purpose", "--by", "Ana"])
        .assert()
        .code(0)
        .stdout(format!("Marked {fingerprint} as a false positive in {FILE_NAME}: {id} {file}:{line}: {message}\n"));
    let sidecar = std::fs::read_to_string(folder.join(FILE_NAME)).expect("written");
    assert!(sidecar.contains("schema = 2\n"), "{sidecar}");
    assert!(
        sidecar.contains(&format!("[[suppressed]]\nfingerprint = \"{fingerprint}\"\ncheck = \"{id}\"\n")),
        "{sidecar}"
    );
    assert!(sidecar.contains("reason = \"the product name is kept on purpose\"\nby = \"Ana\"\n"), "{sidecar}");

    let (after, v) = findings(&folder);
    assert_eq!(after, before[1..].to_vec(), "the marked finding is left out, nothing else");
    assert_eq!(v["summary"]["total"], after.len());
    assert_eq!(v["summary"]["suppressed"], 1);
    assert_eq!(v["suppressed"][0]["fingerprint"], fingerprint.as_str());
    assert_eq!(v["suppressed"][0]["reason"], "the product name is kept on purpose");
    let human = synoptic().arg("check").arg(&folder).args(["--fail-on", "never"]).output().expect("run");
    let text = String::from_utf8(human.stdout).expect("utf-8");
    assert!(!text.contains(&message), "{text}");
    assert!(text.ends_with("1 finding suppressed as false positives (synoptic-notes.toml)\n"), "{text}");

    // Taken back: reported again.
    synoptic().arg("ignore").arg(&folder).arg(&fingerprint).arg("--remove").assert().code(0).stdout(format!(
        "Removed the false-positive mark of {fingerprint} from {FILE_NAME} ({id} {file}:{line}: {message})\n"
    ));
    assert_eq!(findings(&folder).0, before);
}

#[test]
fn suppressed_findings_do_not_fail_the_run() {
    let (_tmp, folder) = copy_fixture("gap");
    let (all, _) = findings(&folder);
    let status =
        |folder: &Path| synoptic().arg("check").arg(folder).args(["--fail-on", "warning"]).output().expect("run");
    assert_eq!(status(&folder).status.code(), Some(1));
    for (fingerprint, ..) in &all {
        synoptic().arg("ignore").arg(&folder).arg(fingerprint).assert().code(0);
    }
    let out = status(&folder);
    assert_eq!(out.status.code(), Some(0), "every finding is a false positive");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(all.len(), 1);
    assert!(text.contains("1 finding suppressed as false positives"), "{text}");
}

#[test]
fn ignore_checks_the_fingerprint_and_says_when_nothing_matches() {
    let (_tmp, folder) = copy_fixture("clean");
    synoptic().arg("ignore").arg(&folder).arg("link.malformed").assert().code(2).stderr(
        "synoptic: 'link.malformed' is not a finding fingerprint (16 hexadecimal digits, as `check --format json` and \
         SARIF show them)\n",
    );
    assert!(!folder.join(FILE_NAME).exists(), "nothing written");
    synoptic().arg("ignore").arg(&folder).arg("0123456789abcdef").assert().code(0).stdout(format!(
        "Marked 0123456789abcdef as a false positive in {FILE_NAME}: no current finding has this fingerprint; the \
         mark applies when one does\n"
    ));
    let human = synoptic().arg("check").arg(&folder).output().expect("run");
    let text = String::from_utf8(human.stdout).expect("utf-8");
    assert!(
        text.ends_with(
            "0 findings suppressed as false positives (synoptic-notes.toml); 1 mark matches no current finding\n"
        ),
        "{text}"
    );
    // An unreadable sidecar is never written to.
    std::fs::write(folder.join(FILE_NAME), "<<<<<<< HEAD\n").expect("conflict");
    synoptic().arg("ignore").arg(&folder).arg("0123456789abcdef").assert().code(2).stderr(format!(
        "synoptic: {}: cannot read the notes: line 1: key with no value, expected `=`. Nothing was written: fix the \
         file (a merge conflict?) and try again\n",
        folder.join(FILE_NAME).display()
    ));
    assert_eq!(std::fs::read_to_string(folder.join(FILE_NAME)).expect("left"), "<<<<<<< HEAD\n");
}

#[test]
fn two_reviewers_marks_merge() {
    let (_tmp, folder) = copy_fixture("gap");
    let all = [("00000000000000a1".to_owned(),), ("00000000000000b2".to_owned(),)];
    // Two windows open; each marks a different finding; the second save merges the first.
    let mut first = Sidecar::open(&folder, None);
    let mut second = Sidecar::open(&folder, None);
    let at = synoptic::notes::time::now();
    first.book.suppress(synoptic::notes::Suppression::bare(&all[0].0, "first", "Ana", &at));
    first.sidecar.save(&mut first.book).expect("save");
    second.book.suppress(synoptic::notes::Suppression::bare(&all[1].0, "second", "Ben", &at));
    second.sidecar.save(&mut second.book).expect("save");
    let marks: Vec<String> =
        Sidecar::open(&folder, None).book.suppressed().iter().map(|m| m.reason.clone()).collect::<Vec<_>>();
    assert_eq!(marks.len(), 2);
    // One takes a mark back; the other's next save honours it.
    first.book.unsuppress(&all[0].0);
    first.sidecar.save(&mut first.book).expect("save");
    second.sidecar.save(&mut second.book).expect("save");
    let left: Vec<String> = Sidecar::open(&folder, None).book.suppressed().iter().map(|m| m.reason.clone()).collect();
    assert_eq!(left, ["second"]);
}
