//! One piece of background work with its answer coming back over a channel: exports and the whole-folder
//! search run this way, so the frame never writes a file or scans every document. The worker wakes the
//! window when it is done.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// A background job whose answer is a `T`.
#[derive(Debug)]
pub struct Job<T> {
    rx: Option<Receiver<T>>,
}

impl<T> Default for Job<T> {
    fn default() -> Self {
        Job { rx: None }
    }
}

impl<T: Send + 'static> Job<T> {
    /// Start `work` on a thread, replacing (and ignoring the answer of) a job under way.
    pub fn start(&mut self, ctx: &egui::Context, work: impl FnOnce() -> T + Send + 'static) {
        let (tx, rx) = channel();
        let wake = ctx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(work());
            wake.request_repaint();
        });
        self.rx = Some(rx);
    }

    /// The answer, once there is one.
    pub fn poll(&mut self) -> Option<T> {
        let rx = self.rx.as_ref()?;
        match rx.try_recv() {
            Ok(answer) => {
                self.rx = None;
                Some(answer)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.rx = None;
                None
            }
        }
    }

    /// True while a job runs.
    pub fn is_busy(&self) -> bool {
        self.rx.is_some()
    }
}
