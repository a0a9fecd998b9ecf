//! Happenings as sentences: one short line per model happening, in either language, for the
//! timeline list and the screen-reader live region.
//!
//! Pure text: no web-sys, no DOM. Kafka's own terms (Topic, Partition, Broker, offset,
//! leader, ISR, high watermark, rebalance, commit, batch, record...) stay in English in the
//! Vietnamese sentences, as the course's primer writes them. Names print the way Kafka's
//! tools print them: `broker-3`, `orders-2`, the member id, `consumer-<n>`, `producer-<n>`.
//!
//! The sentences live in one file per timeline category (`happenings/cluster.rs`,
//! `replicate.rs`, `produce.rs`, `consume.rs`, `group.rs`, `heartbeat.rs`, `service.rs`);
//! the pieces they share (names, counts, offsets, lists, keys and values) in
//! `happenings/phrases.rs`, and Kafka's errors in `happenings/kafka_error.rs`.
//!
//! The `match` in [`describe`] and [`category`] is exhaustive on purpose: a new
//! `HappeningKind` does not compile until it has a category and a sentence in both
//! languages.

mod cluster;
mod consume;
mod group;
mod heartbeat;
mod kafka_error;
mod phrases;
mod produce;
mod replicate;
mod service;

#[cfg(test)]
mod tests;

use crate::i18n::{Lang, Text};
use kafka_model::{Happening, HappeningKind};

pub use phrases::{bytes_text, MAX_BYTES_TEXT_CHARS};

/// The categories the timeline can be filtered by (heartbeats are never listed), each with
/// its label in the filter: Kafka's words, the same in both languages.
#[rustfmt::skip]
pub const FILTERS: [(&str, Text); 6] = [
    ("produce", Text { en: "produce", vi: "produce" }),
    ("replicate", Text { en: "replicate", vi: "replicate" }),
    ("consume", Text { en: "consume", vi: "consume" }),
    ("group", Text { en: "group", vi: "group" }),
    ("cluster", Text { en: "cluster", vi: "cluster" }),
    ("service", Text { en: "service", vi: "service" }),
];

/// A short category for filtering the timeline: "produce", "replicate", "consume",
/// "group", "cluster", "service" or "heartbeat".
pub fn category(kind: &HappeningKind) -> &'static str {
    use HappeningKind as K;
    match kind {
        K::BrokerAdded { .. }
        | K::BrokerDown { .. }
        | K::BrokerUp { .. }
        | K::BrokerRemoved { .. }
        | K::ReassignmentStarted { .. }
        | K::ReassignmentCompleted { .. }
        | K::ControllerChanged { .. }
        | K::TopicCreated { .. }
        | K::TopicDeleted { .. }
        | K::TopicConfigChanged { .. }
        | K::PartitionsAdded { .. }
        | K::LeaderElected { .. }
        | K::RecordsDeleted { .. }
        | K::LeaderFenced { .. }
        | K::BrokerFenced { .. }
        | K::BrokerUnfenced { .. }
        | K::ZkSessionExpired { .. }
        | K::ZkWrite { .. }
        | K::ControllerModeChanged { .. }
        | K::NetworkCut { .. }
        | K::NetworkHealed { .. }
        | K::LinkSlowed { .. }
        | K::RequestDropped { .. } => "cluster",
        K::IsrShrunk { .. }
        | K::IsrExpanded { .. }
        | K::LogTruncated { .. }
        | K::DataLost { .. }
        | K::DivergingEpoch { .. }
        | K::ReplicaTruncated { .. }
        | K::LogCompacted { .. }
        | K::ReplicaFetchSent { .. }
        | K::Replicated { .. }
        | K::HighWatermarkAdvanced { .. } => "replicate",
        K::ProducerCreated { .. }
        | K::ProducerRemoved { .. }
        | K::RecordQueued { .. }
        | K::ProduceSent { .. }
        | K::AppendedAtLeader { .. }
        | K::Acked { .. }
        | K::ProduceFailed { .. }
        | K::AutoProduceStopped { .. }
        | K::DuplicateWritten { .. }
        | K::DuplicateIgnored { .. } => "produce",
        K::ConsumerCreated { .. }
        | K::ConsumerRemoved { .. }
        | K::FetchSent { .. }
        | K::Fetched { .. }
        | K::Delivered { .. }
        | K::PositionReset { .. }
        | K::ConsumerError { .. }
        | K::CommitSent { .. }
        | K::OffsetCommitted { .. }
        | K::CommitFailed { .. } => "consume",
        K::GroupCreated { .. }
        | K::GroupDeleted { .. }
        | K::JoinGroupSent { .. }
        | K::MemberJoined { .. }
        | K::LeaveGroupSent { .. }
        | K::MemberLeft { .. }
        | K::MemberCrashed { .. }
        | K::MemberExpired { .. }
        | K::RebalanceStarted { .. }
        | K::RebalanceCompleted { .. }
        | K::AssignmentSent { .. }
        | K::PartitionsRevoked { .. }
        | K::PartitionsAssigned { .. } => "group",
        K::Heartbeat { .. } | K::BrokerHeartbeat { .. } | K::ZkSessionPing { .. } => "heartbeat",
        K::ServiceCreated { .. }
        | K::ServiceStopped { .. }
        | K::ServiceStarted { .. }
        | K::ServiceRemoved { .. }
        | K::ServiceHandled { .. }
        | K::RowWritten { .. }
        | K::EmailSent { .. } => "service",
    }
}

/// One sentence describing the happening, in `lang`.
pub fn describe(h: &Happening, lang: Lang) -> String {
    use HappeningKind as K;
    match &h.kind {
        // --- cluster
        K::BrokerAdded { broker } => cluster::broker_added(lang, *broker),
        K::BrokerDown { broker } => cluster::broker_down(lang, *broker),
        K::BrokerUp { broker } => cluster::broker_up(lang, *broker),
        K::BrokerRemoved { broker } => cluster::broker_removed(lang, *broker),
        K::ReassignmentStarted {
            partition,
            replicas,
            adding,
            removing,
        } => cluster::reassignment_started(lang, partition, replicas, adding, removing),
        K::ReassignmentCompleted {
            partition,
            replicas,
            removed,
        } => cluster::reassignment_completed(lang, partition, replicas, removed),
        K::ControllerChanged { controller } => cluster::controller_changed(lang, *controller),
        K::TopicCreated {
            topic,
            partitions,
            replication_factor,
        } => cluster::topic_created(lang, topic, *partitions, *replication_factor),
        K::TopicDeleted { topic } => cluster::topic_deleted(lang, topic),
        K::TopicConfigChanged { topic } => cluster::topic_config_changed(lang, topic),
        K::PartitionsAdded {
            topic,
            old_count,
            new_count,
        } => cluster::partitions_added(lang, topic, *old_count, *new_count),
        K::LeaderElected {
            partition,
            leader,
            leader_epoch,
            isr,
            reason,
        } => cluster::leader_elected(lang, partition, *leader, *leader_epoch, isr, *reason),
        K::RecordsDeleted {
            partition,
            log_start_offset,
            records_deleted,
        } => cluster::records_deleted(lang, partition, *log_start_offset, *records_deleted),
        K::LeaderFenced {
            partition,
            broker,
            leader_epoch,
        } => cluster::leader_fenced(lang, partition, *broker, *leader_epoch),
        K::BrokerFenced { broker } => cluster::broker_fenced(lang, *broker),
        K::BrokerUnfenced { broker } => cluster::broker_unfenced(lang, *broker),
        K::ZkSessionExpired { broker } => cluster::zk_session_expired(lang, *broker),
        K::ZkWrite { broker, path } => cluster::zk_write(lang, *broker, path),
        K::ControllerModeChanged { mode } => cluster::controller_mode_changed(lang, *mode),
        K::NetworkCut { broker } => cluster::network_cut(lang, *broker),
        K::NetworkHealed { broker } => cluster::network_healed(lang, *broker),
        K::LinkSlowed { a, b, extra_ms } => cluster::link_slowed(lang, a, b, *extra_ms),
        K::RequestDropped { flight } => cluster::request_dropped(lang, *flight),

        // --- replicate
        K::IsrShrunk {
            partition,
            broker,
            isr,
        } => replicate::isr_shrunk(lang, partition, *broker, isr),
        K::IsrExpanded {
            partition,
            broker,
            isr,
        } => replicate::isr_expanded(lang, partition, *broker, isr),
        K::LogTruncated {
            partition,
            log_end_offset,
            records_lost,
        } => replicate::log_truncated(lang, partition, *log_end_offset, *records_lost),
        K::DataLost {
            partition,
            leader,
            from_offset,
            to_offset,
            records_lost,
            acknowledged,
            unclean,
        } => replicate::data_lost(
            lang,
            partition,
            *leader,
            (*from_offset, *to_offset),
            *records_lost,
            *acknowledged,
            *unclean,
        ),
        K::DivergingEpoch {
            partition,
            leader,
            follower,
            epoch,
            end_offset,
        } => replicate::diverging_epoch(lang, partition, *leader, *follower, *epoch, *end_offset),
        K::ReplicaTruncated {
            partition,
            broker,
            log_end_offset,
            records_removed,
        } => replicate::replica_truncated(
            lang,
            partition,
            *broker,
            *log_end_offset,
            *records_removed,
        ),
        K::LogCompacted {
            partition,
            broker,
            records_removed,
        } => replicate::log_compacted(lang, partition, *broker, *records_removed),
        K::ReplicaFetchSent {
            partition,
            follower,
            leader,
            fetch_offset,
        } => replicate::replica_fetch_sent(lang, partition, *follower, *leader, *fetch_offset),
        K::Replicated {
            partition,
            leader,
            follower,
            from_offset,
            to_offset,
        } => replicate::replicated(
            lang,
            partition,
            *leader,
            *follower,
            *from_offset,
            *to_offset,
        ),
        K::HighWatermarkAdvanced {
            partition,
            broker,
            high_watermark,
        } => replicate::high_watermark_advanced(lang, partition, *broker, *high_watermark),

        // --- produce
        K::ProducerCreated { producer } => produce::producer_created(lang, *producer),
        K::ProducerRemoved { producer } => produce::producer_removed(lang, *producer),
        K::RecordQueued {
            producer,
            partition,
            batch_id,
            key,
            size_bytes,
        } => produce::record_queued(
            lang,
            *producer,
            partition,
            *batch_id,
            key.as_deref(),
            *size_bytes,
        ),
        K::ProduceSent {
            producer,
            broker,
            partition,
            batch_id,
            attempt,
            acks,
            records,
        } => produce::produce_sent(
            lang,
            (*producer, *batch_id),
            *broker,
            partition,
            *attempt,
            *acks,
            records.len(),
        ),
        K::AppendedAtLeader {
            producer,
            broker,
            partition,
            batch_id,
            base_offset,
            last_offset,
        } => produce::appended_at_leader(
            lang,
            *producer,
            *broker,
            partition,
            *batch_id,
            (*base_offset, *last_offset),
        ),
        K::Acked {
            producer,
            broker,
            partition,
            batch_id,
            base_offset,
            last_offset,
        } => produce::acked(
            lang,
            *producer,
            *broker,
            partition,
            *batch_id,
            (*base_offset, *last_offset),
        ),
        K::ProduceFailed {
            producer,
            broker: _,
            partition,
            batch_id,
            error,
            will_retry,
        } => produce::produce_failed(lang, *producer, partition, *batch_id, error, *will_retry),
        K::AutoProduceStopped { producer, topic } => {
            produce::auto_produce_stopped(lang, *producer, topic)
        }
        K::DuplicateWritten {
            producer,
            partition,
            batch_id,
            first_base_offset,
            base_offset,
            last_offset,
        } => produce::duplicate_written(
            lang,
            *producer,
            partition,
            *batch_id,
            *first_base_offset,
            (*base_offset, *last_offset),
        ),
        K::DuplicateIgnored {
            producer,
            broker,
            partition,
            batch_id,
            base_offset,
        } => {
            produce::duplicate_ignored(lang, *producer, *broker, partition, *batch_id, *base_offset)
        }

        // --- consume
        K::ConsumerCreated { consumer } => consume::consumer_created(lang, consumer),
        K::ConsumerRemoved { consumer } => consume::consumer_removed(lang, consumer),
        K::FetchSent {
            consumer,
            broker,
            partition,
            fetch_offset,
        } => consume::fetch_sent(lang, consumer, *broker, partition, *fetch_offset),
        K::Fetched {
            consumer,
            broker,
            partition,
            from_offset,
            to_offset,
        } => consume::fetched(lang, consumer, *broker, partition, *from_offset, *to_offset),
        K::Delivered {
            consumer,
            partition,
            offset,
            key,
            value,
        } => consume::delivered(
            lang,
            consumer,
            partition,
            *offset,
            key.as_deref(),
            value.as_deref(),
        ),
        K::PositionReset {
            consumer,
            partition,
            offset,
            policy,
        } => consume::position_reset(lang, consumer, partition, *offset, *policy),
        K::ConsumerError {
            consumer,
            partition,
            error,
        } => consume::consumer_error(lang, consumer, partition, error),
        K::CommitSent {
            group: _,
            member,
            broker,
            offsets,
        } => consume::commit_sent(lang, member, *broker, offsets),
        K::OffsetCommitted {
            group,
            member,
            broker: _,
            offsets,
        } => consume::offset_committed(lang, group, member.as_deref(), offsets),
        K::CommitFailed {
            group,
            member,
            broker,
        } => consume::commit_failed(lang, group, member, *broker),

        // --- group
        K::GroupCreated { group } => group::group_created(lang, group),
        K::GroupDeleted { group } => group::group_deleted(lang, group),
        K::JoinGroupSent {
            group,
            member,
            broker,
        } => group::join_group_sent(lang, group, member, *broker),
        K::MemberJoined { group, member } => group::member_joined(lang, group, member),
        K::LeaveGroupSent {
            group,
            member,
            broker,
        } => group::leave_group_sent(lang, group, member, *broker),
        K::MemberLeft { group, member } => group::member_left(lang, group, member),
        K::MemberCrashed { group, member } => group::member_crashed(lang, group, member),
        K::MemberExpired { group, member } => group::member_expired(lang, group, member),
        K::RebalanceStarted {
            group,
            reason,
            cooperative,
        } => group::rebalance_started(lang, group, reason, *cooperative),
        K::RebalanceCompleted {
            group,
            generation,
            assignment,
            revoked,
        } => group::rebalance_completed(lang, group, *generation, assignment, revoked),
        K::AssignmentSent {
            group: _,
            member,
            broker,
            generation,
            partitions,
        } => group::assignment_sent(lang, member, *broker, *generation, partitions),
        K::PartitionsRevoked {
            group: _,
            member,
            partitions,
        } => group::partitions_revoked(lang, member, partitions),
        K::PartitionsAssigned {
            group: _,
            member,
            generation,
            partitions,
            assignment,
        } => group::partitions_assigned(lang, member, *generation, partitions, assignment),

        // --- heartbeat
        K::Heartbeat {
            group: _,
            member,
            broker,
        } => heartbeat::heartbeat(lang, member, *broker),
        K::BrokerHeartbeat { broker, controller } => {
            heartbeat::broker_heartbeat(lang, *broker, *controller)
        }
        K::ZkSessionPing { broker } => heartbeat::zk_session_ping(lang, *broker),

        // --- service
        K::ServiceCreated { service } => service::service_created(lang, service),
        K::ServiceStopped { service } => service::service_stopped(lang, service),
        K::ServiceStarted { service } => service::service_started(lang, service),
        K::ServiceRemoved { service } => service::service_removed(lang, service),
        K::ServiceHandled {
            service,
            partition,
            offset,
            key,
            value: _,
        } => service::service_handled(lang, service, partition, *offset, key.as_deref()),
        K::RowWritten {
            service,
            table,
            key,
            value,
        } => service::row_written(lang, service, table, key, value),
        K::EmailSent {
            service,
            key,
            value,
        } => service::email_sent(lang, service, key, value),
    }
}
