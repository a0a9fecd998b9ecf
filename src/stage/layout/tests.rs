use super::*;
use kafka_model::{ConsumerConfig, ProducerConfig, TopicConfig};

fn cluster(
    brokers: u32,
    partitions: u32,
    rf: u32,
    topics: usize,
    groups: usize,
    members: usize,
) -> Cluster {
    let mut c = Cluster::new(1, brokers).unwrap();
    for t in 0..topics {
        let config = TopicConfig::default()
            .with_partitions(partitions)
            .with_replication_factor(rf.min(brokers));
        c.create_topic(&format!("topic-{t}"), config).unwrap();
    }
    for p in 0..2 {
        c.create_producer(&format!("producer-{p}"), ProducerConfig::default())
            .unwrap();
    }
    for g in 0..groups {
        let group = format!("group-{g}");
        c.create_group(&group, ConsumerConfig::default()).unwrap();
        for m in 0..members {
            c.add_member(&group, &format!("consumer-{m}"), vec!["topic-0".into()])
                .unwrap();
        }
    }
    c
}

fn assert_clean(layout: &Layout, what: &str) {
    let stage = Rect {
        x: 0.0,
        y: 0.0,
        w: layout.width,
        h: layout.height,
    };
    let boxes = layout.all_boxes();
    for (i, a) in boxes.iter().enumerate() {
        assert!(
            stage.contains(a),
            "{what}: {a:?} leaves the stage {stage:?}"
        );
        for b in &boxes[i + 1..] {
            assert!(!a.overlaps(b), "{what}: {a:?} overlaps {b:?}");
        }
    }
    for b in &layout.brokers {
        for (i, (tp, chip)) in b.chips.iter().enumerate() {
            assert!(
                b.rect.contains(chip),
                "{what}: chip {tp} outside broker-{}",
                b.id
            );
            for (_, other) in &b.chips[i + 1..] {
                assert!(
                    !chip.overlaps(other),
                    "{what}: chips overlap in broker-{}",
                    b.id
                );
            }
        }
    }
    for g in &layout.groups {
        for (m, r) in &g.members {
            assert!(g.rect.contains(r), "{what}: member {m} outside its group");
        }
    }
}

#[test]
fn lays_out_cleanly_from_one_to_nine_brokers_and_one_to_twelve_partitions() {
    for brokers in 1..=9 {
        for partitions in [1, 3, 6, 12] {
            let c = cluster(brokers, partitions, 3, 2, 2, 3);
            for o in [Orientation::Wide, Orientation::Tall] {
                let layout = Layout::compute(&c, o);
                assert_eq!(layout.brokers.len(), brokers as usize);
                let chips: usize = layout.brokers.iter().map(|b| b.chips.len()).sum();
                assert_eq!(
                    chips as u32,
                    2 * partitions * 3.min(brokers),
                    "every replica has a chip"
                );
                assert_clean(
                    &layout,
                    &format!("{brokers} brokers, {partitions} partitions, {o:?}"),
                );
            }
        }
    }
}

#[test]
fn phone_layout_is_narrow_and_laptop_layout_is_wide() {
    let c = cluster(3, 6, 2, 1, 1, 2);
    let tall = Layout::compute(&c, Orientation::Tall);
    let wide = Layout::compute(&c, Orientation::Wide);
    assert!(tall.width < 500.0 && tall.height > tall.width);
    assert!(wide.width > wide.height);
    // Producers left of the brokers, groups right of them: the primer's shape.
    let p = wide.producers[0].1;
    let b = wide.brokers[0].rect;
    let g = wide.groups[0].rect;
    assert!(p.x + p.w < b.x && b.x + b.w <= g.x);
}

#[test]
fn replica_and_member_lookups_find_their_boxes() {
    let c = cluster(3, 3, 3, 1, 1, 2);
    let layout = Layout::compute(&c, Orientation::Wide);
    let tp = TopicPartition::new("topic-0", 2);
    for b in 1..=3 {
        let chip = layout.replica(b, &tp).unwrap();
        assert!(layout.broker(b).unwrap().rect.contains(&chip));
        assert_eq!(chip.w, CHIP_W);
    }
    let member = c
        .group("group-0")
        .unwrap()
        .members
        .keys()
        .next()
        .unwrap()
        .clone();
    assert!(layout.member("group-0", &member).is_some());
    assert!(layout.member("nope", &member).is_none());
}

#[test]
fn orientation_follows_the_stage_shape() {
    assert_eq!(Orientation::for_size(1280.0, 800.0), Orientation::Wide);
    assert_eq!(Orientation::for_size(390.0, 844.0), Orientation::Tall);
}
