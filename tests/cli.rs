//! The `synoptic` binary as a user runs it: exit codes, one-line errors, and the three report formats.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn synoptic() -> Command {
    Command::cargo_bin("synoptic").expect("the binary is built")
}

#[test]
fn clean_translations_give_no_findings_and_exit_0() {
    synoptic().args(["check"]).arg(fixture("clean")).assert().code(0).stdout(predicate::str::ends_with(
        "0 findings (0 errors, 0 warnings, 0 info) in 2 documents, 6 files, 3 locales\n",
    ));
}

#[test]
fn a_missing_path_is_a_one_line_error_with_exit_2() {
    synoptic()
        .args(["check", "/no/such/folder"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("synoptic: /no/such/folder: no such file or folder\n");
}

#[test]
fn an_empty_folder_is_an_error_with_exit_2() {
    let tmp = tempfile::tempdir().expect("tempdir");
    synoptic()
        .arg("check")
        .arg(tmp.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no Markdown files found"));
}

#[test]
fn a_bad_locale_or_format_is_a_usage_error() {
    synoptic()
        .args(["check", "--source", "klingon-xx", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a locale tag"));
    synoptic().args(["check", "--format", "pdf", "."]).assert().code(2);
}

fn broken_folder() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    for (rel, text) in [
        ("en/a.md", "# Title\n\nRead [the guide](b.md) and [more](https://example.com/x).\n"),
        ("de/a.md", "# Titel\n\nLesen Sie [die Anleitung](c.md) und [mehr](https://example.com/x).\n"),
        ("en/b.md", "# B\n\nText.\n"),
        ("de/b.md", "# B\n\nText auf Deutsch.\n"),
    ] {
        let p = tmp.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }
    std::fs::write(tmp.path().join("de/broken.md"), b"# X\n\n\xff\xfe\xfd\n").expect("write");
    tmp
}

#[test]
fn findings_fail_the_run_unless_told_otherwise() {
    let tmp = broken_folder();
    let out = synoptic().arg("check").arg(tmp.path()).assert().code(1).get_output().stdout.clone();
    let text = String::from_utf8(out).expect("utf-8");
    assert!(
        text.contains("de/a.md:3:11 link.missing-file error: link target `c.md` is not there (looked for de/c.md)"),
        "{text}"
    );
    assert!(!text.contains("link.target-differs"), "a broken link is one finding, not two: {text}");
    assert!(text.contains("de/broken.md:3:1 input.encoding error: invalid UTF-8 at byte 5 (line 3); save the file as UTF-8: not loaded"), "{text}");
    synoptic().arg("check").arg(tmp.path()).args(["--fail-on", "never"]).assert().code(0);
}

#[test]
fn json_report_follows_the_documented_shape() {
    let tmp = broken_folder();
    let out = synoptic().arg("check").arg(tmp.path()).args(["--format", "json"]).output().expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["documents"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["documents"][0]["name"], "a.md");
    assert_eq!(v["documents"][0]["source"], "en");
    let findings = v["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 2);
    let keys: Vec<&str> = findings[0].as_object().expect("object").keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["column", "document", "file", "fingerprint", "id", "line", "locale", "message", "row", "severity"]
    );
    assert_eq!(v["summary"]["total"], 2);
    assert_eq!(v["summary"]["by_severity"]["error"], 2);
    assert_eq!(v["summary"]["by_locale"]["de"]["link.missing-file"], 1);
}

#[test]
fn sarif_report_is_sarif_2_1_0() {
    let tmp = broken_folder();
    let out = synoptic().arg("check").arg(tmp.path()).args(["--format", "sarif"]).output().expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "synoptic");
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 2);
    let missing = results.iter().find(|r| r["ruleId"] == "link.missing-file").expect("missing-file result");
    assert_eq!(missing["level"], "error");
    let loc = &missing["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "de/a.md");
    assert_eq!(loc["region"]["startLine"], 3);
    let rule_index = missing["ruleIndex"].as_u64().expect("index") as usize;
    assert_eq!(run["tool"]["driver"]["rules"][rule_index]["id"], "link.missing-file");
    assert!(missing["partialFingerprints"]["synoptic/v1"].as_str().is_some_and(|f| f.len() == 16));
}

#[test]
fn several_folders_or_an_absent_source_locale_are_usage_errors() {
    let a = tempfile::tempdir().expect("tempdir");
    let b = tempfile::tempdir().expect("tempdir");
    synoptic()
        .arg("check")
        .arg(a.path())
        .arg(b.path())
        .assert()
        .code(2)
        .stderr("synoptic: 2 paths given: check one folder (or files of one folder) at a time\n");
    synoptic()
        .args(["check", "--source", "it"])
        .arg(fixture("clean"))
        .assert()
        .code(2)
        .stderr("synoptic: no file is in the source locale 'it' (the locales found: de, en, fr)\n");
}
