//! The simulation's internal events: what is due to happen at a scheduled time.
//!
//! Unlike happenings, events are not shown; handling one usually emits happenings.
//! Events that belong to a loop (fetching, heartbeats) carry what they need to notice that
//! the loop was superseded (a leader epoch, a cursor token), and then do nothing.
//!
//! The events of one exchange carry one payload, named for the Kafka message it stands for
//! (`ProduceRequest`, `FetchResponse`...); what every event of a family shares (the produce
//! attempt, the fetch loop) is a struct of its own, which the handlers take whole. In a
//! snapshot a payload is flattened: each event stays one JSON object of its fields.

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
    ProduceArrives(ProduceRequest),
    /// The success response reaches the producer.
    AckArrives(ProduceResponse),
    /// A request or its answer was lost: the producer gives up waiting (`request.timeout.ms`).
    ProduceTimeout(ProduceAttempt),
    ProduceRetry {
        producer: ProducerId,
        batch: InFlightBatch,
    },
    AutoProduce {
        producer: ProducerId,
        epoch: u64,
    },
    ReplicaFetchArrives(ReplicaFetchRequest),
    ReplicaFetchResponse(ReplicaFetchResponse),
    /// The leader's answer that the follower's log diverged from its own.
    DivergingEpochArrives(DivergingEpoch),
    ReplicaFetchRetry(ReplicaFetchKey),
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
    FetchArrives(FetchRequest),
    FetchResponse(FetchResponse),
    FetchRetry(ConsumerFetchKey),
    /// A member sends JoinGroup (after its revoke-time commit landed).
    SendJoin(JoinGroupRequest),
    JoinArrives(JoinGroupRequest),
    /// A closing member sends LeaveGroup (after its final commit landed).
    SendLeave {
        group: String,
        member: String,
    },
    LeaveArrives {
        group: String,
        member: String,
    },
    AssignmentArrives(SyncGroupResponse),
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
    CommitArrives(OffsetCommitRequest),
    RetentionCheck,
    /// A service finishes handling the record it is working on (if `epoch` is still its
    /// epoch: a stop or a revocation abandons the work).
    ServiceHandles {
        service: String,
        epoch: u64,
    },
}

// ---------------------------------------------------------------- producing

/// One sending of a batch: by `producer`, to `broker` — the partition's leader as far as the
/// producer knew when it sent (`batch.attempt` counts the sendings). The request, its
/// answer and its timeout are all about this; a retry is a new attempt, perhaps to another
/// broker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProduceAttempt {
    pub producer: ProducerId,
    pub broker: BrokerId,
    pub batch: InFlightBatch,
}

/// A produce request reaching its broker. `flight` is the happening that shows it on the
/// wire: a fault may mark it lost, and then the broker never sees the batch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProduceRequest {
    #[serde(flatten)]
    pub attempt: ProduceAttempt,
    pub flight: u64,
}

/// The broker's success answer reaching the producer: the batch was written at
/// `base_offset..=last_offset`. A lost answer (`flight`) leaves the producer waiting for
/// its timeout, although the records are written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProduceResponse {
    #[serde(flatten)]
    pub attempt: ProduceAttempt,
    pub base_offset: u64,
    pub last_offset: u64,
    pub flight: u64,
}

// ---------------------------------------------------------------- replication

/// The fetch loop a replica-fetch event belongs to: `follower`'s fetching of `partition`
/// under one leader. The loop ends when the topic is deleted and recreated (another
/// `topic_id`) or leadership moves (another `leader_epoch`); its late events then do
/// nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplicaFetchKey {
    pub partition: TopicPartition,
    pub topic_id: u64,
    pub follower: BrokerId,
    pub leader_epoch: u32,
}

/// A follower's fetch reaching the leader: from the follower's log end `fetch_offset`,
/// whose last record has `last_fetched_epoch` (none when its log is empty) — what the
/// leader checks the logs' agreement with. Can be lost on the wire (`flight`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplicaFetchRequest {
    #[serde(flatten)]
    pub key: ReplicaFetchKey,
    pub fetch_offset: u64,
    pub last_fetched_epoch: Option<u32>,
    pub flight: u64,
}

/// The leader's records for a follower: its log from `from_offset` (the follower's log end
/// when the leader answered) up to `to_offset`, and the leader's log start, which the
/// follower's log start follows. Can be lost on the wire (`flight`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplicaFetchResponse {
    #[serde(flatten)]
    pub key: ReplicaFetchKey,
    pub from_offset: u64,
    pub to_offset: u64,
    pub records: Vec<Record>,
    pub leader_log_start: u64,
    pub flight: u64,
}

/// The leader's answer that the follower's log went its own way: `epoch` ended at
/// `end_offset` in the leader's log (Kafka's `DivergingEpoch` in a fetch response).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DivergingEpoch {
    #[serde(flatten)]
    pub key: ReplicaFetchKey,
    pub epoch: u32,
    pub end_offset: u64,
    /// Below the leader's log start: empty the log and start there.
    pub start_over: bool,
}

// ---------------------------------------------------------------- consuming

/// The fetch loop a consumer-fetch event belongs to: `consumer` reading `partition`, as
/// of the cursor's `token`. A seek or a new assignment bumps the token, and the old loop's
/// late events do nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsumerFetchKey {
    pub consumer: ConsumerRef,
    pub partition: TopicPartition,
    pub token: u64,
}

/// A consumer's fetch reaching `broker`, the leader when it was sent, asking for records
/// from `fetch_offset` (its position then).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FetchRequest {
    #[serde(flatten)]
    pub key: ConsumerFetchKey,
    pub broker: BrokerId,
    pub fetch_offset: u64,
}

/// The leader's records for a consumer, all below the high watermark.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FetchResponse {
    #[serde(flatten)]
    pub key: ConsumerFetchKey,
    pub records: Vec<Record>,
    /// Where the consumer's position goes: past the records, or past a compacted gap.
    pub next_offset: u64,
}

// ---------------------------------------------------------------- groups

/// A member's JoinGroup, both when the member sends it and when it reaches the coordinator.
/// `reason` is why the member (re)joins, when it starts a rebalance of its own (none when
/// it answers a rebalance the coordinator began).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinGroupRequest {
    pub group: String,
    pub member: String,
    pub reason: Option<RebalanceReason>,
}

/// A member's assignment from the coordinator (SyncGroup's answer), valid only in
/// `generation`: a rebalance begun since makes it stale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncGroupResponse {
    pub group: String,
    pub member: String,
    pub generation: u32,
    pub partitions: Vec<TopicPartition>,
}

/// A member's OffsetCommit reaching the coordinator. It counts if `generation` is still the
/// group's, or if it was sent while revoking partitions (`on_revoke`): that commit precedes
/// the member's JoinGroup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetCommitRequest {
    pub group: String,
    pub member: String,
    pub generation: u32,
    pub on_revoke: bool,
    pub offsets: Vec<(TopicPartition, u64)>,
}

impl Event {
    /// The topic whose deletion takes this event with it: the events of fetch loops
    /// (replicas' and consumers') and a preferred election. Produce requests are not
    /// dropped: they arrive and fail, as Kafka's do.
    pub(crate) fn deleted_with_topic(&self) -> Option<&str> {
        match self {
            Event::PreferredElection { partition, .. } => Some(&partition.topic),
            _ => self
                .replica_fetch()
                .map(|k| &*k.partition.topic)
                .or_else(|| self.consumer_fetch().map(|k| &*k.partition.topic)),
        }
    }

    /// The happening id of the flight this event is the arrival of, if it can be lost.
    pub(crate) fn flight(&self) -> Option<u64> {
        match self {
            Event::ProduceArrives(ProduceRequest { flight, .. })
            | Event::AckArrives(ProduceResponse { flight, .. })
            | Event::ReplicaFetchArrives(ReplicaFetchRequest { flight, .. })
            | Event::ReplicaFetchResponse(ReplicaFetchResponse { flight, .. })
            | Event::HeartbeatArrives { flight, .. } => Some(*flight),
            _ => None,
        }
    }

    /// The follower a replication event belongs to.
    pub(crate) fn follower(&self) -> Option<BrokerId> {
        self.replica_fetch().map(|k| k.follower)
    }

    /// The follower's fetch loop a replication event belongs to.
    pub(crate) fn replica_fetch(&self) -> Option<&ReplicaFetchKey> {
        match self {
            Event::ReplicaFetchArrives(ReplicaFetchRequest { key, .. })
            | Event::ReplicaFetchResponse(ReplicaFetchResponse { key, .. })
            | Event::DivergingEpochArrives(DivergingEpoch { key, .. })
            | Event::ReplicaFetchRetry(key) => Some(key),
            _ => None,
        }
    }

    /// The consumer's fetch loop a consumer-fetch event belongs to.
    pub(crate) fn consumer_fetch(&self) -> Option<&ConsumerFetchKey> {
        match self {
            Event::FetchArrives(FetchRequest { key, .. })
            | Event::FetchResponse(FetchResponse { key, .. })
            | Event::FetchRetry(key) => Some(key),
            _ => None,
        }
    }
}
