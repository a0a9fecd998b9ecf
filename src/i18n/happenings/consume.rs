//! The "consume" category: consumers, their fetches and the records they receive, where they
//! start reading, and the offsets they commit.

use super::kafka_error::kafka_error;
use super::phrases::{bytes_text, offset_list, offsets_until, Broker, Consumer};
use crate::i18n::Lang;
use kafka_model::{AutoOffsetReset, BrokerId, ConsumerRef, KafkaError, TopicPartition};

pub(super) fn consumer_created(lang: Lang, consumer: &ConsumerRef) -> String {
    match consumer {
        ConsumerRef::Member { group, member } => tr!(
            lang,
            en: "Consumer {member} started in group {group}",
            vi: "Consumer {member} đã khởi động trong group {group}",
        ),
        ConsumerRef::Standalone(_) => {
            let consumer = Consumer(consumer);
            tr!(
                lang,
                en: "Standalone consumer {consumer} started",
                vi: "Consumer độc lập {consumer} đã khởi động",
            )
        }
    }
}

pub(super) fn consumer_removed(lang: Lang, consumer: &ConsumerRef) -> String {
    match consumer {
        ConsumerRef::Member { group, member } => tr!(
            lang,
            en: "Consumer {member} of group {group} removed",
            vi: "Consumer {member} của group {group} đã bị xoá",
        ),
        ConsumerRef::Standalone(_) => {
            let consumer = Consumer(consumer);
            tr!(
                lang,
                en: "Standalone consumer {consumer} removed",
                vi: "Consumer độc lập {consumer} đã bị xoá",
            )
        }
    }
}

pub(super) fn fetch_sent(
    lang: Lang,
    consumer: &ConsumerRef,
    broker: BrokerId,
    partition: &TopicPartition,
    fetch_offset: u64,
) -> String {
    let (consumer, broker) = (Consumer(consumer), Broker(broker));
    tr!(
        lang,
        en: "{consumer} sends a fetch to {broker} to read {partition} from offset {fetch_offset}",
        vi: "{consumer} gửi fetch tới {broker} để đọc {partition} từ offset {fetch_offset}",
    )
}

pub(super) fn fetched(
    lang: Lang,
    consumer: &ConsumerRef,
    broker: BrokerId,
    partition: &TopicPartition,
    from_offset: u64,
    to_offset: u64,
) -> String {
    let (consumer, broker) = (Consumer(consumer), Broker(broker));
    let offsets = offsets_until(lang, from_offset, to_offset);
    tr!(
        lang,
        en: "{broker} returned {offsets} of {partition} to {consumer}",
        vi: "{broker} trả {offsets} của {partition} cho {consumer}",
    )
}

pub(super) fn delivered(
    lang: Lang,
    consumer: &ConsumerRef,
    partition: &TopicPartition,
    offset: u64,
    key: Option<&[u8]>,
    value: Option<&[u8]>,
) -> String {
    let consumer = Consumer(consumer);
    let key = bytes_text(key);
    // A null value is Kafka's tombstone: say so, it is what a learner should notice.
    let value = match value {
        Some(value) => bytes_text(Some(value)),
        None => tr!(lang, en: "null (tombstone)", vi: "null (tombstone)"),
    };
    tr!(
        lang,
        en: "{consumer} received offset {offset} of {partition}: key {key}, value {value}",
        vi: "{consumer} nhận được offset {offset} của {partition}: key {key}, value {value}",
    )
}

pub(super) fn position_reset(
    lang: Lang,
    consumer: &ConsumerRef,
    partition: &TopicPartition,
    offset: u64,
    policy: Option<AutoOffsetReset>,
) -> String {
    let consumer = Consumer(consumer);
    match policy {
        Some(policy) => {
            let policy = offset_reset_name(policy);
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

/// `auto.offset.reset` as Kafka spells its values.
fn offset_reset_name(policy: AutoOffsetReset) -> &'static str {
    match policy {
        AutoOffsetReset::Earliest => "earliest",
        AutoOffsetReset::Latest => "latest",
        AutoOffsetReset::None => "none",
    }
}

pub(super) fn consumer_error(
    lang: Lang,
    consumer: &ConsumerRef,
    partition: &TopicPartition,
    error: &KafkaError,
) -> String {
    let (consumer, error) = (Consumer(consumer), kafka_error(lang, error));
    tr!(
        lang,
        en: "{consumer} cannot read {partition}: {error}",
        vi: "{consumer} không đọc được {partition}: {error}",
    )
}

pub(super) fn commit_sent(
    lang: Lang,
    member: &str,
    broker: BrokerId,
    offsets: &[(TopicPartition, u64)],
) -> String {
    let (broker, offsets) = (Broker(broker), offset_list(lang, offsets));
    tr!(
        lang,
        en: "{member} commits to coordinator {broker}: {offsets}",
        vi: "{member} gửi commit tới coordinator {broker}: {offsets}",
    )
}

/// `member`: whose commit it was; `None` for an admin's reset.
pub(super) fn offset_committed(
    lang: Lang,
    group: &str,
    member: Option<&str>,
    offsets: &[(TopicPartition, u64)],
) -> String {
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

pub(super) fn commit_failed(lang: Lang, group: &str, member: &str, broker: BrokerId) -> String {
    let broker = Broker(broker);
    tr!(
        lang,
        en: "{broker} refused the commit of {member}: it comes from an older generation of group {group} (CommitFailedException)",
        vi: "{broker} từ chối commit của {member}: commit thuộc generation cũ của group {group} (CommitFailedException)",
    )
}
