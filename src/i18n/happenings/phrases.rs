//! The pieces the sentences are built from: names as Kafka's tools print them (`broker-3`,
//! `producer-1`, a member id, `consumer-2`), counts, offset ranges, capped lists, and keys or
//! values made safe to show.

use crate::i18n::Lang;
use kafka_model::{BrokerId, ConsumerRef, Endpoint, ProducerId, TopicPartition};
use std::fmt;

/// How many characters of a key or value a sentence shows before cutting it with "…".
pub const MAX_BYTES_TEXT_CHARS: usize = 24;

/// How many items of a list (partitions, committed offsets) a sentence names before
/// summing up the rest as "and 3 more".
const MAX_LIST_ITEMS: usize = 4;

/// A key or value for a sentence: lossy UTF-8 text, `null` for none, `""` for empty,
/// control characters made harmless, and at most [`MAX_BYTES_TEXT_CHARS`] characters
/// before "…". Counts characters, so it never cuts inside a multi-byte character.
pub fn bytes_text(bytes: Option<&[u8]>) -> String {
    let Some(bytes) = bytes else {
        return "null".to_string();
    };
    if bytes.is_empty() {
        return "\"\"".to_string();
    }
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == MAX_BYTES_TEXT_CHARS {
            out.push('…');
            break;
        }
        out.push(match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        });
    }
    out
}

/// The English noun for `n` things: `one` for 1, `many` otherwise.
pub(super) fn plural(n: u64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// "1 record" / "3 records"; Vietnamese nouns do not change: "3 record" (the Vietnamese word
/// is the English singular, as a Kafka term).
pub(super) fn count(lang: Lang, n: u64, one: &'static str, many: &'static str) -> String {
    let noun = plural(n, one, many);
    tr!(lang, en: "{n} {noun}", vi: "{n} {one}")
}

/// Offsets `first..=last`: "offset 5" or "offsets 5 to 7".
pub(super) fn offsets_inclusive(lang: Lang, first: u64, last: u64) -> String {
    if first >= last {
        tr!(lang, en: "offset {first}", vi: "offset {first}")
    } else {
        tr!(lang, en: "offsets {first} to {last}", vi: "offset {first} đến {last}")
    }
}

/// Offsets `from..until` (the end not included), as the model reports fetches.
pub(super) fn offsets_until(lang: Lang, from: u64, until: u64) -> String {
    if until <= from {
        return tr!(lang, en: "no records", vi: "không record nào");
    }
    offsets_inclusive(lang, from, until - 1)
}

/// "broker-1, broker-2", or "empty" / "trống".
pub(super) fn broker_list(lang: Lang, brokers: &[BrokerId]) -> String {
    if brokers.is_empty() {
        return tr!(lang, en: "empty", vi: "trống");
    }
    brokers
        .iter()
        .map(|b| Broker(*b).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "orders-0, orders-1", at most [`MAX_LIST_ITEMS`] names then "and 3 more".
pub(super) fn partition_list(lang: Lang, partitions: &[TopicPartition]) -> String {
    if partitions.is_empty() {
        return tr!(lang, en: "no partitions", vi: "không partition nào");
    }
    capped_list(
        lang,
        partitions.iter().map(|tp| tp.to_string()),
        partitions.len(),
    )
}

/// "orders-0 offset 5, orders-1 offset 3", capped like [`partition_list`].
pub(super) fn offset_list(lang: Lang, offsets: &[(TopicPartition, u64)]) -> String {
    if offsets.is_empty() {
        return tr!(lang, en: "no offsets", vi: "không offset nào");
    }
    capped_list(
        lang,
        offsets
            .iter()
            .map(|(tp, o)| tr!(lang, en: "{tp} offset {o}", vi: "{tp} offset {o}")),
        offsets.len(),
    )
}

fn capped_list(lang: Lang, items: impl Iterator<Item = String>, len: usize) -> String {
    let mut out = items.take(MAX_LIST_ITEMS).collect::<Vec<_>>().join(", ");
    if len > MAX_LIST_ITEMS {
        let more = len - MAX_LIST_ITEMS;
        out.push_str(&tr!(lang, en: " and {more} more", vi: " và {more} partition khác"));
    }
    out
}

/// `broker-3`, as the primer names brokers.
pub(super) struct Broker(pub BrokerId);

impl fmt::Display for Broker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "broker-{}", self.0)
    }
}

/// `producer-1`: the happenings carry the producer's number, not its client id.
pub(super) struct Producer(pub ProducerId);

impl fmt::Display for Producer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "producer-{}", self.0)
    }
}

/// Where a happening is drawn, named like the rest: `broker-3`, `producer-1`, a member id,
/// `ZooKeeper`.
pub(super) struct Place<'a>(pub &'a Endpoint);

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Endpoint::Producer(p) => Producer(*p).fmt(f),
            Endpoint::Broker(b) => Broker(*b).fmt(f),
            Endpoint::Consumer(c) => Consumer(c).fmt(f),
            Endpoint::ZooKeeper => f.write_str("ZooKeeper"),
        }
    }
}

/// A group member by its member id; a standalone consumer as `consumer-<n>`.
pub(super) struct Consumer<'a>(pub &'a ConsumerRef);

impl fmt::Display for Consumer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            ConsumerRef::Member { group: _, member } => f.write_str(member),
            ConsumerRef::Standalone(id) => write!(f, "consumer-{id}"),
        }
    }
}
