//! The cluster as it stands: controller, brokers with their replicas, producers, groups and
//! members, and the lines from each member to the partitions it owns. Redrawn only when the
//! model changes (its props carry the model version), never per animation frame.

use super::layout::{Layout, Point, CHIP_CHAR_W, CHIP_GLYPH_W, CHIP_TEXT_PAD};
use super::svg::{self, rect, u, Anchor};
use crate::i18n::use_lang;
use crate::live::use_live;
use kafka_model::{Cluster, MemberStatus, TopicPartition};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct ClusterViewProps {
    pub layout: Rc<Layout>,
    /// The partition whose log is open, highlighted on stage.
    pub selected: Option<TopicPartition>,
    pub on_select: Callback<TopicPartition>,
}

/// The same layout by identity (one is computed per redraw), as for the flow view.
impl PartialEq for ClusterViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.layout, &other.layout)
            && self.selected == other.selected
            && self.on_select == other.on_select
    }
}

/// How a replica is drawn: the leader filled, followers outlined, out-of-sync replicas
/// dashed and crossed, replicas on a dead broker greyed — told apart by shape, not colour alone.
fn replica_class(
    cluster: &Cluster,
    broker: u32,
    tp: &TopicPartition,
) -> (&'static str, &'static str) {
    let alive = cluster.broker(broker).is_some_and(|b| b.alive);
    let Some(p) = cluster.partition(tp) else {
        return ("replica", "");
    };
    if !alive {
        ("replica offline", "✕")
    } else if p.leader == Some(broker) {
        ("replica leader", "★")
    } else if p.isr.contains(&broker) {
        ("replica follower", "")
    } else {
        ("replica out-of-sync", "…")
    }
}

#[function_component(ClusterView)]
pub fn cluster_view(props: &ClusterViewProps) -> Html {
    let (live, lang) = (use_live(), use_lang());
    let session = live.session.borrow();
    let cluster = session.cluster();
    let layout = &props.layout;
    let s = lang.strings();

    let controller = {
        let r = layout.controller;
        let state = cluster.controller_state();
        let text = match (state.mode, cluster.controller()) {
            (kafka_model::ControllerMode::ZooKeeper, Some(b)) => {
                format!("ZooKeeper · /controller = broker-{b}")
            }
            (kafka_model::ControllerMode::ZooKeeper, None) => {
                "ZooKeeper · /controller —".to_string()
            }
            (_, Some(b)) => {
                let voters: Vec<String> = state.voters.iter().map(|v| v.to_string()).collect();
                format!(
                    "{}: broker-{b} · {} {}",
                    s.controller,
                    s.voters,
                    voters.join(",")
                )
            }
            (_, None) => format!("{} · —", s.controller),
        };
        html! {
            <g class={ if state.mode == kafka_model::ControllerMode::ZooKeeper { "controller zookeeper" } else { "controller" } }>
                { rect("", r.x, r.y, r.w, r.h, 6.0) }
                { svg::text("", r.x + r.w / 2.0, r.y + r.h / 2.0 + 5.0, Anchor::Middle, html! { text }) }
            </g>
        }
    };

    let brokers = layout.brokers.iter().map(|b| {
        let alive = cluster.broker(b.id).is_some_and(|x| x.alive);
        let cut_off = cluster.network().is_cut_off(b.id);
        let fenced = cluster.controller_state().fenced.contains(&b.id);
        let r = b.rect;
        let class = match (alive, cut_off) {
            (false, _) => "broker down",
            (true, true) => "broker cut-off",
            (true, false) => "broker",
        };
        let status = match (alive, cut_off, fenced) {
            (false, _, _) => s.down.to_string(),
            (true, true, _) => format!("✂ {}", s.cut_off),
            (true, false, true) => s.fenced.to_string(),
            _ => s.alive.to_string(),
        };
        let chips = b.chips.iter().map(|(tp, c)| {
            let (class, glyph) = replica_class(cluster, b.id, tp);
            let selected = props.selected.as_ref() == Some(tp);
            let class = if selected { format!("{class} selected") } else { class.to_string() };
            let p = cluster.partition(tp);
            let leo = p.and_then(|p| p.replica(b.id)).map_or(0, |r| r.log_end_offset);
            let hw = p.map_or(0, |p| p.high_watermark);
            // What this replica holds: a follower behind its leader holds fewer.
            let held = p.and_then(|p| p.replica_log(b.id)).map_or(0, |l| l.records().len() as u64);
            let count = crate::i18n::strings::record_count_short(lang, held);
            // The name and the count first, in the order they are drawn: the accessible name
            // must contain the visible text as it reads (speech input says what it sees).
            let title = format!(
                "{tp} · {count} · broker-{} · {} {leo} · {} {hw}",
                b.id, s.log_end_offset, s.high_watermark
            );
            // A shortened label is part of the accessible name too ("click invento…-0").
            let label = chip_label(tp, glyph.is_empty(), c.w);
            let name = if label == tp.to_string() { title.clone() } else { format!("{label} · {count}: {title}") };
            let on_select = props.on_select.clone();
            let tp2 = tp.clone();
            let onclick = Callback::from(move |_| on_select.emit(tp2.clone()));
            let on_select = props.on_select.clone();
            let tp3 = tp.clone();
            let onkeydown = Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    on_select.emit(tp3.clone());
                }
            });
            // The count's text starts with a space (not drawn): assistive technology joins the
            // texts of a chip, and "orders-1" then "3 records" must read as two words.
            html! {
                <g class={class} data-tp={tp.to_string()} data-broker={b.id.to_string()}
                    tabindex="0" role="button" aria-label={name} {onclick} {onkeydown}>
                    <title>{ title }</title>
                    { rect("", c.x, c.y, c.w, c.h, 4.0) }
                    { svg::text("", c.x + 5.0, c.y + 14.5, Anchor::Start, html! { label.clone() }) }
                    { svg::text("glyph", c.x + c.w - 5.0, c.y + 14.5, Anchor::End, html! { glyph }) }
                    { svg::text("count", c.x + 5.0, c.y + 28.0, Anchor::Start, html! { format!(" {count}") }) }
                </g>
            }
        });
        html! {
            <g class={class} data-broker={b.id.to_string()}>
                { rect("", r.x, r.y, r.w, r.h, 8.0) }
                { svg::text("broker-name", r.x + 10.0, r.y + 20.0, Anchor::Start, html! { format!("broker-{}", b.id) }) }
                { svg::text("broker-status", r.x + r.w - 10.0, r.y + 20.0, Anchor::End, html! { status }) }
                { for chips }
            </g>
        }
    });

    let producers = layout.producers.iter().filter_map(|(id, r)| {
        let p = cluster.producer(*id)?;
        let service = cluster.service(&p.client_id).is_some_and(|svc| svc.producer == Some(*id));
        // A service's producer always uses acks=all; its box says what it is instead.
        let detail = if service {
            format!("{} · {}✓", s.service, p.stats.records_acked)
        } else {
            format!("acks={} · {}✓", p.config.acks.kafka_name(), p.stats.records_acked)
        };
        Some(html! {
            <g class="producer" data-producer={id.to_string()}>
                { rect("", r.x, r.y, r.w, r.h, 8.0) }
                { svg::text("client-name", r.x + 10.0, r.y + 18.0, Anchor::Start, html! { &p.client_id }) }
                { svg::text("client-detail", r.x + 10.0, r.y + 35.0, Anchor::Start, html! { detail }) }
            </g>
        })
    });

    // Lines from members to the leader replica of each partition they own.
    let mut lines = Vec::new();
    let groups = layout.groups.iter().filter_map(|g| {
        let group = cluster.group(&g.group)?;
        let detail = format!(
            "{} · {} {} · {}",
            group.config.partition_assignment_strategy.kafka_name(),
            s.generation,
            group.generation,
            group.state.kafka_name()
        );
        let is_service = cluster.service(&g.group).is_some();
        // What it reads, and how far behind it is on all of it: kept in sight when its members
        // crashed or its service stopped (a member's own badge goes with what it owns).
        let reads: Vec<&str> = match cluster.service(&g.group) {
            Some(svc) => svc.config.inputs.iter().map(String::as_str).collect(),
            None => group.subscribed_topics().into_iter().collect(),
        };
        let total_lag: Option<u64> = cluster.group_lag(&g.group).ok().and_then(|lags| {
            let known: Vec<u64> = lags.iter().filter_map(|l| l.lag).collect();
            (!known.is_empty()).then(|| known.iter().sum())
        });
        let reading = match (reads.is_empty(), total_lag) {
            (true, _) => String::new(),
            (false, Some(lag)) => format!("{} {} · {} {lag}", s.flow_reads, reads.join(", "), s.lag_badge),
            (false, None) => format!("{} {}", s.flow_reads, reads.join(", ")),
        };
        let members = g.members.iter().filter_map(|(m, r)| {
            let member = group.members.get(m)?;
            let owned: Vec<&TopicPartition> = member.owned.keys().collect();
            for tp in &owned {
                if let Some(leader) = cluster.partition(tp).and_then(|p| p.leader) {
                    if let Some(chip) = layout.replica(leader, tp) {
                        lines.push(line(layout.link(*r, chip), tp));
                    }
                }
            }
            let lag = cluster.member_lag(&g.group, m);
            let status = match member.status {
                MemberStatus::Crashed => s.member_crashed.to_string(),
                MemberStatus::Leaving => s.member_leaving.to_string(),
                MemberStatus::Joining => s.member_joining.to_string(),
                MemberStatus::Stable if owned.is_empty() => s.idle.to_string(),
                MemberStatus::Stable => owned.iter().map(|tp| format!("{}{}", s.partition_short, tp.partition)).collect::<Vec<_>>().join(","),
            };
            let class = match member.status {
                MemberStatus::Crashed => "member crashed",
                _ if owned.is_empty() => "member idle",
                _ => "member",
            };
            Some(html! {
                <g class={class} data-member={m.clone()}>
                    <title>{ m.clone() }</title>
                    { rect("", r.x, r.y, r.w, r.h, 6.0) }
                    { svg::text("client-name", r.x + 6.0, r.y + 16.0, Anchor::Start, html! { &member.client_id }) }
                    { svg::text("client-detail", r.x + 6.0, r.y + 32.0, Anchor::Start, html! { status }) }
                    if let Some(lag) = lag {
                        { svg::text("lag-badge", r.x + r.w - 6.0, r.y + 32.0, Anchor::End, html! { format!("{} {lag}", s.lag_badge) }) }
                    }
                </g>
            })
        });
        let r = g.rect;
        let broken = session.ordering().broken_keys(&g.group);
        Some(html! {
            <g class="group" data-group={g.group.clone()}>
                { rect("", r.x, r.y, r.w, r.h, 8.0) }
                <text class="group-name" x={u(r.x + 10.0)} y={u(r.y + 18.0)}>
                    { &g.group }
                    if is_service { <tspan class="service-tag">{ format!(" · {}", s.service) }</tspan> }
                </text>
                { svg::text("client-detail group-reads", r.x + 10.0, r.y + 34.0, Anchor::Start, html! { reading }) }
                { svg::text("client-detail", r.x + 10.0, r.y + 48.0, Anchor::Start, html! { detail }) }
                if !broken.is_empty() {
                    <text class="order-broken" x={u(r.x + r.w - 8.0)} y={u(r.y + 18.0)} text-anchor="end">
                        <title>{ format!("{}: {}", s.out_of_order, broken.join(", ")) }</title>
                        { format!("⚠ {} {}", broken.len(), s.out_of_order) }
                    </text>
                }
                { for members }
            </g>
        })
    }).collect::<Vec<_>>();

    html! {
        <g class="cluster">
            <g class="ownership">{ for lines }</g>
            { controller }
            { for brokers }
            { for producers }
            { for groups }
        </g>
    }
}

fn line((from, to): (Point, Point), tp: &TopicPartition) -> Html {
    html! {
        <line class="owns" data-tp={tp.to_string()} x1={u(from.x)} y1={u(from.y)}
            x2={u(to.x)} y2={u(to.y)} />
    }
}

/// `orders-2`, shortened so it fits a chip `chip_w` wide — shorter still when the chip also
/// shows a glyph (★ leader, ✕ offline, … out of sync), so the two never overlap.
fn chip_label(tp: &TopicPartition, alone: bool, chip_w: f64) -> String {
    let suffix = format!("-{}", tp.partition);
    let glyph = if alone { 0.0 } else { CHIP_GLYPH_W };
    let width = ((chip_w - CHIP_TEXT_PAD - glyph) / CHIP_CHAR_W)
        .floor()
        .max(0.0) as usize;
    let room = width.saturating_sub(suffix.len());
    let topic: String = if tp.topic.chars().count() > room {
        tp.topic
            .chars()
            .take(room.saturating_sub(1))
            .chain(['…'])
            .collect()
    } else {
        tp.topic.to_string()
    };
    format!("{topic}{suffix}")
}

#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    //! The stage's cluster drawing, alone in an `<svg>` on a known session, against the model.
    use super::*;
    use crate::browser_test_support::{
        computed, inside, mount, overlap, rect, use_choice, Chosen, Mounted, StageProps,
    };
    use crate::i18n::Lang;
    use crate::playground::preset;
    use crate::session::Session;
    use crate::stage::layout::Orientation;
    use kafka_model::{Command, ControllerMode, ProducerRecord, TopicConfig};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// The stage as the playground draws it: the layout recomputed when the model changes,
    /// the chosen partition highlighted.
    #[function_component(Stage)]
    fn stage(props: &StageProps) -> Html {
        let live = use_live();
        let session = live.session.clone();
        let layout = use_memo(session.version(), move |_| {
            Rc::new(Layout::compute(
                session.borrow().cluster(),
                Orientation::Wide,
            ))
        });
        let layout: Rc<Layout> = (*layout).clone();
        let (selected, on_select) = use_choice(&props.chosen);
        html! {
            <svg class="stage" width="1000" viewBox={ format!("0 0 {} {}", u(layout.width), u(layout.height)) }>
                <ClusterView {layout} {selected} {on_select} />
            </svg>
        }
    }

    async fn stage_on(session: Session, lang: Lang) -> (Mounted, Chosen) {
        let chosen = Chosen::default();
        let m = mount(session, lang, html! { <Stage chosen={chosen.clone()} /> }).await;
        (m, chosen)
    }

    fn preset_session() -> Session {
        Session::new(preset::SEED, preset::BROKERS, &preset::commands()).unwrap()
    }

    /// Every broker box and every replica chip as the model has them: ids, status, the
    /// leader marked (★, one per partition), LEO and HW in each chip's title.
    fn expect_brokers_and_chips(m: &Mounted) {
        let s = m.lang.strings();
        let session = m.session();
        let cluster = session.cluster();
        assert_eq!(
            m.count("g.broker"),
            cluster.brokers().count(),
            "one box per broker"
        );
        for b in cluster.brokers() {
            let sel = format!("g.broker[data-broker='{}']", b.id);
            assert_eq!(
                m.text(&format!("{sel} > .broker-name")),
                format!("broker-{}", b.id)
            );
            let status = m.text(&format!("{sel} > .broker-status"));
            let class = m.one(&sel).get_attribute("class").unwrap();
            if b.alive {
                assert_eq!(class, "broker", "broker-{}", b.id);
                assert_eq!(status, s.alive, "broker-{}", b.id);
            } else {
                assert_eq!(class, "broker down", "broker-{}", b.id);
                assert_eq!(status, s.down, "broker-{}", b.id);
            }
        }
        let mut replicas = 0;
        for t in cluster.topics() {
            for p in &t.partitions {
                let tp = TopicPartition::new(&t.name, p.id);
                let leaders = m.all(&format!("g.replica.leader[data-tp='{tp}']"));
                let expected_leaders = usize::from(p.leader.is_some());
                assert_eq!(leaders.len(), expected_leaders, "{tp}: one leader chip");
                for &b in &p.replicas {
                    replicas += 1;
                    let chip = m.one(&format!(
                        "g.broker[data-broker='{b}'] g.replica[data-tp='{tp}']"
                    ));
                    let class = chip.get_attribute("class").unwrap();
                    let glyph = m.text(&format!(
                        "g.broker[data-broker='{b}'] g.replica[data-tp='{tp}'] text.glyph"
                    ));
                    let held = p.replica_log(b).map_or(0, |l| l.records().len() as u64);
                    assert_eq!(
                        m.text(&format!(
                            "g.broker[data-broker='{b}'] g.replica[data-tp='{tp}'] text.count"
                        ))
                        .trim(),
                        crate::i18n::strings::record_count_short(m.lang, held),
                        "{tp} on broker-{b}: the records this replica holds"
                    );
                    let alive = cluster.broker(b).is_some_and(|x| x.alive);
                    let (want_class, want_glyph) = if !alive {
                        ("replica offline", "✕")
                    } else if p.leader == Some(b) {
                        ("replica leader", "★")
                    } else if p.isr.contains(&b) {
                        ("replica follower", "")
                    } else {
                        ("replica out-of-sync", "…")
                    };
                    assert_eq!(class, want_class, "{tp} on broker-{b}");
                    assert_eq!(glyph, want_glyph, "{tp} on broker-{b}");
                    let leo = p.replica(b).map_or(0, |r| r.log_end_offset);
                    let title = m.text(&format!(
                        "g.broker[data-broker='{b}'] g.replica[data-tp='{tp}'] > title"
                    ));
                    assert_eq!(
                        title,
                        format!(
                            "{tp} · {} · broker-{b} · {} {leo} · {} {}",
                            crate::i18n::strings::record_count_short(m.lang, held),
                            s.log_end_offset,
                            s.high_watermark,
                            p.high_watermark
                        )
                    );
                }
            }
        }
        assert_eq!(m.count("g.replica"), replicas, "one chip per replica");
    }

    #[wasm_bindgen_test]
    async fn each_broker_has_its_box_and_each_replica_its_chip_with_the_leader_marked() {
        let (m, _) = stage_on(preset_session(), Lang::En).await;
        // Records in every partition, so the chips' LEO and HW are not all zero.
        for i in 0..12 {
            let record = ProducerRecord::text("orders", Some(&format!("order-{i}")), "x");
            m.run(Command::Produce {
                producer: 1,
                record,
            })
            .await;
        }
        m.advance(3_000).await;
        let hw: u64 = m
            .session()
            .cluster()
            .topic("orders")
            .unwrap()
            .partitions
            .iter()
            .map(|p| p.high_watermark)
            .sum();
        assert_eq!(hw, 12, "the records were written and replicated");
        expect_brokers_and_chips(&m);
        // The layout a learner sees: chips inside their broker's box, never on each other.
        for b in m.all("g.broker") {
            let outer = rect(&b.query_selector(":scope > rect").unwrap().unwrap());
            let chips: Vec<_> = (0..b.query_selector_all("g.replica > rect").unwrap().length())
                .map(|i| {
                    let chip: web_sys::Element = b
                        .query_selector_all("g.replica > rect")
                        .unwrap()
                        .item(i)
                        .unwrap()
                        .unchecked_into();
                    rect(&chip)
                })
                .collect();
            assert!(!chips.is_empty());
            for (i, c) in chips.iter().enumerate() {
                assert!(inside(c, &outer), "a chip sticks out of its broker box");
                for d in &chips[i + 1..] {
                    assert!(!overlap(c, d), "two chips overlap");
                }
            }
        }
    }

    #[wasm_bindgen_test]
    async fn a_chips_label_and_glyph_fit_inside_it_even_for_a_long_topic_name() {
        let mut session = preset_session();
        session
            .apply(Command::CreateTopic {
                name: "inventory-adjustments-eu-west".into(),
                config: TopicConfig::default()
                    .with_partitions(2)
                    .with_replication_factor(3),
            })
            .unwrap();
        let (m, _) = stage_on(session, Lang::En).await;
        expect_brokers_and_chips(&m);
        let long = m.all("g.replica[data-tp^='inventory-adjustments-eu-west']");
        assert_eq!(long.len(), 6, "2 partitions × RF 3");
        for chip in m.all("g.replica") {
            let tp = chip.get_attribute("data-tp").unwrap();
            let texts = chip.query_selector_all("text").unwrap();
            let label: web_sys::Element = texts.item(0).unwrap().unchecked_into();
            let glyph: web_sys::Element = texts.item(1).unwrap().unchecked_into();
            let outline = rect(&chip.query_selector("rect").unwrap().unwrap());
            let (label_box, glyph_box) = (rect(&label), rect(&glyph));
            assert!(
                inside(&label_box, &outline),
                "{tp}: its label '{}' runs out of the chip",
                label.text_content().unwrap()
            );
            assert!(
                glyph_box.width() == 0.0 || !overlap(&label_box, &glyph_box),
                "{tp}: label and glyph overlap"
            );
            let text = label.text_content().unwrap();
            let partition = tp.rsplit_once('-').unwrap().1;
            assert!(text.ends_with(&format!("-{partition}")), "{tp}: {text}");
            if text != tp {
                assert!(text.contains('…'), "{tp} shortened without a mark: {text}");
                // The accessible name still says which partition it is.
                let name = chip.get_attribute("aria-label").unwrap();
                assert!(name.contains(&tp), "{name}");
                // And it begins with what the chip shows, as it reads: label, then count.
                let count = chip.query_selector("text.count").unwrap().unwrap();
                let shown = format!("{text} · {}", count.text_content().unwrap().trim());
                assert!(
                    name.starts_with(&shown),
                    "{name} does not begin with {shown}"
                );
            }
        }
        assert!(
            long.iter().any(|c| c.text_content().unwrap().contains('…')),
            "a name this long is shortened somewhere"
        );
    }

    #[wasm_bindgen_test]
    async fn a_killed_broker_is_drawn_down_and_leadership_redrawn_where_the_model_moved_it() {
        let (m, _) = stage_on(preset_session(), Lang::Vi).await;
        let leader = m
            .session()
            .cluster()
            .partition(&TopicPartition::new("orders", 0))
            .unwrap()
            .leader
            .unwrap();
        m.run(Command::KillBroker { broker: leader }).await;
        m.advance(2_000).await;
        let down = m.all("g.broker.down");
        assert_eq!(down.len(), 1, "exactly the killed broker is down");
        assert_eq!(
            down[0].get_attribute("data-broker"),
            Some(leader.to_string())
        );
        // Told apart by shape, not colour alone: the box is dashed.
        let outline = down[0].query_selector(":scope > rect").unwrap().unwrap();
        let dash = computed(&outline, "stroke-dasharray");
        assert_ne!(dash, "none", "a dead broker's box is dashed");
        let chips = m.all(&format!("g.broker[data-broker='{leader}'] g.replica"));
        assert!(!chips.is_empty());
        for chip in &chips {
            assert_eq!(chip.get_attribute("class").unwrap(), "replica offline");
        }
        // Every partition the dead broker led has a new leader elsewhere, drawn there.
        let p0 = m
            .session()
            .cluster()
            .partition(&TopicPartition::new("orders", 0))
            .unwrap()
            .leader;
        assert!(p0.is_some_and(|l| l != leader), "{p0:?}");
        expect_brokers_and_chips(&m);

        m.run(Command::ReviveBroker { broker: leader }).await;
        m.advance(5_000).await;
        assert_eq!(m.count("g.broker.down"), 0);
        expect_brokers_and_chips(&m);
    }

    #[wasm_bindgen_test]
    async fn the_controller_line_names_the_controller_and_its_voters_then_zookeeper() {
        for lang in Lang::ALL {
            let (m, _) = stage_on(preset_session(), lang).await;
            let s = lang.strings();
            let (controller, voters) = {
                let session = m.session();
                let c = session.cluster();
                let voters: Vec<String> = c
                    .controller_state()
                    .voters
                    .iter()
                    .map(|v| v.to_string())
                    .collect();
                (c.controller().expect("a controller"), voters.join(","))
            };
            assert!(!voters.is_empty());
            assert_eq!(
                m.one("g.controller").get_attribute("class").unwrap(),
                "controller"
            );
            assert_eq!(
                m.text("g.controller text"),
                format!(
                    "{}: broker-{controller} · {} {voters}",
                    s.controller, s.voters
                )
            );
            m.run(Command::SetControllerMode {
                mode: ControllerMode::ZooKeeper,
            })
            .await;
            m.advance(1_000).await;
            let controller = m.session().cluster().controller().expect("a controller");
            assert_eq!(
                m.one("g.controller").get_attribute("class").unwrap(),
                "controller zookeeper"
            );
            assert_eq!(
                m.text("g.controller text"),
                format!("ZooKeeper · /controller = broker-{controller}")
            );
        }
    }

    #[wasm_bindgen_test]
    async fn members_are_linked_to_the_leaders_of_what_they_own_and_a_chip_click_selects() {
        let (m, chosen) = stage_on(preset_session(), Lang::En).await;
        m.advance(5_000).await;
        let mut expected: Vec<String> = {
            let session = m.session();
            let c = session.cluster();
            let g = c.group("payments").unwrap();
            g.members
                .values()
                .flat_map(|member| member.owned.keys().map(|tp| tp.to_string()))
                .collect()
        };
        expected.sort();
        assert_eq!(expected.len(), 3, "the group owns orders' 3 partitions");
        let mut drawn: Vec<String> = m
            .all("line.owns")
            .iter()
            .map(|l| l.get_attribute("data-tp").unwrap())
            .collect();
        drawn.sort();
        assert_eq!(drawn, expected, "one line per owned partition");
        assert_eq!(m.count("g.group[data-group=payments] g.member"), 2);

        let tp = TopicPartition::new("orders", 1);
        let leader = m
            .session()
            .cluster()
            .partition(&tp)
            .unwrap()
            .leader
            .unwrap();
        m.click(&format!(
            "g.broker[data-broker='{leader}'] g.replica[data-tp='orders-1']"
        ))
        .await;
        assert_eq!(*chosen.borrow(), vec![tp.clone()]);
        let selected: Vec<String> = m
            .all("g.replica.selected")
            .iter()
            .map(|c| c.get_attribute("data-tp").unwrap())
            .collect();
        let replicas = m.session().cluster().partition(&tp).unwrap().replicas.len();
        assert_eq!(selected, vec!["orders-1".to_string(); replicas]);
    }
}
