//! Lag over time, per group: learners and operators read lag as a trend, not a number.
//! One sample per simulated second, a bounded window of them.

use kafka_model::{Cluster, Ms};
use std::collections::{BTreeMap, VecDeque};

pub const SAMPLE_EVERY_MS: Ms = 1_000;
/// Two minutes of simulated time.
pub const SAMPLES_KEPT: usize = 120;

#[derive(Clone, Default)]
pub struct LagHistory {
    samples: BTreeMap<String, VecDeque<(Ms, u64)>>,
    last_sample: Option<Ms>,
}

impl LagHistory {
    /// Takes a sample of every group's total lag if a sampling moment has come.
    pub fn observe(&mut self, cluster: &Cluster) {
        let now = cluster.now();
        if self.last_sample.is_some_and(|t| now < t + SAMPLE_EVERY_MS) {
            return;
        }
        self.last_sample = Some(now - now % SAMPLE_EVERY_MS);
        for group in cluster.groups() {
            // Partitions with nothing committed have no lag yet ("-" in Kafka's tool).
            let total: u64 = cluster
                .group_lag(&group.group_id)
                .unwrap_or_default()
                .iter()
                .map(|l| l.lag.unwrap_or(0))
                .sum();
            let series = self.samples.entry(group.group_id.clone()).or_default();
            if series.len() == SAMPLES_KEPT {
                series.pop_front();
            }
            series.push_back((now, total));
        }
        self.samples.retain(|g, _| cluster.group(g).is_some());
    }

    /// The next moment a sample is due.
    pub fn next_sample_at(&self) -> Ms {
        self.last_sample.map_or(0, |t| t + SAMPLE_EVERY_MS)
    }

    pub fn series(&self, group: &str) -> Option<&VecDeque<(Ms, u64)>> {
        self.samples.get(group)
    }

    pub fn clear(&mut self) {
        self.samples.clear();
        self.last_sample = None;
    }
}
