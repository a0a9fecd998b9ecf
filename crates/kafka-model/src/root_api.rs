//! The crate-root API in plain shapes — strings and `(topic, partition)` pairs — for callers
//! that want Kafka's algorithms without the simulation: `murmur2`, `partition_for_key`,
//! `validate_topic_name`, `Strategy` and `assign`. These names and shapes are fixed (other
//! code and checks call them); they delegate to `partitioner`, `topic_name` and `assignor`.

use crate::assignor::{self, AssignmentStrategy};
use crate::error::ModelError;
use crate::TopicPartition;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use crate::partitioner::{murmur2, partition_for_key};

/// `partition.assignment.strategy`: Range, RoundRobin, Sticky or CooperativeSticky.
pub type Strategy = AssignmentStrategy;

/// One member of a group and the topics it subscribes to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberSubscription {
    pub member_id: String,
    pub topics: Vec<String>,
}

/// Member id → its partitions as sorted `(topic, partition)` pairs; every member is present.
pub type Assignment = BTreeMap<String, Vec<(String, u32)>>;

/// Kafka's topic-name rules (`Topic.validate`), as a `ModelError::InvalidTopic`.
pub fn validate_topic_name(name: &str) -> Result<(), ModelError> {
    crate::topic_name::validate(name).map_err(ModelError::from)
}

/// The assignment a group settles on. `previous` is who owned what before (the sticky
/// strategies keep it where balance allows; Range and RoundRobin ignore it).
///
/// For CooperativeSticky this is the *settled* assignment: the cooperative protocol reaches
/// it in two rounds (moving partitions are first revoked, then assigned in a follow-up
/// rebalance), and the consumer-group model shows both rounds; the partitions each member
/// ends up owning are the sticky assignor's, which is what this returns.
pub fn assign(
    strategy: Strategy,
    members: &[MemberSubscription],
    partitions_per_topic: &BTreeMap<String, u32>,
    previous: Option<&Assignment>,
) -> Assignment {
    let strategy = match strategy {
        Strategy::CooperativeSticky => Strategy::Sticky,
        other => other,
    };
    let subscriptions: Vec<assignor::MemberSubscription> = members
        .iter()
        .map(|m| assignor::MemberSubscription {
            member_id: m.member_id.clone(),
            group_instance_id: None,
            topics: m.topics.clone(),
            owned: previous
                .and_then(|p| p.get(&m.member_id))
                .map(|owned| {
                    owned
                        .iter()
                        .map(|(t, p)| TopicPartition::new(t.clone(), *p))
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect();
    // The model's own map type inside; the reference API's `BTreeMap` at the boundary.
    let topics: crate::collections::SortedMap<String, u32> = partitions_per_topic
        .iter()
        .map(|(topic, count)| (topic.clone(), *count))
        .collect();
    assignor::assign(strategy, &topics, &subscriptions)
        .assignment
        .into_iter()
        .map(|(member, tps)| {
            (
                member,
                tps.into_iter()
                    .map(|tp| (tp.topic.to_string(), tp.partition))
                    .collect(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members(spec: &[(&str, &[&str])]) -> Vec<MemberSubscription> {
        spec.iter()
            .map(|(id, topics)| MemberSubscription {
                member_id: id.to_string(),
                topics: topics.iter().map(|t| t.to_string()).collect(),
            })
            .collect()
    }

    fn topics(spec: &[(&str, u32)]) -> BTreeMap<String, u32> {
        spec.iter().map(|(t, n)| (t.to_string(), *n)).collect()
    }

    /// RangeAssignorTest.testTwoConsumersOneTopicThreePartitions
    /// (clients/src/test/java/org/apache/kafka/clients/consumer/RangeAssignorTest.java).
    #[test]
    fn range_in_plain_shapes_matches_kafka_test() {
        let out = assign(
            Strategy::Range,
            &members(&[("consumer1", &["t"]), ("consumer2", &["t"])]),
            &topics(&[("t", 3)]),
            None,
        );
        assert_eq!(
            out["consumer1"],
            vec![("t".to_string(), 0), ("t".to_string(), 1)]
        );
        assert_eq!(out["consumer2"], vec![("t".to_string(), 2)]);
    }

    #[test]
    fn cooperative_sticky_returns_the_settled_assignment_keeping_previous_owners() {
        let ms = members(&[("a", &["t"]), ("b", &["t"]), ("c", &["t"])]);
        let ppt = topics(&[("t", 6)]);
        let mut previous = Assignment::new();
        previous.insert("a".into(), (0..3).map(|p| ("t".to_string(), p)).collect());
        previous.insert("b".into(), (3..6).map(|p| ("t".to_string(), p)).collect());
        let out = assign(Strategy::CooperativeSticky, &ms, &ppt, Some(&previous));
        // Balanced: 2 each, and a and b keep two of what they had.
        assert!(out.values().all(|v| v.len() == 2), "{out:?}");
        assert!(
            out["a"].iter().all(|tp| previous["a"].contains(tp)),
            "{out:?}"
        );
        assert!(
            out["b"].iter().all(|tp| previous["b"].contains(tp)),
            "{out:?}"
        );
    }

    #[test]
    fn validate_topic_name_reports_a_model_error() {
        assert!(validate_topic_name("orders").is_ok());
        let err = validate_topic_name("..").unwrap_err();
        assert!(err.to_string().contains(".."), "{err}");
    }

    #[test]
    fn murmur2_reexport_matches_utils_test_vectors_and_kafkas_partition_rule() {
        // Kafka's UtilsTest.testMurmur2 vectors, and what Kafka's keyed partitioner makes of
        // them: toPositive(murmur2(key)) % n, toPositive clearing the sign bit (h & 0x7fffffff),
        // worked out by hand from the vectors, e.g. "21": -973932308 & 0x7fffffff = 1173551340,
        // and 1173551340 % 7 = 3.
        let cases: [(&[u8], i32, u32, [u32; 4]); 4] = [
            (b"21", -973_932_308, 1_173_551_340, [0, 0, 3, 0]),
            (b"foobar", -790_332_482, 1_357_151_166, [0, 0, 0, 6]),
            (
                b"a-little-bit-longer-string",
                -1_486_304_829,
                661_178_819,
                [2, 5, 0, 11],
            ),
            (b"abc", 479_470_107, 479_470_107, [0, 3, 4, 3]),
        ];
        for (key, hash, positive, partitions) in cases {
            let key_text = String::from_utf8_lossy(key);
            assert_eq!(murmur2(key), hash, "murmur2({key_text})");
            assert_eq!(
                murmur2(key) as u32 & 0x7fff_ffff,
                positive,
                "toPositive({key_text})"
            );
            for (n, want) in [3, 6, 7, 12].into_iter().zip(partitions) {
                assert_eq!(
                    partition_for_key(key, n),
                    want,
                    "{key_text} among {n} partitions"
                );
            }
        }
    }
}
