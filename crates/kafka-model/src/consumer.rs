//! Consumer configuration, positions, and the standalone consumer (no group).
//!
//! A position is the offset of the next record to read; a committed offset is a position
//! saved in the group. They differ: a consumer that crashes loses its position, and the
//! next owner starts from the committed offset, re-reading what came after.

use crate::assignor::AssignmentStrategy;
use crate::collections::SortedMap;
use crate::error::ModelError;
use crate::schedule::Ms;
use crate::TopicPartition;
use serde::{Deserialize, Serialize};

pub type ConsumerId = u32;

/// `auto.offset.reset`: where to start when there is no committed offset, or the position
/// fell out of the log.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AutoOffsetReset {
    /// The log start offset: read everything still kept.
    Earliest,
    /// The high watermark: only records written from now on. Kafka's default.
    Latest,
    /// Stop with NoOffsetForPartition until the application seeks.
    None,
}

/// Where a seek (or an offset reset) moves a position to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SeekTo {
    Earliest,
    Latest,
    Offset(u64),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsumerConfig {
    /// `partition.assignment.strategy` ([Range, CooperativeSticky] in Kafka; Range wins).
    pub partition_assignment_strategy: AssignmentStrategy,
    /// `enable.auto.commit` (true).
    pub enable_auto_commit: bool,
    /// `auto.commit.interval.ms` (5000).
    pub auto_commit_interval_ms: Ms,
    /// `auto.offset.reset` (latest).
    pub auto_offset_reset: AutoOffsetReset,
    /// `session.timeout.ms` (45000): silence this long and the coordinator expels a member.
    pub session_timeout_ms: Ms,
    /// `heartbeat.interval.ms` (3000).
    pub heartbeat_interval_ms: Ms,
    /// `max.poll.records` (500): the most records one fetch hands over.
    pub max_poll_records: u32,
}

impl Default for ConsumerConfig {
    /// Kafka's defaults with the timeouts scaled so a crash is noticed while you watch.
    fn default() -> Self {
        ConsumerConfig {
            session_timeout_ms: 10_000,
            heartbeat_interval_ms: 1_000,
            max_poll_records: 50,
            ..Self::kafka_defaults()
        }
    }
}

impl ConsumerConfig {
    pub fn kafka_defaults() -> Self {
        ConsumerConfig {
            partition_assignment_strategy: AssignmentStrategy::Range,
            enable_auto_commit: true,
            auto_commit_interval_ms: 5_000,
            auto_offset_reset: AutoOffsetReset::Latest,
            session_timeout_ms: 45_000,
            heartbeat_interval_ms: 3_000,
            max_poll_records: 500,
        }
    }

    pub fn with_strategy(mut self, strategy: AssignmentStrategy) -> Self {
        self.partition_assignment_strategy = strategy;
        self
    }

    pub fn with_offset_reset(mut self, reset: AutoOffsetReset) -> Self {
        self.auto_offset_reset = reset;
        self
    }

    pub fn validate(&self) -> Result<(), ModelError> {
        ModelError::check_ms("auto.commit.interval.ms", self.auto_commit_interval_ms)?;
        ModelError::check_ms("session.timeout.ms", self.session_timeout_ms)?;
        ModelError::check_ms("heartbeat.interval.ms", self.heartbeat_interval_ms)?;
        if self.heartbeat_interval_ms == 0 {
            return Err(ModelError::config(
                "heartbeat.interval.ms",
                "must be at least 1 ms",
            ));
        }
        if self.heartbeat_interval_ms >= self.session_timeout_ms {
            return Err(ModelError::config(
                "heartbeat.interval.ms",
                "must be lower than session.timeout.ms",
            ));
        }
        if self.auto_commit_interval_ms == 0 {
            return Err(ModelError::config(
                "auto.commit.interval.ms",
                "must be at least 1 ms",
            ));
        }
        if self.max_poll_records == 0 {
            return Err(ModelError::config("max.poll.records", "must be at least 1"));
        }
        Ok(())
    }
}

/// Who consumes: a member of a group, or a standalone consumer. The names are shared, not
/// copied: every record delivered carries who it went to, and a clone is a reference count.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ConsumerRef {
    Member {
        group: std::sync::Arc<str>,
        member: std::sync::Arc<str>,
    },
    Standalone(ConsumerId),
}

/// A consumer's reading state for one partition it owns.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartitionCursor {
    /// The next offset to read; `None` while no starting point is known (auto.offset.reset=none).
    pub position: Option<u64>,
    /// Bumps whenever the fetch loop restarts (seek, reassignment), so replies to older
    /// fetches are dropped instead of moving the position twice.
    pub(crate) token: u64,
}

/// A consumer without a group: reads the partitions it is told to, commits nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consumer {
    pub id: ConsumerId,
    pub client_id: String,
    pub config: ConsumerConfig,
    #[serde(with = "crate::serde_pairs")]
    pub assignment: SortedMap<TopicPartition, PartitionCursor>,
    pub records_delivered: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heartbeat_must_be_shorter_than_the_session() {
        let c = ConsumerConfig {
            heartbeat_interval_ms: 10_000,
            ..ConsumerConfig::default()
        };
        let e = c.validate().unwrap_err();
        assert_eq!(
            e,
            ModelError::config(
                "heartbeat.interval.ms",
                "must be lower than session.timeout.ms"
            )
        );
    }

    #[test]
    fn kafka_defaults_match_the_documentation() {
        let k = ConsumerConfig::kafka_defaults();
        assert_eq!(
            (
                k.session_timeout_ms,
                k.heartbeat_interval_ms,
                k.auto_commit_interval_ms
            ),
            (45_000, 3_000, 5_000)
        );
        assert_eq!(k.auto_offset_reset, AutoOffsetReset::Latest);
        assert!(k.enable_auto_commit);
    }
}
