//! `RangeAssignor`: each topic on its own, its partitions cut into contiguous ranges over the
//! members subscribed to it, in Kafka's member order; the first `P % C` members get one more.
//! Because every topic starts again from the first member, the first members end up with
//! the most partitions when several topics don't divide evenly.
//!
//! Source: `clients/src/main/java/org/apache/kafka/clients/consumer/RangeAssignor.java`
//! (without rack information, which the model does not have).

use super::{empty_assignment, sorted_members, subscribes, Assignment, MemberSubscription};
use crate::collections::SortedMap;
use crate::TopicPartition;

pub(super) fn assign(
    topics: &SortedMap<String, u32>,
    members: &[MemberSubscription],
) -> Assignment {
    let mut assignment = empty_assignment(members);
    let sorted = sorted_members(members);
    for (topic, &num_partitions) in topics {
        let consumers: Vec<&MemberSubscription> = sorted
            .iter()
            .copied()
            .filter(|m| subscribes(m, topic))
            .collect();
        if consumers.is_empty() {
            continue;
        }
        let num_consumers = consumers.len() as u32;
        let per_consumer = num_partitions / num_consumers;
        let with_extra = num_partitions % num_consumers;
        for (i, member) in (0u32..).zip(consumers) {
            let start = per_consumer * i + i.min(with_extra);
            let length = per_consumer + u32::from(i < with_extra);
            let partitions = (start..start + length).map(|p| TopicPartition::new(topic.clone(), p));
            assignment
                .entry(member.member_id.clone())
                .or_default()
                .extend(partitions);
        }
    }
    assignment
}

#[cfg(test)]
mod tests {
    use crate::assignor::tests::{member, parts, run, static_member, topics};
    use crate::assignor::AssignmentStrategy::Range;

    // Cases ported from clients/src/test/java/org/apache/kafka/clients/consumer/RangeAssignorTest.java.

    #[test]
    fn range_one_consumer_gets_every_partition_of_its_topics_only() {
        // testOneConsumerOneTopic, testOnlyAssignsPartitionsFromSubscribedTopics
        let out = run(
            Range,
            &topics(&[("topic1", 3), ("other", 3)]),
            &[member("consumer1", &["topic1"])],
        );
        assert_eq!(
            out.assignment["consumer1"],
            parts(&[("topic1", 0), ("topic1", 1), ("topic1", 2)])
        );
    }

    #[test]
    fn range_ignores_topics_that_do_not_exist() {
        // testOneConsumerNonexistentTopic
        let out = run(Range, &topics(&[]), &[member("consumer1", &["topic1"])]);
        assert_eq!(out.assignment["consumer1"], parts(&[]));
    }

    #[test]
    fn range_gives_first_members_the_extra_partition() {
        // testTwoConsumersTwoTopicsSixPartitions: C0 [t1-0, t1-1, t2-0, t2-1], C1 [t1-2, t2-2]
        let out = run(
            Range,
            &topics(&[("topic1", 3), ("topic2", 3)]),
            &[
                member("consumer1", &["topic1", "topic2"]),
                member("consumer2", &["topic1", "topic2"]),
            ],
        );
        assert_eq!(
            out.assignment["consumer1"],
            parts(&[("topic1", 0), ("topic1", 1), ("topic2", 0), ("topic2", 1)])
        );
        assert_eq!(
            out.assignment["consumer2"],
            parts(&[("topic1", 2), ("topic2", 2)])
        );
    }

    #[test]
    fn range_counts_only_members_subscribed_to_the_topic() {
        // testMultipleConsumersMixedTopics
        let out = run(
            Range,
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
    fn range_leaves_extra_members_empty() {
        // testTwoConsumersOneTopicOnePartition
        let out = run(
            Range,
            &topics(&[("topic1", 1)]),
            &[
                member("consumer1", &["topic1"]),
                member("consumer2", &["topic1"]),
            ],
        );
        assert_eq!(out.assignment["consumer1"], parts(&[("topic1", 0)]));
        assert_eq!(out.assignment["consumer2"], parts(&[]));
    }

    #[test]
    fn range_orders_static_members_by_instance_id_before_member_id() {
        // testTwoStaticConsumersTwoTopicsSixPartitions and
        // testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions
        let t = topics(&[("topic1", 3), ("topic2", 3)]);
        let both = ["topic1", "topic2"];
        let low_first = parts(&[("topic1", 0), ("topic1", 1), ("topic2", 0), ("topic2", 1)]);
        let out = run(
            Range,
            &t,
            &[
                static_member("consumer-b", "instance1", &both),
                static_member("consumer-a", "instance2", &both),
            ],
        );
        assert_eq!(out.assignment["consumer-b"], low_first);
        let out = run(
            Range,
            &t,
            &[
                static_member("consumer-b", "instance1", &both),
                member("consumer-a", &both),
            ],
        );
        assert_eq!(out.assignment["consumer-b"], low_first);
        assert_eq!(
            out.assignment["consumer-a"],
            parts(&[("topic1", 2), ("topic2", 2)])
        );
    }

    #[test]
    fn range_keeps_static_members_ranges_when_a_dynamic_member_is_replaced() {
        // testStaticMemberRangeAssignmentPersistent
        let t = topics(&[("topic1", 5), ("topic2", 4)]);
        let both = ["topic1", "topic2"];
        let mut group = vec![
            static_member("consumer1", "instance1", &both),
            static_member("consumer2", "instance2", &both),
            static_member("consumer3", "instance3", &both),
            member("consumer4", &both),
        ];
        let out = run(Range, &t, &group);
        assert_eq!(
            out.assignment["consumer1"],
            parts(&[("topic1", 0), ("topic1", 1), ("topic2", 0)])
        );
        assert_eq!(
            out.assignment["consumer2"],
            parts(&[("topic1", 2), ("topic2", 1)])
        );
        assert_eq!(
            out.assignment["consumer3"],
            parts(&[("topic1", 3), ("topic2", 2)])
        );
        assert_eq!(
            out.assignment["consumer4"],
            parts(&[("topic1", 4), ("topic2", 3)])
        );
        group[3] = member("consumer5", &both);
        let again = run(Range, &t, &group);
        assert_eq!(again.assignment["consumer1"], out.assignment["consumer1"]);
        assert_eq!(
            again.assignment["consumer5"],
            parts(&[("topic1", 4), ("topic2", 3)])
        );
    }

    #[test]
    fn range_compares_member_ids_as_strings() {
        // "consumer-10" sorts before "consumer-2", so it gets the first range.
        let out = run(
            Range,
            &topics(&[("t", 2)]),
            &[member("consumer-2", &["t"]), member("consumer-10", &["t"])],
        );
        assert_eq!(out.assignment["consumer-10"], parts(&[("t", 0)]));
        assert_eq!(out.assignment["consumer-2"], parts(&[("t", 1)]));
    }
}
