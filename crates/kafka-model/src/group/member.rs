//! A member of a consumer group, as the member itself sees things.

use crate::collections::SortedMap;
use crate::consumer::PartitionCursor;
use crate::schedule::Ms;
use crate::TopicPartition;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MemberStatus {
    /// Sent JoinGroup, waiting for its first assignment.
    Joining,
    /// Has an assignment and consumes.
    Stable,
    /// Closed cleanly: sent LeaveGroup, which has not arrived yet.
    Leaving,
    /// The process died: no heartbeats, no fetches, no commits. The coordinator does not
    /// know until `session.timeout.ms` passes without a heartbeat.
    Crashed,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub member_id: String,
    pub client_id: String,
    pub subscription: Vec<String>,
    pub status: MemberStatus,
    /// Partitions this member owns now, with its position in each.
    #[serde(with = "crate::serde_pairs")]
    pub owned: SortedMap<TopicPartition, PartitionCursor>,
    /// The last assignment it received (the eager Sticky assignor's memory).
    pub last_assignment: Vec<TopicPartition>,
    /// The generation of the last assignment it received.
    pub generation: u32,
    pub records_delivered: u64,
    /// When the coordinator last heard a heartbeat from it.
    pub(crate) last_heartbeat_ms: Ms,
    pub(crate) join_in_flight: bool,
}

impl Member {
    pub fn new(member_id: String, client_id: String, subscription: Vec<String>, now: Ms) -> Self {
        Member {
            member_id,
            client_id,
            subscription,
            status: MemberStatus::Joining,
            owned: SortedMap::new(),
            last_assignment: Vec::new(),
            generation: 0,
            records_delivered: 0,
            last_heartbeat_ms: now,
            join_in_flight: false,
        }
    }

    /// Whether the member is still a running process (it may be rebalancing).
    pub fn is_running(&self) -> bool {
        matches!(self.status, MemberStatus::Joining | MemberStatus::Stable)
    }

    pub fn assigned(&self) -> impl Iterator<Item = &TopicPartition> {
        self.owned.keys()
    }

    pub fn position(&self, partition: &TopicPartition) -> Option<u64> {
        self.owned.get(partition).and_then(|c| c.position)
    }
}
