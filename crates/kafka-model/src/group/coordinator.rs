//! The group coordinator's side of the rebalance protocol (the member's is in `client.rs`).
//!
//! A rebalance: every running member (re)sends JoinGroup — an eager member first revokes
//! all its partitions (committing their positions if auto-commit is on) — and once every
//! member of the group has joined, the assignor runs, the generation rises, and each member
//! receives its assignment (SyncGroup). A cooperative member keeps its partitions while
//! rejoining; when an assignment takes some away, it revokes just those and rejoins, and
//! the follow-up rebalance hands them to their new owner. A crashed member never rejoins:
//! the rebalance waits until its session times out.

use crate::assignor::{assign, MemberSubscription};
use crate::cluster::{Cluster, Event, JoinGroupRequest, OffsetCommitRequest, SyncGroupResponse};
use crate::collections::SortedMap;
use crate::group::{GroupState, MemberStatus, RebalanceReason, RebalanceRound};
use crate::happening::HappeningKind;
use crate::TopicPartition;

impl Cluster {
    pub(crate) fn on_commit_arrives(&mut self, commit: OffsetCommitRequest) {
        let OffsetCommitRequest {
            group,
            member,
            generation,
            on_revoke,
            offsets,
        } = commit;
        let broker = self.coordinator_of(&group);
        let Some(g) = self.groups.get_mut(&group) else {
            return;
        };
        // Kafka refuses commits from an older generation (ILLEGAL_GENERATION); a commit
        // made while revoking precedes the member's JoinGroup, so it is still current.
        let current = on_revoke
            || g.members
                .get(&member)
                .is_some_and(|_| generation == g.generation);
        if current {
            g.committed.extend(offsets.iter().cloned());
            self.emit(HappeningKind::OffsetCommitted {
                group,
                member: Some(member),
                broker,
                offsets,
            });
        } else if self.member_running(&group, &member) {
            self.fly_client(HappeningKind::CommitFailed {
                group,
                member,
                broker,
            });
        }
    }

    pub(crate) fn on_join_arrives(&mut self, join: JoinGroupRequest) {
        let JoinGroupRequest {
            group,
            member,
            reason,
        } = join;
        let Some(m) = self.member_mut(&group, &member) else {
            return;
        };
        if m.status == MemberStatus::Leaving {
            return;
        }
        m.join_in_flight = false;
        if matches!(reason, Some(RebalanceReason::MemberJoined { .. })) {
            self.emit(HappeningKind::MemberJoined {
                group: group.clone(),
                member: member.clone(),
            });
        }
        let g = self
            .groups
            .get_mut(&group)
            .expect("the member was just found in this group");
        match g.rebalance.as_mut() {
            Some(round) => {
                round.joined.insert(member);
                self.try_complete(&group);
            }
            None => {
                let reason = reason.unwrap_or(RebalanceReason::MemberJoined {
                    member: member.clone(),
                });
                self.start_round(&group, reason, Some(member));
            }
        }
    }

    pub(crate) fn on_leave_arrives(&mut self, group: String, member: String) {
        if self
            .groups
            .get(&group)
            .is_some_and(|g| g.members.contains_key(&member))
        {
            self.emit(HappeningKind::MemberLeft {
                group: group.clone(),
                member: member.clone(),
            });
            self.remove_from_group(
                &group,
                &member,
                RebalanceReason::MemberLeft {
                    member: member.clone(),
                },
            );
        }
    }

    pub(crate) fn on_session_check(&mut self, group: String, member: String) {
        let Some(g) = self.groups.get(&group) else {
            return;
        };
        let Some(m) = g.members.get(&member) else {
            return;
        };
        let deadline = m.last_heartbeat_ms + g.config.session_timeout_ms;
        if self.now < deadline {
            self.schedule
                .push(deadline, Event::SessionCheck { group, member });
            return;
        }
        self.emit(HappeningKind::MemberExpired {
            group: group.clone(),
            member: member.clone(),
        });
        self.remove_from_group(
            &group,
            &member,
            RebalanceReason::MemberExpired {
                member: member.clone(),
            },
        );
    }

    /// Rebalances unless one is already under way (which will see the change anyway).
    pub(crate) fn request_rebalance(&mut self, group: &str, reason: RebalanceReason) {
        if self
            .groups
            .get(group)
            .is_some_and(|g| !g.members.is_empty() && g.rebalance.is_none())
        {
            self.start_round(group, reason, None);
        }
    }

    pub(super) fn start_round(
        &mut self,
        group: &str,
        reason: RebalanceReason,
        joined: Option<String>,
    ) {
        let g = self
            .groups
            .get_mut(group)
            .expect("a rebalance starts only in a group that exists");
        g.rebalance = Some(RebalanceRound {
            reason: reason.clone(),
            joined: joined.iter().cloned().collect(),
        });
        g.state = GroupState::PreparingRebalance;
        let cooperative = g.is_cooperative();
        let rejoining: Vec<String> = g
            .members
            .values()
            .filter(|m| {
                m.is_running() && !m.join_in_flight && joined.as_ref() != Some(&m.member_id)
            })
            .map(|m| m.member_id.clone())
            .collect();
        self.emit(HappeningKind::RebalanceStarted {
            group: group.to_string(),
            reason,
            cooperative,
        });
        for member in rejoining {
            let commit_at = if cooperative {
                None
            } else {
                let owned: Vec<TopicPartition> = self.groups[group].members[&member]
                    .owned
                    .keys()
                    .cloned()
                    .collect();
                self.revoke(group, &member, owned)
            };
            self.member_mut(group, &member)
                .expect("a member listed to rejoin stays in the group: revoking removes no one")
                .join_in_flight = true;
            match commit_at {
                Some(at) => self.schedule.push(
                    at,
                    Event::SendJoin(JoinGroupRequest {
                        group: group.to_string(),
                        member,
                        reason: None,
                    }),
                ),
                None => self.send_join(group, &member, None),
            }
        }
        self.try_complete(group);
    }

    pub(super) fn try_complete(&mut self, group: &str) {
        let Some(g) = self.groups.get(group) else {
            return;
        };
        let Some(round) = &g.rebalance else { return };
        if g.members.keys().all(|m| round.joined.contains(m)) {
            self.complete_round(group);
        }
    }

    /// Every member has joined: run the assignor and send each member its partitions.
    pub(super) fn complete_round(&mut self, group: &str) {
        let partitions_per_topic: SortedMap<String, u32> = self
            .topics
            .iter()
            .map(|(n, t)| (n.clone(), t.partition_count()))
            .collect();
        let g = self
            .groups
            .get_mut(group)
            .expect("try_complete found the group");
        let cooperative = g.is_cooperative();
        let subscriptions: Vec<MemberSubscription> = g
            .members
            .values()
            .map(|m| MemberSubscription {
                member_id: m.member_id.clone(),
                group_instance_id: None,
                topics: m.subscription.clone(),
                owned: if cooperative {
                    m.owned.keys().cloned().collect()
                } else {
                    m.last_assignment.clone()
                },
            })
            .collect();
        let outcome = assign(
            g.config.partition_assignment_strategy,
            &partitions_per_topic,
            &subscriptions,
        );
        g.generation += 1;
        g.state = GroupState::Stable;
        g.rebalance = None;
        g.assignment = outcome.assignment.clone();
        let generation = g.generation;
        self.emit(HappeningKind::RebalanceCompleted {
            group: group.to_string(),
            generation,
            assignment: outcome.assignment.clone(),
            revoked: outcome.revoked,
        });
        let broker = self.coordinator_of(group);
        for (member, partitions) in outcome.assignment {
            if !self.member_running(group, &member) {
                continue;
            }
            let kind = HappeningKind::AssignmentSent {
                group: group.to_string(),
                member: member.clone(),
                broker,
                generation,
                partitions: partitions.clone(),
            };
            let arrival = self.fly_client(kind);
            self.schedule.push(
                arrival,
                Event::AssignmentArrives(SyncGroupResponse {
                    group: group.to_string(),
                    member,
                    generation,
                    partitions,
                }),
            );
        }
    }

    pub(super) fn remove_from_group(&mut self, group: &str, member: &str, reason: RebalanceReason) {
        let Some(g) = self.groups.get_mut(group) else {
            return;
        };
        g.members.remove(member);
        g.assignment.remove(member);
        if let Some(round) = g.rebalance.as_mut() {
            round.joined.remove(member);
        }
        if g.members.is_empty() {
            g.rebalance = None;
            g.state = GroupState::Empty;
            g.assignment.clear();
            // The group of a removed service goes once its last member has.
            if self.retiring_groups.remove(group) {
                self.groups.remove(group);
                self.emit(HappeningKind::GroupDeleted {
                    group: group.to_string(),
                });
            }
        } else if g.rebalance.is_some() {
            self.try_complete(group);
        } else {
            self.start_round(group, reason, None);
        }
    }
}
