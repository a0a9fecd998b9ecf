//! Random command sequences for the property tests: abstract steps that become concrete
//! `Command`s against the cluster they run on (a member is picked by index among the
//! group's members at that moment), so the same script always means the same commands.
#![allow(dead_code)]

use kafka_model::assignor::AssignmentStrategy;
use kafka_model::*;
use proptest::prelude::*;
use proptest::strategy::Strategy;

pub const TOPICS: [&str; 2] = ["orders", "payments"];
pub const GROUPS: [&str; 2] = ["eager", "coop"];

#[derive(Clone, Debug)]
pub enum Step {
    CreateTopic(usize, u32, u32),
    DeleteTopic(usize),
    AddPartitions(usize, u32),
    Produce(usize, Option<u8>, u8),
    Flush,
    AddMember(usize, usize),
    RemoveMember(usize, usize),
    CrashMember(usize, usize),
    Commit(usize, usize),
    Seek(usize, usize, u64),
    KillBroker(u32),
    ReviveBroker(u32),
    AutoProduce(usize, bool),
    Advance(u64),
    /// Kill whichever broker leads partition `p` of topic `t` now (after a produce and a
    /// short advance, the write may still wait at it).
    KillLeaderOf(usize, u32),
    /// Produce to topic `t` with key `k`; once the write waits at its leader for the high
    /// watermark (at most 3 s), `wait` ms more, then kill that leader. Several actions.
    ProduceThenKillLeader(usize, u8, u64),
}

pub fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        1 => (0..2usize, 1..5u32, 1..4u32).prop_map(|(t, p, rf)| Step::CreateTopic(t, p, rf)),
        1 => (0..2usize).prop_map(Step::DeleteTopic),
        1 => (0..2usize, 1..7u32).prop_map(|(t, n)| Step::AddPartitions(t, n)),
        8 => (0..2usize, proptest::option::of(0..8u8), 0..3u8)
            .prop_map(|(t, k, p)| Step::Produce(t, k, p)),
        1 => Just(Step::Flush),
        2 => (0..2usize, 0..2usize).prop_map(|(g, t)| Step::AddMember(g, t)),
        1 => (0..2usize, 0..4usize).prop_map(|(g, m)| Step::RemoveMember(g, m)),
        1 => (0..2usize, 0..4usize).prop_map(|(g, m)| Step::CrashMember(g, m)),
        1 => (0..2usize, 0..4usize).prop_map(|(g, m)| Step::Commit(g, m)),
        1 => (0..2usize, 0..4usize, 0..10u64).prop_map(|(g, m, o)| Step::Seek(g, m, o)),
        1 => (1..4u32).prop_map(Step::KillBroker),
        1 => (1..4u32).prop_map(Step::ReviveBroker),
        1 => (0..2usize, any::<bool>()).prop_map(|(t, on)| Step::AutoProduce(t, on)),
        5 => (1..3_000u64).prop_map(Step::Advance),
        // Short steps: a request's flight takes 300–550 ms here.
        3 => (1..500u64).prop_map(Step::Advance),
        1 => (0..2usize, 0..3u32).prop_map(|(t, p)| Step::KillLeaderOf(t, p)),
        // An acks=all write waits at the leader for about two flights.
        2 => (0..2usize, 0..8u8, 0..500u64).prop_map(|(t, k, w)| Step::ProduceThenKillLeader(t, k, w)),
    ]
}

pub fn steps(max: usize) -> impl Strategy<Value = Vec<Step>> {
    proptest::collection::vec(step(), 1..max)
}

/// Three brokers, two topics, an eager and a cooperative group with a member each, and a
/// producer (id 1) — as commands, so the setup replays like everything else.
pub fn setup() -> Vec<Command> {
    let topic = |name: &str, partitions, rf| Command::CreateTopic {
        name: name.into(),
        config: TopicConfig::default()
            .with_partitions(partitions)
            .with_replication_factor(rf),
    };
    vec![
        Command::CreateGroup {
            group: GROUPS[0].into(),
            config: ConsumerConfig::default().with_strategy(AssignmentStrategy::Sticky),
        },
        Command::CreateGroup {
            group: GROUPS[1].into(),
            config: ConsumerConfig::default()
                .with_strategy(AssignmentStrategy::CooperativeSticky)
                .with_offset_reset(AutoOffsetReset::Earliest),
        },
        Command::CreateProducer {
            client_id: "p".into(),
            config: ProducerConfig {
                linger_ms: 100,
                ..ProducerConfig::default()
            },
        },
        topic(TOPICS[0], 3, 2),
        topic(TOPICS[1], 2, 3),
        Command::AddMember {
            group: GROUPS[0].into(),
            client_id: "m".into(),
            topics: vec![TOPICS[0].into(), TOPICS[1].into()],
        },
        Command::AddMember {
            group: GROUPS[1].into(),
            client_id: "m".into(),
            topics: vec![TOPICS[0].into()],
        },
    ]
}

fn member(c: &Cluster, g: usize, i: usize) -> String {
    let members: Vec<&String> = c
        .group(GROUPS[g])
        .map(|g| g.members.keys().collect())
        .unwrap_or_default();
    members
        .get(i % members.len().max(1))
        .map(|m| m.to_string())
        .unwrap_or_default()
}

/// What a step means on this cluster now: a command, or an amount of time to advance.
pub enum Action {
    Run(Command),
    Advance(Ms),
}

pub fn resolve(c: &Cluster, step: &Step) -> Action {
    let run = Action::Run;
    match *step {
        Step::CreateTopic(t, p, rf) => run(Command::CreateTopic {
            name: TOPICS[t].into(),
            config: TopicConfig::default()
                .with_partitions(p)
                .with_replication_factor(rf),
        }),
        Step::DeleteTopic(t) => run(Command::DeleteTopic {
            name: TOPICS[t].into(),
        }),
        Step::AddPartitions(t, n) => run(Command::AddPartitions {
            topic: TOPICS[t].into(),
            count: n,
        }),
        Step::Produce(t, key, p) => {
            let key = key.map(|k| format!("k{k}"));
            let mut record = ProducerRecord::text(TOPICS[t], key.as_deref(), "v");
            if p > 0 {
                record = record.to_partition(p as u32 - 1);
            }
            run(Command::Produce {
                producer: 1,
                record,
            })
        }
        Step::Flush => run(Command::Flush { producer: 1 }),
        Step::AddMember(g, t) => run(Command::AddMember {
            group: GROUPS[g].into(),
            client_id: "m".into(),
            topics: vec![TOPICS[t].into()],
        }),
        Step::RemoveMember(g, m) => run(Command::RemoveMember {
            group: GROUPS[g].into(),
            member: member(c, g, m),
        }),
        Step::CrashMember(g, m) => run(Command::CrashMember {
            group: GROUPS[g].into(),
            member: member(c, g, m),
        }),
        Step::Commit(g, m) => run(Command::Commit {
            group: GROUPS[g].into(),
            member: member(c, g, m),
        }),
        Step::Seek(g, m, offset) => {
            let id = member(c, g, m);
            let owned = c
                .group(GROUPS[g])
                .and_then(|grp| grp.members.get(&id))
                .and_then(|mm| mm.assigned().next().cloned());
            match owned {
                // Group members seek through the method; as a command, reset the group's
                // committed offsets instead (refused while it has members — also fine).
                Some(tp) => run(Command::ResetOffsets {
                    group: GROUPS[g].into(),
                    topic: tp.topic.to_string(),
                    to: SeekTo::Offset(offset),
                }),
                None => Action::Advance(0),
            }
        }
        Step::KillBroker(b) => run(Command::KillBroker { broker: b }),
        Step::ReviveBroker(b) => run(Command::ReviveBroker { broker: b }),
        Step::AutoProduce(t, on) => run(Command::SetAutoProduce {
            producer: 1,
            auto: on.then(|| AutoProduce {
                topic: TOPICS[t].into(),
                records_per_sec: 20.0,
                keys: KeyPattern::Cycling(vec!["a".into(), "b".into(), "c".into()]),
            }),
        }),
        Step::Advance(ms) => Action::Advance(ms),
        Step::ProduceThenKillLeader(t, key, _) => run(Command::Produce {
            producer: 1,
            record: ProducerRecord::text(TOPICS[t], Some(&format!("k{key}")), "v"),
        }),
        Step::KillLeaderOf(t, p) => {
            let leader = c
                .partition(&TopicPartition::new(TOPICS[t], p))
                .and_then(|p| p.leader);
            // No such partition or no leader: broker 0, which does not exist (refused).
            run(Command::KillBroker {
                broker: leader.unwrap_or(0),
            })
        }
    }
}

/// A fresh cluster after `setup()`.
pub fn fresh(seed: u64) -> Cluster {
    let mut c = Cluster::new(seed, 3).expect("valid cluster");
    for command in setup() {
        c.apply(&command).expect("setup is valid");
    }
    c
}

/// Runs the steps; returns the concrete script (commands and advances, in order) and every
/// happening. Refused commands are part of the script: they must be refused again.
pub fn run(c: &mut Cluster, steps: &[Step]) -> (Vec<Action>, Vec<Happening>) {
    run_counted(c, steps, &mut ())
}

/// Watches the commands a script runs: each before it runs, then whether it was applied.
pub trait Observer {
    fn before(&mut self, c: &Cluster, command: &Command);
    fn outcome(&mut self, applied: bool);
}

impl Observer for () {
    fn before(&mut self, _: &Cluster, _: &Command) {}
    fn outcome(&mut self, _: bool) {}
}

/// [`run`], telling `case` about every command.
pub fn run_counted(
    c: &mut Cluster,
    steps: &[Step],
    case: &mut impl Observer,
) -> (Vec<Action>, Vec<Happening>) {
    let mut script = Vec::new();
    let mut happenings = c.take_happenings();
    let mut act = |c: &mut Cluster, action: Action, script: &mut Vec<Action>| {
        let mut outcome = None;
        match &action {
            Action::Run(command) => {
                case.before(c, command);
                let result = c.apply(command);
                case.outcome(result.is_ok());
                outcome = result.ok();
            }
            Action::Advance(ms) => happenings.extend(c.advance(*ms)),
        }
        happenings.extend(c.take_happenings());
        script.push(action);
        outcome
    };
    for step in steps {
        let first = act(c, resolve(c, step), &mut script);
        let (Step::ProduceThenKillLeader(_, _, wait), Some(Outcome::Partition(tp))) = (step, first)
        else {
            continue;
        };
        // Event by event (each a concrete advance in the script) until the write waits.
        let end = c.now() + 3_000;
        while let Some(t) = c.next_event_time().filter(|t| *t <= end) {
            if c.partition(&tp).is_some_and(|p| p.pending_ack_count() > 0) {
                break;
            }
            act(c, Action::Advance(t - c.now()), &mut script);
        }
        act(c, Action::Advance(*wait), &mut script);
        let leader = c.partition(&tp).and_then(|p| p.leader).unwrap_or(0);
        act(
            c,
            Action::Run(Command::KillBroker { broker: leader }),
            &mut script,
        );
    }
    (script, happenings)
}

/// Replays a concrete script; returns every happening.
pub fn replay(c: &mut Cluster, script: &[Action]) -> Vec<Happening> {
    let mut happenings = c.take_happenings();
    for action in script {
        match action {
            Action::Run(command) => {
                let _ = c.apply(command);
            }
            Action::Advance(ms) => happenings.extend(c.advance(*ms)),
        }
        happenings.extend(c.take_happenings());
    }
    happenings
}
