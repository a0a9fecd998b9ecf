//! Group commands: what a learner does to a consumer group.

use crate::cluster::{Cluster, Event};
use crate::consumer::{ConsumerConfig, ConsumerRef, SeekTo};
use crate::error::ModelError;
use crate::group::{Group, Member, MemberStatus, RebalanceReason};
use crate::happening::HappeningKind;
use crate::topic_name;
use crate::TopicPartition;

impl Cluster {
    pub fn create_group(&mut self, group: &str, config: ConsumerConfig) -> Result<(), ModelError> {
        if group.is_empty() {
            return Err(ModelError::config("group.id", "must not be empty"));
        }
        if self.groups.contains_key(group) {
            return Err(ModelError::GroupExists {
                group: group.to_string(),
            });
        }
        config.validate()?;
        self.groups
            .insert(group.to_string(), Group::new(group.to_string(), config));
        self.emit(HappeningKind::GroupCreated {
            group: group.to_string(),
        });
        Ok(())
    }

    /// Deletes a group and its committed offsets; Kafka only deletes an empty group.
    pub fn delete_group(&mut self, group: &str) -> Result<(), ModelError> {
        let g = self.group_or_err(group)?;
        self.check_group_unused(group)?;
        if !g.members.is_empty() {
            return Err(ModelError::GroupNotEmpty {
                group: group.to_string(),
                members: g.members.len(),
            });
        }
        self.groups.remove(group);
        self.emit(HappeningKind::GroupDeleted {
            group: group.to_string(),
        });
        Ok(())
    }

    /// Changes the configuration the group's members run with. The assignment strategy
    /// only changes while the group is empty: members must agree on one.
    pub fn set_group_config(
        &mut self,
        group: &str,
        config: ConsumerConfig,
    ) -> Result<(), ModelError> {
        let g = self.group_or_err(group)?;
        config.validate()?;
        if !g.members.is_empty()
            && config.partition_assignment_strategy != g.config.partition_assignment_strategy
        {
            return Err(ModelError::config(
                "partition.assignment.strategy",
                "can only change while the group is empty (all members must support the strategy)",
            ));
        }
        self.groups
            .get_mut(group)
            .expect("the command checked the group exists")
            .config = config;
        Ok(())
    }

    /// Starts a consumer in the group, subscribed to `topics`. Returns its member id.
    pub fn add_member(
        &mut self,
        group: &str,
        client_id: &str,
        topics: Vec<String>,
    ) -> Result<String, ModelError> {
        self.group_or_err(group)?;
        for t in &topics {
            topic_name::validate(t)?;
        }
        // A removed service's group waiting to be deleted is in use again.
        self.retiring_groups.remove(group);
        let client_id = if client_id.is_empty() {
            "consumer"
        } else {
            client_id
        };
        self.ids.member += 1;
        let member_id = format!("{client_id}-{}", self.ids.member);
        let now = self.now;
        let g = self
            .groups
            .get_mut(group)
            .expect("the command checked the group exists");
        let (hb, ac) = (
            g.config.heartbeat_interval_ms,
            g.config.auto_commit_interval_ms,
        );
        g.members.insert(
            member_id.clone(),
            Member::new(member_id.clone(), client_id.to_string(), topics, now),
        );
        self.emit(HappeningKind::ConsumerCreated {
            consumer: ConsumerRef::Member {
                group: group.into(),
                member: member_id.as_str().into(),
            },
        });
        self.send_join(
            group,
            &member_id,
            Some(RebalanceReason::MemberJoined {
                member: member_id.clone(),
            }),
        );
        self.schedule.push(
            now + hb,
            Event::Heartbeat {
                group: group.to_string(),
                member: member_id.clone(),
            },
        );
        self.schedule.push(
            now + ac,
            Event::AutoCommit {
                group: group.to_string(),
                member: member_id.clone(),
            },
        );
        Ok(member_id)
    }

    /// Closes a member cleanly: it revokes its partitions, commits (with auto-commit on),
    /// and sends LeaveGroup, so the group rebalances at once instead of after a timeout.
    pub fn remove_member(&mut self, group: &str, member: &str) -> Result<(), ModelError> {
        self.check_member_unused(group, member)?;
        let m = self.running_member(group, member)?;
        let owned: Vec<TopicPartition> = m.owned.keys().cloned().collect();
        let commit_at = self.revoke(group, member, owned);
        self.member_mut(group, member)
            .expect("the command checked the member runs; revoking keeps it in the group")
            .status = MemberStatus::Leaving;
        let (group, member) = (group.to_string(), member.to_string());
        match commit_at {
            Some(at) => self.schedule.push(at, Event::SendLeave { group, member }),
            None => self.send_leave(&group, &member),
        }
        Ok(())
    }

    /// Kills a member's process: it stops fetching, heartbeating and committing. Positions
    /// not yet committed are lost. The coordinator notices only after session.timeout.ms.
    /// Crashing the member that runs a service stops the service.
    pub fn crash_member(&mut self, group: &str, member: &str) -> Result<(), ModelError> {
        self.running_member(group, member)?;
        if self.service_of_member(group, member).is_some() {
            return self.stop_service(group);
        }
        self.crash_running_member(group, member);
        Ok(())
    }

    /// [`Cluster::crash_member`] of a member known to be running.
    pub(crate) fn crash_running_member(&mut self, group: &str, member: &str) {
        let Ok(m) = self.running_member(group, member) else {
            return;
        };
        let g = &self.groups[group];
        let deadline = (m.last_heartbeat_ms + g.config.session_timeout_ms).max(self.now);
        self.member_mut(group, member)
            .expect("running_member found it just above")
            .status = MemberStatus::Crashed;
        self.emit(HappeningKind::MemberCrashed {
            group: group.to_string(),
            member: member.to_string(),
        });
        self.schedule.push(
            deadline,
            Event::SessionCheck {
                group: group.to_string(),
                member: member.to_string(),
            },
        );
    }

    /// Changes a member's subscription; it rejoins, and the group rebalances.
    pub fn subscribe(
        &mut self,
        group: &str,
        member: &str,
        topics: Vec<String>,
    ) -> Result<(), ModelError> {
        self.running_member(group, member)?;
        self.check_member_unused(group, member)?;
        for t in &topics {
            topic_name::validate(t)?;
        }
        let m = self
            .member_mut(group, member)
            .expect("the command checked the member runs");
        m.subscription = topics;
        if !m.join_in_flight {
            self.send_join(
                group,
                member,
                Some(RebalanceReason::SubscriptionChanged {
                    member: member.to_string(),
                }),
            );
        }
        Ok(())
    }

    /// `commitSync()`: saves the member's current positions in the group.
    pub fn commit(&mut self, group: &str, member: &str) -> Result<(), ModelError> {
        let m = self.running_member(group, member)?;
        let offsets: Vec<(TopicPartition, u64)> = m
            .owned
            .iter()
            .filter_map(|(tp, c)| c.position.map(|p| (tp.clone(), p)))
            .collect();
        if !offsets.is_empty() {
            self.send_commit(group, member, offsets, false);
        }
        Ok(())
    }

    /// `kafka-consumer-groups --reset-offsets --topic T --to-earliest|--to-latest|--to-offset`:
    /// rewrites the committed offsets of every partition of a topic; the group must be empty.
    pub fn reset_offsets(
        &mut self,
        group: &str,
        topic: &str,
        to: SeekTo,
    ) -> Result<(), ModelError> {
        let g = self.group_or_err(group)?;
        if !g.members.is_empty() {
            return Err(ModelError::GroupNotEmpty {
                group: group.to_string(),
                members: g.members.len(),
            });
        }
        let t = self.topic_or_err(topic)?;
        let mut offsets = Vec::new();
        for p in &t.partitions {
            let tp = TopicPartition::new(topic, p.id);
            let offset = match to {
                SeekTo::Earliest => p.log_start_offset(),
                SeekTo::Latest => p.high_watermark,
                SeekTo::Offset(o) if o >= p.log_start_offset() && o <= p.log_end_offset() => o,
                SeekTo::Offset(offset) => {
                    return Err(ModelError::InvalidOffset {
                        partition: tp,
                        offset,
                        log_start_offset: p.log_start_offset(),
                        log_end_offset: p.log_end_offset(),
                    })
                }
            };
            offsets.push((tp, offset));
        }
        let broker = self.coordinator_of(group);
        let g = self
            .groups
            .get_mut(group)
            .expect("the command checked the group exists");
        g.committed.extend(offsets.iter().cloned());
        self.emit(HappeningKind::OffsetCommitted {
            group: group.to_string(),
            member: None,
            broker,
            offsets,
        });
        Ok(())
    }

    pub(crate) fn group_or_err(&self, group: &str) -> Result<&Group, ModelError> {
        self.groups
            .get(group)
            .ok_or_else(|| ModelError::UnknownGroup {
                group: group.to_string(),
            })
    }

    pub(crate) fn running_member(&self, group: &str, member: &str) -> Result<&Member, ModelError> {
        let g = self.group_or_err(group)?;
        let m = g
            .members
            .get(member)
            .ok_or_else(|| ModelError::UnknownMember {
                group: group.to_string(),
                member: member.to_string(),
            })?;
        if !m.is_running() {
            return Err(ModelError::MemberNotActive {
                group: group.to_string(),
                member: member.to_string(),
            });
        }
        Ok(m)
    }

    pub(super) fn member_mut(&mut self, group: &str, member: &str) -> Option<&mut Member> {
        self.groups.get_mut(group)?.members.get_mut(member)
    }
}
