//! Fuzz target (c): bytes → notes sidecar load. Any file a reviewer, a bad merge or a disk fault leaves
//! must give notes and marks or a clear error, never a panic or a hang; what loads must survive a render
//! and a parse unchanged, and merging it into a notebook twice must change nothing the second time.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use synoptic::notes::NoteBook;
use synoptic::notes::sidecar::{parse, render};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(saved) = parse(text, Path::new("synoptic-notes.toml")) else { return };
    let mut book = NoteBook::default();
    book.merge_saved(saved.clone());
    let once = book.to_saved();
    book.merge_saved(saved);
    assert_eq!(book.to_saved(), once, "merging the same records again changed the notebook");
    let rendered = render(&once, None).expect("records that loaded render");
    let again = parse(&rendered, Path::new("rendered")).expect("a rendered sidecar parses");
    assert_eq!(again, once, "render and parse lost or changed a record");
});
