//! Topics: a name, Kafka's per-topic configs, and the partitions.

use crate::error::ModelError;
use crate::log::{CleanerLimits, RetentionLimits, RollPolicy};
use crate::partition::Partition;
use crate::rng::SimRng;
use crate::schedule::Ms;
use serde::{Deserialize, Serialize};

/// The playground's ceiling on partitions per topic, so the stage stays drawable.
pub const MAX_PARTITIONS: u32 = 64;

/// Per-topic configuration, named after Kafka's topic configs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicConfig {
    /// `num.partitions` (broker default 1).
    pub partitions: u32,
    /// `default.replication.factor` (1).
    pub replication_factor: u32,
    /// `min.insync.replicas` (1): with acks=all, a write needs this many in-sync replicas.
    pub min_insync_replicas: u32,
    /// `retention.ms` (7 days); `None` is Kafka's -1, keep forever.
    pub retention_ms: Option<Ms>,
    /// `retention.bytes` per partition (Kafka: -1, unlimited). The playground caps it so a
    /// page left open for hours keeps a bounded log.
    pub retention_bytes: Option<u64>,
    /// `segment.bytes` (1 GiB in Kafka): retention deletes whole segments.
    pub segment_bytes: u64,
    /// `max.message.bytes` (1048588): the largest record batch the topic accepts.
    pub max_message_bytes: u32,
    /// `unclean.leader.election.enable` (false): with every in-sync replica gone, may an
    /// out-of-sync replica lead? The partition comes back, minus what that replica missed.
    pub unclean_leader_election_enable: bool,
    /// `cleanup.policy` (delete): delete old segments, compact by key, or both.
    #[serde(default)]
    pub cleanup_policy: CleanupPolicy,
    /// `delete.retention.ms` (24 h): how long a tombstone stays after compaction reaches it.
    #[serde(default = "default_delete_retention_ms")]
    pub delete_retention_ms: Ms,
    /// `segment.ms` (7 days): the active segment rolls once its first record is this old,
    /// even if not full. `None` never rolls by time.
    #[serde(default = "default_segment_ms")]
    pub segment_ms: Option<Ms>,
}

/// `cleanup.policy`: what happens to old records.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CleanupPolicy {
    /// Old segments are deleted by `retention.ms` / `retention.bytes`.
    #[default]
    Delete,
    /// Only the latest record per key is kept (and records must have a key).
    Compact,
    /// `compact,delete`: compacted, and old segments deleted too.
    CompactDelete,
}

impl CleanupPolicy {
    pub fn compacts(self) -> bool {
        matches!(self, CleanupPolicy::Compact | CleanupPolicy::CompactDelete)
    }

    pub fn deletes(self) -> bool {
        matches!(self, CleanupPolicy::Delete | CleanupPolicy::CompactDelete)
    }

    pub fn kafka_name(self) -> &'static str {
        match self {
            CleanupPolicy::Delete => "delete",
            CleanupPolicy::Compact => "compact",
            CleanupPolicy::CompactDelete => "compact,delete",
        }
    }
}

pub(crate) fn default_delete_retention_ms() -> Ms {
    24 * 60 * 60 * 1000
}

pub(crate) fn default_segment_ms() -> Option<Ms> {
    Some(7 * 24 * 60 * 60 * 1000)
}

impl Default for TopicConfig {
    /// Kafka's defaults, except the playground's bounded `retention.bytes` and small segments.
    fn default() -> Self {
        TopicConfig {
            retention_bytes: Some(32 * 1024),
            segment_bytes: 4 * 1024,
            ..Self::kafka_defaults()
        }
    }
}

impl TopicConfig {
    /// Exactly Kafka's documented defaults.
    pub fn kafka_defaults() -> Self {
        TopicConfig {
            partitions: 1,
            replication_factor: 1,
            min_insync_replicas: 1,
            retention_ms: Some(7 * 24 * 60 * 60 * 1000),
            retention_bytes: None,
            segment_bytes: 1024 * 1024 * 1024,
            max_message_bytes: 1_048_588,
            unclean_leader_election_enable: false,
            cleanup_policy: CleanupPolicy::Delete,
            delete_retention_ms: default_delete_retention_ms(),
            segment_ms: default_segment_ms(),
        }
    }

    pub fn with_min_insync_replicas(mut self, min_insync_replicas: u32) -> Self {
        self.min_insync_replicas = min_insync_replicas;
        self
    }

    pub fn with_unclean_leader_election(mut self, enable: bool) -> Self {
        self.unclean_leader_election_enable = enable;
        self
    }

    pub fn with_cleanup_policy(mut self, policy: CleanupPolicy) -> Self {
        self.cleanup_policy = policy;
        self
    }

    pub fn with_partitions(mut self, partitions: u32) -> Self {
        self.partitions = partitions;
        self
    }

    pub fn with_replication_factor(mut self, replication_factor: u32) -> Self {
        self.replication_factor = replication_factor;
        self
    }

    /// Checks what does not depend on the cluster (live brokers are checked at creation).
    pub fn validate(&self) -> Result<(), ModelError> {
        if self.partitions == 0 || self.partitions > MAX_PARTITIONS {
            return Err(ModelError::InvalidPartitions {
                requested: self.partitions,
                minimum: 1,
                maximum: MAX_PARTITIONS,
            });
        }
        if self.replication_factor == 0 {
            return Err(ModelError::InvalidReplicationFactor {
                requested: 0,
                available_brokers: 0,
            });
        }
        if self.min_insync_replicas == 0 {
            return Err(ModelError::config(
                "min.insync.replicas",
                "must be at least 1",
            ));
        }
        if self.segment_bytes < 14 {
            return Err(ModelError::config(
                "segment.bytes",
                "must be at least 14 bytes",
            ));
        }
        if self.max_message_bytes == 0 {
            return Err(ModelError::config(
                "max.message.bytes",
                "must be at least 1 byte",
            ));
        }
        if self.segment_ms == Some(0) {
            return Err(ModelError::config(
                "segment.ms",
                "must be positive, or unset for no limit",
            ));
        }
        if self.retention_ms == Some(0) {
            return Err(ModelError::config(
                "retention.ms",
                "must be positive, or unset for no limit",
            ));
        }
        Ok(())
    }

    /// min(min.insync.replicas, replication factor): the ISR size a write needs.
    pub fn effective_min_isr(&self) -> u32 {
        self.min_insync_replicas.min(self.replication_factor)
    }

    pub(crate) fn roll_policy(&self) -> RollPolicy {
        RollPolicy {
            segment_bytes: self.segment_bytes,
            segment_ms: self.segment_ms,
        }
    }

    pub(crate) fn cleaner_limits(&self) -> CleanerLimits {
        CleanerLimits {
            delete_retention_ms: self.delete_retention_ms,
        }
    }

    pub(crate) fn retention_limits(&self) -> RetentionLimits {
        RetentionLimits {
            retention_bytes: self.retention_bytes,
            retention_ms: self.retention_ms,
            segment_bytes: self.segment_bytes,
        }
    }

    /// The configs as Kafka names and prints them (`kafka-configs --describe`).
    pub fn entries(&self) -> Vec<(&'static str, String)> {
        let opt = |v: Option<u64>| v.map_or("-1".to_string(), |v| v.to_string());
        vec![
            ("partitions", self.partitions.to_string()),
            ("replication.factor", self.replication_factor.to_string()),
            ("min.insync.replicas", self.min_insync_replicas.to_string()),
            ("retention.ms", opt(self.retention_ms)),
            ("retention.bytes", opt(self.retention_bytes)),
            ("segment.bytes", self.segment_bytes.to_string()),
            ("max.message.bytes", self.max_message_bytes.to_string()),
            (
                "unclean.leader.election.enable",
                self.unclean_leader_election_enable.to_string(),
            ),
            (
                "cleanup.policy",
                self.cleanup_policy.kafka_name().to_string(),
            ),
            ("delete.retention.ms", self.delete_retention_ms.to_string()),
            ("segment.ms", opt(self.segment_ms)),
        ]
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub name: String,
    /// Kafka's topic id: a recreated topic of the same name is a different topic.
    pub topic_id: u64,
    pub config: TopicConfig,
    pub partitions: Vec<Partition>,
}

impl Topic {
    pub fn partition(&self, partition: u32) -> Option<&Partition> {
        self.partitions.get(partition as usize)
    }

    pub fn partition_count(&self) -> u32 {
        self.partitions.len() as u32
    }

    /// Partitions that have a leader now (`availablePartitionsForTopic`).
    pub fn available_partitions(&self) -> Vec<u32> {
        self.partitions
            .iter()
            .filter(|p| p.leader.is_some())
            .map(|p| p.id)
            .collect()
    }
}

/// Kafka's rack-unaware replica placement (`AdminUtils.assignReplicasToBrokersRackUnaware`):
/// first replicas go round robin from a random start so leaders spread evenly; followers are
/// shifted so no two partitions share the same replica list pattern. The first replica of
/// each list is the preferred leader.
pub fn place_replicas(
    brokers: &[u32],
    first_partition: u32,
    count: u32,
    replication_factor: u32,
    rng: &mut SimRng,
) -> Vec<Vec<u32>> {
    let n = brokers.len();
    let start_index = rng.below(n as u64) as usize;
    let mut next_replica_shift = rng.below(n as u64) as usize;
    let mut placed = Vec::with_capacity(count as usize);
    for partition in first_partition..first_partition + count {
        let partition = partition as usize;
        if partition > 0 && partition % n == 0 {
            next_replica_shift += 1;
        }
        let first = (partition + start_index) % n;
        let mut replicas = vec![brokers[first]];
        for j in 0..replication_factor.saturating_sub(1) as usize {
            let shift = 1 + (next_replica_shift + j) % (n - 1);
            replicas.push(brokers[(first + shift) % n]);
        }
        placed.push(replicas);
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placement_balances_leaders_and_never_repeats_a_broker_in_a_list() {
        let mut rng = SimRng::new(3);
        let placed = place_replicas(&[1, 2, 3], 0, 6, 3, &mut rng);
        for replicas in &placed {
            let mut sorted = replicas.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), 3, "{replicas:?}");
        }
        for broker in 1..=3 {
            assert_eq!(
                placed.iter().filter(|r| r[0] == broker).count(),
                2,
                "{placed:?}"
            );
        }
    }

    #[test]
    fn playground_defaults_differ_from_kafka_only_in_log_size() {
        let (p, k) = (TopicConfig::default(), TopicConfig::kafka_defaults());
        assert_eq!(
            (p.partitions, p.replication_factor, p.min_insync_replicas),
            (1, 1, 1)
        );
        assert_eq!(k.retention_bytes, None);
        assert!(p.retention_bytes.is_some());
        assert_eq!(
            TopicConfig {
                retention_bytes: None,
                segment_bytes: k.segment_bytes,
                ..p
            },
            k
        );
    }

    #[test]
    fn zero_partitions_is_refused_with_the_allowed_range() {
        let e = TopicConfig::default()
            .with_partitions(0)
            .validate()
            .unwrap_err();
        assert_eq!(
            e,
            ModelError::InvalidPartitions {
                requested: 0,
                minimum: 1,
                maximum: MAX_PARTITIONS
            }
        );
    }
}
