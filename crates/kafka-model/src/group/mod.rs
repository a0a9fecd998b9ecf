//! Consumer groups: members, generations, committed offsets, and the rebalance protocol
//! (the classic JoinGroup/SyncGroup protocol, eager or cooperative).
//!
//! What holds true: within a group a partition has at most one owner at any time — an
//! eager member gives up everything before rejoining, and a cooperative one gives up a
//! moving partition one rebalance before its new owner receives it.

mod client;
mod commands;
mod coordinator;
pub mod member;

pub use member::{Member, MemberStatus};

use crate::collections::{SortedMap, SortedSet};
use crate::consumer::ConsumerConfig;
use crate::TopicPartition;
use serde::{Deserialize, Serialize};

/// Kafka's group states (`GroupState` in the classic coordinator).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum GroupState {
    /// No members.
    Empty,
    /// A rebalance started; waiting for every member to (re)join.
    PreparingRebalance,
    /// Every member has its assignment.
    Stable,
}

impl GroupState {
    /// The name `kafka-consumer-groups.sh --describe --state` prints (the classic
    /// coordinator's `GroupState.toString`, e.g. `PreparingRebalance`).
    pub fn kafka_name(self) -> &'static str {
        match self {
            GroupState::Empty => "Empty",
            GroupState::PreparingRebalance => "PreparingRebalance",
            GroupState::Stable => "Stable",
        }
    }
}

/// Why a rebalance started.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RebalanceReason {
    MemberJoined {
        member: String,
    },
    MemberLeft {
        member: String,
    },
    MemberExpired {
        member: String,
    },
    SubscriptionChanged {
        member: String,
    },
    /// A subscribed topic was created, deleted, or got more partitions.
    MetadataChanged {
        topic: String,
    },
    /// A cooperative member gave up partitions and rejoins so they can be handed over.
    CooperativeFollowUp {
        member: String,
    },
}

/// A rebalance in progress: who has joined so far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RebalanceRound {
    pub reason: RebalanceReason,
    pub joined: SortedSet<String>,
}

/// Lag of one partition as `kafka-consumer-groups --describe` prints it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartitionLag {
    pub partition: TopicPartition,
    pub owner: Option<String>,
    pub committed: Option<u64>,
    pub position: Option<u64>,
    /// The log end offset consumers can see: the high watermark.
    pub high_watermark: u64,
    /// `high_watermark - committed`; `None` ("-") when nothing is committed.
    pub lag: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub group_id: String,
    /// The configuration every member of this group runs with.
    pub config: ConsumerConfig,
    pub state: GroupState,
    pub generation: u32,
    pub members: SortedMap<String, Member>,
    /// Offsets saved in the group (`__consumer_offsets`): the next offset to read.
    #[serde(with = "crate::serde_pairs")]
    pub committed: SortedMap<TopicPartition, u64>,
    /// The assignment the last completed rebalance computed.
    pub assignment: SortedMap<String, Vec<TopicPartition>>,
    pub rebalance: Option<RebalanceRound>,
}

impl Group {
    pub fn new(group_id: String, config: ConsumerConfig) -> Self {
        Group {
            group_id,
            config,
            state: GroupState::Empty,
            generation: 0,
            members: SortedMap::new(),
            committed: SortedMap::new(),
            assignment: SortedMap::new(),
            rebalance: None,
        }
    }

    pub fn is_cooperative(&self) -> bool {
        self.config.partition_assignment_strategy.is_cooperative()
    }

    pub fn committed(&self, partition: &TopicPartition) -> Option<u64> {
        self.committed.get(partition).copied()
    }

    /// The member that owns a partition now (member-side view), if any.
    pub fn owner_of(&self, partition: &TopicPartition) -> Option<&str> {
        self.members
            .values()
            .find(|m| m.owned.contains_key(partition))
            .map(|m| m.member_id.as_str())
    }

    /// All topics some member subscribes to.
    pub fn subscribed_topics(&self) -> SortedSet<&str> {
        self.members
            .values()
            .flat_map(|m| m.subscription.iter().map(String::as_str))
            .collect()
    }
}
