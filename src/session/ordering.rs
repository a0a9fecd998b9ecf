//! Ordering made visible. Kafka keeps order per partition, so a key keeps its order only
//! while it maps to one partition; add partitions and its new records may land elsewhere
//! and be consumed before older ones. This watches every delivery and marks each key a
//! group processed out of produce order.

use kafka_model::collections::{SortedMap, SortedSet};
use kafka_model::{Cluster, ConsumerRef, Happening, HappeningKind, Ms};

#[derive(Clone, Default)]
pub struct OrderWatch {
    /// (group, key) → create time of the newest record of that key the group processed.
    newest: SortedMap<(String, Vec<u8>), Ms>,
    /// group → keys it processed out of order.
    broken: SortedMap<String, SortedSet<Vec<u8>>>,
}

impl OrderWatch {
    pub fn observe(&mut self, happenings: &[Happening], cluster: &Cluster) {
        for h in happenings {
            let HappeningKind::Delivered {
                consumer: ConsumerRef::Member { group, .. },
                partition,
                offset,
                key: Some(key),
                ..
            } = &h.kind
            else {
                continue;
            };
            // The record's create time, if the log still holds it.
            let Some(created) = cluster
                .partition(partition)
                .and_then(|p| p.record_at(*offset))
                .map(|r| r.timestamp)
            else {
                continue;
            };
            let newest = self
                .newest
                .entry((group.to_string(), key.to_vec()))
                .or_insert(created);
            if created < *newest {
                self.broken
                    .entry(group.to_string())
                    .or_default()
                    .insert(key.to_vec());
            } else {
                *newest = created;
            }
        }
    }

    /// Keys `group` processed out of produce order, as text.
    pub fn broken_keys(&self, group: &str) -> Vec<String> {
        self.broken
            .get(group)
            .map(|keys| {
                keys.iter()
                    .map(|k| String::from_utf8_lossy(k).into_owned())
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn clear(&mut self) {
        self.newest.clear();
        self.broken.clear();
    }
}
