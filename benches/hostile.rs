//! Hostile-input benchmark: how long the largest accepted file and the pathological shapes take.
//!
//! Run with `cargo bench --bench hostile` (`HOSTILE_MB=2,4,8 cargo bench --bench hostile` times only
//! file pairs of those sizes, to see how (a) scales). Times, best of three:
//! (a) `Review::build` on a folder with one Markdown file just below the size limit
//!     ([`synoptic::corpus::MAX_FILE_BYTES`]), in English and German: headings, paragraphs with links and
//!     code, lists, code blocks;
//! (b) one document in two locales, in memory, for each pathological shape: a list of 100,000 items,
//!     block quotes and lists nested 10,000 deep, a 1 MB line, 50,000 unclosed `**`, 100,000 `[`;
//! (c) hostile side files, each the time until the clear message (Unix): a named pipe and a link to
//!     `/dev/zero` as the notes sidecar (opened by `check`'s reader and by the window's session, whose
//!     thread must answer), a sparse 2 GB `synoptic.toml`, sidecar and glossary, a pipe as the glossary;
//! (d) the lock race: three writers at a crashed writer's lock file at the same instant, 1,000 times;
//!     the notes lost (must be 0) and the time per race.

#[path = "hostile/lock_race.rs"]
mod lock_race;
#[cfg(unix)]
#[path = "hostile/side_files.rs"]
mod side_files;

// The binary's allocator, so the numbers match what users get.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};
use synoptic::corpus::{Corpus, LoadOptions, MAX_FILE_BYTES};
use synoptic::review::{CheckOptions, Review};

/// Runs per measurement; the best one counts.
const RUNS: usize = 3;

fn best_of<T>(mut run: impl FnMut() -> T) -> (Duration, T) {
    let mut best = None;
    let mut last = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let out = run();
        let took = start.elapsed();
        best = Some(best.map_or(took, |b: Duration| b.min(took)));
        last = Some(out);
    }
    (best.unwrap_or_default(), last.expect("at least one run"))
}

/// A realistic article of about `size` bytes: sections of prose with links and inline code, a list and a
/// code block each.
fn article(title: &str, words: &[&str], size: usize) -> String {
    let mut out = format!("# {title}\n\n");
    let mut section = 0;
    while out.len() + 2048 < size {
        section += 1;
        let _ = write!(out, "## {title} {section}\n\n");
        for sentence in 0..6 {
            let _ = write!(out, "{} [{}](page-{section}.md) `value_{sentence}` ", words.join(" "), words[0]);
        }
        out.push_str("\n\n");
        for item in 0..4 {
            let _ = writeln!(out, "- {} {item}", words[item % words.len()]);
        }
        let _ = write!(out, "\n```sh\nrun --step {section}\n```\n\n");
    }
    out
}

fn just_below_the_limit() -> Result<(), Box<dyn std::error::Error>> {
    let sizes: Vec<usize> = match std::env::var("HOSTILE_MB") {
        Ok(mb) => mb.split(',').filter_map(|m| m.parse::<usize>().ok()).map(|m| m << 20).collect(),
        Err(_) => vec![MAX_FILE_BYTES as usize - 4096],
    };
    for size in sizes {
        big_pair(size)?;
    }
    Ok(())
}

fn big_pair(size: usize) -> Result<(), Box<dyn std::error::Error>> {
    let tmp = tempfile::tempdir()?;
    let en = article("Guide", &["Install", "the", "tool", "and", "follow", "every", "step", "shown"], size);
    let de = article("Anleitung", &["Installieren", "Sie", "das", "Werkzeug", "und", "folgen", "Sie", "allen"], size);
    for (locale, text) in [("en", &en), ("de", &de)] {
        std::fs::create_dir_all(tmp.path().join(locale))?;
        std::fs::write(tmp.path().join(locale).join("big.md"), text)?;
    }
    let (took, review) = best_of(|| Review::build(&[tmp.path().to_path_buf()], &CheckOptions::default()));
    let review = review?;
    println!(
        "two files of {:.1} MB (the limit is {} MB): {:.2} s, {} rows, {} findings",
        en.len() as f64 / f64::from(1 << 20),
        MAX_FILE_BYTES >> 20,
        took.as_secs_f64(),
        review.documents.first().map_or(0, |d| d.alignment.rows.len()),
        review.findings.len()
    );
    Ok(())
}

fn pathological(name: &str, en: &str, de: &str) {
    let (took, findings) = best_of(|| {
        let files =
            vec![("en/doc.md".to_owned(), en.as_bytes().to_vec()), ("de/doc.md".to_owned(), de.as_bytes().to_vec())];
        let corpus = Corpus::from_memory(Path::new("/bench"), files, &LoadOptions::default());
        Review::from_corpus(corpus, None, &Default::default(), &Default::default()).findings.len()
    });
    println!("{name}: {:.3} s ({findings} findings)", took.as_secs_f64());
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    #[cfg(unix)]
    side_files::run()?;
    lock_race::run()?;
    just_below_the_limit()?;
    if std::env::var("HOSTILE_MB").is_ok() {
        return Ok(());
    }
    let list = |word: &str, n: usize| (0..n).map(|i| format!("- {word} {i}\n")).collect::<String>();
    pathological("a list of 100,000 items", &list("item", 100_000), &list("Punkt", 99_999));
    let quotes = format!("{}deep\n", "> ".repeat(10_000));
    pathological("block quotes nested 10,000 deep", &quotes, &quotes.replace("deep", "tief"));
    let lists = format!("{}deep\n", "- ".repeat(10_000));
    pathological("lists nested 10,000 deep", &lists, &lists.replace("deep", "tief"));
    let line = "word [link](#top) `code` **strong** ".repeat(28_000);
    pathological("a 1 MB line", &line, &line.replace("word", "Wort"));
    pathological("50,000 unclosed **", &"**open ".repeat(50_000), &"**offen ".repeat(50_000));
    pathological("100,000 [", &"[".repeat(100_000), &"[".repeat(100_000));
    Ok(())
}
