//! The member's side of the group protocol: joining, leaving, committing, heartbeating,
//! and taking an assignment (revoking what it no longer owns).

use crate::cluster::{Cluster, Event, JoinGroupRequest, OffsetCommitRequest, SyncGroupResponse};
use crate::collections::SortedSet;
use crate::consumer::ConsumerRef;
use crate::group::{MemberStatus, RebalanceReason};
use crate::happening::HappeningKind;
use crate::schedule::Ms;
use crate::TopicPartition;

impl Cluster {
    pub(crate) fn send_join(&mut self, group: &str, member: &str, reason: Option<RebalanceReason>) {
        let broker = self.coordinator_of(group);
        let Some(m) = self.member_mut(group, member).filter(|m| m.is_running()) else {
            return;
        };
        m.join_in_flight = true;
        let kind = HappeningKind::JoinGroupSent {
            group: group.to_string(),
            member: member.to_string(),
            broker,
        };
        let arrival = self.fly_client(kind);
        self.schedule.push(
            arrival,
            Event::JoinArrives(JoinGroupRequest {
                group: group.to_string(),
                member: member.to_string(),
                reason,
            }),
        );
    }

    pub(crate) fn send_leave(&mut self, group: &str, member: &str) {
        let broker = self.coordinator_of(group);
        if !self
            .member_mut(group, member)
            .is_some_and(|m| m.status == MemberStatus::Leaving)
        {
            return;
        }
        let arrival = self.fly_client(HappeningKind::LeaveGroupSent {
            group: group.to_string(),
            member: member.to_string(),
            broker,
        });
        self.schedule.push(
            arrival,
            Event::LeaveArrives {
                group: group.to_string(),
                member: member.to_string(),
            },
        );
    }

    /// Sends an OffsetCommit; returns when it reaches the coordinator.
    pub(crate) fn send_commit(
        &mut self,
        group: &str,
        member: &str,
        offsets: Vec<(TopicPartition, u64)>,
        on_revoke: bool,
    ) -> Ms {
        let broker = self.coordinator_of(group);
        let generation = self.member_mut(group, member).map_or(0, |m| m.generation);
        let kind = HappeningKind::CommitSent {
            group: group.to_string(),
            member: member.to_string(),
            broker,
            offsets: offsets.clone(),
        };
        let arrival = self.fly_client(kind);
        let event = Event::CommitArrives(OffsetCommitRequest {
            group: group.to_string(),
            member: member.to_string(),
            generation,
            on_revoke,
            offsets,
        });
        self.schedule.push(arrival, event);
        arrival
    }

    /// The member gives up partitions (`onPartitionsRevoked`), committing their positions
    /// when auto-commit is on. Returns when that commit lands, if one was sent.
    pub(super) fn revoke(
        &mut self,
        group: &str,
        member: &str,
        partitions: Vec<TopicPartition>,
    ) -> Option<Ms> {
        if partitions.is_empty() {
            return None;
        }
        let auto_commit = self.groups.get(group)?.config.enable_auto_commit;
        let m = self.member_mut(group, member)?;
        let mut positions = Vec::new();
        for tp in &partitions {
            if let Some(position) = m.owned.remove(tp).and_then(|c| c.position) {
                positions.push((tp.clone(), position));
            }
        }
        self.emit(HappeningKind::PartitionsRevoked {
            group: group.to_string(),
            member: member.to_string(),
            partitions: partitions.clone(),
        });
        self.service_partitions_revoked(group, member, &partitions);
        (auto_commit && !positions.is_empty())
            .then(|| self.send_commit(group, member, positions, true))
    }

    pub(crate) fn on_assignment_arrives(&mut self, sync: SyncGroupResponse) {
        let SyncGroupResponse {
            group,
            member,
            generation,
            partitions,
        } = sync;
        let Some(g) = self.groups.get(&group) else {
            return;
        };
        // A newer rebalance began meanwhile: this assignment is stale.
        if g.generation != generation || g.rebalance.is_some() {
            return;
        }
        let cooperative = g.is_cooperative();
        let Some(m) = g.members.get(&member).filter(|m| m.is_running()) else {
            return;
        };
        let new: SortedSet<&TopicPartition> = partitions.iter().collect();
        let revoked: Vec<TopicPartition> = m
            .owned
            .keys()
            .filter(|tp| !new.contains(tp))
            .cloned()
            .collect();
        let added: Vec<TopicPartition> = partitions
            .iter()
            .filter(|tp| !m.owned.contains_key(tp))
            .cloned()
            .collect();
        let commit_at = self.revoke(&group, &member, revoked.clone());
        let m = self
            .member_mut(&group, &member)
            .expect("the member was found running above; revoking keeps it in the group");
        m.status = MemberStatus::Stable;
        m.generation = generation;
        m.last_assignment = partitions.clone();
        for tp in &added {
            m.owned.insert(tp.clone(), Default::default());
        }
        self.emit(HappeningKind::PartitionsAssigned {
            group: group.clone(),
            member: member.clone(),
            generation,
            partitions: added.clone(),
            assignment: partitions,
        });
        let who = ConsumerRef::Member {
            group: group.as_str().into(),
            member: member.as_str().into(),
        };
        for tp in &added {
            self.start_consuming(&who, tp);
        }
        if cooperative && !revoked.is_empty() {
            let reason = Some(RebalanceReason::CooperativeFollowUp {
                member: member.clone(),
            });
            self.member_mut(&group, &member)
                .expect("taking an assignment keeps the member in its group")
                .join_in_flight = true;
            match commit_at {
                Some(at) => self.schedule.push(
                    at,
                    Event::SendJoin(JoinGroupRequest {
                        group,
                        member,
                        reason,
                    }),
                ),
                None => self.send_join(&group, &member, reason),
            }
        }
    }

    pub(crate) fn on_heartbeat(&mut self, group: String, member: String) {
        let broker = self.coordinator_of(&group);
        let Some(interval) = self
            .groups
            .get(&group)
            .map(|g| g.config.heartbeat_interval_ms)
        else {
            return;
        };
        if !self.member_running(&group, &member) {
            return;
        }
        let arrival = self.fly_client(HappeningKind::Heartbeat {
            group: group.clone(),
            member: member.clone(),
            broker,
        });
        self.member_mut(&group, &member)
            .expect("the member was found running just above")
            .last_heartbeat_ms = arrival;
        self.schedule
            .push(self.now + interval, Event::Heartbeat { group, member });
    }

    pub(crate) fn on_auto_commit(&mut self, group: String, member: String) {
        let Some(g) = self.groups.get(&group) else {
            return;
        };
        let Some(m) = g.members.get(&member).filter(|m| m.is_running()) else {
            return;
        };
        let interval = g.config.auto_commit_interval_ms;
        if g.config.enable_auto_commit && m.status == MemberStatus::Stable {
            let offsets: Vec<(TopicPartition, u64)> = m
                .owned
                .iter()
                .filter_map(|(tp, c)| {
                    c.position
                        .filter(|p| g.committed(tp) != Some(*p))
                        .map(|p| (tp.clone(), p))
                })
                .collect();
            if !offsets.is_empty() {
                self.send_commit(&group, &member, offsets, false);
            }
        }
        self.schedule
            .push(self.now + interval, Event::AutoCommit { group, member });
    }
}
