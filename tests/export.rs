//! Exports read back as a translator would open them: CSV (with `csv`), XLSX (with `calamine`), HTML and
//! JSON, each with the right columns, rows and scorecard; and `synoptic export` from the command line.

mod common;

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx, open_workbook};
use common::{copy_fixture, note_on, review};
use std::path::Path;
use synoptic::corpus::words::word_count;
use synoptic::export::{self, COLUMNS, ExportFormat};
use synoptic::notes::sidecar::Sidecar;
use synoptic::notes::{Category, NoteBook, NoteSeverity, NoteStatus, ReviewMark};
use synoptic::review::Review;
use synoptic::scorecard::Verdict;

/// Three notes on the clean fixture: a major one in German, a minor one in French marked "won't fix",
/// and a minor one for all locales; `guide.md` marked reviewed in German, nothing reviewed in French;
/// saved in the folder's sidecar.
fn reviewed_folder() -> (tempfile::TempDir, std::path::PathBuf, Review, NoteBook) {
    let (tmp, folder) = copy_fixture("clean");
    let r = review(&folder);
    let mut opened = Sidecar::open(&folder, None);
    let mut de = note_on(
        &r,
        "guide.md",
        "de",
        "Laden Sie das Archiv",
        false,
        "Use \"Releases-Seite\", not \"Seite der Veröffentlichungen\"",
        Category::Terminology,
        NoteSeverity::Major,
    );
    de.id = "0000000000a1-00000001".into();
    let mut fr =
        note_on(&r, "guide.md", "fr", "Tinker", false, "Ton trop familier", Category::Style, NoteSeverity::Minor);
    fr.id = "0000000000a2-00000002".into();
    fr.status = NoteStatus::WontFix;
    let mut all = note_on(
        &r,
        "configure.md",
        "en",
        "",
        true,
        "Line 2, <b>all</b> locales",
        Category::DesignAndMarkup,
        NoteSeverity::Minor,
    );
    all.id = "0000000000a3-00000003".into();
    for n in [de, fr, all] {
        opened.book.upsert(n);
    }
    opened.book.mark_reviewed(ReviewMark::whole("guide.md", "de", "Reviewer", "2026-11-23T10:00:00.000Z"));
    opened.sidecar.save(&mut opened.book).expect("save");
    let book = opened.book;
    (tmp, folder, r, book)
}

/// The words of the English source of every document, and of `guide.md` alone (reviewed in German).
fn source_words(r: &Review) -> (usize, usize) {
    let en = || r.corpus.files.iter().filter(|f| f.locale.to_string() == "en");
    (en().map(word_count).sum(), en().filter(|f| f.rel == "en/guide.md").map(word_count).sum())
}

#[test]
fn csv_has_a_bom_the_columns_and_one_row_per_note() {
    let (_tmp, _folder, r, book) = reviewed_folder();
    let bytes = export::render(&export::collect(&r, &book), ExportFormat::Csv).expect("csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_owned).collect();
    assert_eq!(header, COLUMNS);
    let all: Vec<Vec<String>> =
        reader.records().map(|r| r.expect("record").iter().map(str::to_owned).collect()).collect();
    // The notes, then an empty row, then the scorecard table.
    let split = all.iter().position(|r| r[0] == "MQM scorecard").expect("the scorecard follows the notes");
    let (rows, scorecard) = all.split_at(split);
    let (rows, empty) = rows.split_at(split - 1);
    assert_eq!(empty, [vec![String::new()]]);
    assert_eq!(rows.len(), 3);
    assert_eq!(scorecard[0], ["MQM scorecard", "pass threshold", "99.00", synoptic::export::SCOPE]);
    assert_eq!(scorecard[1], synoptic::export::SCORECARD_COLUMNS);
    let (all_words, reviewed) = source_words(&r);
    assert_eq!(scorecard[2][..4], ["de".to_owned(), "2".to_owned(), reviewed.to_string(), all_words.to_string()]);
    assert_eq!(
        scorecard[2][8..],
        [
            "6.00",
            &format!("{:.2}", 6000.0 / reviewed as f64),
            &format!("{:.2}", 100.0 * (1.0 - 6.0 / reviewed as f64)),
            "fail"
        ]
    );
    // Nothing of French is reviewed: no score, and not a pass.
    assert_eq!(scorecard[3][..4], ["fr".to_owned(), "2".to_owned(), "0".to_owned(), all_words.to_string()]);
    assert_eq!(scorecard[3][8..], ["1.00", "n/a", "n/a", "not yet reviewed"]);
    assert_eq!(scorecard.len(), 4);
    assert_eq!(
        rows[0],
        [
            "configure.md",
            "*",
            "en/configure.md",
            "4",
            "Configure",
            "# Configure {#configure}",
            "",
            "Design and markup",
            "minor",
            "open",
            "Line 2, <b>all</b> locales",
            "Reviewer",
            "2026-11-23"
        ]
    );
    let de = &rows[1];
    assert_eq!(&de[..5], ["guide.md", "de", "de/guide.md", "12", "Installieren"]);
    // The Markdown of the blocks, so links and inline code are all there for the translator.
    assert_eq!(
        de[5],
        "Download the archive from the [releases page](https://example.com/tinker/releases) and unpack it. Then run:"
    );
    assert_eq!(
        de[6],
        "Laden Sie das Archiv von der [Seite der Veröffentlichungen](https://example.com/tinker/releases) herunter und entpacken Sie es. Führen Sie dann Folgendes aus:"
    );
    assert_eq!(
        &de[7..],
        [
            "Terminology",
            "major",
            "open",
            "Use \"Releases-Seite\", not \"Seite der Veröffentlichungen\"",
            "Reviewer",
            "2026-11-23"
        ]
    );
    assert_eq!(&rows[2][..2], ["guide.md", "fr"]);
    assert_eq!(rows[2][9], "won't fix");
}

#[test]
fn the_scorecard_follows_mqm_raw_scoring() {
    let (_tmp, _folder, r, book) = reviewed_folder();
    let e = export::collect(&r, &book);
    let (all_words, words) = source_words(&r);
    type Line<'a> = (&'a str, usize, usize, [usize; 4], f64, Verdict);
    let lines: Vec<Line> = e
        .scorecard
        .iter()
        .map(|s| (s.locale.as_str(), s.words, s.total_words, s.notes, s.penalty, s.verdict))
        .collect();
    // de: the major note and the all-locale minor one over the reviewed guide; fr: the all-locale note
    // only ("won't fix" is not counted), and nothing reviewed.
    assert_eq!(
        lines,
        [
            ("de", words, all_words, [0, 1, 1, 0], 6.0, Verdict::Fail),
            ("fr", 0, all_words, [0, 1, 0, 0], 1.0, Verdict::NotReviewed)
        ]
    );
    let de = &e.scorecard[0];
    assert!((de.score - 100.0 * (1.0 - 6.0 / words as f64)).abs() < 1e-9);
    assert!((de.per_thousand_words - 6000.0 / words as f64).abs() < 1e-9);
    assert!(!de.pass, "6 points in {words} words is below 99");
    assert!(!e.scorecard[1].pass && e.scorecard[1].score.is_nan());
}

fn cell(range: &calamine::Range<Data>, row: usize, col: usize) -> String {
    range.get((row, col)).map(ToString::to_string).unwrap_or_default()
}

#[test]
fn xlsx_has_a_summary_sheet_and_a_sheet_per_locale() {
    let (tmp, _folder, r, book) = reviewed_folder();
    let path = tmp.path().join("review.xlsx");
    export::write(&export::collect(&r, &book), ExportFormat::Xlsx, &path).expect("xlsx");
    let mut workbook: Xlsx<_> = open_workbook(&path).expect("open xlsx");
    assert_eq!(workbook.sheet_names(), ["Summary", "de", "fr"]);
    let summary = workbook.worksheet_range("Summary").expect("summary");
    assert_eq!(cell(&summary, 4, 0), synoptic::export::SCOPE);
    let header: Vec<String> = (0..12).map(|c| cell(&summary, 5, c)).collect();
    assert_eq!(header, synoptic::export::SCORECARD_COLUMNS);
    let (all_words, reviewed) = source_words(&r);
    assert_eq!(cell(&summary, 6, 0), "de");
    assert_eq!((cell(&summary, 6, 2), cell(&summary, 6, 3)), (reviewed.to_string(), all_words.to_string()));
    assert_eq!(cell(&summary, 6, 8), "6");
    assert_eq!(cell(&summary, 6, 11), "fail");
    assert_eq!((cell(&summary, 7, 0), cell(&summary, 7, 10)), ("fr".to_owned(), "n/a".to_owned()));
    assert_eq!(cell(&summary, 7, 11), "not yet reviewed");
    let de = workbook.worksheet_range("de").expect("de sheet");
    let header: Vec<String> = (0..13).map(|c| cell(&de, 0, c)).collect();
    assert_eq!(header, COLUMNS);
    assert_eq!(de.height(), 3, "header, the all-locale note, the German note");
    assert_eq!((cell(&de, 1, 1), cell(&de, 2, 1)), ("*".to_owned(), "de".to_owned()));
    assert_eq!(cell(&de, 2, 3), "12");
    assert_eq!(cell(&de, 2, 7), "Terminology");
    let fr = workbook.worksheet_range("fr").expect("fr sheet");
    assert_eq!((cell(&fr, 2, 1), cell(&fr, 2, 9)), ("fr".to_owned(), "won't fix".to_owned()));
}

#[test]
fn html_is_one_escaped_page_with_the_scorecard() {
    let (_tmp, _folder, r, book) = reviewed_folder();
    let bytes = export::render(&export::collect(&r, &book), ExportFormat::Html).expect("html");
    let html = String::from_utf8(bytes).expect("utf-8");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<h2>MQM scorecard</h2>"));
    assert!(html.contains("<td class=\"fail\">fail</td>"));
    assert!(html.contains("<td class=\"meta\">not yet reviewed</td>"));
    assert!(html.contains("Evaluated words: the words of the rows and documents marked reviewed"));
    assert!(html.contains("Line 2, &lt;b&gt;all&lt;/b&gt; locales"), "note text is escaped");
    assert!(!html.contains("<b>all</b>"));
    assert!(!html.contains("<script") && !html.contains("src=\"http") && !html.contains("href=\"http"));
    assert_eq!(html.matches("<h2 id=\"locale-").count(), 2);
}

#[test]
fn json_holds_everything() {
    let (_tmp, _folder, r, book) = reviewed_folder();
    let bytes = export::render(&export::collect(&r, &book), ExportFormat::Json).expect("json");
    let v: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    assert_eq!(v["notes"].as_array().map(Vec::len), Some(3));
    assert_eq!(v["notes"][1]["id"], "0000000000a1-00000001");
    assert_eq!(v["notes"][1]["line"], 12);
    assert_eq!(v["scorecard"][0]["locale"], "de");
    assert_eq!(v["scorecard"][0]["penalty"], 6.0);
    assert_eq!(v["scorecard"][0]["verdict"], "fail");
    assert_eq!(v["scorecard"][1]["verdict"], "not-reviewed");
    assert_eq!(v["scorecard"][1]["score"], serde_json::Value::Null);
    assert_eq!(v["scoring"]["threshold"], 99.0);
    assert_eq!(v["scoring"]["penalties"]["critical"], 25.0);
}

#[test]
fn the_command_line_exports_every_format() {
    let (tmp, folder, _r, _book) = reviewed_folder();
    for (name, magic) in [
        ("out.csv", &b"\xEF\xBB\xBFdocument,"[..]),
        ("out.xlsx", b"PK"),
        ("out.html", b"<!DOCTYPE"),
        ("out.json", b"{"),
    ] {
        let out = tmp.path().join(name);
        Command::cargo_bin("synoptic")
            .expect("binary")
            .arg("export")
            .arg(&folder)
            .arg("-o")
            .arg(&out)
            .assert()
            .code(0)
            .stderr(format!("synoptic: wrote 3 notes and the scorecard of 2 locales to {}\n", out.display()));
        let bytes = std::fs::read(&out).expect("written");
        assert!(bytes.starts_with(magic), "{name}");
    }
    Command::cargo_bin("synoptic")
        .expect("binary")
        .arg("export")
        .arg(&folder)
        .args(["-o", "notes.txt"])
        .assert()
        .code(2)
        .stderr(
            "synoptic: notes.txt: say which format with --format csv|xlsx|html|json, or end the file name with one\n",
        );
    let forced = tmp.path().join("notes.txt");
    Command::cargo_bin("synoptic")
        .expect("binary")
        .arg("export")
        .arg(&folder)
        .args(["--format", "csv", "-o"])
        .arg(&forced)
        .assert()
        .code(0);
    assert!(Path::new(&forced).is_file());
}

#[test]
fn the_command_line_refuses_what_would_mislead() {
    let (tmp, folder, _r, _book) = reviewed_folder();
    let synoptic = || Command::cargo_bin("synoptic").expect("binary");
    // An unreadable sidecar: exporting would show a clean scorecard without its notes.
    std::fs::write(folder.join("synoptic-notes.toml"), "<<<<<<< HEAD\n").expect("conflict");
    let out = tmp.path().join("out.csv");
    synoptic().arg("export").arg(&folder).arg("-o").arg(&out).assert().code(2).stderr(format!(
        "synoptic: {}: cannot read the notes: line 1: key with no value, expected `=`. Nothing was exported: fix the file (a merge conflict?) and try again\n",
        folder.join("synoptic-notes.toml").display()
    ));
    assert!(!out.exists());
    // A file instead of the folder, and an output folder that is not there.
    synoptic()
        .arg("export")
        .arg(folder.join("en/guide.md"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(format!("synoptic: {}: is a file; give the reviewed folder\n", folder.join("en/guide.md").display()));
    let missing = tmp.path().join("no/such/dir/out.csv");
    std::fs::remove_file(folder.join("synoptic-notes.toml")).expect("rm");
    synoptic().arg("export").arg(&folder).arg("-o").arg(&missing).assert().code(2).stderr(format!(
        "synoptic: {}: cannot write the export: the folder {} does not exist\n",
        missing.display(),
        tmp.path().join("no/such/dir").display()
    ));
}
