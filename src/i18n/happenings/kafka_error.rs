//! A Kafka error a producer or consumer ran into, as the end of a sentence.

use super::phrases::Broker;
use crate::i18n::Lang;
use kafka_model::KafkaError;

/// A Kafka error as "what went wrong (ERROR_CODE)". The partition is left out: every
/// sentence that carries an error already names it.
pub(super) fn kafka_error(lang: Lang, error: &KafkaError) -> String {
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
                vi: "{broker} không phải là leader",
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
                vi: "{broker} ngừng hoạt động, không phản hồi",
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
                vi: "đã quá delivery.timeout.ms",
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
    if reason.contains("compacted") && reason.contains("without a key") {
        tr!(
            lang,
            en: "{reason}",
            vi: "Topic dùng compaction không nhận record không có key",
        )
    } else {
        reason.to_string()
    }
}
