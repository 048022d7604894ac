//! Loading in the background: a worker thread builds the review while the window keeps painting; the
//! frame reads a shared progress counter and can cancel.

use crate::corpus::Progress;
use crate::review::{CheckOptions, Review};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// The result of one load.
pub type Loaded = (Vec<PathBuf>, crate::Result<Review>);

struct Job {
    paths: Vec<PathBuf>,
    progress: Arc<Progress>,
    rx: Receiver<crate::Result<Review>>,
}

/// At most one load at a time; starting another cancels the one under way.
#[derive(Default)]
pub struct Loader {
    job: Option<Job>,
}

impl Loader {
    /// Start loading `paths`; the worker asks for a repaint when it is done.
    pub fn start(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        self.cancel();
        let progress = Arc::new(Progress::default());
        let (tx, rx) = channel();
        let (worker_paths, worker_progress, ctx) = (paths.clone(), Arc::clone(&progress), ctx.clone());
        std::thread::spawn(move || {
            let result = Review::build_with_progress(&worker_paths, &CheckOptions::default(), &worker_progress)
                .inspect(|r| {
                    // Counted now, off the UI thread: the status view's "source then / now" rows (one git
                    // process) and the scorecard's words.
                    r.source_changes();
                    r.corpus.evaluated();
                });
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        self.job = Some(Job { paths, progress, rx });
    }

    /// The finished load, if any.
    pub fn poll(&mut self) -> Option<Loaded> {
        let job = self.job.as_ref()?;
        let result = match job.rx.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Err(crate::Error::Cancelled),
        };
        let job = self.job.take()?;
        Some((job.paths, result))
    }

    /// (files read, total) of the load under way.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.job.as_ref().map(|j| j.progress.counts())
    }

    /// Stop the load under way (its result is dropped).
    pub fn cancel(&mut self) {
        if let Some(job) = self.job.take() {
            job.progress.cancel();
        }
    }

    /// True while a load runs.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }
}
