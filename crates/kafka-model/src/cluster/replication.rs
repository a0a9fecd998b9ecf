//! Replication: followers fetching from their leader, the high watermark, and the ISR.
//!
//! A follower keeps one fetch outstanding, sent from its own log end with the epoch of its
//! last record. The leader first checks that epoch against its own epoch cache: if the
//! follower's log runs past where that epoch ended at the leader, the logs diverged and the
//! answer is a `DivergingEpoch` — the follower truncates and fetches again. Otherwise the
//! leader learns the follower's log end from the fetch (that is what moves the high
//! watermark), answers with newer records, or holds the fetch until it has some.
//! Who is in sync, and when that changes, is in `isr.rs`.

use super::{
    Cluster, DivergingEpoch, Event, ReplicaFetchKey, ReplicaFetchRequest, ReplicaFetchResponse,
};
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
        let key = ReplicaFetchKey {
            partition: tp.clone(),
            topic_id,
            follower,
            leader_epoch,
        };
        self.schedule.push(
            arrival,
            Event::ReplicaFetchArrives(ReplicaFetchRequest {
                key,
                fetch_offset,
                last_fetched_epoch,
                flight,
            }),
        );
    }

    /// A fetch or its answer was lost: the follower tries again after its backoff.
    fn retry_follower_fetch(&mut self, key: ReplicaFetchKey) {
        let at = self.now + self.timing.replica_fetch_backoff_ms;
        self.schedule.push(at, Event::ReplicaFetchRetry(key));
    }

    pub(crate) fn on_replica_fetch_retry(&mut self, key: ReplicaFetchKey) {
        let current = self
            .partition_of_topic(&key.partition, key.topic_id)
            .is_some_and(|p| p.leader_epoch == key.leader_epoch);
        if current {
            self.start_follower_fetch(&key.partition, key.follower);
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

    pub(crate) fn on_replica_fetch_arrives(&mut self, request: ReplicaFetchRequest) {
        let ReplicaFetchRequest {
            key,
            fetch_offset,
            last_fetched_epoch,
            flight,
        } = request;
        let Some(p) = self.partition_of_topic(&key.partition, key.topic_id) else {
            return;
        };
        let Some(leader) = p.leader.filter(|_| p.leader_epoch == key.leader_epoch) else {
            return;
        };
        let follower = key.follower;
        // A replica reassigned away stops fetching (its log was deleted).
        if !self.broker_alive(follower)
            || !self.broker_alive(leader)
            || p.replica(follower).is_none()
        {
            return;
        }
        let answer = Self::answer_for(p, fetch_offset, last_fetched_epoch);
        if self.network.take_dropped(flight) || !self.brokers_connected(follower, leader) {
            return self.retry_follower_fetch(key);
        }
        // Both answers that make the follower truncate go in the epoch the fetch was sent in,
        // which is still the leader's (checked above).
        let diverging = |epoch, end_offset, start_over| DivergingEpoch {
            key: key.clone(),
            epoch,
            end_offset,
            start_over,
        };
        match answer {
            FetchAnswer::Fine => {}
            FetchAnswer::Diverging { epoch, end_offset } => {
                return self.send_diverging_epoch(leader, diverging(epoch, end_offset, false));
            }
            FetchAnswer::OutOfRange { log_start_offset } => {
                let answer = diverging(key.leader_epoch, log_start_offset, true);
                return self.send_diverging_epoch(leader, answer);
            }
        }
        let tp = &key.partition;
        self.note_follower_fetch(tp, follower, fetch_offset);
        self.maybe_expand_isr(&key, fetch_offset);
        let p = self
            .partition_ref(tp)
            .expect("handling a fetch never removes its partition");
        if p.leader_epoch != key.leader_epoch {
            // Joining the ISR completed a reassignment and started a new leader epoch:
            // the followers fetch again in it, this fetch's loop ends here.
            return;
        }
        self.update_high_watermark(tp);
        let p = self
            .partition_ref(tp)
            .expect("handling a fetch never removes its partition");
        if p.log_end_offset() > fetch_offset {
            self.send_records_to_follower(tp, follower);
        } else {
            let p = self
                .partition_mut(tp)
                .expect("handling a fetch never removes its partition");
            if !p.parked_followers.contains(&follower) {
                p.parked_followers.push(follower);
            }
        }
    }

    /// The leader answers that the follower's log diverged (where the epoch ended), or that
    /// it must start over at the leader's log start; the follower truncates and fetches
    /// again.
    fn send_diverging_epoch(&mut self, leader: BrokerId, answer: DivergingEpoch) {
        let arrival = self.fly_broker(HappeningKind::DivergingEpoch {
            partition: answer.key.partition.clone(),
            leader,
            follower: answer.key.follower,
            epoch: answer.epoch,
            end_offset: answer.end_offset,
        });
        self.schedule
            .push(arrival, Event::DivergingEpochArrives(answer));
    }

    /// Kafka's follower truncation: to the smaller of where the leader says the epoch ended
    /// and where it ends in the follower's own log; below the leader's log start, start over.
    pub(crate) fn on_diverging_epoch_arrives(&mut self, answer: DivergingEpoch) {
        let DivergingEpoch {
            key,
            epoch,
            end_offset,
            start_over,
        } = answer;
        let (tp, follower) = (key.partition, key.follower);
        let Some(p) = self.partition_of_topic(&tp, key.topic_id) else {
            return;
        };
        if p.leader_epoch != key.leader_epoch || !self.broker_alive(follower) {
            return;
        }
        let leader_start = p.log_start_offset();
        let p = self
            .partition_mut(&tp)
            .expect("the partition was found just above");
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
        let key = ReplicaFetchKey {
            partition: tp.clone(),
            topic_id,
            follower,
            leader_epoch,
        };
        self.schedule.push(
            arrival,
            Event::ReplicaFetchResponse(ReplicaFetchResponse {
                key,
                from_offset,
                to_offset,
                records,
                leader_log_start,
                flight,
            }),
        );
    }

    pub(crate) fn on_replica_fetch_response(&mut self, response: ReplicaFetchResponse) {
        let ReplicaFetchResponse {
            key,
            from_offset,
            to_offset,
            records,
            leader_log_start,
            flight,
        } = response;
        let Some(topic) = self
            .topics
            .get(&*key.partition.topic)
            .filter(|t| t.topic_id == key.topic_id)
        else {
            return;
        };
        let roll = topic.config.roll_policy();
        let Some(p) = topic.partitions.get(key.partition.partition as usize) else {
            return;
        };
        let Some(leader) = p.leader.filter(|_| p.leader_epoch == key.leader_epoch) else {
            return;
        };
        let follower = key.follower;
        if !self.broker_alive(follower) {
            return;
        }
        if self.network.take_dropped(flight) || !self.brokers_connected(follower, leader) {
            return self.retry_follower_fetch(key);
        }
        let tp = key.partition;
        let p = self
            .partition_mut(&tp)
            .expect("the partition was found just above");
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
