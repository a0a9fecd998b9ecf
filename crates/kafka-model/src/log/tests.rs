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
