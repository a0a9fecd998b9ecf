//! Embedding in a course page: `?embed=1` options, and the small `postMessage` API a host
//! page uses to drive an embedded scene and hear about the learner's progress.
//!
//! Host → playground (`iframe.contentWindow.postMessage(msg, "*")`), each a plain object:
//! - `{type: "kafka-playground:reset"}` — back to the scene's preset;
//! - `{type: "kafka-playground:publish", topic, key?, value}` — the first producer publishes;
//! - `{type: "kafka-playground:play"}` / `{type: "kafka-playground:pause"}`;
//! - `{type: "kafka-playground:set-lang", lang: "vi" | "en"}`.
//!
//! Playground → host (`window.parent`): `{type: "kafka-playground:ready", scene}`,
//! `{type: "kafka-playground:task-completed", scene, task, text}` (task: 0-based index),
//! `{type: "kafka-playground:scene-completed", scene}`, and
//! `{type: "kafka-playground:error", message}` when a host's message was refused.
//!
//! Messages come only from the parent window; anything malformed or unknown is ignored.
//! Outgoing messages carry no learner data beyond scene and task, so they go to any origin.

mod browser;

pub use browser::{listen, notify, EmbedListener};

use crate::i18n::Lang;

/// The prefix of every message type, so a host page's other messages never collide.
pub const PREFIX: &str = "kafka-playground:";

/// Longest text a host may publish (key or value); Kafka itself allows far more, but an
/// embed has no business sending megabytes through a course page.
pub const MAX_TEXT: usize = 2_000;

/// How much of the page an embedded scene shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Controls {
    /// The stage, the transport bar and the scene card: what a course page wants.
    Minimal,
    /// Everything but the page around it (header, scene index, footer).
    Full,
}

/// The `?embed=1&controls=…&autoplay=…` options; `None` when not embedded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Embed {
    pub controls: Controls,
    pub autoplay: bool,
}

impl Embed {
    /// From the query parameters. `controls` defaults to minimal, `autoplay` to on; an
    /// unknown value falls back to the default rather than failing the page.
    pub fn from_params(
        embed: Option<&str>,
        controls: Option<&str>,
        autoplay: Option<&str>,
    ) -> Option<Embed> {
        if !matches!(embed, Some("1" | "true")) {
            return None;
        }
        let controls = match controls {
            Some("full") => Controls::Full,
            _ => Controls::Minimal,
        };
        let autoplay = !matches!(autoplay, Some("0" | "false" | "no"));
        Some(Embed { controls, autoplay })
    }
}

/// A host page's request, validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostMessage {
    Reset,
    Publish {
        topic: String,
        key: Option<String>,
        value: String,
    },
    Play,
    Pause,
    SetLang(Lang),
}

impl HostMessage {
    /// Reads a message from its `type` and a lookup of its string fields. Anything not
    /// exactly one of ours — another prefix, an unknown type, a missing or oversized field —
    /// is `None`, and ignored.
    pub fn parse(kind: &str, field: impl Fn(&str) -> Option<String>) -> Option<HostMessage> {
        let text = |name: &str| field(name).filter(|t| t.len() <= MAX_TEXT);
        match kind.strip_prefix(PREFIX)? {
            "reset" => Some(HostMessage::Reset),
            "play" => Some(HostMessage::Play),
            "pause" => Some(HostMessage::Pause),
            "set-lang" => Lang::from_tag(&text("lang")?).map(HostMessage::SetLang),
            "publish" => {
                let topic = text("topic").filter(|t| !t.is_empty())?;
                let value = text("value")?;
                // A key that is present but too long refuses the message, not just the key.
                let key = match field("key") {
                    Some(k) if k.len() > MAX_TEXT => return None,
                    k => k.filter(|k| !k.is_empty()),
                };
                Some(HostMessage::Publish { topic, key, value })
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
