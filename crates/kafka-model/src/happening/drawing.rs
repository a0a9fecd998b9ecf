//! How a happening is drawn: where its dot flies from and to, and its stable name.

use super::{Endpoint, Happening, HappeningKind};
use crate::consumer::ConsumerRef;
use crate::schedule::Ms;

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
            K::DivergingEpoch {
                leader, follower, ..
            } => Some((Broker(*leader), Broker(*follower))),
            K::ReplicaTruncated { broker, .. }
            | K::LeaderFenced { broker, .. }
            | K::LogCompacted { broker, .. }
            | K::BrokerFenced { broker }
            | K::BrokerUnfenced { broker }
            | K::NetworkCut { broker }
            | K::NetworkHealed { broker }
            | K::DuplicateIgnored { broker, .. } => pair(Broker(*broker)),
            K::DataLost {
                leader: Some(b), ..
            } => pair(Broker(*b)),
            K::BrokerHeartbeat { broker, controller } => {
                Some((Broker(*broker), Broker(*controller)))
            }
            K::ZkSessionPing { broker } | K::ZkWrite { broker, .. } => {
                Some((Broker(*broker), Endpoint::ZooKeeper))
            }
            K::ZkSessionExpired { .. } => pair(Endpoint::ZooKeeper),
            K::LinkSlowed { a, b, .. } => Some((a.clone(), b.clone())),
            K::DuplicateWritten { producer, .. } => pair(Producer(*producer)),
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
            // A removed broker is no longer on the stage; a reassignment is about several.
            K::BrokerRemoved { .. }
            | K::ReassignmentStarted { .. }
            | K::ReassignmentCompleted { .. } => None,
            // A service is drawn by the UI where it places services (its member id changes
            // across restarts); the happenings name it.
            K::ServiceCreated { .. }
            | K::ServiceStopped { .. }
            | K::ServiceStarted { .. }
            | K::ServiceRemoved { .. }
            | K::ServiceHandled { .. }
            | K::RowWritten { .. }
            | K::EmailSent { .. } => None,
            _ => None,
        }
    }
}

impl HappeningKind {
    /// The service a service happening is about.
    pub fn service(&self) -> Option<&str> {
        use HappeningKind as K;
        match self {
            K::ServiceCreated { service }
            | K::ServiceStopped { service }
            | K::ServiceStarted { service }
            | K::ServiceRemoved { service }
            | K::ServiceHandled { service, .. }
            | K::RowWritten { service, .. }
            | K::EmailSent { service, .. } => Some(service),
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
            K::BrokerRemoved { .. } => "BrokerRemoved",
            K::ReassignmentStarted { .. } => "ReassignmentStarted",
            K::ReassignmentCompleted { .. } => "ReassignmentCompleted",
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
            K::DataLost { .. } => "DataLost",
            K::DivergingEpoch { .. } => "DivergingEpoch",
            K::ReplicaTruncated { .. } => "ReplicaTruncated",
            K::LeaderFenced { .. } => "LeaderFenced",
            K::LogCompacted { .. } => "LogCompacted",
            K::BrokerHeartbeat { .. } => "BrokerHeartbeat",
            K::BrokerFenced { .. } => "BrokerFenced",
            K::BrokerUnfenced { .. } => "BrokerUnfenced",
            K::ZkSessionPing { .. } => "ZkSessionPing",
            K::ZkSessionExpired { .. } => "ZkSessionExpired",
            K::ZkWrite { .. } => "ZkWrite",
            K::ControllerModeChanged { .. } => "ControllerModeChanged",
            K::NetworkCut { .. } => "NetworkCut",
            K::NetworkHealed { .. } => "NetworkHealed",
            K::LinkSlowed { .. } => "LinkSlowed",
            K::RequestDropped { .. } => "RequestDropped",
            K::DuplicateWritten { .. } => "DuplicateWritten",
            K::DuplicateIgnored { .. } => "DuplicateIgnored",
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
            K::ServiceCreated { .. } => "ServiceCreated",
            K::ServiceStopped { .. } => "ServiceStopped",
            K::ServiceStarted { .. } => "ServiceStarted",
            K::ServiceRemoved { .. } => "ServiceRemoved",
            K::ServiceHandled { .. } => "ServiceHandled",
            K::RowWritten { .. } => "RowWritten",
            K::EmailSent { .. } => "EmailSent",
        }
    }
}
