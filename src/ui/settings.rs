//! What the window remembers between sessions (saved by eframe's persistence): recent folders, the last
//! folder and document, per folder which locales are shown and in what order, and the reviewer's name for
//! notes and marks. (False-positive marks live in the folder's notes file; older versions kept them here.) The panes' sideways scroll is deliberately not among them.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// How many recent folders are kept.
pub const RECENT_LIMIT: usize = 10;

/// The persisted state. `#[serde(default)]` keeps older saved state loading after fields are added.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recently opened folders, newest first.
    pub recent: Vec<PathBuf>,
    /// The folder open at the end of the last session.
    pub last_folder: Option<PathBuf>,
    /// The document shown at the end of the last session.
    pub last_document: Option<String>,
    /// Per folder (by path), the panes' order and the hidden ones.
    pub layouts: BTreeMap<PathBuf, PaneLayout>,
    /// False-positive marks (by fingerprint) kept here by older versions; each moves into its folder's
    /// notes file when that folder is opened, where marks now live (shared with the team and `check`).
    pub false_positives: BTreeSet<String>,
    /// Show findings marked as false positives.
    pub show_false_positives: bool,
    /// Show blocks as raw Markdown instead of rendered.
    pub raw_text: bool,
    /// The name written into new notes (default: the system user name).
    pub author: String,
    /// Use the window's own file chooser rather than the system dialog.
    pub builtin_chooser: bool,
    /// Light, dark or the system's theme.
    pub theme: crate::ui::theme::ThemeChoice,
}

/// How one folder's panes are laid out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PaneLayout {
    /// Locale panes in the user's order (locales not listed follow in their own order).
    pub order: Vec<String>,
    /// Locales whose panes are hidden.
    pub hidden: BTreeSet<String>,
}

impl Settings {
    /// The pane layout of a folder (the default one when it has none).
    pub fn layout(&self, folder: &Path) -> PaneLayout {
        self.layouts.get(folder).cloned().unwrap_or_default()
    }

    /// The pane layout of a folder, to change it.
    pub fn layout_mut(&mut self, folder: &Path) -> &mut PaneLayout {
        self.layouts.entry(folder.to_path_buf()).or_default()
    }

    /// The author name for new notes: the one set, else the system user name, else "reviewer".
    pub fn author_name(&self) -> String {
        if !self.author.trim().is_empty() {
            return self.author.trim().to_owned();
        }
        ["USER", "USERNAME"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|u| !u.trim().is_empty()))
            .unwrap_or_else(|| "reviewer".to_owned())
    }

    /// Put a folder at the top of the recent list.
    pub fn remember_folder(&mut self, folder: &Path) {
        self.recent.retain(|p| p != folder);
        self.recent.insert(0, folder.to_path_buf());
        self.recent.truncate(RECENT_LIMIT);
        self.last_folder = Some(folder.to_path_buf());
        // Layouts are kept for the recent folders only, so the saved state stays small.
        let recent = &self.recent;
        self.layouts.retain(|f, _| recent.contains(f));
    }
}

impl PaneLayout {
    /// Order `locales` as the user arranged them; the source stays first when there is one.
    pub fn order_locales(&self, locales: &[String], source: Option<&str>) -> Vec<String> {
        let mut out: Vec<String> = self.order.iter().filter(|l| locales.contains(l)).cloned().collect();
        let rest: Vec<String> = locales.iter().filter(|l| !out.contains(l)).cloned().collect();
        out.extend(rest);
        if let Some(s) = source
            && let Some(i) = out.iter().position(|l| l == s)
        {
            let src = out.remove(i);
            out.insert(0, src);
        }
        out
    }

    /// Move a locale one place left or right in the user's order.
    pub fn move_locale(&mut self, current: &[String], locale: &str, left: bool) {
        let mut order = current.to_vec();
        if let Some(i) = order.iter().position(|l| l == locale) {
            let j = if left { i.checked_sub(1) } else { (i + 1 < order.len()).then_some(i + 1) };
            if let Some(j) = j {
                order.swap(i, j);
            }
        }
        for l in &self.order {
            if !order.contains(l) {
                order.push(l.clone());
            }
        }
        self.order = order;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_folders_are_unique_newest_first_and_bounded() {
        let mut s = Settings::default();
        for i in 0..12 {
            s.remember_folder(Path::new(&format!("/f{i}")));
        }
        s.remember_folder(Path::new("/f5"));
        assert_eq!(s.recent.len(), RECENT_LIMIT);
        assert_eq!(s.recent[0], PathBuf::from("/f5"));
        assert_eq!(s.recent.iter().filter(|p| p.as_path() == Path::new("/f5")).count(), 1);
    }

    #[test]
    fn locale_order_keeps_the_source_first_and_user_moves() {
        let mut s = PaneLayout::default();
        let locales: Vec<String> = ["de", "en", "fr", "ru"].iter().map(|l| l.to_string()).collect();
        let order = s.order_locales(&locales, Some("en"));
        assert_eq!(order, ["en", "de", "fr", "ru"]);
        s.move_locale(&order, "ru", true);
        assert_eq!(s.order_locales(&locales, Some("en")), ["en", "de", "ru", "fr"]);
    }

    #[test]
    fn layouts_are_per_folder_and_kept_for_recent_folders_only() {
        let mut s = Settings::default();
        s.remember_folder(Path::new("/a"));
        s.layout_mut(Path::new("/a")).hidden.insert("de".into());
        assert!(s.layout(Path::new("/b")).hidden.is_empty(), "another folder has its own layout");
        for i in 0..RECENT_LIMIT {
            s.remember_folder(Path::new(&format!("/f{i}")));
        }
        assert!(s.layouts.is_empty(), "/a left the recent list, and its layout with it");
    }

    #[test]
    fn old_saved_state_with_missing_fields_still_loads() {
        let s: Settings =
            serde_json::from_str(r#"{"recent":["/a"],"hidden_locales":["de"],"locale_order":["fr"]}"#).expect("loads");
        assert_eq!(s.recent, vec![PathBuf::from("/a")]);
        assert!(!s.raw_text);
    }
}
