//! The primer's shop as presets of the model: its topics and services on Kafka, and the same
//! shop without Kafka. Course content, kept apart from the model's core: `service.rs` and
//! `direct/` know how services behave, not which ones the primer has.
//!
//! The shop: customers' orders reach **Orders**; **Inventory** reserves stock, **Payments**
//! takes the money, **Notification** sends the e-mail. Without Kafka, Orders calls the three
//! in turn and waits for each; on Kafka, Orders writes to the `orders` topic and the others
//! read it (the primer's "Example of topics in action").

use crate::command::Command;
use crate::direct::DirectSim;
use crate::service::ServiceConfig;
use crate::topic::TopicConfig;

/// The service that takes customers' orders (without Kafka: the caller).
pub const ORDERS: &str = "orders";
pub const INVENTORY: &str = "inventory";
pub const PAYMENTS: &str = "payments";
pub const NOTIFICATION: &str = "notification";
/// The services Orders calls for each order without Kafka, in the order it calls them.
pub const CALL_ORDER: [&str; 3] = [INVENTORY, PAYMENTS, NOTIFICATION];

/// The primer's shop as commands: topics `orders` and `inventory` (3 partitions each), and
/// the services Inventory (orders → inventory, value prefixed `reserved:`), Notification
/// (orders → an e-mail) and Payments (inventory → a row in table `payments`). Orders come
/// from any plain producer writing to `orders`.
pub fn shop_on_kafka() -> Vec<Command> {
    let topic = |name: &str| Command::CreateTopic {
        name: name.into(),
        config: TopicConfig::default().with_partitions(3),
    };
    let service = |name: &str, config: ServiceConfig| Command::CreateService {
        name: name.into(),
        config,
    };
    vec![
        topic(ORDERS),
        topic(INVENTORY),
        service(
            INVENTORY,
            ServiceConfig::consuming([ORDERS]).produce_to(INVENTORY, "reserved:"),
        ),
        service(
            NOTIFICATION,
            ServiceConfig::consuming([ORDERS]).send_email(),
        ),
        service(
            PAYMENTS,
            ServiceConfig::consuming([INVENTORY]).write_row(PAYMENTS),
        ),
    ]
}

/// The primer's shop without Kafka: Orders calls Inventory, Payments and Notification in
/// turn, all up.
pub fn shop_without_kafka(seed: u64) -> DirectSim {
    // Not formatted: the error's words would be compiled into every app that opens a shop.
    DirectSim::new(seed, ORDERS, &CALL_ORDER)
        .unwrap_or_else(|_| unreachable!("the primer's shop is a valid shop (tested below)"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Cluster;

    #[test]
    fn both_shops_build() {
        let mut cluster = Cluster::new(1, 3).unwrap();
        for command in shop_on_kafka() {
            cluster.apply(&command).unwrap();
        }
        assert_eq!(cluster.services().count(), 3);
        let sim = shop_without_kafka(1);
        let names: Vec<&str> = sim.services().map(|s| s.name()).collect();
        assert_eq!(names, [ORDERS, INVENTORY, PAYMENTS, NOTIFICATION]);
    }

    #[test]
    fn a_shop_without_kafka_needs_distinct_named_callees() {
        assert!(DirectSim::new(1, ORDERS, &[]).is_err());
        assert!(DirectSim::new(1, ORDERS, &[PAYMENTS, PAYMENTS]).is_err());
        assert!(DirectSim::new(1, ORDERS, &[ORDERS]).is_err());
        assert!(DirectSim::new(1, "", &[PAYMENTS]).is_err());
        assert!(DirectSim::new(1, ORDERS, &[PAYMENTS; 9]).is_err());
        assert!(DirectSim::new(1, ORDERS, &[PAYMENTS]).is_ok());
    }
}
