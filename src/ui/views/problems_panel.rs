//! The Problems panel: the current document's findings (or the whole folder's), filtered by check (only
//! the ids that occur, with their counts), severity and locale, sorted and optionally grouped by
//! document, check or locale; clicking one scrolls every pane to its row; false positives can be marked
//! and hidden.

use crate::checks::{CheckId, Finding, Severity};
use crate::review::Review;
use crate::session::NoteSession;
use crate::ui::command::Command;
use crate::ui::settings::Settings;
use crate::ui::state::{DocView, is_false_positive};
use crate::ui::widgets::{finding_severity_color, plural};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// How the list is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortBy {
    /// Document, then position in it.
    #[default]
    Position,
    /// Most severe first.
    Severity,
    /// By check id.
    Check,
    /// By locale.
    Locale,
}

/// What the list is grouped by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum GroupBy {
    /// No groups.
    #[default]
    None,
    /// One group per document.
    Document,
    /// One group per check id.
    Check,
    /// One group per locale.
    Locale,
}

/// One line of the list.
#[derive(Debug, Clone, PartialEq)]
enum Line {
    /// A group's heading: its name and how many findings it holds.
    Group(String, usize),
    /// A finding (index into the review's findings).
    Finding(usize),
}

/// What the panel reads.
#[derive(Clone, Copy)]
pub struct ProblemsInput<'a> {
    /// The review.
    pub review: &'a Review,
    /// The current document's view.
    pub view: &'a DocView,
    /// Whether false positives are shown.
    pub settings: &'a Settings,
    /// The notes (their false-positive marks).
    pub notes: Option<&'a NoteSession>,
    /// The selected finding.
    pub selected: Option<usize>,
}

/// Filters, order and grouping, and the cached list they select.
#[derive(Debug, Default)]
pub struct ProblemsPanel {
    id: Option<CheckId>,
    min_severity: Option<Severity>,
    locale: Option<String>,
    whole_folder: bool,
    sort: SortBy,
    group: GroupBy,
    collapsed: BTreeSet<String>,
    /// The lines shown, the counts per check of the scope, and what they were made for: recomputed only
    /// when that changes.
    lines: Vec<Line>,
    counts: Vec<(CheckId, usize)>,
    shown: usize,
    made_for: Option<FilterKey>,
}

/// What the shown list was made with; the app calls [`ProblemsPanel::invalidate`] when the review or
/// the false-positive marks change.
#[derive(Debug, Clone, PartialEq)]
struct FilterKey {
    doc: usize,
    id: Option<CheckId>,
    min_severity: Option<Severity>,
    locale: Option<String>,
    whole_folder: bool,
    sort: SortBy,
    group: GroupBy,
    collapsed: BTreeSet<String>,
    /// The notes' generation (false-positive marks come from the notes file).
    notes: u64,
}

impl ProblemsPanel {
    /// Forget filters that may not apply to a new folder.
    pub fn reset(&mut self) {
        self.locale = None;
        self.id = None;
        self.collapsed.clear();
        self.invalidate();
    }

    /// The list must be made anew (a new review, or false positives marked or shown).
    pub fn invalidate(&mut self) {
        self.made_for = None;
    }

    fn key(&self, doc: usize, notes: u64) -> FilterKey {
        FilterKey {
            notes,
            doc,
            id: self.id,
            min_severity: self.min_severity,
            locale: self.locale.clone(),
            whole_folder: self.whole_folder,
            sort: self.sort,
            group: self.group,
            collapsed: self.collapsed.clone(),
        }
    }

    /// Draw the panel.
    pub fn problems_panel_ui(&mut self, ui: &mut egui::Ui, input: &ProblemsInput<'_>, commands: &mut Vec<Command>) {
        let ProblemsInput { review, view, settings, notes, selected } = *input;
        let key = self.key(view.doc, notes.map_or(0, |n| n.generation));
        if self.made_for.as_ref() != Some(&key) {
            self.make_lines(review, view, settings, notes);
            self.made_for = Some(key);
        }
        self.filters_ui(ui, view);
        ui.label(format!("{} shown (F8 / Shift+F8: next / previous)", plural(self.shown, "problem")));
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        let mut toggle: Option<String> = None;
        egui::ScrollArea::vertical().id_salt("problems").auto_shrink(false).show_rows(
            ui,
            row_height,
            self.lines.len(),
            |ui, range| {
                for line in &self.lines[range] {
                    match line {
                        Line::Group(name, n) => {
                            let open = !self.collapsed.contains(name);
                            let sign = if open { "[-]" } else { "[+]" };
                            let text = egui::RichText::new(format!("{sign} {name} ({n})")).strong();
                            if ui.push_id(name, |ui| ui.selectable_label(false, text)).inner.clicked() {
                                toggle = Some(name.clone());
                            }
                        }
                        Line::Finding(i) => {
                            let f = &review.findings[*i];
                            let mark = notes.and_then(|n| n.book().suppressed().get(&f.fingerprint));
                            let mark = mark.map(|m| mark_text(&m.reason, &m.by, &m.at));
                            ui.push_id(i, |ui| finding_line_ui(ui, f, *i, mark.as_deref(), selected, commands));
                        }
                    }
                }
            },
        );
        if let Some(name) = toggle
            && !self.collapsed.remove(&name)
        {
            self.collapsed.insert(name);
        }
    }

    /// Select, count, sort and group the findings in scope.
    fn make_lines(&mut self, review: &Review, view: &DocView, settings: &Settings, notes: Option<&NoteSession>) {
        let doc_name = &review.corpus.documents[view.doc].name;
        let in_scope: Vec<usize> = (0..review.findings.len())
            .filter(|&i| {
                let f = &review.findings[i];
                (self.whole_folder || &f.document == doc_name)
                    && (settings.show_false_positives || !is_false_positive(notes, &f.fingerprint))
            })
            .collect();
        let mut counts: BTreeMap<CheckId, usize> = BTreeMap::new();
        for &i in &in_scope {
            *counts.entry(review.findings[i].id).or_default() += 1;
        }
        self.counts = counts.into_iter().collect();
        let mut shown: Vec<usize> = in_scope
            .into_iter()
            .filter(|&i| {
                let f = &review.findings[i];
                self.id.is_none_or(|id| f.id == id)
                    && self.min_severity.is_none_or(|s| f.severity >= s)
                    && self.locale.as_ref().is_none_or(|l| &f.locale == l)
            })
            .collect();
        let (sort, group) = (self.sort, self.group);
        // The review's order is document, locale, file, line: a stable sort keeps it within equal keys.
        shown.sort_by(|&a, &b| {
            let (fa, fb) = (&review.findings[a], &review.findings[b]);
            group_key(fa, group).cmp(&group_key(fb, group)).then_with(|| compare(fa, fb, sort))
        });
        self.shown = shown.len();
        self.lines = match group {
            GroupBy::None => shown.into_iter().map(Line::Finding).collect(),
            _ => self.grouped(review, &shown),
        };
    }

    fn grouped(&self, review: &Review, shown: &[usize]) -> Vec<Line> {
        let mut lines = Vec::new();
        let mut k = 0;
        while k < shown.len() {
            let name = group_key(&review.findings[shown[k]], self.group);
            let n = shown[k..].iter().take_while(|&&i| group_key(&review.findings[i], self.group) == name).count();
            let open = !self.collapsed.contains(&name);
            lines.push(Line::Group(name, n));
            if open {
                lines.extend(shown[k..k + n].iter().map(|&i| Line::Finding(i)));
            }
            k += n;
        }
        lines
    }

    fn filters_ui(&mut self, ui: &mut egui::Ui, view: &DocView) {
        ui.horizontal_wrapped(|ui| {
            ui.strong("Problems");
            ui.separator();
            let check_text = self.id.map_or_else(|| "all".to_owned(), |c| c.as_str().to_owned());
            egui::ComboBox::from_label("Check").selected_text(check_text).show_ui(ui, |ui| {
                let total: usize = self.counts.iter().map(|(_, n)| n).sum();
                ui.selectable_value(&mut self.id, None, format!("all ({total})"));
                for &(id, n) in &self.counts {
                    ui.selectable_value(&mut self.id, Some(id), format!("{} ({n})", id.as_str()));
                }
            });
            let severity_text = self.min_severity.map_or("any", Severity::as_str);
            egui::ComboBox::from_label("Severity").selected_text(severity_text).show_ui(ui, |ui| {
                ui.selectable_value(&mut self.min_severity, None, "any");
                for s in [Severity::Error, Severity::Warning, Severity::Info] {
                    ui.selectable_value(&mut self.min_severity, Some(s), format!("{} and above", s.as_str()));
                }
            });
            let locale_text = self.locale.clone().unwrap_or_else(|| "all".to_owned());
            egui::ComboBox::from_label("Locale").selected_text(locale_text).show_ui(ui, |ui| {
                ui.selectable_value(&mut self.locale, None, "all");
                ui.selectable_value(&mut self.locale, Some("*".to_owned()), "shared by all");
                for l in &view.locales {
                    ui.selectable_value(&mut self.locale, Some(l.clone()), l);
                }
            });
            ui.checkbox(&mut self.whole_folder, "Whole folder");
            ui.separator();
            egui::ComboBox::from_label("Sort").selected_text(sort_name(self.sort)).show_ui(ui, |ui| {
                for s in [SortBy::Position, SortBy::Severity, SortBy::Check, SortBy::Locale] {
                    ui.selectable_value(&mut self.sort, s, sort_name(s));
                }
            });
            egui::ComboBox::from_label("Group").selected_text(group_name(self.group)).show_ui(ui, |ui| {
                for g in [GroupBy::None, GroupBy::Document, GroupBy::Check, GroupBy::Locale] {
                    ui.selectable_value(&mut self.group, g, group_name(g));
                }
            });
        });
        // A check chosen in another scope may not occur in this one: show all rather than nothing.
        if self.id.is_some_and(|id| !self.counts.iter().any(|(c, _)| *c == id)) && self.made_for.is_some() {
            self.id = None;
        }
    }

    /// The findings shown, in order (the groups' findings, collapsed ones excepted).
    pub fn shown(&self) -> Vec<usize> {
        self.lines.iter().filter_map(|l| if let Line::Finding(i) = l { Some(*i) } else { None }).collect()
    }
}

/// A false-positive mark in words: "false positive: reason (who, date)".
fn mark_text(reason: &str, by: &str, at: &str) -> String {
    let reason = if reason.trim().is_empty() { String::new() } else { format!(": {}", reason.trim()) };
    format!("false positive{reason} ({by}, {})", crate::notes::time::date_of(at))
}

/// One finding: its mark buttons, severity, and one line of text (`mark`: its false-positive mark).
fn finding_line_ui(
    ui: &mut egui::Ui,
    f: &Finding,
    i: usize,
    mark: Option<&str>,
    selected: Option<usize>,
    commands: &mut Vec<Command>,
) {
    let false_positive = mark.is_some();
    ui.horizontal(|ui| {
        if false_positive {
            if ui.small_button("Unmark").on_hover_text(mark.unwrap_or_default()).clicked() {
                commands.push(Command::UnmarkFalsePositive(f.fingerprint.clone()));
            }
        } else if ui.small_button("False positive").on_hover_text("Mark it, with a reason, for the team").clicked() {
            commands.push(Command::AskFalsePositive(i));
        }
        if ui.small_button("Note").on_hover_text("Turn this finding into a note").clicked() {
            commands.push(Command::NoteFromFinding(i));
        }
        ui.colored_label(finding_severity_color(ui, f.severity), f.severity.as_str());
        let text = format!("{}  {}  {}:{}  {}", f.id, f.locale, f.file, f.line, f.message);
        // Arabic or Hebrew quoted in the message reads right to left as a unit.
        let text = crate::ui::bidi::line_text(ui, &text, false_positive);
        // One line per problem (the list is virtualized by row height); the whole message is in the tooltip.
        let button = egui::Button::selectable(selected == Some(i), text).truncate();
        let hover = match mark {
            Some(mark) => format!("{}\n\n{mark}", f.message),
            None => f.message.clone(),
        };
        if ui.add(button).on_hover_text(hover).clicked() {
            commands.push(Command::JumpToFinding(i));
        }
    });
}

/// The name of a finding's group (empty without grouping).
fn group_key(f: &Finding, group: GroupBy) -> String {
    match group {
        GroupBy::None => String::new(),
        GroupBy::Document => f.document.clone(),
        GroupBy::Check => f.id.as_str().to_owned(),
        GroupBy::Locale if f.locale == "*" => "all locales".to_owned(),
        GroupBy::Locale if f.locale.is_empty() => "no locale".to_owned(),
        GroupBy::Locale => f.locale.clone(),
    }
}

fn compare(a: &Finding, b: &Finding, sort: SortBy) -> Ordering {
    match sort {
        SortBy::Position => Ordering::Equal,
        SortBy::Severity => b.severity.cmp(&a.severity),
        SortBy::Check => a.id.as_str().cmp(b.id.as_str()),
        SortBy::Locale => a.locale.cmp(&b.locale),
    }
}

fn sort_name(s: SortBy) -> &'static str {
    match s {
        SortBy::Position => "position",
        SortBy::Severity => "severity",
        SortBy::Check => "check",
        SortBy::Locale => "locale",
    }
}

fn group_name(g: GroupBy) -> &'static str {
    match g {
        GroupBy::None => "none",
        GroupBy::Document => "document",
        GroupBy::Check => "check",
        GroupBy::Locale => "locale",
    }
}
