//! The QA report of findings (`synoptic check --format csv|xlsx|html -o FILE`), read back as a
//! translator would open it: CSV with `csv`, XLSX with `calamine`, HTML checked for escaping and `dir`.

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx, open_workbook};
use std::path::PathBuf;
use synoptic::report::findings::{self, Decisions, FalsePositiveMark, FindingsFormat};

/// English source, an Arabic translation with changed inline code and a broken anchor, and a German one missing
/// its second section and an anchor; texts with `<`, `&` and quotes that must come out escaped.
fn folder() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("qa");
    let files = [
        (
            "en",
            "# Guide\n\nUse the `<config>` file & restart. See [setup](#setup).\n\n## Setup {#setup}\n\nRun `install --all` before \"first use\".\n",
        ),
        (
            "ar",
            "# الدليل\n\nاستخدم ملف `<konfig>` ثم أعد التشغيل. انظر [الإعداد](#missing).\n\n## الإعداد {#setup}\n\nشغّل `install --none` قبل الاستخدام الأول.\n",
        ),
        ("de", "# Anleitung\n\nVerwenden Sie die Datei `<config>` & starten Sie neu. Siehe [Einrichtung](#setup).\n"),
    ];
    for (locale, text) in files {
        std::fs::create_dir_all(root.join(locale)).expect("mkdir");
        std::fs::write(root.join(locale).join("guide.md"), text).expect("write");
    }
    (tmp, root)
}

fn synoptic() -> Command {
    Command::cargo_bin("synoptic").expect("the binary is built")
}

const SOURCE_ROW: &str = "Use the `<config>` file & restart. See [setup](#setup).";
const ARABIC_ROW: &str = "استخدم ملف `<konfig>` ثم أعد التشغيل. انظر [الإعداد](#missing).";

#[test]
fn csv_has_one_row_per_finding_with_the_rows_source_and_translation() {
    let (tmp, root) = folder();
    let out = tmp.path().join("findings.csv");
    synoptic()
        .arg("check")
        .arg(&root)
        .args(["--format", "csv", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!("synoptic: wrote 4 findings to {}\n", out.display()));
    let bytes = std::fs::read(&out).expect("csv written");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with a byte-order mark");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_owned).collect();
    assert_eq!(header, findings::COLUMNS);
    let rows: Vec<Vec<String>> =
        reader.records().map(|r| r.expect("record").iter().map(str::to_owned).collect()).collect();
    let heads: Vec<[&str; 5]> =
        rows.iter().map(|r| [r[0].as_str(), r[1].as_str(), r[2].as_str(), r[3].as_str(), r[4].as_str()]).collect();
    assert_eq!(
        heads,
        [
            ["guide.md", "ar", "ar/guide.md:3", "link.missing-anchor", "error"],
            ["guide.md", "ar", "ar/guide.md:7", "code.changed", "warning"],
            ["guide.md", "de", "de/guide.md:3", "link.missing-anchor", "error"],
            ["guide.md", "de", "de/guide.md:3", "structure.missing", "warning"],
        ]
    );
    assert_eq!(rows[0][5], "#missing is not an anchor in this file (link `#missing`)");
    assert_eq!((rows[0][6].as_str(), rows[0][7].as_str()), (SOURCE_ROW, ARABIC_ROW));
    // The German gap: the source's heading, no translation.
    assert_eq!((rows[3][6].as_str(), rows[3][7].as_str()), ("## Setup {#setup}", ""));
    assert!(rows.iter().all(|r| r[8].is_empty() && r[9].is_empty()), "no decisions from the command line yet");
}

#[test]
fn xlsx_has_a_summary_sheet_and_one_sheet_per_locale() {
    let (tmp, root) = folder();
    let out = tmp.path().join("findings.xlsx");
    synoptic()
        .arg("check")
        .arg(&root)
        .args(["--format", "xlsx", "--fail-on", "never", "-o"])
        .arg(&out)
        .assert()
        .code(0);
    let mut book: Xlsx<_> = open_workbook(&out).expect("open xlsx");
    assert_eq!(book.sheet_names(), ["Summary", "ar", "de"]);
    let summary = book.worksheet_range("Summary").expect("summary");
    let row = |r: usize, n: usize| -> Vec<String> { (0..n).map(|c| cell(&summary, r, c)).collect() };
    assert_eq!(row(5, 6), ["locale", "errors", "warnings", "info", "false positives", "total"]);
    assert_eq!(row(6, 6), ["ar", "1", "1", "0", "0", "2"]);
    assert_eq!(row(7, 6), ["de", "1", "1", "0", "0", "2"]);
    assert_eq!(row(8, 6), ["total", "2", "2", "0", "0", "4"]);
    assert_eq!(row(10, 2), ["check", "findings"]);
    assert_eq!(row(11, 2), ["link.missing-anchor", "2"]);
    assert_eq!(row(12, 2), ["code.changed", "1"]);
    assert_eq!(row(13, 2), ["structure.missing", "1"]);
    let ar = book.worksheet_range("ar").expect("ar sheet");
    let header: Vec<String> = (0..10).map(|c| cell(&ar, 0, c)).collect();
    assert_eq!(header, findings::COLUMNS);
    assert_eq!(ar.height(), 3, "a header and two findings");
    assert_eq!(cell(&ar, 1, 3), "link.missing-anchor");
    assert_eq!(cell(&ar, 1, 7), ARABIC_ROW);
}

#[test]
fn xlsx_without_an_output_file_is_a_usage_error() {
    let (_tmp, root) = folder();
    synoptic()
        .arg("check")
        .arg(&root)
        .args(["--format", "xlsx"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("synoptic: --format xlsx writes a workbook: name the file with -o FILE\n");
}

#[test]
fn html_is_escaped_self_contained_and_sets_dir_per_locale() {
    let (tmp, root) = folder();
    let out = tmp.path().join("findings.html");
    synoptic().arg("check").arg(&root).args(["--format", "html", "-o"]).arg(&out).assert().code(1);
    let page = std::fs::read_to_string(&out).expect("html written");
    assert!(page.contains("<section lang=\"ar\" dir=\"rtl\">"), "Arabic laid out right to left");
    assert!(page.contains("<section lang=\"de\" dir=\"ltr\">"));
    assert!(page.contains("<td lang=\"ar\" dir=\"rtl\"><pre>استخدم ملف `&lt;konfig&gt;`"));
    assert!(page.contains("<td lang=\"en\" dir=\"ltr\"><pre>Use the `&lt;config&gt;` file &amp; restart."));
    assert!(!page.contains("<config>") && !page.contains("<konfig>"), "no raw markup from the documents");
    for forbidden in ["<script", "src=", "<link", "@import", "http://", "https://"] {
        assert!(!page.contains(forbidden), "self-contained: {forbidden}");
    }
}

#[test]
fn decisions_fill_the_review_state_and_false_positive_columns() {
    let (_tmp, root) = folder();
    let review = synoptic::review::Review::build(&[root], &synoptic::review::CheckOptions::default()).expect("review");
    let anchor = review.findings.iter().find(|f| f.locale == "de" && f.id.as_str() == "link.missing-anchor");
    let anchor = anchor.expect("the German anchor finding");
    let mut decisions = Decisions::default();
    decisions.false_positives.insert(
        anchor.fingerprint.clone(),
        FalsePositiveMark {
            reason: "anchor added by the site's theme".into(),
            by: "Ana".into(),
            at: "2026-11-24".into(),
        },
    );
    decisions.reviewed_locales.insert(("guide.md".into(), "ar".into()));
    let report = findings::collect(&review, &[], &decisions);
    let columns: Vec<(&str, &str, &str, &str)> = report
        .rows
        .iter()
        .map(|r| (r.locale.as_str(), r.check, r.review_state.as_str(), r.false_positive.as_str()))
        .collect();
    assert_eq!(
        columns,
        [
            ("ar", "link.missing-anchor", "reviewed (document, locale)", ""),
            ("ar", "code.changed", "reviewed (document, locale)", ""),
            ("de", "link.missing-anchor", "", "yes: anchor added by the site's theme (Ana, 2026-11-24)"),
            ("de", "structure.missing", "", ""),
        ]
    );
    let de = &report.counts()[1];
    assert_eq!((de.by_severity, de.false_positives, de.total), ([0, 1, 0], 1, 2));
    let csv = findings::render(&report, FindingsFormat::Csv).expect("csv");
    assert!(String::from_utf8(csv).expect("utf-8").contains("yes: anchor added by the site's theme (Ana, 2026-11-24)"));
}

fn cell(range: &calamine::Range<Data>, row: usize, col: usize) -> String {
    range.get((row, col)).map(ToString::to_string).unwrap_or_default()
}
