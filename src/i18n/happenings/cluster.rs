//! The "cluster" category: brokers joining, failing and leaving, the controller, topics and
//! their partitions' leaders, retention, fencing, ZooKeeper and the network.

use super::phrases::{broker_list, count, plural, Broker, Place};
use crate::i18n::{Lang, Text};
use kafka_model::{BrokerId, ControllerMode, ElectionReason, Endpoint, TopicPartition};

pub(super) fn broker_added(lang: Lang, broker: BrokerId) -> String {
    let broker = Broker(broker);
    tr!(lang, en: "{broker} joined the cluster", vi: "{broker} được thêm vào cụm Kafka")
}

pub(super) fn broker_down(lang: Lang, broker: BrokerId) -> String {
    let broker = Broker(broker);
    tr!(lang, en: "{broker} went down", vi: "{broker} ngừng hoạt động")
}

pub(super) fn broker_up(lang: Lang, broker: BrokerId) -> String {
    let broker = Broker(broker);
    tr!(lang, en: "{broker} is back up", vi: "{broker} hoạt động trở lại")
}

pub(super) fn broker_removed(lang: Lang, broker: BrokerId) -> String {
    let broker = Broker(broker);
    tr!(
        lang,
        en: "{broker} was unregistered and removed from the cluster",
        vi: "{broker} đã được unregister và gỡ khỏi cụm Kafka",
    )
}

pub(super) fn reassignment_started(
    lang: Lang,
    partition: &TopicPartition,
    replicas: &[BrokerId],
    adding: &[BrokerId],
    removing: &[BrokerId],
) -> String {
    let (replicas, adding) = (broker_list(lang, replicas), broker_list(lang, adding));
    let removing = broker_list(lang, removing);
    tr!(
        lang,
        en: "Reassigning {partition} to {replicas}: adding {adding} to catch up from the leader, then removing {removing}",
        vi: "Bắt đầu reassign {partition} sang {replicas}: thêm {adding} để bắt kịp leader, rồi gỡ {removing}",
    )
}

pub(super) fn reassignment_completed(
    lang: Lang,
    partition: &TopicPartition,
    replicas: &[BrokerId],
    removed: &[BrokerId],
) -> String {
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

pub(super) fn controller_changed(lang: Lang, controller: Option<BrokerId>) -> String {
    match controller {
        Some(controller) => {
            let controller = Broker(controller);
            tr!(
                lang,
                en: "{controller} is now the active controller",
                vi: "{controller} trở thành controller của cụm",
            )
        }
        None => tr!(
            lang,
            en: "No active controller: every broker is down",
            vi: "Không còn controller: mọi Broker đều ngừng hoạt động",
        ),
    }
}

pub(super) fn topic_created(
    lang: Lang,
    topic: &str,
    partitions: u32,
    replication_factor: u32,
) -> String {
    let partitions = count(lang, u64::from(partitions), "partition", "partitions");
    tr!(
        lang,
        en: "Topic {topic} created with {partitions}, replication factor {replication_factor}",
        vi: "Topic {topic} được tạo với {partitions}, replication factor {replication_factor}",
    )
}

pub(super) fn topic_deleted(lang: Lang, topic: &str) -> String {
    tr!(lang, en: "Topic {topic} deleted", vi: "Topic {topic} đã bị xoá")
}

pub(super) fn topic_config_changed(lang: Lang, topic: &str) -> String {
    tr!(
        lang,
        en: "Topic {topic} configuration changed",
        vi: "Cấu hình của Topic {topic} đã thay đổi",
    )
}

pub(super) fn partitions_added(lang: Lang, topic: &str, old_count: u32, new_count: u32) -> String {
    tr!(
        lang,
        en: "Topic {topic} grew from {old_count} to {new_count} partitions",
        vi: "Topic {topic} tăng từ {old_count} lên {new_count} partition",
    )
}

pub(super) fn leader_elected(
    lang: Lang,
    partition: &TopicPartition,
    leader: Option<BrokerId>,
    leader_epoch: u32,
    isr: &[BrokerId],
    reason: ElectionReason,
) -> String {
    let isr = broker_list(lang, isr);
    let reason = election_reason(reason).get(lang);
    match leader {
        Some(leader) => {
            let leader = Broker(leader);
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

/// Why a partition got its leader, as a clause that follows the partition name.
fn election_reason(reason: ElectionReason) -> Text {
    match reason {
        ElectionReason::Initial => Text {
            en: "as it was created",
            vi: "khi vừa được tạo",
        },
        ElectionReason::LeaderDown => Text {
            en: "after the old leader went down",
            vi: "sau khi leader cũ ngừng hoạt động",
        },
        ElectionReason::ReplicaReturned => Text {
            en: "as an in-sync replica came back",
            vi: "khi một replica trong ISR hoạt động trở lại",
        },
        ElectionReason::Preferred => Text {
            en: "as leadership returned to the preferred replica",
            vi: "khi quyền leader trở về preferred replica",
        },
        ElectionReason::Unclean => Text {
            en: "by an unclean election, though it was out of sync",
            vi: "qua unclean leader election dù không nằm trong ISR",
        },
        ElectionReason::Reassignment => Text {
            en: "as the old leader's replica was reassigned away",
            vi: "khi replica của leader cũ được reassign sang broker khác",
        },
    }
}

pub(super) fn records_deleted(
    lang: Lang,
    partition: &TopicPartition,
    log_start_offset: u64,
    records_deleted: u64,
) -> String {
    let records = plural(records_deleted, "old record", "old records");
    tr!(
        lang,
        en: "Retention deleted {records_deleted} {records} from {partition}; the log now starts at offset {log_start_offset}",
        vi: "Retention đã xoá {records_deleted} record cũ khỏi {partition}; log giờ bắt đầu từ offset {log_start_offset}",
    )
}

pub(super) fn leader_fenced(
    lang: Lang,
    partition: &TopicPartition,
    broker: BrokerId,
    leader_epoch: u32,
) -> String {
    let broker = Broker(broker);
    tr!(
        lang,
        en: "{broker} learns it no longer leads {partition}: a new leader took over at leader epoch {leader_epoch}, so the old one is fenced",
        vi: "{broker} phát hiện mình không còn là leader của {partition}: leader mới đã lên ở leader epoch {leader_epoch}, leader cũ bị fence",
    )
}

pub(super) fn broker_fenced(lang: Lang, broker: BrokerId) -> String {
    let broker = Broker(broker);
    tr!(
        lang,
        en: "The controller fenced {broker}: no heartbeat within the session timeout, so it leaves every ISR and leads nothing",
        vi: "Controller đã fence {broker}: không nhận được heartbeat trong session timeout, nên nó bị loại khỏi mọi ISR và không còn làm leader",
    )
}

pub(super) fn broker_unfenced(lang: Lang, broker: BrokerId) -> String {
    let broker = Broker(broker);
    tr!(
        lang,
        en: "The controller unfenced {broker}: it is heard from again and can rejoin ISRs and lead",
        vi: "Controller bỏ fence cho {broker}: broker liên lạc lại được, có thể vào lại ISR và làm leader",
    )
}

pub(super) fn zk_session_expired(lang: Lang, id: BrokerId) -> String {
    let broker = Broker(id);
    tr!(
        lang,
        en: "ZooKeeper expired the session of {broker}: znode /brokers/ids/{id} is gone, so the controller treats it as dead",
        vi: "Session ZooKeeper của {broker} hết hạn: znode /brokers/ids/{id} bị xoá, controller coi như broker này đã ngừng hoạt động",
    )
}

pub(super) fn zk_write(lang: Lang, broker: BrokerId, path: &str) -> String {
    let broker = Broker(broker);
    tr!(
        lang,
        en: "{broker} writes znode {path} in ZooKeeper",
        vi: "{broker} ghi znode {path} vào ZooKeeper",
    )
}

pub(super) fn controller_mode_changed(lang: Lang, mode: ControllerMode) -> String {
    match mode {
        ControllerMode::Kraft => tr!(
            lang,
            en: "The cluster now runs in KRaft mode: a Raft quorum of controllers keeps the metadata log",
            vi: "Cụm Kafka chuyển sang chế độ KRaft: nhóm controller dùng Raft để giữ metadata log",
        ),
        ControllerMode::ZooKeeper => tr!(
            lang,
            en: "The cluster now runs in ZooKeeper mode: broker sessions and the controller election live in ZooKeeper",
            vi: "Cụm Kafka chuyển sang chế độ ZooKeeper: session của các Broker và việc bầu controller nằm ở ZooKeeper",
        ),
    }
}

pub(super) fn network_cut(lang: Lang, broker: BrokerId) -> String {
    let broker = Broker(broker);
    tr!(
        lang,
        en: "{broker} is cut off from the network: it still runs, but nothing reaches it or leaves it",
        vi: "{broker} bị cắt khỏi mạng: vẫn chạy nhưng không gửi hay nhận được gì",
    )
}

pub(super) fn network_healed(lang: Lang, broker: BrokerId) -> String {
    let broker = Broker(broker);
    tr!(
        lang,
        en: "{broker} is reachable again: its network is healed",
        vi: "{broker} đã kết nối mạng trở lại",
    )
}

pub(super) fn link_slowed(lang: Lang, a: &Endpoint, b: &Endpoint, extra_ms: u64) -> String {
    let (a, b) = (Place(a), Place(b));
    if extra_ms == 0 {
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

pub(super) fn request_dropped(lang: Lang, flight: u64) -> String {
    tr!(
        lang,
        en: "Message #{flight} was lost in the network and will never arrive; the sender only finds out by timeout",
        vi: "Gói tin #{flight} bị mất trên mạng, sẽ không bao giờ tới nơi; bên gửi chỉ biết khi hết timeout",
    )
}
