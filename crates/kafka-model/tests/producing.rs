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

/// `max.message.bytes` is "the largest record batch size allowed by Kafka": a record of
/// exactly that size is accepted, one byte more is refused (the broker's check in
/// `UnifiedLog.analyzeAndValidateRecords` is `batchSize > config.maxMessageSize`).
#[test]
fn a_record_of_exactly_max_message_bytes_is_accepted() {
    let mut c = cluster(1);
    let size = text("t", None, &"x".repeat(50)).size_bytes();
    c.create_topic(
        "t",
        TopicConfig {
            max_message_bytes: size,
            ..TopicConfig::default()
        },
    )
    .unwrap();
    let p = eager_producer(&mut c, Acks::All);
    assert!(c.produce(p, text("t", None, &"x".repeat(50))).is_ok());
    assert_eq!(
        c.produce(p, text("t", None, &"x".repeat(51))).unwrap_err(),
        ModelError::RecordTooLarge {
            size: size + 1,
            maximum: size
        }
    );
}

/// A producer whose records never fill a batch exactly: two fit (`batch.size` is 2.5
/// records), the third does not, so the open batch is sent first (`abortOnNewBatch` in
/// `KafkaProducer.doSend`).
fn overflowing_producer(c: &mut Cluster, partitioner: PartitionerKind) -> ProducerId {
    let size = text("t", Some("k"), "x").size_bytes();
    let config = ProducerConfig {
        batch_size: size * 5 / 2,
        linger_ms: 20_000,
        partitioner,
        ..ProducerConfig::default()
    };
    c.create_producer("p", config).unwrap()
}

/// Only a record without a key and without a chosen partition may move when its batch
/// overflows: a keyed record stays on `partitionForKey` and a chosen partition stays chosen
/// (`KafkaProducer.doSend` recomputes the partition after `abortForNewBatch`, and for these
/// the partitioner gives the same one), while a keyless one moves on with the sticky
/// partitioner (KIP-480).
#[test]
fn a_batch_overflow_moves_only_a_keyless_record_of_the_sticky_partitioner() {
    let mut c = cluster(1);
    c.create_topic("t", TopicConfig::default().with_partitions(4))
        .unwrap();
    let p = overflowing_producer(&mut c, PartitionerKind::Sticky);
    for i in 0..7 {
        let tp = c.produce(p, text("t", Some("k"), &i.to_string())).unwrap();
        assert_eq!(tp.partition, partition_for_key(b"k", 4), "record {i}");
    }
    assert!(
        named(&c.take_happenings(), "ProduceSent").len() >= 2,
        "the keyed records overflowed batches"
    );
    for i in 0..7 {
        let record = ProducerRecord {
            partition: Some(3),
            ..text("t", None, &i.to_string())
        };
        assert_eq!(c.produce(p, record).unwrap().partition, 3, "record {i}");
    }
    // Keyless: the third record does not fit the open batch, which is sent; the record moves on.
    c.advance(30_000);
    let first = c.produce(p, text("t", None, "a")).unwrap().partition;
    assert_eq!(c.produce(p, text("t", None, "b")).unwrap().partition, first);
    let third = c.produce(p, text("t", None, "c")).unwrap().partition;
    assert_ne!(
        third, first,
        "the sticky partition moves on after the overflow"
    );
}

/// `RoundRobinPartitioner` keeps its turn when a batch overflows: since KAFKA-9965 its
/// `onNewBatch` hands the record the partition it was first dealt, so records go 0, 1, 2,
/// 0, 1, 2 … even though every partition's second record overflows its batch.
#[test]
fn round_robin_keeps_its_turn_when_a_batch_overflows() {
    let mut c = cluster(1);
    c.create_topic("t", TopicConfig::default().with_partitions(3))
        .unwrap();
    let p = overflowing_producer(&mut c, PartitionerKind::RoundRobin);
    let parts: Vec<u32> = (0..10)
        .map(|i| {
            c.produce(p, text("t", None, &i.to_string()))
                .unwrap()
                .partition
        })
        .collect();
    assert_eq!(parts, [0, 1, 2, 0, 1, 2, 0, 1, 2, 0]);
    assert!(
        named(&c.take_happenings(), "ProduceSent").len() >= 3,
        "batches overflowed"
    );
}

/// `flush()` sends every open batch at once, without waiting for `linger.ms`
/// (`KafkaProducer.flush`: "makes all buffered records immediately available to send"), the
/// records count as sent from then on (the producer metric `record-send-total`), and an
/// unknown producer is refused.
#[test]
fn flush_sends_every_open_batch_without_waiting_for_linger() {
    let mut c = cluster(1);
    c.create_topic("a", TopicConfig::default()).unwrap();
    c.create_topic("b", TopicConfig::default()).unwrap();
    c.advance(2_000); // the partitions have leaders
    let config = ProducerConfig {
        linger_ms: 20_000,
        ..ProducerConfig::default()
    };
    let p = c.create_producer("p", config).unwrap();
    c.produce(p, text("a", None, "1")).unwrap();
    c.produce(p, text("b", None, "2")).unwrap();
    let mut lingering = c.take_happenings();
    lingering.extend(c.advance(100));
    assert!(named(&lingering, "ProduceSent").is_empty(), "lingering");
    assert_eq!(named(&lingering, "RecordQueued").len(), 2);
    // The producer's `record-send-total` counts records once their batch is sent.
    assert_eq!(c.producer(p).unwrap().stats.records_sent, 0);
    c.flush(p).unwrap();
    assert_eq!(c.producer(p).unwrap().stats.records_sent, 2);
    let sent = c.take_happenings();
    let mut topics: Vec<String> = named(&sent, "ProduceSent")
        .iter()
        .filter_map(|h| match &h.kind {
            HappeningKind::ProduceSent { partition, .. } => Some(partition.topic.to_string()),
            _ => None,
        })
        .collect();
    topics.sort();
    assert_eq!(topics, ["a", "b"]);
    assert_eq!(
        c.flush(p + 1),
        Err(ModelError::UnknownProducer { producer: p + 1 })
    );
}

/// Sent times and acknowledgement arrival times of every batch, by batch id.
fn sent_and_acked(h: &[Happening]) -> (BTreeMap<u64, Ms>, BTreeMap<u64, Ms>) {
    let (mut sent, mut acked) = (BTreeMap::new(), BTreeMap::new());
    for x in h {
        match &x.kind {
            HappeningKind::ProduceSent { batch_id, .. } => {
                sent.insert(*batch_id, x.start_ms);
            }
            HappeningKind::Acked { batch_id, .. } => {
                acked.insert(*batch_id, x.end_ms);
            }
            _ => {}
        }
    }
    (sent, acked)
}

/// An idempotent producer keeps at most five batches of a partition in flight
/// (`max.in.flight.requests.per.connection` = 5, the most idempotence allows). Records that
/// come meanwhile join the open batch (the accumulator appends to the last batch until it
/// is drained), and it leaves as soon as a response frees a place: when the first batch's
/// acknowledgement arrives, not later.
#[test]
fn an_idempotent_producer_sends_the_sixth_batch_when_the_first_is_acknowledged() {
    let mut c = cluster(1);
    c.create_topic("t", TopicConfig::default()).unwrap();
    c.advance(2_000);
    let p = eager_producer(&mut c, Acks::All);
    assert!(c.producer(p).unwrap().config.idempotent());
    for i in 0..10 {
        c.produce(p, text("t", None, &i.to_string())).unwrap();
    }
    let mut h = c.take_happenings();
    assert_eq!(named(&h, "ProduceSent").len(), 5, "five in flight");
    h.extend(c.advance(10_000));
    let (sent, acked) = sent_and_acked(&h);
    let ids: Vec<u64> = sent.keys().copied().collect();
    assert_eq!(ids.len(), 6, "the five waiting records went as one batch");
    assert_eq!(acked.len(), 6);
    assert_eq!(
        sent[&ids[5]], acked[&ids[0]],
        "the sixth batch leaves when the first one's acknowledgement arrives"
    );
    assert_eq!(c.producer(p).unwrap().stats.records_acked, 10);
}

/// When a response frees a place in the send window, an open batch goes only if it is ready
/// (the accumulator's `ready()`: full, or its `linger.ms` passed); a batch of one record
/// with linger time left keeps lingering.
#[test]
fn a_freed_place_in_the_send_window_does_not_cut_an_open_batchs_linger_short() {
    let mut c = cluster(1);
    c.create_topic("t", TopicConfig::default()).unwrap();
    c.advance(2_000);
    let size = text("t", None, "1").size_bytes();
    let config = ProducerConfig {
        batch_size: size * 3 / 2,
        linger_ms: 5_000,
        ..ProducerConfig::default()
    };
    let p = c.create_producer("p", config).unwrap();
    let t0 = c.now();
    // Each record overflows the open batch (1.5 records), which goes: five batches in flight,
    // the sixth held, the seventh open with one record.
    for i in 1..=7 {
        c.produce(p, text("t", None, &i.to_string())).unwrap();
    }
    let mut h = c.take_happenings();
    h.extend(c.advance(10_000));
    let (sent, acked) = sent_and_acked(&h);
    let ids: Vec<u64> = sent.keys().copied().collect();
    assert_eq!(ids.len(), 7);
    assert!(
        acked[&ids[1]] < t0 + 5_000,
        "acknowledged well within the linger"
    );
    assert_eq!(
        sent[&ids[5]], acked[&ids[0]],
        "the held batch goes at the first free place"
    );
    assert_eq!(
        sent[&ids[6]],
        t0 + 5_000,
        "the open batch of one record lingers its 5 s"
    );
}

/// A produce request of acks=1 or all counts as in flight while it travels to the leader
/// (the model stops counting when it arrives, where Kafka's `NetworkClient` waits for the
/// response); an acks=0 request expects no response ("the producer will not wait for any
/// acknowledgment from the server", so `NetworkClient` completes it on send) and never counts.
#[test]
fn batches_in_flight_count_those_awaiting_a_response() {
    let mut c = cluster(1);
    c.create_topic("t", TopicConfig::default().with_partitions(3))
        .unwrap();
    c.advance(2_000);
    let all = eager_producer(&mut c, Acks::All);
    for key in ["a", "b", "c"] {
        c.produce(all, text("t", Some(key), "v")).unwrap();
    }
    assert_eq!(c.producer(all).unwrap().stats.batches_in_flight, 3);
    c.advance(10_000);
    assert_eq!(c.producer(all).unwrap().stats.batches_in_flight, 0);
    let config = ProducerConfig {
        linger_ms: 0,
        ..ProducerConfig::default()
    }
    .with_acks(Acks::Zero);
    let zero = c.create_producer("z", config).unwrap();
    for key in ["a", "b", "c"] {
        c.produce(zero, text("t", Some(key), "v")).unwrap();
    }
    assert_eq!(c.producer(zero).unwrap().stats.batches_in_flight, 0);
}

/// A batch whose `linger.ms` passes while five are in flight waits for a free place (the
/// idempotent producer's five in-flight requests), open, so later records join it, and goes
/// when the first acknowledgement arrives: never six in flight at once.
#[test]
fn a_lingered_batch_waits_while_five_are_in_flight() {
    let mut c = cluster(1);
    c.create_topic("t", TopicConfig::default()).unwrap();
    c.advance(2_000);
    let config = ProducerConfig {
        linger_ms: 50,
        ..ProducerConfig::default()
    };
    let p = c.create_producer("p", config).unwrap();
    // One record every 60 ms: each batch lingers 50 ms and leaves alone, well within the
    // 400 ms each way a request and its answer take here.
    let mut h = Vec::new();
    for i in 0..8 {
        c.produce(p, text("t", None, &i.to_string())).unwrap();
        h.extend(c.take_happenings());
        h.extend(c.advance(60));
    }
    h.extend(c.advance(10_000));
    let (sent, acked) = sent_and_acked(&h);
    let ids: Vec<u64> = sent.keys().copied().collect();
    // The sixth batch stays open while it waits, so the last three records join it.
    assert_eq!(ids.len(), 6);
    for (i, id) in ids.iter().enumerate() {
        let at = sent[id];
        let in_flight = ids[..i].iter().filter(|b| acked[b] > at).count();
        assert!(
            in_flight < 5,
            "batch {id} left at {at} ms with {in_flight} in flight"
        );
    }
    assert_eq!(
        sent[&ids[5]], acked[&ids[0]],
        "the sixth goes at the first free place"
    );
    assert_eq!(c.producer(p).unwrap().stats.records_acked, 8);
}
