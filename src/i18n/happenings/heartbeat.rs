//! The "heartbeat" category, hidden from the timeline: the small messages that keep a member,
//! a broker or a ZooKeeper session alive.

use super::phrases::Broker;
use crate::i18n::Lang;
use kafka_model::BrokerId;

pub(super) fn heartbeat(lang: Lang, member: &str, broker: BrokerId) -> String {
    let broker = Broker(broker);
    tr!(
        lang,
        en: "{member} sends a heartbeat to coordinator {broker}",
        vi: "{member} gửi heartbeat tới coordinator {broker}",
    )
}

pub(super) fn broker_heartbeat(lang: Lang, broker: BrokerId, controller: BrokerId) -> String {
    let (broker, controller) = (Broker(broker), Broker(controller));
    tr!(
        lang,
        en: "{broker} sends a heartbeat to controller {controller}",
        vi: "{broker} gửi heartbeat tới controller {controller}",
    )
}

pub(super) fn zk_session_ping(lang: Lang, broker: BrokerId) -> String {
    let broker = Broker(broker);
    tr!(
        lang,
        en: "{broker} pings ZooKeeper to keep its session alive",
        vi: "{broker} gửi ping tới ZooKeeper để giữ session",
    )
}
