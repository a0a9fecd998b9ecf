//! The end-to-end pipeline the benchmark and the memory probe share.
//!
//! One topic of 6 partitions, one group of 3 consumers (auto commit, `auto.offset.reset =
//! earliest`) and one producer, at Kafka's pace (`Timing::kafka()`: 1 ms links) with
//! configs that batch many records: `batch.size` 1 MiB, `linger.ms` 5, `max.poll.records`
//! 100 000, and retention off (every record stays in its log). The playground's own pace
//! is hundreds of ms per message; the model does the same work per record either way, only
//! the batching differs, so this measures the model's cost per record, not the network's.
#![allow(dead_code)]

use kafka_model::*;

pub const TOPIC: &str = "orders";
pub const GROUP: &str = "billing";
pub const PARTITIONS: u32 = 6;
pub const CONSUMERS: usize = 3;
/// Records handed to the producer between two `advance` calls.
pub const CHUNK: usize = 10_000;
/// Simulated time per `advance` between chunks: enough for linger, the flight to the
/// leader, replication (RF 3), and the fetch back to the consumer.
pub const STEP_MS: Ms = 50;
/// The value every record carries (16 bytes, as a small JSON event would).
pub const VALUE: &[u8] = b"{\"amount\":42.00}";

/// A pipeline ready to run: the members have joined and own two partitions each.
pub struct Pipeline {
    pub cluster: Cluster,
    pub producer: ProducerId,
}

/// The record number `i`: a distinct 8-byte key (spread over the partitions by murmur2)
/// and `VALUE`. Both the model and the bare-`Vec` reference build records with this.
pub fn record(i: usize) -> ProducerRecord {
    ProducerRecord {
        topic: TOPIC.to_string(),
        partition: None,
        key: Some((i as u64).to_be_bytes()[..].into()),
        value: Some(VALUE.into()),
        headers: Vec::new(),
    }
}

impl Pipeline {
    /// `replication_factor` 1 or 3 over 3 brokers; `acks` for the producer. With RF 3,
    /// `min.insync.replicas` is 2, as in a typical production topic.
    pub fn new(replication_factor: u32, acks: Acks) -> Self {
        let mut cluster = Cluster::with_timing(1, 3, Timing::kafka()).expect("valid cluster");
        let topic = TopicConfig {
            partitions: PARTITIONS,
            replication_factor,
            min_insync_replicas: replication_factor.min(2),
            retention_ms: None,
            retention_bytes: None,
            ..TopicConfig::kafka_defaults()
        };
        cluster.create_topic(TOPIC, topic).expect("topic");
        let consumer = ConsumerConfig {
            max_poll_records: 100_000,
            auto_commit_interval_ms: 1_000,
            ..ConsumerConfig::kafka_defaults()
        }
        .with_offset_reset(AutoOffsetReset::Earliest);
        cluster.create_group(GROUP, consumer).expect("group");
        for _ in 0..CONSUMERS {
            cluster
                .add_member(GROUP, "consumer", vec![TOPIC.into()])
                .expect("member");
        }
        let producer = cluster
            .create_producer(
                "bench",
                ProducerConfig {
                    batch_size: 1 << 20,
                    linger_ms: 5,
                    ..ProducerConfig::kafka_defaults()
                }
                .with_acks(acks),
            )
            .expect("producer");
        cluster.advance(1_000);
        let group = cluster.group(GROUP).expect("group");
        assert_eq!(group.state, GroupState::Stable, "the group settled");
        assert!(group.members.values().all(|m| m.assigned().count() == 2));
        Pipeline { cluster, producer }
    }

    /// Produces records `0..n` in chunks of `CHUNK`, advancing `STEP_MS` after each, then
    /// runs on until every record is delivered and an auto commit has saved the positions.
    pub fn run(&mut self, n: usize) {
        let mut start = 0;
        while start < n {
            let end = (start + CHUNK).min(n);
            for i in start..end {
                self.cluster
                    .produce(self.producer, record(i))
                    .expect("accepted");
            }
            drop(self.cluster.advance(STEP_MS));
            start = end;
        }
        // Replication and delivery catch up; then one auto-commit interval passes.
        drop(self.cluster.advance(2_500));
    }

    /// Records delivered to the group's members so far.
    pub fn delivered(&self) -> u64 {
        let group = self.cluster.group(GROUP).expect("group");
        group.members.values().map(|m| m.records_delivered).sum()
    }

    /// The sum of the group's committed offsets: the records it has committed.
    pub fn committed(&self) -> u64 {
        let group = self.cluster.group(GROUP).expect("group");
        group.committed.values().sum()
    }

    /// Panics unless all `n` records were appended, delivered once, and committed.
    pub fn assert_done(&self, n: usize) {
        let n = n as u64;
        let appended: u64 = self
            .cluster
            .topic(TOPIC)
            .expect("topic")
            .partitions
            .iter()
            .map(|p| p.log_end_offset())
            .sum();
        assert_eq!(appended, n, "appended");
        assert_eq!(self.delivered(), n, "delivered");
        assert_eq!(self.committed(), n, "committed");
    }
}
