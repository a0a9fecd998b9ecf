//! "Export to real Kafka": the playground's setup as a bash script of Kafka's own
//! command-line tools and a `compose.yaml` that starts a matching cluster. Pure text
//! generation, the same output for the same model state, so it is tested against golden files.
//!
//! The script creates the topics (configs that differ from Kafka's defaults), replays the
//! records the learner published through `kafka-console-producer.sh`, reads them back with
//! `kafka-console-consumer.sh` in each consumer group, describes the groups to compare lag,
//! repeats the learner's offset resets, and leaves notes for what Kafka has no command for
//! (the shop's services, auto-producers).

mod compose;
mod console;
mod script;
mod shell;

// Native only: they run bash, and write files.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use console::{LineFormat, TextRecord, Unwritable};
pub use shell::{comment_text, quote};

use kafka_model::{Cluster, Command, WorldCommand};

/// The Kafka release the files are written for: its image, and its tools' options.
pub const KAFKA_VERSION: &str = "3.9.0";
/// The official image, pinned.
pub const KAFKA_IMAGE: &str = "apache/kafka:3.9.0";
/// Host port of the first broker's EXTERNAL listener; broker `i` (0-based) gets this + i.
pub const FIRST_EXTERNAL_PORT: u16 = 19092;
/// Where the script's tools connect by default (the first broker, from the host).
pub const BOOTSTRAP: &str = "localhost:19092";
/// File names the panel offers the downloads under (the script refers to both).
pub const SCRIPT_FILE: &str = "kafka-playground.sh";
pub const COMPOSE_FILE: &str = "compose.yaml";

/// The two files of an export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    /// A bash script: topics, producers, consumers and group describes, with `#` comments.
    pub script: String,
    /// `compose.yaml` for a KRaft cluster with as many nodes as the model has brokers.
    pub compose: String,
}

/// Exports the model as it is now. `issued` is every command that made it, in order: the
/// preset's setup commands, then the session's log up to now (see [`issued_commands`]).
/// Only `Produce`, `DeleteTopic` and `ResetOffsets` are read from it; everything else comes
/// from the cluster's state.
pub fn export(cluster: &Cluster, issued: &[Command]) -> Export {
    Export {
        script: script::script(cluster, issued),
        compose: compose::compose(cluster),
    }
}

/// Everything issued to the cluster to reach the session's present: the setup commands the
/// session recorded as its origin (whatever it started from: a scene, the free playground's
/// preset, a shared link or file), then the logged cluster commands already applied (after
/// a scrub back, the ones still ahead are not part of the present). The shop without
/// Kafka's commands have no Kafka to export to.
pub fn issued_commands(session: &crate::session::Session) -> Vec<Command> {
    let history = session.history();
    let logged = history
        .commands()
        .get(..history.applied())
        .unwrap_or_default();
    session
        .origin()
        .setup
        .iter()
        .cloned()
        .chain(logged.iter().filter_map(|(_, c)| match c {
            WorldCommand::Kafka(c) => Some(c.clone()),
            WorldCommand::Direct(_) => None,
        }))
        .collect()
}

/// A `data:` URL holding `text`, for a download link that needs no script: every byte that
/// is not an unreserved URL character is percent-encoded.
pub fn data_url(mime: &str, text: &str) -> String {
    let mut url = format!("data:{mime};charset=utf-8,");
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}
