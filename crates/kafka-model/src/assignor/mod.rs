//! How a consumer group's leader divides partitions among members
//! (`partition.assignment.strategy`), as Kafka's Java client does.
//!
//! Every strategy sees the same input Kafka's leader sees: the partition count of each
//! subscribed topic that exists, and each member's id, `group.instance.id`, subscription
//! and the partitions it owns now. Sources: `clients/src/main/java/org/apache/kafka/clients/
//! consumer/{RangeAssignor,RoundRobinAssignor,CooperativeStickyAssignor}.java`,
//! `consumer/internals/{AbstractPartitionAssignor,AbstractStickyAssignor}.java`.

mod range;
mod round_robin;
mod sticky;

use crate::collections::{SortedMap, SortedSet};
use crate::TopicPartition;
use serde::{Deserialize, Serialize};

/// The built-in assignors. Eager ones make every member give up all its partitions before
/// the group rebalances; the cooperative one only revokes the partitions that move.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AssignmentStrategy {
    Range,
    RoundRobin,
    Sticky,
    CooperativeSticky,
}

impl AssignmentStrategy {
    pub const ALL: [Self; 4] = [
        Self::Range,
        Self::RoundRobin,
        Self::Sticky,
        Self::CooperativeSticky,
    ];

    /// The protocol name the member advertises in JoinGroup (the assignor's `name()`).
    pub fn kafka_name(&self) -> &'static str {
        match self {
            Self::Range => "range",
            Self::RoundRobin => "roundrobin",
            Self::Sticky => "sticky",
            Self::CooperativeSticky => "cooperative-sticky",
        }
    }

    /// The class named in `partition.assignment.strategy`.
    pub fn class_name(&self) -> &'static str {
        match self {
            Self::Range => "org.apache.kafka.clients.consumer.RangeAssignor",
            Self::RoundRobin => "org.apache.kafka.clients.consumer.RoundRobinAssignor",
            Self::Sticky => "org.apache.kafka.clients.consumer.StickyAssignor",
            Self::CooperativeSticky => {
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor"
            }
        }
    }

    pub fn from_kafka_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.kafka_name() == name)
    }

    /// Only CooperativeSticky supports `RebalanceProtocol.COOPERATIVE`; the others are eager.
    pub fn is_cooperative(&self) -> bool {
        matches!(self, Self::CooperativeSticky)
    }
}

/// One member's JoinGroup metadata as the leader sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberSubscription {
    pub member_id: String,
    /// `group.instance.id`: a static member keeps its place in the member order across restarts.
    pub group_instance_id: Option<String>,
    pub topics: Vec<String>,
    /// Partitions the member owns now (`ownedPartitions`); the sticky assignors keep them.
    pub owned: Vec<TopicPartition>,
}

/// Member id → its partitions. Every member is present, possibly with none; each list sorted.
pub type Assignment = SortedMap<String, Vec<TopicPartition>>;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentOutcome {
    pub assignment: Assignment,
    /// Partitions a member owns but must give up in this round, sorted. Only cooperative
    /// rebalancing fills it: such a partition is assigned to nobody now, and the member that
    /// revokes it rejoins, so a follow-up rebalance hands it to its new owner. (Eager
    /// members revoke everything before joining, so there is nothing left to list.)
    pub revoked: Vec<(String, TopicPartition)>,
}

/// Runs one assignor. `partitions_per_topic` holds the partition count of the topics that
/// exist; subscribed topics that do not exist are ignored, as are topics nobody subscribes to.
pub fn assign(
    strategy: AssignmentStrategy,
    partitions_per_topic: &SortedMap<String, u32>,
    members: &[MemberSubscription],
) -> AssignmentOutcome {
    // AbstractPartitionAssignor.assign: only subscribed topics with metadata and partitions.
    let subscribed: SortedSet<&str> = members
        .iter()
        .flat_map(|m| m.topics.iter().map(String::as_str))
        .collect();
    let topics: SortedMap<String, u32> = partitions_per_topic
        .iter()
        .filter(|(topic, count)| **count > 0 && subscribed.contains(topic.as_str()))
        .map(|(topic, count)| (topic.clone(), *count))
        .collect();

    let mut assignment = match strategy {
        AssignmentStrategy::Range => range::assign(&topics, members),
        AssignmentStrategy::RoundRobin => round_robin::assign(&topics, members),
        AssignmentStrategy::Sticky | AssignmentStrategy::CooperativeSticky => {
            sticky::assign(&topics, members)
        }
    };
    let revoked = if strategy.is_cooperative() {
        sticky::withhold_partitions_still_owned_elsewhere(&mut assignment, members)
    } else {
        Vec::new()
    };
    for partitions in assignment.values_mut() {
        crate::sorting::sort(partitions);
    }
    AssignmentOutcome {
        assignment,
        revoked,
    }
}

/// Kafka's member order (`AbstractPartitionAssignor.MemberInfo.compareTo`): static members
/// first, by `group.instance.id`; then dynamic members by member id, compared as plain
/// strings, so "consumer-10" comes before "consumer-2".
pub fn sorted_members(members: &[MemberSubscription]) -> Vec<&MemberSubscription> {
    let mut sorted: Vec<&MemberSubscription> = members.iter().collect();
    crate::sorting::sort_by_key(&mut sorted, |&m| {
        let static_id = m.group_instance_id.as_deref();
        (static_id.is_none(), static_id, m.member_id.as_str())
    });
    sorted
}

/// An assignment with every member present and nothing assigned yet.
fn empty_assignment(members: &[MemberSubscription]) -> Assignment {
    members
        .iter()
        .map(|m| (m.member_id.clone(), Vec::new()))
        .collect()
}

fn subscribes(member: &MemberSubscription, topic: &str) -> bool {
    member.topics.iter().any(|t| t == topic)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    pub(crate) fn member(id: &str, topics: &[&str]) -> MemberSubscription {
        MemberSubscription {
            member_id: id.into(),
            group_instance_id: None,
            topics: topics.iter().map(|t| t.to_string()).collect(),
            owned: Vec::new(),
        }
    }

    pub(crate) fn static_member(id: &str, instance: &str, topics: &[&str]) -> MemberSubscription {
        MemberSubscription {
            group_instance_id: Some(instance.into()),
            ..member(id, topics)
        }
    }

    pub(crate) fn owning(id: &str, topics: &[&str], owned: &[(&str, u32)]) -> MemberSubscription {
        MemberSubscription {
            owned: parts(owned),
            ..member(id, topics)
        }
    }

    pub(crate) fn topics(counts: &[(&str, u32)]) -> SortedMap<String, u32> {
        counts.iter().map(|(t, n)| (t.to_string(), *n)).collect()
    }

    /// Sorted, as every list in an [`Assignment`] is.
    pub(crate) fn parts(list: &[(&str, u32)]) -> Vec<TopicPartition> {
        let mut v: Vec<TopicPartition> = list
            .iter()
            .map(|(t, p)| TopicPartition::new(*t, *p))
            .collect();
        crate::sorting::sort(&mut v);
        v
    }

    pub(crate) fn run(
        strategy: AssignmentStrategy,
        topics: &SortedMap<String, u32>,
        members: &[MemberSubscription],
    ) -> AssignmentOutcome {
        assign(strategy, topics, members)
    }

    /// The members again, each now owning what `assignment` gave it.
    pub(crate) fn owning_result(
        members: &[MemberSubscription],
        assignment: &Assignment,
    ) -> Vec<MemberSubscription> {
        members
            .iter()
            .map(|m| MemberSubscription {
                owned: assignment[&m.member_id].clone(),
                ..m.clone()
            })
            .collect()
    }

    #[test]
    fn strategies_carry_kafkas_names() {
        let names: Vec<&str> = AssignmentStrategy::ALL
            .iter()
            .map(|s| s.kafka_name())
            .collect();
        assert_eq!(
            names,
            ["range", "roundrobin", "sticky", "cooperative-sticky"]
        );
        for s in AssignmentStrategy::ALL {
            assert_eq!(AssignmentStrategy::from_kafka_name(s.kafka_name()), Some(s));
            assert!(s.class_name().ends_with("Assignor"));
        }
        assert_eq!(AssignmentStrategy::from_kafka_name("uniform"), None);
        let cooperative: Vec<bool> = AssignmentStrategy::ALL
            .iter()
            .map(|s| s.is_cooperative())
            .collect();
        assert_eq!(cooperative, [false, false, false, true]);
    }

    /// `AbstractPartitionAssignor.MemberInfo.compareTo`.
    #[test]
    fn member_order_puts_static_members_first_and_compares_ids_as_strings() {
        let members = [
            member("consumer-2", &[]),
            static_member("consumer-9", "b", &[]),
            member("consumer-10", &[]),
            static_member("consumer-1", "a", &[]),
        ];
        let order: Vec<&str> = sorted_members(&members)
            .iter()
            .map(|m| m.member_id.as_str())
            .collect();
        assert_eq!(
            order,
            ["consumer-1", "consumer-9", "consumer-10", "consumer-2"]
        );
    }

    #[test]
    fn every_strategy_lists_every_member_even_without_partitions() {
        for strategy in AssignmentStrategy::ALL {
            let out = run(
                strategy,
                &topics(&[("t", 1), ("unsubscribed", 4)]),
                &[member("a", &["t"]), member("b", &[])],
            );
            assert_eq!(
                out.assignment.keys().collect::<Vec<_>>(),
                ["a", "b"],
                "{strategy:?}"
            );
            assert_eq!(out.assignment["a"], parts(&[("t", 0)]), "{strategy:?}");
            assert!(out.revoked.is_empty());
        }
        assert!(run(AssignmentStrategy::Sticky, &topics(&[("t", 1)]), &[])
            .assignment
            .is_empty());
    }

    // ---- Properties every assignor must keep (the validity half of Kafka's
    // AbstractStickyAssignorTest.verifyValidityAndBalance, applied to all of them). ----

    fn group() -> impl Strategy<Value = (SortedMap<String, u32>, Vec<MemberSubscription>)> {
        let topic_names = ["alpha", "beta", "gamma", "delta"];
        (
            proptest::collection::vec(0u32..7, 4),
            proptest::collection::vec((proptest::bits::u8::between(0, 5), any::<bool>()), 1..7),
        )
            .prop_map(move |(counts, specs)| {
                // "delta" never exists: subscribing to a missing topic must be harmless.
                let t: SortedMap<String, u32> = topic_names
                    .iter()
                    .zip(counts)
                    .take(3)
                    .map(|(n, c)| (n.to_string(), c))
                    .collect();
                let members = specs
                    .iter()
                    .enumerate()
                    .map(|(i, (mask, is_static))| MemberSubscription {
                        member_id: format!("consumer-{i}"),
                        group_instance_id: is_static.then(|| format!("instance-{}", 9 - i)),
                        topics: (0..4)
                            .filter(|b| mask & (1 << b) != 0)
                            .map(|b| topic_names[b].to_string())
                            .collect(),
                        owned: Vec::new(),
                    })
                    .collect();
                (t, members)
            })
    }

    fn equal_group() -> impl Strategy<Value = (SortedMap<String, u32>, Vec<MemberSubscription>)> {
        group().prop_map(|(t, mut members)| {
            let topics = members[0].topics.clone();
            for m in &mut members {
                m.topics = topics.clone();
            }
            (t, members)
        })
    }

    fn all_partitions_subscribed(
        t: &SortedMap<String, u32>,
        members: &[MemberSubscription],
    ) -> Vec<TopicPartition> {
        t.iter()
            .filter(|(topic, _)| members.iter().any(|m| subscribes(m, topic)))
            .flat_map(|(topic, n)| (0..*n).map(move |p| TopicPartition::new(topic.clone(), p)))
            .collect()
    }

    fn holders(assignment: &Assignment, tp: &TopicPartition) -> usize {
        assignment.values().filter(|list| list.contains(tp)).count()
    }

    fn spread(assignment: &Assignment) -> usize {
        let sizes = assignment.values().map(Vec::len);
        sizes.clone().max().unwrap_or(0) - sizes.min().unwrap_or(0)
    }

    /// Members whose counts differ by two or more hold no partitions of a common topic
    /// (the balance half of `verifyValidityAndBalance`).
    fn sticky_balanced(assignment: &Assignment) -> bool {
        let lists: Vec<&Vec<TopicPartition>> = assignment.values().collect();
        lists.iter().enumerate().all(|(i, a)| {
            lists[i + 1..].iter().all(|b| {
                a.len().abs_diff(b.len()) <= 1
                    || !a.iter().any(|x| b.iter().any(|y| x.topic == y.topic))
            })
        })
    }

    proptest! {
        #[test]
        fn eager_assignors_give_each_subscribed_partition_to_exactly_one_subscriber((t, members) in group()) {
            for strategy in [AssignmentStrategy::Range, AssignmentStrategy::RoundRobin, AssignmentStrategy::Sticky] {
                let out = assign(strategy, &t, &members);
                for tp in all_partitions_subscribed(&t, &members) {
                    prop_assert_eq!(holders(&out.assignment, &tp), 1, "{:?} {}", strategy, tp);
                }
                prop_assert!(out.revoked.is_empty());
            }
        }

        #[test]
        fn no_member_gets_a_partition_of_a_topic_it_does_not_subscribe_to((t, members) in group()) {
            for strategy in AssignmentStrategy::ALL {
                let out = assign(strategy, &t, &members);
                prop_assert_eq!(out.assignment.len(), members.len());
                for m in &members {
                    let list = &out.assignment[&m.member_id];
                    prop_assert!(list.iter().all(|tp| subscribes(m, &tp.topic)), "{:?} {:?}", strategy, list);
                    prop_assert!(list.windows(2).all(|w| w[0] < w[1]), "sorted, no duplicates");
                }
            }
        }

        #[test]
        fn equal_subscriptions_are_balanced_by_sticky_and_roundrobin((t, members) in equal_group()) {
            for strategy in [AssignmentStrategy::RoundRobin, AssignmentStrategy::Sticky, AssignmentStrategy::CooperativeSticky] {
                prop_assert!(spread(&assign(strategy, &t, &members).assignment) <= 1, "{:?}", strategy);
            }
        }

        #[test]
        fn sticky_stays_valid_and_balanced_after_random_subscription_changes(
            (t, members) in group(), (_, changed) in group()
        ) {
            // AbstractStickyAssignorTest.testReassignmentWithRandomSubscriptionsAndChanges
            let first = assign(AssignmentStrategy::Sticky, &t, &members).assignment;
            prop_assert!(sticky_balanced(&first), "{:?}", first);
            let next: Vec<MemberSubscription> = members
                .iter()
                .zip(changed.iter().cycle())
                .map(|(m, c)| MemberSubscription { topics: c.topics.clone(), owned: first[&m.member_id].clone(), ..m.clone() })
                .collect();
            let second = assign(AssignmentStrategy::Sticky, &t, &next).assignment;
            for tp in all_partitions_subscribed(&t, &next) {
                prop_assert_eq!(holders(&second, &tp), 1);
            }
            prop_assert!(sticky_balanced(&second), "{:?}", second);
        }

        #[test]
        fn sticky_moves_only_the_leavers_partitions((t, members) in equal_group(), leaver in any::<prop::sample::Index>()) {
            let before = assign(AssignmentStrategy::Sticky, &t, &members).assignment;
            let mut rest = owning_result(&members, &before);
            let gone = rest.remove(leaver.index(rest.len()));
            let after = assign(AssignmentStrategy::Sticky, &t, &rest).assignment;
            for m in &rest {
                let kept = &after[&m.member_id];
                prop_assert!(before[&m.member_id].iter().all(|tp| kept.contains(tp)), "{} lost partitions after {} left", m.member_id, gone.member_id);
            }
        }

        #[test]
        fn sticky_join_moves_only_what_the_new_member_needs((t, members) in equal_group()) {
            let before = assign(AssignmentStrategy::Sticky, &t, &members).assignment;
            let mut group = owning_result(&members, &before);
            group.push(MemberSubscription { member_id: "newcomer".into(), group_instance_id: None, topics: members[0].topics.clone(), owned: Vec::new() });
            let after = assign(AssignmentStrategy::Sticky, &t, &group).assignment;
            let total: usize = before.values().map(Vec::len).sum();
            let moved = group.iter().flat_map(|m| m.owned.iter().filter(|tp| !after[&m.member_id].contains(tp))).count();
            prop_assert_eq!(after["newcomer"].len(), total / group.len());
            prop_assert_eq!(moved, after["newcomer"].len());
        }

        #[test]
        fn cooperative_never_assigns_a_partition_another_member_still_owns(
            (t, members) in group(), (_, changed) in group()
        ) {
            // CooperativeStickyAssignorTest.verifyValidityAndBalance: rebalance again while
            // anything is revoked; at most a few rounds, then valid and balanced.
            let mut group: Vec<MemberSubscription> = members
                .iter()
                .zip(changed.iter().cycle())
                .map(|(m, c)| MemberSubscription { topics: c.topics.clone(), ..m.clone() })
                .collect();
            let first = assign(AssignmentStrategy::Sticky, &t, &members).assignment;
            for m in &mut group {
                m.owned = first[&m.member_id].clone();
            }
            let mut rounds = 0;
            loop {
                let out = assign(AssignmentStrategy::CooperativeSticky, &t, &group);
                for m in &group {
                    for tp in &out.assignment[&m.member_id] {
                        let other_owner = group.iter().any(|o| o.member_id != m.member_id && o.owned.contains(tp));
                        prop_assert!(!other_owner, "{} assigned to {} while still owned elsewhere", tp, m.member_id);
                    }
                }
                for tp in all_partitions_subscribed(&t, &group) {
                    prop_assert!(holders(&out.assignment, &tp) <= 1);
                }
                let expected_revoked: Vec<(String, TopicPartition)> = group
                    .iter()
                    .flat_map(|m| m.owned.iter().filter(|tp| !out.assignment[&m.member_id].contains(tp)).map(|tp| (m.member_id.clone(), tp.clone())))
                    .collect();
                prop_assert_eq!(&out.revoked, &expected_revoked);
                group = owning_result(&group, &out.assignment);
                if out.revoked.is_empty() {
                    for tp in all_partitions_subscribed(&t, &group) {
                        prop_assert_eq!(holders(&out.assignment, &tp), 1);
                    }
                    prop_assert!(sticky_balanced(&out.assignment));
                    break;
                }
                rounds += 1;
                prop_assert!(rounds <= 4, "too many follow-up rebalances");
            }
        }
    }
}
