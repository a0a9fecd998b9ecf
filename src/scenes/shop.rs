//! The primer's e-commerce shop on Kafka: the Orders service produces every order to the
//! `orders` topic; the other services are real consumers (and producers) of the model.

use kafka_model::{
    AutoProduce, Cluster, Command, KeyPattern, ProducerConfig, ProducerRecord, ServiceConfig,
    TopicConfig,
};

/// Automatic orders where both shops are compared (scene 3) and on Kafka alone: two a
/// second. The shop's services each handle one order in 300 ms (3.3 a second), so on Kafka a
/// service brought back catches up; without Kafka, with Payments down, each order holds one of
/// Orders' workers for the whole 5 s timeout and fails.
pub const AUTO_ORDERS_PER_SEC: u32 = 2;

/// Automatic orders in scene 2 (the shop without Kafka alone): four a second, enough that with
/// a service down Orders' own workers and queue fill up within seconds and it starts turning
/// customers away — the cascade the primer warns about.
pub const CASCADE_ORDERS_PER_SEC: u32 = 4;

/// The client id of the producer that is the Orders service.
pub const ORDERS: &str = "orders";

/// A customer's order, produced by the Orders service to `orders`; nothing when the
/// cluster has no Orders producer (the scene has no shop on Kafka).
pub fn place_order(cluster: &Cluster) -> Vec<Command> {
    let Some(orders) = orders_producer_of(cluster) else {
        return Vec::new();
    };
    let queued: usize = orders.open_batches().map(|(_, b)| b.records.len()).sum();
    let n = orders.stats.records_sent + queued as u64 + 1;
    let key = format!("order-{n}");
    vec![Command::Produce {
        producer: orders.id,
        record: ProducerRecord::text(ORDERS, Some(&key), &format!("{n}× book")),
    }]
}

/// Orders start arriving by themselves, `per_sec` a second, or stop.
pub fn toggle_auto_orders(cluster: &Cluster, per_sec: u32) -> Vec<Command> {
    let Some(orders) = orders_producer_of(cluster) else {
        return Vec::new();
    };
    vec![Command::SetAutoProduce {
        producer: orders.id,
        auto: match orders.auto {
            Some(_) => None,
            None => Some(AutoProduce {
                topic: ORDERS.into(),
                records_per_sec: per_sec as f64,
                keys: KeyPattern::Cycling((1..=50).map(|k| format!("order-{k}")).collect()),
            }),
        },
    }]
}

/// A running service stops; a stopped one starts; nothing for a service the cluster lacks.
pub fn toggle_service(cluster: &Cluster, name: &str) -> Vec<Command> {
    let name = name.to_string();
    match cluster.service(&name) {
        Some(s) if s.running => vec![Command::StopService { name }],
        Some(_) => vec![Command::StartService { name }],
        None => Vec::new(),
    }
}

fn orders_producer_of(cluster: &Cluster) -> Option<&kafka_model::Producer> {
    cluster.producers().find(|p| p.client_id == ORDERS)
}

fn topic(name: &str) -> Command {
    Command::CreateTopic {
        name: name.into(),
        config: TopicConfig::default()
            .with_partitions(3)
            .with_replication_factor(2),
    }
}

fn service(name: &str, config: ServiceConfig) -> Command {
    Command::CreateService {
        name: name.into(),
        config,
    }
}

fn orders_producer() -> Command {
    Command::CreateProducer {
        client_id: ORDERS.into(),
        config: ProducerConfig::default(),
    }
}

/// Scene 3: Kafka in the middle — every service reads the `orders` topic on its own.
pub fn hub() -> Vec<Command> {
    vec![
        topic("orders"),
        orders_producer(),
        service(
            "inventory",
            ServiceConfig::consuming(["orders"]).write_row("stock"),
        ),
        service(
            "payments",
            ServiceConfig::consuming(["orders"]).write_row("payments"),
        ),
        service(
            "notification",
            ServiceConfig::consuming(["orders"]).send_email(),
        ),
    ]
}

/// Scenes 1, 7 and 8: the primer's chain of topics — orders → {Notification, Inventory};
/// Inventory → the `inventory` topic → Payments, which writes the `payments` table.
pub fn chain() -> Vec<Command> {
    let mut commands = kafka_model::presets::shop_on_kafka();
    // The primer's topics, replicated like the rest of the scenes.
    for c in commands.iter_mut() {
        if let Command::CreateTopic { config, .. } = c {
            config.replication_factor = 2;
        }
    }
    commands.insert(2, orders_producer());
    commands
}
