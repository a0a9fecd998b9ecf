//! One replica's log of a partition: records cut into segments, and its leader-epoch cache.
//!
//! What holds true: offsets rise from `log_start_offset` to below `log_end_offset`, with gaps
//! only where the cleaner removed records of a compacted topic (offsets never change);
//! retention deletes whole segments, oldest first, and never one that reaches the high
//! watermark, so `log_start_offset` only moves forward. Every record carries the leader
//! epoch it was written in, and the epoch cache says where each epoch began — what a
//! follower compares with its leader to find where their logs diverge (Kafka's
//! `LeaderEpochFileCache`, `storage/.../internals/epoch/LeaderEpochFileCache.java`).

mod cleaner;

pub use cleaner::CleanerLimits;

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
    /// The first record's timestamp: `segment.ms` rolls a segment this much later.
    #[serde(default)]
    pub first_timestamp: Option<Ms>,
}

impl Segment {
    fn empty_at(base_offset: u64) -> Self {
        Segment {
            base_offset,
            size_bytes: 0,
            largest_timestamp: 0,
            first_timestamp: None,
        }
    }
}

/// Where a leader epoch starts in the log (an entry of the leader-epoch cache).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EpochEntry {
    pub epoch: u32,
    pub start_offset: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartitionLog {
    records: Vec<Record>,
    log_start_offset: u64,
    log_end_offset: u64,
    /// Oldest first; the last is the active segment new records go to.
    segments: Vec<Segment>,
    /// Oldest first, epochs strictly rising.
    #[serde(default)]
    epochs: Vec<EpochEntry>,
}

/// When the active segment is closed and a new one begins (`segment.bytes`, `segment.ms`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RollPolicy {
    pub segment_bytes: u64,
    pub segment_ms: Option<Ms>,
}

impl RollPolicy {
    pub fn bytes(segment_bytes: u64) -> Self {
        RollPolicy {
            segment_bytes,
            segment_ms: None,
        }
    }
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

    /// All records still kept, oldest first, offsets rising (with gaps after compaction).
    pub fn records(&self) -> &[Record] {
        &self.records
    }

    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The leader-epoch cache: where each epoch's records begin.
    pub fn epochs(&self) -> &[EpochEntry] {
        &self.epochs
    }

    /// The bytes of all segments. Sizes add up saturating here and below: the model's own
    /// sizes stay far from `u64::MAX`, but a loaded snapshot can claim any size, and a wrong
    /// size must make a wrong retention decision, never a panic.
    pub fn size_bytes(&self) -> u64 {
        self.segments
            .iter()
            .fold(0u64, |sum, s| sum.saturating_add(s.size_bytes))
    }

    /// The epoch of the newest record written (what a follower sends as `lastFetchedEpoch`).
    pub fn last_epoch(&self) -> Option<u32> {
        self.epochs.last().map(|e| e.epoch)
    }

    /// Kafka's `endOffsetFor(epoch)`: the largest epoch at or below `epoch` this log knows
    /// and where it ends (the start of the next epoch, or the log end). `None` when the log
    /// knows no epoch that old.
    pub fn end_offset_for_epoch(&self, epoch: u32) -> Option<(u32, u64)> {
        let i = self.epochs.partition_point(|e| e.epoch <= epoch);
        let found = self.epochs.get(i.checked_sub(1)?)?;
        let end = self
            .epochs
            .get(i)
            .map_or(self.log_end_offset, |next| next.start_offset);
        Some((found.epoch, end))
    }

    fn index_of(&self, offset: u64) -> usize {
        self.records.partition_point(|r| r.offset < offset)
    }

    /// Records from `from` (inclusive) to `to` (exclusive), at most `max` of them.
    /// Offsets below the log start are skipped rather than invented.
    pub fn read(&self, from: u64, to: u64, max: usize) -> &[Record] {
        let start = self.index_of(from);
        let end = self.index_of(to.min(self.log_end_offset));
        if start >= end {
            return &[];
        }
        &self.records[start..end.min(start.saturating_add(max))]
    }

    fn roll_if_needed(&mut self, size: u64, ts: Ms, roll: RollPolicy) {
        let must_roll = match self.segments.last() {
            None => true,
            Some(active) => {
                let full = active.size_bytes > 0
                    && active.size_bytes.saturating_add(size) > roll.segment_bytes;
                let old = match (roll.segment_ms, active.first_timestamp) {
                    (Some(ms), Some(first)) => ts.saturating_sub(first) > ms,
                    _ => false,
                };
                full || old
            }
        };
        if must_roll {
            self.segments.push(Segment::empty_at(self.log_end_offset));
        }
    }

    fn push(&mut self, record: Record, roll: RollPolicy) {
        let size = record.size_bytes as u64;
        let ts = record.timestamp;
        self.roll_if_needed(size, ts, roll);
        let active = self
            .segments
            .last_mut()
            .expect("a segment was just ensured");
        active.size_bytes = active.size_bytes.saturating_add(size);
        active.largest_timestamp = active.largest_timestamp.max(ts);
        active.first_timestamp.get_or_insert(ts);
        if !matches!(self.last_epoch(), Some(e) if e >= record.leader_epoch) {
            self.epochs.push(EpochEntry {
                epoch: record.leader_epoch,
                start_offset: record.offset,
            });
        }
        self.log_end_offset = record.offset + 1;
        self.records.push(record);
    }

    /// Appends records as a leader does, giving them the next offsets and the leader's
    /// epoch; rolls a new segment when the active one is full or too old. Returns the first
    /// and last offsets written.
    pub fn append(
        &mut self,
        batch: Vec<PendingRecord>,
        producer_id: u32,
        leader_epoch: u32,
        roll: RollPolicy,
    ) -> Option<(u64, u64)> {
        self.append_batch(&batch, producer_id, 0, leader_epoch, roll)
    }

    /// [`PartitionLog::append`] for a producer's batch `batch_id`. The records share their
    /// key and value bytes with the batch.
    pub fn append_batch(
        &mut self,
        batch: &[PendingRecord],
        producer_id: u32,
        batch_id: u64,
        leader_epoch: u32,
        roll: RollPolicy,
    ) -> Option<(u64, u64)> {
        let base = self.log_end_offset;
        self.records.reserve(batch.len());
        for pending in batch {
            let pending = pending.clone();
            let mut record = pending.into_record(self.log_end_offset, producer_id, leader_epoch);
            record.batch_id = batch_id;
            self.push(record, roll);
        }
        (self.log_end_offset > base).then(|| (base, self.log_end_offset - 1))
    }

    /// Appends what a leader sent a follower: the same offsets and epochs, up to `to_offset`
    /// (which may lie past the last record where the leader's cleaner left a gap).
    /// The records are moved in, not cloned: the fetch response that carried them is spent.
    pub fn append_replicated(&mut self, records: Vec<Record>, to_offset: u64, roll: RollPolicy) {
        self.records.reserve(records.len());
        for r in records {
            if r.offset >= self.log_end_offset {
                self.push(r, roll);
            }
        }
        self.log_end_offset = self.log_end_offset.max(to_offset);
    }

    /// The offset where the first epoch newer than `epoch` begins in this log (the log end
    /// if none): records from there on were written after `epoch`.
    pub fn start_of_epoch_after(&self, epoch: u32) -> u64 {
        self.epochs
            .iter()
            .find(|e| e.epoch > epoch)
            .map_or(self.log_end_offset, |e| e.start_offset)
    }

    /// Drops every record at or above `offset` (a replica whose log diverged from its
    /// leader's, or a new leader's shorter log). Returns how many records were removed.
    pub fn truncate_to(&mut self, offset: u64) -> u64 {
        if offset >= self.log_end_offset {
            return 0;
        }
        let offset = offset.max(self.log_start_offset);
        let keep = self.index_of(offset);
        let removed = (self.records.len() - keep) as u64;
        self.records.truncate(keep);
        // Kafka's `LocalLog.truncateTo` deletes the segments whose base offset is past the
        // target; a segment starting exactly there stays, empty, as the active one.
        self.segments.retain(|s| s.base_offset <= offset);
        self.epochs.retain(|e| e.start_offset < offset);
        self.log_end_offset = offset;
        if let Some(active) = self.segments.last_mut() {
            let kept = self
                .records
                .iter()
                .filter(|r| r.offset >= active.base_offset);
            active.size_bytes = kept.clone().map(|r| r.size_bytes as u64).sum();
            active.largest_timestamp = kept.clone().map(|r| r.timestamp).max().unwrap_or(0);
            active.first_timestamp = kept.map(|r| r.timestamp).next();
        }
        removed
    }

    /// Empties the log and starts it again at `offset` (a follower so far behind that its
    /// leader no longer has what it needs: Kafka's `truncateFullyAndStartAt`).
    pub fn truncate_fully_and_start_at(&mut self, offset: u64) -> u64 {
        let removed = self.records.len() as u64;
        *self = PartitionLog {
            log_start_offset: offset,
            log_end_offset: offset,
            ..PartitionLog::default()
        };
        removed
    }

    /// Moves the log start forward (a follower following its leader's log start, or
    /// retention); whole segments below it go, records below it go. Returns records removed.
    pub fn advance_log_start(&mut self, offset: u64) -> u64 {
        let offset = offset.min(self.log_end_offset);
        if offset <= self.log_start_offset {
            return 0;
        }
        let cut = self.index_of(offset);
        self.records.drain(..cut);
        self.log_start_offset = offset;
        let first_kept = self
            .segments
            .iter()
            .rposition(|s| s.base_offset <= offset)
            .unwrap_or(0);
        self.segments.drain(..first_kept);
        if let Some(first) = self.segments.first_mut() {
            first.base_offset = first.base_offset.max(offset);
        }
        self.recompute_segment_sizes();
        if self.segments.is_empty() {
            self.segments.push(Segment::empty_at(offset));
        }
        self.trim_epochs_below(offset);
        cut as u64
    }

    /// The epoch cache after the log start moved to `start`: the newest entry at or below it
    /// stays, moved up to begin there (it still says which epoch the first kept record
    /// belongs to), and the older ones go (Kafka's `LeaderEpochFileCache.truncateFromStart`).
    fn trim_epochs_below(&mut self, start: u64) {
        let keep_from = self
            .epochs
            .partition_point(|e| e.start_offset <= start)
            .saturating_sub(1);
        self.epochs.drain(..keep_from);
        if let Some(first) = self.epochs.first_mut() {
            first.start_offset = first.start_offset.max(start);
        }
    }

    /// Sizes and timestamps of every segment, from the records they hold.
    fn recompute_segment_sizes(&mut self) {
        let bounds: Vec<(u64, u64)> = (0..self.segments.len())
            .map(|i| {
                let lo = self.segments[i].base_offset;
                let hi = self.segments.get(i + 1).map_or(u64::MAX, |s| s.base_offset);
                (lo, hi)
            })
            .collect();
        for (seg, (lo, hi)) in self.segments.iter_mut().zip(bounds) {
            let inside = self
                .records
                .iter()
                .filter(|r| r.offset >= lo && r.offset < hi);
            seg.size_bytes = inside.clone().map(|r| r.size_bytes as u64).sum();
            let largest = inside.clone().map(|r| r.timestamp).max();
            seg.largest_timestamp = largest.unwrap_or(seg.largest_timestamp);
        }
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
            // Never the last segment when it is empty (Kafka's `isLastSegmentAndEmpty`);
            // deleting it would only put an empty one back at the same offset.
            if upper > high_watermark || (is_active && seg.size_bytes == 0) {
                break;
            }
            // Kafka's `diff - segment.size >= 0`: the active segment too, which only
            // `retention.bytes` = 0 reaches (then the log goes on from its end).
            let too_big = limits
                .retention_bytes
                .is_some_and(|max| total.saturating_sub(seg.size_bytes) >= max);
            let too_old = limits
                .retention_ms
                .is_some_and(|ms| now.saturating_sub(seg.largest_timestamp) > ms);
            if !(too_big || too_old) {
                break;
            }
            total = total.saturating_sub(seg.size_bytes);
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
        let cut = self.index_of(new_start);
        self.records.drain(..cut);
        self.log_start_offset = new_start;
        if self.segments.is_empty() {
            // Time retention took the active segment: roll an empty one at the log end.
            self.segments.push(Segment::empty_at(new_start));
        }
        self.trim_epochs_below(new_start);
        cut as u64
    }
}

#[cfg(test)]
mod tests;
