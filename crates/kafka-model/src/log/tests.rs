//! Unit tests of the log: segments, retention, truncation, epochs, compaction.
use super::*;

fn rec(size: u32, ts: Ms) -> PendingRecord {
    PendingRecord {
        timestamp: ts,
        key: None,
        value: Some(vec![b'x'; (size - 7) as usize].into()),
        headers: vec![],
        size_bytes: size,
    }
}

fn log_of(n: usize, size: u32, segment_bytes: u64) -> PartitionLog {
    let mut log = PartitionLog::default();
    for i in 0..n {
        log.append(
            vec![rec(size, i as Ms)],
            1,
            0,
            RollPolicy::bytes(segment_bytes),
        );
    }
    log
}

#[test]
fn offsets_are_contiguous_and_segments_roll_at_segment_bytes() {
    let log = log_of(10, 20, 50);
    assert_eq!(log.log_end_offset(), 10);
    assert!(log
        .records()
        .iter()
        .enumerate()
        .all(|(i, r)| r.offset == i as u64));
    // 50-byte segments hold two 20-byte records.
    assert_eq!(log.segments().len(), 5);
    assert_eq!(log.segments()[1].base_offset, 2);
}

#[test]
fn size_retention_deletes_whole_oldest_segments_below_high_watermark() {
    let mut log = log_of(10, 20, 50);
    let limits = RetentionLimits {
        retention_bytes: Some(100),
        retention_ms: None,
        segment_bytes: 50,
    };
    // High watermark 3: only the first segment (offsets 0-1) is eligible.
    assert_eq!(log.apply_retention(limits, 3, 100), 2);
    assert_eq!(log.log_start_offset(), 2);
    assert_eq!(log.records()[0].offset, 2);
    // With everything committed, delete while the log stays at or above the cap without
    // the segment (Kafka: `diff - segment.size >= 0`): at most one segment over it.
    log.apply_retention(limits, 10, 100);
    assert_eq!(log.log_start_offset(), 4);
    assert_eq!(log.size_bytes(), 120);
}

#[test]
fn time_retention_can_empty_the_log_but_offsets_keep_counting() {
    let mut log = log_of(4, 20, 1000);
    let limits = RetentionLimits {
        retention_bytes: None,
        retention_ms: Some(10),
        segment_bytes: 1000,
    };
    assert_eq!(log.apply_retention(limits, 4, 100), 4);
    assert_eq!((log.log_start_offset(), log.log_end_offset()), (4, 4));
    log.append(vec![rec(20, 101)], 1, 0, RollPolicy::bytes(1000));
    assert_eq!(log.records()[0].offset, 4);
}

#[test]
fn truncation_removes_the_tail_and_later_appends_reuse_the_offsets() {
    let mut log = log_of(6, 20, 50);
    assert_eq!(log.truncate_to(3), 3);
    assert_eq!(log.log_end_offset(), 3);
    assert_eq!(log.size_bytes(), 60);
    let (base, last) = log
        .append(vec![rec(20, 9)], 2, 1, RollPolicy::bytes(50))
        .unwrap();
    assert_eq!((base, last), (3, 3));
    assert_eq!(log.records()[3].producer_id, Some(2));
}

#[test]
fn read_never_goes_past_the_bound_it_is_given() {
    let log = log_of(10, 20, 50);
    assert_eq!(log.read(4, 7, 100).len(), 3);
    assert_eq!(log.read(4, 7, 2).len(), 2);
    assert!(log.read(7, 7, 100).is_empty());
}

fn keyed(key: &str, value: Option<&str>, ts: Ms) -> PendingRecord {
    let (key, value) = (
        Some(key.as_bytes().into()),
        value.map(|v| v.as_bytes().into()),
    );
    PendingRecord {
        size_bytes: crate::record::record_size(&key, &value, &[]),
        timestamp: ts,
        key,
        value,
        headers: vec![],
    }
}

#[test]
fn segment_ms_rolls_a_segment_once_its_first_record_is_old_enough() {
    let mut log = PartitionLog::default();
    let roll = RollPolicy {
        segment_bytes: 1_000_000,
        segment_ms: Some(100),
    };
    log.append(vec![rec(20, 0)], 1, 0, roll);
    log.append(vec![rec(20, 50)], 1, 0, roll);
    assert_eq!(log.segments().len(), 1);
    log.append(vec![rec(20, 101)], 1, 0, roll);
    assert_eq!(log.segments().len(), 2);
    assert_eq!(log.segments()[1].base_offset, 2);
}

#[test]
fn the_epoch_cache_says_where_each_leader_epoch_ends() {
    let mut log = log_of(3, 20, 1000);
    log.append(vec![rec(20, 5), rec(20, 6)], 1, 2, RollPolicy::bytes(1000));
    assert_eq!(log.last_epoch(), Some(2));
    assert_eq!(log.end_offset_for_epoch(0), Some((0, 3)));
    // Epoch 1 never wrote anything here: the answer is epoch 0's end.
    assert_eq!(log.end_offset_for_epoch(1), Some((0, 3)));
    assert_eq!(log.end_offset_for_epoch(2), Some((2, 5)));
    log.truncate_to(3);
    assert_eq!(log.last_epoch(), Some(0));
}

#[test]
fn compaction_keeps_the_latest_record_per_key_outside_the_active_segment() {
    let mut log = PartitionLog::default();
    let roll = RollPolicy::bytes(40);
    for (i, (k, v)) in [
        ("a", "1"),
        ("b", "1"),
        ("a", "2"),
        ("b", "2"),
        ("c", "1"),
        ("a", "3"),
    ]
    .into_iter()
    .enumerate()
    {
        log.append(vec![keyed(k, Some(v), i as Ms)], 1, 0, roll);
    }
    let limits = CleanerLimits {
        delete_retention_ms: 1_000,
    };
    let removed = log.compact(limits, 6, 10);
    let kept: Vec<u64> = log.records().iter().map(|r| r.offset).collect();
    // a@0 and b@1 are superseded; the active segment (c@4, a@5) is never cleaned, and a@2
    // is superseded only by a record there, which the cleaner does not look at.
    assert_eq!(removed, 2, "{kept:?}");
    assert_eq!(kept, [2, 3, 4, 5]);
    assert_eq!(log.read(0, 6, 10).first().map(|r| r.offset), Some(2));
}

/// A record that exactly fills the active segment stays in it; only one that would pass
/// `segment.bytes` rolls a new one (Kafka's `LogSegment.shouldRoll`: `size > maxSize -
/// messagesSize`).
#[test]
fn a_record_that_exactly_fills_a_segment_does_not_roll_it() {
    let log = log_of(4, 20, 60);
    let bases: Vec<u64> = log.segments().iter().map(|s| s.base_offset).collect();
    assert_eq!(
        bases,
        [0, 3],
        "three 20-byte records fill a 60-byte segment exactly"
    );
}

/// An empty batch appends nothing and names no range of offsets.
#[test]
fn an_empty_batch_appends_nothing() {
    let mut log = log_of(3, 20, 1_000);
    assert_eq!(log.append(vec![], 1, 0, RollPolicy::bytes(1_000)), None);
    assert_eq!(log.log_end_offset(), 3);
    let mut empty = PartitionLog::default();
    assert_eq!(empty.append(vec![], 1, 0, RollPolicy::bytes(1_000)), None);
}

/// Where the epochs after `epoch` begin: the start offset of the first epoch greater than
/// it, or the log end offset when none is (Kafka's `LeaderEpochFileCache.endOffsetFor`,
/// which a follower takes the smaller of with its leader's answer when it truncates).
#[test]
fn the_end_of_an_epoch_is_where_the_next_greater_one_starts() {
    let mut log = PartitionLog::default();
    let roll = RollPolicy::bytes(1_000);
    for (epoch, n) in [(0, 5), (2, 4), (4, 3)] {
        for _ in 0..n {
            log.append(vec![rec(20, 0)], 1, epoch, roll);
        }
    }
    assert_eq!(log.log_end_offset(), 12);
    for (epoch, end) in [(0, 5), (1, 5), (2, 9), (3, 9), (4, 12), (7, 12)] {
        assert_eq!(log.start_of_epoch_after(epoch), end, "epoch {epoch}");
    }
}

/// Truncation deletes the segments whose base offset lies past the target and keeps the
/// rest, a segment starting exactly at the target included, empty, as the active one
/// (Kafka's `LocalLog.truncateTo`: `segments.filter(segment => segment.baseOffset >
/// targetOffset)` are deleted, then `activeSegment.truncateTo(targetOffset)`).
#[test]
fn truncation_keeps_the_segment_that_starts_at_the_target() {
    let bases =
        |log: &PartitionLog| -> Vec<u64> { log.segments().iter().map(|s| s.base_offset).collect() };
    let mut log = log_of(10, 20, 50);
    assert_eq!(bases(&log), [0, 2, 4, 6, 8]);
    assert_eq!(log.truncate_to(6), 4);
    assert_eq!((bases(&log), log.log_end_offset()), (vec![0, 2, 4, 6], 6));
    assert_eq!(
        log.segments()[3].size_bytes,
        0,
        "the active segment is empty"
    );
    assert_eq!(log.truncate_to(5), 1);
    assert_eq!((bases(&log), log.log_end_offset()), (vec![0, 2, 4], 5));
    assert_eq!(log.segments()[2].size_bytes, 20, "offset 4 stays in it");
    assert_eq!(log.truncate_to(0), 5);
    assert_eq!((bases(&log), log.log_end_offset()), (vec![0], 0));
    // The next record goes into the segment the truncation left active.
    log.append(vec![rec(20, 0)], 1, 0, RollPolicy::bytes(50));
    assert_eq!((bases(&log), log.log_end_offset()), (vec![0], 1));
}

/// Starting over at an offset (Kafka's `truncateFullyAndStartAt`): no records, log start and
/// log end both at it, and the next record is written there.
#[test]
fn a_log_started_over_at_an_offset_begins_there() {
    let mut log = log_of(4, 20, 50);
    assert_eq!(log.truncate_fully_and_start_at(7), 4);
    assert_eq!(
        (
            log.log_start_offset(),
            log.log_end_offset(),
            log.records().len()
        ),
        (7, 7, 0)
    );
    log.append(vec![rec(20, 0)], 1, 3, RollPolicy::bytes(50));
    assert_eq!(log.records()[0].offset, 7);
    assert_eq!(log.segments()[0].base_offset, 7);
    assert_eq!(log.start_of_epoch_after(2), 7, "epoch 3 begins at 7");
}

/// Moving the log start forward (`kafka-delete-records`, or a follower following its
/// leader's start): the records below it go and are counted, a segment is kept while it holds
/// an offset at or past it (Kafka deletes a segment once the next one starts at or below the
/// log start), a start that does not move changes nothing, and it never passes the log end.
#[test]
fn the_log_start_moves_only_forward_and_takes_what_lies_below() {
    let mut log = log_of(10, 20, 50);
    assert_eq!(log.advance_log_start(5), 5);
    assert_eq!(log.log_start_offset(), 5);
    assert_eq!(log.records()[0].offset, 5);
    assert_eq!(
        log.segments().len(),
        3,
        "the segments holding 5, 6-7 and 8-9"
    );
    let sizes: Vec<u64> = log.segments().iter().map(|s| s.size_bytes).collect();
    assert_eq!(
        sizes,
        [20, 40, 40],
        "each segment's size is what it still holds"
    );
    assert_eq!(log.size_bytes(), 100, "the size retention.bytes weighs");
    assert_eq!(log.advance_log_start(5), 0);
    assert_eq!(log.advance_log_start(3), 0, "never backwards");
    assert_eq!(log.log_start_offset(), 5);
    assert_eq!(log.advance_log_start(100), 5, "at most to the log end");
    assert_eq!((log.log_start_offset(), log.log_end_offset()), (10, 10));
}

/// The epoch cache follows the log start: entries wholly below it go, and the newest one at or
/// below it is moved up to start there (Kafka's `LeaderEpochFileCache.truncateFromStart`).
#[test]
fn the_epoch_cache_follows_the_log_start() {
    let mut log = PartitionLog::default();
    let roll = RollPolicy::bytes(1_000);
    for (epoch, n) in [(0, 5), (2, 4), (4, 3)] {
        for _ in 0..n {
            log.append(vec![rec(20, 0)], 1, epoch, roll);
        }
    }
    let epochs = |log: &PartitionLog| -> Vec<(u32, u64)> {
        log.epochs()
            .iter()
            .map(|e| (e.epoch, e.start_offset))
            .collect()
    };
    log.advance_log_start(6);
    assert_eq!(epochs(&log), [(2, 6), (4, 9)]);
    log.advance_log_start(9);
    assert_eq!(epochs(&log), [(4, 9)]);
}

/// Time retention deletes a segment only once its newest record is older than
/// `retention.ms` (Kafka's `startMs - segment.largestTimestamp > retentionMs`): exactly that
/// old, it stays.
#[test]
fn a_segment_exactly_retention_ms_old_stays() {
    let mut log = log_of(4, 20, 50); // segments [0, 2], timestamps 0..=3
    let limits = RetentionLimits {
        retention_bytes: None,
        retention_ms: Some(100),
        segment_bytes: 50,
    };
    // The first segment's newest record is at 1 ms: at 101 ms it is exactly 100 ms old.
    assert_eq!(log.apply_retention(limits, 4, 101), 0);
    assert_eq!(log.apply_retention(limits, 4, 102), 2);
    assert_eq!(log.log_start_offset(), 2);
}

/// When every segment has expired, the active one goes too and the log goes on from its end
/// with an empty segment, which retention then leaves alone (Kafka deletes a non-empty active
/// segment and rolls a new one; it never deletes the last segment when it is empty).
#[test]
fn when_everything_expires_the_log_goes_on_from_its_end() {
    let mut log = log_of(4, 20, 50);
    let limits = RetentionLimits {
        retention_bytes: None,
        retention_ms: Some(100),
        segment_bytes: 50,
    };
    assert_eq!(log.apply_retention(limits, 4, 1_000), 4);
    assert_eq!((log.log_start_offset(), log.log_end_offset()), (4, 4));
    let bases: Vec<u64> = log.segments().iter().map(|s| s.base_offset).collect();
    assert_eq!(bases, [4]);
    assert_eq!(log.apply_retention(limits, 4, 2_000), 0);
    assert_eq!(log.segments().len(), 1, "the empty active segment stays");
}

/// Retention moves the epoch cache's start with the log's, as `kafka-delete-records` does.
#[test]
fn retention_moves_the_epoch_cache_with_the_log_start() {
    let mut log = PartitionLog::default();
    let roll = RollPolicy::bytes(50); // two 20-byte records a segment
    for (epoch, n) in [(0, 3), (1, 5)] {
        for i in 0..n {
            log.append(vec![rec(20, i)], 1, epoch, roll);
        }
    }
    let limits = RetentionLimits {
        retention_bytes: Some(80),
        retention_ms: None,
        segment_bytes: 50,
    };
    // 160 bytes in segments [0, 2, 4, 6]: the two oldest go, the log starts at 4.
    assert_eq!(log.apply_retention(limits, 8, 0), 4);
    assert_eq!(log.log_start_offset(), 4);
    let epochs: Vec<(u32, u64)> = log
        .epochs()
        .iter()
        .map(|e| (e.epoch, e.start_offset))
        .collect();
    assert_eq!(
        epochs,
        [(1, 4)],
        "epoch 1 began at 3; the log now begins at 4"
    );
}

/// A tombstone stays `delete.retention.ms` after its own segment's newest record, so a
/// consumer that read the key's older value can still see the delete; an older segment
/// before it does not decide.
#[test]
fn a_tombstone_waits_for_delete_retention_after_its_own_segment() {
    let mut log = PartitionLog::default();
    let roll = RollPolicy {
        segment_bytes: 1_000_000,
        segment_ms: Some(10),
    };
    for (k, v, ts) in [
        ("a", Some("1"), 0),
        ("b", Some("1"), 5),
        ("a", None, 5_000),
        ("c", Some("1"), 5_000),
        ("d", Some("1"), 5_005),
        ("e", Some("1"), 5_020),
    ] {
        log.append(vec![keyed(k, v, ts)], 1, 0, roll);
    }
    let bases: Vec<u64> = log.segments().iter().map(|s| s.base_offset).collect();
    assert_eq!(
        bases,
        [0, 2, 5],
        "the tombstone a@2 is in the second segment"
    );
    let limits = CleanerLimits {
        delete_retention_ms: 1_000,
    };
    let offsets =
        |log: &PartitionLog| -> Vec<u64> { log.records().iter().map(|r| r.offset).collect() };
    // At 5,500 ms the first segment is long past the horizon, the tombstone's own is not.
    log.compact(limits, 6, 5_500);
    assert_eq!(
        offsets(&log),
        [1, 2, 3, 4, 5],
        "a@0 is superseded; the tombstone a@2 stays"
    );
    let held: u64 = log.records().iter().map(|r| r.size_bytes as u64).sum();
    assert_eq!(
        log.size_bytes(),
        held,
        "cleaned segments weigh what they still hold"
    );
    log.compact(limits, 6, 6_006);
    assert_eq!(
        offsets(&log),
        [1, 3, 4, 5],
        "past delete.retention.ms the tombstone goes too"
    );
}

/// A record larger than `segment.bytes` still goes into a segment of its own, and into the
/// active segment when that one is empty (left so by a truncation) rather than beside it:
/// Kafka never keeps two segments at one base offset.
#[test]
fn records_larger_than_a_segment_get_a_segment_each() {
    let bases =
        |log: &PartitionLog| -> Vec<u64> { log.segments().iter().map(|s| s.base_offset).collect() };
    let mut log = log_of(3, 100, 50);
    assert_eq!(bases(&log), [0, 1, 2]);
    log.truncate_to(2);
    assert_eq!(bases(&log), [0, 1, 2], "the segment at 2 stays, empty");
    log.append(vec![rec(100, 9)], 1, 0, RollPolicy::bytes(50));
    assert_eq!(bases(&log), [0, 1, 2]);
    assert!(log.segments().iter().all(|s| s.size_bytes == 100));
}

/// `retention.bytes` = 0 keeps nothing that is committed, the active segment included
/// (Kafka's `diff - segment.size >= 0` holds for every segment); the log goes on from its end.
#[test]
fn retention_bytes_zero_deletes_every_committed_segment() {
    let mut log = log_of(5, 20, 50);
    let limits = RetentionLimits {
        retention_bytes: Some(0),
        retention_ms: None,
        segment_bytes: 50,
    };
    assert_eq!(
        log.apply_retention(limits, 4, 0),
        4,
        "not the segment holding offset 4, above the HW"
    );
    assert_eq!(log.apply_retention(limits, 5, 0), 1);
    assert_eq!(
        (
            log.log_start_offset(),
            log.log_end_offset(),
            log.size_bytes()
        ),
        (5, 5, 0)
    );
    let bases: Vec<u64> = log.segments().iter().map(|s| s.base_offset).collect();
    assert_eq!(bases, [5]);
}
