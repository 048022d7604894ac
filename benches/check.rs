//! How much `synoptic check` costs next to the bare minimum (walk, read and parse every file with
//! pulldown-cmark, one thread: the floor) and next to the link checker people already run (`lychee
//! --offline --include-fragments`, links only, when `lychee` is on `PATH`), on the same folders.
//!
//! Run with `cargo bench --bench check`. Folders: a generated one (21 locales, 21,000 files, 30 MB, with
//! seeded defects whose findings are checked), then real documentation sets when present (see
//! `check/folders.rs`: `$SYNOPTIC_BENCH_CORPORA`, `$SYNOPTIC_BENCH_FOLDERS`, `$SYNOPTIC_BENCH_ONLY`).
//! For each folder, in rounds (one run of each command per round, so all see the same machine load):
//!
//! - floor: walk + read + pulldown-cmark parse of every Markdown file, one thread;
//! - the library (`Review::build`: load, align, every check, translation status) in a 1-thread and a
//!   2-thread rayon pool;
//! - the binary: `synoptic check --format json --fail-on never FOLDER` (output to /dev/null);
//! - `lychee --offline --include-fragments --no-progress FOLDER` (output to /dev/null).
//!
//! Every run is its own process, measured like `/usr/bin/time -v` (see `check/measure.rs`): wall time,
//! CPU time (user + system) and peak RSS, median of `$SYNOPTIC_BENCH_RUNS` (default 3) runs, then the
//! ratios to the floor and to lychee.

#[path = "check/folders.rs"]
mod folders;
#[path = "check/generate.rs"]
mod generate;
#[path = "check/measure.rs"]
mod measure;

use folders::Folder;
use measure::Summary;
use pulldown_cmark::{Options, Parser};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;
use synoptic::review::{CheckOptions, Review};

// As the binary: many small strings per block; mimalloc halves the time glibc's malloc takes.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

type BenchResult<T> = Result<T, Box<dyn std::error::Error>>;

/// Set in a child process: what to run (`bare`, `library-<threads>`).
const CHILD: &str = "SYNOPTIC_BENCH_CHILD";
/// Set in a child process: the folder.
const CHILD_FOLDER: &str = "SYNOPTIC_BENCH_CHILD_FOLDER";
/// Set in a library child on the generated folder: check the findings against the seeded defects.
const CHILD_SEEDED: &str = "SYNOPTIC_BENCH_CHILD_SEEDED";

fn main() -> BenchResult<()> {
    if let Ok(mode) = std::env::var(CHILD) {
        return child(&mode);
    }
    let runs = std::env::var("SYNOPTIC_BENCH_RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(3usize).max(1);
    let binary = std::env::var_os("SYNOPTIC_BENCH_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_synoptic")));
    let lychee = std::env::var_os("LYCHEE").map(PathBuf::from).or_else(|| measure::on_path("lychee"));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("synoptic check bench: {cores} cores, median of {runs} runs, each run its own process");
    println!("  binary: {}", binary.display());
    match &lychee {
        Some(path) => println!("  lychee: {} ({})", path.display(), version_of(path)),
        None => println!("  lychee: not on PATH, its column is left out (install it to compare: see the README)"),
    }

    let generated = tempfile::Builder::new().prefix("synoptic-bench-").tempdir()?;
    let mut list = Vec::new();
    if folders::wanted("generated") {
        let start = Instant::now();
        let (files, bytes) = generate::generate(generated.path())?;
        println!(
            "generated folder: {files} files, {} locales, {:.1} MB, in {:.1} s at {}",
            generate::LOCALES.len(),
            bytes as f64 / 1e6,
            start.elapsed().as_secs_f64(),
            generated.path().display()
        );
        list.push(Folder { name: "generated".into(), root: generated.path().to_path_buf(), seeded: true });
    }
    let (real, absent) = folders::real_folders();
    list.extend(real.into_iter().filter(|f| folders::wanted(&f.name)));
    for path in absent {
        println!("  (real folder not on this machine: {path})");
    }

    let mut table = Vec::new();
    for folder in &list {
        table.push(measure_folder(folder, runs, &binary, lychee.as_deref())?);
    }
    print_summary(&table, lychee.is_some());
    Ok(())
}

/// What one folder gave: its size, and the median of each command (`None` when it was not run).
struct FolderResult {
    name: String,
    files: usize,
    bytes: u64,
    locales: String,
    rows: Vec<(&'static str, Option<Summary>)>,
}

const FLOOR: &str = "floor: read + parse, 1 thread";
const LIB1: &str = "library Review::build, 1 thread";
const LIB2: &str = "library Review::build, 2 threads";
const BINARY: &str = "synoptic check --format json";
const LYCHEE: &str = "lychee --offline --include-fragments";

fn measure_folder(folder: &Folder, runs: usize, binary: &Path, lychee: Option<&Path>) -> BenchResult<FolderResult> {
    println!("\n== {} ({})", folder.name, folder.root.display());
    // One untimed pass so every run reads from a warm page cache.
    let warm = measure::run(child_command("bare", folder))?;
    let mut commands: Vec<(&'static str, Command)> = vec![
        (FLOOR, child_command("bare", folder)),
        (LIB1, child_command("library-1", folder)),
        (LIB2, child_command("library-2", folder)),
    ];
    let mut check = Command::new(binary);
    check.args(["check", "--format", "json", "--fail-on", "never"]).arg(&folder.root);
    commands.push((BINARY, check));
    if let Some(lychee) = lychee {
        let mut command = Command::new(lychee);
        command.args(["--offline", "--include-fragments", "--no-progress"]).arg(&folder.root);
        // No lychee.toml from the working directory: the same options everywhere. Its report of broken
        // links goes to /dev/null like the rest of its output.
        command.current_dir(std::env::temp_dir()).stderr(std::process::Stdio::null());
        commands.push((LYCHEE, command));
    }
    let mut samples: Vec<Vec<measure::Sample>> = vec![Vec::new(); commands.len()];
    for round in 1..=runs {
        for (i, (label, command)) in commands.iter_mut().enumerate() {
            let quiet = *label == BINARY || *label == LYCHEE;
            if quiet {
                command.stdout(std::process::Stdio::null());
            }
            let sample = measure::run_command(command, !quiet)?;
            println!(
                "  round {round}: {label:<38} {:>7.3} s wall {:>7.3} s CPU {:>6} MB{}",
                sample.wall.as_secs_f64(),
                sample.cpu.as_secs_f64(),
                sample.peak_rss_kb / 1024,
                sample.exit_code.filter(|c| *c != 0).map_or_else(String::new, |c| format!("  (exit {c})")),
            );
            samples[i].push(sample);
        }
    }
    let rows: Vec<(&'static str, Option<Summary>)> =
        commands.iter().zip(&samples).map(|((label, _), s)| (*label, measure::summarize(s))).collect();
    let fields = |label: &str| rows.iter().find(|(l, _)| *l == label).and_then(|(_, s)| s.as_ref());
    let files = field(&warm.stdout, "files").unwrap_or(0) as usize;
    let bytes = field(&warm.stdout, "bytes").unwrap_or(0);
    let locales = fields(LIB1).and_then(|s| field(&s.stdout, "locales")).map_or_else(|| "?".into(), |n| n.to_string());
    if let Some(lib) = fields(LIB1) {
        println!("  library: {}", lib.stdout.lines().next().unwrap_or(""));
        for line in lib.stdout.lines().skip(1) {
            println!("    {line}");
        }
    }
    if let (Some(one), Some(two)) = (fields(LIB1), fields(LIB2))
        && field(&one.stdout, "findings") != field(&two.stdout, "findings")
    {
        println!("  WARNING: the findings differ between 1 and 2 threads");
    }
    let mut rows = rows;
    if lychee.is_none() {
        rows.push((LYCHEE, None));
    }
    Ok(FolderResult { name: folder.name.clone(), files, bytes, locales, rows })
}

fn child_command(mode: &str, folder: &Folder) -> Command {
    let mut command = Command::new(std::env::current_exe().unwrap_or_else(|_| PathBuf::from("check")));
    command.env(CHILD, mode).env(CHILD_FOLDER, &folder.root);
    if folder.seeded {
        command.env(CHILD_SEEDED, "1");
    }
    command
}

/// `key=value` from a child's first line.
fn field(stdout: &str, key: &str) -> Option<u64> {
    let first = stdout.lines().next()?;
    first.split_whitespace().find_map(|kv| kv.strip_prefix(key)?.strip_prefix('=')?.parse().ok())
}

fn version_of(program: &Path) -> String {
    Command::new(program)
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_else(|e| e.to_string())
}

/// In a child process: run one measured command and print what it found on one line (`key=value`),
/// with this process's peak RSS.
fn child(mode: &str) -> BenchResult<()> {
    let root = PathBuf::from(std::env::var_os(CHILD_FOLDER).ok_or("no folder given")?);
    if mode == "bare" {
        let (files, bytes, events) = bare(&root)?;
        println!("files={files} bytes={bytes} events={events} vmhwm_kb={}", measure::vm_hwm_kb());
        return Ok(());
    }
    let threads: usize = mode.strip_prefix("library-").and_then(|t| t.parse().ok()).ok_or("unknown mode")?;
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build()?;
    let review = pool.install(|| Review::build(&[root], &CheckOptions::default()))?;
    println!(
        "files={} documents={} locales={} findings={} vmhwm_kb={}",
        review.corpus.files.len(),
        review.corpus.documents.len(),
        review.corpus.locales().len(),
        review.findings.len(),
        measure::vm_hwm_kb()
    );
    if std::env::var_os(CHILD_SEEDED).is_some() {
        seeded_findings(&review);
    }
    Ok(())
}

/// Findings by id, and any outside the files where defects were seeded (there should be none).
fn seeded_findings(review: &Review) {
    let mut by_id = std::collections::BTreeMap::<&str, usize>::new();
    for f in &review.findings {
        *by_id.entry(f.id.as_str()).or_default() += 1;
    }
    let ids: Vec<String> = by_id.iter().map(|(id, n)| format!("{id} {n}")).collect();
    println!("by id: {}", ids.join(", "));
    let unexpected: Vec<_> = review.findings.iter().filter(|f| !generate::in_seeded_defect(&f.file)).collect();
    println!("findings outside the files with seeded defects: {}", unexpected.len());
    for f in unexpected.iter().take(10) {
        println!("unexpected: {} {}:{} {}", f.id, f.file, f.line, f.message);
    }
}

/// Walk, read and fully parse every Markdown file, one thread: (files, bytes, events).
fn bare(root: &Path) -> BenchResult<(usize, u64, usize)> {
    let mut paths = Vec::new();
    folders::markdown_files(root, &mut paths)?;
    let (mut bytes, mut events) = (0u64, 0usize);
    for path in &paths {
        let raw = std::fs::read(path)?;
        bytes += raw.len() as u64;
        let text = String::from_utf8_lossy(&raw);
        events += Parser::new_ext(&text, Options::all()).into_offset_iter().map(std::hint::black_box).count();
    }
    Ok((paths.len(), bytes, events))
}

fn print_summary(table: &[FolderResult], has_lychee: bool) {
    println!("\nSummary (median of each measure; ratios: wall and CPU to the floor, wall, CPU and RSS to lychee)\n");
    println!(
        "| folder | command | wall | CPU | peak RSS | wall ÷ floor | CPU ÷ floor | wall ÷ lychee | CPU ÷ lychee | RSS ÷ lychee |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for folder in table {
        let get = |label: &str| folder.rows.iter().find(|(l, _)| *l == label).and_then(|(_, s)| s.as_ref());
        let (floor, lychee) = (get(FLOOR), get(LYCHEE));
        let name = format!(
            "{} ({} files, {:.1} MB, {} locales)",
            folder.name,
            folder.files,
            folder.bytes as f64 / 1e6,
            folder.locales
        );
        for (row, (label, summary)) in folder.rows.iter().enumerate() {
            let name = if row == 0 { name.as_str() } else { "" };
            let Some(s) = summary else {
                if !has_lychee {
                    println!("| {name} | {label} | not on PATH | | | | | | | |");
                }
                continue;
            };
            let ratio =
                |a: f64, b: Option<f64>| b.filter(|b| *b > 0.0).map_or_else(String::new, |b| format!("{:.2}×", a / b));
            let (wall, cpu, rss) = (s.wall.as_secs_f64(), s.cpu.as_secs_f64(), s.peak_rss_kb as f64);
            println!(
                "| {name} | {label} | {wall:.2} s | {cpu:.2} s | {:.0} MB | {} | {} | {} | {} | {} |",
                rss / 1024.0,
                ratio(wall, floor.map(|f| f.wall.as_secs_f64())),
                ratio(cpu, floor.map(|f| f.cpu.as_secs_f64())),
                ratio(wall, lychee.map(|l| l.wall.as_secs_f64())),
                ratio(cpu, lychee.map(|l| l.cpu.as_secs_f64())),
                ratio(rss, lychee.map(|l| l.peak_rss_kb as f64)),
            );
        }
    }
}
