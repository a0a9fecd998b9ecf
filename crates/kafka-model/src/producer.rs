//! Producers: configuration, the record accumulator (open batches), and auto-production.
//!
//! Records wait in a per-partition batch until it is full (`batch.size`) or `linger.ms`
//! passes; then the whole batch travels to the partition's leader as one request.

use crate::collections::SortedMap;
use crate::error::ModelError;
use crate::partitioner::{PartitionerKind, RoundRobinPartitioner, StickyPartitioner};
use crate::record::PendingRecord;
use crate::schedule::Ms;
use crate::TopicPartition;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

pub type ProducerId = u32;

/// The playground's ceiling for an auto-producer's rate.
pub const MAX_RECORDS_PER_SEC: f64 = 100.0;

/// `acks`: how many replicas must have a record before the producer hears "done".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Acks {
    /// Fire and forget: no response at all, offset unknown (-1).
    Zero,
    /// The leader appended it.
    One,
    /// Every in-sync replica has it: the high watermark passed it. Kafka's default since 3.0.
    All,
}

impl Acks {
    pub fn kafka_name(self) -> &'static str {
        match self {
            Acks::Zero => "0",
            Acks::One => "1",
            Acks::All => "all",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProducerConfig {
    /// `acks` (all).
    pub acks: Acks,
    /// `linger.ms` (5 since Kafka 4.0): how long a batch waits for more records.
    pub linger_ms: Ms,
    /// `batch.size` (16384 bytes): a batch this full is sent at once.
    pub batch_size: u32,
    /// `partitioner.class`: sticky (built-in) or round robin.
    pub partitioner: PartitionerKind,
    /// `retry.backoff.ms` (100).
    pub retry_backoff_ms: Ms,
    /// `delivery.timeout.ms` (120000): after this, a batch fails for good.
    pub delivery_timeout_ms: Ms,
    /// `enable.idempotence` (true since 3.0): the broker recognises a retried batch by
    /// producer id and sequence and does not write it twice. Kafka turns it off silently
    /// when acks is not `all`, and so does the model.
    #[serde(default = "yes")]
    pub enable_idempotence: bool,
    /// `request.timeout.ms` (30000): how long the producer waits for an answer before it
    /// treats the request as lost and retries.
    #[serde(default = "default_request_timeout_ms")]
    pub request_timeout_ms: Ms,
}

pub(crate) fn yes() -> bool {
    true
}

pub(crate) fn default_request_timeout_ms() -> Ms {
    30_000
}

impl Default for ProducerConfig {
    /// Playground pace: batches linger long enough to be seen and hold a handful of records.
    fn default() -> Self {
        ProducerConfig {
            linger_ms: 300,
            batch_size: 256,
            retry_backoff_ms: 1000,
            delivery_timeout_ms: 30_000,
            request_timeout_ms: 5_000,
            ..Self::kafka_defaults()
        }
    }
}

impl ProducerConfig {
    pub fn kafka_defaults() -> Self {
        ProducerConfig {
            acks: Acks::All,
            linger_ms: 5,
            batch_size: 16_384,
            partitioner: PartitionerKind::Sticky,
            retry_backoff_ms: 100,
            delivery_timeout_ms: 120_000,
            enable_idempotence: true,
            request_timeout_ms: 30_000,
        }
    }

    pub fn with_idempotence(mut self, enable: bool) -> Self {
        self.enable_idempotence = enable;
        self
    }

    /// Whether the broker deduplicates this producer's retries (idempotence needs acks=all).
    pub fn idempotent(&self) -> bool {
        self.enable_idempotence && self.acks == Acks::All
    }

    pub fn with_acks(mut self, acks: Acks) -> Self {
        self.acks = acks;
        self
    }

    pub fn validate(&self) -> Result<(), ModelError> {
        ModelError::check_ms("linger.ms", self.linger_ms)?;
        ModelError::check_ms("retry.backoff.ms", self.retry_backoff_ms)?;
        ModelError::check_ms("delivery.timeout.ms", self.delivery_timeout_ms)?;
        ModelError::check_ms("request.timeout.ms", self.request_timeout_ms)?;
        if self.batch_size == 0 {
            return Err(ModelError::config("batch.size", "must be at least 1 byte"));
        }
        if self.delivery_timeout_ms < self.linger_ms {
            return Err(ModelError::config(
                "delivery.timeout.ms",
                "must be at least linger.ms",
            ));
        }
        if self.request_timeout_ms == 0 {
            return Err(ModelError::config(
                "request.timeout.ms",
                "must be at least 1 ms",
            ));
        }
        if self.retry_backoff_ms == 0 {
            return Err(ModelError::config(
                "retry.backoff.ms",
                "must be at least 1 ms",
            ));
        }
        Ok(())
    }
}

/// Which keys an auto-producer puts on its records.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeyPattern {
    /// No key: the partitioner spreads records.
    None,
    /// Always the same key: every record lands on one partition, in order.
    Fixed(String),
    /// The keys in turn.
    Cycling(Vec<String>),
    /// A key drawn from the set by the seeded generator.
    Random(Vec<String>),
}

/// A producer that sends on its own as time passes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AutoProduce {
    pub topic: String,
    pub records_per_sec: f64,
    pub keys: KeyPattern,
}

impl AutoProduce {
    pub fn validate(&self) -> Result<(), ModelError> {
        if !(self.records_per_sec > 0.0 && self.records_per_sec <= MAX_RECORDS_PER_SEC) {
            return Err(ModelError::config(
                "records_per_sec",
                // A whole number, written as one: no float formatter for the page.
                format!("must be above 0 and at most {}", MAX_RECORDS_PER_SEC as u32),
            ));
        }
        match &self.keys {
            KeyPattern::Cycling(keys) | KeyPattern::Random(keys) if keys.is_empty() => {
                Err(ModelError::config("keys", "needs at least one key"))
            }
            _ => Ok(()),
        }
    }

    /// Time between two records, at least 1 ms.
    pub fn interval_ms(&self) -> Ms {
        ((1000.0 / self.records_per_sec).round() as Ms).max(1)
    }
}

/// A batch still filling in the producer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenBatch {
    pub batch_id: u64,
    pub created_ms: Ms,
    pub size_bytes: u32,
    pub records: Vec<PendingRecord>,
}

/// A batch sent (or being retried) to a leader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InFlightBatch {
    pub batch_id: u64,
    pub partition: TopicPartition,
    /// Shared with the `ProduceSent` happening and the acks waiting for it.
    pub records: Arc<[PendingRecord]>,
    pub acks: Acks,
    pub first_sent_ms: Ms,
    pub attempt: u32,
}

/// What a producer has achieved so far, for the UI's counters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProducerStats {
    pub records_sent: u64,
    pub records_acked: u64,
    pub records_failed: u64,
    pub batches_in_flight: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Producer {
    pub id: ProducerId,
    pub client_id: String,
    pub config: ProducerConfig,
    pub auto: Option<AutoProduce>,
    pub stats: ProducerStats,
    /// Open batches per partition (the record accumulator).
    #[serde(with = "crate::serde_pairs")]
    pub(crate) batches: SortedMap<TopicPartition, OpenBatch>,
    /// One sticky partitioner per topic.
    pub(crate) sticky: SortedMap<String, StickyPartitioner>,
    pub(crate) round_robin: RoundRobinPartitioner,
    /// Bumps when auto-production changes, so the old schedule of ticks stops.
    pub(crate) auto_epoch: u64,
    pub(crate) auto_seq: u64,
    /// An idempotent producer's batches sent to each partition, in send order, from the
    /// oldest one not yet resolved (acknowledged, or failed for good) on; `true` once
    /// resolved. See [`SEND_WINDOW`].
    #[serde(default, with = "crate::serde_pairs")]
    pub(crate) send_window: SortedMap<TopicPartition, Vec<(u64, bool)>>,
    /// Closed batches of an idempotent producer waiting for room in their partition's
    /// send window, oldest first.
    #[serde(default, with = "crate::serde_pairs")]
    pub(crate) held: SortedMap<TopicPartition, Vec<InFlightBatch>>,
}

/// How many batches an idempotent producer sends to a partition counting from its oldest
/// unresolved one: five, Kafka's `max.in.flight.requests.per.connection` limit for
/// idempotence and the five batches a leader remembers per producer
/// (`ProducerStateEntry.NUM_BATCHES_TO_RETAIN`). Kafka's broker also refuses a batch whose
/// sequence does not follow the last one (`OUT_OF_ORDER_SEQUENCE_NUMBER`,
/// `ProducerAppendInfo`), so an old batch's retry is never written again; the model has no
/// sequence numbers and keeps the same promise from the producer's side: every batch the
/// leader wrote after an unresolved one is among the next four sent, so the leader still
/// remembers the unresolved one when its retry comes.
pub const SEND_WINDOW: usize = 5;

impl Producer {
    pub fn new(id: ProducerId, client_id: String, config: ProducerConfig) -> Self {
        Producer {
            id,
            client_id,
            config,
            auto: None,
            stats: ProducerStats::default(),
            batches: SortedMap::new(),
            sticky: SortedMap::new(),
            round_robin: RoundRobinPartitioner::new(),
            auto_epoch: 0,
            auto_seq: 0,
            send_window: SortedMap::new(),
            held: SortedMap::new(),
        }
    }

    /// Records waiting in the accumulator, per partition.
    pub fn open_batches(&self) -> impl Iterator<Item = (&TopicPartition, &OpenBatch)> {
        self.batches.iter()
    }

    /// The partition unkeyed records of `topic` currently stick to.
    pub fn sticky_partition(&self, topic: &str) -> Option<u32> {
        self.sticky.get(topic).and_then(|s| s.current())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_produce_rate_becomes_an_interval_and_bad_rates_are_refused() {
        let auto = AutoProduce {
            topic: "t".into(),
            records_per_sec: 4.0,
            keys: KeyPattern::None,
        };
        assert_eq!(auto.interval_ms(), 250);
        let bad = AutoProduce {
            records_per_sec: 0.0,
            ..auto.clone()
        };
        assert_eq!(bad.validate().unwrap_err().code(), "invalid_config");
        let no_keys = AutoProduce {
            keys: KeyPattern::Cycling(vec![]),
            ..auto
        };
        assert!(no_keys.validate().is_err());
    }

    #[test]
    fn kafka_defaults_are_acks_all_and_sticky() {
        let k = ProducerConfig::kafka_defaults();
        assert_eq!((k.acks, k.linger_ms, k.batch_size), (Acks::All, 5, 16_384));
        assert_eq!(ProducerConfig::default().acks, Acks::All);
    }
}
