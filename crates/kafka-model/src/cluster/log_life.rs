//! The log's life: retention deletes old segments, the cleaner compacts keyed topics.
//!
//! Retention follows `cleanup.policy`: `delete` (and `compact,delete`) deletes whole old
//! segments by `retention.ms` / `retention.bytes`, moving the log start forward; followers
//! move theirs when the leader's fetch answers tell them (Kafka's `logStartOffset` in the
//! fetch response). `compact` keeps the latest record per key below the active segment on
//! every replica, each broker's cleaner on its own log (`LogCleaner`).

use super::Cluster;
use crate::happening::HappeningKind;
use crate::partition::BrokerId;
use crate::TopicPartition;

impl Cluster {
    /// Deletes old segments the topic's retention allows.
    pub(crate) fn apply_retention(&mut self, tp: &TopicPartition) {
        let now = self.now;
        let Some(topic) = self.topics.get_mut(&*tp.topic) else {
            return;
        };
        if !topic.config.cleanup_policy.deletes() {
            return;
        }
        let limits = topic.config.retention_limits();
        let Some(p) = topic.partitions.get_mut(tp.partition as usize) else {
            return;
        };
        let deleted = p.log.apply_retention(limits, p.high_watermark, now);
        if deleted > 0 {
            let log_start_offset = p.log_start_offset();
            self.emit(HappeningKind::RecordsDeleted {
                partition: tp.clone(),
                log_start_offset,
                records_deleted: deleted,
            });
        }
    }

    /// Runs the cleaner over every replica of a compacted partition.
    pub(crate) fn apply_compaction(&mut self, tp: &TopicPartition) {
        let now = self.now;
        let alive: Vec<BrokerId> = self
            .brokers
            .values()
            .filter(|b| b.alive)
            .map(|b| b.id)
            .collect();
        let Some(topic) = self.topics.get_mut(&*tp.topic) else {
            return;
        };
        if !topic.config.cleanup_policy.compacts() {
            return;
        }
        let limits = topic.config.cleaner_limits();
        let Some(p) = topic.partitions.get_mut(tp.partition as usize) else {
            return;
        };
        let high_watermark = p.high_watermark;
        let mut cleaned = Vec::new();
        let holder = p.log_holder;
        if alive.contains(&holder) {
            let removed = p.log.compact(limits, high_watermark, now);
            if removed > 0 {
                cleaned.push((holder, removed));
            }
        }
        // Each live broker's cleaner cleans its own copy; a stopped broker cleans nothing.
        for r in &mut p.replica_states {
            if r.broker == holder || !alive.contains(&r.broker) {
                continue;
            }
            let bound = high_watermark.min(r.log.log_end_offset());
            let removed = r.log.compact(limits, bound, now);
            if removed > 0 {
                cleaned.push((r.broker, removed));
            }
        }
        for (broker, records_removed) in cleaned {
            self.emit(HappeningKind::LogCompacted {
                partition: tp.clone(),
                broker,
                records_removed,
            });
        }
    }

    pub(crate) fn on_retention_check(&mut self) {
        let all: Vec<TopicPartition> = self
            .topics
            .values()
            .flat_map(|t| {
                t.partitions
                    .iter()
                    .map(|p| TopicPartition::new(&t.name, p.id))
            })
            .collect();
        for tp in all {
            self.apply_compaction(&tp);
            self.apply_retention(&tp);
        }
        self.prune_links();
        self.schedule.push(
            self.now + self.timing.retention_check_interval_ms,
            crate::cluster::Event::RetentionCheck,
        );
    }
}
