//! The views: each draws part of the window from the model and its own small state, and asks for changes
//! by pushing [`crate::ui::command::Command`]s. No view names the app.

pub mod bottom_tabs;
pub mod chooser;
pub mod documents_panel;
pub mod false_positive;
pub mod find_bar;
pub mod highlight;
pub mod markdown;
pub mod menu_bar;
pub mod note_editor;
pub mod notes_panel;
pub mod pane_toolbar;
pub mod panes;
pub mod problems_panel;
pub mod scorecard_view;
pub mod status_view;
pub mod welcome;
