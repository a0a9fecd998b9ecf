//! One replica's log of a partition: an append-only list of records cut into segments.
//!
//! What holds true: offsets are contiguous from `log_start_offset` to `log_end_offset - 1`;
//! retention deletes whole segments, oldest first, and never one that reaches the high
//! watermark, so `log_start_offset` only moves forward and never passes what consumers
//! may still need to see.

use crate::record::{PendingRecord, Record};
use crate::schedule::Ms;
use serde::{Deserialize, Serialize};

/// One segment: a run of offsets that retention deletes as a whole.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub base_offset: u64,
    pub size_bytes: u64,
    /// The newest record timestamp in the segment; time retention looks at this.
    pub largest_timestamp: Ms,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartitionLog {
    records: Vec<Record>,
    log_start_offset: u64,
    log_end_offset: u64,
    /// Oldest first; the last is the active segment new records go to.
    segments: Vec<Segment>,
}

/// What retention should keep, from the topic's `retention.bytes` and `retention.ms`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetentionLimits {
    pub retention_bytes: Option<u64>,
    pub retention_ms: Option<u64>,
    pub segment_bytes: u64,
}

impl PartitionLog {
    pub fn log_start_offset(&self) -> u64 {
        self.log_start_offset
    }

    /// The offset the next appended record will get.
    pub fn log_end_offset(&self) -> u64 {
        self.log_end_offset
    }

    /// All records still kept, oldest first; `records()[i].offset == log_start_offset + i`.
    pub fn records(&self) -> &[Record] {
        &self.records
    }

    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    pub fn size_bytes(&self) -> u64 {
        self.segments.iter().map(|s| s.size_bytes).sum()
    }

    /// Records from `from` (inclusive) to `to` (exclusive), at most `max` of them.
    /// Offsets below the log start are skipped rather than invented.
    pub fn read(&self, from: u64, to: u64, max: usize) -> &[Record] {
        let from = from.max(self.log_start_offset);
        let to = to.min(self.log_end_offset);
        if from >= to {
            return &[];
        }
        let start = (from - self.log_start_offset) as usize;
        let end = ((to - self.log_start_offset) as usize).min(start + max);
        &self.records[start..end]
    }

    /// Appends records, giving them the next offsets; rolls a new segment when the active
    /// one would grow past `segment_bytes`. Returns the first and last offsets written.
    pub fn append(
        &mut self,
        batch: Vec<PendingRecord>,
        producer_id: u32,
        leader_epoch: u32,
        segment_bytes: u64,
    ) -> Option<(u64, u64)> {
        let base = self.log_end_offset;
        for pending in batch {
            let size = pending.size_bytes as u64;
            let ts = pending.timestamp;
            let roll = match self.segments.last() {
                None => true,
                Some(active) => active.size_bytes > 0 && active.size_bytes + size > segment_bytes,
            };
            if roll {
                self.segments.push(Segment {
                    base_offset: self.log_end_offset,
                    size_bytes: 0,
                    largest_timestamp: 0,
                });
            }
            let active = self
                .segments
                .last_mut()
                .expect("a segment was just ensured");
            active.size_bytes += size;
            active.largest_timestamp = active.largest_timestamp.max(ts);
            self.records
                .push(pending.into_record(self.log_end_offset, producer_id, leader_epoch));
            self.log_end_offset += 1;
        }
        (self.log_end_offset > base).then(|| (base, self.log_end_offset - 1))
    }

    /// Drops every record at or above `offset` (a replica following a new leader whose log
    /// is shorter). Returns how many records were removed.
    pub fn truncate_to(&mut self, offset: u64) -> u64 {
        if offset >= self.log_end_offset {
            return 0;
        }
        let offset = offset.max(self.log_start_offset);
        let removed = self.log_end_offset - offset;
        self.records
            .truncate((offset - self.log_start_offset) as usize);
        self.segments
            .retain(|s| s.base_offset < offset || s.base_offset == self.log_start_offset);
        if let Some(active) = self.segments.last_mut() {
            let kept = self
                .records
                .iter()
                .filter(|r| r.offset >= active.base_offset);
            active.size_bytes = kept.clone().map(|r| r.size_bytes as u64).sum();
            active.largest_timestamp = kept.map(|r| r.timestamp).max().unwrap_or(0);
        }
        self.log_end_offset = offset;
        removed
    }

    /// Deletes the oldest whole segments that retention allows, never one holding an offset
    /// at or above `high_watermark`. Returns the number of records deleted.
    pub fn apply_retention(
        &mut self,
        limits: RetentionLimits,
        high_watermark: u64,
        now: Ms,
    ) -> u64 {
        let mut deleted_segments = 0;
        let mut total = self.size_bytes();
        for (i, seg) in self.segments.iter().enumerate() {
            let is_active = i + 1 == self.segments.len();
            let upper = self
                .segments
                .get(i + 1)
                .map_or(self.log_end_offset, |s| s.base_offset);
            if upper > high_watermark || seg.size_bytes == 0 {
                break;
            }
            let too_big = !is_active
                && limits
                    .retention_bytes
                    .is_some_and(|max| total - seg.size_bytes >= max);
            let too_old = limits
                .retention_ms
                .is_some_and(|ms| now.saturating_sub(seg.largest_timestamp) > ms);
            if !(too_big || too_old) {
                break;
            }
            total -= seg.size_bytes;
            deleted_segments += 1;
        }
        if deleted_segments == 0 {
            return 0;
        }
        let new_start = self
            .segments
            .get(deleted_segments)
            .map_or(self.log_end_offset, |s| s.base_offset);
        self.segments.drain(..deleted_segments);
        let removed = new_start - self.log_start_offset;
        self.records.drain(..removed as usize);
        self.log_start_offset = new_start;
        if self.segments.is_empty() {
            // Time retention took the active segment: roll an empty one at the log end.
            self.segments.push(Segment {
                base_offset: new_start,
                size_bytes: 0,
                largest_timestamp: 0,
            });
        }
        removed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(size: u32, ts: Ms) -> PendingRecord {
        PendingRecord {
            timestamp: ts,
            key: None,
            value: Some(vec![b'x'; (size - 7) as usize]),
            headers: vec![],
            size_bytes: size,
        }
    }

    fn log_of(n: usize, size: u32, segment_bytes: u64) -> PartitionLog {
        let mut log = PartitionLog::default();
        for i in 0..n {
            log.append(vec![rec(size, i as Ms)], 1, 0, segment_bytes);
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
        log.append(vec![rec(20, 101)], 1, 0, 1000);
        assert_eq!(log.records()[0].offset, 4);
    }

    #[test]
    fn truncation_removes_the_tail_and_later_appends_reuse_the_offsets() {
        let mut log = log_of(6, 20, 50);
        assert_eq!(log.truncate_to(3), 3);
        assert_eq!(log.log_end_offset(), 3);
        assert_eq!(log.size_bytes(), 60);
        let (base, last) = log.append(vec![rec(20, 9)], 2, 1, 50).unwrap();
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
}
