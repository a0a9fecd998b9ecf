//! The log cleaner: compaction of a `cleanup.policy=compact` log.
//!
//! Kafka's rules (`storage/.../internals/log/Cleaner.java` and `LogCleaner.java`,
//! design.html §4.8): only the part of the log below the *first uncleanable offset* — the
//! active segment's base, and never at or above the high watermark — is cleaned. There a
//! record survives only if it is the latest for its key (the offset map is built from the
//! whole cleanable part). Offsets never change, so a compacted log has gaps. A tombstone
//! (key with a null value) stays while consumers may still need to see the delete, and goes
//! once its segment is older than `delete.retention.ms`. Records without a key cannot be
//! compacted and are dropped (a compacted topic refuses them in the first place).

use super::PartitionLog;
use crate::collections::SortedMap;
use crate::schedule::Ms;

/// What the cleaner needs from the topic's configs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CleanerLimits {
    /// `delete.retention.ms` (24 h): how long a tombstone outlives the records it deletes.
    pub delete_retention_ms: Ms,
}

impl PartitionLog {
    /// The first offset the cleaner may not touch: the active segment and anything not yet
    /// below the high watermark stay as they are.
    pub fn first_uncleanable_offset(&self, high_watermark: u64) -> u64 {
        let active_base = self
            .segments
            .last()
            .map_or(self.log_end_offset, |s| s.base_offset);
        active_base.min(high_watermark)
    }

    /// Compacts the cleanable part of the log. Returns how many records were removed.
    pub fn compact(&mut self, limits: CleanerLimits, high_watermark: u64, now: Ms) -> u64 {
        let end = self.first_uncleanable_offset(high_watermark);
        let mut latest: SortedMap<&[u8], u64> = SortedMap::new();
        for r in self.records.iter().take_while(|r| r.offset < end) {
            if let Some(key) = &r.key {
                latest.insert(key, r.offset);
            }
        }
        let horizon = now.saturating_sub(limits.delete_retention_ms);
        let segment_end = |offset: u64| -> Ms {
            let i = self
                .segments
                .partition_point(|s| s.base_offset <= offset)
                .saturating_sub(1);
            self.segments.get(i).map_or(0, |s| s.largest_timestamp)
        };
        let keep: Vec<bool> = self
            .records
            .iter()
            .map(|r| {
                if r.offset >= end {
                    return true;
                }
                let Some(key) = &r.key else { return false };
                if latest.get(&key[..]) != Some(&r.offset) {
                    return false;
                }
                !(r.is_tombstone() && segment_end(r.offset) < horizon)
            })
            .collect();
        let before = self.records.len();
        let mut flags = keep.into_iter();
        self.records.retain(|_| flags.next().unwrap_or(true));
        let removed = (before - self.records.len()) as u64;
        if removed > 0 {
            self.recompute_segment_sizes();
        }
        removed
    }
}
