//! A partition: its replicas, leader, ISR, and every replica's own log.
//!
//! Each replica keeps its own copy of the log, as each broker does on its disk. `log` is
//! the leader's (while offline, the last leader's); followers' copies live in their
//! [`ReplicaState`]. A follower copies what its leader has; when leadership moves to a
//! replica with a shorter log, the others' extra records are still on their disks until
//! they fetch from the new leader and learn, by comparing leader epochs, where their logs
//! diverge — then they truncate (Kafka's `DivergingEpoch` in the fetch response).
//!
//! What holds true: the ISR always contains the leader (or, offline, the last leader);
//! `high_watermark <= log_end_offset`; within a leader epoch the high watermark never
//! decreases (only an unclean election can lower it); and it is at most the smallest log
//! end offset the leader knows for the in-sync replicas.

use crate::collections::SortedMap;
use crate::consumer::ConsumerRef;
use crate::log::PartitionLog;
use crate::producer::InFlightBatch;
use crate::schedule::Ms;
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
    /// When the leader last saw this follower caught up with it (Kafka's
    /// `lastCaughtUpTimeMs`); a follower not caught up for `replica.lag.time.max.ms`
    /// leaves the ISR.
    #[serde(default)]
    pub last_caught_up_ms: Ms,
    /// The leader's log end when this follower last fetched, and when that was: a fetch
    /// reaching that old end proves the follower was caught up at that time.
    #[serde(default)]
    pub(crate) last_fetch_leader_log_end_offset: u64,
    #[serde(default)]
    pub(crate) last_fetch_ms: Ms,
    /// This replica's own log while it follows; the leader's is [`Partition::log`].
    #[serde(default)]
    pub(crate) log: PartitionLog,
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
    /// Assignment order; the first is the preferred leader. During a reassignment, the
    /// target replicas followed by those being removed (Kafka's merged replica list).
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
    /// The leader's log end when it became leader: a follower joins the ISR only once it
    /// has reached it (Kafka's `leaderEpochStartOffsetOpt` in `isFollowerInSync`).
    #[serde(default)]
    pub(crate) leader_epoch_start_offset: u64,
    /// The broker whose log `log` is: the leader, or the last one while offline.
    #[serde(default)]
    pub(crate) log_holder: BrokerId,
    /// Offsets above the high watermark that acks=1 producers were told are written;
    /// losing one of them is losing acknowledged data. Pruned as the high watermark passes.
    #[serde(default)]
    pub(crate) acked_above_high_watermark: Vec<(u64, u64)>,
    /// The last batches each producer wrote here (Kafka keeps five per producer id):
    /// how the leader recognises a retry of a batch it already has.
    #[serde(default)]
    pub(crate) producer_batches: SortedMap<u32, Vec<WrittenBatch>>,
    /// While a reassignment runs (KIP-455): the brokers it adds. They are already in
    /// `replicas`, fetch from the leader like any follower, and the reassignment completes
    /// once every target replica is in the ISR. Kafka's `addingReplicas`.
    #[serde(default)]
    pub adding_replicas: Vec<BrokerId>,
    /// While a reassignment runs: the brokers it will drop when it completes. They stay in
    /// `replicas` (after the target replicas) until then. Kafka's `removingReplicas`.
    #[serde(default)]
    pub removing_replicas: Vec<BrokerId>,
}

/// A batch the leader appended: its producer-side id (the sequence) and its offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrittenBatch {
    pub batch_id: u64,
    pub base_offset: u64,
    pub last_offset: u64,
}

/// How many batches per producer the leader remembers (Kafka's `NUM_BATCHES_TO_RETAIN`).
pub const BATCHES_REMEMBERED: usize = 5;

/// Keeps a producer's [`BATCHES_REMEMBERED`] latest batches, latest by batch id (the
/// producer's order, as Kafka's sequence numbers are), in that order. Kafka drops the
/// oldest *appended* batch (`ProducerStateEntry.addBatch`), which is the one with the lowest
/// sequence because its broker appends a producer's batches in sequence order only
/// (`OUT_OF_ORDER_SEQUENCE_NUMBER` otherwise). The model has no sequence check, so a retry
/// of an older batch can be appended after newer ones; dropping by id keeps what Kafka's
/// leader would hold, and an unacknowledged batch stays remembered while at most four newer
/// ones are sent after it ([`crate::producer::SEND_WINDOW`]). The rest keep their order.
fn keep_latest(list: &mut Vec<WrittenBatch>) {
    while list.len() > BATCHES_REMEMBERED {
        let oldest = (0..list.len())
            .min_by_key(|i| list[*i].batch_id)
            .expect("a list longer than five has a first batch");
        list.remove(oldest);
    }
}

impl Partition {
    pub fn new(id: u32, replicas: Vec<BrokerId>) -> Self {
        let replica_states = replicas
            .iter()
            .map(|&broker| Self::fresh_replica(broker, 0))
            .collect();
        Partition {
            id,
            leader: replicas.first().copied(),
            isr: replicas.clone(),
            leader_epoch: 0,
            high_watermark: 0,
            log: PartitionLog::default(),
            replica_states,
            pending_acks: Vec::new(),
            parked_followers: Vec::new(),
            parked_fetches: Vec::new(),
            leader_epoch_start_offset: 0,
            log_holder: replicas.first().copied().unwrap_or(0),
            acked_above_high_watermark: Vec::new(),
            producer_batches: SortedMap::new(),
            adding_replicas: Vec::new(),
            removing_replicas: Vec::new(),
            replicas,
        }
    }

    /// A fresh replica on `broker`: an empty log that will fetch everything from the leader.
    pub(crate) fn fresh_replica(broker: BrokerId, now: Ms) -> ReplicaState {
        ReplicaState {
            broker,
            log_end_offset: 0,
            leader_view_log_end_offset: 0,
            last_caught_up_ms: now,
            last_fetch_leader_log_end_offset: 0,
            last_fetch_ms: now,
            log: PartitionLog::default(),
        }
    }

    /// Whether a reassignment is under way (Kafka's `isReassigning`).
    pub fn is_reassigning(&self) -> bool {
        !self.adding_replicas.is_empty() || !self.removing_replicas.is_empty()
    }

    /// The replicas the partition will have once any reassignment completes: `replicas`
    /// without the ones being removed, in the order the operator asked for.
    pub fn target_replicas(&self) -> Vec<BrokerId> {
        self.replicas
            .iter()
            .copied()
            .filter(|b| !self.removing_replicas.contains(b))
            .collect()
    }

    /// A replica's own log: the leader's is `log`, a follower's is in its state.
    pub fn replica_log(&self, broker: BrokerId) -> Option<&PartitionLog> {
        if broker == self.log_holder {
            return Some(&self.log);
        }
        self.replica(broker).map(|r| &r.log)
    }

    pub(crate) fn replica_log_mut(&mut self, broker: BrokerId) -> Option<&mut PartitionLog> {
        if broker == self.log_holder {
            return Some(&mut self.log);
        }
        self.replica_mut(broker).map(|r| &mut r.log)
    }

    /// Refreshes a replica's `log_end_offset` from its log (call after changing the log).
    pub(crate) fn sync_log_end(&mut self, broker: BrokerId) {
        let Some(end) = self.replica_log(broker).map(|l| l.log_end_offset()) else {
            return;
        };
        if let Some(r) = self.replica_mut(broker) {
            r.log_end_offset = end;
        }
    }

    /// Makes `broker`'s log the partition's log (it leads now); the previous holder's log
    /// goes back into its replica state, extra records and all.
    pub(crate) fn hand_log_to(&mut self, broker: BrokerId) {
        if broker == self.log_holder {
            return;
        }
        let Some(replica) = self.replica_mut(broker) else {
            return;
        };
        let new_log = std::mem::take(&mut replica.log);
        let old_log = std::mem::replace(&mut self.log, new_log);
        let old_holder = self.log_holder;
        if let Some(r) = self.replica_mut(old_holder) {
            r.log = old_log;
        }
        self.log_holder = broker;
    }

    /// The earlier write of a batch with this id by this producer, if the leader has it.
    pub(crate) fn written_batch(&self, producer: u32, batch_id: u64) -> Option<WrittenBatch> {
        self.producer_batches
            .get(&producer)?
            .iter()
            .find(|b| b.batch_id == batch_id)
            .copied()
    }

    /// A new leader's memory of producers' batches is what its own log holds (Kafka
    /// rebuilds producer state from the log): each producer's five latest batches.
    pub(crate) fn rebuild_producer_batches(&mut self) {
        let mut batches: SortedMap<u32, Vec<WrittenBatch>> = SortedMap::new();
        for r in self.log.records() {
            let Some(producer) = r.producer_id.filter(|_| r.batch_id != 0) else {
                continue;
            };
            let list = batches.entry(producer).or_default();
            match list.last_mut() {
                Some(last) if last.batch_id == r.batch_id => last.last_offset = r.offset,
                _ => list.push(WrittenBatch {
                    batch_id: r.batch_id,
                    base_offset: r.offset,
                    last_offset: r.offset,
                }),
            }
        }
        for list in batches.values_mut() {
            keep_latest(list);
        }
        self.producer_batches = batches;
    }

    pub(crate) fn remember_batch(&mut self, producer: u32, batch: WrittenBatch) {
        let list = self.producer_batches.entry(producer).or_default();
        list.push(batch);
        keep_latest(list);
    }

    /// Remembers that an acks=1 producer was told `base..=last` is written.
    pub(crate) fn note_acked(&mut self, base: u64, last: u64) {
        if last < self.high_watermark {
            return;
        }
        match self.acked_above_high_watermark.last_mut() {
            Some((_, end)) if *end + 1 >= base => *end = (*end).max(last),
            _ => self.acked_above_high_watermark.push((base, last)),
        }
    }

    /// Whether a producer was told the record at `offset` is written: everything below the
    /// high watermark was (acks=all waits for it), and what acks=1 producers heard of.
    pub(crate) fn was_acknowledged(&self, offset: u64) -> bool {
        offset < self.high_watermark
            || self
                .acked_above_high_watermark
                .iter()
                .any(|(a, b)| (*a..=*b).contains(&offset))
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

    /// The leader's record at `offset`, if the log still holds it. Offsets rise through the
    /// log (with gaps once compacted), so this is a binary search.
    pub fn record_at(&self, offset: u64) -> Option<&crate::record::Record> {
        let records = self.records();
        records
            .binary_search_by_key(&offset, |r| r.offset)
            .ok()
            .map(|i| &records[i])
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
    use crate::log::RollPolicy;
    use crate::record::PendingRecord;

    fn records(n: usize) -> Vec<PendingRecord> {
        (0..n)
            .map(|i| PendingRecord {
                timestamp: i as Ms,
                key: None,
                value: None,
                headers: vec![],
                size_bytes: 7,
            })
            .collect()
    }

    fn written(batch_id: u64, base_offset: u64, last_offset: u64) -> WrittenBatch {
        WrittenBatch {
            batch_id,
            base_offset,
            last_offset,
        }
    }

    /// Kafka keeps the metadata of a producer's last five batches per partition
    /// (`ProducerStateEntry.NUM_BATCHES_TO_RETAIN = 5`): the sixth pushes out the first.
    #[test]
    fn a_leader_remembers_a_producers_last_five_batches() {
        let mut p = Partition::new(0, vec![1]);
        for id in 1..=5 {
            p.remember_batch(7, written(id, id * 10, id * 10 + 1));
        }
        assert_eq!(p.written_batch(7, 1), Some(written(1, 10, 11)));
        p.remember_batch(7, written(6, 60, 61));
        assert_eq!(
            p.written_batch(7, 1),
            None,
            "the sixth batch pushed out the first"
        );
        assert_eq!(p.written_batch(7, 2), Some(written(2, 20, 21)));
        assert_eq!(
            p.written_batch(8, 2),
            None,
            "another producer's batch 2 is not this one"
        );
        // A retry of an older batch appended after newer ones (Kafka's broker would have
        // refused it out of sequence) does not push out a newer one: the five latest stay.
        p.remember_batch(7, written(1, 70, 70));
        assert_eq!(p.written_batch(7, 1), None);
        assert!((2..=6).all(|id| p.written_batch(7, id).is_some()));
    }

    /// A new leader rebuilds producer state from its own log (Kafka's
    /// `ProducerStateManager` loads it from the log's batches): each batch once, with its
    /// first and last offset, per producer, the last five of each; a record written
    /// without a producer batch (batch id 0) is nobody's batch.
    #[test]
    fn a_new_leader_rebuilds_each_producers_last_five_batches_from_its_log() {
        let mut p = Partition::new(0, vec![1]);
        let roll = RollPolicy::bytes(1000);
        p.log.append_batch(&records(2), 7, 1, 0, roll); // offsets 0-1
        p.log.append_batch(&records(1), 8, 2, 0, roll); // 2
        p.log.append_batch(&records(3), 7, 3, 0, roll); // 3-5
        p.log.append(records(1), 7, 0, roll); // 6, no batch id
        for id in 4..=8 {
            p.log.append_batch(&records(1), 7, id, 0, roll); // 7-11
        }
        p.rebuild_producer_batches();
        assert_eq!(
            p.producer_batches.get(&8).cloned(),
            Some(vec![written(2, 2, 2)])
        );
        let seven: Vec<WrittenBatch> = p.producer_batches.get(&7).cloned().unwrap();
        assert_eq!(
            seven,
            [4, 5, 6, 7, 8].map(|id| written(id, id + 3, id + 3)),
            "the last five of producer 7, each batch on its own"
        );
        // With fewer batches, the earlier ones are there whole.
        let mut q = Partition::new(0, vec![1]);
        q.log.append_batch(&records(2), 7, 1, 0, roll);
        q.log.append_batch(&records(3), 7, 3, 0, roll);
        q.rebuild_producer_batches();
        assert_eq!(
            q.producer_batches.get(&7).cloned(),
            Some(vec![written(1, 0, 1), written(3, 2, 4)])
        );
    }

    /// Kafka's `PartitionRegistration.isReassigning`: replicas being added *or* removed. The
    /// model's reassignments keep the replication factor, so it always does both, but
    /// Kafka's may only add (raising the factor) or only remove (lowering it).
    #[test]
    fn a_partition_adding_or_removing_replicas_is_reassigning() {
        let mut p = Partition::new(0, vec![1, 2]);
        assert!(!p.is_reassigning());
        p.replicas.push(3);
        p.adding_replicas = vec![3];
        assert!(p.is_reassigning(), "only adding");
        p.adding_replicas.clear();
        p.removing_replicas = vec![3];
        assert!(p.is_reassigning(), "only removing");
        assert_eq!(p.target_replicas(), [1, 2]);
    }

    /// acks=1 acknowledgements above the HW are kept as ranges: adjacent ones join, but a
    /// gap stays a gap — an offset no producer was told about is not acknowledged data.
    #[test]
    fn acks_1_ranges_join_only_when_adjacent() {
        let mut p = Partition::new(0, vec![1]);
        p.note_acked(0, 1);
        p.note_acked(2, 3);
        assert_eq!(p.acked_above_high_watermark, [(0, 3)]);
        p.note_acked(5, 6);
        assert_eq!(p.acked_above_high_watermark, [(0, 3), (5, 6)]);
        assert!(p.was_acknowledged(3) && p.was_acknowledged(5));
        assert!(!p.was_acknowledged(4), "offset 4 was never acknowledged");
        assert!(!p.was_acknowledged(7));
        // Below the HW everything was acknowledged (acks=all waited for it), and an acks=1
        // range already below it is not kept.
        p.high_watermark = 10;
        assert!(p.was_acknowledged(9) && !p.was_acknowledged(10));
        p.note_acked(8, 9);
        assert_eq!(p.acked_above_high_watermark, [(0, 3), (5, 6)]);
        p.note_acked(10, 10);
        assert_eq!(p.acked_above_high_watermark, [(0, 3), (5, 6), (10, 10)]);
    }

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
            crate::log::RollPolicy::bytes(1000),
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
