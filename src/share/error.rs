//! Why a shared link or file was refused. Every refusal leaves the page as it was; its words,
//! in both languages, are in `crate::i18n::share_errors`.

use crate::i18n::Lang;
use kafka_model::{ModelError, Ms};

/// What was too large.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizeOf {
    /// The link's fragment.
    Link,
    /// What a link unpacks to.
    Unpacked,
    /// A JSON file.
    File,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing to read.
    Empty,
    /// Not a Kafka Playground link or file (with the parser's words, when they help).
    NotOurFormat {
        detail: Option<String>,
    },
    /// Made by a version of the playground this one doesn't know.
    UnknownVersion {
        found: String,
    },
    /// Damaged: not valid base64, or the checksum fails.
    Corrupt,
    /// Cut short: part of the link or file is missing.
    Truncated,
    /// The browser could not read the chosen file.
    Unreadable {
        detail: String,
    },
    TooLarge {
        of: SizeOf,
        bytes: usize,
        max: usize,
    },
    TooManyCommands {
        count: usize,
        max: usize,
    },
    Brokers {
        brokers: u32,
        max: u32,
    },
    UnknownScene {
        id: String,
    },
    /// The moment on screen is later than a shared session may be.
    TimeOutOfRange {
        at: Ms,
        max: Ms,
    },
    /// A command sets a duration (`field`, a `*_ms` setting) longer than the model allows.
    Duration {
        field: String,
        ms: Ms,
        max: Ms,
    },
    /// A log entry comes before the one ahead of it, or after the moment on screen.
    TimeOrder {
        index: usize,
        at: Ms,
    },
    /// The model refused a command while rebuilding: `index` (from 0) in the setup or the log.
    Refused {
        setup: bool,
        index: usize,
        at: Ms,
        error: ModelError,
    },
    /// Rebuilding would take too long: the log asks for more work than a link may.
    TooMuchWork {
        at: Ms,
    },
}

impl ShareError {
    /// What happened and what to do, in `lang` (the words are in `crate::i18n::share_errors`).
    pub fn describe(&self, lang: Lang) -> String {
        crate::i18n::share_errors::describe(self, lang)
    }
}
