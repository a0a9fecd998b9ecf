//! Replication: followers fetching from leaders, the high watermark, ISR changes,
//! elections, and retention.
//!
//! A follower keeps one fetch outstanding. The leader learns the follower's log end from
//! the fetch's offset (that is what moves the high watermark), answers with newer records,
//! or holds the fetch until it has some (a long poll), so an idle partition is quiet.

use super::{Cluster, Event};
use crate::error::KafkaError;
use crate::happening::{ElectionReason, HappeningKind};
use crate::partition::{BrokerId, Partition};
use crate::TopicPartition;

/// The most records one replica fetch carries.
const MAX_REPLICA_FETCH_RECORDS: u64 = 200;

impl Cluster {
    pub(crate) fn partition_ref(&self, tp: &TopicPartition) -> Option<&Partition> {
        self.topics
            .get(&tp.topic)?
            .partitions
            .get(tp.partition as usize)
    }

    pub(crate) fn partition_mut(&mut self, tp: &TopicPartition) -> Option<&mut Partition> {
        self.topics
            .get_mut(&tp.topic)?
            .partitions
            .get_mut(tp.partition as usize)
    }

    /// A live partition whose topic is still the one an event was scheduled for.
    fn partition_of_topic(&self, tp: &TopicPartition, topic_id: u64) -> Option<&Partition> {
        let topic = self
            .topics
            .get(&tp.topic)
            .filter(|t| t.topic_id == topic_id)?;
        topic.partitions.get(tp.partition as usize)
    }

    /// The follower sends a fetch from its log end offset to the current leader.
    pub(crate) fn start_follower_fetch(&mut self, tp: &TopicPartition, follower: BrokerId) {
        let Some(topic) = self.topics.get(&tp.topic) else {
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
        let Some(fetch_offset) = p.replica(follower).map(|r| r.log_end_offset) else {
            return;
        };
        let leader_epoch = p.leader_epoch;
        let arrival = self.fly_broker(HappeningKind::ReplicaFetchSent {
            partition: tp.clone(),
            follower,
            leader,
            fetch_offset,
        });
        self.schedule.push(
            arrival,
            Event::ReplicaFetchArrives {
                partition: tp.clone(),
                topic_id,
                follower,
                leader_epoch,
                fetch_offset,
            },
        );
    }

    pub(crate) fn on_replica_fetch_arrives(
        &mut self,
        tp: TopicPartition,
        topic_id: u64,
        follower: BrokerId,
        leader_epoch: u32,
        fetch_offset: u64,
    ) {
        let Some(p) = self.partition_of_topic(&tp, topic_id) else {
            return;
        };
        if p.leader_epoch != leader_epoch
            || !p.leader.is_some_and(|l| self.broker_alive(l))
            || !self.broker_alive(follower)
        {
            return;
        }
        let now = self.now;
        let delay = self.timing.preferred_leader_delay_ms;
        let p = self.partition_mut(&tp).expect("checked");
        if let Some(r) = p.replica_mut(follower) {
            r.leader_view_log_end_offset = fetch_offset;
        }
        // A follower rejoins the ISR once it has everything up to the high watermark.
        let rejoins = !p.isr.contains(&follower) && fetch_offset >= p.high_watermark;
        if rejoins {
            let order = p.replicas.clone();
            p.isr.push(follower);
            p.isr.sort_by_key(|b| order.iter().position(|r| r == b));
            let isr = p.isr.clone();
            let prefers_it = p.preferred_leader() == Some(follower) && p.leader != Some(follower);
            self.emit(HappeningKind::IsrExpanded {
                partition: tp.clone(),
                broker: follower,
                isr,
            });
            if prefers_it {
                self.schedule.push(
                    now + delay,
                    Event::PreferredElection {
                        partition: tp.clone(),
                        topic_id,
                    },
                );
            }
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

    /// The leader answers a follower's fetch with records from the follower's fetch offset.
    fn send_records_to_follower(&mut self, tp: &TopicPartition, follower: BrokerId) {
        let Some(topic) = self.topics.get(&tp.topic) else {
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
        let to_offset = p
            .log_end_offset()
            .min(from_offset + MAX_REPLICA_FETCH_RECORDS);
        let leader_epoch = p.leader_epoch;
        let arrival = self.fly_broker(HappeningKind::Replicated {
            partition: tp.clone(),
            leader,
            follower,
            from_offset,
            to_offset,
        });
        self.schedule.push(
            arrival,
            Event::ReplicaFetchResponse {
                partition: tp.clone(),
                topic_id,
                follower,
                leader_epoch,
                to_offset,
            },
        );
    }

    pub(crate) fn on_replica_fetch_response(
        &mut self,
        tp: TopicPartition,
        topic_id: u64,
        follower: BrokerId,
        leader_epoch: u32,
        to_offset: u64,
    ) {
        let Some(p) = self.partition_of_topic(&tp, topic_id) else {
            return;
        };
        if p.leader_epoch != leader_epoch || !self.broker_alive(follower) {
            return;
        }
        let p = self.partition_mut(&tp).expect("checked");
        let log_end = p.log_end_offset();
        if let Some(r) = p.replica_mut(follower) {
            r.log_end_offset = r.log_end_offset.max(to_offset).min(log_end);
        }
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
        let Some(topic) = self.topics.get_mut(&tp.topic) else {
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

    /// A broker holding a replica went down.
    pub(crate) fn on_replica_down(&mut self, tp: &TopicPartition, broker: BrokerId) {
        let Some(p) = self.partition_mut(tp) else {
            return;
        };
        p.parked_followers.retain(|b| *b != broker);
        if p.isr.contains(&broker) && p.isr.len() > 1 {
            p.isr.retain(|b| *b != broker);
            let isr = p.isr.clone();
            self.emit(HappeningKind::IsrShrunk {
                partition: tp.clone(),
                broker,
                isr,
            });
        }
        if self
            .partition_ref(tp)
            .is_some_and(|p| p.leader == Some(broker))
        {
            self.elect(tp, ElectionReason::LeaderDown);
        } else {
            self.update_high_watermark(tp);
        }
    }

    /// A broker holding a replica came back.
    pub(crate) fn on_replica_up(&mut self, tp: &TopicPartition, broker: BrokerId) {
        let Some(p) = self.partition_ref(tp) else {
            return;
        };
        if p.leader.is_none() {
            if p.isr.contains(&broker) {
                self.elect(tp, ElectionReason::ReplicaReturned);
            }
        } else {
            self.start_follower_fetch(tp, broker);
        }
    }

    pub(crate) fn on_preferred_election(&mut self, tp: TopicPartition, topic_id: u64) {
        let Some(p) = self.partition_of_topic(&tp, topic_id) else {
            return;
        };
        let Some(preferred) = p.preferred_leader() else {
            return;
        };
        if p.leader.is_some()
            && p.leader != Some(preferred)
            && p.isr.contains(&preferred)
            && self.broker_alive(preferred)
        {
            self.change_leader(&tp, Some(preferred), ElectionReason::Preferred);
        }
    }

    /// Clean election: keep a live leader, else the first replica in assignment order that
    /// is in the ISR and alive; with none, the partition goes offline.
    fn elect(&mut self, tp: &TopicPartition, reason: ElectionReason) {
        let Some(p) = self.partition_ref(tp) else {
            return;
        };
        let chosen = p
            .replicas
            .iter()
            .copied()
            .find(|b| p.isr.contains(b) && self.broker_alive(*b));
        if chosen != p.leader || p.leader.is_some_and(|l| !self.broker_alive(l)) {
            self.change_leader(tp, chosen, reason);
        }
    }

    fn change_leader(
        &mut self,
        tp: &TopicPartition,
        new_leader: Option<BrokerId>,
        reason: ElectionReason,
    ) {
        let old_leader = self.partition_ref(tp).and_then(|p| p.leader);
        let Some(p) = self.partition_mut(tp) else {
            return;
        };
        p.leader = new_leader;
        p.leader_epoch += 1;
        p.parked_followers.clear();
        let mut truncated = None;
        if let Some(leader) = new_leader {
            let leader_end = p.replica(leader).map_or(0, |r| r.log_end_offset);
            debug_assert!(
                leader_end >= p.high_watermark,
                "an in-sync replica holds everything below the high watermark"
            );
            let lost = p.log.truncate_to(leader_end.max(p.high_watermark));
            let log_end = p.log_end_offset();
            let high_watermark = p.high_watermark;
            for r in &mut p.replica_states {
                r.log_end_offset = r.log_end_offset.min(log_end);
                // The new leader has not heard from its followers yet.
                r.leader_view_log_end_offset = r.log_end_offset.min(high_watermark);
            }
            if let Some(r) = p.replica_mut(leader) {
                r.log_end_offset = log_end;
                r.leader_view_log_end_offset = log_end;
            }
            if lost > 0 {
                truncated = Some((log_end, lost));
            }
        }
        let (epoch, isr) = (p.leader_epoch, p.isr.clone());
        let replicas = p.replicas.clone();
        let acks = std::mem::take(&mut p.pending_acks);
        if let Some((log_end_offset, records_lost)) = truncated {
            self.emit(HappeningKind::LogTruncated {
                partition: tp.clone(),
                log_end_offset,
                records_lost,
            });
        }
        self.emit(HappeningKind::LeaderElected {
            partition: tp.clone(),
            leader: new_leader,
            leader_epoch: epoch,
            isr,
            reason,
        });
        // Produce requests waiting at the old leader fail; their producers retry.
        for ack in acks {
            let from = old_leader.filter(|b| self.broker_alive(*b));
            let error = KafkaError::NotLeaderOrFollower {
                partition: tp.clone(),
                broker: old_leader.unwrap_or(0),
            };
            self.fail_batch(ack.producer, from, ack.batch, error);
        }
        self.restart_parked_fetches(tp);
        if let Some(leader) = new_leader {
            for follower in replicas.into_iter().filter(|b| *b != leader) {
                self.start_follower_fetch(tp, follower);
            }
        }
        self.update_high_watermark(tp);
    }

    /// Deletes old segments the topic's retention allows.
    pub(crate) fn apply_retention(&mut self, tp: &TopicPartition) {
        let now = self.now;
        let Some(topic) = self.topics.get_mut(&tp.topic) else {
            return;
        };
        let limits = topic.config.retention_limits();
        let Some(p) = topic.partitions.get_mut(tp.partition as usize) else {
            return;
        };
        let deleted = p.log.apply_retention(limits, p.high_watermark, now);
        if deleted > 0 {
            let log_start_offset = p.log_start_offset();
            self.emit(HappeningKind::RecordsDeleted {
                partition: tp.clone(),
                log_start_offset,
                records_deleted: deleted,
            });
        }
    }

    pub(crate) fn on_retention_check(&mut self) {
        let all: Vec<TopicPartition> = self
            .topics
            .values()
            .flat_map(|t| {
                t.partitions
                    .iter()
                    .map(|p| TopicPartition::new(&t.name, p.id))
            })
            .collect();
        for tp in all {
            self.apply_retention(&tp);
        }
        self.prune_links();
        self.schedule.push(
            self.now + self.timing.retention_check_interval_ms,
            Event::RetentionCheck,
        );
    }
}
