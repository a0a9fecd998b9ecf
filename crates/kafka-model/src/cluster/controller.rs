//! The controller at work: broker heartbeats and sessions, fencing, and the record of
//! every metadata change (KRaft's metadata log, or ZooKeeper writes in ZooKeeper mode).
//!
//! Kafka's rules (`metadata/.../controller/BrokerHeartbeatManager.java`, and ZooKeeper
//! mode's `KafkaController.scala`): a broker heartbeats every `broker.heartbeat.interval.ms`;
//! one unheard of for `broker.session.timeout.ms` is fenced — it leaves every ISR and loses
//! its leaderships, exactly as if it had died. A fenced broker that is heard again is
//! unfenced and catches up as a follower. Only a broker the network cut off can go unheard
//! while alive here, so only such brokers are fenced by the session check.

use super::{Cluster, Event};
use crate::controller::{ControllerMode, MetadataRecord};
use crate::error::{KafkaError, ModelError};
use crate::happening::HappeningKind;
use crate::partition::BrokerId;
use crate::TopicPartition;

impl Cluster {
    /// Alive and not fenced: a broker the controller may pick as leader.
    pub(crate) fn registered(&self, broker: BrokerId) -> bool {
        self.broker_alive(broker) && !self.controller_state.fenced.contains(&broker)
    }

    /// Whether a broker can reach the active controller (to change an ISR, say).
    pub(crate) fn controller_reachable_from(&self, broker: BrokerId) -> bool {
        self.broker_alive(broker) && !self.network.is_cut_off(broker) && self.controller().is_some()
    }

    pub fn controller_mode(&self) -> ControllerMode {
        self.controller_state.mode
    }

    /// Switches between KRaft and the legacy ZooKeeper mode. Partitions behave the same;
    /// sessions, controller election and metadata writes are drawn through ZooKeeper.
    pub fn set_controller_mode(&mut self, mode: ControllerMode) -> Result<(), ModelError> {
        if self.controller_state.mode == mode {
            return Ok(());
        }
        let before = self.controller();
        self.controller_state.mode = mode;
        self.emit(HappeningKind::ControllerModeChanged { mode });
        let after = self.controller();
        if let (ControllerMode::ZooKeeper, Some(c), true) = (mode, after, after == before) {
            self.zk_write(c, "/controller".to_string());
        }
        self.note_controller(before);
        Ok(())
    }

    /// A flight from a broker to ZooKeeper writing a znode.
    pub(crate) fn zk_write(&mut self, broker: BrokerId, path: String) {
        self.fly_broker(HappeningKind::ZkWrite { broker, path });
    }

    pub(crate) fn start_heartbeats(&mut self, broker: BrokerId) {
        let now = self.now;
        self.controller_state.last_heartbeat.insert(broker, now);
        // One heartbeat loop per broker life: a revived broker's old loop is forgotten.
        self.schedule
            .retain(|e| !matches!(e, Event::BrokerHeartbeat { broker: b } if *b == broker));
        let at = now + self.timing.broker_heartbeat_interval_ms;
        self.schedule.push(at, Event::BrokerHeartbeat { broker });
    }

    pub(crate) fn on_broker_heartbeat(&mut self, broker: BrokerId) {
        if !self.broker_alive(broker) {
            return;
        }
        let controller = self.controller();
        let arrival = match self.controller_state.mode {
            ControllerMode::Kraft if controller == Some(broker) => self.now,
            ControllerMode::Kraft => self.fly_broker(HappeningKind::BrokerHeartbeat {
                broker,
                controller: controller.unwrap_or(broker),
            }),
            ControllerMode::ZooKeeper => self.fly_broker(HappeningKind::ZkSessionPing { broker }),
        };
        let flight = self.last_flight_id();
        self.schedule
            .push(arrival, Event::HeartbeatArrives { broker, flight });
        let next = self.now + self.timing.broker_heartbeat_interval_ms;
        self.schedule.push(next, Event::BrokerHeartbeat { broker });
    }

    pub(crate) fn on_heartbeat_arrives(&mut self, broker: BrokerId, flight: u64) {
        let lost = self.network.take_dropped(flight);
        if lost || !self.broker_alive(broker) || self.network.is_cut_off(broker) {
            return;
        }
        self.controller_state
            .last_heartbeat
            .insert(broker, self.now);
        if self.controller_state.fenced.contains(&broker) {
            self.unfence(broker);
        }
    }

    /// The controller's session check: brokers unheard of for a session are fenced.
    pub(crate) fn on_broker_session_check(&mut self) {
        let now = self.now;
        let timeout = self.timing.broker_session_timeout_ms;
        let expired: Vec<BrokerId> = self
            .brokers
            .keys()
            .copied()
            .filter(|b| self.registered(*b) && self.network.is_cut_off(*b))
            .filter(|b| {
                let last = self.controller_state.last_heartbeat.get(b).copied();
                now.saturating_sub(last.unwrap_or(0)) > timeout
            })
            .collect();
        for broker in expired {
            self.fence(broker);
        }
        let next = now + self.timing.broker_heartbeat_interval_ms;
        self.schedule.push(next, Event::BrokerSessionCheck);
    }

    fn fence(&mut self, broker: BrokerId) {
        let before = self.controller();
        self.controller_state.fenced.insert(broker);
        match self.controller_state.mode {
            ControllerMode::Kraft => self.emit(HappeningKind::BrokerFenced { broker }),
            ControllerMode::ZooKeeper => self.emit(HappeningKind::ZkSessionExpired { broker }),
        }
        self.record(MetadataRecord::FenceBroker { broker });
        self.note_controller(before);
        for tp in self.partitions_on(broker) {
            self.on_replica_down(&tp, broker);
        }
    }

    fn unfence(&mut self, broker: BrokerId) {
        let before = self.controller();
        self.controller_state.fenced.remove(&broker);
        self.emit(HappeningKind::BrokerUnfenced { broker });
        if self.controller_state.mode == ControllerMode::ZooKeeper {
            self.zk_write(broker, format!("/brokers/ids/{broker}"));
        }
        self.record(MetadataRecord::UnfenceBroker { broker });
        self.note_controller(before);
        self.learn_fenced_leaderships(broker);
        for tp in self.partitions_on(broker) {
            if self.partition_ref(&tp).is_some_and(|p| p.leader.is_none()) {
                self.on_replica_up(&tp, broker);
            }
        }
    }

    /// A broker that led while cut off hears that others lead now: the produce requests
    /// it held fail, and its fetches (already retrying) will truncate what it wrote alone.
    pub(crate) fn learn_fenced_leaderships(&mut self, broker: BrokerId) {
        for fenced in self.network.take_fenced(broker) {
            let leader_epoch = self
                .partition_ref(&fenced.partition)
                .map_or(0, |p| p.leader_epoch);
            self.emit(HappeningKind::LeaderFenced {
                partition: fenced.partition.clone(),
                broker,
                leader_epoch,
            });
            for ack in fenced.acks {
                let error = KafkaError::NotLeaderOrFollower {
                    partition: fenced.partition.clone(),
                    broker,
                };
                self.fail_batch(ack.producer, Some(broker), ack.batch, error);
            }
        }
    }

    /// Commits a metadata record (KRaft) — the UI shows the log.
    pub(crate) fn record(&mut self, record: MetadataRecord) {
        let now = self.now;
        self.controller_state.append(now, record);
    }

    pub(crate) fn record_isr_change(&mut self, tp: &TopicPartition, isr: Vec<BrokerId>) {
        let Some(p) = self.partition_ref(tp) else {
            return;
        };
        let (leader, leader_epoch) = (p.leader, p.leader_epoch);
        self.record(MetadataRecord::PartitionChange {
            partition: tp.clone(),
            leader,
            leader_epoch,
            isr,
        });
        if let (ControllerMode::ZooKeeper, Some(leader)) = (self.controller_state.mode, leader) {
            self.zk_write(leader, zk_state_path(tp));
        }
    }

    pub(crate) fn record_leader_change(
        &mut self,
        tp: &TopicPartition,
        leader: Option<BrokerId>,
        leader_epoch: u32,
        isr: Vec<BrokerId>,
    ) {
        self.record(MetadataRecord::PartitionChange {
            partition: tp.clone(),
            leader,
            leader_epoch,
            isr,
        });
        if let (ControllerMode::ZooKeeper, Some(c)) =
            (self.controller_state.mode, self.controller())
        {
            self.zk_write(c, zk_state_path(tp));
        }
    }

    /// Emits `ControllerChanged` if the active controller is not `before` any more; in
    /// ZooKeeper mode the new one wins the race to create `/controller`.
    pub(crate) fn note_controller(&mut self, before: Option<BrokerId>) {
        let after = self.controller();
        if after != before {
            if let (ControllerMode::ZooKeeper, Some(c)) = (self.controller_state.mode, after) {
                self.zk_write(c, "/controller".to_string());
            }
            self.emit(HappeningKind::ControllerChanged { controller: after });
            let now = self.now;
            for last in self.controller_state.last_heartbeat.values_mut() {
                // A new controller starts every broker's session afresh.
                *last = now;
            }
        }
    }
}

fn zk_state_path(tp: &TopicPartition) -> String {
    format!(
        "/brokers/topics/{}/partitions/{}/state",
        tp.topic, tp.partition
    )
}
