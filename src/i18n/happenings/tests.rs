use super::*;
use kafka_model::collections::{SortedMap, SortedSet};
use kafka_model::record::PendingRecord;
use kafka_model::{
    Acks, AutoOffsetReset, ConsumerRef, ControllerMode, ElectionReason, Endpoint, KafkaError,
    RebalanceReason, TopicPartition,
};

fn tp(topic: &str, partition: u32) -> TopicPartition {
    TopicPartition::new(topic, partition)
}

fn at(kind: HappeningKind) -> Happening {
    Happening {
        id: 1,
        start_ms: 100,
        end_ms: 100,
        kind,
    }
}

fn member(group: &str, member: &str) -> ConsumerRef {
    ConsumerRef::Member {
        group: group.into(),
        member: member.into(),
    }
}

fn pending(key: &str) -> PendingRecord {
    PendingRecord {
        timestamp: 0,
        key: Some(key.as_bytes().into()),
        value: Some(b"v"[..].into()),
        headers: vec![],
        size_bytes: 9,
    }
}

/// One happening of every kind, with the facts both sentences must name.
fn samples() -> Vec<(HappeningKind, Vec<&'static str>)> {
    use HappeningKind as K;
    let orders2 = tp("orders", 2);
    vec![
        (K::BrokerAdded { broker: 4 }, vec!["broker-4"]),
        (K::BrokerDown { broker: 2 }, vec!["broker-2"]),
        (K::BrokerUp { broker: 2 }, vec!["broker-2"]),
        (K::BrokerRemoved { broker: 4 }, vec!["broker-4"]),
        (
            K::ReassignmentStarted {
                partition: tp("orders", 1),
                replicas: vec![1, 3],
                adding: vec![3],
                removing: vec![4],
            },
            vec!["orders-1", "broker-1, broker-3", "broker-4", "leader"],
        ),
        (
            K::ReassignmentCompleted {
                partition: tp("orders", 1),
                replicas: vec![1, 3],
                removed: vec![4],
            },
            vec!["orders-1", "broker-1, broker-3", "broker-4"],
        ),
        (
            K::ControllerChanged {
                controller: Some(1),
            },
            vec!["broker-1", "controller"],
        ),
        (
            K::ControllerChanged { controller: None },
            vec!["controller"],
        ),
        (
            K::TopicCreated {
                topic: "orders".into(),
                partitions: 3,
                replication_factor: 2,
            },
            vec!["orders", "3", "2"],
        ),
        (
            K::TopicDeleted {
                topic: "orders".into(),
            },
            vec!["Topic orders"],
        ),
        (
            K::TopicConfigChanged {
                topic: "orders".into(),
            },
            vec!["Topic orders"],
        ),
        (
            K::PartitionsAdded {
                topic: "orders".into(),
                old_count: 3,
                new_count: 5,
            },
            vec!["orders", "3", "5", "partition"],
        ),
        (
            K::LeaderElected {
                partition: orders2.clone(),
                leader: Some(3),
                leader_epoch: 7,
                isr: vec![1, 3],
                reason: ElectionReason::LeaderDown,
            },
            vec![
                "broker-3",
                "leader",
                "orders-2",
                "epoch 7",
                "ISR",
                "broker-1, broker-3",
            ],
        ),
        (
            K::LeaderElected {
                partition: orders2.clone(),
                leader: None,
                leader_epoch: 8,
                isr: vec![],
                reason: ElectionReason::LeaderDown,
            },
            vec!["orders-2", "leader", "ISR"],
        ),
        (
            K::IsrShrunk {
                partition: orders2.clone(),
                broker: 3,
                isr: vec![1],
            },
            vec!["broker-3", "ISR", "orders-2", "broker-1"],
        ),
        (
            K::IsrExpanded {
                partition: orders2.clone(),
                broker: 3,
                isr: vec![1, 3],
            },
            vec!["broker-3", "ISR", "orders-2", "broker-1, broker-3"],
        ),
        (
            K::LogTruncated {
                partition: orders2.clone(),
                log_end_offset: 12,
                records_lost: 3,
            },
            vec!["orders-2", "offset 12", "3 record", "leader"],
        ),
        (
            K::RecordsDeleted {
                partition: orders2.clone(),
                log_start_offset: 40,
                records_deleted: 40,
            },
            vec!["orders-2", "offset 40", "Retention"],
        ),
        (
            K::LeaderElected {
                partition: orders2.clone(),
                leader: Some(2),
                leader_epoch: 9,
                isr: vec![2],
                reason: ElectionReason::Unclean,
            },
            vec!["broker-2", "leader", "orders-2", "epoch 9", "unclean"],
        ),
        (
            K::DataLost {
                partition: tp("orders", 0),
                leader: Some(2),
                from_offset: 5,
                to_offset: 8,
                records_lost: 3,
                acknowledged: 3,
                unclean: true,
            },
            vec!["broker-2", "orders-0", "5", "7", "3", "unclean"],
        ),
        (
            K::DataLost {
                partition: tp("orders", 0),
                leader: None,
                from_offset: 5,
                to_offset: 8,
                records_lost: 3,
                acknowledged: 2,
                unclean: false,
            },
            vec!["orders-0", "5", "7", "3 record", "2"],
        ),
        (
            K::DivergingEpoch {
                partition: orders2.clone(),
                leader: 3,
                follower: 1,
                epoch: 4,
                end_offset: 12,
            },
            vec![
                "broker-3",
                "broker-1",
                "orders-2",
                "leader epoch 4",
                "offset 12",
            ],
        ),
        (
            K::ReplicaTruncated {
                partition: orders2.clone(),
                broker: 1,
                log_end_offset: 12,
                records_removed: 2,
            },
            vec!["broker-1", "orders-2", "offset 12", "2 record", "leader"],
        ),
        (
            K::LeaderFenced {
                partition: orders2.clone(),
                broker: 1,
                leader_epoch: 5,
            },
            vec!["broker-1", "orders-2", "leader epoch 5", "fence"],
        ),
        (
            K::LogCompacted {
                partition: orders2.clone(),
                broker: 3,
                records_removed: 4,
            },
            vec!["orders-2", "broker-3", "4", "compaction", "key"],
        ),
        (
            K::BrokerHeartbeat {
                broker: 2,
                controller: 1,
            },
            vec!["broker-2", "broker-1", "heartbeat", "controller"],
        ),
        (
            K::BrokerFenced { broker: 2 },
            vec!["broker-2", "ontroller", "fence", "heartbeat", "ISR"],
        ),
        (
            K::BrokerUnfenced { broker: 2 },
            vec!["broker-2", "ontroller", "fence"],
        ),
        (
            K::ZkSessionPing { broker: 2 },
            vec!["broker-2", "ZooKeeper", "session"],
        ),
        (
            K::ZkSessionExpired { broker: 2 },
            vec!["broker-2", "ZooKeeper", "/brokers/ids/2", "controller"],
        ),
        (
            K::ZkWrite {
                broker: 1,
                path: "/controller".into(),
            },
            vec!["broker-1", "ZooKeeper", "/controller"],
        ),
        (
            K::ControllerModeChanged {
                mode: ControllerMode::Kraft,
            },
            vec!["KRaft", "controller"],
        ),
        (
            K::ControllerModeChanged {
                mode: ControllerMode::ZooKeeper,
            },
            vec!["ZooKeeper", "controller"],
        ),
        (K::NetworkCut { broker: 2 }, vec!["broker-2"]),
        (K::NetworkHealed { broker: 2 }, vec!["broker-2"]),
        (
            K::LinkSlowed {
                a: Endpoint::Producer(1),
                b: Endpoint::Broker(3),
                extra_ms: 250,
            },
            vec!["producer-1", "broker-3", "250 ms"],
        ),
        (
            K::LinkSlowed {
                a: Endpoint::Consumer(member("payments", "payment-1-3")),
                b: Endpoint::ZooKeeper,
                extra_ms: 0,
            },
            vec!["payment-1-3", "ZooKeeper"],
        ),
        (K::RequestDropped { flight: 42 }, vec!["#42", "timeout"]),
        (
            K::DuplicateWritten {
                producer: 1,
                partition: orders2.clone(),
                batch_id: 9,
                first_base_offset: 5,
                base_offset: 8,
                last_offset: 10,
            },
            vec![
                "producer-1",
                "batch 9",
                "orders-2",
                "idempotence",
                "5",
                "7",
                "8",
                "10",
            ],
        ),
        (
            K::DuplicateIgnored {
                producer: 1,
                broker: 3,
                partition: orders2.clone(),
                batch_id: 9,
                base_offset: 5,
            },
            vec![
                "producer-1",
                "broker-3",
                "batch 9",
                "orders-2",
                "offset 5",
                "sequence",
            ],
        ),
        (
            K::ProduceFailed {
                producer: 1,
                broker: None,
                partition: orders2.clone(),
                batch_id: 9,
                error: KafkaError::RequestTimedOut {
                    partition: orders2.clone(),
                },
                will_retry: true,
            },
            vec![
                "producer-1",
                "orders-2",
                "REQUEST_TIMED_OUT",
                "request.timeout.ms",
            ],
        ),
        (
            K::ProduceFailed {
                producer: 1,
                broker: Some(3),
                partition: orders2.clone(),
                batch_id: 9,
                error: KafkaError::InvalidRecord {
                    partition: orders2.clone(),
                    reason: "a compacted topic cannot accept a record without a key".into(),
                },
                will_retry: false,
            },
            vec!["producer-1", "orders-2", "INVALID_RECORD", "key", "leader"],
        ),
        (K::ProducerCreated { producer: 1 }, vec!["producer-1"]),
        (K::ProducerRemoved { producer: 1 }, vec!["producer-1"]),
        (
            K::RecordQueued {
                producer: 1,
                partition: orders2.clone(),
                batch_id: 9,
                key: Some(b"order-1"[..].into()),
                size_bytes: 42,
            },
            vec![
                "producer-1",
                "orders-2",
                "batch 9",
                "order-1",
                "42 byte",
                "record",
            ],
        ),
        (
            K::ProduceSent {
                producer: 1,
                broker: 3,
                partition: orders2.clone(),
                batch_id: 9,
                attempt: 2,
                acks: Acks::All,
                records: vec![pending("a"), pending("b")].into(),
            },
            vec![
                "producer-1",
                "broker-3",
                "orders-2",
                "batch 9",
                "acks=all",
                "2 record",
            ],
        ),
        (
            K::AppendedAtLeader {
                producer: 1,
                broker: 3,
                partition: orders2.clone(),
                batch_id: 9,
                base_offset: 5,
                last_offset: 7,
            },
            vec!["Leader broker-3", "orders-2", "batch 9", "offset", "5", "7"],
        ),
        (
            K::ReplicaFetchSent {
                partition: orders2.clone(),
                follower: 1,
                leader: 3,
                fetch_offset: 5,
            },
            vec!["broker-1", "broker-3", "leader", "orders-2", "offset 5"],
        ),
        (
            K::Replicated {
                partition: orders2.clone(),
                leader: 3,
                follower: 1,
                from_offset: 5,
                to_offset: 8,
            },
            vec!["broker-1", "broker-3", "orders-2", "offset", "5", "7"],
        ),
        (
            K::HighWatermarkAdvanced {
                partition: orders2.clone(),
                broker: 3,
                high_watermark: 8,
            },
            vec!["igh watermark", "orders-2", "broker-3", "8"],
        ),
        (
            K::Acked {
                producer: 1,
                broker: 3,
                partition: orders2.clone(),
                batch_id: 9,
                base_offset: 5,
                last_offset: 5,
            },
            vec!["producer-1", "broker-3", "orders-2", "batch 9", "offset 5"],
        ),
        (
            K::ProduceFailed {
                producer: 1,
                broker: Some(2),
                partition: orders2.clone(),
                batch_id: 9,
                error: KafkaError::NotLeaderOrFollower {
                    partition: orders2.clone(),
                    broker: 2,
                },
                will_retry: true,
            },
            vec![
                "producer-1",
                "broker-2",
                "orders-2",
                "batch 9",
                "NOT_LEADER_OR_FOLLOWER",
                "leader",
            ],
        ),
        (
            K::ProduceFailed {
                producer: 1,
                broker: Some(2),
                partition: orders2.clone(),
                batch_id: 9,
                error: KafkaError::NotEnoughReplicas {
                    partition: orders2.clone(),
                    isr: 1,
                    min_insync_replicas: 2,
                },
                will_retry: false,
            },
            vec![
                "producer-1",
                "orders-2",
                "NOT_ENOUGH_REPLICAS",
                "min.insync.replicas=2",
                "ISR",
                "record",
            ],
        ),
        (
            K::AutoProduceStopped {
                producer: 1,
                topic: "orders".into(),
            },
            vec!["producer-1", "Topic orders"],
        ),
        (
            K::ConsumerCreated {
                consumer: member("payments", "payment-1-3"),
            },
            vec!["payment-1-3", "payments"],
        ),
        (
            K::ConsumerCreated {
                consumer: ConsumerRef::Standalone(2),
            },
            vec!["consumer-2"],
        ),
        (
            K::ConsumerRemoved {
                consumer: member("payments", "payment-1-3"),
            },
            vec!["payment-1-3", "payments"],
        ),
        (
            K::ConsumerRemoved {
                consumer: ConsumerRef::Standalone(2),
            },
            vec!["consumer-2"],
        ),
        (
            K::FetchSent {
                consumer: member("payments", "payment-1-3"),
                broker: 3,
                partition: orders2.clone(),
                fetch_offset: 5,
            },
            vec!["payment-1-3", "broker-3", "orders-2", "offset 5", "fetch"],
        ),
        (
            K::Fetched {
                consumer: ConsumerRef::Standalone(2),
                broker: 3,
                partition: orders2.clone(),
                from_offset: 5,
                to_offset: 6,
            },
            vec!["consumer-2", "broker-3", "orders-2", "offset 5"],
        ),
        (
            K::Delivered {
                consumer: member("payments", "payment-1-3"),
                partition: orders2.clone(),
                offset: 5,
                key: Some(b"order-1"[..].into()),
                value: None,
            },
            vec![
                "payment-1-3",
                "orders-2",
                "offset 5",
                "order-1",
                "null (tombstone)",
            ],
        ),
        (
            K::PositionReset {
                consumer: member("payments", "payment-1-3"),
                partition: orders2.clone(),
                offset: 0,
                policy: Some(AutoOffsetReset::Earliest),
            },
            vec![
                "payment-1-3",
                "orders-2",
                "offset 0",
                "auto.offset.reset=earliest",
            ],
        ),
        (
            K::PositionReset {
                consumer: ConsumerRef::Standalone(2),
                partition: orders2.clone(),
                offset: 17,
                policy: None,
            },
            vec!["consumer-2", "orders-2", "offset 17", "seek"],
        ),
        (
            K::ConsumerError {
                consumer: member("payments", "payment-1-3"),
                partition: orders2.clone(),
                error: KafkaError::OffsetOutOfRange {
                    partition: orders2.clone(),
                    offset: 99,
                },
            },
            vec![
                "payment-1-3",
                "orders-2",
                "offset 99",
                "OFFSET_OUT_OF_RANGE",
            ],
        ),
        (
            K::CommitSent {
                group: "payments".into(),
                member: "payment-1-3".into(),
                broker: 1,
                offsets: vec![(tp("orders", 0), 5), (orders2.clone(), 3)],
            },
            vec![
                "payment-1-3",
                "broker-1",
                "commit",
                "orders-0 offset 5",
                "orders-2 offset 3",
            ],
        ),
        (
            K::OffsetCommitted {
                group: "payments".into(),
                member: Some("payment-1-3".into()),
                broker: 1,
                offsets: vec![(orders2.clone(), 3)],
            },
            vec!["payments", "payment-1-3", "commit", "orders-2 offset 3"],
        ),
        (
            K::OffsetCommitted {
                group: "payments".into(),
                member: None,
                broker: 1,
                offsets: vec![(orders2.clone(), 0)],
            },
            vec!["payments", "admin", "orders-2 offset 0"],
        ),
        (
            K::CommitFailed {
                group: "payments".into(),
                member: "payment-1-3".into(),
                broker: 1,
            },
            vec![
                "payments",
                "payment-1-3",
                "broker-1",
                "commit",
                "generation",
                "CommitFailedException",
            ],
        ),
        (
            K::GroupCreated {
                group: "payments".into(),
            },
            vec!["Consumer Group payments"],
        ),
        (
            K::GroupDeleted {
                group: "payments".into(),
            },
            vec!["Consumer Group payments"],
        ),
        (
            K::JoinGroupSent {
                group: "payments".into(),
                member: "payment-1-3".into(),
                broker: 1,
            },
            vec!["payments", "payment-1-3", "broker-1", "JoinGroup"],
        ),
        (
            K::MemberJoined {
                group: "payments".into(),
                member: "payment-1-3".into(),
            },
            vec!["payments", "payment-1-3"],
        ),
        (
            K::LeaveGroupSent {
                group: "payments".into(),
                member: "payment-1-3".into(),
                broker: 1,
            },
            vec!["payments", "payment-1-3", "broker-1", "LeaveGroup"],
        ),
        (
            K::MemberLeft {
                group: "payments".into(),
                member: "payment-1-3".into(),
            },
            vec!["payments", "payment-1-3"],
        ),
        (
            K::MemberCrashed {
                group: "payments".into(),
                member: "payment-1-3".into(),
            },
            vec!["payments", "payment-1-3", "session.timeout.ms"],
        ),
        (
            K::MemberExpired {
                group: "payments".into(),
                member: "payment-1-3".into(),
            },
            vec!["payments", "payment-1-3", "heartbeat", "session.timeout.ms"],
        ),
        (
            K::Heartbeat {
                group: "payments".into(),
                member: "payment-1-3".into(),
                broker: 1,
            },
            vec!["payment-1-3", "broker-1", "heartbeat"],
        ),
        (
            K::RebalanceStarted {
                group: "payments".into(),
                reason: RebalanceReason::MemberJoined {
                    member: "payment-2-4".into(),
                },
                cooperative: false,
            },
            vec!["payments", "rebalance", "eager", "payment-2-4"],
        ),
        (
            K::RebalanceStarted {
                group: "payments".into(),
                reason: RebalanceReason::MemberLeft {
                    member: "payment-2-4".into(),
                },
                cooperative: true,
            },
            vec!["payments", "rebalance", "cooperative", "payment-2-4"],
        ),
        (
            K::RebalanceStarted {
                group: "payments".into(),
                reason: RebalanceReason::MemberExpired {
                    member: "payment-2-4".into(),
                },
                cooperative: false,
            },
            vec!["payments", "rebalance", "payment-2-4", "session"],
        ),
        (
            K::RebalanceStarted {
                group: "payments".into(),
                reason: RebalanceReason::SubscriptionChanged {
                    member: "payment-2-4".into(),
                },
                cooperative: false,
            },
            vec!["payments", "rebalance", "payment-2-4"],
        ),
        (
            K::RebalanceStarted {
                group: "payments".into(),
                reason: RebalanceReason::MetadataChanged {
                    topic: "orders".into(),
                },
                cooperative: false,
            },
            vec!["payments", "rebalance", "Topic orders"],
        ),
        (
            K::RebalanceStarted {
                group: "payments".into(),
                reason: RebalanceReason::CooperativeFollowUp {
                    member: "payment-2-4".into(),
                },
                cooperative: true,
            },
            vec!["payments", "rebalance", "payment-2-4", "partition"],
        ),
        (
            K::RebalanceCompleted {
                group: "payments".into(),
                generation: 4,
                assignment: SortedMap::from([
                    (
                        "payment-1-3".to_string(),
                        vec![tp("orders", 0), tp("orders", 1)],
                    ),
                    ("payment-2-4".to_string(), vec![orders2.clone()]),
                ]),
                revoked: vec![("payment-1-3".into(), orders2.clone())],
            },
            vec![
                "payments",
                "rebalance",
                "generation 4",
                "3 partition",
                "2 consumer",
                "1 partition",
            ],
        ),
        (
            K::AssignmentSent {
                group: "payments".into(),
                member: "payment-1-3".into(),
                broker: 1,
                generation: 4,
                partitions: vec![tp("orders", 0), tp("orders", 1)],
            },
            vec![
                "payment-1-3",
                "broker-1",
                "generation 4",
                "orders-0, orders-1",
            ],
        ),
        (
            K::PartitionsRevoked {
                group: "payments".into(),
                member: "payment-1-3".into(),
                partitions: vec![orders2.clone()],
            },
            vec!["payment-1-3", "orders-2", "revoke"],
        ),
        (
            K::PartitionsAssigned {
                group: "payments".into(),
                member: "payment-1-3".into(),
                generation: 4,
                partitions: vec![orders2.clone()],
                assignment: vec![tp("orders", 0), orders2.clone()],
            },
            vec![
                "payment-1-3",
                "generation 4",
                "orders-2",
                "orders-0, orders-2",
            ],
        ),
        (
            K::PartitionsAssigned {
                group: "payments".into(),
                member: "payment-1-3".into(),
                generation: 5,
                partitions: vec![],
                assignment: vec![tp("orders", 0)],
            },
            vec!["payment-1-3", "generation 5", "partition", "orders-0"],
        ),
        (
            K::ServiceCreated {
                service: "inventory".into(),
            },
            vec!["Service inventory", "Consumer Group inventory"],
        ),
        (
            K::ServiceStopped {
                service: "payments".into(),
            },
            vec!["Service payments", "crash"],
        ),
        (
            K::ServiceStarted {
                service: "payments".into(),
            },
            vec!["Service payments", "group payments", "commit"],
        ),
        (
            K::ServiceRemoved {
                service: "notification".into(),
            },
            vec!["Service notification"],
        ),
        (
            K::ServiceHandled {
                service: "inventory".into(),
                partition: tp("orders", 0),
                offset: 3,
                key: Some(b"order-7"[..].into()),
                value: Some(b"42 VND"[..].into()),
            },
            vec!["Service inventory", "orders-0 offset 3", "order-7"],
        ),
        (
            K::RowWritten {
                service: "payments".into(),
                table: "payments".into(),
                key: "order-7".into(),
                value: "reserved:42 VND".into(),
            },
            vec!["Service payments", "order-7", "reserved:42 VND", "payments"],
        ),
        (
            K::EmailSent {
                service: "notification".into(),
                key: "order-7".into(),
                value: "42 VND".into(),
            },
            vec!["Service notification", "e-mail", "order-7", "42 VND"],
        ),
    ]
}

#[test]
fn every_kind_has_a_sample() {
    let kinds: SortedSet<&str> = samples()
        .into_iter()
        .map(|(k, _)| at(k).kind_name())
        .collect();
    // HappeningKind has 76 variants; `describe` cannot compile without all of them, and
    // this keeps the samples in step.
    assert_eq!(kinds.len(), 76, "{kinds:?}");
}

#[test]
fn both_languages_name_the_key_facts_and_differ() {
    for (kind, facts) in samples() {
        let h = at(kind);
        let (en, vi) = (describe(&h, Lang::En), describe(&h, Lang::Vi));
        assert!(
            !en.trim().is_empty() && !vi.trim().is_empty(),
            "{}",
            h.kind_name()
        );
        assert_ne!(
            en,
            vi,
            "{}: the Vietnamese sentence is the English one",
            h.kind_name()
        );
        for s in [&en, &vi] {
            for fact in &facts {
                assert!(s.contains(fact), "{}: {s:?} lacks {fact:?}", h.kind_name());
            }
            assert!(!s.contains('{') && !s.contains('}'), "{s:?}");
            assert!(!s.chars().any(char::is_control), "{s:?}");
            assert!(
                s.chars().count() < 200,
                "{}: too long for a live region: {s:?}",
                h.kind_name()
            );
        }
        assert!(
            en.is_ascii() || en.contains('…'),
            "English should be plain: {en:?}"
        );
        // Vietnamese with its diacritics: every sentence has at least one Vietnamese word.
        assert!(!vi.is_ascii(), "{}: no Vietnamese in {vi:?}", h.kind_name());
    }
}

#[test]
fn vietnamese_keeps_kafka_terms_in_english() {
    let orders2 = tp("orders", 2);
    let vi = |kind| describe(&at(kind), Lang::Vi);
    let written = vi(HappeningKind::AppendedAtLeader {
        producer: 1,
        broker: 3,
        partition: orders2.clone(),
        batch_id: 9,
        base_offset: 5,
        last_offset: 5,
    });
    assert_eq!(
        written,
        "Leader broker-3 ghi batch 9 của producer-1 vào orders-2 tại offset 5"
    );
    let delivered = vi(HappeningKind::Delivered {
        consumer: member("payments", "payment-1-3"),
        partition: orders2.clone(),
        offset: 5,
        key: Some(b"order-1"[..].into()),
        value: Some(b"paid"[..].into()),
    });
    assert_eq!(
        delivered,
        "payment-1-3 nhận được offset 5 của orders-2: key order-1, value paid"
    );
    let hw = vi(HappeningKind::HighWatermarkAdvanced {
        partition: orders2.clone(),
        broker: 3,
        high_watermark: 8,
    });
    assert!(
        hw.contains("High watermark") && hw.contains("consumer") && hw.contains("offset"),
        "{hw}"
    );
    let elected = vi(HappeningKind::LeaderElected {
        partition: orders2,
        leader: Some(1),
        leader_epoch: 2,
        isr: vec![1],
        reason: ElectionReason::Preferred,
    });
    assert!(
        elected.contains("leader") && elected.contains("ISR") && elected.contains("replica"),
        "{elected}"
    );
    let created = vi(HappeningKind::TopicCreated {
        topic: "orders".into(),
        partitions: 3,
        replication_factor: 2,
    });
    assert_eq!(
        created,
        "Topic orders được tạo với 3 partition, replication factor 2"
    );
}

#[test]
fn service_sentences_read_as_the_primer_writes_them() {
    let handled = at(HappeningKind::ServiceHandled {
        service: "inventory".into(),
        partition: tp("orders", 0),
        offset: 3,
        key: Some(b"order-7"[..].into()),
        value: None,
    });
    assert_eq!(
        describe(&handled, Lang::Vi),
        "Service inventory đã xử lý orders-0 offset 3 (key order-7)"
    );
    assert_eq!(
        describe(&handled, Lang::En),
        "Service inventory handled orders-0 offset 3 (key order-7)"
    );
    assert_eq!(category(&handled.kind), "service");
    // Table rows and e-mails show text values safely, cut like record values.
    let long = "x".repeat(100);
    let row = at(HappeningKind::RowWritten {
        service: "payments".into(),
        table: "payments".into(),
        key: "order-7".into(),
        value: format!("{long}\n"),
    });
    for lang in Lang::ALL {
        let s = describe(&row, lang);
        assert!(s.contains('…') && !s.contains('\n'), "{s}");
    }
}

#[test]
fn english_reads_naturally() {
    let h = at(HappeningKind::AppendedAtLeader {
        producer: 1,
        broker: 3,
        partition: tp("orders", 2),
        batch_id: 9,
        base_offset: 5,
        last_offset: 7,
    });
    assert_eq!(
        describe(&h, Lang::En),
        "Leader broker-3 wrote batch 9 of producer-1 to orders-2 at offsets 5 to 7"
    );
    let h = at(HappeningKind::TopicCreated {
        topic: "logs".into(),
        partitions: 1,
        replication_factor: 1,
    });
    assert_eq!(
        describe(&h, Lang::En),
        "Topic logs created with 1 partition, replication factor 1"
    );
}

#[test]
fn fetched_ranges_do_not_include_their_end() {
    let h = at(HappeningKind::Replicated {
        partition: tp("orders", 0),
        leader: 1,
        follower: 2,
        from_offset: 5,
        to_offset: 8,
    });
    assert!(describe(&h, Lang::En).contains("offsets 5 to 7"));
    assert!(describe(&h, Lang::Vi).contains("offset 5 đến 7"));
    let one = at(HappeningKind::Fetched {
        consumer: ConsumerRef::Standalone(1),
        broker: 1,
        partition: tp("orders", 0),
        from_offset: 5,
        to_offset: 6,
    });
    assert!(
        describe(&one, Lang::En).contains("offset 5 of orders-0"),
        "{}",
        describe(&one, Lang::En)
    );
    let none = at(HappeningKind::Fetched {
        consumer: ConsumerRef::Standalone(1),
        broker: 1,
        partition: tp("orders", 0),
        from_offset: 5,
        to_offset: 5,
    });
    assert!(describe(&none, Lang::En).contains("no records"));
}

#[test]
fn long_lists_are_capped() {
    let partitions: Vec<TopicPartition> = (0..10).map(|p| tp("orders", p)).collect();
    let h = at(HappeningKind::PartitionsRevoked {
        group: "g".into(),
        member: "m-1".into(),
        partitions,
    });
    let en = describe(&h, Lang::En);
    assert!(
        en.contains("orders-3 and 6 more") && !en.contains("orders-4"),
        "{en}"
    );
    assert!(describe(&h, Lang::Vi).contains("và 6 partition khác"));
}

#[test]
fn keys_and_values_are_shown_safely() {
    assert_eq!(bytes_text(None), "null");
    assert_eq!(bytes_text(Some(b"")), "\"\"");
    assert_eq!(bytes_text(Some(b"order-1")), "order-1");
    // Exactly the limit: not cut.
    let limit = "k".repeat(MAX_BYTES_TEXT_CHARS);
    assert_eq!(bytes_text(Some(limit.as_bytes())), limit);
    // Multi-byte characters are counted as characters, never cut in half.
    let long = "đơn-hàng-ạ".repeat(10);
    let shown = bytes_text(Some(long.as_bytes()));
    assert_eq!(shown.chars().count(), MAX_BYTES_TEXT_CHARS + 1);
    assert!(shown.ends_with('…'));
    assert!(long.starts_with(shown.trim_end_matches('…')));
    // Invalid UTF-8 (including a multi-byte sequence cut at the end) is replaced, not a panic.
    let binary: Vec<u8> = (0u8..=255).rev().chain([0xe1, 0xba]).collect();
    let shown = bytes_text(Some(&binary));
    assert!(shown.contains('\u{FFFD}') && shown.ends_with('…'));
    assert!(!shown.chars().any(char::is_control));
    assert_eq!(bytes_text(Some(&[0xe1, 0xba])), "\u{FFFD}");
    // Control characters do not reach the live region.
    assert_eq!(bytes_text(Some(b"a\nb\x07")), "a b\u{FFFD}");

    let h = at(HappeningKind::RecordQueued {
        producer: 1,
        partition: tp("orders", 0),
        batch_id: 1,
        key: Some(binary.into()),
        size_bytes: 300,
    });
    for lang in Lang::ALL {
        let s = describe(&h, lang);
        assert!(s.contains('…') && s.contains("orders-0"), "{s}");
    }
}

#[test]
fn categories_group_the_timeline() {
    let allowed = [
        "produce",
        "replicate",
        "consume",
        "group",
        "cluster",
        "service",
        "heartbeat",
    ];
    let mut seen = SortedSet::new();
    for (kind, _) in samples() {
        let c = category(&kind);
        assert!(allowed.contains(&c), "{c}");
        seen.insert(c);
    }
    assert_eq!(
        seen.len(),
        allowed.len(),
        "every category is used: {seen:?}"
    );
    use HappeningKind as K;
    let orders2 = tp("orders", 2);
    assert_eq!(category(&K::BrokerDown { broker: 1 }), "cluster");
    assert_eq!(
        category(&K::Replicated {
            partition: orders2.clone(),
            leader: 1,
            follower: 2,
            from_offset: 0,
            to_offset: 1
        }),
        "replicate"
    );
    assert_eq!(
        category(&K::IsrShrunk {
            partition: orders2.clone(),
            broker: 2,
            isr: vec![1]
        }),
        "replicate"
    );
    assert_eq!(
        category(&K::Acked {
            producer: 1,
            broker: 1,
            partition: orders2.clone(),
            batch_id: 1,
            base_offset: 0,
            last_offset: 0
        }),
        "produce"
    );
    assert_eq!(
        category(&K::Delivered {
            consumer: ConsumerRef::Standalone(1),
            partition: orders2,
            offset: 0,
            key: None,
            value: None
        }),
        "consume"
    );
    assert_eq!(
        category(&K::MemberJoined {
            group: "g".into(),
            member: "m".into()
        }),
        "group"
    );
    assert_eq!(
        category(&K::Heartbeat {
            group: "g".into(),
            member: "m".into(),
            broker: 1
        }),
        "heartbeat"
    );
}

#[test]
fn data_loss_names_the_partition_the_offsets_and_the_acknowledgement() {
    let lost = |acknowledged, unclean| {
        at(HappeningKind::DataLost {
            partition: tp("orders", 0),
            leader: Some(2),
            from_offset: 5,
            to_offset: 8,
            records_lost: 3,
            acknowledged,
            unclean,
        })
    };
    let h = lost(3, true);
    assert_eq!(
        describe(&h, Lang::En),
        "Data lost: broker-2 became leader of orders-0 without offsets 5 to 7; \
         3 acknowledged records are gone (unclean leader election)"
    );
    let vi = describe(&h, Lang::Vi);
    for fact in [
        "Mất dữ liệu",
        "broker-2",
        "leader",
        "orders-0",
        "offset 5 đến 7",
        "3 record đã được xác nhận (ack)",
        "unclean leader election",
    ] {
        assert!(vi.contains(fact), "{vi:?} lacks {fact:?}");
    }
    // Only some of the lost records had been acknowledged: both numbers are told.
    let h = lost(1, false);
    let en = describe(&h, Lang::En);
    assert!(
        en.contains("orders-0")
            && en.contains("offsets 5 to 7")
            && en.contains("3 records gone, 1 of them acknowledged")
            && !en.contains("unclean"),
        "{en}"
    );
    let vi = describe(&h, Lang::Vi);
    assert!(
        vi.contains("orders-0")
            && vi.contains("offset 5 đến 7")
            && vi.contains("mất 3 record, trong đó 1 record đã được xác nhận (ack)")
            && !vi.contains("unclean"),
        "{vi}"
    );
    // One lost record, one acknowledged: singular in English.
    let h = at(HappeningKind::DataLost {
        partition: tp("orders", 0),
        leader: Some(2),
        from_offset: 5,
        to_offset: 6,
        records_lost: 1,
        acknowledged: 1,
        unclean: true,
    });
    assert!(describe(&h, Lang::En).contains("without offset 5; 1 acknowledged record is gone"));
}

#[test]
fn decommissioning_reads_as_kafka_operators_say_it() {
    use HappeningKind as K;
    let orders1 = tp("orders", 1);
    let started = at(K::ReassignmentStarted {
        partition: orders1.clone(),
        replicas: vec![1, 3],
        adding: vec![3],
        removing: vec![4],
    });
    assert_eq!(
        describe(&started, Lang::Vi),
        "Bắt đầu reassign orders-1 sang broker-1, broker-3: thêm broker-3 để bắt kịp leader, rồi gỡ broker-4"
    );
    assert_eq!(
        describe(&started, Lang::En),
        "Reassigning orders-1 to broker-1, broker-3: adding broker-3 to catch up from the leader, then removing broker-4"
    );
    let reordered = at(K::ReassignmentCompleted {
        partition: orders1.clone(),
        replicas: vec![3, 1],
        removed: vec![],
    });
    assert_eq!(
        describe(&reordered, Lang::Vi),
        "Reassign orders-1 hoàn tất: replica của nó giờ là broker-3, broker-1"
    );
    let removed = at(K::BrokerRemoved { broker: 4 });
    assert_eq!(
        describe(&removed, Lang::Vi),
        "broker-4 đã được unregister và gỡ khỏi cụm Kafka"
    );
    let elected = at(K::LeaderElected {
        partition: orders1,
        leader: Some(3),
        leader_epoch: 4,
        isr: vec![1, 3],
        reason: ElectionReason::Reassignment,
    });
    assert!(
        describe(&elected, Lang::Vi)
            .contains("khi replica của leader cũ được reassign sang broker khác"),
        "{}",
        describe(&elected, Lang::Vi)
    );
    for h in [&started, &reordered, &removed] {
        assert_eq!(category(&h.kind), "cluster");
    }
}

#[test]
fn new_kinds_fall_in_their_categories() {
    use HappeningKind as K;
    let orders0 = tp("orders", 0);
    assert_eq!(
        category(&K::BrokerHeartbeat {
            broker: 2,
            controller: 1
        }),
        "heartbeat"
    );
    assert_eq!(category(&K::ZkSessionPing { broker: 2 }), "heartbeat");
    assert_eq!(category(&K::NetworkCut { broker: 2 }), "cluster");
    assert_eq!(category(&K::RequestDropped { flight: 3 }), "cluster");
    assert_eq!(category(&K::BrokerFenced { broker: 2 }), "cluster");
    assert_eq!(
        category(&K::ControllerModeChanged {
            mode: ControllerMode::ZooKeeper
        }),
        "cluster"
    );
    assert_eq!(
        category(&K::DataLost {
            partition: orders0.clone(),
            leader: None,
            from_offset: 0,
            to_offset: 1,
            records_lost: 1,
            acknowledged: 1,
            unclean: false,
        }),
        "replicate"
    );
    assert_eq!(
        category(&K::LogCompacted {
            partition: orders0.clone(),
            broker: 1,
            records_removed: 1
        }),
        "replicate"
    );
    assert_eq!(
        category(&K::DuplicateIgnored {
            producer: 1,
            broker: 1,
            partition: orders0,
            batch_id: 1,
            base_offset: 0,
        }),
        "produce"
    );
}
