//! The flow view drawn: producers, topics as logs (a row of cells per partition, numbered
//! by offset), the groups and services that read them with their position in each partition
//! and their lag as the cells they have not read, and what the services write. Everything
//! comes from the model's state as it is now; the dots flying over it are the flight layer's.

use super::layout::{
    FlowLayout, NodeBox, NodeKind, Row, TopicBox, CELL_H, CELL_W, LANE_H, LEGEND_H, ROW_LABEL_W,
};
use crate::i18n::{strings, use_lang, Lang};
use crate::live::use_live;
use crate::stage::colors::key_color;
use crate::stage::layout::Orientation;
use crate::stage::svg::{line, rect, text, u, Anchor};
use kafka_model::{Cluster, MemberStatus, PartitionLag, TopicPartition};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct FlowViewProps {
    pub layout: Rc<FlowLayout>,
    /// The partition whose log is open, highlighted.
    pub selected: Option<TopicPartition>,
    pub on_select: Callback<TopicPartition>,
}

/// The same layout by identity (one is computed per redraw): comparing two layouts field by
/// field on every render would cost more than it saves.
impl PartialEq for FlowViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.layout, &other.layout)
            && self.selected == other.selected
            && self.on_select == other.on_select
    }
}

/// A group's colour: its markers, lag bars and lines to the partitions its members own.
const GROUP_COLOURS: [&str; 6] = [
    "#7c3aed", "#c2410c", "#0f766e", "#be185d", "#1d4ed8", "#4d7c0f",
];

/// What fits `room` units of a line whose characters are about `char_w` wide (a bold 12.5 px
/// name ≈ 7.6, an 11.5 px line ≈ 6.8, generous for Vietnamese diacritics): the text, or its
/// start and "…". The whole text is always in the element's title.
fn fit(text: &str, room: f64, char_w: f64) -> String {
    let max = (room / char_w).floor().max(2.0) as usize;
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut short: String = text.chars().take(max - 1).collect();
        short.push('…');
        short
    }
}

/// Widths of a character, in stage units, for [`fit`].
const NAME_CHAR_W: f64 = 7.6;
const LINE_CHAR_W: f64 = 6.8;

fn group_colour(cluster: &Cluster, group: &str) -> &'static str {
    let i = cluster
        .groups()
        .position(|g| g.group_id == group)
        .unwrap_or(0);
    GROUP_COLOURS[i % GROUP_COLOURS.len()]
}

#[function_component(FlowView)]
pub fn flow_view(props: &FlowViewProps) -> Html {
    let (live, lang) = (use_live(), use_lang());
    let session = live.session.borrow();
    let cluster = session.cluster();
    let layout = &props.layout;
    let edges = layout.edges.iter().map(|e| {
        let (a, b) = (e.from, e.to);
        // A curve leaving along the flow's direction and arriving along it, ending short of
        // the box for the arrowhead.
        let [c1, c2, end] = match layout.orientation {
            Orientation::Wide => {
                let mid = (a.x + b.x) / 2.0;
                [(mid, a.y), (mid, b.y), (b.x - 6.0, b.y)]
            }
            Orientation::Tall => {
                let mid = (a.y + b.y) / 2.0;
                [(a.x, mid), (b.x, mid), (b.x, b.y - 6.0)]
            }
        };
        let d = format!(
            "M{} {} C{} {} {} {} {} {}",
            u(a.x),
            u(a.y),
            u(c1.0),
            u(c1.1),
            u(c2.0),
            u(c2.1),
            u(end.0),
            u(end.1)
        );
        let class = if e.idle {
            "flow-edge idle"
        } else {
            "flow-edge"
        };
        html! { <path {class} d={d} marker-end="url(#flow-arrow)" /> }
    });
    // Every group's lag per partition, once (`kafka-consumer-groups --describe`'s numbers).
    let lags: Vec<(String, Vec<PartitionLag>)> = cluster
        .groups()
        .filter_map(|g| Some((g.group_id.clone(), cluster.group_lag(&g.group_id).ok()?)))
        .collect();
    let topics = layout
        .topics
        .iter()
        .map(|t| topic(cluster, t, &lags, props, lang));
    let owner_lines = match layout.orientation {
        Orientation::Wide => owner_lines(cluster, layout),
        // Upright, the members sit under the topic: the arrow says who reads it, and each
        // member's box names its partitions.
        Orientation::Tall => Vec::new(),
    };
    let nodes = layout.nodes.iter().map(|n| node(cluster, n, lang));
    html! {
        <g class="flow">
            <defs>
                <marker id="flow-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M0 0 L10 5 L0 10 z" class="flow-arrowhead" />
                </marker>
            </defs>
            <g class="flow-edges">{ for edges }</g>
            <g class="flow-owners">{ for owner_lines }</g>
            { for topics }
            { for nodes }
            { legend(layout, lang) }
        </g>
    }
}

/// What the marks mean, under the drawing: one line on the wide stage, two upright; only
/// the HW where no group reads anything yet.
fn legend(layout: &FlowLayout, lang: Lang) -> Html {
    let s = lang.strings();
    let y = layout.height - 6.0;
    let read = layout
        .topics
        .iter()
        .any(|t| t.rows.iter().any(|r| !r.lanes.is_empty()));
    let lines: Vec<String> = match (read, layout.orientation) {
        (false, _) => vec![s.legend_hw.to_string()],
        (true, Orientation::Wide) => vec![format!(
            "{}   {}   {}   {}",
            s.legend_committed, s.legend_position, s.legend_lag, s.legend_hw
        )],
        (true, Orientation::Tall) => vec![
            format!("{}   {}", s.legend_committed, s.legend_position),
            format!("{}   {}", s.legend_lag, s.legend_hw),
        ],
    };
    let n = lines.len();
    let lines = lines.into_iter().enumerate().map(|(i, line)| {
        let y = y - (n - 1 - i) as f64 * LEGEND_H;
        text("flow-legend", 12.0, y, Anchor::Start, html! { line })
    });
    html! { <>{ for lines }</> }
}

/// A topic's box: its name and record count, then a row per partition.
fn topic(
    cluster: &Cluster,
    t: &TopicBox,
    lags: &[(String, Vec<PartitionLag>)],
    props: &FlowViewProps,
    lang: Lang,
) -> Html {
    let r = t.rect;
    let records: u64 = t
        .rows
        .iter()
        .filter_map(|row| cluster.partition(&row.partition))
        .map(|p| p.records().len() as u64)
        .sum();
    let rows = t.rows.iter().map(|row| {
        let selected = props.selected.as_ref() == Some(&row.partition);
        partition_row(cluster, row, lags, selected, &props.on_select, lang)
    });
    html! {
        <g class="flow-topic" data-topic={t.topic.clone()}>
            { rect("box", r.x, r.y, r.w, r.h, 8.0) }
            <title>{ format!("{} · {}", t.topic, strings::record_count(lang, records)) }</title>
            { text("topic-name", r.x + 8.0, r.y + 17.0, Anchor::Start, html! { fit(&t.topic, r.w - 100.0, NAME_CHAR_W) }) }
            { text("topic-meta", r.x + r.w - 8.0, r.y + 17.0, Anchor::End, html! { strings::record_count(lang, records) }) }
            { for rows }
        </g>
    }
}

/// One partition: its label, "… n earlier", a cell per record in the window (coloured by
/// key, numbered by offset; dashed above the high watermark, where consumers cannot read
/// yet), the empty slot of the next offset, the HW tick, and one lane per reading group with
/// its position marker and lag bar.
fn partition_row(
    cluster: &Cluster,
    row: &Row,
    lags: &[(String, Vec<PartitionLag>)],
    selected: bool,
    on_select: &Callback<TopicPartition>,
    lang: Lang,
) -> Html {
    let s = lang.strings();
    let tp = &row.partition;
    let Some(p) = cluster.partition(tp) else {
        return html! {};
    };
    let (start, hw, leo) = (p.log_start_offset(), p.high_watermark, p.log_end_offset());
    let records = p.records();
    let from = records.partition_point(|rec| rec.offset < row.first);
    let earlier = from as u64;
    // Cells sit at their offset within a group shifted by the window, so a new record moves
    // one transform instead of every cell; each is a component keyed by its offset, redrawn
    // only when it changes (a busy topic appends ten times a second).
    let base = row.first - row.first % CELL_BASE;
    let shift = row.cells.x + (row.lead as f64 - (row.first - base) as f64) * CELL_W;
    let cells = records[from..]
        .iter()
        .take_while(|rec| row.shows(rec.offset))
        .map(|rec| {
            html! {
                <Cell key={rec.offset} offset={rec.offset} x={(rec.offset - base) as f64 * CELL_W}
                    y={row.cells.y} above_hw={rec.offset >= hw} record_key={rec.key.clone()} value={rec.value.clone()} />
            }
        });
    let next_x = row.x_of(leo);
    let hw_x = row.x_of(hw);
    let lanes = row.lanes.iter().filter_map(|group| {
        let lag = lags
            .iter()
            .find(|(g, _)| g == group)?
            .1
            .iter()
            .find(|l| &l.partition == tp)?;
        let y = row.lane_y(group)?;
        let colour = group_colour(cluster, group);
        // Measured from the committed offset, as `kafka-consumer-groups` does; a group that
        // has fetched but not committed is measured from its position, and says so.
        let (at, committed) = match (lag.committed, lag.position) {
            (Some(c), _) => (c, true),
            (None, Some(pos)) => (pos, false),
            (None, None) => return None,
        };
        let behind = lag.high_watermark.saturating_sub(at);
        let x = row.x_of(at);
        let marker = format!(
            "M{} {} L{} {} L{} {} Z",
            u(x),
            u(y - 3.0),
            u(x - 4.0),
            u(y + 4.0),
            u(x + 4.0),
            u(y + 4.0)
        );
        let label = strings::lag_from(lang, behind, committed);
        // After the bar if the row has room there, else before the marker (a lane is under the
        // row, clear of its label): on whichever side has more room.
        let room_after = row.rect.x + row.rect.w - hw_x;
        let room_before = x - row.rect.x;
        let (text_x, anchor) = if room_after >= room_before {
            (hw_x + 3.0, "start")
        } else {
            (x - 6.0, "end")
        };
        let title = strings::lag_title(lang, group, behind, committed);
        Some(html! {
            <g class={classes!("lane", (!committed).then_some("from-position"))} data-group={group.clone()}
                data-at={at.to_string()} data-lag={behind.to_string()}>
                <title>{ title }</title>
                if behind > 0 {
                    <line class="lag-bar" x1={u(x)} y1={u(y)} x2={u(hw_x)} y2={u(y)} stroke={colour} />
                }
                <path class="marker" d={marker} fill={ if committed { colour } else { "none" } } stroke={colour} />
                if behind > 0 {
                    <text class="lag-text" x={u(text_x)} y={u(y + 4.0)} text-anchor={anchor} fill={colour}>{ label }</text>
                }
            </g>
        })
    });
    let onclick = {
        let (on, tp) = (on_select.clone(), tp.clone());
        Callback::from(move |_| on.emit(tp.clone()))
    };
    let onkeydown = {
        let (on, tp) = (on_select.clone(), tp.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                on.emit(tp.clone());
            }
        })
    };
    let r = row.rect;
    let cy = row.cells.y;
    // The whole row answers a click; its label is the button a keyboard or a screen reader
    // finds, named by its own text first ("P0 · orders-0: 3 records").
    let label = format!("{}{}", s.partition_short, tp.partition);
    let name = format!(
        "{label} · {tp}: {}",
        strings::record_count(lang, records.len() as u64)
    );
    html! {
        <g class={classes!("flow-row", selected.then_some("selected"))} data-tp={tp.to_string()}
            data-first={row.first.to_string()} data-log-start={start.to_string()}
            data-hw={hw.to_string()} data-leo={leo.to_string()} {onclick}>
            { rect("row-hit", r.x, r.y - 2.0, r.w, r.h + 2.0, 4.0) }
            <g class="row-button" role="button" tabindex="0" aria-label={name} {onkeydown}>
                { rect("row-focus", r.x, cy - 2.0, ROW_LABEL_W, CELL_H + 4.0, 4.0) }
                { text("row-label", r.x + 2.0, cy + 15.0, Anchor::Start, html! { label }) }
            </g>
            if row.lead > 0 && earlier > 0 {
                <g class="earlier">
                    <title>{ strings::flow_earlier(lang, earlier) }</title>
                    { rect("", row.cells.x + 1.0, cy, CELL_W - 2.0, CELL_H, 3.0) }
                    { text("", row.cells.x + CELL_W / 2.0, cy + 15.0, Anchor::Middle, html! { format!("…{earlier}") }) }
                </g>
            }
            <g class="cells" transform={format!("translate({} 0)", u(shift))}>{ for cells }</g>
            if row.shows(leo) {
                <g class="next-slot">
                    { rect("", next_x + 1.0, cy, CELL_W - 2.0, CELL_H, 3.0) }
                    { text("", next_x + CELL_W / 2.0, cy + 15.0, Anchor::Middle, html! { s.flow_next }) }
                </g>
            }
            { line("hw", (hw_x, cy - 3.0), (hw_x, cy + CELL_H + 2.0 + row.lanes.len() as f64 * LANE_H)) }
            { for lanes }
        </g>
    }
}

/// Cells are placed from a round offset below the window (a multiple of this), so their
/// coordinates stay small numbers whatever the offsets, and only change when it does.
const CELL_BASE: u64 = 1024;

#[derive(Properties, PartialEq)]
struct CellProps {
    offset: u64,
    /// From the row's cell group's origin.
    x: f64,
    y: f64,
    /// Written but not yet below the high watermark: consumers cannot read it yet.
    above_hw: bool,
    record_key: Option<kafka_model::record::Bytes>,
    value: Option<kafka_model::record::Bytes>,
}

/// One record: coloured by its key (same key, same colour), numbered by its offset, its key
/// and value on hover. Two elements, the box (with its title) and the number, not a group of
/// four: a busy stage draws a few hundred cells, and the browser's style, layout and paint of
/// them, not the wasm, is what a flow-view frame costs (`tests/bench/trace.mjs`).
#[function_component(Cell)]
fn cell(props: &CellProps) -> Html {
    let lang = use_lang();
    let key = props
        .record_key
        .as_ref()
        .map(|k| String::from_utf8_lossy(k).into_owned());
    let value = kafka_model::service::text_of(props.value.as_deref());
    let title = strings::cell_title(lang, props.offset, key.as_deref(), &value);
    let class = classes!("cell", props.above_hw.then_some("above-hw"));
    html! {
        <>
            <rect {class} data-offset={props.offset.to_string()} x={u(props.x + 1.0)} y={u(props.y)}
                width={u(CELL_W - 2.0)} height={u(CELL_H)} rx="3" fill={key_color(props.record_key.as_deref())}>
                <title>{ title }</title>
            </rect>
            { text("cell-n", props.x + CELL_W / 2.0, props.y + 15.0, Anchor::Middle, html! { props.offset.to_string() }) }
        </>
    }
}

/// Lines from each member to the partitions it owns, as the primer's consumer-groups picture
/// draws them.
fn owner_lines(cluster: &Cluster, layout: &FlowLayout) -> Vec<Html> {
    let mut lines = Vec::new();
    for g in cluster.groups() {
        let colour = group_colour(cluster, &g.group_id);
        for (member_id, m) in g.members.iter() {
            let Some(mr) = layout.member(&g.group_id, member_id) else {
                continue;
            };
            for tp in m.owned.keys() {
                let Some(row) = layout.row(tp) else {
                    continue;
                };
                let (x1, y1) = match layout.orientation {
                    Orientation::Wide => (mr.x, mr.y + mr.h / 2.0),
                    Orientation::Tall => (mr.x + mr.w / 2.0, mr.y),
                };
                let (x2, y2) = (row.rect.x + row.rect.w, row.cells.y + CELL_H / 2.0);
                lines.push(html! {
                    <line class="owns" data-tp={tp.to_string()} data-member={member_id.clone()}
                        x1={u(x1)} y1={u(y1)} x2={u(x2)} y2={u(y2)} stroke={colour} />
                });
            }
        }
    }
    lines
}

fn node(cluster: &Cluster, n: &NodeBox, lang: Lang) -> Html {
    let s = lang.strings();
    let r = n.rect;
    let room = r.w - 14.0;
    let frame = |title: String, lines: Vec<String>| {
        let whole = std::iter::once(title.clone())
            .chain(lines.iter().cloned())
            .collect::<Vec<_>>()
            .join(" · ");
        let lines = lines.into_iter().enumerate().map(|(i, line)| {
            text(
                "node-sub",
                r.x + 8.0,
                r.y + 30.0 + 13.0 * i as f64,
                Anchor::Start,
                html! { fit(&line, room, LINE_CHAR_W) },
            )
        });
        html! {
            <>
                <title>{ whole }</title>
                { rect("box", r.x, r.y, r.w, r.h, 8.0) }
                { text("node-name", r.x + 8.0, r.y + 16.0, Anchor::Start, html! { fit(&title, room, NAME_CHAR_W) }) }
                { for lines }
            </>
        }
    };
    match &n.kind {
        NodeKind::Producer(id) => {
            let name = cluster
                .producers()
                .find(|p| p.id == *id)
                .map(|p| p.client_id.clone())
                .unwrap_or_default();
            html! {
                <g class="flow-node flow-producer" data-producer={id.to_string()}>
                    { frame(name, vec![s.flow_producer.to_string()]) }
                </g>
            }
        }
        NodeKind::Group { group, service } => {
            let Some(g) = cluster.group(group) else {
                return html! {};
            };
            let running = cluster.service(group).map_or(true, |svc| svc.running);
            // A service reads its inputs even while stopped (its member gone).
            let reads: Vec<&str> = match cluster.service(group) {
                Some(svc) => svc.config.inputs.iter().map(String::as_str).collect(),
                None => g.subscribed_topics().into_iter().collect(),
            };
            let kind = if *service {
                s.flow_service
            } else {
                s.flow_group
            };
            let mut sub = vec![kind.to_string()];
            if !reads.is_empty() {
                sub.push(format!("{} {}", s.flow_reads, reads.join(", ")));
            }
            let members = n.members.iter().filter_map(|(id, mr)| {
                let m = g.members.get(id)?;
                let state = match m.status {
                    MemberStatus::Crashed => s.member_crashed.to_string(),
                    MemberStatus::Leaving => s.member_leaving.to_string(),
                    MemberStatus::Joining => s.member_joining.to_string(),
                    MemberStatus::Stable if m.owned.is_empty() => s.idle.to_string(),
                    MemberStatus::Stable => {
                        let owned: Vec<String> = m
                            .owned
                            .keys()
                            .map(|tp| {
                                if reads.len() > 1 {
                                    tp.to_string()
                                } else {
                                    format!("{}{}", s.partition_short, tp.partition)
                                }
                            })
                            .collect();
                        owned.join(" ")
                    }
                };
                let class = classes!(
                    "member",
                    (m.status == MemberStatus::Crashed).then_some("crashed"),
                    (m.status == MemberStatus::Stable && m.owned.is_empty()).then_some("idle")
                );
                Some(html! {
                    <g {class} data-member={id.clone()}>
                        { rect("", mr.x, mr.y, mr.w, mr.h, 5.0) }
                        <title>{ format!("{} · {state}", m.client_id) }</title>
                        { text("member-name", mr.x + 6.0, mr.y + 13.0, Anchor::Start, html! { fit(&m.client_id, mr.w - 10.0, NAME_CHAR_W) }) }
                        { text("member-state", mr.x + 6.0, mr.y + 26.0, Anchor::Start, html! { fit(&state, mr.w - 10.0, LINE_CHAR_W) }) }
                    </g>
                })
            });
            let class = classes!(
                "flow-node",
                if *service {
                    "flow-service"
                } else {
                    "flow-group"
                },
                (!running).then_some("stopped")
            );
            html! {
                <g {class} data-group={group.clone()}>
                    { frame(group.clone(), sub) }
                    { for members }
                </g>
            }
        }
        NodeKind::Table(table) => {
            let rows = cluster.table(table).map_or(0, |t| t.len());
            html! {
                <g class="flow-node flow-sink" data-table={table.clone()}>
                    { frame(table.clone(), vec![format!("{} · {rows} {}", s.flow_table, s.flow_rows)]) }
                </g>
            }
        }
        NodeKind::Email(service) => {
            let sent = cluster.service(service).map_or(0, |svc| svc.emails_sent);
            html! {
                <g class="flow-node flow-sink" data-email={service.clone()}>
                    { frame(s.flow_email.to_string(), vec![format!("{sent} {}", s.flow_emails)]) }
                </g>
            }
        }
        NodeKind::Topic(_) => html! {},
    }
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn a_name_too_long_for_its_box_ends_in_an_ellipsis_within_it() {
        assert_eq!(fit("payments", 100.0, 7.6), "payments");
        let long = "payments-audit-europe-west-1";
        let short = fit(long, 100.0, 7.6);
        assert!(short.ends_with('…'), "{short}");
        assert!(short.chars().count() as f64 * 7.6 <= 100.0, "{short}");
        assert!(long.starts_with(short.trim_end_matches('…')));
        assert_eq!(
            fit("thanh toán", 30.0, 7.6),
            "th…",
            "by characters, not bytes"
        );
        assert_eq!(
            fit("abc", 0.0, 7.6),
            "a…",
            "never less than a letter and the ellipsis"
        );
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    //! The flow drawing, alone in an `<svg>` on a known session, against the model: each
    //! partition a row of its records, each group's marker at its committed offset with its
    //! lag, a click choosing the row.
    use super::*;
    use crate::browser_test_support::{mount, use_choice, Chosen, Mounted, StageProps};
    use crate::i18n::Lang;
    use crate::playground::preset;
    use crate::session::Session;
    use crate::stage::svg::u;
    use kafka_model::{Command, ProducerRecord};
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// The stage as the playground draws it in the flow view.
    #[function_component(Stage)]
    fn stage(props: &StageProps) -> Html {
        let live = use_live();
        let session = live.session.clone();
        let layout = use_memo(session.version(), move |_| {
            Rc::new(FlowLayout::compute(
                session.borrow().cluster(),
                Orientation::Wide,
            ))
        });
        let layout: Rc<FlowLayout> = (*layout).clone();
        let (selected, on_select) = use_choice(&props.chosen);
        html! {
            <svg class="stage" width="1000" viewBox={ format!("0 0 {} {}", u(layout.width), u(layout.height)) }>
                <FlowView {layout} {selected} {on_select} />
            </svg>
        }
    }

    /// The free playground's cluster, with twelve keyed orders published.
    async fn published(lang: Lang) -> (Mounted, Chosen) {
        let session = Session::new(preset::SEED, preset::BROKERS, &preset::commands()).unwrap();
        let chosen = Chosen::default();
        let m = mount(session, lang, html! { <Stage chosen={chosen.clone()} /> }).await;
        m.advance(3_000).await;
        for i in 0..12 {
            let record = ProducerRecord::text("orders", Some(&format!("order-{i}")), "42 VND");
            m.run(Command::Produce {
                producer: 1,
                record,
            })
            .await;
        }
        (m, chosen)
    }

    /// Every partition's row as the model has it: log start, HW and LEO; a cell per record of
    /// the window, numbered by its offset, dashed above the HW, its key in its title. Returns
    /// how many cells are drawn, and how many of them above the HW.
    fn expect_rows(m: &Mounted) -> (usize, usize) {
        let session = m.session();
        let cluster = session.cluster();
        let (mut drawn_cells, mut above) = (0, 0);
        for p in &cluster.topic("orders").unwrap().partitions {
            let tp = TopicPartition::new("orders", p.id);
            let row = m.one(&format!("g.flow-row[data-tp='{tp}']"));
            let attr = |name: &str| row.get_attribute(name).unwrap().parse::<u64>().unwrap();
            assert_eq!(attr("data-log-start"), p.log_start_offset(), "{tp}");
            assert_eq!(attr("data-hw"), p.high_watermark, "{tp}");
            assert_eq!(attr("data-leo"), p.log_end_offset(), "{tp}");
            let first = attr("data-first");
            let records: Vec<_> = p.records().iter().filter(|r| r.offset >= first).collect();
            let cells = m.all(&format!("g.flow-row[data-tp='{tp}'] rect.cell"));
            let drawn: Vec<u64> = cells
                .iter()
                .map(|c| c.get_attribute("data-offset").unwrap().parse().unwrap())
                .collect();
            let expected: Vec<u64> = records.iter().map(|r| r.offset).collect();
            assert_eq!(drawn, expected, "{tp}: a cell per record of the window");
            for (cell, record) in cells.iter().zip(&records) {
                let class = cell.get_attribute("class").unwrap();
                let above_hw = record.offset >= p.high_watermark;
                assert_eq!(
                    class.contains("above-hw"),
                    above_hw,
                    "{tp}: offset {}",
                    record.offset
                );
                above += usize::from(above_hw);
                let title = cell.text_content().unwrap();
                assert!(title.contains(&record.key_text().unwrap()), "{tp}: {title}");
                let number = cell.next_element_sibling().unwrap().text_content().unwrap();
                assert_eq!(number, record.offset.to_string(), "{tp}");
            }
            drawn_cells += cells.len();
        }
        (drawn_cells, above)
    }

    /// The rows while the orders are still being replicated (some above the HW, where no
    /// consumer may read them yet) and after; then the group's lane on every row, its marker at
    /// the committed offset and the lag `kafka-consumer-groups --describe` would print.
    #[wasm_bindgen_test]
    async fn each_partition_is_drawn_as_its_log_with_the_groups_position_and_lag() {
        let (m, _) = published(Lang::En).await;
        // Step until a leader has appended records its follower has not fetched yet.
        let mut waited = 0;
        while expect_rows(&m).1 == 0 && waited < 3_000 {
            m.advance(50).await;
            waited += 50;
        }
        let (_, above) = expect_rows(&m);
        assert!(
            above > 0,
            "a moment with records above the HW, within {waited} ms"
        );
        m.advance(8_000).await;
        assert_eq!(
            expect_rows(&m),
            (12, 0),
            "every published order is a cell, all below the HW"
        );
        let session = m.session();
        let lags = session.cluster().group_lag("payments").unwrap();
        for p in 0..3 {
            let tp = TopicPartition::new("orders", p);
            let lag = lags.iter().find(|l| l.partition == tp).unwrap();
            let committed = lag
                .committed
                .expect("the group committed on every partition");
            let lane = m.one(&format!(
                "g.flow-row[data-tp='{tp}'] g.lane[data-group='payments']"
            ));
            assert_eq!(
                lane.get_attribute("data-at").unwrap(),
                committed.to_string(),
                "{tp}"
            );
            assert_eq!(
                lane.get_attribute("data-lag").unwrap(),
                lag.lag.unwrap().to_string(),
                "{tp}: the lag kafka-consumer-groups prints"
            );
        }
    }

    /// A click on a row chooses its partition (the log opens), and the row shows it chosen;
    /// the legend is in the reader's language.
    #[wasm_bindgen_test]
    async fn a_click_on_a_row_chooses_its_partition_and_the_legend_speaks_vietnamese() {
        let (m, chosen) = published(Lang::Vi).await;
        m.click("g.flow-row[data-tp='orders-2'] rect.row-hit").await;
        assert_eq!(*chosen.borrow(), vec![TopicPartition::new("orders", 2)]);
        let class = m
            .one("g.flow-row[data-tp='orders-2']")
            .get_attribute("class")
            .unwrap();
        assert!(class.contains("selected"), "{class}");
        let legend = m.texts("text.flow-legend").join(" ");
        assert!(legend.contains(Lang::Vi.strings().legend_hw), "{legend}");
        assert!(!legend.contains(Lang::En.strings().legend_hw), "{legend}");
    }
}
