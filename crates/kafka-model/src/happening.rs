//! Happenings: everything the UI may draw.
//!
//! A happening is reported when it starts. A message in flight has `start_ms` = send time
//! and `end_ms` = arrival time, and `endpoints()` says where the dot flies from and to; the
//! state it changes changes at arrival, where a second, instant happening says so (e.g.
//! `ProduceSent` then `AppendedAtLeader`). Instant happenings have `start_ms == end_ms`.
//! Ids rise by one per happening, across commands and `advance`.

use crate::consumer::{AutoOffsetReset, ConsumerRef};
use crate::error::KafkaError;
use crate::group::RebalanceReason;
use crate::partition::BrokerId;
use crate::producer::{Acks, ProducerId};
use crate::record::PendingRecord;
use crate::schedule::Ms;
use crate::TopicPartition;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Happening {
    pub id: u64,
    pub start_ms: Ms,
    pub end_ms: Ms,
    pub kind: HappeningKind,
}

/// Where a happening is drawn.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Endpoint {
    Producer(ProducerId),
    Broker(BrokerId),
    Consumer(ConsumerRef),
}

/// Why a partition got a (new) leader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ElectionReason {
    /// The topic or partition was just created: the preferred replica leads.
    Initial,
    /// The leader went down; another in-sync replica took over (or none could).
    LeaderDown,
    /// An offline partition's in-sync replica came back.
    ReplicaReturned,
    /// Leadership went back to the preferred (first) replica.
    Preferred,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HappeningKind {
    // --- cluster and topics
    BrokerAdded {
        broker: BrokerId,
    },
    BrokerDown {
        broker: BrokerId,
    },
    BrokerUp {
        broker: BrokerId,
    },
    /// The active controller changed (the lowest-numbered live broker here).
    ControllerChanged {
        controller: Option<BrokerId>,
    },
    TopicCreated {
        topic: String,
        partitions: u32,
        replication_factor: u32,
    },
    TopicDeleted {
        topic: String,
    },
    TopicConfigChanged {
        topic: String,
    },
    PartitionsAdded {
        topic: String,
        old_count: u32,
        new_count: u32,
    },
    LeaderElected {
        partition: TopicPartition,
        leader: Option<BrokerId>,
        leader_epoch: u32,
        isr: Vec<BrokerId>,
        reason: ElectionReason,
    },
    IsrShrunk {
        partition: TopicPartition,
        broker: BrokerId,
        isr: Vec<BrokerId>,
    },
    IsrExpanded {
        partition: TopicPartition,
        broker: BrokerId,
        isr: Vec<BrokerId>,
    },
    /// A new leader's log was shorter: records above its end are gone from every replica.
    LogTruncated {
        partition: TopicPartition,
        log_end_offset: u64,
        records_lost: u64,
    },
    /// Retention deleted whole old segments.
    RecordsDeleted {
        partition: TopicPartition,
        log_start_offset: u64,
        records_deleted: u64,
    },

    // --- producing
    ProducerCreated {
        producer: ProducerId,
    },
    ProducerRemoved {
        producer: ProducerId,
    },
    /// A record joined a batch in the producer's accumulator.
    RecordQueued {
        producer: ProducerId,
        partition: TopicPartition,
        batch_id: u64,
        key: Option<Vec<u8>>,
        size_bytes: u32,
    },
    /// A batch flies from the producer to the leader.
    ProduceSent {
        producer: ProducerId,
        broker: BrokerId,
        partition: TopicPartition,
        batch_id: u64,
        attempt: u32,
        acks: Acks,
        records: Vec<PendingRecord>,
    },
    AppendedAtLeader {
        producer: ProducerId,
        broker: BrokerId,
        partition: TopicPartition,
        batch_id: u64,
        base_offset: u64,
        last_offset: u64,
    },
    /// A follower's fetch request flies to the leader, telling it the follower's log end.
    ReplicaFetchSent {
        partition: TopicPartition,
        follower: BrokerId,
        leader: BrokerId,
        fetch_offset: u64,
    },
    /// Records fly from the leader to a follower (offsets `from_offset..to_offset`).
    Replicated {
        partition: TopicPartition,
        leader: BrokerId,
        follower: BrokerId,
        from_offset: u64,
        to_offset: u64,
    },
    HighWatermarkAdvanced {
        partition: TopicPartition,
        broker: BrokerId,
        high_watermark: u64,
    },
    /// The success response flies back to the producer.
    Acked {
        producer: ProducerId,
        broker: BrokerId,
        partition: TopicPartition,
        batch_id: u64,
        base_offset: u64,
        last_offset: u64,
    },
    /// The error response flies back (from a broker) or is noticed at the producer.
    ProduceFailed {
        producer: ProducerId,
        broker: Option<BrokerId>,
        partition: TopicPartition,
        batch_id: u64,
        error: KafkaError,
        will_retry: bool,
    },
    /// An auto-producer stopped because its topic is gone.
    AutoProduceStopped {
        producer: ProducerId,
        topic: String,
    },

    // --- consuming
    ConsumerCreated {
        consumer: ConsumerRef,
    },
    ConsumerRemoved {
        consumer: ConsumerRef,
    },
    FetchSent {
        consumer: ConsumerRef,
        broker: BrokerId,
        partition: TopicPartition,
        fetch_offset: u64,
    },
    /// Records fly from the leader to the consumer (offsets `from_offset..to_offset`).
    Fetched {
        consumer: ConsumerRef,
        broker: BrokerId,
        partition: TopicPartition,
        from_offset: u64,
        to_offset: u64,
    },
    /// One record reached the consumer's application.
    Delivered {
        consumer: ConsumerRef,
        partition: TopicPartition,
        offset: u64,
        key: Option<Vec<u8>>,
        value: Option<Vec<u8>>,
    },
    /// The position was set by auto.offset.reset or a seek.
    PositionReset {
        consumer: ConsumerRef,
        partition: TopicPartition,
        offset: u64,
        policy: Option<AutoOffsetReset>,
    },
    ConsumerError {
        consumer: ConsumerRef,
        partition: TopicPartition,
        error: KafkaError,
    },
    CommitSent {
        group: String,
        member: String,
        broker: BrokerId,
        offsets: Vec<(TopicPartition, u64)>,
    },
    /// Offsets are saved in the group. `member` is `None` for an admin reset.
    OffsetCommitted {
        group: String,
        member: Option<String>,
        broker: BrokerId,
        offsets: Vec<(TopicPartition, u64)>,
    },
    /// A commit from an older generation was refused (Kafka's CommitFailedException).
    CommitFailed {
        group: String,
        member: String,
        broker: BrokerId,
    },

    // --- groups
    GroupCreated {
        group: String,
    },
    GroupDeleted {
        group: String,
    },
    JoinGroupSent {
        group: String,
        member: String,
        broker: BrokerId,
    },
    MemberJoined {
        group: String,
        member: String,
    },
    LeaveGroupSent {
        group: String,
        member: String,
        broker: BrokerId,
    },
    MemberLeft {
        group: String,
        member: String,
    },
    MemberCrashed {
        group: String,
        member: String,
    },
    /// No heartbeat for session.timeout.ms: the coordinator expels the member.
    MemberExpired {
        group: String,
        member: String,
    },
    Heartbeat {
        group: String,
        member: String,
        broker: BrokerId,
    },
    RebalanceStarted {
        group: String,
        reason: RebalanceReason,
        cooperative: bool,
    },
    RebalanceCompleted {
        group: String,
        generation: u32,
        assignment: BTreeMap<String, Vec<TopicPartition>>,
        revoked: Vec<(String, TopicPartition)>,
    },
    /// The SyncGroup response flies from the coordinator to a member.
    AssignmentSent {
        group: String,
        member: String,
        broker: BrokerId,
        generation: u32,
        partitions: Vec<TopicPartition>,
    },
    PartitionsRevoked {
        group: String,
        member: String,
        partitions: Vec<TopicPartition>,
    },
    /// `partitions` are the newly added ones; `assignment` is everything the member owns now.
    PartitionsAssigned {
        group: String,
        member: String,
        generation: u32,
        partitions: Vec<TopicPartition>,
        assignment: Vec<TopicPartition>,
    },
}

impl Happening {
    pub fn duration_ms(&self) -> Ms {
        self.end_ms - self.start_ms
    }

    pub fn is_flight(&self) -> bool {
        self.end_ms > self.start_ms
    }

    /// Where the dot starts and where it lands (the same place for an instant happening);
    /// `None` for happenings about the cluster as a whole.
    pub fn endpoints(&self) -> Option<(Endpoint, Endpoint)> {
        self.kind.endpoints()
    }
}

impl HappeningKind {
    /// Where the dot starts and where it lands; see [`Happening::endpoints`].
    pub fn endpoints(&self) -> Option<(Endpoint, Endpoint)> {
        use Endpoint::{Broker, Consumer, Producer};
        use HappeningKind as K;
        let member = |group: &str, member: &str| {
            Consumer(ConsumerRef::Member {
                group: group.into(),
                member: member.into(),
            })
        };
        let pair = |a: Endpoint| Some((a.clone(), a));
        match self {
            K::BrokerAdded { broker } | K::BrokerDown { broker } | K::BrokerUp { broker } => {
                pair(Broker(*broker))
            }
            K::AppendedAtLeader { broker, .. } | K::HighWatermarkAdvanced { broker, .. } => {
                pair(Broker(*broker))
            }
            K::LeaderElected {
                leader: Some(b), ..
            } => pair(Broker(*b)),
            K::IsrShrunk { broker, .. } | K::IsrExpanded { broker, .. } => pair(Broker(*broker)),
            K::ProducerCreated { producer }
            | K::ProducerRemoved { producer }
            | K::AutoProduceStopped { producer, .. } => pair(Producer(*producer)),
            K::RecordQueued { producer, .. } => pair(Producer(*producer)),
            K::ProduceSent {
                producer, broker, ..
            } => Some((Producer(*producer), Broker(*broker))),
            K::ReplicaFetchSent {
                follower, leader, ..
            } => Some((Broker(*follower), Broker(*leader))),
            K::Replicated {
                leader, follower, ..
            } => Some((Broker(*leader), Broker(*follower))),
            K::Acked {
                producer, broker, ..
            } => Some((Broker(*broker), Producer(*producer))),
            K::ProduceFailed {
                producer,
                broker: Some(b),
                ..
            } => Some((Broker(*b), Producer(*producer))),
            K::ProduceFailed {
                producer,
                broker: None,
                ..
            } => pair(Producer(*producer)),
            K::ConsumerCreated { consumer } | K::ConsumerRemoved { consumer } => {
                pair(Consumer(consumer.clone()))
            }
            K::FetchSent {
                consumer, broker, ..
            } => Some((Consumer(consumer.clone()), Broker(*broker))),
            K::Fetched {
                consumer, broker, ..
            } => Some((Broker(*broker), Consumer(consumer.clone()))),
            K::Delivered { consumer, .. }
            | K::PositionReset { consumer, .. }
            | K::ConsumerError { consumer, .. } => pair(Consumer(consumer.clone())),
            K::CommitSent {
                group,
                member: m,
                broker,
                ..
            }
            | K::JoinGroupSent {
                group,
                member: m,
                broker,
            }
            | K::LeaveGroupSent {
                group,
                member: m,
                broker,
            }
            | K::Heartbeat {
                group,
                member: m,
                broker,
            } => Some((member(group, m), Broker(*broker))),
            K::AssignmentSent {
                group,
                member: m,
                broker,
                ..
            }
            | K::CommitFailed {
                group,
                member: m,
                broker,
            } => Some((Broker(*broker), member(group, m))),
            K::OffsetCommitted { broker, .. } => pair(Broker(*broker)),
            K::MemberJoined { group, member: m }
            | K::MemberLeft { group, member: m }
            | K::MemberCrashed { group, member: m }
            | K::MemberExpired { group, member: m }
            | K::PartitionsRevoked {
                group, member: m, ..
            }
            | K::PartitionsAssigned {
                group, member: m, ..
            } => pair(member(group, m)),
            _ => None,
        }
    }
}

impl Happening {
    /// A stable name of the kind, for logs and translation keys.
    pub fn kind_name(&self) -> &'static str {
        use HappeningKind as K;
        match &self.kind {
            K::BrokerAdded { .. } => "BrokerAdded",
            K::BrokerDown { .. } => "BrokerDown",
            K::BrokerUp { .. } => "BrokerUp",
            K::ControllerChanged { .. } => "ControllerChanged",
            K::TopicCreated { .. } => "TopicCreated",
            K::TopicDeleted { .. } => "TopicDeleted",
            K::TopicConfigChanged { .. } => "TopicConfigChanged",
            K::PartitionsAdded { .. } => "PartitionsAdded",
            K::LeaderElected { .. } => "LeaderElected",
            K::IsrShrunk { .. } => "IsrShrunk",
            K::IsrExpanded { .. } => "IsrExpanded",
            K::LogTruncated { .. } => "LogTruncated",
            K::RecordsDeleted { .. } => "RecordsDeleted",
            K::ProducerCreated { .. } => "ProducerCreated",
            K::ProducerRemoved { .. } => "ProducerRemoved",
            K::RecordQueued { .. } => "RecordQueued",
            K::ProduceSent { .. } => "ProduceSent",
            K::AppendedAtLeader { .. } => "AppendedAtLeader",
            K::ReplicaFetchSent { .. } => "ReplicaFetchSent",
            K::Replicated { .. } => "Replicated",
            K::HighWatermarkAdvanced { .. } => "HighWatermarkAdvanced",
            K::Acked { .. } => "Acked",
            K::ProduceFailed { .. } => "ProduceFailed",
            K::AutoProduceStopped { .. } => "AutoProduceStopped",
            K::ConsumerCreated { .. } => "ConsumerCreated",
            K::ConsumerRemoved { .. } => "ConsumerRemoved",
            K::FetchSent { .. } => "FetchSent",
            K::Fetched { .. } => "Fetched",
            K::Delivered { .. } => "Delivered",
            K::PositionReset { .. } => "PositionReset",
            K::ConsumerError { .. } => "ConsumerError",
            K::CommitSent { .. } => "CommitSent",
            K::OffsetCommitted { .. } => "OffsetCommitted",
            K::CommitFailed { .. } => "CommitFailed",
            K::GroupCreated { .. } => "GroupCreated",
            K::GroupDeleted { .. } => "GroupDeleted",
            K::JoinGroupSent { .. } => "JoinGroupSent",
            K::MemberJoined { .. } => "MemberJoined",
            K::LeaveGroupSent { .. } => "LeaveGroupSent",
            K::MemberLeft { .. } => "MemberLeft",
            K::MemberCrashed { .. } => "MemberCrashed",
            K::MemberExpired { .. } => "MemberExpired",
            K::Heartbeat { .. } => "Heartbeat",
            K::RebalanceStarted { .. } => "RebalanceStarted",
            K::RebalanceCompleted { .. } => "RebalanceCompleted",
            K::AssignmentSent { .. } => "AssignmentSent",
            K::PartitionsRevoked { .. } => "PartitionsRevoked",
            K::PartitionsAssigned { .. } => "PartitionsAssigned",
        }
    }
}
