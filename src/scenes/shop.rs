//! The primer's e-commerce shop on Kafka: the Orders service produces every order to the
//! `orders` topic; the other services are real consumers (and producers) of the model.

use super::actions::Refusal;
use super::catalog::Action;
use kafka_model::{AutoProduce, Cluster, Command, KeyPattern, ProducerRecord};

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
