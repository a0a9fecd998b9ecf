//! Consumer groups: assignment, rebalances, delivery, commits and lag.
mod scenario;
use assignor::AssignmentStrategy;
use kafka_model::*;
use scenario::*;
use std::collections::BTreeSet;

fn group_cluster(partitions: u32, strategy: AssignmentStrategy) -> Cluster {
    let mut c = cluster(3);
    c.create_topic("orders", TopicConfig::default().with_partitions(partitions))
        .unwrap();
    let config = ConsumerConfig::default()
        .with_strategy(strategy)
        .with_offset_reset(AutoOffsetReset::Earliest);
    c.create_group("g", config).unwrap();
    c
}

fn add(c: &mut Cluster, n: usize) -> Vec<String> {
    (0..n)
        .map(|_| c.add_member("g", "c", vec!["orders".into()]).unwrap())
        .collect()
}

fn assert_single_owners(c: &Cluster, partitions: u32) {
    let owners = owners(c, "g");
    assert_eq!(owners.len() as u32, partitions, "{owners:?}");
    assert!(owners.values().all(|o| o.len() == 1), "{owners:?}");
}

#[test]
fn three_members_on_six_partitions_get_two_each() {
    let mut c = group_cluster(6, AssignmentStrategy::Range);
    let members = add(&mut c, 3);
    c.advance(5_000);
    let g = c.group("g").unwrap();
    assert_eq!(g.state, GroupState::Stable);
    assert_eq!(
        g.generation, 1,
        "members that join together share one rebalance"
    );
    for m in &members {
        assert_eq!(owned_count(&c, "g", m), 2, "{m}");
    }
    assert_single_owners(&c, 6);
}

#[test]
fn a_fourth_member_on_three_partitions_is_idle() {
    let mut c = group_cluster(3, AssignmentStrategy::RoundRobin);
    let members = add(&mut c, 4);
    c.advance(5_000);
    let counts: Vec<usize> = members.iter().map(|m| owned_count(&c, "g", m)).collect();
    assert_eq!(counts.iter().filter(|n| **n == 0).count(), 1, "{counts:?}");
    assert_eq!(counts.iter().sum::<usize>(), 3);
}

#[test]
fn a_crashed_member_is_expired_after_the_session_timeout_and_its_partitions_move() {
    let mut c = group_cluster(2, AssignmentStrategy::Range);
    let members = add(&mut c, 2);
    c.advance(5_000);
    c.crash_member("g", &members[0]).unwrap();
    let session = c.group("g").unwrap().config.session_timeout_ms;
    let h = c.advance(session - 2_000);
    assert!(
        named(&h, "MemberExpired").is_empty(),
        "the coordinator cannot know yet"
    );
    assert_eq!(owned_count(&c, "g", &members[1]), 1);
    let h = c.advance(8_000);
    let expired = named(&h, "MemberExpired");
    assert_eq!(expired.len(), 1);
    assert!(
        expired[0].start_ms >= 5_000 + session - 1_000,
        "expired at {}",
        expired[0].start_ms
    );
    assert!(!named(&h, "RebalanceCompleted").is_empty());
    assert_eq!(owned_count(&c, "g", &members[1]), 2);
    assert!(!c.group("g").unwrap().members.contains_key(&members[0]));
}

#[test]
fn a_member_that_leaves_cleanly_triggers_a_rebalance_at_once() {
    let mut c = group_cluster(2, AssignmentStrategy::Range);
    let members = add(&mut c, 2);
    c.advance(5_000);
    c.remove_member("g", &members[0]).unwrap();
    let h = c.advance(3_000);
    assert_eq!(named(&h, "MemberLeft").len(), 1);
    assert_eq!(owned_count(&c, "g", &members[1]), 2);
}

fn revoked(h: &[Happening]) -> Vec<(String, TopicPartition)> {
    h.iter()
        .flat_map(|x| match &x.kind {
            HappeningKind::PartitionsRevoked {
                member, partitions, ..
            } => partitions
                .iter()
                .map(|p| (member.clone(), p.clone()))
                .collect(),
            _ => vec![],
        })
        .collect()
}

#[test]
fn eager_rebalance_revokes_every_partition_of_every_member() {
    let mut c = group_cluster(4, AssignmentStrategy::Sticky);
    add(&mut c, 2);
    c.advance(5_000);
    add(&mut c, 1);
    let h = c.advance(5_000);
    assert_eq!(
        revoked(&h).len(),
        4,
        "stop the world: all four partitions revoked"
    );
    assert_eq!(named(&h, "RebalanceCompleted").len(), 1);
    assert_single_owners(&c, 4);
}

#[test]
fn cooperative_rebalance_revokes_only_moving_partitions_then_a_follow_up_assigns_them() {
    let mut c = group_cluster(4, AssignmentStrategy::CooperativeSticky);
    let first = add(&mut c, 2);
    c.advance(5_000);
    let before: Vec<BTreeSet<TopicPartition>> = first
        .iter()
        .map(|m| {
            c.group("g").unwrap().members[m]
                .assigned()
                .cloned()
                .collect()
        })
        .collect();
    let newcomer = add(&mut c, 1).remove(0);
    let h = c.advance(8_000);
    let moved = revoked(&h);
    assert_eq!(
        moved.len(),
        1,
        "only the partition that moves is revoked: {moved:?}"
    );
    let completed = named(&h, "RebalanceCompleted");
    assert_eq!(
        completed.len(),
        2,
        "a follow-up rebalance hands the revoked partition over"
    );
    assert!(h.iter().any(|x| matches!(
        &x.kind,
        HappeningKind::RebalanceStarted {
            reason: RebalanceReason::CooperativeFollowUp { .. },
            ..
        }
    )));
    assert_eq!(owned_count(&c, "g", &newcomer), 1);
    assert!(c.group("g").unwrap().members[&newcomer]
        .assigned()
        .any(|tp| *tp == moved[0].1));
    // The members that stayed kept everything else.
    for (m, had) in first.iter().zip(&before) {
        let now: BTreeSet<TopicPartition> = c.group("g").unwrap().members[m]
            .assigned()
            .cloned()
            .collect();
        assert!(now.is_subset(had), "{m}: {now:?} ⊄ {had:?}");
    }
    assert_single_owners(&c, 4);
}

#[test]
fn each_of_two_groups_receives_every_record_once() {
    let mut c = group_cluster(3, AssignmentStrategy::Range);
    let config = ConsumerConfig::default().with_offset_reset(AutoOffsetReset::Earliest);
    c.create_group("other", config).unwrap();
    add(&mut c, 2);
    c.add_member("other", "o", vec!["orders".into()]).unwrap();
    c.advance(5_000);
    let p = eager_producer(&mut c, Acks::All);
    for i in 0..30 {
        c.produce(p, text("orders", Some(&format!("k{i}")), "v"))
            .unwrap();
    }
    let h = c.advance(20_000);
    let all: BTreeSet<(TopicPartition, u64)> = c
        .topic("orders")
        .unwrap()
        .partitions
        .iter()
        .flat_map(|p| {
            p.records()
                .iter()
                .map(move |r| (TopicPartition::new("orders", p.id), r.offset))
        })
        .collect();
    assert_eq!(all.len(), 30);
    for group in ["g", "other"] {
        let got: Vec<(TopicPartition, u64)> = delivered_in_group(&h, group)
            .into_iter()
            .map(|(_, tp, o)| (tp, o))
            .collect();
        assert_eq!(got.len(), 30, "{group} gets each record exactly once");
        assert_eq!(got.into_iter().collect::<BTreeSet<_>>(), all);
    }
}

#[test]
fn lag_is_high_watermark_minus_committed_and_none_before_any_commit() {
    let mut c = group_cluster(1, AssignmentStrategy::Range);
    let config = ConsumerConfig {
        enable_auto_commit: false,
        ..c.group("g").unwrap().config.clone()
    };
    c.set_group_config("g", config).unwrap();
    let m = add(&mut c, 1).remove(0);
    let p = eager_producer(&mut c, Acks::All);
    for _ in 0..5 {
        c.produce(p, text("orders", None, "v")).unwrap();
    }
    c.advance(10_000);
    let tp = TopicPartition::new("orders", 0);
    assert_eq!(c.lag("g", &tp), None, "nothing committed: lag is '-'");
    assert_eq!(c.group_lag("g").unwrap()[0].position, Some(5));
    c.commit("g", &m).unwrap();
    c.advance(2_000);
    assert_eq!(c.lag("g", &tp), Some(0));
    for _ in 0..3 {
        c.produce(p, text("orders", None, "v")).unwrap();
    }
    c.advance(10_000);
    assert_eq!(c.lag("g", &tp), Some(3), "consumed but not committed");
    assert_eq!(c.member_lag("g", &m), Some(3));
}

#[test]
fn auto_commit_commits_positions_on_its_interval() {
    let mut c = group_cluster(1, AssignmentStrategy::Range);
    add(&mut c, 1);
    let p = eager_producer(&mut c, Acks::All);
    c.produce(p, text("orders", None, "v")).unwrap();
    let h = c.advance(4_000);
    assert!(named(&h, "OffsetCommitted").is_empty());
    let h = c.advance(2_000);
    assert_eq!(named(&h, "OffsetCommitted").len(), 1);
    assert_eq!(
        c.group("g")
            .unwrap()
            .committed(&TopicPartition::new("orders", 0)),
        Some(1)
    );
}

fn produce_n(c: &mut Cluster, n: usize) {
    let p = eager_producer(c, Acks::All);
    for i in 0..n {
        c.produce(p, text("orders", None, &i.to_string())).unwrap();
    }
    c.advance(3_000);
}

#[test]
fn auto_offset_reset_earliest_reads_old_records_latest_skips_them() {
    for (reset, expected) in [(AutoOffsetReset::Earliest, 4), (AutoOffsetReset::Latest, 0)] {
        let mut c = group_cluster(1, AssignmentStrategy::Range);
        produce_n(&mut c, 4);
        c.set_group_config("g", ConsumerConfig::default().with_offset_reset(reset))
            .unwrap();
        add(&mut c, 1);
        let h = c.advance(5_000);
        assert_eq!(delivered_in_group(&h, "g").len(), expected, "{reset:?}");
    }
}

#[test]
fn auto_offset_reset_none_stops_with_an_error_until_a_seek() {
    let mut c = group_cluster(1, AssignmentStrategy::Range);
    produce_n(&mut c, 4);
    c.set_group_config(
        "g",
        ConsumerConfig::default().with_offset_reset(AutoOffsetReset::None),
    )
    .unwrap();
    let m = add(&mut c, 1).remove(0);
    let h = c.advance(5_000);
    assert!(h.iter().any(|x| matches!(
        &x.kind,
        HappeningKind::ConsumerError {
            error: KafkaError::NoOffsetForPartition { .. },
            ..
        }
    )));
    assert!(delivered_in_group(&h, "g").is_empty());
    let tp = TopicPartition::new("orders", 0);
    c.seek(&member("g", &m), &tp, SeekTo::Offset(1)).unwrap();
    let h = c.advance(5_000);
    let offsets: Vec<u64> = delivered_in_group(&h, "g")
        .into_iter()
        .map(|(_, _, o)| o)
        .collect();
    assert_eq!(offsets, [1, 2, 3]);
}

#[test]
fn seek_rereads_from_the_offset_and_an_offset_outside_the_log_is_refused() {
    let mut c = group_cluster(1, AssignmentStrategy::Range);
    let m = add(&mut c, 1).remove(0);
    produce_n(&mut c, 5);
    c.advance(5_000);
    let tp = TopicPartition::new("orders", 0);
    let before = c.clone();
    let err = c
        .seek(&member("g", &m), &tp, SeekTo::Offset(9))
        .unwrap_err();
    assert_eq!(err.code(), "invalid_offset");
    assert_eq!(c, before);
    c.seek(&member("g", &m), &tp, SeekTo::Offset(3)).unwrap();
    let h = c.advance(5_000);
    let offsets: Vec<u64> = delivered_in_group(&h, "g")
        .into_iter()
        .map(|(_, _, o)| o)
        .collect();
    assert_eq!(offsets, [3, 4]);
    let err = c
        .seek(
            &member("g", &m),
            &TopicPartition::new("orders", 7),
            SeekTo::Earliest,
        )
        .unwrap_err();
    assert_eq!(err.code(), "not_assigned");
}

#[test]
fn adding_partitions_triggers_a_rebalance_that_assigns_them() {
    let mut c = group_cluster(2, AssignmentStrategy::Range);
    let members = add(&mut c, 2);
    c.advance(5_000);
    c.add_partitions("orders", 4).unwrap();
    let h = c.advance(5_000);
    assert!(h.iter().any(|x| matches!(
        &x.kind,
        HappeningKind::RebalanceStarted {
            reason: RebalanceReason::MetadataChanged { .. },
            ..
        }
    )));
    assert!(members.iter().all(|m| owned_count(&c, "g", m) == 2));
    assert_single_owners(&c, 4);
}

#[test]
fn a_crashed_member_loses_uncommitted_progress_and_the_next_owner_rereads_it() {
    let mut c = group_cluster(1, AssignmentStrategy::Range);
    let config = ConsumerConfig {
        enable_auto_commit: false,
        ..c.group("g").unwrap().config.clone()
    };
    c.set_group_config("g", config).unwrap();
    let first = add(&mut c, 1).remove(0);
    produce_n(&mut c, 3);
    c.advance(3_000);
    c.commit("g", &first).unwrap();
    c.advance(1_000);
    produce_n(&mut c, 2);
    c.advance(3_000);
    c.crash_member("g", &first).unwrap();
    let second = add(&mut c, 1).remove(0);
    let h = c.advance(20_000);
    let reread: Vec<u64> = delivered_in_group(&h, "g")
        .into_iter()
        .filter(|(m, _, _)| *m == second)
        .map(|(_, _, o)| o)
        .collect();
    assert_eq!(
        reread,
        [3, 4],
        "records after the last commit are delivered again"
    );
}

#[test]
fn a_standalone_consumer_reads_the_partitions_it_is_assigned() {
    let mut c = group_cluster(2, AssignmentStrategy::Range);
    let p = eager_producer(&mut c, Acks::All);
    for i in 0..6 {
        c.produce(p, text("orders", None, &i.to_string()).to_partition(i % 2))
            .unwrap();
    }
    c.advance(3_000);
    let id = c
        .create_consumer(
            "reader",
            ConsumerConfig::default().with_offset_reset(AutoOffsetReset::Earliest),
        )
        .unwrap();
    c.assign_partitions(id, vec![TopicPartition::new("orders", 1)])
        .unwrap();
    let h = c.advance(5_000);
    let got = delivered_to(&h, &ConsumerRef::Standalone(id));
    assert_eq!(got.iter().map(|(_, o)| *o).collect::<Vec<_>>(), [0, 1, 2]);
    assert!(got.iter().all(|(tp, _)| tp.partition == 1));
}

#[test]
fn a_deleted_topic_takes_its_committed_offsets_and_assignments_with_it() {
    let mut c = group_cluster(2, AssignmentStrategy::Range);
    let m = add(&mut c, 1).remove(0);
    produce_n(&mut c, 2);
    c.advance(8_000);
    assert!(!c.group("g").unwrap().committed.is_empty());
    c.delete_topic("orders").unwrap();
    c.advance(3_000);
    assert!(c.group("g").unwrap().committed.is_empty());
    assert_eq!(owned_count(&c, "g", &m), 0);
}
