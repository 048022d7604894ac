//! What the window remembers between sessions (saved by eframe's persistence): recent folders, the last
//! folder and document, which locales are shown and in what order, and the findings marked as false
//! positives (by fingerprint, so the marks survive unrelated edits), and the reviewer's name for notes.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
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
    /// Locale panes in the user's order (locales not listed follow in their own order).
    pub locale_order: Vec<String>,
    /// Locales whose panes are hidden.
    pub hidden_locales: BTreeSet<String>,
    /// Fingerprints of findings marked as false positives.
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

impl Settings {
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
    }

    /// Mark or unmark a false positive.
    pub fn toggle_false_positive(&mut self, fingerprint: &str) {
        if !self.false_positives.remove(fingerprint) {
            self.false_positives.insert(fingerprint.to_owned());
        }
    }

    /// Order `locales` as the user arranged them; the source stays first when there is one.
    pub fn order_locales(&self, locales: &[String], source: Option<&str>) -> Vec<String> {
        let mut out: Vec<String> = self.locale_order.iter().filter(|l| locales.contains(l)).cloned().collect();
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
        for l in &self.locale_order {
            if !order.contains(l) {
                order.push(l.clone());
            }
        }
        self.locale_order = order;
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
        let mut s = Settings::default();
        let locales: Vec<String> = ["de", "en", "fr", "ru"].iter().map(|l| l.to_string()).collect();
        let order = s.order_locales(&locales, Some("en"));
        assert_eq!(order, ["en", "de", "fr", "ru"]);
        s.move_locale(&order, "ru", true);
        assert_eq!(s.order_locales(&locales, Some("en")), ["en", "de", "ru", "fr"]);
    }

    #[test]
    fn old_saved_state_with_missing_fields_still_loads() {
        let s: Settings = serde_json::from_str(r#"{"recent":["/a"]}"#).expect("loads");
        assert_eq!(s.recent, vec![PathBuf::from("/a")]);
        assert!(!s.raw_text);
    }
}
