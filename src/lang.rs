//! English or Japanese for the interface's own words and the platform
//! names; the essay, the sources and the figures' notes stay as written.

use crate::dataset::{Dataset, Kind, RankRow};

pub use crate::cli::Lang;

/// A sentence of the interface in `lang`, written in both languages where
/// it is shown: `tr!(lang, "change on {year}", "{year}年比")`. Each text
/// is a `format!` string, so both may use the names in scope.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $en:literal, $ja:literal) => {
        match $lang {
            $crate::lang::Lang::En => format!($en),
            $crate::lang::Lang::Ja => format!($ja),
        }
    };
}

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

    /// One of two texts: every word of the interface is given in both
    /// languages where it is shown, so a missing translation does not
    /// compile (see also [`tr!`](crate::tr)).
    pub fn pick<T>(self, en: T, ja: T) -> T {
        match self {
            Lang::En => en,
            Lang::Ja => ja,
        }
    }

    /// The glossary's word for a kind of figure: 推計, 見込み, 予測.
    pub fn kind(self, kind: Kind) -> &'static str {
        match kind {
            Kind::Estimate => self.pick("estimate", "推計"),
            Kind::Expected => self.pick("expected", "見込み"),
            Kind::Projection => self.pick("projection", "予測"),
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
        assert_eq!(Lang::Ja.kind(Kind::Expected), "見込み");
        assert_eq!(Lang::En.pick("Rankings", "ランキング"), "Rankings");
    }
}
