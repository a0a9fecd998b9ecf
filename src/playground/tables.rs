//! The tables Kafka's own tools print: `kafka-topics --describe` (partition, leader,
//! replicas, ISR) and `kafka-consumer-groups --describe` (member, partition, committed,
//! log end, lag), so what a learner sees here is what they will read on a real cluster.

use crate::i18n::use_lang;
use crate::live::use_panel_live;
use yew::prelude::*;

/// Under an empty table, why it is empty: bare headers read as something broken. (Below the
/// table, not a row in it, so the words wrap to the panel and never scroll sideways with the
/// columns on a phone.)
fn empty_note(rows: &[Html], text: &'static str) -> Html {
    if rows.is_empty() {
        html! { <p class="muted empty-note">{ text }</p> }
    } else {
        Html::default()
    }
}

fn ids(v: &[u32]) -> String {
    v.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
}

#[function_component(TopicTable)]
pub fn topic_table() -> Html {
    let live = use_panel_live();
    let lang = use_lang();
    let s = lang.strings();
    let session = live.session.borrow();
    let rows: Vec<Html> = session.cluster().topics().flat_map(|t| {
        t.partitions.iter().map(move |p| {
            html! {
                <tr data-tp={format!("{}-{}", t.name, p.id)}>
                    <td>{ &t.name }</td>
                    <td>{ p.id }</td>
                    <td class="leader">{ p.leader.map(|l| l.to_string()).unwrap_or_else(|| "none".into()) }</td>
                    <td class="replicas">{ ids(&p.replicas) }</td>
                    <td class="isr">{ ids(&p.isr) }</td>
                    <td>{ p.log_start_offset() }</td>
                    <td>{ p.high_watermark }</td>
                    <td>{ p.log_end_offset() }</td>
                </tr>
            }
        })
    }).collect();
    let note = empty_note(&rows, s.no_topics_yet);
    html! {
        <section class="panel table-panel" aria-labelledby="topic-table-title">
            <h2 id="topic-table-title"><code>{ s.describe_topics }</code></h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="topic-table-title">
                <table class="describe topics-describe">
                    <thead><tr>
                        <th>{ s.topic }</th><th>{ s.partition }</th><th>{ s.leader }</th><th>{ s.replicas }</th>
                        <th>{ s.isr }</th><th>{ s.log_start }</th><th>{ s.high_watermark }</th><th>{ s.log_end_offset }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                { note }
            </div>
        </section>
    }
}

#[function_component(GroupTable)]
pub fn group_table() -> Html {
    let live = use_panel_live();
    let lang = use_lang();
    let s = lang.strings();
    let session = live.session.borrow();
    let cluster = session.cluster();
    let rows: Vec<Html> = cluster.groups().flat_map(|g| {
        let lags = cluster.group_lag(&g.group_id).unwrap_or_default();
        let group = g.group_id.clone();
        lags.into_iter().map(move |l| {
            let owner = l.owner.clone().and_then(|m| g.members.get(&m).map(|x| x.client_id.clone())).unwrap_or_else(|| "-".into());
            html! {
                <tr data-group={group.clone()} data-tp={l.partition.to_string()}>
                    <td>{ &group }</td>
                    <td>{ &l.partition.topic }</td>
                    <td>{ l.partition.partition }</td>
                    <td>{ l.committed.map(|c| c.to_string()).unwrap_or_else(|| "-".into()) }</td>
                    <td>{ l.high_watermark }</td>
                    <td class="lag">{ l.lag.map(|c| c.to_string()).unwrap_or_else(|| "-".into()) }</td>
                    <td class="owner">{ owner }</td>
                </tr>
            }
        })
    }).collect();
    let note = empty_note(&rows, s.no_group_rows);
    html! {
        <section class="panel table-panel" aria-labelledby="group-table-title">
            <h2 id="group-table-title"><code>{ s.describe_groups }</code></h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="group-table-title">
                <table class="describe groups-describe">
                    <thead><tr>
                        // Kafka's own order (GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET
                        // LAG CONSUMER-ID): the lag stays in sight when the panel is narrow.
                        <th>{ s.group }</th><th>{ s.topic }</th><th>{ s.partition }</th>
                        <th>{ s.committed }</th><th>{ s.log_end }</th><th>{ s.lag }</th><th>{ s.member }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                { note }
            </div>
        </section>
    }
}
