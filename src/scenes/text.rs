//! Bilingual text for the scenes: narration quotes the primer in Vietnamese, ours in
//! English; Kafka's terms stay in English in both, as the primer writes them.

use crate::i18n::Lang;

/// One piece of text in both languages, kept side by side so neither can be forgotten.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Text {
    pub vi: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn new(vi: &'static str, en: &'static str) -> Self {
        Text { vi, en }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }
}
