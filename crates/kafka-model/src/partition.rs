//! A partition: its replicas, leader, ISR and the leader's log.
//!
//! The model keeps one log per partition — the leader's — and, for each replica, how far
//! its copy reaches (its log end offset). A follower's log is always a prefix of the
//! leader's: when a new leader's log is shorter, every replica is cut back at election
//! time, which is where Kafka's leader-epoch truncation would leave them.
//!
//! What holds true: the ISR always contains the leader (or, offline, the last leader);
//! `high_watermark <= log_end_offset`; the high watermark never decreases; and it is at most
//! the smallest log end offset the leader knows for the in-sync replicas.

use crate::consumer::ConsumerRef;
use crate::log::PartitionLog;
use crate::producer::InFlightBatch;
use serde::{Deserialize, Serialize};

pub type BrokerId = u32;

/// One replica of a partition on one broker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplicaState {
    pub broker: BrokerId,
    /// How far this replica's copy of the log reaches.
    pub log_end_offset: u64,
    /// What the leader last heard of this replica's log end offset (from its fetches);
    /// the high watermark is computed from these, not from the replica's real state.
    pub leader_view_log_end_offset: u64,
}

/// A produce request waiting at the leader for the high watermark to pass it (acks=all).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingAck {
    pub producer: u32,
    pub base_offset: u64,
    pub last_offset: u64,
    pub batch: InFlightBatch,
}

/// A consumer fetch waiting at the leader for data below the high watermark (long poll).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParkedFetch {
    pub consumer: ConsumerRef,
    pub token: u64,
    pub fetch_offset: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partition {
    pub id: u32,
    /// Assignment order; the first is the preferred leader.
    pub replicas: Vec<BrokerId>,
    /// `None` when no in-sync replica is alive: the partition is offline.
    pub leader: Option<BrokerId>,
    /// Rises on every leader change.
    pub leader_epoch: u32,
    pub isr: Vec<BrokerId>,
    pub high_watermark: u64,
    pub log: PartitionLog,
    pub replica_states: Vec<ReplicaState>,
    pub(crate) pending_acks: Vec<PendingAck>,
    /// Followers whose fetch waits at the leader for new records.
    pub(crate) parked_followers: Vec<BrokerId>,
    pub(crate) parked_fetches: Vec<ParkedFetch>,
}

impl Partition {
    pub fn new(id: u32, replicas: Vec<BrokerId>) -> Self {
        let replica_states = replicas
            .iter()
            .map(|&broker| ReplicaState {
                broker,
                log_end_offset: 0,
                leader_view_log_end_offset: 0,
            })
            .collect();
        Partition {
            id,
            leader: replicas.first().copied(),
            isr: replicas.clone(),
            replicas,
            leader_epoch: 0,
            high_watermark: 0,
            log: PartitionLog::default(),
            replica_states,
            pending_acks: Vec::new(),
            parked_followers: Vec::new(),
            parked_fetches: Vec::new(),
        }
    }

    pub fn log_start_offset(&self) -> u64 {
        self.log.log_start_offset()
    }

    pub fn log_end_offset(&self) -> u64 {
        self.log.log_end_offset()
    }

    pub fn records(&self) -> &[crate::record::Record] {
        self.log.records()
    }

    pub fn is_online(&self) -> bool {
        self.leader.is_some()
    }

    pub fn preferred_leader(&self) -> Option<BrokerId> {
        self.replicas.first().copied()
    }

    pub fn replica(&self, broker: BrokerId) -> Option<&ReplicaState> {
        self.replica_states.iter().find(|r| r.broker == broker)
    }

    pub(crate) fn replica_mut(&mut self, broker: BrokerId) -> Option<&mut ReplicaState> {
        self.replica_states.iter_mut().find(|r| r.broker == broker)
    }

    /// Acks waiting for the high watermark (acks=all).
    pub fn pending_ack_count(&self) -> usize {
        self.pending_acks.len()
    }

    /// The high watermark the leader may move to now: the smallest log end offset it knows
    /// among the ISR, but only while the ISR has at least `min_isr` members (Kafka 3.7+).
    /// Never lower than the current one.
    pub(crate) fn high_watermark_candidate(&self, min_isr: u32) -> u64 {
        let Some(leader) = self.leader else {
            return self.high_watermark;
        };
        if (self.isr.len() as u32) < min_isr {
            return self.high_watermark;
        }
        let smallest = self
            .isr
            .iter()
            .filter_map(|b| {
                if *b == leader {
                    Some(self.log_end_offset())
                } else {
                    self.replica(*b).map(|r| r.leader_view_log_end_offset)
                }
            })
            .min()
            .unwrap_or(self.high_watermark);
        smallest.max(self.high_watermark).min(self.log_end_offset())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn high_watermark_waits_for_the_slowest_in_sync_replica() {
        let mut p = Partition::new(0, vec![1, 2, 3]);
        p.log.append(
            (0..5)
                .map(|i| crate::record::PendingRecord {
                    timestamp: i,
                    key: None,
                    value: None,
                    headers: vec![],
                    size_bytes: 7,
                })
                .collect(),
            1,
            0,
            1000,
        );
        p.replica_mut(1).unwrap().log_end_offset = 5;
        p.replica_mut(2).unwrap().leader_view_log_end_offset = 4;
        p.replica_mut(3).unwrap().leader_view_log_end_offset = 2;
        assert_eq!(p.high_watermark_candidate(1), 2);
        p.isr.retain(|b| *b != 3);
        assert_eq!(p.high_watermark_candidate(1), 4);
        // Fewer in-sync replicas than min.insync.replicas: the high watermark stays put.
        assert_eq!(p.high_watermark_candidate(3), 0);
    }
}
