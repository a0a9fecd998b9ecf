//! Durability properties under random schedules of produce, crash, restart and network
//! cuts: what Kafka promises with RF 3, min.insync.replicas=2, acks=all and clean
//! elections — and, with unclean elections, that every loss is reported.
//!
//! Sources: `core/src/main/scala/kafka/cluster/Partition.scala` (HW, ISR, min ISR),
//! `metadata/src/main/java/org/apache/kafka/controller/PartitionChangeBuilder.java`
//! (clean and unclean election), `server-common/.../FetchIsolation.java` (consumers read
//! below the HW).
use kafka_model::*;
use proptest::prelude::*;
use proptest::strategy::Strategy;
use std::collections::BTreeMap;

#[derive(Clone, Debug)]
enum Op {
    Produce(u8, bool),
    Kill(u32),
    Revive,
    Cut(u32),
    Heal,
    Advance(u64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0..4u8, any::<bool>()).prop_map(|(k, all)| Op::Produce(k, all)),
        1 => (1..4u32).prop_map(Op::Kill),
        1 => Just(Op::Revive),
        1 => (1..4u32).prop_map(Op::Cut),
        1 => Just(Op::Heal),
        4 => (1..6_000u64).prop_map(Op::Advance),
    ]
}

/// An acknowledged record: where the producer was told it is, and when.
#[derive(Clone, Debug)]
struct Acked {
    offset: u64,
    value: String,
    at: u64,
}

#[derive(Default)]
struct Watch {
    /// Clean elections only: the HW never drops, so deliveries stay below it.
    clean: bool,
    /// Values sent per (producer, batch id), in order.
    sent: BTreeMap<u64, Vec<String>>,
    acked: BTreeMap<TopicPartition, Vec<Acked>>,
    /// (partition, from, to, at) of every DataLost with acknowledged records.
    reported: Vec<(TopicPartition, u64, u64, u64)>,
    /// Per partition: the leader epoch and HW last seen.
    high_watermarks: BTreeMap<TopicPartition, (u32, u64)>,
}

impl Watch {
    fn see(&mut self, c: &Cluster, happenings: &[Happening]) {
        for h in happenings {
            match &h.kind {
                HappeningKind::ProduceSent {
                    batch_id,
                    records,
                    attempt: 1,
                    ..
                } => {
                    let values = records
                        .iter()
                        .map(|r| {
                            String::from_utf8_lossy(r.value.as_deref().unwrap_or(&[])).into_owned()
                        })
                        .collect();
                    self.sent.insert(*batch_id, values);
                }
                HappeningKind::Acked {
                    partition,
                    batch_id,
                    base_offset,
                    ..
                } => {
                    let values = self.sent.get(batch_id).cloned().unwrap_or_default();
                    let list = self.acked.entry(partition.clone()).or_default();
                    for (i, value) in values.into_iter().enumerate() {
                        list.push(Acked {
                            offset: base_offset + i as u64,
                            value,
                            at: h.start_ms,
                        });
                    }
                }
                HappeningKind::DataLost {
                    partition,
                    from_offset,
                    to_offset,
                    acknowledged,
                    records_lost,
                    ..
                } => {
                    assert!(acknowledged <= records_lost);
                    if *acknowledged > 0 {
                        self.reported.push((
                            partition.clone(),
                            *from_offset,
                            *to_offset,
                            h.start_ms,
                        ));
                    }
                }
                // Checked when the leader serves the fetch: records leave it only below the
                // HW. (After an unclean election the HW can drop below records a consumer
                // already has — that is the loss, reported by DataLost.)
                HappeningKind::Fetched {
                    partition,
                    to_offset,
                    ..
                } => {
                    let hw = c
                        .partition(partition)
                        .map_or(u64::MAX, |p| p.high_watermark);
                    assert!(
                        *to_offset <= hw,
                        "served {partition} up to {to_offset}, above HW {hw}"
                    );
                }
                HappeningKind::Delivered {
                    partition, offset, ..
                } if self.clean => {
                    let hw = c
                        .partition(partition)
                        .map_or(u64::MAX, |p| p.high_watermark);
                    assert!(
                        *offset < hw,
                        "delivered {partition}@{offset} at or above HW {hw}"
                    );
                }
                _ => {}
            }
        }
        for t in c.topics() {
            for p in &t.partitions {
                let tp = TopicPartition::new(&t.name, p.id);
                let now = (p.leader_epoch, p.high_watermark);
                if let Some((epoch, hw)) = self.high_watermarks.insert(tp.clone(), now) {
                    assert!(
                        epoch != now.0 || hw <= now.1,
                        "{tp}: HW went back from {hw} to {} within epoch {epoch}",
                        now.1
                    );
                }
            }
        }
    }

    /// Acknowledged records no longer where the producer was told they are.
    fn missing(&self, c: &Cluster) -> Vec<(TopicPartition, Acked)> {
        let mut out = Vec::new();
        for (tp, list) in &self.acked {
            let p = c.partition(tp).unwrap();
            for a in list {
                let there = p
                    .records()
                    .iter()
                    .find(|r| r.offset == a.offset)
                    .and_then(|r| r.value_text());
                if there.as_deref() != Some(a.value.as_str()) {
                    out.push((tp.clone(), a.clone()));
                }
            }
        }
        out
    }
}

struct Run {
    c: Cluster,
    watch: Watch,
    /// The broker down or cut off, when only one may be.
    down: Option<u32>,
    producer: ProducerId,
    sequence: u64,
}

impl Run {
    fn new(seed: u64, config: TopicConfig, one_down_at_most: bool) -> Self {
        let mut c = Cluster::new(seed, 3).unwrap();
        c.create_topic("t", config.with_partitions(2)).unwrap();
        c.create_group(
            "g",
            ConsumerConfig::default().with_offset_reset(AutoOffsetReset::Earliest),
        )
        .unwrap();
        c.add_member("g", "c", vec!["t".into()]).unwrap();
        let producer = c
            .create_producer(
                "p",
                ProducerConfig {
                    linger_ms: 50,
                    delivery_timeout_ms: 60_000,
                    ..ProducerConfig::default()
                },
            )
            .unwrap();
        Run {
            c,
            watch: Watch {
                clean: one_down_at_most,
                ..Watch::default()
            },
            down: None,
            producer,
            sequence: 0,
        }
    }

    fn advance(&mut self, ms: u64) {
        let target = self.c.now() + ms;
        while self.c.next_event_time().is_some_and(|t| t <= target) {
            let h = self.c.step();
            self.watch.see(&self.c, &h);
        }
        let h = self.c.advance(target - self.c.now());
        self.watch.see(&self.c, &h);
    }

    fn apply(&mut self, op: Op, acks_all_only: bool, one_down_at_most: bool) {
        let c = &mut self.c;
        match op {
            Op::Produce(key, all) => {
                let acks = if all || acks_all_only {
                    Acks::All
                } else {
                    Acks::One
                };
                let mut config = c.producer(self.producer).unwrap().config.clone();
                config.acks = acks;
                c.set_producer_config(self.producer, config).unwrap();
                self.sequence += 1;
                let value = format!("v{}", self.sequence);
                let _ = c.produce(
                    self.producer,
                    ProducerRecord::text("t", Some(&format!("k{key}")), &value),
                );
            }
            Op::Kill(b) => {
                let allowed = self.down.is_none() || !one_down_at_most;
                if allowed && c.kill_broker(b).is_ok() {
                    self.down = Some(b);
                }
            }
            Op::Cut(b) => {
                if self.down.is_none() && c.broker(b).is_some_and(|x| x.alive) {
                    c.cut_off_broker(b).unwrap();
                    self.down = Some(b);
                }
            }
            Op::Revive | Op::Heal => {
                let down: Vec<u32> = c.brokers().filter(|b| !b.alive).map(|b| b.id).collect();
                for b in down {
                    c.revive_broker(b).unwrap();
                }
                let cut: Vec<u32> = c.network().cut_off_brokers().collect();
                for b in cut {
                    c.heal_broker(b).unwrap();
                }
                self.down = None;
            }
            Op::Advance(ms) => self.advance(ms),
        }
        let h = self.c.take_happenings();
        self.watch.see(&self.c, &h);
    }

    /// Everything back up, then time to settle.
    fn settle(&mut self) {
        self.apply(Op::Revive, true, true);
        self.advance(90_000);
    }
}

fn kept_forever() -> TopicConfig {
    TopicConfig {
        retention_bytes: None,
        retention_ms: None,
        ..TopicConfig::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn with_acks_all_min_isr_2_and_one_broker_down_no_acknowledged_record_is_lost(
        ops in proptest::collection::vec(op(), 1..80),
        seed in 0..1000u64,
    ) {
        let config = kept_forever().with_replication_factor(3).with_min_insync_replicas(2);
        let mut run = Run::new(seed, config, true);
        for op in ops {
            run.apply(op, true, true);
        }
        run.settle();
        prop_assert!(run.watch.reported.is_empty(), "reported losses: {:?}", run.watch.reported);
        let missing = run.watch.missing(&run.c);
        prop_assert!(missing.is_empty(), "acknowledged records lost or moved: {missing:?}");
        // Every replica ends with the leader's log: same offsets, same order.
        for p in &run.c.topic("t").unwrap().partitions {
            let leader: Vec<_> = p.records().iter().map(|r| (r.offset, r.value.clone())).collect();
            for b in &p.replicas {
                let log: Vec<_> = p.replica_log(*b).unwrap().records().iter().map(|r| (r.offset, r.value.clone())).collect();
                prop_assert_eq!(&log, &leader, "replica {} of partition {}", b, p.id);
            }
        }
    }

    #[test]
    fn with_unclean_election_every_lost_acknowledged_record_is_reported(
        ops in proptest::collection::vec(op(), 1..80),
        seed in 0..1000u64,
    ) {
        let config = kept_forever().with_replication_factor(2).with_unclean_leader_election(true);
        let mut run = Run::new(seed, config, false);
        for op in ops {
            run.apply(op, false, false);
        }
        run.settle();
        for (tp, a) in run.watch.missing(&run.c) {
            let covered = run.watch.reported.iter().any(|(p, from, to, at)| {
                *p == tp && (*from..*to).contains(&a.offset) && *at >= a.at
            });
            prop_assert!(covered, "{tp}@{} ({}) acked at {} vanished unreported; reports: {:?}",
                a.offset, a.value, a.at, run.watch.reported);
        }
    }
}
