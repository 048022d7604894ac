//! The `synoptic` binary: parse the command line, run the library, turn errors into a one-line message
//! and an exit code (0 clean, 1 findings at or above `--fail-on`, 2 usage or I/O error).

use clap::Parser;
use std::io::Write;
use std::process::ExitCode;
use synoptic::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => match synoptic::cli::check(&args) {
            Ok((report, failed)) => {
                let mut out = std::io::stdout().lock();
                if let Err(e) = out.write_all(report.as_bytes()).and_then(|()| out.flush())
                    && e.kind() != std::io::ErrorKind::BrokenPipe
                {
                    eprintln!("synoptic: {}", synoptic::Error::Output(e));
                    return ExitCode::from(2);
                }
                if failed {
                    ExitCode::from(1)
                } else {
                    ExitCode::SUCCESS
                }
            }
            Err(e) => {
                eprintln!("synoptic: {e}");
                ExitCode::from(2)
            }
        },
    }
}
