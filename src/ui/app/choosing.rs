//! Asking for folders, files and export destinations: through the system dialog when there is one, else
//! (or when the reviewer prefers it) through the window's own chooser; the answer becomes an open or an
//! export command.

use super::SynopticApp;
use crate::ui::chooser::{Chooser, start_folder};
use crate::ui::command::Command;
use crate::ui::picker::{Answer, Picked, Request};

impl SynopticApp {
    /// Ask for something: the chooser when the system dialog is unavailable or not wanted, else the dialog.
    pub(super) fn ask(&mut self, request: Request) {
        if let Some(reason) = self.native_unavailable.clone() {
            self.open_chooser(
                request,
                format!("Synoptic's own chooser: the system file dialog is unavailable ({reason})."),
            );
        } else if self.settings.builtin_chooser {
            self.open_chooser(request, "Synoptic's own chooser (File chooser: built-in, in the menu bar).".to_owned());
        } else {
            self.picker.ask(request);
        }
    }

    fn open_chooser(&mut self, request: Request, why: String) {
        let start = start_folder(self.review.as_ref().map(|r| r.corpus.root.as_path()));
        self.chooser = Some(Chooser::new(request, &start, why));
    }

    /// Take the system dialog's answer (in `logic`); an unavailable dialog opens the chooser instead, for
    /// this request and the rest of the session.
    pub(super) fn poll_picker(&mut self) {
        match self.picker.poll() {
            Some(Answer::Picked(picked)) => self.picked(picked),
            Some(Answer::Unavailable { request, reason }) => {
                self.native_unavailable = Some(reason);
                self.ask(request);
            }
            Some(Answer::Cancelled) | None => {}
        }
        if let Some(chooser) = self.chooser.as_mut() {
            chooser.update();
        }
    }

    /// The chooser's Open or Save.
    pub(super) fn accept_chooser(&mut self) {
        let Some(picked) = self.chooser.as_mut().and_then(Chooser::accept) else { return };
        self.chooser = None;
        self.picked(picked);
    }

    fn picked(&mut self, picked: Picked) {
        self.commands.push(match picked {
            Picked::Folder(folder) => Command::Open(vec![folder]),
            Picked::Files(files) => Command::Open(files),
            Picked::SaveTo(kind, path) => Command::ExportTo(kind, path),
        });
    }

    /// Which chooser is in use, for the menu bar: `None` when the system dialog is, else why not.
    pub fn chooser_in_use(&self) -> Option<&str> {
        self.native_unavailable.as_deref()
    }

    /// The chooser on show, if any.
    pub fn chooser(&self) -> Option<&Chooser> {
        self.chooser.as_ref()
    }
}
