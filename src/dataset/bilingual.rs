//! Words a data file gives in English, and in Japanese where it can: a
//! plain string, or `{"en": "...", "ja": "..."}`. Both are
//! [`CleanString`]s, so no label can carry a control sequence past the
//! loader.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use super::clean::CleanString;
use crate::cli::Lang;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bilingual {
    pub en: CleanString,
    /// Absent where the file gives none: the English stands in.
    pub ja: Option<CleanString>,
}

impl Bilingual {
    pub fn new(en: impl Into<CleanString>) -> Self {
        Bilingual {
            en: en.into(),
            ja: None,
        }
    }

    pub fn both(en: impl Into<CleanString>, ja: impl Into<CleanString>) -> Self {
        Bilingual {
            en: en.into(),
            ja: Some(ja.into()),
        }
    }

    /// The words in `lang`, the English where there is no Japanese.
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.ja) {
            (Lang::Ja, Some(ja)) => ja.as_str(),
            _ => self.en.as_str(),
        }
    }
}

impl Serialize for Bilingual {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.ja {
            None => s.serialize_str(&self.en),
            Some(ja) => {
                let mut map = s.serialize_map(Some(2))?;
                map.serialize_entry("en", &self.en)?;
                map.serialize_entry("ja", ja)?;
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Bilingual {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(BilingualVisitor)
    }
}

struct BilingualVisitor;

impl<'de> Visitor<'de> for BilingualVisitor {
    type Value = Bilingual;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, or an object with \"en\" and \"ja\" strings")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Bilingual, E> {
        Ok(Bilingual::new(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Bilingual, A::Error> {
        let (mut en, mut ja) = (None::<CleanString>, None::<CleanString>);
        while let Some(key) = map.next_key::<String>()? {
            let slot = match key.as_str() {
                "en" => &mut en,
                "ja" => &mut ja,
                other => return Err(de::Error::unknown_field(other, &["en", "ja"])),
            };
            if slot.is_some() {
                return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
            }
            *slot = Some(map.next_value()?);
        }
        let en = en.ok_or_else(|| de::Error::missing_field("en"))?;
        Ok(Bilingual { en, ja })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_or_both_languages() {
        let plain: Bilingual = serde_json::from_str(r#""usage rate""#).unwrap();
        assert_eq!(plain, Bilingual::new("usage rate"));
        assert_eq!(plain.get(Lang::Ja), "usage rate");
        let both: Bilingual =
            serde_json::from_str(r#"{"en": "usage rate", "ja": "利用率"}"#).unwrap();
        assert_eq!(both.get(Lang::En), "usage rate");
        assert_eq!(both.get(Lang::Ja), "利用率");
        assert_eq!(serde_json::to_string(&plain).unwrap(), r#""usage rate""#);
        assert_eq!(
            serde_json::to_string(&both).unwrap(),
            r#"{"en":"usage rate","ja":"利用率"}"#
        );
    }

    #[test]
    fn refuses_other_shapes_by_name() {
        let err = |s: &str| {
            serde_json::from_str::<Bilingual>(s)
                .unwrap_err()
                .to_string()
        };
        assert!(err("3").contains("a string, or an object"), "{}", err("3"));
        assert!(err(r#"{"ja": "x"}"#).contains("missing field `en`"));
        assert!(err(r#"{"en": "x", "fr": "y"}"#).contains("unknown field `fr`"));
        assert!(err(r#"{"en": "x", "en": "y"}"#).contains("duplicate field `en`"));
    }

    #[test]
    fn is_cleaned_as_it_is_read() {
        let b: Bilingual =
            serde_json::from_str(r#"{"en": "a\u001b[31m", "ja": "b\u0007"}"#).unwrap();
        assert_eq!(b, Bilingual::both("a[31m", "b"));
    }
}
