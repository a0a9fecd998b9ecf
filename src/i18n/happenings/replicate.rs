//! The "replicate" category: followers fetching from leaders, the ISR shrinking and growing,
//! the high watermark, logs cut back or compacted, and the data a bad election loses.

use super::phrases::{broker_list, count, offsets_until, plural, Broker};
use crate::i18n::{Lang, Text};
use kafka_model::{BrokerId, TopicPartition};

pub(super) fn isr_shrunk(
    lang: Lang,
    partition: &TopicPartition,
    broker: BrokerId,
    isr: &[BrokerId],
) -> String {
    let (broker, isr) = (Broker(broker), broker_list(lang, isr));
    tr!(
        lang,
        en: "{broker} fell behind and left the ISR of {partition} (ISR now: {isr})",
        vi: "{broker} theo không kịp leader nên bị loại khỏi ISR của {partition} (ISR còn: {isr})",
    )
}

pub(super) fn isr_expanded(
    lang: Lang,
    partition: &TopicPartition,
    broker: BrokerId,
    isr: &[BrokerId],
) -> String {
    let (broker, isr) = (Broker(broker), broker_list(lang, isr));
    tr!(
        lang,
        en: "{broker} caught up and joined the ISR of {partition} (ISR now: {isr})",
        vi: "{broker} đã bắt kịp leader và được thêm vào ISR của {partition} (ISR giờ là: {isr})",
    )
}

pub(super) fn log_truncated(
    lang: Lang,
    partition: &TopicPartition,
    log_end_offset: u64,
    records_lost: u64,
) -> String {
    let lost = count(lang, records_lost, "record", "records");
    tr!(
        lang,
        en: "{partition} cut back to the new leader's log end, offset {log_end_offset}: {lost} lost",
        vi: "Log của {partition} bị cắt về log end của leader mới, offset {log_end_offset}: mất {lost}",
    )
}

/// Records an election lost: offsets `from..until` (the end not included), `records_lost`
/// of them, `acknowledged` of those acknowledged to their producer.
pub(super) fn data_lost(
    lang: Lang,
    partition: &TopicPartition,
    leader: Option<BrokerId>,
    (from, until): (u64, u64),
    records_lost: u64,
    acknowledged: u64,
    unclean: bool,
) -> String {
    let offsets = offsets_until(lang, from, until);
    let gone = if acknowledged == records_lost {
        let records = plural(acknowledged, "record is", "records are");
        tr!(
            lang,
            en: "{acknowledged} acknowledged {records} gone",
            vi: "{acknowledged} record đã được xác nhận (ack) bị mất",
        )
    } else {
        let lost = count(lang, records_lost, "record", "records");
        tr!(
            lang,
            en: "{lost} gone, {acknowledged} of them acknowledged",
            vi: "mất {records_lost} record, trong đó {acknowledged} record đã được xác nhận (ack)",
        )
    };
    let unclean = if unclean {
        Text {
            en: " (unclean leader election)",
            vi: " (do unclean leader election)",
        }
        .get(lang)
    } else {
        ""
    };
    match leader {
        Some(leader) => {
            let leader = Broker(leader);
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

pub(super) fn diverging_epoch(
    lang: Lang,
    partition: &TopicPartition,
    leader: BrokerId,
    follower: BrokerId,
    epoch: u32,
    end_offset: u64,
) -> String {
    let (leader, follower) = (Broker(leader), Broker(follower));
    tr!(
        lang,
        en: "Leader {leader} tells follower {follower} its log of {partition} diverged: leader epoch {epoch} ends at offset {end_offset}, cut back there",
        vi: "Leader {leader} báo follower {follower} rằng log {partition} của nó đã rẽ nhánh: leader epoch {epoch} kết thúc ở offset {end_offset}, hãy cắt log về đó",
    )
}

pub(super) fn replica_truncated(
    lang: Lang,
    partition: &TopicPartition,
    broker: BrokerId,
    log_end_offset: u64,
    records_removed: u64,
) -> String {
    let broker = Broker(broker);
    let removed = if records_removed == 0 {
        tr!(lang, en: "nothing removed", vi: "không record nào bị bỏ")
    } else {
        let records = count(lang, records_removed, "record", "records");
        tr!(lang, en: "{records} removed", vi: "bỏ {records_removed} record")
    };
    tr!(
        lang,
        en: "{broker} cut its copy of {partition} back to offset {log_end_offset} to match the leader: {removed}",
        vi: "{broker} cắt bản sao {partition} của mình về offset {log_end_offset} cho khớp với leader: {removed}",
    )
}

pub(super) fn log_compacted(
    lang: Lang,
    partition: &TopicPartition,
    broker: BrokerId,
    records_removed: u64,
) -> String {
    let broker = Broker(broker);
    let records = plural(records_removed, "old record", "old records");
    tr!(
        lang,
        en: "Log compaction removed {records_removed} {records} from {partition} on {broker}: a newer record with the same key replaces each",
        vi: "Log compaction xoá {records_removed} record cũ khỏi {partition} trên {broker}: đã có record mới hơn cùng key thay thế chúng",
    )
}

pub(super) fn replica_fetch_sent(
    lang: Lang,
    partition: &TopicPartition,
    follower: BrokerId,
    leader: BrokerId,
    fetch_offset: u64,
) -> String {
    let (follower, leader) = (Broker(follower), Broker(leader));
    tr!(
        lang,
        en: "Follower {follower} asks leader {leader} for {partition} from offset {fetch_offset}",
        vi: "Follower {follower} gửi fetch tới leader {leader} để lấy {partition} từ offset {fetch_offset}",
    )
}

pub(super) fn replicated(
    lang: Lang,
    partition: &TopicPartition,
    leader: BrokerId,
    follower: BrokerId,
    from_offset: u64,
    to_offset: u64,
) -> String {
    let (leader, follower) = (Broker(leader), Broker(follower));
    let offsets = offsets_until(lang, from_offset, to_offset);
    tr!(
        lang,
        en: "Leader {leader} copied {offsets} of {partition} to follower {follower}",
        vi: "Leader {leader} gửi {offsets} của {partition} cho follower {follower}",
    )
}

pub(super) fn high_watermark_advanced(
    lang: Lang,
    partition: &TopicPartition,
    broker: BrokerId,
    high_watermark: u64,
) -> String {
    let broker = Broker(broker);
    tr!(
        lang,
        en: "High watermark of {partition} rose to {high_watermark} on {broker}: consumers can read offsets below it",
        vi: "High watermark của {partition} trên {broker} tăng lên {high_watermark}: consumer đọc được các offset nhỏ hơn",
    )
}
