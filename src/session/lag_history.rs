//! Lag over time, per group and per partition: learners and operators read lag as a trend,
//! not a number. One sample per simulated second, a bounded window of them.

use kafka_model::collections::SortedMap;
use kafka_model::{Cluster, Ms, TopicPartition};
use std::collections::VecDeque;

pub const SAMPLE_EVERY_MS: Ms = 1_000;
/// Two minutes of simulated time.
pub const SAMPLES_KEPT: usize = 120;

#[derive(Clone, Default)]
pub struct LagHistory {
    samples: SortedMap<String, VecDeque<(Ms, u64)>>,
    partitions: SortedMap<(String, TopicPartition), VecDeque<(Ms, u64)>>,
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
            let lags = cluster.group_lag(&group.group_id).unwrap_or_default();
            let total: u64 = lags.iter().map(|l| l.lag.unwrap_or(0)).sum();
            for l in &lags {
                let key = (group.group_id.clone(), l.partition.clone());
                push(
                    self.partitions.entry(key).or_default(),
                    (now, l.lag.unwrap_or(0)),
                );
            }
            push(
                self.samples.entry(group.group_id.clone()).or_default(),
                (now, total),
            );
        }
        self.samples.retain(|g, _| cluster.group(g).is_some());
        // A partition no longer in the group's lag (deleted topic, group gone) stops.
        self.partitions.retain(|(g, tp), series| {
            cluster.group(g).is_some()
                && cluster.partition(tp).is_some()
                && series.back().is_some_and(|(t, _)| *t == now)
        });
    }

    /// The next moment a sample is due.
    pub fn next_sample_at(&self) -> Ms {
        self.last_sample.map_or(0, |t| t + SAMPLE_EVERY_MS)
    }

    pub fn series(&self, group: &str) -> Option<&VecDeque<(Ms, u64)>> {
        self.samples.get(group)
    }

    /// Each partition's lag for `group`, in partition order.
    pub fn partition_series(&self, group: &str) -> Vec<(&TopicPartition, &VecDeque<(Ms, u64)>)> {
        self.partitions
            .iter()
            .filter(|((g, _), _)| g == group)
            .map(|((_, tp), series)| (tp, series))
            .collect()
    }

    pub fn clear(&mut self) {
        self.partitions.clear();
        self.samples.clear();
        self.last_sample = None;
    }
}

fn push(series: &mut VecDeque<(Ms, u64)>, sample: (Ms, u64)) {
    if series.len() == SAMPLES_KEPT {
        series.pop_front();
    }
    series.push_back(sample);
}
