//! The translation status view in the window: who is behind, and — at the top of the view — what changed
//! in the source since, or that only its front matter did.

mod common;

use common::git::{Repo, edited_after_translation};
use common::window::{harness_sized, open, step_until};
use egui_kittest::kittest::Queryable;
use synoptic::ui::Settings;
use synoptic::ui::picker::FixedPicker;

#[test]
fn the_status_view_lists_who_is_behind_and_shows_the_source_then_and_now() {
    let repo = edited_after_translation();
    // A low window, so that the short guide can scroll.
    let picker = FixedPicker::new(Some(repo.path().to_path_buf()));
    let mut h = harness_sized(Settings::default(), Box::new(picker), [1400.0, 640.0]);
    h.get_by_label("Open folder…").click();
    h.run_ok();
    step_until(&mut h, |app| !app.is_loading() && app.view().is_some());
    assert_eq!(h.state().status_view_state(), (false, None));
    h.get_by_label("Translation status").click();
    h.run_ok();
    assert_eq!(h.state().status_view_state(), (true, None));
    h.get_by_label("de/guide.md — behind 2 source commits since 2024-03-02").click();
    h.run_ok();
    let app = h.state();
    assert_eq!(app.status_view_state(), (true, Some(0)));
    let review = app.review().expect("a review");
    let doc = app.view().expect("a document").doc;
    assert_eq!(review.corpus.documents[doc].name, "guide.md");
    let base = review.status.entries[0].base.as_ref().map(|b| b.commit.short()).unwrap_or_default();
    // The details come first, above the list of translations that need work.
    let details = h.get_by_label(&format!("Source changes since {base}: 1 row")).rect();
    // The entry is named twice: as the details' title, and in the list.
    let named: Vec<_> =
        h.get_all_by_label("de/guide.md — behind 2 source commits since 2024-03-02").map(|n| n.rect()).collect();
    assert_eq!(named.len(), 2);
    let entry = named[1];
    assert!(details.max.y < entry.min.y, "details {details:?} above the list {entry:?}");
    // Each column's header starts where its cells start.
    let header = h.get_by_label(&format!("source at {base}")).rect();
    let then = h
        .get_by_label(
            "Tinker builds static sites from Markdown. It runs on macOS, Windows and Linux, and it deploys to GitHub Pages in 30 seconds.",
        )
        .rect();
    assert_eq!(header.min.x, then.min.x, "header and cells of 'source at' line up");
    let now_header = h.get_by_label("source now").rect();
    let de_header =
        h.get_all_by_label("de").map(|n| n.rect()).find(|r| r.min.y == now_header.min.y).expect("de header");
    assert!(now_header.min.x > then.max.x - 1.0 && de_header.min.x > now_header.max.x);
    // The row number scrolls the panes to the translation's row.
    h.get_by_label("row 2").click();
    h.run_ok();
    step_until(&mut h, |app| !app.is_settling());
    assert_eq!(h.state().top_row(), 1);
}

#[test]
fn a_translation_behind_only_in_the_sources_front_matter_says_so() {
    let repo = Repo::with_fixture("clean");
    repo.edit("en/guide.md", "title:", "description: A new summary for search engines.\ntitle:");
    repo.commit("seo", 2);
    let mut h = open(Settings::default(), repo.path().to_path_buf(), None);
    h.get_by_label("Translation status").click();
    h.run_ok();
    h.get_by_label_contains("de/guide.md — behind 1 source commit since 2024-03-02").click();
    h.run_ok();
    let base = {
        let review = h.state().review().expect("review");
        review.status.entries[0].base.as_ref().map(|b| b.commit.short()).unwrap_or_default()
    };
    h.get_by_label(&format!(
        "No block of the source changed since {base}: only its front matter (or blank lines) did, in 1 commit. \
         Nothing to translate; record the new source revision in the translation."
    ));
    assert!(h.query_by_label_contains("0 rows").is_none());
}
