//! Read access: the state the UI draws besides happenings (services and their tables are
//! read in `services.rs`, the controller and group coordinators in `mod.rs`).

use super::Cluster;
use crate::broker::Broker;
use crate::collections::SortedSet;
use crate::consumer::{Consumer, ConsumerId};
use crate::error::ModelError;
use crate::group::{Group, PartitionLag};
use crate::partition::{BrokerId, Partition};
use crate::producer::{Producer, ProducerId};
use crate::timing::Timing;
use crate::topic::Topic;
use crate::TopicPartition;

impl Cluster {
    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn timing(&self) -> &Timing {
        &self.timing
    }

    pub fn brokers(&self) -> impl Iterator<Item = &Broker> {
        self.brokers.values()
    }

    pub fn broker(&self, id: BrokerId) -> Option<&Broker> {
        self.brokers.get(&id)
    }

    /// Topics in name order.
    pub fn topics(&self) -> impl Iterator<Item = &Topic> {
        self.topics.values()
    }

    pub fn topic(&self, name: &str) -> Option<&Topic> {
        self.topics.get(name)
    }

    pub fn partition(&self, tp: &TopicPartition) -> Option<&Partition> {
        self.partition_ref(tp)
    }

    pub fn groups(&self) -> impl Iterator<Item = &Group> {
        self.groups.values()
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.get(id)
    }

    pub fn producers(&self) -> impl Iterator<Item = &Producer> {
        self.producers.values()
    }

    pub fn producer(&self, id: ProducerId) -> Option<&Producer> {
        self.producers.get(&id)
    }

    /// Standalone consumers (group members are under `groups()`).
    pub fn consumers(&self) -> impl Iterator<Item = &Consumer> {
        self.consumers.values()
    }

    pub fn consumer(&self, id: ConsumerId) -> Option<&Consumer> {
        self.consumers.get(&id)
    }

    /// The network faults in force.
    pub fn network(&self) -> &crate::network::Network {
        &self.network
    }

    /// The controller's state: mode, voters, fenced brokers.
    pub fn controller_state(&self) -> &crate::controller::ControllerState {
        &self.controller_state
    }

    /// KRaft's metadata log (its newest records): every committed change to the cluster.
    pub fn metadata_log(&self) -> &[crate::controller::MetadataEntry] {
        self.controller_state.metadata_log()
    }

    pub fn auto_leader_rebalance(&self) -> bool {
        self.auto_leader_rebalance
    }

    /// How many events wait in the schedule (the simulation's memory of the future).
    pub fn scheduled_event_count(&self) -> usize {
        self.schedule.len()
    }

    /// Records kept in all partition logs.
    pub fn retained_record_count(&self) -> usize {
        self.topics
            .values()
            .flat_map(|t| &t.partitions)
            .map(|p| p.records().len())
            .sum()
    }

    /// Lag of one partition for a group: high watermark − committed offset, `None` before
    /// the group commits anything for it.
    pub fn lag(&self, group: &str, tp: &TopicPartition) -> Option<u64> {
        let committed = self.groups.get(group)?.committed(tp)?;
        Some(
            self.partition_ref(tp)?
                .high_watermark
                .saturating_sub(committed),
        )
    }

    /// The group's view as `kafka-consumer-groups --describe` prints it: every partition of
    /// every subscribed topic, plus any with a committed offset.
    pub fn group_lag(&self, group: &str) -> Result<Vec<PartitionLag>, ModelError> {
        let g = self.group_or_err(group)?;
        let mut partitions: SortedSet<TopicPartition> = g.committed.keys().cloned().collect();
        for topic in g.subscribed_topics() {
            if let Some(t) = self.topics.get(topic) {
                partitions.extend((0..t.partition_count()).map(|p| TopicPartition::new(topic, p)));
            }
        }
        Ok(partitions
            .into_iter()
            .filter_map(|tp| {
                let high_watermark = self.partition_ref(&tp)?.high_watermark;
                let owner = g.owner_of(&tp).map(str::to_string);
                let position = owner.as_ref().and_then(|m| g.members[m].position(&tp));
                let committed = g.committed(&tp);
                let lag = committed.map(|c| high_watermark.saturating_sub(c));
                Some(PartitionLag {
                    partition: tp,
                    owner,
                    committed,
                    position,
                    high_watermark,
                    lag,
                })
            })
            .collect())
    }

    /// A member's total lag over the partitions it owns; `None` if none has a commit.
    pub fn member_lag(&self, group: &str, member: &str) -> Option<u64> {
        let m = self.groups.get(group)?.members.get(member)?;
        let lags: Vec<u64> = m.assigned().filter_map(|tp| self.lag(group, tp)).collect();
        (!lags.is_empty()).then(|| lags.iter().sum())
    }
}
