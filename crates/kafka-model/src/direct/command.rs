//! What a learner (or a scene, or a shared link) can ask of the shop without Kafka, as data.
//! Like the cluster's [`crate::Command`], a command log plus the seed is the whole history,
//! and [`DirectSim::apply`] is the only place a command turns into a method call.

use super::DirectSim;
use crate::error::ModelError;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum DirectCommand {
    /// A customer places an order; what becomes of it is the point of the scene.
    PlaceOrder,
    /// Customers place orders on their own, `per_sec` a second; `None` stops them.
    SetAutoOrders { per_sec: Option<f64> },
    /// The service's process goes down: it loses what it was doing and answers no more.
    StopService { name: String },
    /// The service's process comes back and answers new calls again.
    StartService { name: String },
}

/// What a successful command created, for callers that refer to it next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DirectOutcome {
    Done,
    /// The new order's id.
    Order(u64),
}

impl DirectSim {
    /// Runs one command. Like every command method, a refused command changes nothing.
    pub fn apply(&mut self, command: &DirectCommand) -> Result<DirectOutcome, ModelError> {
        let done = |r: Result<(), ModelError>| r.map(|()| DirectOutcome::Done);
        match command {
            DirectCommand::PlaceOrder => self.place_order().map(DirectOutcome::Order),
            DirectCommand::SetAutoOrders { per_sec } => done(self.set_auto_orders(*per_sec)),
            DirectCommand::StopService { name } => done(self.set_up(name, false)),
            DirectCommand::StartService { name } => done(self.set_up(name, true)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    fn script() -> Vec<DirectCommand> {
        vec![
            DirectCommand::PlaceOrder,
            DirectCommand::SetAutoOrders { per_sec: Some(4.0) },
            DirectCommand::StopService {
                name: presets::PAYMENTS.into(),
            },
            DirectCommand::StartService {
                name: presets::PAYMENTS.into(),
            },
            DirectCommand::SetAutoOrders { per_sec: None },
        ]
    }

    #[test]
    fn applying_commands_equals_calling_methods() {
        let mut by_command = presets::shop_without_kafka(7);
        let mut by_method = presets::shop_without_kafka(7);
        let mut outcomes = Vec::new();
        for (i, command) in script().iter().enumerate() {
            outcomes.push(by_command.apply(command).unwrap());
            by_command.advance(700);
            match i {
                0 => assert_eq!(by_method.place_order().unwrap(), 1),
                1 => by_method.set_auto_orders(Some(4.0)).unwrap(),
                2 => by_method.set_up(presets::PAYMENTS, false).unwrap(),
                3 => by_method.set_up(presets::PAYMENTS, true).unwrap(),
                _ => by_method.set_auto_orders(None).unwrap(),
            }
            by_method.advance(700);
        }
        assert_eq!(outcomes[0], DirectOutcome::Order(1));
        assert_eq!(outcomes[1], DirectOutcome::Done);
        assert_eq!(by_command.advance(10_000), by_method.advance(10_000));
        assert_eq!(by_command, by_method);
    }

    #[test]
    fn a_refused_command_changes_nothing() {
        let mut sim = presets::shop_without_kafka(7);
        sim.apply(&DirectCommand::PlaceOrder).unwrap();
        sim.advance(300);
        let before = sim.clone();
        for refused in [
            DirectCommand::StopService {
                name: "billing".into(),
            },
            DirectCommand::SetAutoOrders { per_sec: Some(0.0) },
            DirectCommand::SetAutoOrders {
                per_sec: Some(f64::NAN),
            },
            DirectCommand::SetAutoOrders {
                per_sec: Some(super::super::MAX_AUTO_PER_SEC + 1.0),
            },
        ] {
            assert!(sim.apply(&refused).is_err(), "{refused:?}");
            assert_eq!(sim, before, "{refused:?}");
        }
    }

    #[test]
    fn commands_round_trip_through_json() {
        for command in script() {
            let json = serde_json::to_string(&command).unwrap();
            assert_eq!(
                serde_json::from_str::<DirectCommand>(&json).unwrap(),
                command,
                "{json}"
            );
        }
    }
}
