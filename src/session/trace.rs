//! "Follow this record": every happening of one record's journey — queued at the producer,
//! sent, appended at the leader, copied to followers, the high watermark passing it, the
//! ack, each group's fetch, delivery and commit — picked out of the recent happenings.

use super::Recent;
use kafka_model::{Happening, HappeningKind as K, TopicPartition};

/// Where a record is and what it is: enough to recognise its happenings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordRef {
    pub partition: TopicPartition,
    pub offset: u64,
}

/// The happenings of `record`'s journey, oldest first. Only what the bounded timeline still
/// holds: a record followed long after it was written shows the later part of its trip.
pub fn trace<'a>(recent: &'a Recent, record: &RecordRef) -> Vec<&'a Happening> {
    let (tp, offset) = (&record.partition, record.offset);
    // The batch that carried it: the append whose offsets cover it.
    let batch = recent.iter().find_map(|h| match &h.kind {
        K::AppendedAtLeader {
            partition,
            batch_id,
            base_offset,
            last_offset,
            ..
        } if partition == tp && (*base_offset..=*last_offset).contains(&offset) => Some(*batch_id),
        _ => None,
    });
    let mut hw_passed = false;
    let mut committed_groups: Vec<&str> = Vec::new();
    recent
        .iter()
        .filter(|h| match &h.kind {
            K::RecordQueued {
                partition,
                batch_id,
                ..
            }
            | K::ProduceSent {
                partition,
                batch_id,
                ..
            }
            | K::AppendedAtLeader {
                partition,
                batch_id,
                ..
            }
            | K::Acked {
                partition,
                batch_id,
                ..
            }
            | K::ProduceFailed {
                partition,
                batch_id,
                ..
            } => partition == tp && Some(*batch_id) == batch,
            K::Replicated {
                partition,
                from_offset,
                to_offset,
                ..
            }
            | K::Fetched {
                partition,
                from_offset,
                to_offset,
                ..
            } => partition == tp && (*from_offset..*to_offset).contains(&offset),
            K::HighWatermarkAdvanced {
                partition,
                high_watermark,
                ..
            } => {
                let first = partition == tp && *high_watermark > offset && !hw_passed;
                hw_passed |= first;
                first
            }
            K::Delivered {
                partition,
                offset: o,
                ..
            } => partition == tp && *o == offset,
            K::OffsetCommitted { group, offsets, .. } => {
                let covers = offsets.iter().any(|(p, c)| p == tp && *c > offset);
                let first = covers && !committed_groups.contains(&group.as_str());
                if first {
                    committed_groups.push(group);
                }
                first
            }
            _ => false,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Session;
    use kafka_model::{Command, ConsumerConfig, ProducerConfig, ProducerRecord, TopicConfig};

    #[test]
    fn a_records_trace_tells_its_whole_trip_in_order() {
        let setup = vec![
            Command::CreateTopic {
                name: "orders".into(),
                config: TopicConfig::default()
                    .with_partitions(3)
                    .with_replication_factor(2),
            },
            Command::CreateProducer {
                client_id: "shop".into(),
                config: ProducerConfig::default(),
            },
            Command::CreateGroup {
                group: "payments".into(),
                config: ConsumerConfig::default(),
            },
            Command::AddMember {
                group: "payments".into(),
                client_id: "p1".into(),
                topics: vec!["orders".into()],
            },
        ];
        let mut s = Session::new(3, 3, &setup).unwrap();
        s.advance(3_000);
        let record = ProducerRecord::text("orders", Some("order-1"), "v");
        let kafka_model::Outcome::Partition(tp) = s
            .apply(Command::Produce {
                producer: 1,
                record,
            })
            .unwrap()
        else {
            panic!()
        };
        s.advance(10_000);
        let steps: Vec<&str> = trace(
            s.recent(),
            &RecordRef {
                partition: tp,
                offset: 0,
            },
        )
        .iter()
        .map(|h| h.kind_name())
        .collect();
        for (a, b) in [
            ("RecordQueued", "ProduceSent"),
            ("ProduceSent", "AppendedAtLeader"),
            ("AppendedAtLeader", "Replicated"),
            ("Replicated", "HighWatermarkAdvanced"),
            ("HighWatermarkAdvanced", "Acked"),
            ("HighWatermarkAdvanced", "Fetched"),
            ("Fetched", "Delivered"),
            ("Delivered", "OffsetCommitted"),
        ] {
            let (ia, ib) = (
                steps.iter().position(|s| *s == a),
                steps.iter().position(|s| *s == b),
            );
            assert!(
                ia.is_some() && ib.is_some() && ia < ib,
                "{a} before {b} in {steps:?}"
            );
        }
        assert_eq!(
            steps
                .iter()
                .filter(|s| **s == "HighWatermarkAdvanced")
                .count(),
            1
        );
    }
}
