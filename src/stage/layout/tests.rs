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
        assert!(chip.w >= CHIP_W);
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

#[test]
fn a_window_in_one_column_gives_the_stage_its_shape() {
    // Phone and tablet upright: tall. The same turned sideways, or two columns: wide.
    assert_eq!(Orientation::for_window(390.0, 844.0), Orientation::Tall);
    assert_eq!(Orientation::for_window(768.0, 1024.0), Orientation::Tall);
    assert_eq!(Orientation::for_window(844.0, 390.0), Orientation::Wide);
    assert_eq!(Orientation::for_window(1024.0, 768.0), Orientation::Wide);
    assert_eq!(Orientation::for_window(900.0, 800.0), Orientation::Wide);
    assert_eq!(Orientation::for_window(1080.0, 1920.0), Orientation::Wide);
}

/// One topic `name` with `partitions` × `rf` replicas on three brokers.
fn one_topic(name: &str, partitions: u32, rf: u32) -> Cluster {
    let mut c = Cluster::new(1, 3).unwrap();
    let config = TopicConfig::default()
        .with_partitions(partitions)
        .with_replication_factor(rf);
    c.create_topic(name, config).unwrap();
    c
}

/// Room a chip needs to show `tp` whole beside a glyph.
fn whole_name_w(tp: &TopicPartition) -> f64 {
    CHIP_TEXT_PAD + CHIP_GLYPH_W + tp.to_string().chars().count() as f64 * CHIP_CHAR_W
}

#[test]
fn chips_are_wide_enough_for_the_primers_topic_names() {
    // Scene 11's `us-orders`: three partitions, two replicas each, on three brokers.
    let c = one_topic("us-orders", 3, 2);
    for orientation in [Orientation::Wide, Orientation::Tall] {
        let layout = Layout::compute(&c, orientation);
        assert_clean(&layout, "us-orders");
        for b in &layout.brokers {
            for (tp, chip) in &b.chips {
                assert!(
                    chip.w >= whole_name_w(tp),
                    "{orientation:?}: {tp} in {chip:?}"
                );
            }
        }
    }
}

#[test]
fn short_names_keep_two_chips_a_row_and_fill_it() {
    // `orders-0 ★` fits the narrowest chip: two a row, as before, stretched to the box.
    let c = one_topic("orders", 6, 2);
    let layout = Layout::compute(&c, Orientation::Wide);
    assert_clean(&layout, "orders");
    let b = &layout.brokers[0];
    let (first, second) = (b.chips[0].1, b.chips[1].1);
    assert_eq!(first.y, second.y, "two chips share the first row");
    assert!(
        (second.x + second.w - (b.rect.x + b.rect.w - PAD)).abs() < 1e-9,
        "the row is filled"
    );
}

#[test]
fn many_replicas_with_long_names_stay_compact() {
    // Twelve replicas a broker: whole names would stack twelve rows, so the chips stay narrow
    // (names shortened), as many a row as fit.
    let long = one_topic("inventory-events", 12, 3);
    let short = one_topic("ab", 12, 3);
    let (long, short) = (
        Layout::compute(&long, Orientation::Wide),
        Layout::compute(&short, Orientation::Wide),
    );
    assert_clean(&long, "inventory-events");
    assert_clean(&short, "ab");
    let rows = |l: &Layout| {
        let mut ys: Vec<i64> = l.brokers[0].chips.iter().map(|(_, r)| r.y as i64).collect();
        ys.dedup();
        ys.len()
    };
    assert_eq!(rows(&long), rows(&short), "as compact as short names");
    assert!(rows(&long) < 12);
}
