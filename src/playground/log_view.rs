//! One partition opened as its log: cells numbered by offset with key and value, and markers
//! for log start, high watermark, log end and each group's committed offset.

use super::live::Live;
use crate::i18n::Lang;
use crate::stage::colors::key_color;
use kafka_model::TopicPartition;
use yew::prelude::*;

/// The most cells drawn; older ones are summarised, the log itself is bounded by retention.
const SHOWN: usize = 40;

#[derive(Properties, PartialEq)]
pub struct LogViewProps {
    pub live: Live,
    pub lang: Lang,
    pub partition: TopicPartition,
    pub on_close: Callback<()>,
}

#[function_component(LogView)]
pub fn log_view(props: &LogViewProps) -> Html {
    let s = props.lang.strings();
    let session = props.live.session.borrow();
    let cluster = session.cluster();
    let Some(p) = cluster.partition(&props.partition) else {
        return html! {};
    };
    let (start, hw, leo) = (p.log_start_offset(), p.high_watermark, p.log_end_offset());
    let committed: Vec<(String, u64)> = cluster
        .groups()
        .filter_map(|g| {
            g.committed(&props.partition)
                .map(|c| (g.group_id.clone(), c))
        })
        .collect();
    let records = p.records();
    let skip = records.len().saturating_sub(SHOWN);
    let cells = records[skip..].iter().map(|r| {
        let visible = r.offset < hw;
        let class = if visible { "cell" } else { "cell above-hw" };
        let marks: Vec<&str> = committed.iter().filter(|(_, c)| *c == r.offset).map(|(g, _)| g.as_str()).collect();
        html! {
            <li class={class} data-offset={r.offset.to_string()} style={format!("--key-color: {}", key_color(r.key.as_deref()))}>
                <span class="cell-offset">{ r.offset }</span>
                <span class="cell-key">{ r.key_text().unwrap_or_else(|| "∅".into()) }</span>
                <span class="cell-value">{ r.value_text().unwrap_or_else(|| "null".into()) }</span>
                if !marks.is_empty() { <span class="cell-committed">{ format!("▲ {}", marks.join(", ")) }</span> }
            </li>
        }
    });
    let close = {
        let on = props.on_close.clone();
        Callback::from(move |_| on.emit(()))
    };
    html! {
        <section class="panel log-view" aria-labelledby="log-title">
            <div class="item-head">
                <h2 id="log-title">{ format!("{} {}", s.log_title, props.partition) }</h2>
                <button type="button" onclick={close}>{ s.close }</button>
            </div>
            <p class="log-markers">
                { format!("{} {start} · {} {hw} · {} {leo}", s.log_start, s.high_watermark, s.log_end_offset) }
                { for committed.iter().map(|(g, c)| html! { <span class="committed-marker">{ format!(" · {g}: {} {c}", s.committed) }</span> }) }
            </p>
            if records.is_empty() {
                <p class="muted">{ s.empty_log }</p>
            } else {
                <ol class="log-cells">{ for cells }</ol>
            }
        </section>
    }
}
