//! The "group" category: consumer groups, their members joining, leaving, crashing and
//! expiring, and the rebalances that share the partitions among them.

use super::phrases::{count, partition_list, Broker};
use crate::i18n::Lang;
use kafka_model::collections::SortedMap;
use kafka_model::{BrokerId, RebalanceReason, TopicPartition};

pub(super) fn group_created(lang: Lang, group: &str) -> String {
    tr!(
        lang,
        en: "Consumer Group {group} created",
        vi: "Consumer Group {group} được tạo",
    )
}

pub(super) fn group_deleted(lang: Lang, group: &str) -> String {
    tr!(
        lang,
        en: "Consumer Group {group} deleted",
        vi: "Consumer Group {group} đã bị xoá",
    )
}

pub(super) fn join_group_sent(lang: Lang, group: &str, member: &str, broker: BrokerId) -> String {
    let broker = Broker(broker);
    tr!(
        lang,
        en: "{member} sends JoinGroup for group {group} to coordinator {broker}",
        vi: "{member} gửi JoinGroup của group {group} tới coordinator {broker}",
    )
}

pub(super) fn member_joined(lang: Lang, group: &str, member: &str) -> String {
    tr!(
        lang,
        en: "{member} joined group {group}",
        vi: "{member} đã tham gia group {group}",
    )
}

pub(super) fn leave_group_sent(lang: Lang, group: &str, member: &str, broker: BrokerId) -> String {
    let broker = Broker(broker);
    tr!(
        lang,
        en: "{member} sends LeaveGroup for group {group} to coordinator {broker}",
        vi: "{member} gửi LeaveGroup của group {group} tới coordinator {broker}",
    )
}

pub(super) fn member_left(lang: Lang, group: &str, member: &str) -> String {
    tr!(
        lang,
        en: "{member} left group {group}",
        vi: "{member} đã rời group {group}",
    )
}

pub(super) fn member_crashed(lang: Lang, group: &str, member: &str) -> String {
    tr!(
        lang,
        en: "{member} of group {group} crashed; the coordinator will notice only after session.timeout.ms",
        vi: "{member} của group {group} bị crash; coordinator chỉ phát hiện sau session.timeout.ms",
    )
}

pub(super) fn member_expired(lang: Lang, group: &str, member: &str) -> String {
    tr!(
        lang,
        en: "{member} sent no heartbeat for session.timeout.ms and was removed from group {group}",
        vi: "{member} không gửi heartbeat trong session.timeout.ms nên bị loại khỏi group {group}",
    )
}

pub(super) fn rebalance_started(
    lang: Lang,
    group: &str,
    reason: &RebalanceReason,
    cooperative: bool,
) -> String {
    let protocol = if cooperative { "cooperative" } else { "eager" };
    let reason = rebalance_reason(lang, reason);
    tr!(
        lang,
        en: "Group {group} starts a rebalance ({protocol}): {reason}",
        vi: "Group {group} bắt đầu rebalance ({protocol}): {reason}",
    )
}

fn rebalance_reason(lang: Lang, reason: &RebalanceReason) -> String {
    use RebalanceReason as R;
    match reason {
        R::MemberJoined { member } => {
            tr!(lang, en: "{member} joined", vi: "{member} tham gia group")
        }
        R::MemberLeft { member } => tr!(lang, en: "{member} left", vi: "{member} rời group"),
        R::MemberExpired { member } => tr!(
            lang,
            en: "{member} was expelled after session.timeout.ms",
            vi: "{member} bị loại vì quá session.timeout.ms",
        ),
        R::SubscriptionChanged { member } => tr!(
            lang,
            en: "{member} changed its subscription",
            vi: "{member} thay đổi các Topic đã subscribe",
        ),
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

pub(super) fn rebalance_completed(
    lang: Lang,
    group: &str,
    generation: u32,
    assignment: &SortedMap<String, Vec<TopicPartition>>,
    revoked: &[(String, TopicPartition)],
) -> String {
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

pub(super) fn assignment_sent(
    lang: Lang,
    member: &str,
    broker: BrokerId,
    generation: u32,
    partitions: &[TopicPartition],
) -> String {
    let (broker, partitions) = (Broker(broker), partition_list(lang, partitions));
    tr!(
        lang,
        en: "Coordinator {broker} sends {member} its assignment for generation {generation}: {partitions}",
        vi: "Coordinator {broker} gửi cho {member} các partition được giao ở generation {generation}: {partitions}",
    )
}

pub(super) fn partitions_revoked(
    lang: Lang,
    member: &str,
    partitions: &[TopicPartition],
) -> String {
    let partitions = partition_list(lang, partitions);
    tr!(
        lang,
        en: "{member} gives up {partitions} (revoked)",
        vi: "{member} bị thu hồi (revoke) {partitions}",
    )
}

/// `partitions`: the ones newly assigned; `assignment`: all the member owns now.
pub(super) fn partitions_assigned(
    lang: Lang,
    member: &str,
    generation: u32,
    partitions: &[TopicPartition],
    assignment: &[TopicPartition],
) -> String {
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
