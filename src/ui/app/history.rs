//! Back and Forward (Alt+Left, Alt+Right): the places the reviewer jumped from — a followed link, a
//! finding, a note, a status entry, another document — like a browser's history.

use super::SynopticApp;

/// How many places Back remembers.
const LIMIT: usize = 100;

/// A place in the review: a document and the row at the top of its panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The document's name (names survive a reload; indices need not).
    pub document: String,
    /// The aligned row at the top (`None`: the top of the document).
    pub row: Option<usize>,
}

/// The places behind and ahead.
#[derive(Debug, Default)]
pub(super) struct History {
    back: Vec<Place>,
    forward: Vec<Place>,
}

impl SynopticApp {
    /// Remember where the reviewer is before a jump; the places ahead are forgotten.
    pub(super) fn remember_place(&mut self) {
        let Some(here) = self.place() else { return };
        let history = &mut self.history;
        if history.back.last() != Some(&here) {
            history.back.push(here);
            if history.back.len() > LIMIT {
                history.back.remove(0);
            }
        }
        history.forward.clear();
    }

    /// Go back (`true`) or forward one place.
    pub(super) fn go_back(&mut self, back: bool) {
        let here = self.place();
        let (from, to) = if back {
            (&mut self.history.back, &mut self.history.forward)
        } else {
            (&mut self.history.forward, &mut self.history.back)
        };
        let Some(place) = from.pop() else { return };
        if let Some(here) = here {
            to.push(here);
        }
        self.go_to(&place);
    }

    /// True when Back (`true`) or Forward has nowhere to go.
    pub fn history_is_empty(&self, back: bool) -> bool {
        if back { self.history.back.is_empty() } else { self.history.forward.is_empty() }
    }
}
