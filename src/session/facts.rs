//! What the learner has made happen so far, distilled from the model's happenings. A
//! scene's "try this" items read these facts (together with the model's state), because
//! some tasks are about a change — "leadership moved", "the ISR grew back" — that the
//! state alone no longer shows once it is over.

use kafka_model::collections::{SortedMap, SortedSet};
use kafka_model::direct::{DirectHappening, DirectKind};
use kafka_model::{BrokerId, ElectionReason, Happening, HappeningKind};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    /// Brokers that went down at some point.
    pub brokers_down: SortedSet<BrokerId>,
    /// A partition got a new leader because its leader went down.
    pub leader_moved_off_dead_broker: bool,
    /// A broker that had been down came back into some partition's ISR.
    pub revived_broker_rejoined_isr: bool,
    /// Rebalances completed, per group.
    pub rebalances: SortedMap<String, u32>,
    /// Offsets moved by an admin reset (`kafka-consumer-groups --reset-offsets`).
    pub offset_resets: u32,
    /// Records delivered to each group's members.
    pub delivered: SortedMap<String, u64>,
    /// Partitions added to existing topics.
    pub partitions_added: u32,
    /// The shop without Kafka: services that went down, orders that failed or were turned
    /// away, and whether an order completed after a service came back.
    pub direct_down: SortedSet<String>,
    pub direct_failed: u64,
    pub direct_rejected: u64,
    pub direct_completed: u64,
    pub direct_completed_after_recovery: bool,
    direct_recovered: bool,
    /// Shop services on Kafka that were stopped, and those started again after that.
    pub services_stopped: SortedSet<String>,
    pub services_restarted: SortedSet<String>,
    /// Happenings of the shop without Kafka seen so far: the page redraws when it moves.
    pub direct_seen: u64,
}

impl Facts {
    pub fn observe_direct(&mut self, happenings: &[DirectHappening]) {
        self.direct_seen += happenings.len() as u64;
        for h in happenings {
            match &h.kind {
                DirectKind::ServiceDown { service } => {
                    self.direct_down.insert(service.clone());
                }
                DirectKind::ServiceUp { service } if self.direct_down.contains(service) => {
                    self.direct_recovered = true;
                }
                DirectKind::OrderFailed { .. } => self.direct_failed += 1,
                DirectKind::OrderRejected { .. } => self.direct_rejected += 1,
                DirectKind::OrderCompleted { .. } => {
                    self.direct_completed += 1;
                    if self.direct_recovered {
                        self.direct_completed_after_recovery = true;
                    }
                }
                _ => {}
            }
        }
    }

    pub fn observe(&mut self, happenings: &[Happening]) {
        for h in happenings {
            match &h.kind {
                HappeningKind::BrokerDown { broker } => {
                    self.brokers_down.insert(*broker);
                }
                HappeningKind::LeaderElected {
                    leader: Some(_),
                    reason: ElectionReason::LeaderDown,
                    ..
                } => self.leader_moved_off_dead_broker = true,
                HappeningKind::IsrExpanded { broker, .. } if self.brokers_down.contains(broker) => {
                    self.revived_broker_rejoined_isr = true;
                }
                HappeningKind::RebalanceCompleted { group, .. } => {
                    *self.rebalances.entry(group.clone()).or_default() += 1;
                }
                HappeningKind::OffsetCommitted { member: None, .. } => self.offset_resets += 1,
                HappeningKind::Delivered {
                    consumer: kafka_model::ConsumerRef::Member { group, .. },
                    ..
                } => {
                    *self.delivered.entry(group.to_string()).or_default() += 1;
                }
                HappeningKind::PartitionsAdded { .. } => self.partitions_added += 1,
                HappeningKind::ServiceStopped { service } => {
                    self.services_stopped.insert(service.clone());
                }
                HappeningKind::ServiceStarted { service }
                    if self.services_stopped.contains(service) =>
                {
                    self.services_restarted.insert(service.clone());
                }
                _ => {}
            }
        }
    }
}
