//! The primer's scenes, in the primer's order. Each is a named preset of the live model,
//! its narration, the quick actions it offers and the "try this" items that watch the model.

use super::actions::Action;
use super::checks as c;
use super::shop;
use crate::i18n::scenes as words;
use crate::i18n::Text;
use crate::session::{Origin, Session};
use crate::stage::View;
use kafka_model::{AutoProduce, Command, ConsumerConfig, KeyPattern, ProducerConfig, TopicConfig};

/// What the stage shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageKind {
    /// The Kafka cluster.
    Kafka,
    /// The shop without Kafka: services calling each other directly.
    Direct,
    /// Both, side by side: the shop without Kafka and the one with it.
    Both,
}

impl StageKind {
    pub fn has_direct(self) -> bool {
        matches!(self, StageKind::Direct | StageKind::Both)
    }

    pub fn has_kafka(self) -> bool {
        matches!(self, StageKind::Kafka | StageKind::Both)
    }
}

/// Which side panels a scene offers (the free playground offers all).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panels {
    pub publish: bool,
    pub topics: bool,
    pub brokers: bool,
    pub groups: bool,
    /// The shop's services (stop/start), its database table and its e-mails.
    pub services: bool,
}

impl Panels {
    pub const ALL: Panels = Panels {
        publish: true,
        topics: true,
        brokers: true,
        groups: true,
        services: true,
    };
    pub const NONE: Panels = Panels {
        publish: false,
        topics: false,
        brokers: false,
        groups: false,
        services: false,
    };
}

/// A "try this" item: done when the live model says so.
pub struct Task {
    pub text: Text,
    pub done: fn(&Session) -> bool,
}

pub struct Scene {
    /// For `?scene=<id>`: stable, lowercase, hyphenated.
    pub id: &'static str,
    /// The primer's illustration this scene brings to life.
    pub illustration: &'static str,
    pub section: Text,
    pub title: Text,
    pub narration: &'static [Text],
    pub stage: StageKind,
    /// Which drawing of the stage the scene opens with (the learner may switch).
    pub view: View,
    pub brokers: u32,
    pub seed: u64,
    pub setup: fn() -> Vec<Command>,
    pub panels: Panels,
    pub actions: &'static [Action],
    pub tasks: &'static [Task],
}

impl PartialEq for Scene {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl std::fmt::Debug for Scene {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id)
    }
}

impl Scene {
    /// What the scene's session starts from: its seed for both worlds, its cluster preset,
    /// and the shop without Kafka where the stage shows it.
    pub fn origin(&self) -> Origin {
        Origin {
            seed: self.seed,
            brokers: self.brokers,
            setup: (self.setup)(),
            without_kafka: self.stage.has_direct(),
        }
    }

    /// The scene's live session, as the preset builds it.
    pub fn session(&self) -> Result<Session, kafka_model::ModelError> {
        Session::start(self.origin())
    }

    /// 1-based place in the primer.
    pub fn number(&self) -> usize {
        SCENES
            .iter()
            .position(|s| s.id == self.id)
            .map_or(0, |i| i + 1)
    }
}

pub fn by_id(id: &str) -> Option<&'static Scene> {
    SCENES.iter().find(|s| s.id == id)
}

fn topic(name: &str, partitions: u32, rf: u32) -> Command {
    Command::CreateTopic {
        name: name.into(),
        config: TopicConfig::default()
            .with_partitions(partitions)
            .with_replication_factor(rf),
    }
}

fn producer(client_id: &str) -> Command {
    Command::CreateProducer {
        client_id: client_id.into(),
        config: ProducerConfig::default(),
    }
}

fn group(name: &str, members: &[&str], topic: &str) -> Vec<Command> {
    let mut commands = vec![Command::CreateGroup {
        group: name.into(),
        config: ConsumerConfig::default(),
    }];
    commands.extend(members.iter().map(|m| Command::AddMember {
        group: name.into(),
        client_id: (*m).into(),
        topics: vec![topic.into()],
    }));
    commands
}

fn auto_produce(producer: u32, topic: &str, per_sec: f64, keys: &[&str]) -> Command {
    Command::SetAutoProduce {
        producer,
        auto: Some(AutoProduce {
            topic: topic.into(),
            records_per_sec: per_sec,
            keys: KeyPattern::Cycling(keys.iter().map(|k| k.to_string()).collect()),
        }),
    }
}

const SHOP_PANELS: Panels = Panels {
    publish: false,
    topics: false,
    brokers: false,
    groups: false,
    services: true,
};

pub static SCENES: &[Scene] = &[
    Scene {
        id: "what-is-kafka",
        illustration: "Realistic_example.png",
        section: words::SECTION_WHAT,
        title: words::what_is_kafka::TITLE,
        narration: words::what_is_kafka::NARRATION,
        stage: StageKind::Kafka,
        view: View::Flow,
        brokers: 3,
        seed: 1,
        setup: shop::chain,
        panels: SHOP_PANELS,
        actions: &[Action::PlaceOrder],
        tasks: &[
            Task {
                text: words::what_is_kafka::PLACE_AN_ORDER,
                done: |s| c::record_count(s.cluster(), "orders") > 0,
            },
            Task {
                text: words::what_is_kafka::WATCH_THE_CHAIN,
                done: |s| {
                    c::record_count(s.cluster(), "inventory") > 0
                        && c::rows(s, "payments") > 0
                        && c::emails(s) > 0
                },
            },
            Task {
                text: words::what_is_kafka::TWO_MORE_ORDERS,
                done: |s| c::emails(s) >= 3 && c::rows(s, "payments") >= 3,
            },
        ],
    },
    Scene {
        id: "direct-calls",
        illustration: "Simple_architecture.png",
        section: words::SECTION_WHAT,
        title: words::direct_calls::TITLE,
        narration: words::direct_calls::NARRATION,
        stage: StageKind::Direct,
        view: View::Flow,
        brokers: 1,
        seed: 2,
        setup: Vec::new,
        panels: Panels::NONE,
        actions: &[
            Action::PlaceOrder,
            Action::AutoOrders {
                per_sec: shop::CASCADE_ORDERS_PER_SEC,
            },
            Action::ToggleService("payments"),
        ],
        tasks: &[
            Task {
                text: words::direct_calls::PLACE_AN_ORDER,
                done: |s| s.facts().direct_completed > 0,
            },
            Task {
                text: words::direct_calls::PAYMENTS_DOWN,
                done: |s| c::direct_down(s, "payments"),
            },
            Task {
                text: words::direct_calls::AUTOMATIC_ORDERS,
                done: |s| s.facts().direct_failed > 0 && s.facts().direct_rejected > 0,
            },
            Task {
                text: words::direct_calls::PAYMENTS_BACK,
                done: |s| s.facts().direct_completed_after_recovery,
            },
        ],
    },
    Scene {
        id: "kafka-in-the-middle",
        illustration: "How_Kafka_works.png",
        section: words::SECTION_WHAT,
        title: words::kafka_in_the_middle::TITLE,
        narration: words::kafka_in_the_middle::NARRATION,
        stage: StageKind::Both,
        view: View::Flow,
        brokers: 3,
        seed: 3,
        setup: shop::hub,
        panels: SHOP_PANELS,
        actions: &[
            Action::PlaceOrder,
            Action::AutoOrders {
                per_sec: shop::AUTO_ORDERS_PER_SEC,
            },
            Action::ToggleService("payments"),
        ],
        tasks: &[
            Task {
                text: words::kafka_in_the_middle::PLACE_AN_ORDER,
                done: |s| s.facts().direct_completed > 0 && c::rows(s, "payments") > 0,
            },
            Task {
                text: words::kafka_in_the_middle::PAYMENTS_DOWN,
                done: |s| {
                    c::direct_down(s, "payments")
                        && c::service_running(s, "payments") == Some(false)
                },
            },
            Task {
                text: words::kafka_in_the_middle::AUTOMATIC_ORDERS,
                done: |s| {
                    s.facts().direct_failed + s.facts().direct_rejected > 0
                        && c::service_lag(s, "payments") >= 3
                },
            },
            Task {
                text: words::kafka_in_the_middle::PAYMENTS_BACK,
                done: |s| c::service_caught_up_after_restart(s, "payments"),
            },
        ],
    },
    Scene {
        id: "events",
        illustration: "Events_structure.png",
        section: words::SECTION_EVENTS,
        title: words::events::TITLE,
        narration: words::events::NARRATION,
        stage: StageKind::Kafka,
        view: View::Flow,
        brokers: 3,
        seed: 4,
        setup: || vec![topic("orders", 3, 2), producer("producer-1")],
        panels: Panels {
            publish: true,
            topics: false,
            brokers: false,
            groups: false,
            services: false,
        },
        actions: &[],
        tasks: &[
            Task {
                text: words::events::KEY_AND_VALUE,
                done: |s| {
                    c::records(s.cluster(), "orders")
                        .any(|(_, r)| r.key.is_some() && r.value.is_some())
                },
            },
            Task {
                text: words::events::A_HEADER,
                done: |s| c::records(s.cluster(), "orders").any(|(_, r)| !r.headers.is_empty()),
            },
            Task {
                text: words::events::NO_KEY,
                done: |s| c::records(s.cluster(), "orders").any(|(_, r)| r.key.is_none()),
            },
        ],
    },
    Scene {
        id: "topics",
        illustration: "Where_to_save_events.png",
        section: words::SECTION_TOPIC,
        title: words::topics::TITLE,
        narration: words::topics::NARRATION,
        stage: StageKind::Kafka,
        view: View::Flow,
        brokers: 3,
        seed: 5,
        setup: || {
            vec![
                topic("orders", 1, 2),
                topic("payments", 1, 2),
                topic("shipments", 1, 2),
                producer("producer-1"),
            ]
        },
        panels: Panels {
            publish: true,
            topics: true,
            brokers: false,
            groups: false,
            services: false,
        },
        actions: &[],
        tasks: &[
            Task {
                text: words::topics::PUBLISH_TO_ORDERS,
                done: |s| c::record_count(s.cluster(), "orders") > 0,
            },
            Task {
                text: words::topics::TWO_OTHER_TOPICS,
                done: |s| c::topics_with_records(s) >= 3,
            },
            Task {
                text: words::topics::A_TOPIC_OF_YOUR_OWN,
                done: |s| c::topic_count(s) >= 4,
            },
        ],
    },
    Scene {
        id: "subscribers",
        illustration: "Where_to_save_events_1.png",
        section: words::SECTION_TOPIC,
        title: words::subscribers::TITLE,
        narration: words::subscribers::NARRATION,
        stage: StageKind::Kafka,
        view: View::Flow,
        brokers: 3,
        seed: 6,
        setup: || {
            let mut commands = vec![
                topic("orders", 2, 2),
                topic("reviews", 1, 2),
                producer("producer-1"),
            ];
            commands.extend(group("notification", &["notification-1"], "orders"));
            commands.extend(group("inventory", &["inventory-1"], "orders"));
            commands.extend(group("analytics", &["analytics-1"], "reviews"));
            commands
        },
        panels: Panels {
            publish: true,
            topics: false,
            brokers: false,
            groups: true,
            services: false,
        },
        actions: &[
            Action::AddGroup { topic: "reviews" },
            Action::RemoveMember { group: "inventory" },
        ],
        tasks: &[
            Task {
                text: words::subscribers::BOTH_RECEIVE,
                done: |s| {
                    c::every_group_got_everything(s, "orders", &["notification", "inventory"])
                        && s.facts().delivered.contains_key("notification")
                        && s.facts().delivered.contains_key("inventory")
                },
            },
            Task {
                text: words::subscribers::NEW_GROUP_ON_REVIEWS,
                done: |s| {
                    s.cluster().groups().any(|g| {
                        g.group_id != "analytics"
                            && g.members.values().any(|m| {
                                m.is_running() && m.subscription.iter().any(|t| t == "reviews")
                            })
                    })
                },
            },
            Task {
                text: words::subscribers::UNSUBSCRIBE,
                done: |s| {
                    ["notification", "inventory", "analytics"]
                        .iter()
                        .any(|g| c::members(s, g) == 0)
                },
            },
        ],
    },
    Scene {
        id: "topics-in-action",
        illustration: "Example_of_topics_in_action.png",
        section: words::SECTION_TOPIC,
        title: words::topics_in_action::TITLE,
        narration: words::topics_in_action::NARRATION,
        stage: StageKind::Kafka,
        view: View::Flow,
        brokers: 3,
        seed: 7,
        setup: shop::chain,
        panels: SHOP_PANELS,
        actions: &[Action::PlaceOrder],
        tasks: &[
            Task {
                text: words::topics_in_action::NOTIFICATION_SENDS,
                done: |s| c::emails(s) > 0,
            },
            Task {
                text: words::topics_in_action::INVENTORY_UPDATES,
                done: |s| c::record_count(s.cluster(), "inventory") > 0,
            },
            Task {
                text: words::topics_in_action::PAYMENTS_READS,
                done: |s| c::rows(s, "payments") > 0,
            },
        ],
    },
    Scene {
        id: "chain-reaction",
        illustration: "What_is_Kafka.png",
        section: words::SECTION_TOPIC,
        title: words::chain_reaction::TITLE,
        narration: words::chain_reaction::NARRATION,
        stage: StageKind::Kafka,
        view: View::Flow,
        brokers: 3,
        seed: 8,
        setup: shop::chain,
        panels: SHOP_PANELS,
        actions: &[
            Action::PlaceOrder,
            Action::AutoOrders {
                per_sec: shop::AUTO_ORDERS_PER_SEC,
            },
            Action::ToggleService("inventory"),
        ],
        tasks: &[
            Task {
                text: words::chain_reaction::THREE_ORDERS,
                done: |s| c::rows(s, "payments") >= 3,
            },
            Task {
                text: words::chain_reaction::INVENTORY_DOWN,
                done: |s| {
                    c::service_running(s, "inventory") == Some(false)
                        && c::service_lag(s, "inventory") >= 2
                },
            },
            Task {
                text: words::chain_reaction::INVENTORY_BACK,
                done: |s| {
                    c::service_caught_up_after_restart(s, "inventory")
                        && c::service_lag(s, "payments") <= 1
                        && c::rows(s, "payments") >= 5
                },
            },
        ],
    },
    Scene {
        id: "partitions",
        illustration: "Partition_in_Kafka.png",
        section: words::SECTION_PARTITION,
        title: words::partitions::TITLE,
        narration: words::partitions::NARRATION,
        stage: StageKind::Kafka,
        view: View::Flow,
        brokers: 3,
        seed: 9,
        setup: || {
            let mut commands = vec![topic("orders", 3, 2), producer("producer-1")];
            commands.extend(group("payments", &["payment-1"], "orders"));
            commands
        },
        panels: Panels {
            publish: true,
            topics: true,
            brokers: false,
            groups: true,
            services: false,
        },
        actions: &[
            Action::AddPartition { topic: "orders" },
            Action::RemoveMember { group: "payments" },
            Action::RewindGroup {
                group: "payments",
                topic: "orders",
            },
            Action::AddMember {
                group: "payments",
                topic: "orders",
            },
        ],
        tasks: &[
            Task {
                text: words::partitions::SAME_KEY_TWICE,
                done: |s| c::same_key_same_partition(s, "orders"),
            },
            Task {
                text: words::partitions::TWO_PARTITIONS_USED,
                done: |s| c::partitions_used(s, "orders") >= 2,
            },
            Task {
                text: words::partitions::ADD_A_PARTITION,
                done: |s| c::partition_count(s, "orders") >= 4,
            },
            Task {
                text: words::partitions::REWIND_THE_GROUP,
                done: |s| s.facts().offset_resets > 0 && c::members(s, "payments") > 0,
            },
        ],
    },
    Scene {
        id: "cluster",
        illustration: "Kafka_cluster.png",
        section: words::SECTION_CLUSTER,
        title: words::cluster::TITLE,
        narration: words::cluster::NARRATION,
        stage: StageKind::Kafka,
        view: View::Cluster,
        brokers: 3,
        seed: 10,
        setup: || {
            let mut commands = vec![
                Command::CreateTopic {
                    name: "orders".into(),
                    config: TopicConfig::default()
                        .with_partitions(3)
                        .with_replication_factor(3)
                        .with_min_insync_replicas(2),
                },
                producer("producer-1"),
                auto_produce(
                    1,
                    "orders",
                    1.5,
                    &["order-1", "order-2", "order-3", "order-4", "order-5"],
                ),
            ];
            commands.extend(group("payments", &["payment-1", "payment-2"], "orders"));
            commands
        },
        panels: Panels {
            publish: true,
            topics: false,
            brokers: true,
            groups: false,
            services: false,
        },
        actions: &[
            Action::KillLeader {
                topic: "orders",
                partition: 0,
            },
            Action::ReviveAll,
            Action::ToggleZooKeeper,
        ],
        tasks: &[
            Task {
                text: words::cluster::KILL_THE_LEADER,
                done: c::leadership_moved,
            },
            Task {
                text: words::cluster::BRING_IT_BACK,
                done: c::revived_and_in_sync,
            },
            Task {
                text: words::cluster::ZOOKEEPER_MODE,
                done: c::zookeeper_mode,
            },
        ],
    },
    Scene {
        id: "consumer-groups",
        illustration: "Consumer_groups.png",
        section: words::SECTION_GROUPS,
        title: words::consumer_groups::TITLE,
        narration: words::consumer_groups::NARRATION,
        stage: StageKind::Kafka,
        view: View::Flow,
        brokers: 3,
        seed: 11,
        setup: || {
            let mut commands = vec![
                topic("us-orders", 3, 2),
                producer("orders"),
                auto_produce(
                    1,
                    "us-orders",
                    2.0,
                    &[
                        "order-1", "order-2", "order-3", "order-4", "order-5", "order-6",
                        "order-7", "order-8", "order-9", "order-10",
                    ],
                ),
            ];
            commands.extend(group("payments", &["payment-1", "payment-2"], "us-orders"));
            commands
        },
        panels: Panels {
            publish: false,
            topics: false,
            brokers: false,
            groups: true,
            services: false,
        },
        actions: &[
            Action::AddMember {
                group: "payments",
                topic: "us-orders",
            },
            Action::RemoveMember { group: "payments" },
            Action::AddGroup { topic: "us-orders" },
        ],
        tasks: &[
            Task {
                text: words::consumer_groups::ADD_A_MEMBER,
                done: |s| c::stable_with(s, "payments", 3),
            },
            Task {
                text: words::consumer_groups::MORE_MEMBERS_THAN_PARTITIONS,
                done: |s| c::has_idle_member(s, "payments"),
            },
            Task {
                text: words::consumer_groups::SECOND_GROUP,
                done: |s| c::another_group_receiving(s, "us-orders", &["payments"]),
            },
        ],
    },
];

#[cfg(test)]
mod tests;
