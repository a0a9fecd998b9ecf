//! Every scene starts untouched and can be finished: a scripted learner does what each
//! "try this" item asks, through the same commands the forms and quick actions send, and
//! each item ticks. Items that were ticked from the start would teach nothing.

use super::*;
use crate::session::Session;
use kafka_model::{Command, ProducerRecord};

enum Step {
    Run(Command),
    Act(Action),
    Wait(u64),
}

fn publish(topic: &str, key: Option<&str>, value: &str) -> Step {
    Step::Run(Command::Produce {
        producer: 1,
        record: ProducerRecord::text(topic, key, value),
    })
}

fn start(scene: &Scene) -> Session {
    scene.session().expect("valid preset")
}

fn done(scene: &Scene, session: &Session) -> Vec<bool> {
    scene.tasks.iter().map(|t| (t.done)(session)).collect()
}

/// What a learner does in each scene, item by item.
/// The scene's own "automatic orders" action (its rate is the scene's).
fn auto_orders(id: &str) -> Action {
    *by_id(id)
        .and_then(|s| {
            s.actions
                .iter()
                .find(|a| matches!(a, Action::AutoOrders { .. }))
        })
        .unwrap_or_else(|| panic!("scene {id} offers automatic orders"))
}

fn learner(id: &str) -> Vec<Vec<Step>> {
    use Step::*;
    match id {
        "events" => vec![
            vec![publish("orders", Some("order-1"), "1× book"), Wait(3_000)],
            vec![
                Run(Command::Produce {
                    producer: 1,
                    record: ProducerRecord::text("orders", Some("order-2"), "2× pen")
                        .with_header("source", "web"),
                }),
                Wait(3_000),
            ],
            vec![publish("orders", None, "hello"), Wait(3_000)],
        ],
        "topics" => vec![
            vec![publish("orders", Some("order-1"), "book"), Wait(3_000)],
            vec![
                publish("payments", Some("order-1"), "paid"),
                publish("shipments", Some("order-1"), "sent"),
                Wait(3_000),
            ],
            vec![Run(Command::CreateTopic {
                name: "reviews".into(),
                config: kafka_model::TopicConfig::default(),
            })],
        ],
        "subscribers" => vec![
            vec![publish("orders", Some("order-1"), "book"), Wait(15_000)],
            vec![Act(Action::AddGroup { topic: "reviews" }), Wait(10_000)],
            vec![
                Act(Action::RemoveMember { group: "inventory" }),
                Wait(3_000),
            ],
        ],
        "partitions" => vec![
            vec![
                publish("orders", Some("order-1"), "a"),
                publish("orders", Some("order-1"), "b"),
                Wait(3_000),
            ],
            (2..=6)
                .map(|k| publish("orders", Some(&format!("order-{k}")), "x"))
                .chain([Wait(3_000)])
                .collect(),
            vec![Act(Action::AddPartition { topic: "orders" }), Wait(1_000)],
            vec![
                Wait(10_000),
                Act(Action::RemoveMember { group: "payments" }),
                Wait(5_000),
                Act(Action::RewindGroup {
                    group: "payments",
                    topic: "orders",
                }),
                Act(Action::AddMember {
                    group: "payments",
                    topic: "orders",
                }),
                Wait(10_000),
            ],
        ],
        "cluster" => vec![
            vec![
                Wait(5_000),
                Act(Action::KillLeader {
                    topic: "orders",
                    partition: 0,
                }),
                Wait(10_000),
            ],
            vec![Act(Action::ReviveAll), Wait(30_000)],
            vec![Act(Action::ToggleZooKeeper), Wait(1_000)],
        ],
        "consumer-groups" => vec![
            vec![
                Wait(10_000),
                Act(Action::AddMember {
                    group: "payments",
                    topic: "us-orders",
                }),
                Wait(15_000),
            ],
            vec![
                Act(Action::AddMember {
                    group: "payments",
                    topic: "us-orders",
                }),
                Wait(15_000),
            ],
            vec![Act(Action::AddGroup { topic: "us-orders" }), Wait(20_000)],
        ],
        "what-is-kafka" => vec![
            vec![Act(Action::PlaceOrder), Wait(3_000)],
            vec![Wait(15_000)],
            vec![
                Act(Action::PlaceOrder),
                Act(Action::PlaceOrder),
                Wait(15_000),
            ],
        ],
        "kafka-in-the-middle" => vec![
            vec![Act(Action::PlaceOrder), Wait(15_000)],
            vec![Act(Action::ToggleService("payments"))],
            vec![Act(auto_orders(id)), Wait(30_000)],
            vec![
                Act(auto_orders(id)),
                Act(Action::ToggleService("payments")),
                Wait(60_000),
            ],
        ],
        "topics-in-action" => vec![vec![Act(Action::PlaceOrder), Wait(15_000)], vec![], vec![]],
        "chain-reaction" => vec![
            vec![
                Act(Action::PlaceOrder),
                Act(Action::PlaceOrder),
                Act(Action::PlaceOrder),
                Wait(20_000),
            ],
            vec![
                Act(Action::ToggleService("inventory")),
                Act(Action::PlaceOrder),
                Act(Action::PlaceOrder),
                Wait(5_000),
            ],
            vec![Act(Action::ToggleService("inventory")), Wait(40_000)],
        ],
        "direct-calls" => vec![
            vec![Act(Action::PlaceOrder), Wait(10_000)],
            vec![Act(Action::ToggleService("payments"))],
            vec![Act(auto_orders(id)), Wait(30_000)],
            vec![Act(Action::ToggleService("payments")), Wait(30_000)],
        ],
        other => panic!("no learner script for scene {other}: write one"),
    }
}

fn run(session: &mut Session, step: &Step) {
    match step {
        Step::Run(c) => {
            session
                .apply(c.clone())
                .unwrap_or_else(|e| panic!("{c:?}: {e}"));
        }
        Step::Act(a) => a.apply(session).unwrap_or_else(|e| panic!("{a:?}: {e:?}")),
        Step::Wait(ms) => session.advance(*ms),
    }
}

#[test]
fn ids_are_unique_and_url_safe() {
    let mut ids: Vec<&str> = SCENES.iter().map(|s| s.id).collect();
    assert!(ids
        .iter()
        .all(|id| id.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), SCENES.len());
    assert!(by_id("nope").is_none());
    assert_eq!(by_id(SCENES[0].id).map(|s| s.number()), Some(1));
}

#[test]
fn every_scene_speaks_both_languages_with_kafka_terms_in_english() {
    for scene in SCENES {
        for text in [scene.title, scene.section]
            .iter()
            .chain(scene.narration)
            .chain(scene.tasks.iter().map(|t| &t.text))
        {
            assert!(
                !text.vi.trim().is_empty() && !text.en.trim().is_empty(),
                "{scene:?}"
            );
        }
        // The narration is a translation, not a copy.
        assert!(scene.narration.iter().all(|t| t.vi != t.en), "{scene:?}");
        assert!(!scene.tasks.is_empty(), "{scene:?} has nothing to try");
    }
}

#[test]
fn no_task_is_done_before_the_learner_acts() {
    for scene in SCENES {
        let mut session = start(scene);
        // Every moment of the first 20 s, as the page would check it.
        for _ in 0..80 {
            assert!(
                done(scene, &session).iter().all(|d| !d),
                "{scene:?} at {} ms: {:?}",
                session.now(),
                done(scene, &session)
            );
            session.advance(250);
        }
        assert!(
            done(scene, &session).iter().all(|d| !d),
            "{scene:?}: {:?}",
            done(scene, &session)
        );
    }
}

#[test]
fn a_learner_can_tick_every_task_in_order() {
    for scene in SCENES {
        let mut session = start(scene);
        let script = learner(scene.id);
        assert_eq!(
            script.len(),
            scene.tasks.len(),
            "{scene:?}: one script per task"
        );
        for (i, steps) in script.iter().enumerate() {
            // An empty step list: the item ticks from what the learner already did (one
            // order sets off the whole chain).
            if !steps.is_empty() {
                assert!(
                    !(scene.tasks[i].done)(&session),
                    "{scene:?} task {i} done too early"
                );
            }
            for step in steps {
                run(&mut session, step);
            }
            assert!(
                (scene.tasks[i].done)(&session),
                "{scene:?}: task {i} ({}) did not tick",
                scene.tasks[i].text.en
            );
        }
    }
}
