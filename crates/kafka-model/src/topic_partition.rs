//! The name of one partition of one topic, Kafka's `TopicPartition`.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;
use std::sync::Arc;

/// One partition of one topic. Orders by topic name, then partition number — the order
/// Kafka's RoundRobinAssignor deals partitions in.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TopicPartition {
    /// Shared, not copied: a partition's name goes into every happening about it (one per
    /// record queued and per record delivered), and a clone is a reference count.
    pub topic: Arc<str>,
    pub partition: u32,
}

impl TopicPartition {
    pub fn new(topic: impl AsRef<str>, partition: u32) -> Self {
        Self {
            topic: topic.as_ref().into(),
            partition,
        }
    }
}

/// The derived order, with a shortcut: two clones of one name are equal without comparing
/// their bytes (a map keyed by partition mostly meets the name it was given).
impl Ord for TopicPartition {
    fn cmp(&self, other: &Self) -> Ordering {
        let topic = if Arc::ptr_eq(&self.topic, &other.topic) {
            Ordering::Equal
        } else {
            self.topic.cmp(&other.topic)
        };
        topic.then(self.partition.cmp(&other.partition))
    }
}

impl PartialOrd for TopicPartition {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// `orders-2`, the way Kafka's tools print a partition.
impl fmt::Display for TopicPartition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.topic, self.partition)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_by_topic_then_partition_and_prints_like_kafka() {
        let mut v = [
            TopicPartition::new("b", 0),
            TopicPartition::new("a", 10),
            TopicPartition::new("a", 2),
        ];
        v.sort();
        assert_eq!(
            v.iter().map(|tp| tp.to_string()).collect::<Vec<_>>(),
            ["a-2", "a-10", "b-0"]
        );
    }
}
