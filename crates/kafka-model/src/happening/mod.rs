//! Happenings: everything the UI may draw.
//!
//! A happening is reported when it starts. A message in flight has `start_ms` = send time
//! and `end_ms` = arrival time, and `endpoints()` says where the dot flies from and to; the
//! state it changes changes at arrival, where a second, instant happening says so (e.g.
//! `ProduceSent` then `AppendedAtLeader`). Instant happenings have `start_ms == end_ms`.
//! Ids rise by one per happening, across commands and `advance`.

use crate::collections::SortedMap;
use crate::consumer::{AutoOffsetReset, ConsumerRef};
use crate::controller::ControllerMode;
use crate::error::KafkaError;
use crate::group::RebalanceReason;
use crate::partition::BrokerId;
use crate::producer::{Acks, ProducerId};
use crate::record::{Bytes, PendingRecord};
use crate::schedule::Ms;
use crate::TopicPartition;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

mod drawing;

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
    /// The ZooKeeper ensemble (ZooKeeper mode only).
    ZooKeeper,
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
    /// No in-sync replica was available and `unclean.leader.election.enable` let an
    /// out-of-sync one lead: what it lacked is gone.
    Unclean,
    /// A reassignment completed and removed the leader's replica: the first in-sync
    /// replica of the new assignment leads.
    Reassignment,
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
    /// A shut-down broker was unregistered (`kafka-cluster.sh unregister`): it is gone.
    BrokerRemoved {
        broker: BrokerId,
    },
    /// The active controller changed; `None` when no broker can be it. Who is:
    /// [`crate::Cluster::controller`].
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
    /// A reassignment began: `adding` fetch from the leader to catch up; once every one
    /// of `replicas` (the target) is in the ISR, `removing` are dropped.
    ReassignmentStarted {
        partition: TopicPartition,
        replicas: Vec<BrokerId>,
        adding: Vec<BrokerId>,
        removing: Vec<BrokerId>,
    },
    /// The partition's replicas are now `replicas`; the brokers in `removed` deleted their
    /// copies.
    ReassignmentCompleted {
        partition: TopicPartition,
        replicas: Vec<BrokerId>,
        removed: Vec<BrokerId>,
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
    /// Records producers had been told were written are gone: the new leader's log lacks
    /// offsets `from_offset..to_offset` (`records_lost` records, `acknowledged` of them
    /// acknowledged). `unclean` when an out-of-sync replica was elected.
    DataLost {
        partition: TopicPartition,
        leader: Option<BrokerId>,
        from_offset: u64,
        to_offset: u64,
        records_lost: u64,
        acknowledged: u64,
        unclean: bool,
    },
    /// The leader tells a follower its log diverged: keep only up to `end_offset`.
    DivergingEpoch {
        partition: TopicPartition,
        leader: BrokerId,
        follower: BrokerId,
        epoch: u32,
        end_offset: u64,
    },
    /// A replica cut its own log back to where it agrees with its leader.
    ReplicaTruncated {
        partition: TopicPartition,
        broker: BrokerId,
        log_end_offset: u64,
        records_removed: u64,
    },
    /// A leader cut off from the cluster learns another broker leads now (a higher epoch).
    LeaderFenced {
        partition: TopicPartition,
        broker: BrokerId,
        leader_epoch: u32,
    },
    /// The log cleaner removed records superseded by newer ones with the same key.
    LogCompacted {
        partition: TopicPartition,
        broker: BrokerId,
        records_removed: u64,
    },

    // --- controller and network
    /// A broker's heartbeat flies to the active controller (KRaft).
    BrokerHeartbeat {
        broker: BrokerId,
        controller: BrokerId,
    },
    /// The controller, not hearing a broker for a session, fences it.
    BrokerFenced {
        broker: BrokerId,
    },
    BrokerUnfenced {
        broker: BrokerId,
    },
    /// A broker's session ping flies to ZooKeeper (ZooKeeper mode).
    ZkSessionPing {
        broker: BrokerId,
    },
    /// ZooKeeper expired a broker's session: its ephemeral `/brokers/ids/N` is gone.
    ZkSessionExpired {
        broker: BrokerId,
    },
    /// A broker writes a znode (`/controller`, a partition's state...).
    ZkWrite {
        broker: BrokerId,
        path: String,
    },
    ControllerModeChanged {
        mode: ControllerMode,
    },
    NetworkCut {
        broker: BrokerId,
    },
    NetworkHealed {
        broker: BrokerId,
    },
    LinkSlowed {
        a: Endpoint,
        b: Endpoint,
        extra_ms: u64,
    },
    /// The flight with happening id `flight` will never arrive.
    RequestDropped {
        flight: u64,
    },
    /// A producer without idempotence retried a batch the leader had already written:
    /// the same records now sit at two offset ranges.
    DuplicateWritten {
        producer: ProducerId,
        partition: TopicPartition,
        batch_id: u64,
        first_base_offset: u64,
        base_offset: u64,
        last_offset: u64,
    },
    /// An idempotent producer's retry was recognised (producer id + sequence) and not
    /// written again.
    DuplicateIgnored {
        producer: ProducerId,
        broker: BrokerId,
        partition: TopicPartition,
        batch_id: u64,
        base_offset: u64,
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
        key: Option<Bytes>,
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
        /// The batch the producer sent, shared with the request itself.
        records: Arc<[PendingRecord]>,
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
        key: Option<Bytes>,
        value: Option<Bytes>,
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
        assignment: SortedMap<String, Vec<TopicPartition>>,
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

    // --- services (instant happenings; see `crate::service`)
    /// A service was deployed: its group, member and (if it produces) producer follow.
    ServiceCreated {
        service: String,
    },
    /// The service's process went down; its member crashed.
    ServiceStopped {
        service: String,
    },
    /// The service came back: a new member joins its group.
    ServiceStarted {
        service: String,
    },
    ServiceRemoved {
        service: String,
    },
    /// The service finished handling one record (`processing_ms` after it began); its
    /// reactions and its commit of `offset + 1` follow at once.
    ServiceHandled {
        service: String,
        partition: TopicPartition,
        offset: u64,
        key: Option<Bytes>,
        value: Option<Bytes>,
    },
    /// The service upserted `key -> value` into a database table.
    RowWritten {
        service: String,
        table: String,
        key: String,
        value: String,
    },
    /// The service sent an e-mail about the record with this key and value.
    EmailSent {
        service: String,
        key: String,
        value: String,
    },
}
