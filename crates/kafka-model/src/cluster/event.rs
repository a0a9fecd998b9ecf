//! The simulation's internal events: what is due to happen at a scheduled time.
//!
//! Unlike happenings, events are not shown; handling one usually emits happenings.
//! Events that belong to a loop (fetching, heartbeats) carry what they need to notice that
//! the loop was superseded (a leader epoch, a cursor token), and then do nothing.

use crate::consumer::ConsumerRef;
use crate::group::RebalanceReason;
use crate::partition::BrokerId;
use crate::producer::{InFlightBatch, ProducerId};
use crate::record::Record;
use crate::TopicPartition;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    LingerExpired {
        producer: ProducerId,
        partition: TopicPartition,
        batch_id: u64,
    },
    ProduceArrives {
        producer: ProducerId,
        broker: BrokerId,
        batch: InFlightBatch,
        flight: u64,
    },
    /// The success response reaches the producer.
    AckArrives {
        producer: ProducerId,
        broker: BrokerId,
        batch: InFlightBatch,
        base_offset: u64,
        last_offset: u64,
        flight: u64,
    },
    /// A request or its answer was lost: the producer gives up waiting (`request.timeout.ms`).
    ProduceTimeout {
        producer: ProducerId,
        broker: BrokerId,
        batch: InFlightBatch,
    },
    ProduceRetry {
        producer: ProducerId,
        batch: InFlightBatch,
    },
    AutoProduce {
        producer: ProducerId,
        epoch: u64,
    },
    ReplicaFetchArrives {
        partition: TopicPartition,
        topic_id: u64,
        follower: BrokerId,
        leader_epoch: u32,
        fetch_offset: u64,
        last_fetched_epoch: Option<u32>,
        flight: u64,
    },
    ReplicaFetchResponse {
        partition: TopicPartition,
        topic_id: u64,
        follower: BrokerId,
        leader_epoch: u32,
        from_offset: u64,
        to_offset: u64,
        records: Vec<Record>,
        leader_log_start: u64,
        flight: u64,
    },
    /// The leader's answer that the follower's log diverged from its own.
    DivergingEpochArrives {
        partition: TopicPartition,
        topic_id: u64,
        follower: BrokerId,
        leader_epoch: u32,
        epoch: u32,
        end_offset: u64,
        /// Below the leader's log start: empty the log and start there.
        start_over: bool,
    },
    ReplicaFetchRetry {
        partition: TopicPartition,
        topic_id: u64,
        follower: BrokerId,
        leader_epoch: u32,
    },
    IsrExpirationCheck,
    BrokerHeartbeat {
        broker: BrokerId,
    },
    HeartbeatArrives {
        broker: BrokerId,
        flight: u64,
    },
    BrokerSessionCheck,
    PreferredElection {
        partition: TopicPartition,
        topic_id: u64,
    },
    FetchArrives {
        consumer: ConsumerRef,
        partition: TopicPartition,
        broker: BrokerId,
        token: u64,
        fetch_offset: u64,
    },
    FetchResponse {
        consumer: ConsumerRef,
        partition: TopicPartition,
        token: u64,
        records: Vec<Record>,
        /// Where the consumer's position goes: past the records, or past a compacted gap.
        next_offset: u64,
    },
    FetchRetry {
        consumer: ConsumerRef,
        partition: TopicPartition,
        token: u64,
    },
    /// A member sends JoinGroup (after its revoke-time commit landed).
    SendJoin {
        group: String,
        member: String,
        reason: Option<RebalanceReason>,
    },
    JoinArrives {
        group: String,
        member: String,
        reason: Option<RebalanceReason>,
    },
    /// A closing member sends LeaveGroup (after its final commit landed).
    SendLeave {
        group: String,
        member: String,
    },
    LeaveArrives {
        group: String,
        member: String,
    },
    AssignmentArrives {
        group: String,
        member: String,
        generation: u32,
        partitions: Vec<TopicPartition>,
    },
    Heartbeat {
        group: String,
        member: String,
    },
    SessionCheck {
        group: String,
        member: String,
    },
    AutoCommit {
        group: String,
        member: String,
    },
    CommitArrives {
        group: String,
        member: String,
        generation: u32,
        on_revoke: bool,
        offsets: Vec<(TopicPartition, u64)>,
    },
    RetentionCheck,
    /// A service finishes handling the record it is working on (if `epoch` is still its
    /// epoch: a stop or a revocation abandons the work).
    ServiceHandles {
        service: String,
        epoch: u64,
    },
}

impl Event {
    /// The topic an event is about, when it is internal traffic of that topic.
    pub(crate) fn replication_topic(&self) -> Option<&str> {
        match self {
            Event::ReplicaFetchArrives { partition, .. }
            | Event::ReplicaFetchResponse { partition, .. }
            | Event::DivergingEpochArrives { partition, .. }
            | Event::ReplicaFetchRetry { partition, .. }
            | Event::PreferredElection { partition, .. }
            | Event::FetchArrives { partition, .. }
            | Event::FetchResponse { partition, .. }
            | Event::FetchRetry { partition, .. } => Some(&partition.topic),
            _ => None,
        }
    }

    /// The happening id of the flight this event is the arrival of, if it can be lost.
    pub(crate) fn flight(&self) -> Option<u64> {
        match self {
            Event::ProduceArrives { flight, .. }
            | Event::AckArrives { flight, .. }
            | Event::ReplicaFetchArrives { flight, .. }
            | Event::ReplicaFetchResponse { flight, .. }
            | Event::HeartbeatArrives { flight, .. } => Some(*flight),
            _ => None,
        }
    }

    /// The follower a replication event belongs to.
    pub(crate) fn follower(&self) -> Option<u32> {
        match self {
            Event::ReplicaFetchArrives { follower, .. }
            | Event::ReplicaFetchResponse { follower, .. }
            | Event::DivergingEpochArrives { follower, .. }
            | Event::ReplicaFetchRetry { follower, .. } => Some(*follower),
            _ => None,
        }
    }
}
