//! The `synoptic` binary: parse the command line, run the library, turn errors into a one-line message
//! and an exit code. `synoptic check …` exits 0 clean, 1 findings at or above `--fail-on`, 2 usage or I/O
//! error; `synoptic status PATH` exits 0, or 2 on error; `synoptic export PATH -o FILE` exits 0 written, 2 on
//! error; `synoptic ignore PATH FINGERPRINT` exits 0 written, 2 on error; `synoptic [PATH]` opens the window.

use clap::Parser;

// The binary allocates many small strings per block; mimalloc halves the time glibc's malloc takes.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::io::Write;
use std::process::ExitCode;
use synoptic::cli::{CheckArgs, Cli, Command, IgnoreArgs, StatusArgs};
use synoptic::ui::{self, StartOptions};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check(args)) => check(&args),
        Some(Command::Export(args)) => export(&args),
        Some(Command::Status(args)) => status(&args),
        Some(Command::Ignore(args)) => ignore(&args),
        None => window(StartOptions {
            path: cli.path,
            screenshot: cli.screenshot,
            theme: cli.theme.as_deref().and_then(synoptic::ui::theme::ThemeChoice::parse),
            zoom: cli.zoom,
        }),
    }
}

fn check(args: &CheckArgs) -> ExitCode {
    match synoptic::cli::check(args) {
        Ok(checked) => {
            for warning in &checked.warnings {
                eprintln!("synoptic: warning: {warning}");
            }
            if let Some((path, findings)) = &checked.written {
                eprintln!("synoptic: wrote {findings} findings to {}", path.display());
            }
            let (report, failed) = (checked.report, checked.failed);
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(&report).and_then(|()| out.flush())
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                eprintln!("synoptic: {}", synoptic::Error::Output(e));
                return ExitCode::from(2);
            }
            if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
        }
        Err(e) => {
            eprintln!("synoptic: {e}");
            ExitCode::from(2)
        }
    }
}

fn export(args: &synoptic::cli::ExportArgs) -> ExitCode {
    match synoptic::cli::export(args) {
        Ok(done) => {
            for warning in &done.warnings {
                eprintln!("synoptic: warning: {warning}");
            }
            let recovered = match done.recovered {
                0 => String::new(),
                n => format!(" ({n} of them from a recovered-notes file)"),
            };
            eprintln!(
                "synoptic: wrote {} notes{recovered} and the scorecard of {} locales to {}",
                done.notes,
                done.locales,
                args.output.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synoptic: {e}");
            ExitCode::from(2)
        }
    }
}

fn ignore(args: &IgnoreArgs) -> ExitCode {
    match synoptic::cli::ignore(args) {
        Ok(done) => {
            for warning in &done.warnings {
                eprintln!("synoptic: warning: {warning}");
            }
            println!("{}", done.message);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synoptic: {e}");
            ExitCode::from(2)
        }
    }
}

fn status(args: &StatusArgs) -> ExitCode {
    let report = match synoptic::cli::status(args) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("synoptic: {e}");
            return ExitCode::from(2);
        }
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(report.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("synoptic: {}", synoptic::Error::Output(e));
            ExitCode::from(2)
        }
        _ => ExitCode::SUCCESS,
    }
}

fn window(start: StartOptions) -> ExitCode {
    if let Some(path) = start.path.as_ref().filter(|p| !p.exists()) {
        eprintln!("synoptic: {}", synoptic::Error::MissingPath(path.clone()));
        return ExitCode::from(2);
    }
    match ui::run(start) {
        Ok(ui::WindowExit::Closed) => ExitCode::SUCCESS,
        Ok(ui::WindowExit::ScreenshotFailed) => ExitCode::from(1),
        Err(e) => {
            eprintln!("synoptic: cannot open the window: {e}");
            ExitCode::from(2)
        }
    }
}
