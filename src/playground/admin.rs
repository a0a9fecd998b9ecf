//! Changing the cluster: topics (create, delete, add partitions), brokers (add, kill,
//! revive, remove, and moving partitions between them), consumer groups (create,
//! add/remove/crash members, reset offsets).

use super::form::{
    error_text, input_value, parse_broker_list, parse_count, select_value, use_default_value,
    FieldError,
};
use crate::i18n::use_lang;
use crate::i18n::Lang;
use crate::live::use_panel_live;
use kafka_model::assignor::AssignmentStrategy;
use kafka_model::{
    CleanupPolicy, Command, ConsumerConfig, ControllerMode, ModelError, SeekTo, TopicConfig,
    TopicPartition,
};
use yew::prelude::*;

fn report(
    error: &UseStateHandle<Option<String>>,
    lang: Lang,
    result: Result<impl Sized, ModelError>,
) {
    error.set(result.err().map(|e| error_text(&e, lang)));
}

#[function_component(TopicsPanel)]
pub fn topics_panel() -> Html {
    let live = use_panel_live();
    let lang = use_lang();
    let s = lang.strings();
    let (name, partitions, rf) = (use_node_ref(), use_node_ref(), use_node_ref());
    let (retention, cleanup) = (use_node_ref(), use_node_ref());
    use_default_value(&partitions, "3");
    use_default_value(&rf, "1");
    let error = use_state(|| None::<String>);
    let topics: Vec<(String, u32)> = live
        .session
        .borrow()
        .cluster()
        .topics()
        .map(|t| (t.name.clone(), t.partition_count()))
        .collect();
    let create = {
        let (live, lang, error) = (live.clone(), lang, error.clone());
        let (name, partitions, rf) = (name.clone(), partitions.clone(), rf.clone());
        let (retention, cleanup) = (retention.clone(), cleanup.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let s = lang.strings();
            let (Some(p), Some(r)) = (
                parse_count(&input_value(&partitions)),
                parse_count(&input_value(&rf)),
            ) else {
                return error.set(Some(format!(
                    "{} / {}: {}",
                    s.partitions, s.replication_factor, s.invalid_number
                )));
            };
            // retention.ms in seconds here; empty keeps Kafka's default (7 days).
            let retention_text = input_value(&retention);
            let retention_ms = match retention_text.trim() {
                "" => None,
                t => match parse_count(t) {
                    Some(secs) if secs > 0 => Some(secs as u64 * 1000),
                    _ => return error.set(Some(format!("{}: {}", s.retention, s.invalid_number))),
                },
            };
            let policy = match select_value(&cleanup).as_str() {
                "compact" => CleanupPolicy::Compact,
                "compact,delete" => CleanupPolicy::CompactDelete,
                _ => CleanupPolicy::Delete,
            };
            let mut config = TopicConfig::default()
                .with_partitions(p)
                .with_replication_factor(r)
                .with_cleanup_policy(policy);
            if retention_ms.is_some() {
                config.retention_ms = retention_ms;
            }
            report(
                &error,
                lang,
                live.run(Command::CreateTopic {
                    name: input_value(&name).trim().to_string(),
                    config,
                }),
            );
        })
    };
    let rows = topics.iter().map(|(topic, count)| {
        let delete = {
            let (live, lang, error, topic) = (live.clone(), lang, error.clone(), topic.clone());
            Callback::from(move |_| report(&error, lang, live.run(Command::DeleteTopic { name: topic.clone() })))
        };
        let add = {
            let (live, lang, error, topic, count) = (live.clone(), lang, error.clone(), topic.clone(), *count);
            Callback::from(move |_| report(&error, lang, live.run(Command::AddPartitions { topic: topic.clone(), count: count + 1 })))
        };
        html! {
            <li data-topic={topic.clone()}>
                <span class="item-name">{ format!("{topic} ({count})") }</span>
                <button type="button" class="add-partition" onclick={add} aria-label={ format!("{} · {topic}", s.add_one_partition) } title={ s.add_partitions }>{ s.add_one_partition }</button>
                <button type="button" class="delete-topic" onclick={delete} aria-label={ format!("{} {topic}", s.delete) }>{ s.delete }</button>
            </li>
        }
    });
    html! {
        <section class="panel topics" aria-labelledby="topics-title">
            <h2 id="topics-title">{ s.topics_title }</h2>
            <ul class="items">{ for rows }</ul>
            <form class="form-grid" onsubmit={create}>
                <label>{ s.topic_name }<input ref={name} name="topic-name" type="text" placeholder={ s.topic_name_example } maxlength="260" /></label>
                <label>{ s.partitions }<input ref={partitions} name="partitions" type="text" inputmode="numeric" maxlength="3" /></label>
                <label>{ s.replication_factor }<input ref={rf} name="replication-factor" type="text" inputmode="numeric" maxlength="2" /></label>
                <label>{ s.retention }<input ref={retention} name="retention" type="text" inputmode="numeric" maxlength="9" placeholder="604800" /></label>
                <label>{ "cleanup.policy" }
                    <select ref={cleanup} name="cleanup-policy">
                        <option value="delete" selected=true>{ "delete" }</option>
                        <option value="compact">{ "compact" }</option>
                        <option value="compact,delete">{ "compact,delete" }</option>
                    </select>
                </label>
                <button type="submit">{ s.create_topic }</button>
            </form>
            <FieldError message={ (*error).clone() } />
        </section>
    }
}

/// `orders-0` back into its topic and partition (a topic name may itself contain '-').
fn parse_partition(text: &str) -> Option<TopicPartition> {
    let (topic, partition) = text.rsplit_once('-')?;
    Some(TopicPartition::new(topic, parse_count(partition)?))
}

/// A partition as the move form lists it: `orders-0 · 1,2`.
fn partition_option(tp: &TopicPartition, replicas: &[u32]) -> String {
    let ids: Vec<String> = replicas.iter().map(u32::to_string).collect();
    format!("{tp} · {}", ids.join(","))
}

#[function_component(BrokersPanel)]
pub fn brokers_panel() -> Html {
    let live = use_panel_live();
    let lang = use_lang();
    let s = lang.strings();
    let error = use_state(|| None::<String>);
    let (partition_ref, replicas_ref) = (use_node_ref(), use_node_ref());
    let (brokers, zookeeper, partitions) = {
        let session = live.session.borrow();
        let cluster = session.cluster();
        let brokers: Vec<(u32, bool, bool)> = cluster
            .brokers()
            .map(|b| (b.id, b.alive, cluster.network().is_cut_off(b.id)))
            .collect();
        let partitions: Vec<(TopicPartition, Vec<u32>)> = cluster
            .topics()
            .flat_map(|t| {
                t.partitions
                    .iter()
                    .map(|p| (TopicPartition::new(&t.name, p.id), p.replicas.clone()))
            })
            .collect();
        (
            brokers,
            cluster.controller_mode() == ControllerMode::ZooKeeper,
            partitions,
        )
    };
    let run = |command: Command| {
        let (live, lang, error) = (live.clone(), lang, error.clone());
        Callback::from(move |_: MouseEvent| report(&error, lang, live.run(command.clone())))
    };
    let add = run(Command::AddBroker);
    let elect = run(Command::ElectPreferredLeaders);
    let mode = if zookeeper {
        ControllerMode::Kraft
    } else {
        ControllerMode::ZooKeeper
    };
    let toggle_zk = run(Command::SetControllerMode { mode });
    // `kafka-reassign-partitions.sh --execute` for one partition.
    let reassign = {
        let (live, lang, error) = (live.clone(), lang, error.clone());
        let (partition_ref, replicas_ref) = (partition_ref.clone(), replicas_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(partition) = parse_partition(&select_value(&partition_ref)) else {
                return error.set(Some(lang.strings().required.to_string()));
            };
            let Some(replicas) = parse_broker_list(&input_value(&replicas_ref)) else {
                return error.set(Some(lang.strings().invalid_broker_list.to_string()));
            };
            report(
                &error,
                lang,
                live.run(Command::ReassignPartition {
                    partition,
                    replicas,
                }),
            );
        })
    };
    let rows = brokers.iter().map(|&(id, alive, cut)| {
        let toggle = run(if alive { Command::KillBroker { broker: id } } else { Command::ReviveBroker { broker: id } });
        let remove = run(Command::RemoveBroker { broker: id });
        let network = run(if cut { Command::HealBroker { broker: id } } else { Command::CutOffBroker { broker: id } });
        let label = if alive { s.kill } else { s.revive };
        let network_label = if cut { s.heal } else { s.cut_off_action };
        let status = if !alive { s.down } else if cut { s.cut_off } else { s.alive };
        html! {
            <li data-broker={id.to_string()}>
                <span class="item-name">{ format!("broker-{id} · {status}") }</span>
                <button type="button" class={ if alive { "kill-broker" } else { "revive-broker" } } onclick={toggle}
                    aria-label={ format!("{label} broker-{id}") }>{ label }</button>
                <button type="button" class={ if cut { "heal-broker" } else { "cut-broker" } } onclick={network} disabled={!alive}
                    aria-label={ format!("{network_label} broker-{id}") }>{ network_label }</button>
                <button type="button" class="remove-broker" onclick={remove}
                    aria-label={ format!("{} broker-{id}", s.remove_broker) }>{ s.remove_broker }</button>
            </li>
        }
    });
    html! {
        <section class="panel brokers" aria-labelledby="brokers-title">
            <h2 id="brokers-title">{ s.brokers_title }</h2>
            <ul class="items">{ for rows }</ul>
            <div class="button-row">
                <button type="button" class="add-broker" onclick={add}>{ s.add_broker }</button>
                <button type="button" class="elect-preferred" onclick={elect}>{ s.elect_preferred }</button>
                <button type="button" class="zookeeper-mode" aria-pressed={ zookeeper.to_string() } onclick={toggle_zk}>{ s.zookeeper_mode }</button>
            </div>
            <form class="form-grid reassign" onsubmit={reassign}>
                <label>{ s.partition }
                    <select ref={partition_ref} name="reassign-partition">
                        { for partitions.iter().enumerate().map(|(i, (tp, replicas))| html! {
                            <option value={tp.to_string()} selected={i == 0}>{ partition_option(tp, replicas) }</option>
                        }) }
                    </select>
                </label>
                <label>{ s.new_replicas }<input ref={replicas_ref} name="reassign-replicas" type="text" placeholder="1,3" maxlength="40" /></label>
                <button type="submit">{ s.move_partition }</button>
            </form>
            <FieldError message={ (*error).clone() } />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct GroupItemProps {
    group: String,
    /// (member id, client id)
    members: Vec<(String, String)>,
    subscribed: Vec<String>,
    topics: Vec<String>,
    error: UseStateHandle<Option<String>>,
}

/// One group: its members (leave, crash), a new member subscribing to a chosen topic, and
/// an offset reset like `kafka-consumer-groups --reset-offsets`.
#[function_component(GroupItem)]
fn group_item(props: &GroupItemProps) -> Html {
    let live = use_panel_live();
    let lang = use_lang();
    let s = lang.strings();
    let (topic_ref, reset_ref) = (use_node_ref(), use_node_ref());
    let group = props.group.clone();
    let add = {
        let (live, lang, error, group, topic_ref) = (
            live.clone(),
            lang,
            props.error.clone(),
            group.clone(),
            topic_ref.clone(),
        );
        let client_id = format!("{group}-{}", props.members.len() + 1);
        Callback::from(move |_| {
            let topic = select_value(&topic_ref);
            report(
                &error,
                lang,
                live.run(Command::AddMember {
                    group: group.clone(),
                    client_id: client_id.clone(),
                    topics: vec![topic],
                }),
            )
        })
    };
    let reset = {
        let (live, lang, error, group, reset_ref, topic_ref) = (
            live.clone(),
            lang,
            props.error.clone(),
            group.clone(),
            reset_ref.clone(),
            topic_ref.clone(),
        );
        Callback::from(move |_| {
            let to = match input_value(&reset_ref).trim() {
                "" | "earliest" => SeekTo::Earliest,
                "latest" => SeekTo::Latest,
                n => match parse_count(n) {
                    Some(o) => SeekTo::Offset(o as u64),
                    None => {
                        return error.set(Some(format!(
                            "{}: {}",
                            lang.strings().offset,
                            lang.strings().invalid_number
                        )))
                    }
                },
            };
            report(
                &error,
                lang,
                live.run(Command::ResetOffsets {
                    group: group.clone(),
                    topic: select_value(&topic_ref),
                    to,
                }),
            );
        })
    };
    let member_rows = props.members.iter().map(|(member, client)| {
        let leave = {
            let (live, lang, error, group, member) = (live.clone(), lang, props.error.clone(), group.clone(), member.clone());
            Callback::from(move |_| report(&error, lang, live.run(Command::RemoveMember { group: group.clone(), member: member.clone() })))
        };
        let crash = {
            let (live, lang, error, group, member) = (live.clone(), lang, props.error.clone(), group.clone(), member.clone());
            Callback::from(move |_| report(&error, lang, live.run(Command::CrashMember { group: group.clone(), member: member.clone() })))
        };
        html! {
            <li data-member={member.clone()}>
                <span class="item-name" title={member.clone()}>{ client }</span>
                <button type="button" class="leave-member" onclick={leave} aria-label={ format!("{} {client}", s.remove_member) }>{ s.remove_member }</button>
                <button type="button" class="crash-member" onclick={crash} aria-label={ format!("{} {client}", s.crash_member) }>{ s.crash_member }</button>
            </li>
        }
    });
    let default_topic = props.subscribed.first().or(props.topics.first()).cloned();
    html! {
        <li class="group-item" data-group={group.clone()}>
            <div class="item-head"><span class="item-name">{ &group }</span></div>
            <ul class="items">{ for member_rows }</ul>
            <div class="reset">
                <label>{ s.topic }
                    <select ref={topic_ref} name="member-topic">
                        { for props.topics.iter().map(|t| html! { <option value={t.clone()} selected={ Some(t) == default_topic.as_ref() }>{ t }</option> }) }
                    </select>
                </label>
                <button type="button" class="add-member" onclick={add} aria-label={ format!("{} → {group}", s.add_member) }>{ s.add_member }</button>
            </div>
            <div class="reset">
                <label>{ s.reset_offsets }
                    <input ref={reset_ref} type="text" placeholder="earliest | latest | 0" maxlength="12" name="reset-to" />
                </label>
                <button type="button" class="reset-offsets" onclick={reset}>{ s.reset_offsets }</button>
            </div>
        </li>
    }
}

/// A group as its panel lists it: id, (member id, client id) pairs, subscribed topics.
type GroupRow = (String, Vec<(String, String)>, Vec<String>);

#[function_component(GroupsPanel)]
pub fn groups_panel() -> Html {
    let live = use_panel_live();
    let lang = use_lang();
    let s = lang.strings();
    let (name, strategy) = (use_node_ref(), use_node_ref());
    let error = use_state(|| None::<String>);
    let (groups, topics) = {
        let session = live.session.borrow();
        let cluster = session.cluster();
        let groups: Vec<GroupRow> = cluster
            .groups()
            .map(|g| {
                let members = g
                    .members
                    .values()
                    .map(|m| (m.member_id.clone(), m.client_id.clone()))
                    .collect();
                let topics = g
                    .subscribed_topics()
                    .into_iter()
                    .map(str::to_string)
                    .collect();
                (g.group_id.clone(), members, topics)
            })
            .collect();
        let topics: Vec<String> = cluster.topics().map(|t| t.name.clone()).collect();
        (groups, topics)
    };
    let create = {
        let (live, lang, error, name, strategy) = (
            live.clone(),
            lang,
            error.clone(),
            name.clone(),
            strategy.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let strategy = AssignmentStrategy::from_kafka_name(&select_value(&strategy))
                .unwrap_or(AssignmentStrategy::Range);
            let config = ConsumerConfig::default().with_strategy(strategy);
            report(
                &error,
                lang,
                live.run(Command::CreateGroup {
                    group: input_value(&name).trim().to_string(),
                    config,
                }),
            );
        })
    };
    html! {
        <section class="panel groups" aria-labelledby="groups-title">
            <h2 id="groups-title">{ s.groups_title }</h2>
            <ul class="items">
                { for groups.into_iter().map(|(group, members, subscribed)| html! {
                    <GroupItem key={group.clone()} group={group.clone()} {members} {subscribed}
                        topics={topics.clone()} error={error.clone()} />
                }) }
            </ul>
            <form class="form-grid" onsubmit={create}>
                <label>{ s.group_name }<input ref={name} name="group-name" type="text" placeholder={ s.group_name_example } maxlength="100" /></label>
                <label>{ s.strategy }
                    <select ref={strategy} name="strategy">
                        { for AssignmentStrategy::ALL.iter().map(|st| html! {
                            <option value={st.kafka_name()} selected={*st == AssignmentStrategy::Range}>{ st.kafka_name() }</option>
                        }) }
                    </select>
                </label>
                <button type="submit">{ s.create_group }</button>
            </form>
            <FieldError message={ (*error).clone() } />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partitions_read_back_from_their_names() {
        assert_eq!(
            parse_partition("orders-2"),
            Some(TopicPartition::new("orders", 2))
        );
        assert_eq!(
            parse_partition("user-events-10"),
            Some(TopicPartition::new("user-events", 10))
        );
        assert_eq!(parse_partition("orders"), None);
        assert_eq!(parse_partition("orders-x"), None);
        assert_eq!(
            partition_option(&TopicPartition::new("orders", 0), &[2, 1]),
            "orders-0 · 2,1"
        );
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    //! The admin panels alone on a known session: a valid submit changes the model as asked;
    //! a refused one says why in the reader's language and leaves the cluster equal.
    use super::*;
    use crate::browser_test_support::{mount, Mounted};
    use crate::playground::preset;
    use crate::session::Session;
    use kafka_model::MemberStatus;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn preset_session() -> Session {
        Session::new(preset::SEED, preset::BROKERS, &preset::commands()).unwrap()
    }

    /// What the model says to `command`, asked of a copy of the session.
    fn refusal(m: &Mounted, command: Command) -> ModelError {
        m.session()
            .clone()
            .apply(command.clone())
            .expect_err(&format!("the model refuses {command:?}"))
    }

    /// Submits what `act` does; the panel's message must be `message`, and the cluster and
    /// the recorded history unchanged.
    async fn refused<F: std::future::Future<Output = ()>>(
        m: &Mounted,
        panel: &str,
        message: &str,
        act: F,
    ) {
        let (before, end) = (m.cluster(), m.session().history().end());
        act.await;
        assert_eq!(m.text(&format!(".{panel} > .form-error")), message);
        assert!(
            m.cluster() == before,
            "a refusal changed the cluster: {message}"
        );
        assert_eq!(m.session().history().end(), end);
    }

    async fn create_topic(m: &Mounted, name: &str, partitions: &str, rf: &str, retention: &str) {
        m.type_in("input[name=topic-name]", name);
        m.type_in("input[name=partitions]", partitions);
        m.type_in("input[name=replication-factor]", rf);
        m.type_in("input[name=retention]", retention);
        m.click(".topics form button[type=submit]").await;
    }

    fn topic_command(name: &str, partitions: u32, rf: u32) -> Command {
        Command::CreateTopic {
            name: name.into(),
            config: TopicConfig::default()
                .with_partitions(partitions)
                .with_replication_factor(rf)
                .with_cleanup_policy(CleanupPolicy::Delete),
        }
    }

    #[wasm_bindgen_test]
    async fn a_topic_is_created_as_asked_grows_a_partition_and_is_deleted() {
        let m = mount(preset_session(), Lang::En, html! { <TopicsPanel /> }).await;
        m.choose("select[name=cleanup-policy]", "compact");
        create_topic(&m, " audit ", "5", "2", "60").await;
        assert_eq!(m.text(".topics > .form-error"), "");
        {
            let session = m.session();
            let t = session.cluster().topic("audit").expect("audit created");
            assert_eq!(t.partition_count(), 5);
            for p in &t.partitions {
                let mut replicas = p.replicas.clone();
                replicas.dedup();
                assert_eq!(
                    replicas.len(),
                    2,
                    "RF 2 on distinct brokers: {:?}",
                    p.replicas
                );
            }
            assert_eq!(t.config.retention_ms, Some(60_000), "seconds in the form");
            assert_eq!(t.config.cleanup_policy, CleanupPolicy::Compact);
        }
        assert_eq!(m.text("li[data-topic=audit] .item-name"), "audit (5)");
        m.click("li[data-topic=audit] button.add-partition").await;
        assert_eq!(
            m.session()
                .cluster()
                .topic("audit")
                .unwrap()
                .partition_count(),
            6
        );
        assert_eq!(m.text("li[data-topic=audit] .item-name"), "audit (6)");
        m.click("li[data-topic=orders] button.delete-topic").await;
        assert!(m.session().cluster().topic("orders").is_none());
        assert_eq!(m.find("li[data-topic=orders]"), None);
    }

    #[wasm_bindgen_test]
    async fn a_refused_topic_says_why_in_the_readers_language_and_changes_nothing() {
        let mut said = Vec::new();
        for lang in Lang::ALL {
            let s = lang.strings();
            let m = mount(preset_session(), lang, html! { <TopicsPanel /> }).await;
            // Two live brokers of three.
            m.run(Command::KillBroker { broker: 3 }).await;
            let rf = refusal(&m, topic_command("audit", 3, 3));
            assert!(
                matches!(
                    rf,
                    ModelError::InvalidReplicationFactor {
                        requested: 3,
                        available_brokers: 2
                    }
                ),
                "Kafka refuses a replication factor above the live brokers: {rf:?}"
            );
            let cases = [
                (
                    "..",
                    "3",
                    "1",
                    "",
                    error_text(&refusal(&m, topic_command("..", 3, 1)), lang),
                ),
                (
                    "a b",
                    "3",
                    "1",
                    "",
                    error_text(&refusal(&m, topic_command("a b", 3, 1)), lang),
                ),
                (
                    "audit",
                    "0",
                    "1",
                    "",
                    error_text(&refusal(&m, topic_command("audit", 0, 1)), lang),
                ),
                ("audit", "3", "3", "", error_text(&rf, lang)),
                (
                    "audit",
                    "3",
                    "0",
                    "",
                    error_text(&refusal(&m, topic_command("audit", 3, 0)), lang),
                ),
                (
                    "orders",
                    "3",
                    "1",
                    "",
                    error_text(&refusal(&m, topic_command("orders", 3, 1)), lang),
                ),
                (
                    "audit",
                    "three",
                    "1",
                    "",
                    format!(
                        "{} / {}: {}",
                        s.partitions, s.replication_factor, s.invalid_number
                    ),
                ),
                (
                    "audit",
                    "3",
                    "1",
                    "-5",
                    format!("{}: {}", s.retention, s.invalid_number),
                ),
            ];
            for (name, partitions, rf, retention, message) in cases {
                refused(
                    &m,
                    "topics",
                    &message,
                    create_topic(&m, name, partitions, rf, retention),
                )
                .await;
                said.push(message);
            }
            assert_eq!(m.count("li[data-topic]"), 1, "only orders listed");
        }
        let (vi, en) = said.split_at(said.len() / 2);
        for (vi, en) in vi.iter().zip(en) {
            assert_ne!(vi, en, "each language has its own words");
        }
    }

    #[wasm_bindgen_test]
    async fn broker_buttons_kill_revive_cut_add_and_switch_the_controller_in_the_model() {
        let m = mount(preset_session(), Lang::Vi, html! { <BrokersPanel /> }).await;
        let s = m.lang.strings();
        let alive = |id: u32| m.session().cluster().broker(id).unwrap().alive;
        assert_eq!(
            m.count("li[data-broker]"),
            m.session().cluster().brokers().count()
        );
        m.click("li[data-broker='2'] button.kill-broker").await;
        assert!(!alive(2), "killed in the model");
        assert_eq!(
            m.text("li[data-broker='2'] .item-name"),
            format!("broker-2 · {}", s.down)
        );
        assert!(m
            .one("li[data-broker='2'] button.cut-broker")
            .has_attribute("disabled"));
        m.click("li[data-broker='2'] button.revive-broker").await;
        assert!(alive(2), "revived in the model");
        assert_eq!(
            m.text("li[data-broker='2'] .item-name"),
            format!("broker-2 · {}", s.alive)
        );
        m.click("li[data-broker='1'] button.cut-broker").await;
        assert!(m.session().cluster().network().is_cut_off(1));
        assert_eq!(
            m.text("li[data-broker='1'] .item-name"),
            format!("broker-1 · {}", s.cut_off)
        );
        m.click("li[data-broker='1'] button.heal-broker").await;
        assert!(!m.session().cluster().network().is_cut_off(1));
        m.click("button.add-broker").await;
        assert_eq!(m.session().cluster().brokers().count(), 4);
        assert_eq!(m.count("li[data-broker]"), 4);
        m.click("button.zookeeper-mode").await;
        assert_eq!(
            m.session().cluster().controller_mode(),
            ControllerMode::ZooKeeper
        );
        assert_eq!(
            m.one("button.zookeeper-mode")
                .get_attribute("aria-pressed")
                .as_deref(),
            Some("true")
        );
    }

    #[wasm_bindgen_test]
    async fn a_partition_move_is_refused_with_its_reason_or_done_as_asked() {
        for lang in Lang::ALL {
            let s = lang.strings();
            let m = mount(preset_session(), lang, html! { <BrokersPanel /> }).await;
            let tp = TopicPartition::new("orders", 0);
            m.choose("select[name=reassign-partition]", "orders-0");
            let reassign = |replicas: &str| {
                m.type_in("input[name=reassign-replicas]", replicas);
                m.click(".brokers form.reassign button[type=submit]")
            };
            let to = |replicas: Vec<u32>| Command::ReassignPartition {
                partition: tp.clone(),
                replicas,
            };
            refused(&m, "brokers", s.invalid_broker_list, reassign("1;3")).await;
            refused(&m, "brokers", s.invalid_broker_list, reassign("1,x")).await;
            let unknown = error_text(&refusal(&m, to(vec![1, 9])), lang);
            refused(&m, "brokers", &unknown, reassign("1,9")).await;
            let empty = error_text(&refusal(&m, to(vec![])), lang);
            refused(&m, "brokers", &empty, reassign("")).await;

            let target = {
                let current = m
                    .session()
                    .cluster()
                    .partition(&tp)
                    .unwrap()
                    .replicas
                    .clone();
                // Two brokers, one of them new to this partition.
                let new = (1..=3).find(|b| !current.contains(b)).unwrap();
                vec![current[0], new]
            };
            let text = target
                .iter()
                .map(|b| b.to_string())
                .collect::<Vec<_>>()
                .join(",");
            reassign(&text).await;
            assert_eq!(m.text(".brokers > .form-error"), "");
            m.advance(10_000).await;
            assert_eq!(
                m.session().cluster().partition(&tp).unwrap().replicas,
                target
            );
            assert_eq!(
                m.text("select[name=reassign-partition] option[value='orders-0']"),
                partition_option(&tp, &target)
            );
        }
    }

    #[wasm_bindgen_test]
    async fn a_group_is_created_with_its_strategy_and_its_members_come_crash_and_go() {
        let m = mount(preset_session(), Lang::En, html! { <GroupsPanel /> }).await;
        let strategy = AssignmentStrategy::CooperativeSticky;
        m.type_in("input[name=group-name]", "audit");
        m.choose("select[name=strategy]", strategy.kafka_name());
        m.click(".groups form button[type=submit]").await;
        assert_eq!(m.text(".groups > .form-error"), "");
        let group = |id: &str| m.session().cluster().group(id).cloned().expect("the group");
        assert_eq!(
            group("audit").config.partition_assignment_strategy,
            strategy
        );
        assert_eq!(m.count("li.group-item"), 2);
        m.click("li[data-group=audit] button.add-member").await;
        let members: Vec<_> = group("audit").members.values().cloned().collect();
        assert_eq!(members.len(), 1);
        assert_eq!(members[0].subscription, vec!["orders".to_string()]);
        assert_eq!(members[0].client_id, "audit-1");
        m.advance(3_000).await;
        let member = members[0].member_id.clone();
        m.click(&format!("li[data-member='{member}'] button.crash-member"))
            .await;
        assert_eq!(
            group("audit").members[&member].status,
            MemberStatus::Crashed
        );
        let payment = group("payments").members.keys().next().unwrap().clone();
        m.click(&format!("li[data-member='{payment}'] button.leave-member"))
            .await;
        assert!(
            group("payments")
                .members
                .get(&payment)
                .map_or(true, |x| x.status == MemberStatus::Leaving),
            "the member left"
        );
    }

    #[wasm_bindgen_test]
    async fn a_refused_group_or_offset_reset_says_why_in_the_readers_language_and_changes_nothing()
    {
        for lang in Lang::ALL {
            let s = lang.strings();
            let m = mount(preset_session(), lang, html! { <GroupsPanel /> }).await;
            let create = |name: &str| {
                m.type_in("input[name=group-name]", name);
                m.click(".groups form button[type=submit]")
            };
            let group = |name: &str| Command::CreateGroup {
                group: name.into(),
                config: ConsumerConfig::default(),
            };
            let exists = error_text(&refusal(&m, group("payments")), lang);
            refused(&m, "groups", &exists, create("payments")).await;
            let empty = error_text(&refusal(&m, group("")), lang);
            refused(&m, "groups", &empty, create("  ")).await;
            let reset = |to: &str| {
                m.type_in("li[data-group=payments] input[name=reset-to]", to);
                m.click("li[data-group=payments] button.reset-offsets")
            };
            let bad = format!("{}: {}", s.offset, s.invalid_number);
            refused(&m, "groups", &bad, reset("soon")).await;
            // Kafka resets offsets only for a group with no active member.
            let active = error_text(
                &refusal(
                    &m,
                    Command::ResetOffsets {
                        group: "payments".into(),
                        topic: "orders".into(),
                        to: SeekTo::Earliest,
                    },
                ),
                lang,
            );
            refused(&m, "groups", &active, reset("earliest")).await;
        }
    }
}
