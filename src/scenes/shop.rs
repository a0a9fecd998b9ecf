//! The primer's e-commerce shop on Kafka: the Orders service produces every order to the
//! `orders` topic; the other services are real consumers (and producers) of the model.

use super::actions::Refusal;
use super::catalog::Action;
use kafka_model::{
    AutoProduce, Cluster, Command, KeyPattern, ProducerConfig, ProducerRecord, ServiceConfig,
    TopicConfig,
};

/// Automatic orders on Kafka: two a second.
pub const AUTO_ORDERS_PER_SEC: f64 = 2.0;

/// Automatic orders in the shop without Kafka: four a second, enough that with a service
/// down Orders' own workers and queue fill up within seconds and it starts turning
/// customers away — the cascade the primer warns about.
pub const DIRECT_AUTO_ORDERS_PER_SEC: f64 = 4.0;

/// The client id of the producer that is the Orders service.
pub const ORDERS: &str = "orders";

/// What the shop step means for the Kafka side; nothing when the scene has no shop on Kafka.
pub fn commands(action: Action, cluster: &Cluster) -> Result<Vec<Command>, Refusal> {
    if let Action::ToggleService(name) = action {
        let name = name.to_string();
        return Ok(match cluster.service(&name) {
            Some(s) if s.running => vec![Command::StopService { name }],
            Some(_) => vec![Command::StartService { name }],
            None => Vec::new(),
        });
    }
    let Some(orders) = cluster.producers().find(|p| p.client_id == ORDERS) else {
        return Ok(Vec::new());
    };
    Ok(match action {
        Action::PlaceOrder => {
            let queued: usize = orders.open_batches().map(|(_, b)| b.records.len()).sum();
            let n = orders.stats.records_sent + queued as u64 + 1;
            let key = format!("order-{n}");
            vec![Command::Produce {
                producer: orders.id,
                record: ProducerRecord::text(ORDERS, Some(&key), &format!("{n}× book")),
            }]
        }
        Action::AutoOrders => vec![Command::SetAutoProduce {
            producer: orders.id,
            auto: match orders.auto {
                Some(_) => None,
                None => Some(AutoProduce {
                    topic: ORDERS.into(),
                    records_per_sec: AUTO_ORDERS_PER_SEC,
                    keys: KeyPattern::Cycling((1..=50).map(|k| format!("order-{k}")).collect()),
                }),
            },
        }],
        _ => Vec::new(),
    })
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

/// Scene 1: one order ripples through the shop — stock reserved (Inventory produces to
/// the `inventory` topic), payment recorded, and the confirmation e-mail once the stock is
/// reserved.
pub fn ripple() -> Vec<Command> {
    vec![
        topic("orders"),
        topic("inventory"),
        orders_producer(),
        service(
            "inventory",
            ServiceConfig::consuming(["orders"]).produce_to("inventory", "reserved:"),
        ),
        service(
            "payments",
            ServiceConfig::consuming(["orders"]).write_row("payments"),
        ),
        service(
            "notification",
            ServiceConfig::consuming(["inventory"]).send_email(),
        ),
    ]
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

/// Scenes 7 and 8: the primer's chain of topics — orders → {Notification, Inventory};
/// Inventory → the `inventory` topic → Payments, which writes the `payments` table.
pub fn chain() -> Vec<Command> {
    let mut commands = kafka_model::service::primer_commands();
    // The primer's topics, replicated like the rest of the scenes.
    for c in commands.iter_mut() {
        if let Command::CreateTopic { config, .. } = c {
            config.replication_factor = 2;
        }
    }
    commands.insert(2, orders_producer());
    commands
}
