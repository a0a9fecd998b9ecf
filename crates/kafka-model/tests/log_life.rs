//! The log's life: segments, retention, compaction and tombstones.
//!
//! Checked against `core/src/main/scala/kafka/log/UnifiedLog.scala` (`deleteOldSegments`,
//! retention by time and size, the log start offset),
//! `storage/src/main/java/org/apache/kafka/storage/internals/log/Cleaner.java` and
//! `LogCleaner.java` (latest value per key, offsets kept, tombstones kept for
//! `delete.retention.ms`) and `storage/.../internals/log/LogValidator.java` (`validateKey`:
//! "Compacted topic cannot accept message without key", INVALID_RECORD).
//!
//! Expected segment layouts follow `LogSegment.shouldRoll`: a segment rolls when the next
//! record does not fit in `segment.bytes`, or when the new record's timestamp is more than
//! `segment.ms` past the segment's first (`timeWaitedForRoll`). A record here takes
//! `RECORD_OVERHEAD_BYTES` (7) plus its key and value bytes, and the model places records,
//! not whole batches, into segments — the same thing here, where each batch holds one
//! record or a run of equal-sized ones.
//!
//! Timing: the playground's clock (`Timing::default`) has 300–550 ms network flights and
//! runs retention and the cleaner every 5 s (`retention_check_interval_ms`), so `put`'s
//! 1 s lets each record's produce and ack finish before the next, and 6 s after the last
//! write covers at least one cleaner pass.
mod scenario;
use kafka_model::*;
use scenario::*;

fn compacted(c: &mut Cluster, policy: CleanupPolicy) -> TopicPartition {
    let config = TopicConfig {
        segment_bytes: 60,
        delete_retention_ms: 20_000,
        ..TopicConfig::default()
    }
    .with_cleanup_policy(policy);
    c.create_topic("t", config).unwrap();
    TopicPartition::new("t", 0)
}

fn put(c: &mut Cluster, p: ProducerId, key: &str, value: Option<&str>) -> Vec<Happening> {
    let mut record = text("t", Some(key), value.unwrap_or(""));
    if value.is_none() {
        record.value = None;
    }
    c.produce(p, record).unwrap();
    // One produce round trip (two flights and the append) fits in 1 s.
    c.advance(1_000)
}

fn kept(c: &Cluster, tp: &TopicPartition) -> Vec<(u64, String, Option<String>)> {
    c.partition(tp)
        .unwrap()
        .records()
        .iter()
        .map(|r| (r.offset, r.key_text().unwrap(), r.value_text()))
        .collect()
}

#[test]
fn compaction_keeps_latest_value_per_key_and_offsets() {
    let mut c = cluster(1);
    let tp = compacted(&mut c, CleanupPolicy::Compact);
    let p = eager_producer(&mut c, Acks::All);
    let mut h = Vec::new();
    for (k, v) in [
        ("a", "1"),
        ("b", "1"),
        ("a", "2"),
        ("a", "3"),
        ("b", "2"),
        ("c", "1"),
    ] {
        h.extend(put(&mut c, p, k, Some(v)));
    }
    // Fill past the segment so the records above are no longer in the active segment.
    for i in 0..6 {
        h.extend(put(&mut c, p, "z", Some(&i.to_string())));
    }
    h.extend(c.advance(6_000));
    let removed: u64 = h
        .iter()
        .filter_map(|x| match &x.kind {
            HappeningKind::LogCompacted {
                records_removed, ..
            } => Some(*records_removed),
            _ => None,
        })
        .sum();
    // Nine bytes a record, 60-byte segments: six records a segment. The cleaner cleans
    // below the active segment only (`LogCleanerManager.cleanableOffsets`), so offsets 0-5
    // are cleaned with their own latest values per key (a@3, b@4, c@5): a@0, b@1 and a@2
    // go; the z records sit in the active segment, untouched.
    assert_eq!(removed, 3);
    let kept = kept(&c, &tp);
    let of = |k: &str| {
        kept.iter()
            .filter(|(_, key, _)| key == k)
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(of("a"), [(3, "a".to_string(), Some("3".to_string()))]);
    assert_eq!(of("b"), [(4, "b".to_string(), Some("2".to_string()))]);
    assert_eq!(of("c"), [(5, "c".to_string(), Some("1".to_string()))]);
    // Offsets never change: the log now has gaps, and its end is where it was. A record is
    // found by its offset across the gaps; a cleaned-away offset holds nothing.
    let part = c.partition(&tp).unwrap();
    assert_eq!(
        part.record_at(3).and_then(|r| r.value_text()).as_deref(),
        Some("3")
    );
    assert_eq!(part.record_at(11).map(|r| r.offset), Some(11));
    assert!(part.record_at(0).is_none() && part.record_at(2).is_none());
    assert!(part.record_at(12).is_none(), "nothing at the log end");
    assert_eq!(c.partition(&tp).unwrap().log_end_offset(), 12);
    assert_eq!(c.partition(&tp).unwrap().log_start_offset(), 0);
}

#[test]
fn a_consumer_reads_a_compacted_log_across_its_gaps() {
    let mut c = cluster(1);
    let tp = compacted(&mut c, CleanupPolicy::Compact);
    let p = eager_producer(&mut c, Acks::All);
    for i in 0..12 {
        put(
            &mut c,
            p,
            if i < 8 { "a" } else { "b" },
            Some(&i.to_string()),
        );
    }
    c.advance(6_000);
    let consumer = c
        .create_consumer(
            "reader",
            ConsumerConfig::default().with_offset_reset(AutoOffsetReset::Earliest),
        )
        .unwrap();
    c.assign_partitions(consumer, vec![tp.clone()]).unwrap();
    let h = c.advance(10_000);
    let got: Vec<u64> = delivered_to(&h, &ConsumerRef::Standalone(consumer))
        .into_iter()
        .map(|(_, o)| o)
        .collect();
    let expected: Vec<u64> = kept(&c, &tp).into_iter().map(|(o, _, _)| o).collect();
    assert_eq!(got, expected);
    // Nine- and ten-byte records, 60-byte segments: 0-5 in the first segment, 6-11 in the
    // active one. Cleaning the first keeps only a@5 there; the active segment is whole.
    assert_eq!(got, (5..12).collect::<Vec<u64>>());
    let position = c.consumer(consumer).unwrap().assignment[&tp].position;
    assert_eq!(position, Some(12), "past the gaps to the log end");
}

#[test]
fn tombstones_vanish_after_delete_retention() {
    let mut c = cluster(1);
    let tp = compacted(&mut c, CleanupPolicy::Compact);
    let p = eager_producer(&mut c, Acks::All);
    put(&mut c, p, "a", Some("1"));
    put(&mut c, p, "a", None); // the tombstone
    for i in 0..8 {
        put(&mut c, p, "z", Some(&i.to_string()));
    }
    c.advance(6_000);
    let has_tombstone = |c: &Cluster| kept(c, &tp).iter().any(|(_, k, v)| k == "a" && v.is_none());
    assert!(
        has_tombstone(&c),
        "kept while consumers may still need the delete"
    );
    assert!(!kept(&c, &tp)
        .iter()
        .any(|(_, k, v)| k == "a" && v.is_some()));
    // delete.retention.ms is 20 s here: 25 s covers it and the next cleaner pass.
    c.advance(25_000);
    assert!(!has_tombstone(&c), "gone after delete.retention.ms");
}

#[test]
fn a_compacted_topic_refuses_records_without_a_key() {
    let mut c = cluster(1);
    compacted(&mut c, CleanupPolicy::Compact);
    let p = eager_producer(&mut c, Acks::All);
    c.produce(p, text("t", None, "no key")).unwrap();
    let h = c.advance(3_000);
    assert!(h.iter().any(|x| matches!(
        &x.kind,
        HappeningKind::ProduceFailed {
            error: KafkaError::InvalidRecord { .. },
            will_retry: false,
            ..
        }
    )));
    assert!(named(&h, "AppendedAtLeader").is_empty());
}

#[test]
fn compact_delete_also_deletes_old_segments() {
    let mut c = cluster(1);
    let config = TopicConfig {
        segment_bytes: 60,
        retention_ms: Some(15_000),
        ..TopicConfig::default()
    }
    .with_cleanup_policy(CleanupPolicy::CompactDelete);
    c.create_topic("t", config).unwrap();
    let tp = TopicPartition::new("t", 0);
    let p = eager_producer(&mut c, Acks::All);
    for i in 0..10 {
        put(&mut c, p, &format!("k{i}"), Some("v"));
    }
    // Ten 10-byte records written at 0-9 s: offsets 0-5 in the first segment, 6-9 in the
    // active one. At 30 s every segment's newest record is over 15 s old; time retention
    // deletes them all, the active one too, after rolling an empty one at the log end
    // (`UnifiedLog.deleteRetentionMsBreachedSegments`, `roll` when all are deletable).
    c.advance(20_000);
    let part = c.partition(&tp).unwrap();
    assert_eq!(
        part.log_start_offset(),
        10,
        "time retention moved the log start"
    );
    assert!(part.records().is_empty());
    assert_eq!(part.log_end_offset(), 10);
}

#[test]
fn retention_moves_log_start_and_consumer_resets() {
    let mut c = cluster(1);
    let config = TopicConfig {
        segment_bytes: 40,
        retention_bytes: Some(80),
        ..TopicConfig::default()
    };
    c.create_topic("t", config).unwrap();
    let tp = TopicPartition::new("t", 0);
    c.create_group(
        "g",
        ConsumerConfig::default().with_offset_reset(AutoOffsetReset::Earliest),
    )
    .unwrap();
    let m = c.add_member("g", "c", vec!["t".into()]).unwrap();
    let p = eager_producer(&mut c, Acks::All);
    c.produce(p, text("t", None, "first")).unwrap();
    // The group's first rebalance waits 3 s (group.initial.rebalance.delay.ms), then the
    // assignment, the fetch and the delivery take a few flights: done well within 8 s.
    c.advance(8_000);
    c.commit("g", &m).unwrap();
    // A commit's round trip.
    c.advance(2_000);
    assert_eq!(c.group("g").unwrap().committed(&tp), Some(1));
    c.remove_member("g", &m).unwrap();
    c.advance(3_000);
    for i in 0..30 {
        c.produce(p, text("t", None, &format!("r{i:02}"))).unwrap();
    }
    // Two retention checks after the last append, with the HW past every record.
    let h = c.advance(10_000);
    let start = c.partition(&tp).unwrap().log_start_offset();
    // "first" (12 bytes) and r00, r01 fill the first 40-byte segment (32 bytes); then four
    // 10-byte records a segment: bases 0, 3, 7, ..., 27; 312 bytes in all. Size retention
    // deletes the oldest segment while what remains is still at least retention.bytes
    // (`UnifiedLog.deleteRetentionSizeBreachedSegments`: size - segment >= 80): six go,
    // leaving the segments at 23 and 27 (80 bytes).
    assert_eq!(start, 23, "retention deleted whole segments");
    assert!(!named(&h, "RecordsDeleted").is_empty());
    // The committed offset 1 is below the log start now: auto.offset.reset=earliest.
    c.add_member("g", "c", vec!["t".into()]).unwrap();
    let h = c.advance(10_000);
    assert!(h.iter().any(|x| matches!(
        &x.kind,
        HappeningKind::ConsumerError {
            error: KafkaError::OffsetOutOfRange { offset: 1, .. },
            ..
        }
    )));
    assert!(h.iter().any(|x| matches!(
        &x.kind,
        HappeningKind::PositionReset { offset, policy: Some(AutoOffsetReset::Earliest), .. } if *offset == start
    )));
    let first = delivered_in_group(&h, "g").first().map(|(_, _, o)| *o);
    assert_eq!(first, Some(start));
}

#[test]
fn segment_ms_rolls_segments_by_age() {
    let mut c = cluster(1);
    let config = TopicConfig {
        segment_ms: Some(3_000),
        ..TopicConfig::default()
    };
    c.create_topic("t", config).unwrap();
    let p = eager_producer(&mut c, Acks::All);
    for i in 0..6 {
        c.produce(p, text("t", None, &i.to_string())).unwrap();
        c.advance(1_000);
    }
    // Records stamped 0, 1, ..., 5 s. The segment rolls when a record is more than 3 s
    // newer than the segment's first (`LogSegment.timeWaitedForRoll` compares the new
    // batch's timestamp with the first one's): the record at 4 s starts the second.
    let part = c.partition(&TopicPartition::new("t", 0)).unwrap();
    let bases: Vec<u64> = part.log.segments().iter().map(|s| s.base_offset).collect();
    assert_eq!(bases, [0, 4], "{:?}", part.log.segments());
}
