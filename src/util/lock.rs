//! An exclusive lock between processes (and threads): the operating system's lock on a lock file
//! (`flock` on Unix, `LockFileEx` on Windows, through [`File::try_lock`]). The kernel releases it when
//! the holder exits, however it exits, so a lock is never "stale" and never needs breaking.
//!
//! On Unix the holder removes the lock file before releasing it, so none is left in the user's folder. A
//! waiter may then hold a lock on a file that is no longer there (it opened the file before the removal):
//! after locking, it checks that the path still names the file it locked, and starts over if not. So two
//! holders can never be inside at once. Elsewhere the lock file stays (removing an open file is not
//! possible there).

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The steps of taking a lock, for tests that force two takers into a chosen order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockStep {
    /// The lock file is open (created if needed), not locked yet.
    Opened,
    /// The file is locked; whether the path still names it is not checked yet.
    Taken,
    /// The lock is held and checked.
    Held,
}

/// A held lock; dropping it releases it.
#[derive(Debug)]
pub struct FileLock {
    path: PathBuf,
    file: Option<File>,
}

impl FileLock {
    /// Take the lock on `path`, waiting at most `wait` for another holder. A file system that cannot lock
    /// (some network and FUSE mounts) gives an unlocked guard rather than refusing to save.
    pub fn acquire(path: &Path, wait: Duration) -> io::Result<FileLock> {
        FileLock::acquire_observed(path, wait, &|_| {})
    }

    /// [`FileLock::acquire`], calling `observe` at each step (tests inject delays there).
    pub fn acquire_observed(path: &Path, wait: Duration, observe: &dyn Fn(LockStep)) -> io::Result<FileLock> {
        let start = Instant::now();
        loop {
            let file = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(path)?;
            observe(LockStep::Opened);
            loop {
                match file.try_lock() {
                    Ok(()) => break,
                    Err(TryLockError::WouldBlock) if start.elapsed() > wait => {
                        return Err(io::Error::new(io::ErrorKind::WouldBlock, "another Synoptic is saving notes"));
                    }
                    Err(TryLockError::WouldBlock) => std::thread::sleep(Duration::from_millis(2)),
                    Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                        return Ok(FileLock { path: path.to_path_buf(), file: None });
                    }
                    Err(TryLockError::Error(e)) => return Err(e),
                }
            }
            observe(LockStep::Taken);
            if !still_named(&file, path) {
                // The previous holder removed the file after we opened it: lock the one there now.
                continue;
            }
            observe(LockStep::Held);
            return Ok(FileLock { path: path.to_path_buf(), file: Some(file) });
        }
    }
}

/// The path still names the opened file (Unix: same device and inode).
#[cfg(unix)]
fn still_named(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(held), Ok(named)) => held.dev() == named.dev() && held.ino() == named.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_named(_: &File, _: &Path) -> bool {
    true
}

impl Drop for FileLock {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            // Removed while still held, so nobody can lock this path's file in between.
            #[cfg(unix)]
            let _ = std::fs::remove_file(&self.path);
            let _ = file.unlock();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn a_held_lock_cannot_be_taken_again_and_is_released_on_drop() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("x.lock");
        let held = FileLock::acquire(&path, Duration::ZERO).expect("lock");
        let e = FileLock::acquire(&path, Duration::from_millis(20)).expect_err("held elsewhere");
        assert_eq!(e.kind(), io::ErrorKind::WouldBlock);
        drop(held);
        #[cfg(unix)]
        assert!(!path.exists(), "the lock file is removed");
        drop(FileLock::acquire(&path, Duration::ZERO).expect("free again"));
    }

    #[test]
    fn a_left_lock_file_is_not_a_held_lock() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("x.lock");
        std::fs::write(&path, "12345\n").expect("a crashed writer's file");
        drop(FileLock::acquire(&path, Duration::ZERO).expect("taken at once"));
    }

    #[test]
    fn threads_take_turns() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = Arc::new(tmp.path().join("x.lock"));
        let inside = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let workers: Vec<_> = (0..4)
            .map(|_| {
                let (path, inside, most) = (Arc::clone(&path), Arc::clone(&inside), Arc::clone(&most));
                std::thread::spawn(move || {
                    for _ in 0..50 {
                        let _lock = FileLock::acquire(&path, Duration::from_secs(10)).expect("lock");
                        let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        std::thread::yield_now();
                        inside.fetch_sub(1, Ordering::SeqCst);
                    }
                })
            })
            .collect();
        for w in workers {
            w.join().expect("worker");
        }
        assert_eq!(most.load(Ordering::SeqCst), 1);
    }
}
