//! Producing: partitioning, batching and acks.
mod scenario;
use kafka_model::partitioner::{partition_for_key, PartitionerKind};
use kafka_model::*;
use scenario::*;
use std::collections::BTreeMap;

#[test]
fn keyed_records_land_on_partition_for_key_and_keep_per_key_order() {
    let mut c = cluster(3);
    c.create_topic("orders", TopicConfig::default().with_partitions(6))
        .unwrap();
    let p = eager_producer(&mut c, Acks::All);
    for seq in 0..5 {
        for user in 0..12 {
            let key = format!("user-{user}");
            let tp = c
                .produce(p, text("orders", Some(&key), &seq.to_string()))
                .unwrap();
            assert_eq!(tp.partition, partition_for_key(key.as_bytes(), 6));
        }
    }
    c.advance(10_000);
    let mut seen: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for part in &c.topic("orders").unwrap().partitions {
        for r in part.records() {
            let key = r.key_text().unwrap();
            assert_eq!(part.id, partition_for_key(key.as_bytes(), 6), "{key}");
            seen.entry(key)
                .or_default()
                .push(r.value_text().unwrap().parse().unwrap());
        }
    }
    assert_eq!(seen.len(), 12);
    assert!(
        seen.values().all(|values| *values == vec![0, 1, 2, 3, 4]),
        "{seen:?}"
    );
}

#[test]
fn unkeyed_records_stick_to_one_partition_until_the_batch_is_full() {
    let mut c = cluster(1);
    c.create_topic("t", TopicConfig::default().with_partitions(4))
        .unwrap();
    let size = text("t", None, "x").size_bytes();
    let config = ProducerConfig {
        batch_size: 3 * size,
        linger_ms: 20_000,
        ..ProducerConfig::default()
    };
    let p = c.create_producer("p", config).unwrap();
    let first: Vec<u32> = (0..3)
        .map(|_| c.produce(p, text("t", None, "x")).unwrap().partition)
        .collect();
    assert!(first.iter().all(|q| *q == first[0]), "{first:?}");
    // The batch is full and was sent: the sticky partitioner moves on.
    let h = c.take_happenings();
    assert_eq!(named(&h, "ProduceSent").len(), 1);
    let next = c.produce(p, text("t", None, "x")).unwrap().partition;
    assert_ne!(next, first[0]);
    assert_eq!(c.producer(p).unwrap().sticky_partition("t"), Some(next));
}

#[test]
fn unkeyed_records_switch_partition_after_linger_sends_the_batch() {
    let mut c = cluster(1);
    c.create_topic("t", TopicConfig::default().with_partitions(4))
        .unwrap();
    let config = ProducerConfig {
        linger_ms: 500,
        batch_size: 100_000,
        ..ProducerConfig::default()
    };
    let p = c.create_producer("p", config).unwrap();
    let a = c.produce(p, text("t", None, "a")).unwrap();
    let b = c.produce(p, text("t", None, "b")).unwrap();
    assert_eq!(a, b);
    let h = c.advance(499);
    assert!(named(&h, "ProduceSent").is_empty(), "still lingering");
    let h = c.advance(1);
    let sent = named(&h, "ProduceSent");
    assert_eq!(sent.len(), 1);
    assert!(
        matches!(&sent[0].kind, HappeningKind::ProduceSent { records, .. } if records.len() == 2)
    );
    let after = c.produce(p, text("t", None, "c")).unwrap();
    assert_ne!(after, a);
}

#[test]
fn round_robin_deals_records_in_turn_even_with_keys() {
    let mut c = cluster(1);
    c.create_topic("t", TopicConfig::default().with_partitions(3))
        .unwrap();
    let config = ProducerConfig {
        partitioner: PartitionerKind::RoundRobin,
        linger_ms: 0,
        ..ProducerConfig::default()
    };
    let p = c.create_producer("p", config).unwrap();
    let parts: Vec<u32> = (0..7)
        .map(|i| {
            c.produce(p, text("t", Some("same"), &i.to_string()))
                .unwrap()
                .partition
        })
        .collect();
    assert_eq!(parts, [0, 1, 2, 0, 1, 2, 0]);
}

/// Time of the first happening of a kind for a producer.
fn first_time(h: &[Happening], name: &str, producer: ProducerId) -> Option<Ms> {
    h.iter()
        .filter(|x| x.kind_name() == name)
        .find(|x| match &x.kind {
            HappeningKind::Acked { producer: q, .. }
            | HappeningKind::AppendedAtLeader { producer: q, .. } => *q == producer,
            _ => false,
        })
        .map(|x| x.start_ms)
}

#[test]
fn acks_zero_gets_no_answer_acks_one_after_append_acks_all_after_replication() {
    let mut c = cluster(3);
    c.create_topic("t", TopicConfig::default().with_replication_factor(3))
        .unwrap();
    c.advance(2_000);
    let zero = eager_producer(&mut c, Acks::Zero);
    let one = eager_producer(&mut c, Acks::One);
    let all = eager_producer(&mut c, Acks::All);
    c.produce(zero, text("t", None, "0")).unwrap();
    let h0 = c.advance(5_000);
    c.produce(one, text("t", None, "1")).unwrap();
    let h1 = c.advance(5_000);
    c.produce(all, text("t", None, "all")).unwrap();
    let h2 = c.advance(5_000);

    assert!(first_time(&h0, "AppendedAtLeader", zero).is_some());
    assert_eq!(
        first_time(&h0, "Acked", zero),
        None,
        "acks=0 never hears back"
    );

    let appended = first_time(&h1, "AppendedAtLeader", one).unwrap();
    assert_eq!(
        first_time(&h1, "Acked", one),
        Some(appended),
        "acks=1: the leader answers as soon as it appended"
    );

    let appended = first_time(&h2, "AppendedAtLeader", all).unwrap();
    let acked = first_time(&h2, "Acked", all).unwrap();
    let hw_passed = h2
        .iter()
        .find(|x| {
            matches!(
                &x.kind,
                HappeningKind::HighWatermarkAdvanced {
                    high_watermark: 3,
                    ..
                }
            )
        })
        .map(|x| x.start_ms)
        .unwrap();
    assert!(acked > appended, "acks=all waits for the followers");
    assert_eq!(
        acked, hw_passed,
        "acks=all answers when the high watermark passes the record"
    );
    assert_eq!(c.producer(all).unwrap().stats.records_acked, 1);
}

#[test]
fn acks_all_with_replication_factor_one_is_acked_on_append() {
    let mut c = cluster(1);
    c.create_topic("t", TopicConfig::default()).unwrap();
    let p = eager_producer(&mut c, Acks::All);
    c.produce(p, text("t", None, "v")).unwrap();
    let h = c.advance(3_000);
    assert_eq!(
        first_time(&h, "Acked", p),
        first_time(&h, "AppendedAtLeader", p)
    );
    assert_eq!(
        c.partition(&TopicPartition::new("t", 0))
            .unwrap()
            .high_watermark,
        1
    );
}

#[test]
fn acks_all_below_min_insync_replicas_is_refused_and_retried_until_the_replica_returns() {
    let mut c = cluster(2);
    let config = TopicConfig {
        min_insync_replicas: 2,
        ..TopicConfig::default().with_replication_factor(2)
    };
    c.create_topic("t", config).unwrap();
    let tp = TopicPartition::new("t", 0);
    let leader = c.partition(&tp).unwrap().leader.unwrap();
    let follower = if leader == 1 { 2 } else { 1 };
    c.kill_broker(follower).unwrap();
    let p = eager_producer(&mut c, Acks::All);
    c.produce(p, text("t", None, "v")).unwrap();
    let h = c.advance(3_000);
    let failed = named(&h, "ProduceFailed");
    assert!(!failed.is_empty());
    assert!(matches!(
        &failed[0].kind,
        HappeningKind::ProduceFailed {
            error: KafkaError::NotEnoughReplicas { .. },
            will_retry: true,
            ..
        }
    ));
    assert_eq!(
        c.partition(&tp).unwrap().log_end_offset(),
        0,
        "refused before appending"
    );
    c.revive_broker(follower).unwrap();
    let h = c.advance(10_000);
    assert!(!named(&h, "IsrExpanded").is_empty());
    assert_eq!(named(&h, "Acked").len(), 1);
    assert_eq!(c.partition(&tp).unwrap().log_end_offset(), 1);
}

#[test]
fn a_record_larger_than_max_message_bytes_is_refused_and_changes_nothing() {
    let mut c = cluster(1);
    c.create_topic(
        "t",
        TopicConfig {
            max_message_bytes: 20,
            ..TopicConfig::default()
        },
    )
    .unwrap();
    let p = eager_producer(&mut c, Acks::All);
    let before = c.clone();
    let err = c.produce(p, text("t", None, &"x".repeat(50))).unwrap_err();
    assert_eq!(
        err,
        ModelError::RecordTooLarge {
            size: 57,
            maximum: 20
        }
    );
    assert_eq!(c, before);
}

#[test]
fn an_auto_producer_sends_at_its_rate_with_cycling_keys() {
    let mut c = cluster(1);
    c.create_topic("t", TopicConfig::default().with_partitions(3))
        .unwrap();
    let p = eager_producer(&mut c, Acks::One);
    let keys = KeyPattern::Cycling(vec!["a".into(), "b".into()]);
    c.set_auto_produce(
        p,
        Some(AutoProduce {
            topic: "t".into(),
            records_per_sec: 4.0,
            keys,
        }),
    )
    .unwrap();
    let h = c.advance(10_000);
    let queued: Vec<_> = named(&h, "RecordQueued");
    assert_eq!(queued.len(), 40);
    let key_of = |x: &Happening| match &x.kind {
        HappeningKind::RecordQueued { key, .. } => key.clone(),
        _ => None,
    };
    assert_eq!(key_of(queued[0]).as_deref(), Some(&b"a"[..]));
    assert_eq!(key_of(queued[1]).as_deref(), Some(&b"b"[..]));
    c.set_auto_produce(p, None).unwrap();
    assert!(named(&c.advance(10_000), "RecordQueued").is_empty());
}

#[test]
fn records_for_a_partition_with_its_only_replica_down_fail_then_succeed_after_revival() {
    let mut c = cluster(1);
    c.create_topic("t", TopicConfig::default()).unwrap();
    c.kill_broker(1).unwrap();
    let tp = TopicPartition::new("t", 0);
    assert_eq!(
        c.partition(&tp).unwrap().leader,
        None,
        "no in-sync replica alive: offline"
    );
    let p = eager_producer(&mut c, Acks::All);
    c.produce(p, text("t", None, "v")).unwrap();
    let h = c.advance(2_500);
    assert!(h.iter().any(|x| matches!(
        &x.kind,
        HappeningKind::ProduceFailed {
            error: KafkaError::LeaderNotAvailable { .. },
            ..
        }
    )));
    c.revive_broker(1).unwrap();
    let h = c.advance(5_000);
    assert!(h.iter().any(|x| matches!(
        &x.kind,
        HappeningKind::LeaderElected {
            reason: ElectionReason::ReplicaReturned,
            leader: Some(1),
            ..
        }
    )));
    assert_eq!(named(&h, "Acked").len(), 1);
}
