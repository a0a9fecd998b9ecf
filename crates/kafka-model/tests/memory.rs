//! A playground left running for hours reaches a steady memory state.
mod scenario;
use kafka_model::*;
use scenario::*;

struct Footprint {
    scheduled: usize,
    records: usize,
    pending_acks: usize,
}

fn footprint(c: &Cluster) -> Footprint {
    Footprint {
        scheduled: c.scheduled_event_count(),
        records: c.retained_record_count(),
        pending_acks: c
            .topics()
            .flat_map(|t| &t.partitions)
            .map(|p| p.pending_ack_count())
            .sum(),
    }
}

#[test]
fn a_steady_auto_producer_and_group_keep_memory_bounded_over_hours() {
    let mut c = cluster(3);
    c.create_topic(
        "orders",
        TopicConfig::default()
            .with_partitions(3)
            .with_replication_factor(2),
    )
    .unwrap();
    c.create_group("g", ConsumerConfig::default()).unwrap();
    c.add_member("g", "c", vec!["orders".into()]).unwrap();
    c.add_member("g", "c", vec!["orders".into()]).unwrap();
    let p = c
        .create_producer("shop", ProducerConfig::default())
        .unwrap();
    let keys = KeyPattern::Random((0..20).map(|i| format!("customer-{i}")).collect());
    c.set_auto_produce(
        p,
        Some(AutoProduce {
            topic: "orders".into(),
            records_per_sec: 10.0,
            keys,
        }),
    )
    .unwrap();

    let hour = 60 * 60 * 1000;
    let mut delivered = 0usize;
    let mut run = |c: &mut Cluster, ms: u64| {
        for _ in 0..ms / 60_000 {
            delivered += named(&c.advance(60_000), "Delivered").len();
        }
    };
    run(&mut c, hour);
    let after_one = footprint(&c);
    run(&mut c, hour);
    let after_two = footprint(&c);

    assert!(delivered > 70_000, "the group kept up: {delivered}");
    // Retention caps each log (32 KiB per partition by default): about a thousand records.
    let cap = 3 * (32 * 1024 + 4 * 1024) / 20;
    assert!(
        after_two.records <= cap,
        "{} records kept",
        after_two.records
    );
    assert!(after_two.records.abs_diff(after_one.records) < 1_000);
    assert!(
        after_two.scheduled < 60,
        "{} events scheduled",
        after_two.scheduled
    );
    assert!(after_two.scheduled.abs_diff(after_one.scheduled) < 20);
    assert!(after_two.pending_acks < 10);
    let part = c.partition(&TopicPartition::new("orders", 0)).unwrap();
    assert!(
        part.log_start_offset() > 0,
        "retention moved the log start forward"
    );
}
