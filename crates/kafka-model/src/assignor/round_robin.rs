//! `RoundRobinAssignor`: all partitions of all subscribed topics, sorted by topic then
//! partition, dealt one at a time over the members in Kafka's member order, going round in a
//! circle and skipping a member not subscribed to the partition's topic. With equal
//! subscriptions the counts differ by at most one; with unequal ones they may not.
//!
//! Source: `clients/src/main/java/org/apache/kafka/clients/consumer/RoundRobinAssignor.java`.

use super::{empty_assignment, sorted_members, subscribes, Assignment, MemberSubscription};
use crate::collections::SortedMap;
use crate::TopicPartition;

pub(super) fn assign(
    topics: &SortedMap<String, u32>,
    members: &[MemberSubscription],
) -> Assignment {
    let mut assignment = empty_assignment(members);
    let circle = sorted_members(members);
    if circle.is_empty() {
        return assignment;
    }
    // Kafka's CircularIterator over the sorted members; it survives from topic to topic.
    let mut next = 0;
    // A SortedMap iterates topics in name order, as Kafka's TreeSet does.
    for (topic, &num_partitions) in topics {
        // Every topic here has a subscriber, so the skipping below ends within one turn.
        if !circle.iter().any(|m| subscribes(m, topic)) {
            continue;
        }
        for partition in 0..num_partitions {
            while !subscribes(circle[next], topic) {
                next = (next + 1) % circle.len();
            }
            let member = &circle[next].member_id;
            assignment
                .entry(member.clone())
                .or_default()
                .push(TopicPartition::new(topic.clone(), partition));
            next = (next + 1) % circle.len();
        }
    }
    assignment
}

#[cfg(test)]
mod tests {
    use crate::assignor::tests::{member, parts, run, static_member, topics};
    use crate::assignor::AssignmentStrategy::RoundRobin;

    // Cases ported from clients/src/test/java/org/apache/kafka/clients/consumer/RoundRobinAssignorTest.java
    // and the examples in RoundRobinAssignor's Javadoc.

    #[test]
    fn round_robin_deals_partitions_in_turn_across_topics() {
        // testTwoConsumersTwoTopicsSixPartitions: C1 [t1-0, t1-2, t2-1], C2 [t1-1, t2-0, t2-2]
        let out = run(
            RoundRobin,
            &topics(&[("topic1", 3), ("topic2", 3)]),
            &[
                member("consumer1", &["topic1", "topic2"]),
                member("consumer2", &["topic1", "topic2"]),
            ],
        );
        assert_eq!(
            out.assignment["consumer1"],
            parts(&[("topic1", 0), ("topic1", 2), ("topic2", 1)])
        );
        assert_eq!(
            out.assignment["consumer2"],
            parts(&[("topic1", 1), ("topic2", 0), ("topic2", 2)])
        );
    }

    #[test]
    fn round_robin_skips_members_not_subscribed_to_the_topic() {
        // testMultipleConsumersMixedTopics
        let out = run(
            RoundRobin,
            &topics(&[("topic1", 3), ("topic2", 2)]),
            &[
                member("consumer1", &["topic1"]),
                member("consumer2", &["topic1", "topic2"]),
                member("consumer3", &["topic1"]),
            ],
        );
        assert_eq!(out.assignment["consumer1"], parts(&[("topic1", 0)]));
        assert_eq!(
            out.assignment["consumer2"],
            parts(&[("topic1", 1), ("topic2", 0), ("topic2", 1)])
        );
        assert_eq!(out.assignment["consumer3"], parts(&[("topic1", 2)]));
    }

    #[test]
    fn round_robin_can_be_unbalanced_with_unequal_subscriptions() {
        // Javadoc: C0 [t0], C1 [t0, t1], C2 [t0, t1, t2]; t0, t1, t2 have 1, 2, 3 partitions.
        let out = run(
            RoundRobin,
            &topics(&[("t0", 1), ("t1", 2), ("t2", 3)]),
            &[
                member("C0", &["t0"]),
                member("C1", &["t0", "t1"]),
                member("C2", &["t0", "t1", "t2"]),
            ],
        );
        assert_eq!(out.assignment["C0"], parts(&[("t0", 0)]));
        assert_eq!(out.assignment["C1"], parts(&[("t1", 0)]));
        assert_eq!(
            out.assignment["C2"],
            parts(&[("t1", 1), ("t2", 0), ("t2", 1), ("t2", 2)])
        );
    }

    #[test]
    fn round_robin_single_partition_goes_to_the_first_member() {
        // testTwoConsumersOneTopicOnePartition
        let out = run(
            RoundRobin,
            &topics(&[("topic", 1)]),
            &[
                member("consumer1", &["topic"]),
                member("consumer2", &["topic"]),
            ],
        );
        assert_eq!(out.assignment["consumer1"], parts(&[("topic", 0)]));
        assert_eq!(out.assignment["consumer2"], parts(&[]));
    }

    #[test]
    fn round_robin_static_members_keep_their_partitions_across_new_member_ids() {
        // Javadoc: with instance ids I0..I2 the assignment is the same whatever the member ids.
        let t = topics(&[("t0", 3), ("t1", 3)]);
        let both = ["t0", "t1"];
        let before = run(
            RoundRobin,
            &t,
            &[
                static_member("C0", "I0", &both),
                static_member("C1", "I1", &both),
                static_member("C2", "I2", &both),
            ],
        );
        let after = run(
            RoundRobin,
            &t,
            &[
                static_member("C5", "I0", &both),
                static_member("C3", "I1", &both),
                static_member("C4", "I2", &both),
            ],
        );
        assert_eq!(before.assignment["C0"], parts(&[("t0", 0), ("t1", 0)]));
        assert_eq!(after.assignment["C5"], before.assignment["C0"]);
        assert_eq!(after.assignment["C3"], before.assignment["C1"]);
        assert_eq!(after.assignment["C4"], before.assignment["C2"]);
    }
}
