//! English or Japanese for the interface's own words and the platform
//! names; the essay, the sources and the figures' notes stay as written.

use crate::dataset::{Dataset, RankRow};

pub use crate::cli::Lang;

impl Lang {
    /// Japanese when the first locale variable set (LC_ALL, LC_MESSAGES,
    /// LANG) names it, as `ja_JP.UTF-8` does; English otherwise.
    pub fn from_env() -> Lang {
        let set = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty());
        Lang::from_locale(set.as_deref())
    }

    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            Some(l) if l.starts_with("ja") => Lang::Ja,
            _ => Lang::En,
        }
    }

    pub fn toggle(self) -> Lang {
        match self {
            Lang::En => Lang::Ja,
            Lang::Ja => Lang::En,
        }
    }

    /// A word of the interface in this language.
    pub fn say(self, en: &'static str) -> &'static str {
        if self == Lang::En {
            return en;
        }
        match en {
            "Growth" => "推移",
            "Rankings" => "ランキング",
            "Essay" => "エッセイ",
            "Sources" => "出典",
            "Rank" => "順位",
            "Platform" => "サービス",
            "Change" => "変化",
            "estimate" => "推計",
            "expected" => "見込み",
            "projection" => "予測",
            "no figure" => "数値なし",
            "share of internet users, %" => "インターネット利用者に占める割合、%",
            "against" => "対",
            "since" => "対",
            "change" => "変化",
            "vs" => "比較",
            other => other,
        }
    }

    /// A row's platform as its source names it there, in this language.
    pub fn row_name<'a>(self, d: &'a Dataset, r: &'a RankRow) -> &'a str {
        match &r.name {
            Some(name) => name.get(self),
            None => self.platform(d, &r.platform),
        }
    }

    /// A platform's name in this language; its id if it is unknown.
    pub fn platform<'a>(self, d: &'a Dataset, id: &'a str) -> &'a str {
        match (self, d.platform(id)) {
            (Lang::Ja, Some(p)) => &p.name_ja,
            (Lang::En, Some(p)) => &p.name,
            (_, None) => id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::load;

    #[test]
    fn japanese_locales_start_in_japanese() {
        assert_eq!(Lang::from_locale(Some("ja_JP.UTF-8")), Lang::Ja);
        assert_eq!(Lang::from_locale(Some("en_US.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(Some("C")), Lang::En);
        assert_eq!(Lang::from_locale(None), Lang::En);
    }

    #[test]
    fn names_and_words_follow_the_language() {
        let d = load(None).unwrap().dataset;
        assert_eq!(Lang::Ja.platform(&d, "mixi"), "ミクシィ");
        assert_eq!(Lang::En.platform(&d, "mixi"), "mixi");
        assert_eq!(Lang::Ja.say("Rankings"), "ランキング");
        assert_eq!(Lang::En.say("Rankings"), "Rankings");
    }
}
