//! A scene's one-click steps, turned into the model commands a learner could also give
//! through the forms. Pure: it reads the cluster and returns commands, so it is tested
//! natively; the view runs them and shows a refusal's reason.

use super::shop;
use crate::i18n::scenes::refusals;
use crate::i18n::{Lang, Text};
use crate::session::Session;
use kafka_model::direct::{DirectCommand, DirectSim};
use kafka_model::{
    Cluster, Command, ConsumerConfig, ControllerMode, ModelError, SeekTo, WorldCommand,
};

/// A one-click step a scene offers beside the full forms; each is a command to the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Kill the broker that leads this partition now.
    KillLeader { topic: &'static str, partition: u32 },
    /// Bring every dead broker back.
    ReviveAll,
    /// Switch between KRaft and the legacy ZooKeeper controller.
    ToggleZooKeeper,
    /// A new member joins `group`, subscribed to `topic`.
    AddMember {
        group: &'static str,
        topic: &'static str,
    },
    /// The newest running member of `group` leaves it.
    RemoveMember { group: &'static str },
    /// A new consumer group with one member subscribes to `topic`.
    AddGroup { topic: &'static str },
    /// One more partition for `topic`.
    AddPartition { topic: &'static str },
    /// Rewind `group` on `topic` to the earliest offset (the group must be empty).
    RewindGroup {
        group: &'static str,
        topic: &'static str,
    },
    /// A customer places an order: in the shop without Kafka, and/or produced to `orders`
    /// by the Orders service.
    PlaceOrder,
    /// Orders arrive by themselves, `per_sec` a second in every world the scene has (the
    /// same rate in both, so the comparison of scene 3 is fair), or stop.
    AutoOrders { per_sec: u32 },
    /// Take a service down, or bring it back (in every world the scene has).
    ToggleService(&'static str),
}

/// Why a step cannot be taken now: the model refused, or the scene saw it cannot apply.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    Model(ModelError),
    Says(Text),
}

impl From<ModelError> for Refusal {
    fn from(e: ModelError) -> Self {
        Refusal::Model(e)
    }
}

impl Refusal {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Refusal::Model(e) => crate::i18n::errors::describe(e, lang),
            Refusal::Says(t) => t.get(lang).to_string(),
        }
    }
}

impl Action {
    /// The button's label.
    pub fn label(self) -> Text {
        use crate::i18n::scenes::actions as a;
        match self {
            Action::KillLeader { .. } => a::KILL_LEADER,
            Action::ReviveAll => a::REVIVE_ALL,
            Action::ToggleZooKeeper => a::TOGGLE_ZOOKEEPER,
            Action::AddMember { .. } => a::ADD_MEMBER,
            Action::RemoveMember { .. } => a::REMOVE_MEMBER,
            Action::AddGroup { .. } => a::ADD_GROUP,
            Action::AddPartition { .. } => a::ADD_PARTITION,
            Action::RewindGroup { .. } => a::REWIND_GROUP,
            Action::PlaceOrder => a::PLACE_ORDER,
            Action::AutoOrders { .. } => a::AUTO_ORDERS,
            Action::ToggleService(name) => match name {
                "payments" => a::TOGGLE_PAYMENTS,
                "inventory" => a::TOGGLE_INVENTORY,
                "notification" => a::TOGGLE_NOTIFICATION,
                _ => a::TOGGLE_SERVICE,
            },
        }
    }

    /// Takes the step in every world the session has — the shop without Kafka first, then
    /// the Kafka cluster — as recorded commands, so time travel and shared links replay it.
    pub fn apply(self, session: &mut Session) -> Result<(), Refusal> {
        // Worked out first, so a step refused here changes neither world.
        let mut commands: Vec<WorldCommand> = session
            .direct()
            .map(|d| direct_commands(self, d))
            .unwrap_or_default();
        commands.extend(
            self.commands(session.cluster())?
                .into_iter()
                .map(Into::into),
        );
        for command in commands {
            session.apply(command)?;
        }
        Ok(())
    }

    /// The commands this step means in the cluster as it is now.
    pub fn commands(self, cluster: &Cluster) -> Result<Vec<Command>, Refusal> {
        Ok(match self {
            Action::KillLeader { topic, partition } => {
                let tp = kafka_model::TopicPartition::new(topic, partition);
                let leader = cluster
                    .partition(&tp)
                    .ok_or_else(|| ModelError::UnknownTopic {
                        topic: topic.into(),
                    })?
                    .leader
                    .ok_or(Refusal::Says(refusals::NO_LEADER))?;
                vec![Command::KillBroker { broker: leader }]
            }
            Action::ReviveAll => cluster
                .brokers()
                .filter(|b| !b.alive)
                .map(|b| Command::ReviveBroker { broker: b.id })
                .collect(),
            Action::ToggleZooKeeper => {
                let mode = match cluster.controller_state().mode {
                    ControllerMode::Kraft => ControllerMode::ZooKeeper,
                    ControllerMode::ZooKeeper => ControllerMode::Kraft,
                };
                vec![Command::SetControllerMode { mode }]
            }
            Action::AddMember { group, topic } => vec![Command::AddMember {
                group: group.into(),
                client_id: next_name(cluster, &member_stem(group)),
                topics: vec![topic.into()],
            }],
            Action::RemoveMember { group } => {
                let g = cluster
                    .group(group)
                    .ok_or_else(|| ModelError::UnknownGroup {
                        group: group.into(),
                    })?;
                let member = g
                    .members
                    .values()
                    .filter(|m| m.is_running())
                    .map(|m| m.member_id.clone())
                    .next_back()
                    .ok_or(Refusal::Says(refusals::NO_RUNNING_MEMBER))?;
                vec![Command::RemoveMember {
                    group: group.into(),
                    member,
                }]
            }
            Action::AddGroup { topic } => {
                let name = next_group(cluster);
                vec![
                    Command::CreateGroup {
                        group: name.clone(),
                        config: ConsumerConfig::default(),
                    },
                    Command::AddMember {
                        group: name.clone(),
                        client_id: format!("{name}-1"),
                        topics: vec![topic.into()],
                    },
                ]
            }
            Action::AddPartition { topic } => {
                let count = cluster
                    .topic(topic)
                    .ok_or_else(|| ModelError::UnknownTopic {
                        topic: topic.into(),
                    })?
                    .partition_count();
                vec![Command::AddPartitions {
                    topic: topic.into(),
                    count: count + 1,
                }]
            }
            Action::RewindGroup { group, topic } => vec![Command::ResetOffsets {
                group: group.into(),
                topic: topic.into(),
                to: SeekTo::Earliest,
            }],
            Action::PlaceOrder => shop::place_order(cluster),
            Action::AutoOrders { per_sec } => shop::toggle_auto_orders(cluster, per_sec),
            Action::ToggleService(name) => shop::toggle_service(cluster, name),
        })
    }
}

/// What the step means in the shop without Kafka as it is now: nothing for a step about
/// the cluster, or for a service this shop does not have.
fn direct_commands(action: Action, d: &DirectSim) -> Vec<WorldCommand> {
    let command = match action {
        Action::PlaceOrder => Some(DirectCommand::PlaceOrder),
        Action::AutoOrders { per_sec } => Some(DirectCommand::SetAutoOrders {
            per_sec: match d.auto_orders() {
                Some(_) => None,
                None => Some(per_sec as f64),
            },
        }),
        Action::ToggleService(name) => d.service(name).map(|s| {
            let name = name.to_string();
            if s.up() {
                DirectCommand::StopService { name }
            } else {
                DirectCommand::StartService { name }
            }
        }),
        _ => None,
    };
    command.into_iter().map(WorldCommand::Direct).collect()
}

/// "payments" → "payment", so members read payment-1, payment-2 as in the primer.
fn member_stem(group: &str) -> String {
    group.strip_suffix('s').unwrap_or(group).to_string()
}

/// `stem-N` for the smallest N no member of any group uses as its client id.
fn next_name(cluster: &Cluster, stem: &str) -> String {
    let taken: kafka_model::collections::SortedSet<&str> = cluster
        .groups()
        .flat_map(|g| g.members.values().map(|m| m.client_id.as_str()))
        .collect();
    (1..)
        .map(|n| format!("{stem}-{n}"))
        .find(|name| !taken.contains(name.as_str()))
        .expect("an unbounded range has a free name")
}

/// `group-N`, the first name no group has.
fn next_group(cluster: &Cluster) -> String {
    (2..)
        .map(|n| format!("group-{n}"))
        .find(|name| cluster.group(name).is_none())
        .expect("an unbounded range has a free name")
}
