//! sns-tui: a terminal explorer for "LINE me!" (2013) and the figures
//! behind it. The binary, the tests and the benchmarks share this library.

pub mod action;
pub mod app;
pub mod bars;
pub mod cite;
pub mod cli;
pub mod compare;
pub mod dataset;
pub mod export;
pub mod format;
pub mod keymap;
pub mod lang;
pub mod layout;
pub mod ledger;
pub mod output;
pub mod prompt;
pub mod report;
pub mod screen;
pub mod scroll;
pub mod series;
pub mod session;
pub mod tab;
pub mod tabs;
pub mod text;
pub mod trends;
pub mod tui;
pub mod ui;
pub mod width;
pub mod work;
