//! The one table of keys: the key handler, the footer hints and the help
//! popup all read it, so what the help says is what the keys do.

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::action::Action;
use crate::lang::Lang;
use crate::tab::Tab;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    Tab(Tab),
    /// The Essay and Sources tabs: scrolling text.
    Text,
    Help,
    /// Typing a search.
    Prompt,
    /// The list of the Rankings tab's tables, open.
    Pages,
    /// Wherever there is a list or a text longer than the screen.
    Paging,
}

impl Scope {
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Scope::Global => lang.pick("Everywhere", "どこでも"),
            Scope::Tab(t) => t.title(lang),
            Scope::Text => lang.pick("Essay and Sources", "エッセイと出典"),
            Scope::Help => lang.pick("This help", "このヘルプ"),
            Scope::Pages => lang.pick("The list of tables", "表の一覧"),
            Scope::Paging => lang.pick(
                "Lists and texts (Growth: its detail or table)",
                "一覧と本文（推移では詳細か表）",
            ),
            Scope::Prompt => lang.pick(
                "Typing after / or : (letters type)",
                "/ か : の後の入力中（文字はそのまま入力）",
            ),
        }
    }

    /// The scope of a tab's own keys: the text tabs share one.
    pub fn of(tab: Tab) -> Scope {
        match tab {
            Tab::Essay | Tab::Sources => Scope::Text,
            tab => Scope::Tab(tab),
        }
    }

    /// Every scope, in the order the help lists them: everywhere, each
    /// tab's own in the tabs' order, typing a search, the help itself. A
    /// new tab brings its scope with it.
    pub fn all() -> Vec<Scope> {
        let mut all = vec![Scope::Global, Scope::Paging];
        for tab in Tab::ALL {
            if !all.contains(&Scope::of(tab)) {
                all.push(Scope::of(tab));
            }
        }
        all.extend([Scope::Pages, Scope::Prompt, Scope::Help]);
        all
    }

    /// The scopes in force, most specific first. Paging moves through
    /// the help, texts and lists; Trends has no list longer than a page.
    pub fn active(tab: Tab, help_open: bool) -> Vec<Scope> {
        let specific = if help_open {
            Scope::Help
        } else {
            Scope::of(tab)
        };
        if specific == Scope::Tab(Tab::Trends) {
            return vec![specific, Scope::Global];
        }
        vec![specific, Scope::Paging, Scope::Global]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

impl Key {
    /// How the footer and help write the key.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Esc => "Esc".into(),
            other => other.to_string(),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", base.to_uppercase())
        } else {
            base
        }
    }
}

pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the help popup says the keys do, in English and Japanese.
    pub help: [&'static str; 2],
    /// The footer's short word for it, in both; None keeps it out of the
    /// footer.
    pub hint: Option<[&'static str; 2]>,
}

impl Binding {
    /// What the keys do, in `lang`.
    pub fn help(&self, lang: Lang) -> &'static str {
        lang.pick(self.help[0], self.help[1])
    }

    /// The footer's word, in `lang`.
    pub fn hint(&self, lang: Lang) -> Option<&'static str> {
        self.hint.map(|[en, ja]| lang.pick(en, ja))
    }

    pub fn key_labels(&self) -> String {
        self.keys
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join("/")
    }
}

const fn bind(
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    help: [&'static str; 2],
    hint: Option<[&'static str; 2]>,
) -> Binding {
    Binding {
        scope,
        keys,
        action,
        help,
        hint,
    }
}

use Scope::{Global, Help, Paging, Prompt, Text};

#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    //   scope                      keys                                action                          what the help says                               footer
    bind(Global,                    &[key(KeyCode::Tab)],               Action::NextTab,                ["next tab", "次のタブ"],                                      Some(["tab", "タブ"])),
    bind(Global,                    &[key(KeyCode::BackTab)],           Action::PrevTab,                ["previous tab", "前のタブ"],                                  None),
    bind(Global,                    &[ch('1')],                         Action::ShowTab(Tab::Growth),   ["Growth tab", "推移のタブ"],                                    None),
    bind(Global,                    &[ch('2')],                         Action::ShowTab(Tab::Rankings), ["Rankings tab", "ランキングのタブ"],                                  None),
    bind(Global,                    &[ch('3')],                         Action::ShowTab(Tab::Essay),    ["Essay tab", "エッセイのタブ"],                                     None),
    bind(Global,                    &[ch('4')],                         Action::ShowTab(Tab::Sources),  ["Sources tab", "出典のタブ"],                                   None),
    bind(Global,                    &[ch('5')],                         Action::ShowTab(Tab::Trends),   ["Trends tab", "トレンドのタブ"],                                  None),
    bind(Global,                    &[ch('L')],                         Action::ToggleLang,             ["English or Japanese names and labels", "英語・日本語の切り替え"],          None),
    bind(Global,                    &[ch('?')],                         Action::ToggleHelp,             ["show or hide this help", "このヘルプを表示・非表示"],                        Some(["help", "ヘルプ"])),
    bind(Global,                    &[ch('q'), ctrl('c')],              Action::Quit,                   ["quit", "終了"],                                          Some(["quit", "終了"])),
    bind(Global,                    &[ctrl('z')],                       Action::Suspend,                ["stop the app for the shell; fg brings it back", "一時停止してシェルへ（fg で再開）"], None),
    bind(Global,                    &[ctrl('l')],                       Action::Repaint,                ["draw the whole screen again", "画面全体を描き直す"],                  None),
    bind(Global,                    &[ch('b')],                         Action::Back,                   ["back through the jumps (Enter, :), one at a time", "ジャンプ（Enter、:）を一つずつ戻る"], None),
    bind(Global,                    &[ch('y')],                         Action::CopyFigure,             ["copy the selected figure with its citation", "選んだ数値を出典つきでコピー"], None),
    bind(Global,                    &[ch('Y')],                         Action::CopyView,               ["copy the whole view as Markdown", "画面全体を Markdown でコピー"], None),
    bind(Paging,                    &[key(KeyCode::PageUp), ctrl('b')], Action::PageUp,                 ["a page up", "1ページ上へ"],                                     None),
    bind(Paging,                    &[key(KeyCode::PageDown), ctrl('f')], Action::PageDown,             ["a page down", "1ページ下へ"],                                   None),
    bind(Paging,                    &[ctrl('u')],                       Action::HalfPageUp,             ["half a page up", "半ページ上へ"],                                None),
    bind(Paging,                    &[ctrl('d')],                       Action::HalfPageDown,           ["half a page down", "半ページ下へ"],                              None),
    bind(Paging,                    &[key(KeyCode::Home), ch('g')],     Action::Home,                   ["to the first line or row", "最初の行へ"],                          None),
    bind(Paging,                    &[key(KeyCode::End), ch('G')],      Action::End,                    ["to the last line or row", "最後の行へ"],                           None),
    bind(Scope::Tab(Tab::Growth),   &[key(KeyCode::Left), ch('h')],     Action::Left,                   ["previous year", "前の年"],                                 Some(["year", "年"])),
    bind(Scope::Tab(Tab::Growth),   &[key(KeyCode::Right), ch('l')],    Action::Right,                  ["next year", "次の年"],                                     None),
    bind(Scope::Tab(Tab::Growth),   &[key(KeyCode::Home), ch('g')],     Action::Home,                   ["first year", "最初の年"],                                    None),
    bind(Scope::Tab(Tab::Growth),   &[key(KeyCode::End), ch('G')],      Action::End,                    ["last year", "最後の年"],                                     None),
    bind(Scope::Tab(Tab::Growth),   &[ch('o')],                         Action::ToggleLater,            ["show or hide the later figures", "その後の数値を表示・非表示"],                Some(["later figures", "その後"])),
    bind(Scope::Tab(Tab::Growth),   &[key(KeyCode::Enter)],             Action::Provenance,             ["where this figure comes from", "この数値の出典"],                  Some(["source", "出典"])),
    bind(Scope::Tab(Tab::Growth),   &[ch('d')],                         Action::ToggleDetail,           ["the year's detail in full, or back", "年の詳細をすべて表示、または戻る"],            Some(["detail", "詳細"])),
    bind(Scope::Tab(Tab::Growth),   &[ch('t')],                         Action::ToggleTable,            ["every report's figure as a table, or the chart", "報告ごとの数値を表で、またはグラフ"],    None),
    bind(Scope::Tab(Tab::Growth),   &[key(KeyCode::Esc)],               Action::Cancel,            ["put the detail back under the chart", "詳細をグラフの下に戻す"],           None),
    bind(Scope::Tab(Tab::Growth),   &[key(KeyCode::Up), ch('k')],       Action::Up,                     ["the year's figure above, or scroll a lone figure's detail", "その年の前の数値、または詳細をスクロール"],                   None),
    bind(Scope::Tab(Tab::Growth),   &[key(KeyCode::Down), ch('j')],     Action::Down,                   ["the year's figure below, or scroll a lone figure's detail", "その年の次の数値、または詳細をスクロール"],                 None),
    bind(Scope::Tab(Tab::Growth),   &[ch('u')],                         Action::ToggleMeasure,          ["millions of users, or share of internet users", "利用者数（百万人）か、インターネット利用者に占める割合"], None),
    bind(Scope::Tab(Tab::Growth),   &[ch('e')],                         Action::Export,                 ["write the series shown, or the table, as CSV to a file", "表示中の系列か表をCSVで新しいファイルに書き出す"],   None),
    bind(Scope::Tab(Tab::Growth),   &[ch(':')],                         Action::StartGoTo,              ["go to a year: :2013 Enter", ":年で移る（:2013 Enter）"], None),
    bind(Scope::Tab(Tab::Rankings), &[key(KeyCode::Enter)],             Action::Provenance,             ["where this figure comes from", "この数値の出典"],                  Some(["source", "出典"])),
    bind(Scope::Tab(Tab::Rankings), &[ch('/')],                         Action::StartSearch,            ["filter platforms by name", "サービス名で絞り込む"],                      None),
    bind(Scope::Tab(Tab::Rankings), &[key(KeyCode::Esc)],               Action::Cancel,           ["clear the filter", "絞り込みを解除"],                              None),
    bind(Scope::Tab(Tab::Rankings), &[ch('s')],                         Action::NextSort,               ["sort by rank, platform or figure, either way", "順位・サービス名・数値で並べ替え（昇順・降順）"],  Some(["sort", "並べ替え"])),
    bind(Scope::Tab(Tab::Rankings), &[ch('f')],                         Action::OtherTable,             ["into the page's other table (▸), for Enter and y", "ページのもう一方の表へ（▸、Enter と y 用）"], None),
    bind(Scope::Tab(Tab::Rankings), &[ch('p')], Action::ShowPages, ["list the tables, to go to one", "表の一覧から選んで移る"], None),
    bind(Scope::Tab(Tab::Rankings), &[ch('e')],                         Action::Export,                 ["write the rows shown (filter, sort) as CSV to a new file", "表示中の行（絞り込み・並べ替え）をCSVで書き出す"],  None),
    bind(Scope::Tab(Tab::Rankings), &[key(KeyCode::Up), ch('k')],       Action::Up,                     ["previous platform", "前のサービス"],                             Some(["platform", "サービス"])),
    bind(Scope::Tab(Tab::Rankings), &[key(KeyCode::Down), ch('j')],     Action::Down,                   ["next platform", "次のサービス"],                                 None),
    bind(Scope::Tab(Tab::Rankings), &[key(KeyCode::Right), ch('l')],    Action::Right,                  ["next page of tables", "次の表"],                                   None),
    bind(Scope::Tab(Tab::Rankings), &[key(KeyCode::Left), ch('h')],     Action::Left,                   ["previous page of tables", "前の表"],                               Some(["tables", "表"])),
    bind(Scope::Tab(Tab::Rankings), &[ch(':')],                         Action::StartGoTo,              ["go to a row: :3 Enter", ":行番号で移る（:3 Enter）"], None),
    bind(Text,                      &[key(KeyCode::Up), ch('k')],       Action::Up,                     ["scroll up", "上へスクロール"],                                     Some(["scroll", "スクロール"])),
    bind(Text,                      &[key(KeyCode::Down), ch('j')],     Action::Down,                   ["scroll down", "下へスクロール"],                                   None),
    bind(Text,                      &[ch(' ')],                         Action::PageDown,               ["page down", "次のページ"],                                     Some(["page", "ページ"])),
    bind(Text,                      &[ch('w')],                         Action::ToggleWidth,            ["lines at a reading width, or the window's full width", "読みやすい幅か、ウィンドウの全幅か"], None),
    bind(Text,                      &[ch('/')],                         Action::StartSearch,            ["search the text", "本文を検索"],                               Some(["search", "検索"])),
    bind(Text,                      &[ch('n')],                         Action::NextMatch,              ["next match", "次の一致"],                                    None),
    bind(Text,                      &[ch('N')],                         Action::PrevMatch,              ["previous match", "前の一致"],                                None),
    bind(Text,                      &[key(KeyCode::Esc)],               Action::Cancel,           ["clear the search", "検索を解除"],                              None),
    bind(Text,                      &[ch(':')],                         Action::StartGoTo,              ["go to a line: :120 Enter", ":行で移る（:120 Enter）"], None),
    bind(Text,                      &[ch('e')],                         Action::Export,                 ["say how to write this text to a file", "この本文をファイルに書き出す方法を表示"], None),
    bind(Scope::Tab(Tab::Trends),   &[key(KeyCode::Up), ch('k')],       Action::Up,                     ["previous platform", "前のサービス"],                             Some(["platform", "サービス"])),
    bind(Scope::Tab(Tab::Trends),   &[key(KeyCode::Down), ch('j')],     Action::Down,                   ["next platform", "次のサービス"],                                 None),
    bind(Scope::Tab(Tab::Trends),   &[key(KeyCode::Left), ch('h')],     Action::Left,                   ["the platform's previous survey", "そのサービスの前の調査"],              Some(["survey", "調査"])),
    bind(Scope::Tab(Tab::Trends),   &[key(KeyCode::Right), ch('l')],    Action::Right,                  ["the platform's next survey", "そのサービスの次の調査"],                  None),
    bind(Scope::Tab(Tab::Trends),   &[key(KeyCode::Home), ch('g')],     Action::Home,                   ["first platform", "最初のサービス"],                                None),
    bind(Scope::Tab(Tab::Trends),   &[key(KeyCode::End), ch('G')],      Action::End,                    ["last platform", "最後のサービス"],                                 None),
    bind(Scope::Tab(Tab::Trends),   &[key(KeyCode::Enter)],             Action::Provenance,             ["where this figure comes from", "この数値の出典"],                  Some(["source", "出典"])),
    bind(Scope::Tab(Tab::Trends),   &[ch('m')],                         Action::NextFamily,             ["another family of surveys (総務省's) on its own chart", "次の調査の系列（総務省など）を別のグラフで"], Some(["other surveys", "他の調査"])),
    bind(Scope::Tab(Tab::Trends),   &[ch('t')],                         Action::ToggleTable,            ["the figures as a table, or the chart", "数値を表で、またはグラフ"], None),
    bind(Scope::Tab(Tab::Trends),   &[ch('e')],                         Action::Export,                 ["write these surveys' usage rates as CSV to a new file", "この調査の系列の利用率をCSVで新しいファイルに書き出す"], None),
    bind(Scope::Pages,              &[key(KeyCode::Up), ch('k')],       Action::Up,                     ["previous table", "前の表"],                                    Some(["table", "表"])),
    bind(Scope::Pages,              &[key(KeyCode::Down), ch('j')],     Action::Down,                   ["next table", "次の表"],                                        None),
    bind(Scope::Pages,              &[key(KeyCode::Enter)],             Action::GoToPage,               ["go to this table", "この表へ移る"],                               Some(["go", "移る"])),
    bind(Scope::Pages,              &[key(KeyCode::Esc), ch('p')],      Action::ShowPages,              ["close the list", "一覧を閉じる"],                                 Some(["close", "閉じる"])),
    bind(Prompt,                    &[key(KeyCode::Enter)],             Action::Submit,                 ["keep the search, or go to the place", "検索を確定、または移動"],            Some(["done", "確定"])),
    bind(Prompt,                    &[key(KeyCode::Left)],              Action::Left,                   ["the cursor back a character", "カーソルを1文字戻す"],                 None),
    bind(Prompt,                    &[key(KeyCode::Right)],             Action::Right,                  ["the cursor on a character", "カーソルを1文字進める"],                None),
    bind(Prompt,                    &[key(KeyCode::Home)],              Action::Home,                   ["the cursor to the start", "カーソルを先頭へ"],                       None),
    bind(Prompt,                    &[key(KeyCode::End)],               Action::End,                    ["the cursor to the end", "カーソルを末尾へ"],                         None),
    bind(Prompt,                    &[key(KeyCode::Backspace)],         Action::Erase,                  ["delete the character before the cursor", "カーソルの前の文字を消す"],       None),
    bind(Prompt,                    &[key(KeyCode::Delete)],            Action::EraseForward,           ["delete the character under the cursor", "カーソル位置の文字を消す"],        None),
    bind(Prompt,                    &[ctrl('w')],                       Action::EraseWord,              ["delete the word before the cursor", "カーソルの前の単語を消す"],           None),
    bind(Prompt,                    &[ctrl('u')],                       Action::EraseToStart,           ["delete all before the cursor", "カーソルより前をすべて消す"],              None),
    bind(Prompt,                    &[key(KeyCode::Up)],                Action::Up,                     ["the search before, from this session", "このセッションの前の検索"],         None),
    bind(Prompt,                    &[key(KeyCode::Down)],              Action::Down,                   ["the search after, or back to the line typed", "次の検索、または入力中の行へ"], None),
    bind(Prompt,                    &[key(KeyCode::Esc)],               Action::Cancel,           ["leave the prompt; a search is cleared", "入力をやめる（検索は解除）"],        Some(["cancel", "解除"])),
    bind(Prompt,                    &[ctrl('c')],                       Action::Quit,                   ["quit", "終了"],                                          None),
    bind(Prompt,                    &[ctrl('z')],                       Action::Suspend,                ["stop the app for the shell; fg brings it back", "一時停止してシェルへ（fg で再開）"], None),
    bind(Prompt,                    &[ctrl('l')],                       Action::Repaint,                ["draw the whole screen again", "画面全体を描き直す"],                  None),
    bind(Help,                      &[key(KeyCode::Esc), ch('?'), ch('q')],      Action::CloseHelp,              ["close this help", "このヘルプを閉じる"],                               Some(["close", "閉じる"])),
    bind(Help,                      &[key(KeyCode::Up), ch('k')],       Action::Up,                     ["scroll up", "上へスクロール"],                                     None),
    bind(Help,                      &[key(KeyCode::Down), ch('j')],     Action::Down,                   ["scroll down", "下へスクロール"],                                   None),
    bind(Help,                      &[ch(' ')],                         Action::PageDown,               ["a page down", "1ページ下へ"],                                     None),
];

/// The action a key press stands for where `scopes` are in force. Key
/// releases are ignored, so a terminal that reports them does not act twice.
pub fn action_for(event: &KeyEvent, scopes: &[Scope]) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    // Shift is part of the character ('G', '?') or of BackTab itself.
    let mods = match event.code {
        KeyCode::Char(_) | KeyCode::BackTab => event.modifiers - KeyModifiers::SHIFT,
        _ => event.modifiers,
    };
    let pressed = Key {
        code: event.code,
        mods,
    };
    // At the search prompt every plain character is typed, q included.
    if scopes.contains(&Scope::Prompt)
        && let KeyCode::Char(c) = event.code
        && !mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return Some(Action::Type(c));
    }
    scopes.iter().find_map(|scope| {
        BINDINGS
            .iter()
            .filter(|b| b.scope == *scope)
            .find(|b| b.keys.contains(&pressed))
            .map(|b| b.action)
    })
}

/// The action a mouse event stands for: a left click, or the wheel.
pub fn action_for_mouse(event: &MouseEvent) -> Option<Action> {
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(event.column, event.row)),
        MouseEventKind::ScrollUp => Some(Action::Wheel(-1)),
        MouseEventKind::ScrollDown => Some(Action::Wheel(1)),
        _ => None,
    }
}

/// A key the footer offers.
pub struct Hint {
    pub keys: String,
    /// What the key does, in a word or two.
    pub words: &'static str,
    /// For the app to leave out a key that does not do what its words say
    /// where the app is ([`crate::app::App::offers`]).
    pub action: Action,
}

impl Hint {
    /// Whether it keeps its room at every width (`? help`, `q quit`, the
    /// help's `Esc close`); the rest, Tab among them, give way to a message.
    pub fn kept(&self) -> bool {
        matches!(
            self.action,
            Action::ToggleHelp | Action::Quit | Action::CloseHelp
        )
    }
}

/// The footer's hints where `scopes` are in force, most specific first. A
/// key a more specific scope takes over is not offered (no "? help" while
/// the help is open: there `?` closes it).
pub fn hints(scopes: &[Scope], lang: Lang) -> Vec<Hint> {
    let in_force = |b: &Binding| scopes.iter().position(|s| *s == b.scope);
    // A key of `b` that no binding of a more specific scope takes.
    let free = |b: &Binding, k: &Key| {
        let at = in_force(b).unwrap_or(0);
        !BINDINGS
            .iter()
            .any(|o| in_force(o).is_some_and(|o_at| o_at < at) && o.keys.contains(k))
    };
    scopes
        .iter()
        .flat_map(|scope| BINDINGS.iter().filter(move |b| b.scope == *scope))
        .filter_map(|b| {
            let words = b.hint(lang)?;
            let key = b.keys.iter().find(|k| free(b, k))?;
            Some(Hint {
                keys: hint_keys(b, *key),
                words,
                action: b.action,
            })
        })
        .collect()
}

/// Keys for a hint led by `first`: a pair of bindings that differ only in
/// direction (←/→, ↑/↓) is written as one.
fn hint_keys(b: &Binding, first: Key) -> String {
    let pair = BINDINGS.iter().find(|o| {
        o.scope == b.scope
            && !std::ptr::eq(*o, b)
            && o.hint.is_none()
            && is_opposite(first.code, o.keys[0].code)
    });
    match pair {
        Some(o) => format!("{}{}", first.label(), o.keys[0].label()),
        None => first.label(),
    }
}

fn is_opposite(a: KeyCode, b: KeyCode) -> bool {
    matches!(
        (a, b),
        (KeyCode::Left, KeyCode::Right) | (KeyCode::Up, KeyCode::Down)
    )
}

#[cfg(test)]
mod tests;
