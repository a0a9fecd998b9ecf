use super::*;
use kafka_model::{Command, ProducerConfig, ProducerRecord, TopicConfig};

/// The primer's chain of topics (scenes 7 and 8): Orders → orders → {Inventory,
/// Notification}; Inventory → inventory → Payments → the payments table.
fn chain() -> Cluster {
    let mut c = Cluster::new(1, 3).unwrap();
    c.apply(&Command::CreateProducer {
        client_id: "orders".into(),
        config: ProducerConfig::default(),
    })
    .unwrap();
    for command in kafka_model::presets::shop_on_kafka() {
        c.apply(&command).unwrap();
    }
    c
}

fn rank_of(l: &FlowLayout, kind: &NodeKind) -> f64 {
    match kind {
        NodeKind::Topic(t) => l.topics.iter().find(|b| &b.topic == t).unwrap().rect.x,
        k => l.node(k).unwrap().rect.x,
    }
}

fn service(name: &str) -> NodeKind {
    NodeKind::Group {
        group: name.into(),
        service: true,
    }
}

#[test]
fn the_chain_reads_left_to_right_as_the_primer_draws_it() {
    let c = chain();
    let l = FlowLayout::compute(&c, Orientation::Wide);
    let x = |k: NodeKind| rank_of(&l, &k);
    let orders = x(NodeKind::Producer(1));
    let orders_topic = x(NodeKind::Topic("orders".into()));
    let (inventory, notification) = (x(service("inventory")), x(service("notification")));
    let inventory_topic = x(NodeKind::Topic("inventory".into()));
    let payments = x(service("payments"));
    let table = x(NodeKind::Table("payments".into()));
    let email = x(NodeKind::Email("notification".into()));
    assert!(orders < orders_topic);
    assert!(orders_topic < inventory);
    assert_eq!(inventory, notification, "both read orders: one rank");
    assert!(inventory < inventory_topic);
    assert!(inventory_topic < payments);
    assert!(payments < table);
    assert!(notification < email);
    // Arrows: the producer to its topic once it has written there.
    assert!(l.edges.len() >= 6, "{:?}", l.edges);
}

#[test]
fn a_row_per_partition_and_the_window_ends_with_the_next_offset() {
    let mut c = chain();
    for i in 0..60 {
        c.apply(&Command::Produce {
            producer: 1,
            record: ProducerRecord::text("orders", Some(&format!("k{i}")), &format!("{i}")),
        })
        .unwrap();
    }
    c.advance(3_000);
    let l = FlowLayout::compute(&c, Orientation::Wide);
    let t = l.topics.iter().find(|t| t.topic == "orders").unwrap();
    assert_eq!(t.rows.len(), 3);
    for row in &t.rows {
        let p = c.partition(&row.partition).unwrap();
        let leo = p.log_end_offset();
        assert!(row.shows(leo), "the next offset's slot is in the window");
        if leo + 1 >= row.slots as u64 {
            assert!(!row.shows(leo + 1), "a full row ends with the next offset");
            if row.lead == 1 {
                assert!(
                    !row.shows(row.first - 1),
                    "and starts after the summed-up slot"
                );
            }
        }
        let start = p.log_start_offset();
        if leo + 1 > start + row.slots as u64 {
            // Older records than fit: the first slot sums them up, the rest are the newest.
            assert_eq!((row.lead, row.first), (1, leo + 2 - row.slots as u64));
        } else {
            assert_eq!((row.lead, row.first), (0, start));
        }
        assert!(row.slots >= MIN_SLOTS);
        assert_eq!(row.x_of(row.first), row.cells.x + row.lead as f64 * CELL_W);
        assert_eq!(
            row.x_of(leo + 5),
            row.cells.x + row.slots as f64 * CELL_W,
            "clamped"
        );
        assert!(
            row.cells.x + row.cells.w <= t.rect.x + t.rect.w + 0.01,
            "{row:?}"
        );
        // Every group reading the topic has a lane under the row.
        assert_eq!(row.lanes, ["inventory", "notification"]);
    }
}

#[test]
fn boxes_stay_on_the_stage_and_never_overlap_in_either_orientation() {
    let mut c = chain();
    c.apply(&Command::CreateTopic {
        name: "audit".into(),
        config: TopicConfig::default().with_partitions(12),
    })
    .unwrap();
    for orientation in [Orientation::Wide, Orientation::Tall] {
        let l = FlowLayout::compute(&c, orientation);
        let stage = Rect {
            x: 0.0,
            y: 0.0,
            w: l.width,
            h: l.height,
        };
        let boxes = l.all_boxes();
        for (i, a) in boxes.iter().enumerate() {
            assert!(stage.contains(a), "{orientation:?}: {a:?} off the stage");
            for b in &boxes[i + 1..] {
                assert!(!a.overlaps(b), "{orientation:?}: {a:?} overlaps {b:?}");
            }
        }
        if orientation == Orientation::Tall {
            assert_eq!(l.width, TALL_W);
        }
    }
}

#[test]
fn an_empty_cluster_has_a_small_empty_stage() {
    let c = Cluster::new(1, 1).unwrap();
    let l = FlowLayout::compute(&c, Orientation::Wide);
    assert!(l.topics.is_empty() && l.nodes.is_empty() && l.edges.is_empty());
    assert!(l.width > 0.0 && l.height > 0.0);
}
