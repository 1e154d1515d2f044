//! The key table checked: one binding per key and scope, the most
//! specific scope first, and the README and man page written from it.

use super::*;

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    // A press, as crossterm makes one.
    KeyEvent::new(code, modifiers)
}

#[test]
fn no_key_is_bound_twice_in_one_scope() {
    for (i, a) in BINDINGS.iter().enumerate() {
        for b in &BINDINGS[i + 1..] {
            if a.scope == b.scope {
                for k in a.keys {
                    assert!(
                        !b.keys.contains(k),
                        "{} bound twice in {:?}",
                        k.label(),
                        a.scope
                    );
                }
            }
        }
    }
}

#[test]
fn the_most_specific_scope_wins() {
    let up = press(KeyCode::Up, KeyModifiers::NONE);
    assert_eq!(
        action_for(&up, &Scope::active(Tab::Essay, false)),
        Some(Action::Up)
    );
    let esc = press(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(
        action_for(&esc, &Scope::active(Tab::Growth, true)),
        Some(Action::CloseHelp)
    );
    assert_eq!(
        action_for(&esc, &Scope::active(Tab::Growth, false)),
        Some(Action::Cancel),
        "without the help, the detail's Esc"
    );
    assert_eq!(
        action_for(&esc, &Scope::active(Tab::Essay, true)),
        Some(Action::CloseHelp)
    );
    let o = press(KeyCode::Char('o'), KeyModifiers::NONE);
    assert_eq!(action_for(&o, &Scope::active(Tab::Essay, false)), None);
}

#[test]
fn shifted_characters_and_ctrl_c() {
    let big_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(
        action_for(&big_g, &Scope::active(Tab::Essay, false)),
        Some(Action::End)
    );
    let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(
        action_for(&ctrl_c, &Scope::active(Tab::Rankings, false)),
        Some(Action::Quit)
    );
    let plain_c = press(KeyCode::Char('c'), KeyModifiers::NONE);
    assert_eq!(
        action_for(&plain_c, &Scope::active(Tab::Rankings, false)),
        None
    );
    let back_tab = press(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(
        action_for(&back_tab, &Scope::active(Tab::Growth, false)),
        Some(Action::PrevTab)
    );
}

#[test]
fn releases_are_ignored() {
    let mut q = press(KeyCode::Char('q'), KeyModifiers::NONE);
    q.kind = KeyEventKind::Release;
    assert_eq!(action_for(&q, &Scope::active(Tab::Growth, false)), None);
}

#[test]
fn hints_pair_opposite_arrows() {
    let said = |scopes: &[Scope], lang| -> Vec<(String, &str, bool)> {
        hints(scopes, lang)
            .into_iter()
            .map(|h| (h.keys.clone(), h.words, h.kept()))
            .collect()
    };
    let growth = said(&Scope::active(Tab::Growth, false), Lang::En);
    assert_eq!(growth[0], ("←→".to_string(), "year", false));
    assert!(growth.contains(&("?".to_string(), "help", true)));
    let japanese = said(&Scope::active(Tab::Growth, false), Lang::Ja);
    assert_eq!(japanese[0], ("←→".to_string(), "年", false));
    // With the help open, its own "? close" stands, not "? help".
    let help = said(&Scope::active(Tab::Growth, true), Lang::En);
    assert!(!help.iter().any(|h| h.1 == "help"), "{help:?}");
    // q closes the help; Ctrl-C still quits, and says so.
    assert!(
        help.contains(&("Ctrl-C".to_string(), "quit", true)),
        "{help:?}"
    );
}

/// The README's table of keys, as the keymap makes it: each scope's
/// bindings in the order of the help.
fn readme_table() -> String {
    let mut table = String::from("| Where | Keys | What they do |\n|---|---|---|\n");
    for scope in Scope::all() {
        let mut title = scope.title(Lang::En);
        for b in BINDINGS.iter().filter(|b| b.scope == scope) {
            let help = b.help(Lang::En);
            let keys = b.key_labels();
            table.push_str(&format!("| {title} | {keys} | {help} |\n").replacen("|  |", "| |", 1));
            title = "";
        }
    }
    table
}

/// The man page's KEYS section: every binding, by scope in the help's
/// order, in roff. `build.rs` cannot compile this module, so the text
/// is kept in `assets/keys.roff`, which it includes.
fn man_keys() -> String {
    let mut out = format!(
        ".SH KEYS\n{}\n.PP\n{} \\fB{}\\fR {}\n",
        roff(
            "The explorer's keys, by where they apply; a view's own meaning of a key \
             comes before its meaning everywhere."
        ),
        roff(
            "The mouse: a click on a tab's title switches to it, on a year's bars or a \
             table's row selects it; the wheel moves as the arrows do."
        ),
        roff("--no-mouse"),
        roff("leaves the mouse to the terminal."),
    );
    for scope in Scope::all() {
        let bindings: Vec<&Binding> = BINDINGS.iter().filter(|b| b.scope == scope).collect();
        if bindings.is_empty() {
            continue;
        }
        out.push_str(&format!(".SS {}\n", roff(scope.title(Lang::En))));
        for b in bindings {
            let keys: Vec<String> = b
                .keys
                .iter()
                .map(|k| format!("\\fB{}\\fR", roff(&k.label())))
                .collect();
            out.push_str(&format!(
                ".TP\n{}\n{}\n",
                keys.join(", "),
                roff(b.help(Lang::En))
            ));
        }
    }
    out
}

/// `text` as roff that prints it as written: backslashes and hyphens
/// escaped, an apostrophe as the page's own (clap_mangen defines it),
/// anything beyond ASCII by its code point, and a line that would start
/// with a control character made text.
fn roff(text: &str) -> String {
    let mut out = String::new();
    if text.starts_with(['.', '\'']) {
        out.push_str("\\&");
    }
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\e"),
            '-' => out.push_str("\\-"),
            '\'' => out.push_str("\\*(Aq"),
            c if c.is_ascii() => out.push(c),
            c => out.push_str(&format!("\\[u{:04X}]", u32::from(c))),
        }
    }
    out
}

#[test]
fn roff_prints_text_as_written() {
    assert_eq!(roff("Ctrl-C"), "Ctrl\\-C");
    assert_eq!(roff("←"), "\\[u2190]");
    assert_eq!(roff("総務省's"), "\\[u7DCF]\\[u52D9]\\[u7701]\\*(Aqs");
    assert_eq!(roff(".b\\"), "\\&.b\\e");
}

/// The man page lists the keys from `assets/keys.roff`; a binding added
/// to the table fails here until the file is written again.
#[test]
fn the_man_pages_keys_are_the_tables() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/keys.roff");
    let keys = man_keys();
    if std::env::var_os("UPDATE_KEYS").is_some() {
        std::fs::write(path, &keys).unwrap();
    }
    let file = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        file == keys,
        "assets/keys.roff, the man page's KEYS, is not the key table's; write it with\n  \
         UPDATE_KEYS=1 cargo test --lib keymap\n\
         the table gives:\n{keys}"
    );
}

#[test]
fn the_readme_table_of_keys_is_the_keymap() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme
        .find("| Where | Keys |")
        .expect("the README has a table of keys");
    let len = readme[start..].find("\n\n").expect("a blank line ends it") + 1;
    let table = readme_table();
    if std::env::var_os("UPDATE_KEYS").is_some() {
        let updated = format!("{}{table}{}", &readme[..start], &readme[start + len..]);
        std::fs::write(path, updated).unwrap();
        return;
    }
    assert!(
        readme[start..start + len] == table,
        "the README's table of keys is not the keymap's; to rewrite it, run\n  UPDATE_KEYS=1 cargo test --lib keymap"
    );
}

/// The wheel moves as the arrows do, up as ↑ and down as ↓; a left click
/// is a click where it fell; other mouse events are nothing.
#[test]
fn the_mouse_clicks_and_wheels() {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let event = |kind| MouseEvent {
        kind,
        column: 7,
        row: 3,
        modifiers: KeyModifiers::NONE,
    };
    let cases = [
        (MouseEventKind::ScrollUp, Some(Action::Wheel(-1))),
        (MouseEventKind::ScrollDown, Some(Action::Wheel(1))),
        (
            MouseEventKind::Down(MouseButton::Left),
            Some(Action::Click(7, 3)),
        ),
        (MouseEventKind::Down(MouseButton::Right), None),
        (MouseEventKind::Moved, None),
    ];
    for (kind, action) in cases {
        assert_eq!(action_for_mouse(&event(kind)), action, "{kind:?}");
    }
}
