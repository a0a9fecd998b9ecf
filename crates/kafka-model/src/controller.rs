//! The controller's state: KRaft's metadata log, or ZooKeeper's znodes.
//!
//! In KRaft mode (Kafka's only mode since 4.0) the controllers form a Raft quorum and
//! every change to the cluster is a record in the `__cluster_metadata` log: a broker
//! registering or being fenced, a topic, a partition, a change of leader or ISR
//! (`metadata/src/main/resources/common/metadata/*Record.json`). The playground runs the
//! controllers combined with the first brokers (`process.roles=broker,controller`, as the
//! quickstart does); the active controller is the lowest-numbered voter that is up and
//! reachable.
//!
//! In ZooKeeper mode (before 4.0) each broker holds a ZooKeeper session and an ephemeral
//! znode `/brokers/ids/N`; the broker that creates `/controller` first is the controller,
//! and it writes partition state to `/brokers/topics/<topic>/partitions/<n>/state`.
//! The effects on partitions are the same; the messages are drawn differently.

use crate::collections::{SortedMap, SortedSet};
use crate::partition::BrokerId;
use crate::schedule::Ms;
use crate::TopicPartition;
use serde::{Deserialize, Serialize};

/// How many metadata records the model keeps (Kafka snapshots and trims its log too).
pub const METADATA_LOG_KEPT: usize = 500;

/// Who manages the cluster's metadata.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ControllerMode {
    /// A Raft quorum of controllers with a metadata log (KIP-500).
    #[default]
    Kraft,
    /// The legacy way: brokers' sessions and the controller's election live in ZooKeeper.
    ZooKeeper,
}

/// A record of KRaft's metadata log, named after Kafka's record types.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MetadataRecord {
    RegisterBroker {
        broker: BrokerId,
    },
    FenceBroker {
        broker: BrokerId,
    },
    UnfenceBroker {
        broker: BrokerId,
    },
    /// `kafka-cluster.sh unregister --id N`: the broker's registration is gone
    /// (`UnregisterBrokerRecord`, written by `ReplicationControlManager.unregisterBroker`).
    UnregisterBroker {
        broker: BrokerId,
    },
    Topic {
        topic: String,
        topic_id: u64,
    },
    RemoveTopic {
        topic: String,
    },
    Partition {
        partition: TopicPartition,
        replicas: Vec<BrokerId>,
        isr: Vec<BrokerId>,
        leader: Option<BrokerId>,
        leader_epoch: u32,
    },
    PartitionChange {
        partition: TopicPartition,
        leader: Option<BrokerId>,
        leader_epoch: u32,
        isr: Vec<BrokerId>,
    },
    /// A `PartitionChangeRecord` that changes the replicas (a reassignment, KIP-455): when
    /// it starts, `replicas` is the target followed by the replicas being removed, with
    /// `adding`/`removing` set; when it completes, the target alone and both lists empty.
    PartitionReassignment {
        partition: TopicPartition,
        replicas: Vec<BrokerId>,
        isr: Vec<BrokerId>,
        adding: Vec<BrokerId>,
        removing: Vec<BrokerId>,
    },
}

/// One committed entry of the metadata log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetadataEntry {
    pub offset: u64,
    pub at_ms: Ms,
    pub record: MetadataRecord,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ControllerState {
    pub mode: ControllerMode,
    /// The brokers that also run a controller (KRaft voters).
    pub voters: Vec<BrokerId>,
    /// Brokers the controller has fenced: alive perhaps, but unheard of for a session.
    pub fenced: SortedSet<BrokerId>,
    pub(crate) last_heartbeat: SortedMap<BrokerId, Ms>,
    metadata_log: Vec<MetadataEntry>,
    next_offset: u64,
}

impl ControllerState {
    pub(crate) fn new(brokers: u32) -> Self {
        ControllerState {
            voters: (1..=brokers.min(3)).collect(),
            ..ControllerState::default()
        }
    }

    /// The newest committed metadata records (up to [`METADATA_LOG_KEPT`]).
    pub fn metadata_log(&self) -> &[MetadataEntry] {
        &self.metadata_log
    }

    pub(crate) fn append(&mut self, at_ms: Ms, record: MetadataRecord) {
        self.metadata_log.push(MetadataEntry {
            offset: self.next_offset,
            at_ms,
            record,
        });
        self.next_offset += 1;
        if self.metadata_log.len() > METADATA_LOG_KEPT {
            let extra = self.metadata_log.len() - METADATA_LOG_KEPT;
            self.metadata_log.drain(..extra);
        }
    }
}
