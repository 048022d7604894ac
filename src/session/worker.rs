//! The thread that does the sidecar's I/O for a [`super::NoteSession`]: opening, saving, reading again.
//! The window's thread only sends it requests and takes its replies, so a slow disk, a lock held by
//! another window or a hostile file never freezes a frame. Requests are served in order, one at a time.

use crate::error::Result;
use crate::notes::NoteBook;
use crate::notes::sidecar::{Opened, Reloaded, Sidecar, WriteFn};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Called from the worker thread when a reply is ready (the window asks for a repaint).
pub type Wake = Arc<dyn Fn() + Send + Sync>;

pub(super) enum Request {
    Save(Box<NoteBook>),
    Reload,
    UseWriter(WriteFn),
}

pub(super) enum Reply {
    Opened(Box<Opened>),
    Saved(Result<NoteBook>, Box<Sidecar>),
    Reloaded(Result<Reloaded>, Box<Sidecar>),
}

/// The worker of one session.
pub(super) struct Worker {
    requests: Option<Sender<Request>>,
    replies: Receiver<Reply>,
    handle: Option<JoinHandle<()>>,
}

/// Workers of closed sessions still saving their last notes; waited for on exit.
static CLOSING: Mutex<Vec<JoinHandle<()>>> = Mutex::new(Vec::new());

impl Worker {
    /// Start a worker that opens `folder`'s sidecar at once.
    pub(super) fn start(folder: PathBuf, data_dir: Option<PathBuf>, wake: Wake) -> Worker {
        let (requests, inbox) = channel();
        let (outbox, replies) = channel();
        let handle = std::thread::Builder::new()
            .name("synoptic-notes".into())
            .spawn(move || serve(&folder, data_dir.as_deref(), &inbox, &outbox, &*wake))
            .ok();
        Worker { requests: Some(requests), replies, handle }
    }

    /// Ask for something; false when the worker is gone.
    pub(super) fn send(&self, request: Request) -> bool {
        self.requests.as_ref().is_some_and(|r| r.send(request).is_ok())
    }

    /// A reply, if one is ready.
    pub(super) fn try_reply(&self) -> Option<Reply> {
        self.replies.try_recv().ok()
    }

    /// The next reply, waiting at most until `deadline`.
    pub(super) fn reply_before(&self, deadline: Instant) -> Option<Reply> {
        let wait = deadline.saturating_duration_since(Instant::now());
        self.replies.recv_timeout(wait).ok()
    }

    /// Let the worker finish what it was asked (a last save) on its own; [`wait_for_closed`] waits for it.
    pub(super) fn close(mut self) {
        self.requests = None;
        if let Some(handle) = self.handle.take()
            && let Ok(mut closing) = CLOSING.lock()
        {
            closing.retain(|h| !h.is_finished());
            closing.push(handle);
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Dropping the sender ends the worker's loop once its queue is done.
        self.requests = None;
    }
}

/// Wait (at most `timeout`) for closed sessions to finish their last saves; true when all did.
pub fn wait_for_closed(timeout: Duration) -> bool {
    let start = Instant::now();
    loop {
        let busy = CLOSING.lock().map_or(0, |mut c| {
            c.retain(|h| !h.is_finished());
            c.len()
        });
        if busy == 0 {
            return true;
        }
        if start.elapsed() >= timeout {
            return false;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn serve(
    folder: &std::path::Path,
    data_dir: Option<&std::path::Path>,
    inbox: &Receiver<Request>,
    outbox: &Sender<Reply>,
    wake: &(dyn Fn() + Send + Sync),
) {
    let opened = Sidecar::open(folder, data_dir);
    let mut sidecar = opened.sidecar.clone();
    let _ = outbox.send(Reply::Opened(Box::new(opened)));
    wake();
    while let Ok(request) = inbox.recv() {
        let reply = match request {
            Request::Save(mut book) => {
                let result = sidecar.save(&mut book).map(|()| *book);
                Reply::Saved(result, Box::new(sidecar.clone()))
            }
            Request::Reload => {
                let result = sidecar.reload();
                Reply::Reloaded(result, Box::new(sidecar.clone()))
            }
            Request::UseWriter(write) => {
                sidecar = sidecar.with_writer(write);
                continue;
            }
        };
        // The session may be gone (closed): the save was still made.
        let _ = outbox.send(reply);
        wake();
    }
}
