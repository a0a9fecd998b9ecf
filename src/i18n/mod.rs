//! Every string a person reads, in both languages, in one place.
//!
//! Each language is one `Strings` value, so the compiler refuses a string that exists in one
//! language and not the other. Kafka's own terms (Topic, Partition, offset, Broker...) stay in
//! English in both, as the primer writes them.

mod en;
mod vi;

use serde::{Deserialize, Serialize};

/// The two first-class languages of the playground.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// BCP 47 tag, for `<html lang>` and `?lang=`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The language's own name, so a reader who knows neither label can still find theirs.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Vi => "Tiếng Việt",
            Lang::En => "English",
        }
    }

    /// Parses `vi`, `vi-VN`, `EN-us`...; anything else is not a language we speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first of the reader's preferred languages that we speak; English otherwise.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::En)
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Vi => &vi::STRINGS,
            Lang::En => &en::STRINGS,
        }
    }
}

/// All visible text of the app shell. Later screens add their fields here.
#[derive(Debug)]
pub struct Strings {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub language_label: &'static str,
    pub stage_label: &'static str,
    pub stage_empty: &'static str,
    pub footer_version: &'static str,
    pub footer_model: &'static str,
    pub error_title: &'static str,
    pub error_reload: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_first_language_we_speak() {
        assert_eq!(Lang::negotiate(["fr-FR", "vi-VN", "en"]), Lang::Vi);
        assert_eq!(Lang::negotiate(["en-GB", "vi"]), Lang::En);
        assert_eq!(Lang::negotiate(["de", "ja"]), Lang::En);
        assert_eq!(Lang::negotiate([]), Lang::En);
    }

    #[test]
    fn parses_tags_case_insensitively_and_refuses_others() {
        assert_eq!(Lang::from_tag("VI"), Some(Lang::Vi));
        assert_eq!(Lang::from_tag("en_US"), Some(Lang::En));
        assert_eq!(Lang::from_tag("vie"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::from_tag("<script>"), None);
    }

    #[test]
    fn languages_differ_where_they_should_and_keep_kafka_terms() {
        let (vi, en) = (Lang::Vi.strings(), Lang::En.strings());
        assert_ne!(vi.tagline, en.tagline);
        assert_ne!(vi.stage_empty, en.stage_empty);
        // The product name is a name, the same in both.
        assert_eq!(vi.app_name, en.app_name);
        // Kafka terms stay English in the Vietnamese text.
        assert!(vi.stage_empty.contains("Broker"), "{}", vi.stage_empty);
    }
}
