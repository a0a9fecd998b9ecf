//! The "service" category: the shop's services (each a consumer group with a producer), what
//! they handle, and what they do to the world: database rows and e-mails.

use super::phrases::bytes_text;
use crate::i18n::Lang;
use kafka_model::TopicPartition;

pub(super) fn service_created(lang: Lang, service: &str) -> String {
    tr!(
        lang,
        en: "Service {service} deployed: it consumes as Consumer Group {service}",
        vi: "Service {service} được triển khai: nó consume với Consumer Group {service}",
    )
}

pub(super) fn service_stopped(lang: Lang, service: &str) -> String {
    tr!(
        lang,
        en: "Service {service} stopped: its consumer crashed; records it has not handled wait in Kafka",
        vi: "Service {service} đã dừng: consumer của nó bị crash; các record chưa xử lý vẫn chờ trong Kafka",
    )
}

pub(super) fn service_started(lang: Lang, service: &str) -> String {
    tr!(
        lang,
        en: "Service {service} is back: a new consumer joins group {service} and resumes from the committed offset",
        vi: "Service {service} chạy lại: một consumer mới tham gia group {service} và đọc tiếp từ offset đã commit",
    )
}

pub(super) fn service_removed(lang: Lang, service: &str) -> String {
    tr!(
        lang,
        en: "Service {service} removed",
        vi: "Service {service} đã bị gỡ bỏ",
    )
}

pub(super) fn service_handled(
    lang: Lang,
    service: &str,
    partition: &TopicPartition,
    offset: u64,
    key: Option<&[u8]>,
) -> String {
    let key = bytes_text(key);
    tr!(
        lang,
        en: "Service {service} handled {partition} offset {offset} (key {key})",
        vi: "Service {service} đã xử lý {partition} offset {offset} (key {key})",
    )
}

pub(super) fn row_written(
    lang: Lang,
    service: &str,
    table: &str,
    key: &str,
    value: &str,
) -> String {
    let (key, value) = (
        bytes_text(Some(key.as_bytes())),
        bytes_text(Some(value.as_bytes())),
    );
    tr!(
        lang,
        en: "Service {service} wrote row {key} = {value} to database table {table}",
        vi: "Service {service} ghi dòng {key} = {value} vào bảng {table} của database",
    )
}

pub(super) fn email_sent(lang: Lang, service: &str, key: &str, value: &str) -> String {
    let (key, value) = (
        bytes_text(Some(key.as_bytes())),
        bytes_text(Some(value.as_bytes())),
    );
    tr!(
        lang,
        en: "Service {service} sent an e-mail for {key}: {value}",
        vi: "Service {service} đã gửi e-mail cho {key}: {value}",
    )
}
