//! The KRaft controller's metadata log (`__cluster_metadata`), newest last, with the record
//! type names Kafka itself uses — so "the controller elected a new leader" can be read as
//! the `PartitionChangeRecord` it really is.

use crate::i18n::use_lang;
use crate::live::use_panel_live;
use kafka_model::{ControllerMode, MetadataRecord};
use yew::prelude::*;

/// Entries shown: the newest; the offset column says how long the log is.
const SHOWN: usize = 12;

fn ids(list: &[u32]) -> String {
    let ids: Vec<String> = list.iter().map(|b| b.to_string()).collect();
    format!("[{}]", ids.join(","))
}

fn leader(leader: Option<u32>) -> String {
    leader.map_or("none".to_string(), |b| b.to_string())
}

/// One record as Kafka's metadata shell would name it.
pub fn describe(record: &MetadataRecord) -> String {
    match record {
        MetadataRecord::RegisterBroker { broker } => {
            format!("RegisterBrokerRecord brokerId={broker}")
        }
        MetadataRecord::FenceBroker { broker } => format!("FenceBrokerRecord id={broker}"),
        MetadataRecord::UnfenceBroker { broker } => format!("UnfenceBrokerRecord id={broker}"),
        MetadataRecord::UnregisterBroker { broker } => {
            format!("UnregisterBrokerRecord brokerId={broker}")
        }
        MetadataRecord::Topic { topic, topic_id } => {
            format!("TopicRecord name={topic} topicId={topic_id}")
        }
        MetadataRecord::RemoveTopic { topic } => format!("RemoveTopicRecord name={topic}"),
        MetadataRecord::Partition {
            partition,
            replicas,
            isr,
            leader: l,
            leader_epoch,
        } => format!(
            "PartitionRecord {partition} replicas={} isr={} leader={} leaderEpoch={leader_epoch}",
            ids(replicas),
            ids(isr),
            leader(*l)
        ),
        MetadataRecord::PartitionChange {
            partition,
            leader: l,
            leader_epoch,
            isr,
        } => format!(
            "PartitionChangeRecord {partition} leader={} isr={} leaderEpoch={leader_epoch}",
            leader(*l),
            ids(isr)
        ),
        MetadataRecord::PartitionReassignment {
            partition,
            replicas,
            isr,
            adding,
            removing,
        } => format!(
            "PartitionChangeRecord {partition} replicas={} isr={} addingReplicas={} removingReplicas={}",
            ids(replicas),
            ids(isr),
            ids(adding),
            ids(removing)
        ),
    }
}

#[function_component(MetadataLog)]
pub fn metadata_log() -> Html {
    let live = use_panel_live();
    let lang = use_lang();
    let s = lang.strings();
    let session = live.session.borrow();
    let cluster = session.cluster();
    let log = cluster.metadata_log();
    let zookeeper = cluster.controller_state().mode == ControllerMode::ZooKeeper;
    html! {
        <details class="panel metadata-log">
            <summary>{ s.metadata_log_title }{ format!(" ({})", log.len()) }</summary>
            if zookeeper {
                <p class="hint muted">{ s.metadata_log_zookeeper }</p>
            }
            <ol class="metadata-entries">
                { for log.iter().skip(log.len().saturating_sub(SHOWN)).map(|e| html! {
                    <li>
                        <span class="at">{ format!("#{} · {}", e.offset, super::format_time(e.at_ms)) }</span>
                        <code>{ describe(&e.record) }</code>
                    </li>
                }) }
            </ol>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_model::TopicPartition;

    #[test]
    fn records_read_as_kafka_names_them() {
        assert_eq!(
            describe(&MetadataRecord::PartitionChange {
                partition: TopicPartition::new("orders", 0),
                leader: Some(2),
                leader_epoch: 1,
                isr: vec![2, 3],
            }),
            "PartitionChangeRecord orders-0 leader=2 isr=[2,3] leaderEpoch=1"
        );
        assert_eq!(
            describe(&MetadataRecord::FenceBroker { broker: 1 }),
            "FenceBrokerRecord id=1"
        );
        assert_eq!(
            describe(&MetadataRecord::UnregisterBroker { broker: 4 }),
            "UnregisterBrokerRecord brokerId=4"
        );
        assert_eq!(
            describe(&MetadataRecord::PartitionReassignment {
                partition: TopicPartition::new("orders", 1),
                replicas: vec![1, 3, 4],
                isr: vec![1, 4],
                adding: vec![3],
                removing: vec![4],
            }),
            "PartitionChangeRecord orders-1 replicas=[1,3,4] isr=[1,4] addingReplicas=[3] removingReplicas=[4]"
        );
    }
}
