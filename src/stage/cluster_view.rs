//! The cluster as it stands: controller, brokers with their replicas, producers, groups and
//! members, and the lines from each member to the partitions it owns. Redrawn only when the
//! model changes (its props carry the model version), never per animation frame.

use super::layout::{Layout, Point, CHIP_CHAR_W, CHIP_GLYPH_W, CHIP_TEXT_PAD};
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
                <rect x={u(r.x)} y={u(r.y)} width={u(r.w)} height={u(r.h)} rx="6" />
                <text x={u(r.x + r.w / 2.0)} y={u(r.y + r.h / 2.0 + 5.0)} text-anchor="middle">{ text }</text>
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
            let title = format!("{tp} · broker-{} · {} {leo} · {} {hw}", b.id, s.log_end_offset, s.high_watermark);
            // A shortened label is part of the accessible name too, so speech input can
            // name what it sees ("click invento…-0").
            let label = chip_label(tp, glyph.is_empty(), c.w);
            let name = if label == tp.to_string() { title.clone() } else { format!("{label}: {title}") };
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
            html! {
                <g class={class} data-tp={tp.to_string()} data-broker={b.id.to_string()}
                    tabindex="0" role="button" aria-label={name} {onclick} {onkeydown}>
                    <title>{ title }</title>
                    <rect x={u(c.x)} y={u(c.y)} width={u(c.w)} height={u(c.h)} rx="4" />
                    <text x={u(c.x + 5.0)} y={u(c.y + c.h / 2.0 + 4.0)}>{ label.clone() }</text>
                    <text class="glyph" x={u(c.x + c.w - 5.0)} y={u(c.y + c.h / 2.0 + 4.0)} text-anchor="end">{ glyph }</text>
                </g>
            }
        });
        html! {
            <g class={class} data-broker={b.id.to_string()}>
                <rect x={u(r.x)} y={u(r.y)} width={u(r.w)} height={u(r.h)} rx="8" />
                <text class="broker-name" x={u(r.x + 10.0)} y={u(r.y + 20.0)}>{ format!("broker-{}", b.id) }</text>
                <text class="broker-status" x={u(r.x + r.w - 10.0)} y={u(r.y + 20.0)} text-anchor="end">{ status }</text>
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
                <rect x={u(r.x)} y={u(r.y)} width={u(r.w)} height={u(r.h)} rx="8" />
                <text class="client-name" x={u(r.x + 10.0)} y={u(r.y + 18.0)}>{ &p.client_id }</text>
                <text class="client-detail" x={u(r.x + 10.0)} y={u(r.y + 35.0)}>{ detail }</text>
            </g>
        })
    });

    // Lines from members to the leader replica of each partition they own.
    let mut lines = Vec::new();
    let groups = layout.groups.iter().filter_map(|g| {
        let group = cluster.group(&g.group)?;
        let detail = format!(
            "{} · {} {} · {:?}",
            group.config.partition_assignment_strategy.kafka_name(),
            s.generation,
            group.generation,
            group.state
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
                    <rect x={u(r.x)} y={u(r.y)} width={u(r.w)} height={u(r.h)} rx="6" />
                    <text class="client-name" x={u(r.x + 6.0)} y={u(r.y + 16.0)}>{ &member.client_id }</text>
                    <text class="client-detail" x={u(r.x + 6.0)} y={u(r.y + 32.0)}>{ status }</text>
                    if let Some(lag) = lag {
                        <text class="lag-badge" x={u(r.x + r.w - 6.0)} y={u(r.y + 32.0)} text-anchor="end">{ format!("{} {lag}", s.lag_badge) }</text>
                    }
                </g>
            })
        });
        let r = g.rect;
        let broken = session.ordering().broken_keys(&g.group);
        Some(html! {
            <g class="group" data-group={g.group.clone()}>
                <rect x={u(r.x)} y={u(r.y)} width={u(r.w)} height={u(r.h)} rx="8" />
                <text class="group-name" x={u(r.x + 10.0)} y={u(r.y + 18.0)}>
                    { &g.group }
                    if is_service { <tspan class="service-tag">{ format!(" · {}", s.service) }</tspan> }
                </text>
                <text class="client-detail group-reads" x={u(r.x + 10.0)} y={u(r.y + 34.0)}>{ reading }</text>
                <text class="client-detail" x={u(r.x + 10.0)} y={u(r.y + 48.0)}>{ detail }</text>
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

/// A stage coordinate as an SVG attribute: to a hundredth of a unit, without the float
/// formatter (see `crate::numbers`).
fn u(v: f64) -> String {
    crate::numbers::short(v, 2)
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
