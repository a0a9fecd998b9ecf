//! Records: what producers send and partitions store.
//!
//! Keys and values are bytes, as in Kafka; the playground types text, so there are text
//! helpers. A `None` value is a tombstone (Kafka's null value), not an empty value.

use crate::schedule::Ms;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A key or value's bytes, shared: a record is handed from the producer's batch to the
/// leader's log, the followers' logs and the consumers, and each of them holds the same
/// bytes (a clone is a reference count, not a copy). Build one from a `Vec<u8>` or
/// `&[u8]` with `.into()`; read it as `&[u8]`.
pub type Bytes = Arc<[u8]>;

/// Kafka's per-record overhead in a v2 batch, roughly: length, attributes, timestamp delta,
/// offset delta, key and value lengths, header count (mostly one-byte varints).
pub const RECORD_OVERHEAD_BYTES: u32 = 7;

/// A record header: a string key and optional bytes (Kafka's `Header`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub key: String,
    pub value: Option<Vec<u8>>,
}

/// A record as a producer hands it over: no offset yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProducerRecord {
    pub topic: String,
    /// An explicit partition; `None` lets the producer's partitioner choose.
    pub partition: Option<u32>,
    pub key: Option<Bytes>,
    /// `None` is a tombstone.
    pub value: Option<Bytes>,
    pub headers: Vec<Header>,
}

impl ProducerRecord {
    /// A record with a text value and an optional text key.
    pub fn text(topic: impl Into<String>, key: Option<&str>, value: &str) -> Self {
        Self {
            topic: topic.into(),
            partition: None,
            key: key.map(|k| k.as_bytes().into()),
            value: Some(value.as_bytes().into()),
            headers: Vec::new(),
        }
    }

    pub fn to_partition(mut self, partition: u32) -> Self {
        self.partition = Some(partition);
        self
    }

    pub fn with_header(mut self, key: &str, value: &str) -> Self {
        self.headers.push(Header {
            key: key.to_string(),
            value: Some(value.as_bytes().to_vec()),
        });
        self
    }

    pub fn size_bytes(&self) -> u32 {
        record_size(&self.key, &self.value, &self.headers)
    }
}

/// A record stored in a partition's log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub offset: u64,
    /// CreateTime: when the producer created the record, in simulated ms.
    pub timestamp: Ms,
    /// The producer that wrote it (Kafka's producer id).
    pub producer_id: Option<u32>,
    /// The leader epoch when the leader appended it (Kafka stores it on every batch).
    pub leader_epoch: u32,
    /// The producer's batch it came in: with the producer id, what Kafka's batch header
    /// carries as producer epoch and sequence — how a new leader recognises a retry.
    #[serde(default)]
    pub batch_id: u64,
    pub key: Option<Bytes>,
    pub value: Option<Bytes>,
    pub headers: Vec<Header>,
    pub size_bytes: u32,
}

impl Record {
    /// The key as text (lossy for bytes that are not UTF-8).
    pub fn key_text(&self) -> Option<String> {
        self.key
            .as_deref()
            .map(|k| String::from_utf8_lossy(k).into_owned())
    }

    /// The value as text; `None` for a tombstone.
    pub fn value_text(&self) -> Option<String> {
        self.value
            .as_deref()
            .map(|v| String::from_utf8_lossy(v).into_owned())
    }

    pub fn is_tombstone(&self) -> bool {
        self.value.is_none()
    }
}

/// A record waiting in a producer batch: it has its creation time but no offset.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingRecord {
    pub timestamp: Ms,
    pub key: Option<Bytes>,
    pub value: Option<Bytes>,
    pub headers: Vec<Header>,
    pub size_bytes: u32,
}

impl PendingRecord {
    pub fn into_record(self, offset: u64, producer_id: u32, leader_epoch: u32) -> Record {
        Record {
            offset,
            timestamp: self.timestamp,
            producer_id: Some(producer_id),
            leader_epoch,
            batch_id: 0,
            key: self.key,
            value: self.value,
            headers: self.headers,
            size_bytes: self.size_bytes,
        }
    }
}

/// Size of one record on the wire and on disk, close to Kafka's v2 format.
pub fn record_size(key: &Option<Bytes>, value: &Option<Bytes>, headers: &[Header]) -> u32 {
    let len = |b: &Option<Bytes>| b.as_ref().map_or(0, |b| b.len());
    let header_bytes: usize = headers
        .iter()
        .map(|h| 2 + h.key.len() + h.value.as_ref().map_or(0, |v| v.len()))
        .sum();
    (RECORD_OVERHEAD_BYTES as usize + len(key) + len(value) + header_bytes) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_counts_key_value_and_headers() {
        let r = ProducerRecord::text("t", Some("k1"), "hello").with_header("h", "v");
        assert_eq!(r.size_bytes(), RECORD_OVERHEAD_BYTES + 2 + 5 + (2 + 1 + 1));
    }

    #[test]
    fn a_null_value_is_a_tombstone_not_an_empty_value() {
        let pending = PendingRecord {
            timestamp: 0,
            key: None,
            value: None,
            headers: vec![],
            size_bytes: 7,
        };
        let tomb = pending.clone().into_record(0, 1, 0);
        assert!(tomb.is_tombstone());
        let empty = PendingRecord {
            value: Some(Bytes::from([])),
            ..pending
        }
        .into_record(1, 1, 0);
        assert!(!empty.is_tombstone());
        assert_eq!(empty.value_text().as_deref(), Some(""));
    }
}
