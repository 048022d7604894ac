//! Measuring one run as `/usr/bin/time -v` does: each run is a child process (the library runs are this
//! bench re-executed in a child mode, so each starts with a fresh heap), waited for with `wait4`, which
//! gives that child's own CPU time (user + system) and peak resident memory. A library child also reads
//! its `VmHWM` from `/proc/self/status` before it exits and prints it with what it found.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

type BenchResult<T> = Result<T, Box<dyn std::error::Error>>;

/// One run: wall time, CPU time (user + system) and peak resident memory, and what the child printed.
#[derive(Debug, Clone)]
pub struct Sample {
    pub wall: Duration,
    pub cpu: Duration,
    pub peak_rss_kb: u64,
    pub stdout: String,
    pub exit_code: Option<i32>,
}

/// Run `command` to completion, its standard output captured.
pub fn run(mut command: Command) -> BenchResult<Sample> {
    run_command(&mut command, true)
}

/// Run `command` to completion; its standard output captured when `capture`, else where the command
/// sends it.
pub fn run_command(command: &mut Command, capture: bool) -> BenchResult<Sample> {
    command.stdin(Stdio::null());
    if capture {
        command.stdout(Stdio::piped());
    }
    let start = Instant::now();
    let mut child = command.spawn()?;
    let mut stdout = String::new();
    if let Some(mut out) = child.stdout.take() {
        out.read_to_string(&mut stdout)?;
    }
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero `rusage` is a valid value; wait4 fills it for the child we spawned (and have
    // not waited for through `child`, so the pid is still ours to reap).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our child; status and usage point to live locals.
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    if reaped != pid {
        return Err(format!("wait4 failed: {}", std::io::Error::last_os_error()).into());
    }
    let exit_code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    Ok(Sample { wall, cpu: cpu_of(&usage), peak_rss_kb: usage.ru_maxrss.max(0) as u64, stdout, exit_code })
}

fn cpu_of(usage: &libc::rusage) -> Duration {
    let tv = |t: libc::timeval| Duration::new(t.tv_sec.max(0) as u64, (t.tv_usec.max(0) as u32) * 1000);
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

/// This process's peak resident memory so far (`VmHWM`), in kB.
pub fn vm_hwm_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// The median of each measure over several runs (wall, CPU and memory each on their own), with the last
/// run's output.
#[derive(Debug, Clone)]
pub struct Summary {
    pub wall: Duration,
    pub cpu: Duration,
    pub peak_rss_kb: u64,
    pub stdout: String,
}

pub fn summarize(samples: &[Sample]) -> Option<Summary> {
    fn median<T: Ord + Copy>(mut v: Vec<T>) -> Option<T> {
        v.sort();
        v.get(v.len() / 2).copied()
    }
    let last = samples.last()?;
    Some(Summary {
        wall: median(samples.iter().map(|s| s.wall).collect())?,
        cpu: median(samples.iter().map(|s| s.cpu).collect())?,
        peak_rss_kb: median(samples.iter().map(|s| s.peak_rss_kb).collect())?,
        stdout: last.stdout.clone(),
    })
}

/// The first program named `name` on `PATH`.
pub fn on_path(name: &str) -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(name)).find(|p| is_executable(p))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}
