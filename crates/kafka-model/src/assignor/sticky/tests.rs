//! Sticky and cooperative-sticky cases ported from Kafka's tests.

use super::java_hash_map_order;
use crate::assignor::tests::{member, owning, owning_result, parts, run, topics};
use crate::assignor::AssignmentStrategy::{CooperativeSticky, Sticky};
use crate::TopicPartition;

// Cases ported from clients/src/test/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignorTest.java
// (shared by StickyAssignorTest and CooperativeStickyAssignorTest), without racks.

#[test]
fn java_hash_map_order_matches_javas_bucket_order() {
    // "consumer1".."consumer4" hash to consecutive values landing in buckets 12, 11, 10, 9.
    assert_eq!(
        java_hash_map_order(["consumer1", "consumer2", "consumer3", "consumer4"]),
        ["consumer4", "consumer3", "consumer2", "consumer1"]
    );
}

#[test]
fn sticky_from_scratch_deals_like_round_robin_over_sorted_members() {
    // testTwoConsumersTwoTopicsSixPartitions
    let out = run(
        Sticky,
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
fn sticky_with_mixed_subscriptions_fills_least_loaded_members_first() {
    // testMultipleConsumersMixedTopicSubscriptions (the general algorithm)
    let out = run(
        Sticky,
        &topics(&[("topic1", 3), ("topic2", 2)]),
        &[
            member("consumer1", &["topic1"]),
            member("consumer2", &["topic1", "topic2"]),
            member("consumer3", &["topic1"]),
        ],
    );
    assert_eq!(
        out.assignment["consumer1"],
        parts(&[("topic1", 0), ("topic1", 2)])
    );
    assert_eq!(
        out.assignment["consumer2"],
        parts(&[("topic2", 0), ("topic2", 1)])
    );
    assert_eq!(out.assignment["consumer3"], parts(&[("topic1", 1)]));
}

#[test]
fn sticky_member_owning_min_quota_receives_the_extra_partition() {
    // testConsumerOwningMinQuotaExpectedMaxQuota
    let both = ["topic1", "topic2"];
    let out = run(
        Sticky,
        &topics(&[("topic1", 2), ("topic2", 3)]),
        &[
            owning("consumer1", &both, &[("topic1", 0), ("topic2", 1)]),
            owning("consumer2", &both, &[("topic1", 1), ("topic2", 2)]),
        ],
    );
    assert_eq!(
        out.assignment["consumer1"],
        parts(&[("topic1", 0), ("topic2", 1), ("topic2", 0)])
    );
    assert_eq!(
        out.assignment["consumer2"],
        parts(&[("topic1", 1), ("topic2", 2)])
    );
}

#[test]
fn sticky_lets_only_the_expected_number_of_members_keep_max_quota() {
    // testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers
    let both = ["topic1", "topic2"];
    let out = run(
        Sticky,
        &topics(&[("topic1", 2), ("topic2", 2)]),
        &[
            owning("consumer1", &both, &[("topic1", 0), ("topic2", 0)]),
            owning("consumer2", &both, &[("topic1", 1), ("topic2", 1)]),
            owning("consumer3", &both, &[]),
        ],
    );
    assert_eq!(out.assignment["consumer1"], parts(&[("topic1", 0)]));
    assert_eq!(
        out.assignment["consumer2"],
        parts(&[("topic1", 1), ("topic2", 1)])
    );
    assert_eq!(out.assignment["consumer3"], parts(&[("topic2", 0)]));
}

#[test]
fn sticky_keeps_owned_partitions_of_members_under_min_quota() {
    // testAllConsumersAreUnderMinQuota
    let both = ["topic1", "topic2"];
    let out = run(
        Sticky,
        &topics(&[("topic1", 2), ("topic2", 3)]),
        &[
            owning("consumer1", &both, &[("topic1", 0)]),
            owning("consumer2", &both, &[("topic1", 1)]),
            owning("consumer3", &both, &[]),
        ],
    );
    assert_eq!(
        out.assignment["consumer1"],
        parts(&[("topic1", 0), ("topic2", 1)])
    );
    assert_eq!(
        out.assignment["consumer2"],
        parts(&[("topic1", 1), ("topic2", 2)])
    );
    assert_eq!(out.assignment["consumer3"], parts(&[("topic2", 0)]));
}

#[test]
fn sticky_moves_one_partition_when_a_member_joins_and_keeps_all_when_it_leaves() {
    // testAddRemoveConsumerOneTopic
    let t = topics(&[("topic", 3)]);
    let alone = run(Sticky, &t, &[member("consumer1", &["topic"])]);
    assert_eq!(
        alone.assignment["consumer1"],
        parts(&[("topic", 0), ("topic", 1), ("topic", 2)])
    );

    let pair = [
        owning(
            "consumer1",
            &["topic"],
            &[("topic", 0), ("topic", 1), ("topic", 2)],
        ),
        member("consumer2", &["topic"]),
    ];
    let joined = run(Sticky, &t, &pair);
    assert_eq!(
        joined.assignment["consumer1"],
        parts(&[("topic", 0), ("topic", 1)])
    );
    assert_eq!(joined.assignment["consumer2"], parts(&[("topic", 2)]));

    let left = run(Sticky, &t, &owning_result(&pair, &joined.assignment)[1..]);
    assert_eq!(
        left.assignment["consumer2"],
        parts(&[("topic", 0), ("topic", 1), ("topic", 2)])
    );
}

#[test]
fn sticky_add_and_remove_two_members_keeps_every_kept_partition() {
    // testAddRemoveTwoConsumersTwoTopics
    let t = topics(&[("topic1", 3), ("topic2", 4)]);
    let all = ["topic1", "topic2"];
    let start = run(
        Sticky,
        &t,
        &[member("consumer1", &all), member("consumer2", &all)],
    );
    assert_eq!(
        start.assignment["consumer1"],
        parts(&[("topic1", 0), ("topic1", 2), ("topic2", 1), ("topic2", 3)])
    );
    assert_eq!(
        start.assignment["consumer2"],
        parts(&[("topic1", 1), ("topic2", 0), ("topic2", 2)])
    );

    let mut four = owning_result(
        &[member("consumer1", &all), member("consumer2", &all)],
        &start.assignment,
    );
    four.extend([member("consumer3", &all), member("consumer4", &all)]);
    let grown = run(Sticky, &t, &four);
    assert_eq!(
        grown.assignment["consumer1"],
        parts(&[("topic1", 0), ("topic2", 1)])
    );
    assert_eq!(
        grown.assignment["consumer2"],
        parts(&[("topic2", 0), ("topic1", 1)])
    );
    assert_eq!(
        grown.assignment["consumer3"],
        parts(&[("topic1", 2), ("topic2", 3)])
    );
    assert_eq!(grown.assignment["consumer4"], parts(&[("topic2", 2)]));

    let two = owning_result(&four, &grown.assignment).split_off(2);
    let shrunk = run(Sticky, &t, &two);
    assert_eq!(
        shrunk.assignment["consumer3"],
        parts(&[("topic1", 2), ("topic2", 3), ("topic1", 0), ("topic2", 1)])
    );
    assert_eq!(
        shrunk.assignment["consumer4"],
        parts(&[("topic2", 2), ("topic1", 1), ("topic2", 0)])
    );
}

#[test]
fn sticky_invalidates_a_partition_claimed_by_two_members() {
    // testPartitionsTransferringOwnershipIncludeThePartitionClaimedByMultipleConsumersInSameGeneration
    let out = run(
        Sticky,
        &topics(&[("topic", 3)]),
        &[
            owning("consumer1", &["topic"], &[("topic", 0), ("topic", 1)]),
            owning("consumer2", &["topic"], &[("topic", 0), ("topic", 2)]),
            owning("consumer3", &["topic"], &[]),
        ],
    );
    assert_eq!(out.assignment["consumer1"], parts(&[("topic", 1)]));
    assert_eq!(out.assignment["consumer2"], parts(&[("topic", 2)]));
    assert_eq!(out.assignment["consumer3"], parts(&[("topic", 0)]));
}

#[test]
fn sticky_fills_the_last_member_when_others_reach_their_quota() {
    // testAllConsumersReachExpectedQuotaAndAreConsideredFilled
    let out = run(
        Sticky,
        &topics(&[("topic", 4)]),
        &[
            owning("consumer1", &["topic"], &[("topic", 0), ("topic", 1)]),
            owning("consumer2", &["topic"], &[("topic", 2)]),
            owning("consumer3", &["topic"], &[]),
        ],
    );
    assert_eq!(
        out.assignment["consumer1"],
        parts(&[("topic", 0), ("topic", 1)])
    );
    assert_eq!(out.assignment["consumer2"], parts(&[("topic", 2)]));
    assert_eq!(out.assignment["consumer3"], parts(&[("topic", 3)]));
}

#[test]
fn sticky_keeps_each_remaining_members_partition_when_the_leader_leaves() {
    // testStickiness: 4 members, 3 partitions, then consumer1 leaves.
    let t = topics(&[("topic1", 3)]);
    let group: Vec<_> = (1..=4)
        .map(|i| member(&format!("consumer{i}"), &["topic1"]))
        .collect();
    let first = run(Sticky, &t, &group);
    assert!(first.assignment.values().all(|l| l.len() <= 1));
    let rest = owning_result(&group, &first.assignment).split_off(1);
    let second = run(Sticky, &t, &rest);
    for m in &rest {
        assert_eq!(second.assignment[&m.member_id].len(), 1);
        assert!(m
            .owned
            .iter()
            .all(|tp| second.assignment[&m.member_id].contains(tp)));
    }
}

/// The non-rack-aware expectation of testRackAwareAssignmentWithNonEqualSubscription:
/// consumer2 only subscribes to t1 and t3. Owning the result changes nothing.
#[test]
fn sticky_general_case_matches_kafkas_expected_assignment() {
    let t = topics(&[("t1", 6), ("t2", 7), ("t3", 2)]);
    let all = ["t1", "t2", "t3"];
    let group = [
        member("consumer0", &all),
        member("consumer1", &all),
        member("consumer2", &["t1", "t3"]),
    ];
    let expected = [
        parts(&[("t1", 5), ("t2", 0), ("t2", 2), ("t2", 4), ("t2", 6)]),
        parts(&[("t1", 3), ("t2", 1), ("t2", 3), ("t2", 5), ("t3", 0)]),
        parts(&[("t1", 0), ("t1", 1), ("t1", 2), ("t1", 4), ("t3", 1)]),
    ];
    let out = run(Sticky, &t, &group);
    let again = run(Sticky, &t, &owning_result(&group, &out.assignment));
    for (i, want) in expected.iter().enumerate() {
        assert_eq!(
            &out.assignment[&format!("consumer{i}")],
            want,
            "consumer{i}"
        );
        assert_eq!(
            &again.assignment[&format!("consumer{i}")],
            want,
            "consumer{i} again"
        );
    }
}

#[test]
fn sticky_drops_partitions_of_deleted_topics() {
    // testNoExceptionThrownWhenOnlySubscribedTopicDeleted
    let out = run(
        Sticky,
        &topics(&[]),
        &[owning(
            "consumer",
            &["topic"],
            &[("topic", 0), ("topic", 1)],
        )],
    );
    assert_eq!(out.assignment["consumer"], parts(&[]));
}

#[test]
fn cooperative_withholds_the_moving_partition_until_the_follow_up_rebalance() {
    // testAddRemoveConsumerOneTopic for CooperativeStickyAssignor: topic-2 transfers
    // from consumer1 to consumer2, so it is revoked first and assigned one round later.
    let t = topics(&[("topic", 3)]);
    let pair = [
        owning(
            "consumer1",
            &["topic"],
            &[("topic", 0), ("topic", 1), ("topic", 2)],
        ),
        member("consumer2", &["topic"]),
    ];
    let first = run(CooperativeSticky, &t, &pair);
    assert_eq!(
        first.assignment["consumer1"],
        parts(&[("topic", 0), ("topic", 1)])
    );
    assert_eq!(first.assignment["consumer2"], parts(&[]));
    assert_eq!(
        first.revoked,
        [("consumer1".to_string(), TopicPartition::new("topic", 2))]
    );

    let second = run(
        CooperativeSticky,
        &t,
        &owning_result(&pair, &first.assignment),
    );
    assert_eq!(second.assignment["consumer2"], parts(&[("topic", 2)]));
    assert!(second.revoked.is_empty());
}

#[test]
fn cooperative_revokes_exactly_kafkas_partitions_transferring_ownership() {
    // testAddRemoveTwoConsumersTwoTopics: partitionsTransferringOwnership is
    // {topic1-2 -> consumer3, topic2-3 -> consumer3, topic2-2 -> consumer4}.
    let all = ["topic1", "topic2"];
    let four = [
        owning(
            "consumer1",
            &all,
            &[("topic1", 0), ("topic1", 2), ("topic2", 1), ("topic2", 3)],
        ),
        owning(
            "consumer2",
            &all,
            &[("topic1", 1), ("topic2", 0), ("topic2", 2)],
        ),
        member("consumer3", &all),
        member("consumer4", &all),
    ];
    let out = run(
        CooperativeSticky,
        &topics(&[("topic1", 3), ("topic2", 4)]),
        &four,
    );
    let revoked: Vec<(&str, String)> = out
        .revoked
        .iter()
        .map(|(m, tp)| (m.as_str(), tp.to_string()))
        .collect();
    assert_eq!(
        revoked,
        [
            ("consumer1", "topic1-2".to_string()),
            ("consumer1", "topic2-3".into()),
            ("consumer2", "topic2-2".into())
        ]
    );
    assert_eq!(out.assignment["consumer3"], parts(&[]));
    assert_eq!(out.assignment["consumer4"], parts(&[]));
    assert_eq!(
        out.assignment["consumer1"],
        parts(&[("topic1", 0), ("topic2", 1)])
    );
}

#[test]
fn cooperative_revokes_partitions_of_an_unsubscribed_topic_without_withholding_others() {
    let out = run(
        CooperativeSticky,
        &topics(&[("a", 1), ("b", 1)]),
        &[
            owning("c1", &["a"], &[("a", 0), ("b", 0)]),
            member("c2", &["a", "b"]),
        ],
    );
    assert_eq!(
        out.revoked,
        [("c1".to_string(), TopicPartition::new("b", 0))]
    );
    assert_eq!(out.assignment["c1"], parts(&[("a", 0)]));
    // b-0 is still owned by c1 this round, so c2 waits for it.
    assert_eq!(out.assignment["c2"], parts(&[]));
}
