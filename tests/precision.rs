//! The precision benchmark: `synoptic check` on four real documentation sites, scored against findings a
//! person labelled TP or FP by reading the files (`tests/precision/labels/<corpus>.tsv`, a stratified
//! sample of at least 150 findings per corpus). For every corpus and check id, precision (labelled TPs
//! among the labelled findings still reported) and recall (labelled TPs still reported) must not drop
//! below `tests/precision/floors.tsv`, the numbers reached so far.
//!
//! The corpora are pinned extracts (`tests/precision/corpora.toml`) kept outside the repository: in
//! `$SYNOPTIC_CORPORA`, else `../corpora` beside the checkout. When they are absent the test says so
//! and checks nothing else.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

const BENCH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/precision");
/// Rounding slack: floors are written with two decimals.
const SLACK: f64 = 0.005;

#[derive(serde::Deserialize)]
struct Corpora {
    corpus: Vec<Corpus>,
}

#[derive(serde::Deserialize)]
struct Corpus {
    name: String,
    open: String,
}

struct Label {
    id: String,
    file: String,
    line: String,
    true_positive: bool,
}

/// Precision and recall of one corpus, overall (`all`) and per check id.
#[derive(Default, Clone, Copy)]
struct Score {
    tp_reported: u32,
    fp_reported: u32,
    tp_total: u32,
}

impl Score {
    fn precision(&self) -> f64 {
        let reported = self.tp_reported + self.fp_reported;
        if reported == 0 { 1.0 } else { f64::from(self.tp_reported) / f64::from(reported) }
    }

    fn recall(&self) -> f64 {
        if self.tp_total == 0 { 1.0 } else { f64::from(self.tp_reported) / f64::from(self.tp_total) }
    }
}

fn corpora_root() -> Option<PathBuf> {
    let configured = std::env::var_os("SYNOPTIC_CORPORA").map(PathBuf::from);
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpora");
    configured.into_iter().chain([beside]).find(|p| p.is_dir())
}

fn labels(corpus: &str) -> Vec<Label> {
    let text = std::fs::read_to_string(format!("{BENCH}/labels/{corpus}.tsv")).expect("labels");
    text.lines()
        .skip(1)
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert!(cols.len() >= 4, "label line without four columns: {line}");
            assert!(matches!(cols[3], "TP" | "FP"), "verdict must be TP or FP: {line}");
            Label {
                id: cols[0].to_string(),
                file: cols[1].to_string(),
                line: cols[2].to_string(),
                true_positive: cols[3] == "TP",
            }
        })
        .collect()
}

/// (id, file, line) of every finding `synoptic check` reports on `folder`.
fn reported(folder: &Path) -> HashSet<(String, String, String)> {
    let out = Command::new(env!("CARGO_BIN_EXE_synoptic"))
        .args(["check", "--format", "json"])
        .arg(folder)
        .output()
        .expect("run synoptic");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("check on {} printed no JSON ({e}): {}", folder.display(), String::from_utf8_lossy(&out.stderr))
    });
    json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let text = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (text("id"), text("file"), f["line"].to_string())
        })
        .collect()
}

fn score(labels: &[Label], reported: &HashSet<(String, String, String)>) -> BTreeMap<String, Score> {
    let mut scores: BTreeMap<String, Score> = BTreeMap::new();
    for label in labels {
        let found = reported.contains(&(label.id.clone(), label.file.clone(), label.line.clone()));
        for key in [label.id.as_str(), "all"] {
            let s = scores.entry(key.to_string()).or_default();
            s.tp_total += u32::from(label.true_positive);
            s.tp_reported += u32::from(found && label.true_positive);
            s.fp_reported += u32::from(found && !label.true_positive);
        }
    }
    scores
}

/// corpus → id → (precision, recall) floors.
fn floors() -> BTreeMap<String, BTreeMap<String, (f64, f64)>> {
    let text = std::fs::read_to_string(format!("{BENCH}/floors.tsv")).expect("floors");
    let mut floors: BTreeMap<String, BTreeMap<String, (f64, f64)>> = BTreeMap::new();
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let number = |i: usize| cols[i].parse::<f64>().unwrap_or_else(|_| panic!("bad floor line: {line}"));
        floors.entry(cols[0].to_string()).or_default().insert(cols[1].to_string(), (number(2), number(3)));
    }
    floors
}

fn corpora() -> Corpora {
    let text = std::fs::read_to_string(format!("{BENCH}/corpora.toml")).expect("corpora.toml");
    toml::from_str(&text).expect("corpora.toml parses")
}

#[test]
fn labels_are_well_formed_and_cover_every_corpus() {
    let corpora = corpora();
    let floors = floors();
    for corpus in &corpora.corpus {
        let labels = labels(&corpus.name);
        assert!(labels.len() >= 150, "{}: only {} labelled findings", corpus.name, labels.len());
        let ids: HashSet<&str> = labels.iter().map(|l| l.id.as_str()).collect();
        for id in ids {
            assert!(synoptic::checks::CheckId::parse(id).is_some(), "{}: unknown check id {id}", corpus.name);
            assert!(floors[&corpus.name].contains_key(id), "{}: no floor for {id}", corpus.name);
        }
    }
}

#[test]
fn precision_and_recall_do_not_drop_below_the_floors() {
    let Some(root) = corpora_root() else {
        println!(
            "SKIPPED precision benchmark: no corpora (set SYNOPTIC_CORPORA, or extract the pinned commits of \
             tests/precision/corpora.toml into ../corpora)"
        );
        return;
    };
    let corpora = corpora();
    let floors = floors();
    let mut failures = Vec::new();
    for corpus in &corpora.corpus {
        let folder = root.join(&corpus.name).join(&corpus.open);
        if !folder.is_dir() {
            println!("SKIPPED {}: {} is not there", corpus.name, folder.display());
            continue;
        }
        let scores = score(&labels(&corpus.name), &reported(&folder));
        for (id, s) in &scores {
            let (precision, recall) = floors[&corpus.name][id];
            println!(
                "{} {id}: precision {:.2} (floor {precision:.2}), recall {:.2}",
                corpus.name,
                s.precision(),
                s.recall()
            );
            if s.precision() + SLACK < precision || s.recall() + SLACK < recall {
                failures.push(format!(
                    "{} {id}: precision {:.2} < {precision:.2} or recall {:.2} < {recall:.2}",
                    corpus.name,
                    s.precision(),
                    s.recall()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "below the floors:\n{}", failures.join("\n"));
}
