//! Partition reassignment: moving a partition's replicas to other brokers, as
//! `kafka-reassign-partitions.sh --execute` does through the AlterPartitionReassignments
//! API (KIP-455).
//!
//! Kafka's rules, followed here:
//! - The target list must be non-empty, name only registered brokers and none twice
//!   (`ReplicationControlManager.validateManualPartitionAssignment`: "no such broker is
//!   registered", "includes the broker N more than once"). A registered broker may be down:
//!   its replica then catches up once it is back.
//! - Starting: the replicas become the target followed by the replicas being removed, with
//!   `addingReplicas` and `removingReplicas` set (`PartitionReassignmentReplicas`). The added
//!   replicas fetch from the leader like any follower and join the ISR once caught up
//!   ("Kafka will add the new server as a follower of the partition it is migrating and
//!   allow it to fully replicate the existing data", docs/operations, *Expanding your
//!   cluster*).
//! - Completing: as soon as the ISR, without the replicas being removed, holds every target
//!   replica (`maybeCompleteReassignment`), the replicas become the target, the removed ones
//!   leave the ISR and delete their copies. If the leader was removed, the first target
//!   replica in the ISR leads (`PartitionChangeBuilder.electAnyLeader`); otherwise the leader
//!   stays and its leader epoch rises, so requests from the removed replicas are fenced
//!   (`triggerLeaderEpochBumpForReplicaReassignmentIfNeeded`).
//! - A reassignment that only reorders the replicas completes at once: it changes only the
//!   preferred leader.
//!
//! Simplified: the number of replicas must stay the topic's replication factor (Kafka can
//! change it by reassignment; the playground keeps one replication factor per topic); a
//! reassignment cannot be replaced or cancelled while it runs (the tool refuses a second
//! one without `--additional`, and `--cancel` reverts one); there is no replication throttle;
//! and if the leader must move but no target replica can lead, the reassignment waits
//! (Kafka would complete it and leave the partition offline).

use super::Cluster;
use crate::controller::{ControllerMode, MetadataRecord};
use crate::error::{ModelError, ReassignmentProblem};
use crate::happening::{ElectionReason, HappeningKind};
use crate::partition::{BrokerId, Partition, ReplicaState};
use crate::TopicPartition;

impl Cluster {
    /// Moves a partition to `replicas` (first = preferred leader), like one entry of a
    /// `kafka-reassign-partitions.sh --execute` plan. The new replicas catch up as followers;
    /// the old ones are dropped once every new one is in sync. Asking for the replicas the
    /// partition already has changes nothing.
    pub fn reassign_partition(
        &mut self,
        tp: &TopicPartition,
        replicas: Vec<BrokerId>,
    ) -> Result<(), ModelError> {
        let topic = self.topic_or_err(&tp.topic)?;
        let rf = topic.config.replication_factor;
        let p = topic.partitions.get(tp.partition as usize).ok_or_else(|| {
            ModelError::UnknownPartition {
                topic: tp.topic.to_string(),
                partition: tp.partition,
                partitions: topic.partition_count(),
            }
        })?;
        // `kafka-reassign-partitions.sh --execute` refuses while one runs (unless
        // `--additional`, which the playground does not offer).
        if p.is_reassigning() {
            return Err(ModelError::ReassignmentInProgress {
                partition: tp.clone(),
            });
        }
        let invalid = |problem| ModelError::InvalidReassignment {
            partition: tp.clone(),
            problem,
        };
        if replicas.is_empty() {
            return Err(invalid(ReassignmentProblem::Empty));
        }
        // As Kafka checks them: in ascending id order, registered first, then repeated.
        let mut sorted = replicas.clone();
        crate::sorting::sort(&mut sorted);
        for (i, b) in sorted.iter().copied().enumerate() {
            if !self.brokers.contains_key(&b) {
                return Err(ModelError::UnknownBroker { broker: b });
            }
            if i > 0 && sorted[i - 1] == b {
                return Err(invalid(ReassignmentProblem::Duplicate { broker: b }));
            }
        }
        if replicas.len() != rf as usize {
            return Err(invalid(ReassignmentProblem::ReplicationFactor {
                requested: replicas.len() as u32,
                replication_factor: rf,
            }));
        }
        if p.replicas == replicas {
            return Ok(());
        }
        let mut removing: Vec<BrokerId> = p
            .replicas
            .iter()
            .copied()
            .filter(|b| !replicas.contains(b))
            .collect();
        crate::sorting::sort(&mut removing);
        let mut adding: Vec<BrokerId> = replicas
            .iter()
            .copied()
            .filter(|b| !p.replicas.contains(b))
            .collect();
        crate::sorting::sort(&mut adding);
        let merged: Vec<BrokerId> = replicas.iter().chain(&removing).copied().collect();
        let now = self.now;
        let p = self
            .partition_mut(tp)
            .expect("the command checked the partition exists");
        let mut states = std::mem::take(&mut p.replica_states);
        p.replica_states = merged
            .iter()
            .map(|b| match states.iter().position(|r| r.broker == *b) {
                Some(i) => states.swap_remove(i),
                None => Partition::fresh_replica(*b, now),
            })
            .collect::<Vec<ReplicaState>>();
        crate::sorting::sort_by_key(&mut p.isr, |b| merged.iter().position(|r| r == b));
        p.replicas = merged.clone();
        p.adding_replicas = adding.clone();
        p.removing_replicas = removing.clone();
        let isr = p.isr.clone();
        self.record(MetadataRecord::PartitionReassignment {
            partition: tp.clone(),
            replicas: merged,
            isr,
            adding: adding.clone(),
            removing: removing.clone(),
        });
        self.zk_write_assignment(tp);
        if adding.is_empty() && removing.is_empty() {
            // Only the order changed: nothing to copy, done at once.
            self.emit(HappeningKind::ReassignmentCompleted {
                partition: tp.clone(),
                replicas,
                removed: Vec::new(),
            });
            self.maybe_schedule_preferred(tp);
            return Ok(());
        }
        self.emit(HappeningKind::ReassignmentStarted {
            partition: tp.clone(),
            replicas,
            adding: adding.clone(),
            removing,
        });
        for broker in adding {
            self.start_follower_fetch(tp, broker);
        }
        self.maybe_complete_reassignment(tp);
        Ok(())
    }

    /// ZooKeeper mode: the controller writes the new assignment to the topic's znode.
    fn zk_write_assignment(&mut self, tp: &TopicPartition) {
        if let (ControllerMode::ZooKeeper, Some(c)) =
            (self.controller_state.mode, self.controller())
        {
            self.zk_write(c, format!("/brokers/topics/{}", tp.topic));
        }
    }

    /// With `auto.leader.rebalance.enable`, leadership goes back to the preferred replica
    /// (the first) once it is in sync, after the usual delay.
    fn maybe_schedule_preferred(&mut self, tp: &TopicPartition) {
        let Some(topic_id) = self.topics.get(&*tp.topic).map(|t| t.topic_id) else {
            return;
        };
        let Some(p) = self.partition_ref(tp) else {
            return;
        };
        let waits = p.leader.is_some()
            && p.leader != p.preferred_leader()
            && p.preferred_leader().is_some_and(|b| p.isr.contains(&b));
        if waits && self.auto_leader_rebalance {
            let at = self.now + self.timing.preferred_leader_delay_ms;
            self.schedule.push(
                at,
                super::Event::PreferredElection {
                    partition: tp.clone(),
                    topic_id,
                },
            );
        }
    }

    /// Completes a running reassignment once the ISR, without the replicas being removed,
    /// holds every target replica (Kafka's `maybeCompleteReassignment`, run whenever the
    /// controller changes the partition, here after the ISR grew).
    pub(crate) fn maybe_complete_reassignment(&mut self, tp: &TopicPartition) {
        let Some(p) = self.partition_ref(tp).filter(|p| p.is_reassigning()) else {
            return;
        };
        let removed = p.removing_replicas.clone();
        let target = p.target_replicas();
        let isr: Vec<BrokerId> = p
            .isr
            .iter()
            .copied()
            .filter(|b| !removed.contains(b))
            .collect();
        if isr.is_empty() || target.is_empty() || !target.iter().all(|b| isr.contains(b)) {
            return;
        }
        let leader_stays = p.leader.is_some_and(|l| target.contains(&l));
        let new_leader = if leader_stays {
            p.leader
        } else {
            target
                .iter()
                .copied()
                .find(|b| isr.contains(b) && self.registered(*b))
        };
        let Some(new_leader) = new_leader else {
            return;
        };
        let p = self
            .partition_mut(tp)
            .expect("found at the start of the reassignment's completion");
        p.replicas = target.clone();
        p.isr = isr.clone();
        p.adding_replicas.clear();
        p.removing_replicas.clear();
        p.parked_followers.retain(|b| target.contains(b));
        // The removed replicas delete their copies (the leader's log, if it was removed,
        // goes when leadership moves below).
        p.replica_states.retain(|r| target.contains(&r.broker));
        self.record(MetadataRecord::PartitionReassignment {
            partition: tp.clone(),
            replicas: target.clone(),
            isr: isr.clone(),
            adding: Vec::new(),
            removing: Vec::new(),
        });
        self.zk_write_assignment(tp);
        self.emit(HappeningKind::ReassignmentCompleted {
            partition: tp.clone(),
            replicas: target.clone(),
            removed,
        });
        if leader_stays {
            self.bump_leader_epoch(tp, isr);
        } else {
            self.change_leader(tp, Some(new_leader), ElectionReason::Reassignment);
        }
        self.maybe_schedule_preferred(tp);
    }

    /// The replicas changed but the leader stays: its leader epoch rises (fencing requests
    /// the removed replicas still have under way) and its followers fetch again.
    fn bump_leader_epoch(&mut self, tp: &TopicPartition, isr: Vec<BrokerId>) {
        let Some(p) = self.partition_mut(tp) else {
            return;
        };
        let Some(leader) = p.leader else {
            return;
        };
        p.leader_epoch += 1;
        p.leader_epoch_start_offset = p.log_end_offset();
        p.parked_followers.clear();
        let (epoch, followers) = (p.leader_epoch, p.replicas.clone());
        self.record_leader_change(tp, Some(leader), epoch, isr);
        for follower in followers.into_iter().filter(|b| *b != leader) {
            self.start_follower_fetch(tp, follower);
        }
        self.update_high_watermark(tp);
    }
}
