//! Hostile folders: files that are not text, not readable, too large, looping, vanishing, or very many.
//! Each case says clearly what it could not read (a problem, a skip with its reason, never silence) and
//! the rest of the folder still loads and is checked (the planted `structure.missing` in `de/guide.md`
//! is found every time).

use std::fs;
use std::path::{Path, PathBuf};
use synoptic::corpus::{Corpus, LoadOptions, MAX_FILE_BYTES, Progress};
use synoptic::review::{CheckOptions, Review};
use synoptic::text::Encoding;

const EN: &str = "# Guide\n\nRead this first, then follow the steps below.\n\n## Setup\n\nRun the installer.\n";
/// The German translation lacks the `Setup` section: one `structure.missing`.
const DE: &str = "# Anleitung\n\nLesen Sie dies zuerst und folgen Sie dann den Schritten.\n";

/// A folder holding the guide in English and German, plus `extra` files (relative path, bytes).
fn folder(extra: &[(&str, &[u8])]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(tmp.path(), "en/guide.md", EN.as_bytes());
    write(tmp.path(), "de/guide.md", DE.as_bytes());
    for (rel, bytes) in extra {
        write(tmp.path(), rel, bytes);
    }
    tmp
}

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    fs::write(p, bytes).expect("write");
}

fn review(root: &Path) -> Review {
    Review::build(&[root.to_path_buf()], &CheckOptions::default()).expect("review")
}

/// (id, locale, file, line) of every finding.
fn found(r: &Review) -> Vec<(&str, &str, &str, usize)> {
    r.findings.iter().map(|f| (f.id.as_str(), f.locale.as_str(), f.file.as_str(), f.line)).collect()
}

/// (file, finding id, reason) of every file that could not be loaded.
fn problems(r: &Review) -> Vec<(&str, &str, &str)> {
    r.corpus
        .problems
        .iter()
        .map(|p| (p.rel.as_str(), synoptic::checks::input::id_of(p.kind).as_str(), p.reason.as_str()))
        .collect()
}

fn skipped(r: &Review) -> Vec<(&str, &str)> {
    r.corpus.skipped.iter().map(|(f, why)| (f.as_str(), why.as_str())).collect()
}

/// The planted finding that proves the guide was loaded, aligned and checked.
const PLANTED: (&str, &str, &str, usize) = ("structure.missing", "de", "de/guide.md", 3);

#[test]
fn the_base_folder_has_only_the_planted_finding() {
    let tmp = folder(&[]);
    let r = review(tmp.path());
    assert_eq!(found(&r), vec![PLANTED]);
}

#[test]
fn invalid_utf8_is_reported_with_its_line_and_the_rest_is_checked() {
    let tmp = folder(&[("de/broken.md", b"# Kaputt\n\nText \xc3\x28 hier\n")]);
    let r = review(tmp.path());
    assert_eq!(
        problems(&r),
        vec![("de/broken.md", "input.encoding", "invalid UTF-8 at byte 15 (line 3); save the file as UTF-8")]
    );
    assert_eq!(found(&r), vec![("input.encoding", "", "de/broken.md", 3), PLANTED]);
}

#[test]
fn utf16_with_and_without_a_bom_loads() {
    let utf16 = |text: &str, bom: Option<[u8; 2]>, le: bool| -> Vec<u8> {
        let mut out = bom.map(Vec::from).unwrap_or_default();
        for unit in text.encode_utf16() {
            out.extend_from_slice(&if le { unit.to_le_bytes() } else { unit.to_be_bytes() });
        }
        out
    };
    let fr = "# Guide\n\nLisez ceci d'abord, puis suivez les étapes.\n\n## Installation\n\nLancez l'installateur.\n";
    let es = "# Guía\n\nLea esto primero y siga los pasos.\n\n## Instalación\n\nEjecute el instalador.\n";
    let ja =
        "# ガイド\n\n最初にこれを読んでから手順に従ってください。\n\n## セットアップ\n\nインストーラーを実行します。\n";
    let ru = "# Руководство\n\nСначала прочтите это, затем выполните шаги.\n\n## Установка\n\nЗапустите установщик.\n";
    let tmp = folder(&[
        ("fr/guide.md", &utf16(fr, Some([0xFF, 0xFE]), true)),
        ("es/guide.md", &utf16(es, Some([0xFE, 0xFF]), false)),
        ("ja/guide.md", &utf16(ja, None, true)),
        ("ru/guide.md", &utf16(ru, None, false)),
    ]);
    let r = review(tmp.path());
    let encodings: Vec<(&str, Encoding)> = r.corpus.files.iter().map(|f| (f.rel.as_str(), f.encoding)).collect();
    assert_eq!(
        encodings,
        vec![
            ("de/guide.md", Encoding::Utf8),
            ("en/guide.md", Encoding::Utf8),
            ("es/guide.md", Encoding::Utf16Be),
            ("fr/guide.md", Encoding::Utf16Le),
            ("ja/guide.md", Encoding::Utf16LeNoBom),
            ("ru/guide.md", Encoding::Utf16BeNoBom),
        ]
    );
    assert_eq!(r.corpus.files[5].text, ru);
    assert_eq!(problems(&r), vec![]);
    assert_eq!(found(&r), vec![PLANTED]);
}

#[test]
fn a_binary_file_named_md_is_reported_as_binary() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00";
    let tmp = folder(&[("de/image.md", png)]);
    let r = review(tmp.path());
    assert_eq!(problems(&r), vec![("de/image.md", "input.encoding", "binary content (NUL bytes), not a text file")]);
    assert_eq!(found(&r), vec![("input.encoding", "", "de/image.md", 1), PLANTED]);
}

#[test]
fn a_file_above_the_size_limit_is_refused_and_one_just_below_loads() {
    let tmp = folder(&[]);
    // Sparse: no disk space is used, and the size is refused before a byte is read.
    let huge = fs::File::create(tmp.path().join("de/huge.md")).expect("create");
    huge.set_len(MAX_FILE_BYTES + 1).expect("set_len");
    let dump = fs::File::create(tmp.path().join("de/dump.md")).expect("create");
    dump.set_len(100 << 20).expect("set_len");
    // Just below the limit: a real Markdown file (one long code block, quick to parse even unoptimised).
    let line = format!("{}\n", "x".repeat(1023));
    let lines = (MAX_FILE_BYTES as usize - 64) / line.len();
    let big = format!("# Big\n\n```\n{}```\n", line.repeat(lines));
    assert!(big.len() as u64 <= MAX_FILE_BYTES && big.len() as u64 > MAX_FILE_BYTES - 2048);
    write(tmp.path(), "en/big.md", big.as_bytes());
    let r = review(tmp.path());
    assert_eq!(
        problems(&r),
        vec![
            ("de/dump.md", "input.too-large", "100 MB is larger than the limit of 20 MB per file; split the file"),
            ("de/huge.md", "input.too-large", "21 MB is larger than the limit of 20 MB per file; split the file"),
        ]
    );
    let big_file = r.corpus.file("en/big.md").expect("loaded");
    assert_eq!(big_file.skeleton.blocks.len(), 2);
    assert_eq!(big_file.text.len(), big.len());
    assert_eq!(
        found(&r),
        vec![("input.too-large", "", "de/dump.md", 1), ("input.too-large", "", "de/huge.md", 1), PLANTED]
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_and_loops_are_skipped_with_a_reason() {
    use std::os::unix::fs::symlink;
    let tmp = folder(&[]);
    symlink(tmp.path(), tmp.path().join("en/loop")).expect("symlink");
    symlink("self.md", tmp.path().join("de/self.md")).expect("symlink");
    symlink("../en/guide.md", tmp.path().join("de/alias.md")).expect("symlink");
    symlink("/etc/hostname", tmp.path().join("de/outside.md")).expect("symlink");
    let r = review(tmp.path());
    let not_followed = "a symbolic link; links are not followed (open the target)";
    assert_eq!(
        skipped(&r),
        vec![
            ("de/alias.md", not_followed),
            ("de/outside.md", not_followed),
            ("de/self.md", "a symbolic link that loops or points nowhere; not followed"),
            ("en/loop", "a symbolic link to a folder; links are not followed (open the target)"),
        ]
    );
    assert_eq!(problems(&r), vec![]);
    assert_eq!(found(&r), vec![PLANTED]);
}

/// True when this process can read a file whose permissions forbid it (root can): the permission
/// assertions are then meaningless.
#[cfg(unix)]
fn permissions_are_not_enforced(path: &Path) -> bool {
    fs::read(path).is_ok()
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_folders_are_reported_and_the_rest_loads() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = folder(&[("de/locked.md", b"# Gesperrt\n"), ("fr/sub/guide.md", b"# Guide\n")]);
    let locked = tmp.path().join("de/locked.md");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
    let locked_dir = tmp.path().join("fr/sub");
    fs::set_permissions(&locked_dir, fs::Permissions::from_mode(0o000)).expect("chmod");
    let root_reads_anything = permissions_are_not_enforced(&locked);
    let r = review(tmp.path());
    // Put the permissions back so the temp folder can be removed.
    fs::set_permissions(&locked_dir, fs::Permissions::from_mode(0o755)).expect("chmod");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).expect("chmod");
    if root_reads_anything {
        assert_eq!(problems(&r), vec![]);
        return;
    }
    assert_eq!(
        problems(&r),
        vec![
            ("de/locked.md", "input.unreadable", "cannot read: Permission denied (os error 13)"),
            ("fr/sub", "input.unreadable", "cannot list: Permission denied (os error 13)"),
        ]
    );
    assert!(found(&r).contains(&PLANTED));
}

#[test]
fn files_changed_between_listing_and_reading_become_problems() {
    let tmp = folder(&[
        ("de/removed.md", b"# Weg\n"),
        ("de/now-a-folder.md", b"# Ordner\n"),
        ("de/grown.md", b"# Klein\n"),
        ("de/now-binary.md", b"# Text\n"),
    ]);
    let listing = Corpus::list(&[tmp.path().to_path_buf()], &LoadOptions::default()).expect("list");
    assert_eq!(listing.candidates().len(), 6);
    fs::remove_file(tmp.path().join("de/removed.md")).expect("rm");
    fs::remove_file(tmp.path().join("de/now-a-folder.md")).expect("rm");
    fs::create_dir(tmp.path().join("de/now-a-folder.md")).expect("mkdir");
    fs::File::options()
        .write(true)
        .open(tmp.path().join("de/grown.md"))
        .and_then(|f| f.set_len(MAX_FILE_BYTES + (5 << 20)))
        .expect("grow");
    fs::write(tmp.path().join("de/now-binary.md"), b"\x00\x01\x02\x03\x00\x00").expect("write");
    let corpus = Corpus::read_listed(listing, &LoadOptions::default(), &Progress::default()).expect("read");
    let problems: Vec<(&str, &str, &str)> = corpus
        .problems
        .iter()
        .map(|p| (p.rel.as_str(), synoptic::checks::input::id_of(p.kind).as_str(), p.reason.as_str()))
        .collect();
    assert_eq!(
        problems,
        vec![
            ("de/grown.md", "input.too-large", "25 MB is larger than the limit of 20 MB per file; split the file"),
            ("de/now-a-folder.md", "input.unreadable", "cannot read: a folder, not a regular file"),
            ("de/now-binary.md", "input.encoding", "binary content (NUL bytes), not a text file"),
            ("de/removed.md", "input.unreadable", "cannot read: no such file"),
        ]
    );
    let loaded: Vec<&str> = corpus.files.iter().map(|f| f.rel.as_str()).collect();
    assert_eq!(loaded, vec!["de/guide.md", "en/guide.md"]);
}

#[test]
fn fifty_thousand_files_load_with_the_right_counts() {
    // Hard links to two small files: creating 50,000 directory entries this way takes a fraction of the
    // time writing 50,000 files does, and the loader reads each one as a file of its own.
    let originals = tempfile::tempdir().expect("tempdir");
    let page = |locale: &str, text: &str| -> PathBuf {
        let p = originals.path().join(format!("{locale}.md"));
        fs::write(&p, text).expect("write");
        p
    };
    let pages = [
        ("en", page("en", EN)),
        (
            "de",
            page(
                "de",
                "# Anleitung\n\nLesen Sie dies zuerst.\n\n## Einrichtung\n\nStarten Sie das Installationsprogramm.\n",
            ),
        ),
    ];
    let tmp = tempfile::tempdir_in(originals.path()).expect("tempdir");
    for (locale, original) in &pages {
        for chunk in 0..50 {
            let dir = tmp.path().join(locale).join(format!("part{chunk:02}"));
            fs::create_dir_all(&dir).expect("mkdir");
            for i in 0..500 {
                fs::hard_link(original, dir.join(format!("page {i:03}.md"))).expect("link");
            }
        }
    }
    let r = review(tmp.path());
    assert_eq!(r.corpus.files.len(), 50_000);
    assert_eq!(r.corpus.documents.len(), 25_000);
    assert!(r.corpus.documents.iter().all(|d| d.files.len() == 2 && d.source == Some(d.files[0])));
    assert_eq!((problems(&r), skipped(&r)), (vec![], vec![]));
    assert_eq!(found(&r), vec![]);
}

#[cfg(unix)]
/// A folder whose paths have spaces and non-ASCII names, with a planted finding, an undecodable file and
/// a symbolic link, checked by the `synoptic` binary.
fn non_ascii_folder() -> tempfile::TempDir {
    let name = "Guía de inicio/über uns ✓.md";
    let tmp = folder(&[]);
    write(tmp.path(), &format!("en/{name}"), EN.as_bytes());
    write(tmp.path(), &format!("de/{name}"), DE.as_bytes());
    write(tmp.path(), "de/kaputt ü.md", b"# Kaputt\n\n\xff\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink("kaputt ü.md", tmp.path().join("de/verknüpft 日本.md")).expect("symlink");
    tmp
}

#[cfg(unix)]
fn synoptic() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("synoptic").expect("the binary is built")
}

#[cfg(unix)]
#[test]
fn non_ascii_paths_and_spaces_in_the_human_report() {
    let tmp = non_ascii_folder();
    let out = synoptic().arg("check").arg(tmp.path()).assert().code(1).get_output().stdout.clone();
    let text = String::from_utf8(out).expect("utf-8");
    let expected = "\
(files in no document)
  -
    de/kaputt ü.md:3:1 input.encoding error: invalid UTF-8 at byte 10 (line 3); save the file as UTF-8: not loaded

Guía de inicio/über uns ✓.md
  de
    de/Guía de inicio/über uns ✓.md:3:56 structure.missing warning: section 'Setup' of en is missing here (en/Guía de inicio/über uns ✓.md line 5)

guide.md
  de
    de/guide.md:3:56 structure.missing warning: section 'Setup' of en is missing here (en/guide.md line 5)

skipped de/verknüpft 日本.md: a symbolic link; links are not followed (open the target)
skipped: 1 not text, 1 symbolic link

id                   -   de  total
input.encoding       1    .      1
structure.missing    .    2      2

3 findings (1 error, 2 warnings, 0 info) in 2 documents, 4 files, 2 locales
";
    assert_eq!(text, expected);
}

#[cfg(unix)]
#[test]
fn non_ascii_paths_and_spaces_in_the_json_report() {
    let tmp = non_ascii_folder();
    let out = synoptic().arg("check").arg(tmp.path()).args(["--format", "json"]).output().expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let name = "Guía de inicio/über uns ✓.md";
    assert_eq!(v["documents"][0]["name"], name);
    let files: Vec<&str> =
        v["documents"][0]["files"].as_array().expect("files").iter().filter_map(|f| f["file"].as_str()).collect();
    assert_eq!(files, vec![format!("en/{name}"), format!("de/{name}")]);
    let findings: Vec<(&str, &str)> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| Some((f["id"].as_str()?, f["file"].as_str()?)))
        .collect();
    let planted = format!("de/{name}");
    assert_eq!(
        findings,
        vec![
            ("input.encoding", "de/kaputt ü.md"),
            ("structure.missing", planted.as_str()),
            ("structure.missing", "de/guide.md")
        ]
    );
    assert_eq!(v["findings"][1]["message"], format!("section 'Setup' of en is missing here (en/{name} line 5)"));
    assert_eq!(
        v["skipped"],
        serde_json::json!([{"file": "de/verknüpft 日本.md", "reason": "a symbolic link; links are not followed (open the target)"}])
    );
}
