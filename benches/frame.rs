//! Frame-time benchmark of the window, headless (`egui::Context::run_ui`, no GPU): 6 panes × 5,000
//! aligned rows while scrolling — Latin-script locales, then Arabic, Hebrew and Persian panes drawn by
//! the bidi layout beside English — and the time to the first frame that shows the bundled sample.
//!
//! Run with `cargo bench --bench frame`. Targets: ≤ 2 ms per frame while scrolling; ≤ 0.5 s to the
//! first frame with the sample.

use std::path::PathBuf;

// The binary allocates many small strings per block; mimalloc halves the time glibc's malloc takes.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::{Duration, Instant};
use synoptic::ui::command::Command;
use synoptic::ui::picker::FixedPicker;
use synoptic::ui::{Settings, SynopticApp};

type BenchResult<T> = Result<T, Box<dyn std::error::Error>>;

const LOCALES: &[&str] = &["en", "de", "fr", "es", "ru", "tr"];
/// Right-to-left panes (every block goes through the bidi layout) beside English.
const RTL_LOCALES: &[&str] = &["en", "ar", "he", "fa", "ar-EG", "he-IL"];
const SECTIONS: usize = 1_000;
const FRAMES: usize = 400;

/// One document in six locales with 5,000 aligned rows (1,000 sections of a heading and 4 blocks).
fn write_corpus(root: &std::path::Path, locales: &[&str]) -> BenchResult<()> {
    for (l, locale) in locales.iter().enumerate() {
        let mut text = String::from("---\ntitle: Long\n---\n");
        let rtl = synoptic::locale::is_right_to_left(locale);
        for s in 0..SECTIONS {
            text.push_str(&format!("## Section {s} {locale} {{#s{s}}}\n\n"));
            text.push_str(&format!(
                "Paragraph {s} in {locale} with a [link](https://example.com/{s}) and `code_{s}`.\n\n"
            ));
            text.push_str(&format!("- item one {l}\n- item two {s}\n\n"));
            if rtl {
                text.push_str(&format!("فقرة أخرى {s} باللغة {locale} طويلة بما يكفي لتلتف مرة أو مرتين في جزء ضيق، مع كلمات English وأرقام 2024.\n\n"));
            } else {
                text.push_str(&format!("Another paragraph {s} of {locale} that is long enough to wrap once or twice in a narrow pane, as prose does.\n\n"));
            }
            text.push_str("```sh\nrun --all\n```\n\n");
        }
        let dir = root.join(locale);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join("long.md"), text)?;
    }
    Ok(())
}

fn input(time: f64) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 900.0))),
        time: Some(time),
        ..Default::default()
    }
}

/// One frame: logic then drawing, as eframe does. Returns how long it took.
fn frame(ctx: &egui::Context, app: &mut SynopticApp, time: f64) -> Duration {
    let start = Instant::now();
    app.logic_step(ctx);
    let mut out = ctx.run_ui(input(time), |ui| app.window_ui(ui));
    let elapsed = start.elapsed();
    out.textures_delta.clear();
    elapsed
}

fn open(ctx: &egui::Context, paths: Vec<PathBuf>) -> BenchResult<(SynopticApp, f64)> {
    let mut app = SynopticApp::new(Settings::default(), Box::new(FixedPicker::new(None)));
    app.push(Command::Open(paths));
    let mut time = 0.0;
    let deadline = Instant::now() + Duration::from_secs(120);
    while app.view().is_none() {
        if let Some(e) = app.error() {
            return Err(e.to_owned().into());
        }
        if Instant::now() > deadline {
            return Err("the folder did not load in 120 s".into());
        }
        frame(ctx, &mut app, time);
        time += 1.0 / 60.0;
        std::thread::sleep(Duration::from_millis(1));
    }
    if let Some(e) = app.error() {
        return Err(e.to_owned().into());
    }
    Ok((app, time))
}

fn main() -> BenchResult<()> {
    scrolling("Latin-script panes", LOCALES)?;
    scrolling("right-to-left panes (bidi layout)", RTL_LOCALES)?;

    // Time to first frame with the sample: extract, load in the background, draw.
    let start = Instant::now();
    let ctx = egui::Context::default();
    let sample = synoptic::sample::extract()?;
    let (mut app, time) = open(&ctx, vec![sample])?;
    frame(&ctx, &mut app, time);
    let first = start.elapsed();
    println!("time to first frame with the sample: {:.0} ms (target ≤ 500 ms)", first.as_secs_f64() * 1000.0);
    Ok(())
}

/// 6 panes × 5,000 rows, scrolling a page every frame.
fn scrolling(what: &str, locales: &[&str]) -> BenchResult<()> {
    let tmp = tempfile::tempdir()?;
    write_corpus(tmp.path(), locales)?;
    let ctx = egui::Context::default();
    let (mut app, mut time) = open(&ctx, vec![tmp.path().to_path_buf()])?;
    let rows = app.review().map_or(0, |r| r.documents[app.view().map_or(0, |v| v.doc)].alignment.rows.len());
    let panes = app.view().map_or(0, |v| v.columns.len());
    for _ in 0..10 {
        frame(&ctx, &mut app, time);
        time += 1.0 / 60.0;
    }
    let mut times = Vec::with_capacity(FRAMES);
    let mut deepest = 0;
    for i in 0..FRAMES {
        // Page down most frames; jump back to the top now and then, so rows are laid out anew.
        app.push(if i % 100 == 99 { Command::ScrollToEnd(true) } else { Command::ScrollPages(1.0) });
        times.push(frame(&ctx, &mut app, time));
        deepest = deepest.max(app.top_row());
        time += 1.0 / 60.0;
    }
    let still: Vec<Duration> = (0..50)
        .map(|_| {
            time += 1.0 / 60.0;
            frame(&ctx, &mut app, time)
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mean = times.iter().map(|d| ms(*d)).sum::<f64>() / times.len() as f64;
    println!("{what}: {panes} panes × {rows} aligned rows, {FRAMES} frames scrolling a page each:");
    println!(
        "  mean {:.2} ms, median {:.2} ms, p95 {:.2} ms, max {:.2} ms per frame (target ≤ 2 ms)",
        mean,
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100]),
        ms(times[times.len() - 1])
    );
    let still_mean = still.iter().map(|d| ms(*d)).sum::<f64>() / still.len() as f64;
    println!("  not scrolling: mean {still_mean:.2} ms per frame");
    println!("  deepest row scrolled to: {deepest}");
    Ok(())
}
