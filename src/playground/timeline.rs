//! The timeline: what happened, newest first, in words, filterable by category; clicking an
//! entry highlights the partition it names on the stage and opens its log.

use super::transport::format_time;
use crate::i18n::happenings::{category, describe, FILTERS};
use crate::i18n::use_lang;
use crate::live::use_panel_live;
use kafka_model::{HappeningKind as K, TopicPartition};
use yew::prelude::*;

const SHOWN: usize = 60;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub on_select: Callback<TopicPartition>,
}

/// The partition a happening is about, if it names one.
fn partition_of(kind: &K) -> Option<&TopicPartition> {
    match kind {
        K::LeaderElected { partition, .. }
        | K::IsrShrunk { partition, .. }
        | K::IsrExpanded { partition, .. }
        | K::LogTruncated { partition, .. }
        | K::RecordsDeleted { partition, .. }
        | K::RecordQueued { partition, .. }
        | K::ProduceSent { partition, .. }
        | K::AppendedAtLeader { partition, .. }
        | K::ReplicaFetchSent { partition, .. }
        | K::Replicated { partition, .. }
        | K::HighWatermarkAdvanced { partition, .. }
        | K::Acked { partition, .. }
        | K::ProduceFailed { partition, .. }
        | K::FetchSent { partition, .. }
        | K::Fetched { partition, .. }
        | K::Delivered { partition, .. }
        | K::PositionReset { partition, .. }
        | K::ConsumerError { partition, .. } => Some(partition),
        _ => None,
    }
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let live = use_panel_live();
    let lang = use_lang();
    let s = lang.strings();
    let filter = use_state(|| "all".to_string());
    let session = live.session.borrow();
    let f = (*filter).clone();
    let items = session
        .recent()
        .iter()
        .rev()
        .filter(|h| category(&h.kind) != "heartbeat")
        .filter(|h| f == "all" || category(&h.kind) == f)
        .take(SHOWN)
        .map(|h| {
            let tp = partition_of(&h.kind).cloned();
            let onclick = {
                let on = props.on_select.clone();
                let tp = tp.clone();
                Callback::from(move |_| {
                    if let Some(tp) = &tp {
                        on.emit(tp.clone());
                    }
                })
            };
            html! {
                <li key={h.id.to_string()} class={format!("happening {}", category(&h.kind))}>
                    <button type="button" class="happening-button" {onclick} disabled={tp.is_none()}>
                        <span class="at">{ format_time(h.start_ms) }</span>
                        <span class="what">{ describe(h, lang) }</span>
                    </button>
                </li>
            }
        });
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let v = select.value();
            if v == "all" || FILTERS.iter().any(|(c, _)| *c == v) {
                filter.set(v);
            }
        })
    };
    html! {
        <section class="panel timeline" aria-labelledby="timeline-title">
            <div class="item-head">
                <h2 id="timeline-title">{ s.timeline_title }</h2>
                <label>{ s.filter }
                    <select onchange={on_filter} name="timeline-filter">
                        <option value="all" selected=true>{ s.filter_all }</option>
                        { for FILTERS.iter().map(|(c, label)| html! { <option value={*c}>{ label.get(lang) }</option> }) }
                    </select>
                </label>
            </div>
            <ol class="happenings">{ for items }</ol>
        </section>
    }
}
