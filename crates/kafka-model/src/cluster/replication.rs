//! Replication: followers fetching from their leader, the high watermark, and the ISR.
//!
//! A follower keeps one fetch outstanding, sent from its own log end with the epoch of its
//! last record. The leader first checks that epoch against its own epoch cache: if the
//! follower's log runs past where that epoch ended at the leader, the logs diverged and the
//! answer is a `DivergingEpoch` — the follower truncates and fetches again. Otherwise the
//! leader learns the follower's log end from the fetch (that is what moves the high
//! watermark), answers with newer records, or holds the fetch until it has some.
//! Who is in sync, and when that changes, is in `isr.rs`.

use super::{Cluster, Event};
use crate::happening::HappeningKind;
use crate::partition::{BrokerId, Partition};
use crate::record::Record;
use crate::TopicPartition;

/// The most records one replica fetch carries.
const MAX_REPLICA_FETCH_RECORDS: usize = 200;

/// What a leader answers a follower's fetch.
enum FetchAnswer {
    /// The follower's log runs past where `epoch` ended at the leader (`end_offset`).
    Diverging { epoch: u32, end_offset: u64 },
    /// The follower is below the leader's log start: start over there.
    OutOfRange { log_start_offset: u64 },
    /// The logs agree up to the fetch offset.
    Fine,
}

impl Cluster {
    pub(crate) fn partition_ref(&self, tp: &TopicPartition) -> Option<&Partition> {
        self.topics
            .get(&*tp.topic)?
            .partitions
            .get(tp.partition as usize)
    }

    pub(crate) fn partition_mut(&mut self, tp: &TopicPartition) -> Option<&mut Partition> {
        self.topics
            .get_mut(&*tp.topic)?
            .partitions
            .get_mut(tp.partition as usize)
    }

    /// A live partition whose topic is still the one an event was scheduled for.
    pub(crate) fn partition_of_topic(
        &self,
        tp: &TopicPartition,
        topic_id: u64,
    ) -> Option<&Partition> {
        let topic = self
            .topics
            .get(&*tp.topic)
            .filter(|t| t.topic_id == topic_id)?;
        topic.partitions.get(tp.partition as usize)
    }

    /// Whether a message between two brokers gets through the simulated network.
    pub(crate) fn brokers_connected(&self, a: BrokerId, b: BrokerId) -> bool {
        self.broker_alive(a)
            && self.broker_alive(b)
            && !self.network.is_cut_off(a)
            && !self.network.is_cut_off(b)
    }

    /// The follower sends a fetch from its log end offset to the current leader.
    pub(crate) fn start_follower_fetch(&mut self, tp: &TopicPartition, follower: BrokerId) {
        let Some(topic) = self.topics.get(&*tp.topic) else {
            return;
        };
        let topic_id = topic.topic_id;
        let Some(p) = topic.partitions.get(tp.partition as usize) else {
            return;
        };
        let Some(leader) = p.leader.filter(|l| *l != follower) else {
            return;
        };
        if !self.broker_alive(follower) || !self.broker_alive(leader) {
            return;
        }
        let Some(log) = p.replica_log(follower) else {
            return;
        };
        let (fetch_offset, last_fetched_epoch) = (log.log_end_offset(), log.last_epoch());
        let leader_epoch = p.leader_epoch;
        let arrival = self.fly_broker(HappeningKind::ReplicaFetchSent {
            partition: tp.clone(),
            follower,
            leader,
            fetch_offset,
        });
        let flight = self.last_flight_id();
        self.schedule.push(
            arrival,
            Event::ReplicaFetchArrives {
                partition: tp.clone(),
                topic_id,
                follower,
                leader_epoch,
                fetch_offset,
                last_fetched_epoch,
                flight,
            },
        );
    }

    /// A fetch or its answer was lost: the follower tries again after its backoff.
    fn retry_follower_fetch(
        &mut self,
        tp: &TopicPartition,
        topic_id: u64,
        follower: BrokerId,
        leader_epoch: u32,
    ) {
        let at = self.now + self.timing.replica_fetch_backoff_ms;
        self.schedule.push(
            at,
            Event::ReplicaFetchRetry {
                partition: tp.clone(),
                topic_id,
                follower,
                leader_epoch,
            },
        );
    }

    pub(crate) fn on_replica_fetch_retry(
        &mut self,
        tp: TopicPartition,
        topic_id: u64,
        follower: BrokerId,
        leader_epoch: u32,
    ) {
        let current = self
            .partition_of_topic(&tp, topic_id)
            .is_some_and(|p| p.leader_epoch == leader_epoch);
        if current {
            self.start_follower_fetch(&tp, follower);
        }
    }

    fn answer_for(
        p: &Partition,
        fetch_offset: u64,
        last_fetched_epoch: Option<u32>,
    ) -> FetchAnswer {
        let log = &p.log;
        if fetch_offset < log.log_start_offset() {
            return FetchAnswer::OutOfRange {
                log_start_offset: log.log_start_offset(),
            };
        }
        match last_fetched_epoch {
            Some(epoch) => match log.end_offset_for_epoch(epoch) {
                Some((e, end)) if e == epoch && end >= fetch_offset => FetchAnswer::Fine,
                Some((e, end)) => FetchAnswer::Diverging {
                    epoch: e,
                    end_offset: end.min(fetch_offset),
                },
                None => FetchAnswer::OutOfRange {
                    log_start_offset: log.log_start_offset(),
                },
            },
            None if fetch_offset > log.log_end_offset() => FetchAnswer::Diverging {
                epoch: 0,
                end_offset: log.log_end_offset(),
            },
            None => FetchAnswer::Fine,
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn on_replica_fetch_arrives(
        &mut self,
        tp: TopicPartition,
        topic_id: u64,
        follower: BrokerId,
        leader_epoch: u32,
        fetch_offset: u64,
        last_fetched_epoch: Option<u32>,
        flight: u64,
    ) {
        let Some(p) = self.partition_of_topic(&tp, topic_id) else {
            return;
        };
        let Some(leader) = p.leader.filter(|_| p.leader_epoch == leader_epoch) else {
            return;
        };
        // A replica reassigned away stops fetching (its log was deleted).
        if !self.broker_alive(follower)
            || !self.broker_alive(leader)
            || p.replica(follower).is_none()
        {
            return;
        }
        let answer = Self::answer_for(p, fetch_offset, last_fetched_epoch);
        let current_epoch = p.leader_epoch;
        if self.network.take_dropped(flight) || !self.brokers_connected(follower, leader) {
            return self.retry_follower_fetch(&tp, topic_id, follower, leader_epoch);
        }
        match answer {
            FetchAnswer::Fine => {}
            FetchAnswer::Diverging { epoch, end_offset } => {
                let to = (epoch, end_offset, false);
                return self.send_truncation(&tp, topic_id, follower, leader, to);
            }
            FetchAnswer::OutOfRange { log_start_offset } => {
                let to = (current_epoch, log_start_offset, true);
                return self.send_truncation(&tp, topic_id, follower, leader, to);
            }
        }
        self.note_follower_fetch(&tp, follower, fetch_offset);
        self.maybe_expand_isr(&tp, topic_id, follower, fetch_offset);
        let p = self.partition_ref(&tp).expect("checked");
        if p.leader_epoch != leader_epoch {
            // Joining the ISR completed a reassignment and started a new leader epoch:
            // the followers fetch again in it, this fetch's loop ends here.
            return;
        }
        self.update_high_watermark(&tp);
        let p = self.partition_ref(&tp).expect("checked");
        if p.log_end_offset() > fetch_offset {
            self.send_records_to_follower(&tp, follower);
        } else {
            let p = self.partition_mut(&tp).expect("checked");
            if !p.parked_followers.contains(&follower) {
                p.parked_followers.push(follower);
            }
        }
    }

    /// The leader answers that the follower's log diverged — `(epoch, end_offset, _)` — or
    /// that it must start over at the leader's log start — `(_, log_start, true)`; the
    /// follower truncates and fetches again.
    fn send_truncation(
        &mut self,
        tp: &TopicPartition,
        topic_id: u64,
        follower: BrokerId,
        leader: BrokerId,
        (epoch, end_offset, start_over): (u32, u64, bool),
    ) {
        let leader_epoch = self.partition_ref(tp).map_or(0, |p| p.leader_epoch);
        let arrival = self.fly_broker(HappeningKind::DivergingEpoch {
            partition: tp.clone(),
            leader,
            follower,
            epoch,
            end_offset,
        });
        self.schedule.push(
            arrival,
            Event::DivergingEpochArrives {
                partition: tp.clone(),
                topic_id,
                follower,
                leader_epoch,
                epoch,
                end_offset,
                start_over,
            },
        );
    }

    /// Kafka's follower truncation: to the smaller of where the leader says the epoch ended
    /// and where it ends in the follower's own log; below the leader's log start, start over.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn on_diverging_epoch_arrives(
        &mut self,
        tp: TopicPartition,
        topic_id: u64,
        follower: BrokerId,
        leader_epoch: u32,
        epoch: u32,
        end_offset: u64,
        start_over: bool,
    ) {
        let Some(p) = self.partition_of_topic(&tp, topic_id) else {
            return;
        };
        if p.leader_epoch != leader_epoch || !self.broker_alive(follower) {
            return;
        }
        let leader_start = p.log_start_offset();
        let p = self.partition_mut(&tp).expect("checked");
        let Some(log) = p.replica_log_mut(follower) else {
            return;
        };
        let removed = if start_over
            || end_offset < leader_start
            || end_offset < log.log_start_offset()
            || log.log_end_offset() < leader_start
        {
            log.truncate_fully_and_start_at(leader_start)
        } else {
            // Kafka: the smaller of where the epoch ends at the leader and in our own log.
            log.truncate_to(end_offset.min(log.start_of_epoch_after(epoch)))
        };
        let log_end_offset = log.log_end_offset();
        p.sync_log_end(follower);
        self.emit(HappeningKind::ReplicaTruncated {
            partition: tp.clone(),
            broker: follower,
            log_end_offset,
            records_removed: removed,
        });
        self.start_follower_fetch(&tp, follower);
    }

    /// The leader answers a follower's fetch with records from the follower's fetch offset.
    fn send_records_to_follower(&mut self, tp: &TopicPartition, follower: BrokerId) {
        let Some(topic) = self.topics.get(&*tp.topic) else {
            return;
        };
        let topic_id = topic.topic_id;
        let Some(p) = topic.partitions.get(tp.partition as usize) else {
            return;
        };
        let (Some(leader), Some(r)) = (p.leader, p.replica(follower)) else {
            return;
        };
        let from_offset = r.leader_view_log_end_offset;
        let records: Vec<Record> = p
            .log
            .read(from_offset, p.log_end_offset(), MAX_REPLICA_FETCH_RECORDS)
            .to_vec();
        let to_offset = if records.len() == MAX_REPLICA_FETCH_RECORDS {
            records.last().map_or(from_offset, |r| r.offset + 1)
        } else {
            p.log_end_offset()
        };
        let (leader_epoch, leader_log_start) = (p.leader_epoch, p.log_start_offset());
        let arrival = self.fly_broker(HappeningKind::Replicated {
            partition: tp.clone(),
            leader,
            follower,
            from_offset,
            to_offset,
        });
        let flight = self.last_flight_id();
        self.schedule.push(
            arrival,
            Event::ReplicaFetchResponse {
                partition: tp.clone(),
                topic_id,
                follower,
                leader_epoch,
                from_offset,
                to_offset,
                records,
                leader_log_start,
                flight,
            },
        );
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn on_replica_fetch_response(
        &mut self,
        tp: TopicPartition,
        topic_id: u64,
        follower: BrokerId,
        leader_epoch: u32,
        from_offset: u64,
        to_offset: u64,
        records: Vec<Record>,
        leader_log_start: u64,
        flight: u64,
    ) {
        let Some(topic) = self
            .topics
            .get(&*tp.topic)
            .filter(|t| t.topic_id == topic_id)
        else {
            return;
        };
        let roll = topic.config.roll_policy();
        let Some(p) = topic.partitions.get(tp.partition as usize) else {
            return;
        };
        let Some(leader) = p.leader.filter(|_| p.leader_epoch == leader_epoch) else {
            return;
        };
        if !self.broker_alive(follower) {
            return;
        }
        if self.network.take_dropped(flight) || !self.brokers_connected(follower, leader) {
            return self.retry_follower_fetch(&tp, topic_id, follower, leader_epoch);
        }
        let p = self.partition_mut(&tp).expect("checked");
        let Some(log) = p.replica_log_mut(follower) else {
            return;
        };
        if log.log_end_offset() == from_offset {
            log.append_replicated(records, to_offset, roll);
        }
        log.advance_log_start(leader_log_start);
        p.sync_log_end(follower);
        self.start_follower_fetch(&tp, follower);
    }

    /// New records at the leader: answer the followers whose fetches were waiting.
    pub(crate) fn wake_parked_followers(&mut self, tp: &TopicPartition) {
        let Some(p) = self.partition_mut(tp) else {
            return;
        };
        let parked = std::mem::take(&mut p.parked_followers);
        for follower in parked {
            if self.broker_alive(follower) {
                self.send_records_to_follower(tp, follower);
            }
        }
    }

    /// Moves the high watermark as far as the ISR allows; then acks=all producers waiting
    /// below it are answered and consumers waiting for it are served.
    pub(crate) fn update_high_watermark(&mut self, tp: &TopicPartition) {
        let Some(topic) = self.topics.get_mut(&*tp.topic) else {
            return;
        };
        let min_isr = topic.config.effective_min_isr();
        let Some(p) = topic.partitions.get_mut(tp.partition as usize) else {
            return;
        };
        let candidate = p.high_watermark_candidate(min_isr);
        let Some(leader) = p.leader.filter(|_| candidate > p.high_watermark) else {
            return;
        };
        p.high_watermark = candidate;
        p.acked_above_high_watermark
            .retain(|(_, last)| *last >= candidate);
        let (done, waiting): (Vec<_>, Vec<_>) = std::mem::take(&mut p.pending_acks)
            .into_iter()
            .partition(|a| a.last_offset < candidate);
        p.pending_acks = waiting;
        self.emit(HappeningKind::HighWatermarkAdvanced {
            partition: tp.clone(),
            broker: leader,
            high_watermark: candidate,
        });
        for ack in done {
            self.ack(
                ack.producer,
                leader,
                &ack.batch,
                ack.base_offset,
                ack.last_offset,
            );
        }
        self.wake_parked_fetches(tp);
        self.apply_retention(tp);
    }
}
