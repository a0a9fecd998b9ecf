//! Happenings as sentences: one short line per model happening, in either language, for the
//! timeline list and the screen-reader live region.
//!
//! Pure text: no web-sys, no DOM. Kafka's own terms (Topic, Partition, Broker, offset,
//! leader, ISR, high watermark, rebalance, commit, batch, record...) stay in English in the
//! Vietnamese sentences, as the course's primer writes them. Names print the way Kafka's
//! tools print them: `broker-3`, `orders-2`, the member id, `consumer-<n>`, `producer-<n>`.
//!
//! The `match` in [`describe`] and [`category`] is exhaustive on purpose: a new
//! `HappeningKind` does not compile until it has a sentence in both languages.

use crate::i18n::Lang;
use kafka_model::{
    AutoOffsetReset, BrokerId, ConsumerRef, ControllerMode, ElectionReason, Endpoint, Happening,
    HappeningKind, KafkaError, ProducerId, RebalanceReason, TopicPartition,
};
use std::fmt;

#[cfg(test)]
mod tests;

/// How many characters of a key or value a sentence shows before cutting it with "…".
pub const MAX_BYTES_TEXT_CHARS: usize = 24;

/// How many items of a list (partitions, committed offsets) a sentence names before
/// summing up the rest as "and 3 more".
const MAX_LIST_ITEMS: usize = 4;

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
        // --- cluster and topics
        K::BrokerAdded { broker } => {
            let broker = Broker(*broker);
            tr!(lang, en: "{broker} joined the cluster", vi: "{broker} được thêm vào cụm Kafka")
        }
        K::BrokerDown { broker } => {
            let broker = Broker(*broker);
            tr!(lang, en: "{broker} went down", vi: "{broker} ngừng hoạt động")
        }
        K::BrokerUp { broker } => {
            let broker = Broker(*broker);
            tr!(lang, en: "{broker} is back up", vi: "{broker} hoạt động trở lại")
        }
        K::BrokerRemoved { broker } => {
            let broker = Broker(*broker);
            tr!(
                lang,
                en: "{broker} was unregistered and removed from the cluster",
                vi: "{broker} đã được unregister và gỡ khỏi cụm Kafka",
            )
        }
        K::ReassignmentStarted { partition, replicas, adding, removing } => {
            let (replicas, adding) = (broker_list(lang, replicas), broker_list(lang, adding));
            let removing = broker_list(lang, removing);
            tr!(
                lang,
                en: "Reassigning {partition} to {replicas}: adding {adding} to catch up from the leader, then removing {removing}",
                vi: "Bắt đầu reassign {partition} sang {replicas}: thêm {adding} để bắt kịp leader, rồi gỡ {removing}",
            )
        }
        K::ReassignmentCompleted { partition, replicas, removed } => {
            let replicas = broker_list(lang, replicas);
            if removed.is_empty() {
                tr!(
                    lang,
                    en: "Reassignment of {partition} done: its replicas are now {replicas}",
                    vi: "Reassign {partition} hoàn tất: replica của nó giờ là {replicas}",
                )
            } else {
                let removed = broker_list(lang, removed);
                tr!(
                    lang,
                    en: "Reassignment of {partition} done: its replicas are now {replicas}; the copies on {removed} are deleted",
                    vi: "Reassign {partition} hoàn tất: replica của nó giờ là {replicas}; bản sao trên {removed} đã bị xoá",
                )
            }
        }
        K::ControllerChanged { controller: Some(controller) } => {
            let controller = Broker(*controller);
            tr!(lang, en: "{controller} is now the active controller", vi: "{controller} trở thành controller của cụm")
        }
        K::ControllerChanged { controller: None } => tr!(
            lang,
            en: "No active controller: every broker is down",
            vi: "Không còn controller: mọi Broker đều ngừng hoạt động",
        ),
        K::TopicCreated { topic, partitions, replication_factor } => {
            let partitions = count(lang, u64::from(*partitions), "partition", "partitions");
            tr!(
                lang,
                en: "Topic {topic} created with {partitions}, replication factor {replication_factor}",
                vi: "Topic {topic} được tạo với {partitions}, replication factor {replication_factor}",
            )
        }
        K::TopicDeleted { topic } => tr!(lang, en: "Topic {topic} deleted", vi: "Topic {topic} đã bị xoá"),
        K::TopicConfigChanged { topic } => {
            tr!(lang, en: "Topic {topic} configuration changed", vi: "Cấu hình của Topic {topic} đã thay đổi")
        }
        K::PartitionsAdded { topic, old_count, new_count } => tr!(
            lang,
            en: "Topic {topic} grew from {old_count} to {new_count} partitions",
            vi: "Topic {topic} tăng từ {old_count} lên {new_count} partition",
        ),
        K::LeaderElected { partition, leader, leader_epoch, isr, reason } => {
            let isr = broker_list(lang, isr);
            let reason = election_reason(lang, *reason);
            match leader {
                Some(leader) => {
                    let leader = Broker(*leader);
                    tr!(
                        lang,
                        en: "{leader} became leader of {partition} {reason} (leader epoch {leader_epoch}, ISR: {isr})",
                        vi: "{leader} trở thành leader của {partition} {reason} (leader epoch {leader_epoch}, ISR: {isr})",
                    )
                }
                None => tr!(
                    lang,
                    en: "{partition} has no leader {reason}: no in-sync replica is up (ISR: {isr})",
                    vi: "{partition} không có leader {reason}: không replica nào trong ISR đang hoạt động (ISR: {isr})",
                ),
            }
        }
        K::IsrShrunk { partition, broker, isr } => {
            let (broker, isr) = (Broker(*broker), broker_list(lang, isr));
            tr!(
                lang,
                en: "{broker} fell behind and left the ISR of {partition} (ISR now: {isr})",
                vi: "{broker} theo không kịp leader nên bị loại khỏi ISR của {partition} (ISR còn: {isr})",
            )
        }
        K::IsrExpanded { partition, broker, isr } => {
            let (broker, isr) = (Broker(*broker), broker_list(lang, isr));
            tr!(
                lang,
                en: "{broker} caught up and joined the ISR of {partition} (ISR now: {isr})",
                vi: "{broker} đã bắt kịp leader và được thêm vào ISR của {partition} (ISR giờ là: {isr})",
            )
        }
        K::LogTruncated { partition, log_end_offset, records_lost } => {
            let lost = count(lang, *records_lost, "record", "records");
            tr!(
                lang,
                en: "{partition} cut back to the new leader's log end, offset {log_end_offset}: {lost} lost",
                vi: "Log của {partition} bị cắt về log end của leader mới, offset {log_end_offset}: mất {lost}",
            )
        }
        K::RecordsDeleted { partition, log_start_offset, records_deleted } => {
            let deleted = match lang {
                Lang::En => count(lang, *records_deleted, "old record", "old records"),
                Lang::Vi => format!("{records_deleted} record"),
            };
            tr!(
                lang,
                en: "Retention deleted {deleted} from {partition}; the log now starts at offset {log_start_offset}",
                vi: "Retention đã xoá {deleted} cũ khỏi {partition}; log giờ bắt đầu từ offset {log_start_offset}",
            )
        }

        K::DataLost { partition, leader, from_offset, to_offset, records_lost, acknowledged, unclean } => {
            let offsets = offsets_until(lang, *from_offset, *to_offset);
            let gone = match lang {
                Lang::En if acknowledged == records_lost && *acknowledged == 1 => {
                    "1 acknowledged record is gone".to_string()
                }
                Lang::En if acknowledged == records_lost => format!("{acknowledged} acknowledged records are gone"),
                Lang::En => {
                    let lost = count(lang, *records_lost, "record", "records");
                    format!("{lost} gone, {acknowledged} of them acknowledged")
                }
                Lang::Vi if acknowledged == records_lost => {
                    format!("{acknowledged} record đã được xác nhận (ack) bị mất")
                }
                Lang::Vi => format!("mất {records_lost} record, trong đó {acknowledged} record đã được xác nhận (ack)"),
            };
            let unclean = match (lang, unclean) {
                (_, false) => "",
                (Lang::En, true) => " (unclean leader election)",
                (Lang::Vi, true) => " (do unclean leader election)",
            };
            match leader {
                Some(leader) => {
                    let leader = Broker(*leader);
                    tr!(
                        lang,
                        en: "Data lost: {leader} became leader of {partition} without {offsets}; {gone}{unclean}",
                        vi: "Mất dữ liệu: {leader} trở thành leader của {partition} nhưng thiếu {offsets}, nên {gone}{unclean}",
                    )
                }
                None => tr!(
                    lang,
                    en: "Data lost: {partition} no longer has {offsets}; {gone}{unclean}",
                    vi: "Mất dữ liệu: {partition} không còn {offsets}, nên {gone}{unclean}",
                ),
            }
        }
        K::DivergingEpoch { partition, leader, follower, epoch, end_offset } => {
            let (leader, follower) = (Broker(*leader), Broker(*follower));
            tr!(
                lang,
                en: "Leader {leader} tells follower {follower} its log of {partition} diverged: leader epoch {epoch} ends at offset {end_offset}, cut back there",
                vi: "Leader {leader} báo follower {follower} rằng log {partition} của nó đã rẽ nhánh: leader epoch {epoch} kết thúc ở offset {end_offset}, hãy cắt log về đó",
            )
        }
        K::ReplicaTruncated { partition, broker, log_end_offset, records_removed } => {
            let broker = Broker(*broker);
            let removed = match (lang, records_removed) {
                (Lang::En, 0) => "nothing removed".to_string(),
                (Lang::Vi, 0) => "không record nào bị bỏ".to_string(),
                (Lang::En, n) => format!("{} removed", count(lang, *n, "record", "records")),
                (Lang::Vi, n) => format!("bỏ {n} record"),
            };
            tr!(
                lang,
                en: "{broker} cut its copy of {partition} back to offset {log_end_offset} to match the leader: {removed}",
                vi: "{broker} cắt bản sao {partition} của mình về offset {log_end_offset} cho khớp với leader: {removed}",
            )
        }
        K::LeaderFenced { partition, broker, leader_epoch } => {
            let broker = Broker(*broker);
            tr!(
                lang,
                en: "{broker} learns it no longer leads {partition}: a new leader took over at leader epoch {leader_epoch}, so the old one is fenced",
                vi: "{broker} phát hiện mình không còn là leader của {partition}: leader mới đã lên ở leader epoch {leader_epoch}, leader cũ bị fence",
            )
        }
        K::LogCompacted { partition, broker, records_removed } => {
            let broker = Broker(*broker);
            let removed = match lang {
                Lang::En => count(lang, *records_removed, "old record", "old records"),
                Lang::Vi => format!("{records_removed} record cũ"),
            };
            tr!(
                lang,
                en: "Log compaction removed {removed} from {partition} on {broker}: a newer record with the same key replaces each",
                vi: "Log compaction xoá {removed} khỏi {partition} trên {broker}: đã có record mới hơn cùng key thay thế chúng",
            )
        }

        // --- controller and network
        K::BrokerHeartbeat { broker, controller } => {
            let (broker, controller) = (Broker(*broker), Broker(*controller));
            tr!(
                lang,
                en: "{broker} sends a heartbeat to controller {controller}",
                vi: "{broker} gửi heartbeat tới controller {controller}",
            )
        }
        K::BrokerFenced { broker } => {
            let broker = Broker(*broker);
            tr!(
                lang,
                en: "The controller fenced {broker}: no heartbeat within the session timeout, so it leaves every ISR and leads nothing",
                vi: "Controller đã fence {broker}: không nhận được heartbeat trong session timeout, nên nó bị loại khỏi mọi ISR và không còn làm leader",
            )
        }
        K::BrokerUnfenced { broker } => {
            let broker = Broker(*broker);
            tr!(
                lang,
                en: "The controller unfenced {broker}: it is heard from again and can rejoin ISRs and lead",
                vi: "Controller bỏ fence cho {broker}: broker liên lạc lại được, có thể vào lại ISR và làm leader",
            )
        }
        K::ZkSessionPing { broker } => {
            let broker = Broker(*broker);
            tr!(
                lang,
                en: "{broker} pings ZooKeeper to keep its session alive",
                vi: "{broker} gửi ping tới ZooKeeper để giữ session",
            )
        }
        K::ZkSessionExpired { broker: id } => {
            let broker = Broker(*id);
            tr!(
                lang,
                en: "ZooKeeper expired the session of {broker}: znode /brokers/ids/{id} is gone, so the controller treats it as dead",
                vi: "Session ZooKeeper của {broker} hết hạn: znode /brokers/ids/{id} bị xoá, controller coi như broker này đã ngừng hoạt động",
            )
        }
        K::ZkWrite { broker, path } => {
            let broker = Broker(*broker);
            tr!(lang, en: "{broker} writes znode {path} in ZooKeeper", vi: "{broker} ghi znode {path} vào ZooKeeper")
        }
        K::ControllerModeChanged { mode: ControllerMode::Kraft } => tr!(
            lang,
            en: "The cluster now runs in KRaft mode: a Raft quorum of controllers keeps the metadata log",
            vi: "Cụm Kafka chuyển sang chế độ KRaft: nhóm controller dùng Raft để giữ metadata log",
        ),
        K::ControllerModeChanged { mode: ControllerMode::ZooKeeper } => tr!(
            lang,
            en: "The cluster now runs in ZooKeeper mode: broker sessions and the controller election live in ZooKeeper",
            vi: "Cụm Kafka chuyển sang chế độ ZooKeeper: session của các Broker và việc bầu controller nằm ở ZooKeeper",
        ),
        K::NetworkCut { broker } => {
            let broker = Broker(*broker);
            tr!(
                lang,
                en: "{broker} is cut off from the network: it still runs, but nothing reaches it or leaves it",
                vi: "{broker} bị cắt khỏi mạng: vẫn chạy nhưng không gửi hay nhận được gì",
            )
        }
        K::NetworkHealed { broker } => {
            let broker = Broker(*broker);
            tr!(
                lang,
                en: "{broker} is reachable again: its network is healed",
                vi: "{broker} đã kết nối mạng trở lại",
            )
        }
        K::LinkSlowed { a, b, extra_ms } => {
            let (a, b) = (Place(a), Place(b));
            if *extra_ms == 0 {
                tr!(
                    lang,
                    en: "The link between {a} and {b} is back to normal speed",
                    vi: "Đường truyền giữa {a} và {b} trở lại tốc độ bình thường",
                )
            } else {
                tr!(
                    lang,
                    en: "The link between {a} and {b} is slowed by {extra_ms} ms each way",
                    vi: "Đường truyền giữa {a} và {b} chậm thêm {extra_ms} ms mỗi chiều",
                )
            }
        }
        K::RequestDropped { flight } => tr!(
            lang,
            en: "Message #{flight} was lost in the network and will never arrive; the sender only finds out by timeout",
            vi: "Gói tin #{flight} bị mất trên mạng, sẽ không bao giờ tới nơi; bên gửi chỉ biết khi hết timeout",
        ),

        // --- producing
        K::ProducerCreated { producer } => {
            let producer = Producer(*producer);
            tr!(lang, en: "{producer} created", vi: "{producer} được tạo")
        }
        K::ProducerRemoved { producer } => {
            let producer = Producer(*producer);
            tr!(lang, en: "{producer} removed", vi: "{producer} đã bị xoá")
        }
        K::RecordQueued { producer, partition, batch_id, key, size_bytes } => {
            let (producer, key) = (Producer(*producer), bytes_text(key.as_deref()));
            let size = count(lang, u64::from(*size_bytes), "byte", "bytes");
            tr!(
                lang,
                en: "{producer} put a record (key {key}, {size}) in batch {batch_id} for {partition}",
                vi: "{producer} đưa một record (key {key}, {size}) vào batch {batch_id} cho {partition}",
            )
        }
        K::ProduceSent { producer, broker, partition, batch_id, attempt, acks, records } => {
            let (producer, broker, acks) = (Producer(*producer), Broker(*broker), acks.kafka_name());
            let records = count(lang, records.len() as u64, "record", "records");
            let attempt = if *attempt > 1 {
                tr!(lang, en: ", attempt {attempt}", vi: ", lần thử thứ {attempt}")
            } else {
                String::new()
            };
            tr!(
                lang,
                en: "{producer} sent batch {batch_id} for {partition} ({records}, acks={acks}{attempt}) to {broker}",
                vi: "{producer} gửi batch {batch_id} của {partition} ({records}, acks={acks}{attempt}) tới {broker}",
            )
        }
        K::AppendedAtLeader { producer, broker, partition, batch_id, base_offset, last_offset } => {
            let (producer, broker) = (Producer(*producer), Broker(*broker));
            let offsets = offsets_inclusive(lang, *base_offset, *last_offset);
            tr!(
                lang,
                en: "Leader {broker} wrote batch {batch_id} of {producer} to {partition} at {offsets}",
                vi: "Leader {broker} ghi batch {batch_id} của {producer} vào {partition} tại {offsets}",
            )
        }
        K::ReplicaFetchSent { partition, follower, leader, fetch_offset } => {
            let (follower, leader) = (Broker(*follower), Broker(*leader));
            tr!(
                lang,
                en: "Follower {follower} asks leader {leader} for {partition} from offset {fetch_offset}",
                vi: "Follower {follower} gửi fetch tới leader {leader} để lấy {partition} từ offset {fetch_offset}",
            )
        }
        K::Replicated { partition, leader, follower, from_offset, to_offset } => {
            let (leader, follower) = (Broker(*leader), Broker(*follower));
            let offsets = offsets_until(lang, *from_offset, *to_offset);
            tr!(
                lang,
                en: "Leader {leader} copied {offsets} of {partition} to follower {follower}",
                vi: "Leader {leader} gửi {offsets} của {partition} cho follower {follower}",
            )
        }
        K::HighWatermarkAdvanced { partition, broker, high_watermark } => {
            let broker = Broker(*broker);
            tr!(
                lang,
                en: "High watermark of {partition} rose to {high_watermark} on {broker}: consumers can read offsets below it",
                vi: "High watermark của {partition} trên {broker} tăng lên {high_watermark}: consumer đọc được các offset nhỏ hơn",
            )
        }
        K::Acked { producer, broker, partition, batch_id, base_offset, last_offset } => {
            let (producer, broker) = (Producer(*producer), Broker(*broker));
            let offsets = offsets_inclusive(lang, *base_offset, *last_offset);
            tr!(
                lang,
                en: "{broker} acknowledged batch {batch_id} to {producer}: {partition} {offsets}",
                vi: "{broker} xác nhận (ack) batch {batch_id} cho {producer}: {partition} {offsets}",
            )
        }
        K::ProduceFailed { producer, broker: _, partition, batch_id, error, will_retry } => {
            let producer = Producer(*producer);
            let error = kafka_error(lang, error);
            let next = match (lang, will_retry) {
                (Lang::En, true) => "will retry",
                (Lang::En, false) => "given up, the records are lost",
                (Lang::Vi, true) => "sẽ thử lại",
                (Lang::Vi, false) => "không thử lại nữa, các record bị mất",
            };
            tr!(
                lang,
                en: "{producer} could not write batch {batch_id} to {partition}: {error}; {next}",
                vi: "{producer} không ghi được batch {batch_id} vào {partition}: {error}; {next}",
            )
        }
        K::AutoProduceStopped { producer, topic } => {
            let producer = Producer(*producer);
            tr!(
                lang,
                en: "{producer} stopped producing automatically: Topic {topic} no longer exists",
                vi: "{producer} ngừng tự động gửi: Topic {topic} không còn tồn tại",
            )
        }

        K::DuplicateWritten { producer, partition, batch_id, first_base_offset, base_offset, last_offset } => {
            let producer = Producer(*producer);
            let first_last = first_base_offset + last_offset.saturating_sub(*base_offset);
            let first = offsets_inclusive(lang, *first_base_offset, first_last);
            let again = offsets_inclusive(lang, *base_offset, *last_offset);
            tr!(
                lang,
                en: "Duplicate: {producer} retried batch {batch_id} without idempotence, so {partition} holds it twice, at {first} and again at {again}",
                vi: "Bị ghi trùng: {producer} gửi lại batch {batch_id} khi không bật idempotence, nên {partition} chứa batch này hai lần, ở {first} và lại ở {again}",
            )
        }
        K::DuplicateIgnored { producer, broker, partition, batch_id, base_offset } => {
            let (producer, broker) = (Producer(*producer), Broker(*broker));
            tr!(
                lang,
                en: "{broker} recognised batch {batch_id} of {producer} as a retry (producer id + sequence) and did not write it again: it is in {partition} at offset {base_offset}",
                vi: "{broker} nhận ra batch {batch_id} của {producer} là bản gửi lại (nhờ producer id + sequence) nên không ghi lần nữa: batch đã nằm trong {partition} từ offset {base_offset}",
            )
        }

        // --- consuming
        K::ConsumerCreated { consumer } => match consumer {
            ConsumerRef::Member { group, member } => {
                tr!(lang, en: "Consumer {member} started in group {group}", vi: "Consumer {member} đã khởi động trong group {group}")
            }
            ConsumerRef::Standalone(_) => {
                let consumer = Consumer(consumer);
                tr!(lang, en: "Standalone consumer {consumer} started", vi: "Consumer độc lập {consumer} đã khởi động")
            }
        },
        K::ConsumerRemoved { consumer } => match consumer {
            ConsumerRef::Member { group, member } => {
                tr!(lang, en: "Consumer {member} of group {group} removed", vi: "Consumer {member} của group {group} đã bị xoá")
            }
            ConsumerRef::Standalone(_) => {
                let consumer = Consumer(consumer);
                tr!(lang, en: "Standalone consumer {consumer} removed", vi: "Consumer độc lập {consumer} đã bị xoá")
            }
        },
        K::FetchSent { consumer, broker, partition, fetch_offset } => {
            let (consumer, broker) = (Consumer(consumer), Broker(*broker));
            tr!(
                lang,
                en: "{consumer} sends a fetch to {broker} to read {partition} from offset {fetch_offset}",
                vi: "{consumer} gửi fetch tới {broker} để đọc {partition} từ offset {fetch_offset}",
            )
        }
        K::Fetched { consumer, broker, partition, from_offset, to_offset } => {
            let (consumer, broker) = (Consumer(consumer), Broker(*broker));
            let offsets = offsets_until(lang, *from_offset, *to_offset);
            tr!(
                lang,
                en: "{broker} returned {offsets} of {partition} to {consumer}",
                vi: "{broker} trả {offsets} của {partition} cho {consumer}",
            )
        }
        K::Delivered { consumer, partition, offset, key, value } => {
            let consumer = Consumer(consumer);
            let key = bytes_text(key.as_deref());
            // A null value is Kafka's tombstone: say so, it is what a learner should notice.
            let value = match value {
                Some(value) => bytes_text(Some(value)),
                None => "null (tombstone)".to_string(),
            };
            tr!(
                lang,
                en: "{consumer} received offset {offset} of {partition}: key {key}, value {value}",
                vi: "{consumer} nhận được offset {offset} của {partition}: key {key}, value {value}",
            )
        }
        K::PositionReset { consumer, partition, offset, policy } => {
            let consumer = Consumer(consumer);
            match policy {
                Some(policy) => {
                    let policy = offset_reset_name(*policy);
                    tr!(
                        lang,
                        en: "{consumer} starts reading {partition} at offset {offset} (auto.offset.reset={policy})",
                        vi: "{consumer} bắt đầu đọc {partition} từ offset {offset} (auto.offset.reset={policy})",
                    )
                }
                None => tr!(
                    lang,
                    en: "{consumer} moves its position on {partition} to offset {offset} (seek)",
                    vi: "{consumer} chuyển vị trí đọc {partition} tới offset {offset} (seek)",
                ),
            }
        }
        K::ConsumerError { consumer, partition, error } => {
            let (consumer, error) = (Consumer(consumer), kafka_error(lang, error));
            tr!(lang, en: "{consumer} cannot read {partition}: {error}", vi: "{consumer} không đọc được {partition}: {error}")
        }
        K::CommitSent { group: _, member, broker, offsets } => {
            let (broker, offsets) = (Broker(*broker), offset_list(lang, offsets));
            tr!(
                lang,
                en: "{member} commits to coordinator {broker}: {offsets}",
                vi: "{member} gửi commit tới coordinator {broker}: {offsets}",
            )
        }
        K::OffsetCommitted { group, member, broker: _, offsets } => {
            let offsets = offset_list(lang, offsets);
            match member {
                Some(member) => tr!(
                    lang,
                    en: "Group {group} saved the commit of {member}: {offsets}",
                    vi: "Group {group} đã lưu commit của {member}: {offsets}",
                ),
                None => tr!(
                    lang,
                    en: "Offsets of group {group} reset by an admin: {offsets}",
                    vi: "Offset của group {group} được admin đặt lại: {offsets}",
                ),
            }
        }
        K::CommitFailed { group, member, broker } => {
            let broker = Broker(*broker);
            tr!(
                lang,
                en: "{broker} refused the commit of {member}: it comes from an older generation of group {group} (CommitFailedException)",
                vi: "{broker} từ chối commit của {member}: commit thuộc generation cũ của group {group} (CommitFailedException)",
            )
        }

        // --- groups
        K::GroupCreated { group } => tr!(lang, en: "Consumer Group {group} created", vi: "Consumer Group {group} được tạo"),
        K::GroupDeleted { group } => {
            tr!(lang, en: "Consumer Group {group} deleted", vi: "Consumer Group {group} đã bị xoá")
        }
        K::JoinGroupSent { group, member, broker } => {
            let broker = Broker(*broker);
            tr!(
                lang,
                en: "{member} sends JoinGroup for group {group} to coordinator {broker}",
                vi: "{member} gửi JoinGroup của group {group} tới coordinator {broker}",
            )
        }
        K::MemberJoined { group, member } => {
            tr!(lang, en: "{member} joined group {group}", vi: "{member} đã tham gia group {group}")
        }
        K::LeaveGroupSent { group, member, broker } => {
            let broker = Broker(*broker);
            tr!(
                lang,
                en: "{member} sends LeaveGroup for group {group} to coordinator {broker}",
                vi: "{member} gửi LeaveGroup của group {group} tới coordinator {broker}",
            )
        }
        K::MemberLeft { group, member } => tr!(lang, en: "{member} left group {group}", vi: "{member} đã rời group {group}"),
        K::MemberCrashed { group, member } => tr!(
            lang,
            en: "{member} of group {group} crashed; the coordinator will notice only after session.timeout.ms",
            vi: "{member} của group {group} bị crash; coordinator chỉ phát hiện sau session.timeout.ms",
        ),
        K::MemberExpired { group, member } => tr!(
            lang,
            en: "{member} sent no heartbeat for session.timeout.ms and was removed from group {group}",
            vi: "{member} không gửi heartbeat trong session.timeout.ms nên bị loại khỏi group {group}",
        ),
        K::Heartbeat { group: _, member, broker } => {
            let broker = Broker(*broker);
            tr!(lang, en: "{member} sends a heartbeat to coordinator {broker}", vi: "{member} gửi heartbeat tới coordinator {broker}")
        }
        K::RebalanceStarted { group, reason, cooperative } => {
            let protocol = if *cooperative { "cooperative" } else { "eager" };
            let reason = rebalance_reason(lang, reason);
            tr!(
                lang,
                en: "Group {group} starts a rebalance ({protocol}): {reason}",
                vi: "Group {group} bắt đầu rebalance ({protocol}): {reason}",
            )
        }
        K::RebalanceCompleted { group, generation, assignment, revoked } => {
            let owned: usize = assignment.values().map(Vec::len).sum();
            let partitions = count(lang, owned as u64, "partition", "partitions");
            let members = count(lang, assignment.len() as u64, "consumer", "consumers");
            let revoked = if revoked.is_empty() {
                String::new()
            } else {
                let n = count(lang, revoked.len() as u64, "partition", "partitions");
                tr!(lang, en: ", {n} revoked", vi: ", {n} bị thu hồi")
            };
            tr!(
                lang,
                en: "Group {group} completed its rebalance, generation {generation}: {partitions} shared by {members}{revoked}",
                vi: "Group {group} hoàn tất rebalance, generation {generation}: {partitions} chia cho {members}{revoked}",
            )
        }
        K::AssignmentSent { group: _, member, broker, generation, partitions } => {
            let (broker, partitions) = (Broker(*broker), partition_list(lang, partitions));
            tr!(
                lang,
                en: "Coordinator {broker} sends {member} its assignment for generation {generation}: {partitions}",
                vi: "Coordinator {broker} gửi cho {member} các partition được giao ở generation {generation}: {partitions}",
            )
        }
        K::PartitionsRevoked { group: _, member, partitions } => {
            let partitions = partition_list(lang, partitions);
            tr!(lang, en: "{member} gives up {partitions} (revoked)", vi: "{member} bị thu hồi (revoke) {partitions}")
        }
        K::PartitionsAssigned { group: _, member, generation, partitions, assignment } => {
            let owned = partition_list(lang, assignment);
            if partitions.is_empty() {
                tr!(
                    lang,
                    en: "{member} gets no new partition in generation {generation} (owns: {owned})",
                    vi: "{member} không được giao thêm partition nào ở generation {generation} (đang giữ: {owned})",
                )
            } else {
                let added = partition_list(lang, partitions);
                tr!(
                    lang,
                    en: "{member} is assigned {added} in generation {generation} (owns: {owned})",
                    vi: "{member} được giao {added} ở generation {generation} (đang giữ: {owned})",
                )
            }
        }

        // --- services
        K::ServiceCreated { service } => tr!(
            lang,
            en: "Service {service} deployed: it consumes as Consumer Group {service}",
            vi: "Service {service} được triển khai: nó consume với Consumer Group {service}",
        ),
        K::ServiceStopped { service } => tr!(
            lang,
            en: "Service {service} stopped: its consumer crashed; records it has not handled wait in Kafka",
            vi: "Service {service} đã dừng: consumer của nó bị crash; các record chưa xử lý vẫn chờ trong Kafka",
        ),
        K::ServiceStarted { service } => tr!(
            lang,
            en: "Service {service} is back: a new consumer joins group {service} and resumes from the committed offset",
            vi: "Service {service} chạy lại: một consumer mới tham gia group {service} và đọc tiếp từ offset đã commit",
        ),
        K::ServiceRemoved { service } => {
            tr!(lang, en: "Service {service} removed", vi: "Service {service} đã bị gỡ bỏ")
        }
        K::ServiceHandled { service, partition, offset, key, value: _ } => {
            let key = bytes_text(key.as_deref());
            tr!(
                lang,
                en: "Service {service} handled {partition} offset {offset} (key {key})",
                vi: "Service {service} đã xử lý {partition} offset {offset} (key {key})",
            )
        }
        K::RowWritten { service, table, key, value } => {
            let (key, value) = (bytes_text(Some(key.as_bytes())), bytes_text(Some(value.as_bytes())));
            tr!(
                lang,
                en: "Service {service} wrote row {key} = {value} to database table {table}",
                vi: "Service {service} ghi dòng {key} = {value} vào bảng {table} của database",
            )
        }
        K::EmailSent { service, key, value } => {
            let (key, value) = (bytes_text(Some(key.as_bytes())), bytes_text(Some(value.as_bytes())));
            tr!(
                lang,
                en: "Service {service} sent an e-mail for {key}: {value}",
                vi: "Service {service} đã gửi e-mail cho {key}: {value}",
            )
        }
    }
}

/// Why a partition got its leader, as a clause that follows the partition name.
fn election_reason(lang: Lang, reason: ElectionReason) -> &'static str {
    match (lang, reason) {
        (Lang::En, ElectionReason::Initial) => "as it was created",
        (Lang::En, ElectionReason::LeaderDown) => "after the old leader went down",
        (Lang::En, ElectionReason::ReplicaReturned) => "as an in-sync replica came back",
        (Lang::En, ElectionReason::Preferred) => "as leadership returned to the preferred replica",
        (Lang::En, ElectionReason::Unclean) => "by an unclean election, though it was out of sync",
        (Lang::En, ElectionReason::Reassignment) => {
            "as the old leader's replica was reassigned away"
        }
        (Lang::Vi, ElectionReason::Initial) => "khi vừa được tạo",
        (Lang::Vi, ElectionReason::LeaderDown) => "sau khi leader cũ ngừng hoạt động",
        (Lang::Vi, ElectionReason::ReplicaReturned) => {
            "khi một replica trong ISR hoạt động trở lại"
        }
        (Lang::Vi, ElectionReason::Preferred) => "khi quyền leader trở về preferred replica",
        (Lang::Vi, ElectionReason::Unclean) => "qua unclean leader election dù không nằm trong ISR",
        (Lang::Vi, ElectionReason::Reassignment) => {
            "khi replica của leader cũ được reassign sang broker khác"
        }
    }
}

fn rebalance_reason(lang: Lang, reason: &RebalanceReason) -> String {
    use RebalanceReason as R;
    match reason {
        R::MemberJoined { member } => tr!(lang, en: "{member} joined", vi: "{member} tham gia group"),
        R::MemberLeft { member } => tr!(lang, en: "{member} left", vi: "{member} rời group"),
        R::MemberExpired { member } => {
            tr!(
                lang,
                en: "{member} was expelled after session.timeout.ms",
                vi: "{member} bị loại vì quá session.timeout.ms"
            )
        }
        R::SubscriptionChanged { member } => {
            tr!(
                lang,
                en: "{member} changed its subscription",
                vi: "{member} thay đổi các Topic đã subscribe"
            )
        }
        R::MetadataChanged { topic } => tr!(
            lang,
            en: "Topic {topic} was created, deleted or got more partitions",
            vi: "Topic {topic} vừa được tạo, bị xoá hoặc có thêm partition",
        ),
        R::CooperativeFollowUp { member } => tr!(
            lang,
            en: "{member} gave up partitions and rejoins so they can be handed over",
            vi: "{member} đã nhả partition và tham gia lại để chúng được giao cho consumer khác",
        ),
    }
}

/// A Kafka error as "what went wrong (ERROR_CODE)". The partition is left out: every
/// sentence that carries an error already names it.
fn kafka_error(lang: Lang, error: &KafkaError) -> String {
    use KafkaError as E;
    let code = error.code();
    let reason = match error {
        E::NotLeaderOrFollower {
            partition: _,
            broker,
        } => {
            let broker = Broker(*broker);
            tr!(
                lang,
                en: "{broker} is not its leader",
                vi: "{broker} không phải là leader"
            )
        }
        E::LeaderNotAvailable { partition: _ } => {
            tr!(lang, en: "there is no leader right now", vi: "hiện chưa có leader")
        }
        E::BrokerNotAvailable { broker } => {
            let broker = Broker(*broker);
            tr!(
                lang,
                en: "{broker} is down and did not answer",
                vi: "{broker} ngừng hoạt động, không phản hồi"
            )
        }
        E::NotEnoughReplicas {
            partition: _,
            isr,
            min_insync_replicas,
        } => tr!(
            lang,
            en: "only {isr} in the ISR, fewer than min.insync.replicas={min_insync_replicas}",
            vi: "ISR chỉ còn {isr}, ít hơn min.insync.replicas={min_insync_replicas}",
        ),
        E::UnknownTopicOrPartition { partition: _ } => {
            tr!(lang, en: "it no longer exists", vi: "partition không còn tồn tại")
        }
        E::DeliveryTimeout { partition: _ } => {
            tr!(
                lang,
                en: "delivery.timeout.ms has passed",
                vi: "đã quá delivery.timeout.ms"
            )
        }
        E::OffsetOutOfRange {
            partition: _,
            offset,
        } => tr!(
            lang,
            en: "offset {offset} is outside the log",
            vi: "offset {offset} nằm ngoài log",
        ),
        E::NoOffsetForPartition { partition: _ } => tr!(
            lang,
            en: "no committed offset and auto.offset.reset=none",
            vi: "chưa có offset đã commit và auto.offset.reset=none",
        ),
        E::RequestTimedOut { partition: _ } => tr!(
            lang,
            en: "no answer within request.timeout.ms",
            vi: "không có phản hồi trong request.timeout.ms",
        ),
        E::InvalidRecord {
            partition: _,
            reason,
        } => {
            let reason = invalid_record_reason(lang, reason);
            tr!(
                lang,
                en: "refused by the leader because {reason}",
                vi: "leader từ chối vì {reason}",
            )
        }
    };
    format!("{reason} ({code})")
}

/// Why a broker refused records. The model gives its reason in English; the reasons it
/// is known to give are translated, any other is shown as it is.
fn invalid_record_reason(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::Vi if reason.contains("compacted") && reason.contains("without a key") => {
            "Topic dùng compaction không nhận record không có key".to_string()
        }
        _ => reason.to_string(),
    }
}

/// `auto.offset.reset` as Kafka spells its values.
fn offset_reset_name(policy: AutoOffsetReset) -> &'static str {
    match policy {
        AutoOffsetReset::Earliest => "earliest",
        AutoOffsetReset::Latest => "latest",
        AutoOffsetReset::None => "none",
    }
}

/// A key or value for a sentence: lossy UTF-8 text, `null` for none, `""` for empty,
/// control characters made harmless, and at most [`MAX_BYTES_TEXT_CHARS`] characters
/// before "…". Counts characters, so it never cuts inside a multi-byte character.
pub fn bytes_text(bytes: Option<&[u8]>) -> String {
    let Some(bytes) = bytes else {
        return "null".to_string();
    };
    if bytes.is_empty() {
        return "\"\"".to_string();
    }
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == MAX_BYTES_TEXT_CHARS {
            out.push('…');
            break;
        }
        out.push(match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        });
    }
    out
}

/// "1 record" / "3 records"; Vietnamese nouns do not change: "3 record".
fn count(lang: Lang, n: u64, one: &str, many: &str) -> String {
    match lang {
        Lang::En if n == 1 => format!("1 {one}"),
        Lang::En => format!("{n} {many}"),
        // The Vietnamese word is the English singular, as a Kafka term.
        Lang::Vi => format!("{n} {one}"),
    }
}

/// Offsets `first..=last`: "offset 5" or "offsets 5 to 7".
fn offsets_inclusive(lang: Lang, first: u64, last: u64) -> String {
    match lang {
        _ if first >= last => format!("offset {first}"),
        Lang::En => format!("offsets {first} to {last}"),
        Lang::Vi => format!("offset {first} đến {last}"),
    }
}

/// Offsets `from..until` (the end not included), as the model reports fetches.
fn offsets_until(lang: Lang, from: u64, until: u64) -> String {
    if until <= from {
        return tr!(lang, en: "no records", vi: "không record nào");
    }
    offsets_inclusive(lang, from, until - 1)
}

/// "broker-1, broker-2", or "empty" / "trống".
fn broker_list(lang: Lang, brokers: &[BrokerId]) -> String {
    if brokers.is_empty() {
        return tr!(lang, en: "empty", vi: "trống");
    }
    brokers
        .iter()
        .map(|b| Broker(*b).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "orders-0, orders-1", at most [`MAX_LIST_ITEMS`] names then "and 3 more".
fn partition_list(lang: Lang, partitions: &[TopicPartition]) -> String {
    if partitions.is_empty() {
        return tr!(lang, en: "no partitions", vi: "không partition nào");
    }
    capped_list(
        lang,
        partitions.iter().map(|tp| tp.to_string()),
        partitions.len(),
    )
}

/// "orders-0 offset 5, orders-1 offset 3", capped like [`partition_list`].
fn offset_list(lang: Lang, offsets: &[(TopicPartition, u64)]) -> String {
    if offsets.is_empty() {
        return tr!(lang, en: "no offsets", vi: "không offset nào");
    }
    capped_list(
        lang,
        offsets.iter().map(|(tp, o)| format!("{tp} offset {o}")),
        offsets.len(),
    )
}

fn capped_list(lang: Lang, items: impl Iterator<Item = String>, len: usize) -> String {
    let mut out = items.take(MAX_LIST_ITEMS).collect::<Vec<_>>().join(", ");
    if len > MAX_LIST_ITEMS {
        let more = len - MAX_LIST_ITEMS;
        out.push_str(&tr!(lang, en: " and {more} more", vi: " và {more} partition khác"));
    }
    out
}

/// `broker-3`, as the primer names brokers.
struct Broker(BrokerId);

impl fmt::Display for Broker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "broker-{}", self.0)
    }
}

/// `producer-1`: the happenings carry the producer's number, not its client id.
struct Producer(ProducerId);

impl fmt::Display for Producer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "producer-{}", self.0)
    }
}

/// Where a happening is drawn, named like the rest: `broker-3`, `producer-1`, a member id,
/// `ZooKeeper`.
struct Place<'a>(&'a Endpoint);

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Endpoint::Producer(p) => Producer(*p).fmt(f),
            Endpoint::Broker(b) => Broker(*b).fmt(f),
            Endpoint::Consumer(c) => Consumer(c).fmt(f),
            Endpoint::ZooKeeper => f.write_str("ZooKeeper"),
        }
    }
}

/// A group member by its member id; a standalone consumer as `consumer-<n>`.
struct Consumer<'a>(&'a ConsumerRef);

impl fmt::Display for Consumer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            ConsumerRef::Member { group: _, member } => f.write_str(member),
            ConsumerRef::Standalone(id) => write!(f, "consumer-{id}"),
        }
    }
}
