//! The ISR: who is in sync with the leader, following Kafka's `Partition.scala`
//! (`updateFollowerFetchState`, `maybeExpandIsr`, `maybeShrinkIsr`, `isFollowerOutOfSync`).
//!
//! A follower rejoins once its log end reaches the high watermark; it leaves once it has
//! not been caught up with the leader's log end for `replica.lag.time.max.ms`. Either
//! change is an AlterPartition the leader sends the controller, so a leader cut off from
//! the controller cannot change the ISR (and with acks=all, its writes stall).

use super::{Cluster, Event, ReplicaFetchKey};
use crate::happening::HappeningKind;
use crate::partition::BrokerId;
use crate::TopicPartition;

impl Cluster {
    /// Kafka's `updateFollowerFetchState`: a fetch from the leader's log end proves the
    /// follower caught up now; a fetch from the leader's log end at the previous fetch
    /// proves it was caught up then.
    pub(super) fn note_follower_fetch(
        &mut self,
        tp: &TopicPartition,
        follower: BrokerId,
        fetch_offset: u64,
    ) {
        let now = self.now;
        let p = self
            .partition_mut(tp)
            .expect("the caller found the fetch's partition");
        let leader_end = p.log_end_offset();
        let Some(r) = p.replica_mut(follower) else {
            return;
        };
        r.leader_view_log_end_offset = fetch_offset;
        if fetch_offset >= leader_end {
            r.last_caught_up_ms = r.last_caught_up_ms.max(now);
        } else if fetch_offset >= r.last_fetch_leader_log_end_offset {
            r.last_caught_up_ms = r.last_caught_up_ms.max(r.last_fetch_ms);
        }
        r.last_fetch_leader_log_end_offset = leader_end;
        r.last_fetch_ms = now;
    }

    /// A follower rejoins the ISR once it has everything up to the high watermark and
    /// everything the leader had when its epoch began (`isFollowerInSync`).
    pub(super) fn maybe_expand_isr(&mut self, fetch: &ReplicaFetchKey, fetch_offset: u64) {
        let (tp, topic_id, follower) = (&fetch.partition, fetch.topic_id, fetch.follower);
        let p = self
            .partition_ref(tp)
            .expect("the caller found the fetch's partition");
        let Some(leader) = p.leader else { return };
        if p.isr.contains(&follower)
            || p.replica(follower).is_none()
            || fetch_offset < p.high_watermark
            || fetch_offset < p.leader_epoch_start_offset
            || !self.controller_reachable_from(leader)
        {
            return;
        }
        let now = self.now;
        let delay = self.timing.preferred_leader_delay_ms;
        let p = self
            .partition_mut(tp)
            .expect("the partition was found just above");
        let order = p.replicas.clone();
        p.isr.push(follower);
        // Listed in assignment order, for the learner's eye only: Kafka's ISR is a set
        // (`partitionState.isr + followerReplicaId` in `Partition.maybeExpandIsr`), and
        // nothing in the model reads its order (elections walk `replicas`, the HW takes a
        // minimum), so a mutant that orders it otherwise is equivalent.
        crate::sorting::sort_by_key(&mut p.isr, |b| order.iter().position(|r| r == b));
        if let Some(r) = p.replica_mut(follower) {
            r.last_caught_up_ms = now;
        }
        let isr = p.isr.clone();
        // Kafka checks for imbalance every `leader.imbalance.check.interval.seconds`, whoever
        // rejoined; the model checks once, a while after the preferred replica rejoins. An
        // extra check after another replica rejoins (cargo-mutants' `||` here) moves nothing
        // Kafka's periodic check would not: no Kafka rule tells the two apart.
        let prefers_it = p.preferred_leader() == Some(follower) && p.leader != Some(follower);
        self.emit(HappeningKind::IsrExpanded {
            partition: tp.clone(),
            broker: follower,
            isr: isr.clone(),
        });
        self.record_isr_change(tp, isr);
        if prefers_it && self.auto_leader_rebalance {
            self.schedule.push(
                now + delay,
                Event::PreferredElection {
                    partition: tp.clone(),
                    topic_id,
                },
            );
        }
        // A reassigned partition completes once its new replicas are all in sync.
        self.maybe_complete_reassignment(tp);
    }

    /// Kafka's ISR expiration task, every half `replica.lag.time.max.ms`: followers that
    /// have not caught up for that long leave the ISR of every partition a live leader leads.
    pub(crate) fn on_isr_expiration_check(&mut self) {
        let now = self.now;
        let lag_max = self.timing.replica_lag_time_max_ms;
        let mut shrink: Vec<(TopicPartition, Vec<BrokerId>)> = Vec::new();
        for t in self.topics.values() {
            for p in &t.partitions {
                let Some(leader) = p.leader else { continue };
                let leader_end = p.log_end_offset();
                let out: Vec<BrokerId> = p
                    .isr
                    .iter()
                    .copied()
                    .filter(|b| *b != leader)
                    .filter(|b| {
                        p.replica(*b).is_some_and(|r| {
                            r.leader_view_log_end_offset < leader_end
                                && now.saturating_sub(r.last_caught_up_ms) > lag_max
                        })
                    })
                    .collect();
                if !out.is_empty() && self.controller_reachable_from(leader) {
                    shrink.push((TopicPartition::new(&t.name, p.id), out));
                }
            }
        }
        for (tp, out) in shrink {
            for broker in out {
                self.remove_from_isr(&tp, broker);
            }
            self.update_high_watermark(&tp);
        }
        self.schedule
            .push(now + (lag_max / 2).max(1), Event::IsrExpirationCheck);
    }

    /// Takes a broker out of a partition's ISR (never the last member).
    pub(crate) fn remove_from_isr(&mut self, tp: &TopicPartition, broker: BrokerId) {
        let Some(p) = self.partition_mut(tp) else {
            return;
        };
        if !p.isr.contains(&broker) || p.isr.len() <= 1 {
            return;
        }
        p.isr.retain(|b| *b != broker);
        let isr = p.isr.clone();
        self.emit(HappeningKind::IsrShrunk {
            partition: tp.clone(),
            broker,
            isr: isr.clone(),
        });
        self.record_isr_change(tp, isr);
    }
}
