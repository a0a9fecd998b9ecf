//! One partition opened as its log: cells numbered by offset with key and value, and markers
//! for log start, high watermark, log end and each group's committed offset.

use crate::i18n::use_lang;
use crate::live::use_panel_live;
use crate::stage::colors::key_color;
use kafka_model::TopicPartition;
use yew::prelude::*;

/// The most cells drawn; older ones are summarised, the log itself is bounded by retention.
const SHOWN: usize = 40;

#[derive(Properties, PartialEq)]
pub struct LogViewProps {
    pub partition: TopicPartition,
    pub on_close: Callback<()>,
}

#[function_component(LogView)]
pub fn log_view(props: &LogViewProps) -> Html {
    let live = use_panel_live();
    let lang = use_lang();
    let s = lang.strings();
    let followed = use_state(|| None::<u64>);
    let session = live.session.borrow();
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
        let class = if *followed == Some(r.offset) { format!("{class} followed") } else { class.to_string() };
        let follow = {
            let (followed, offset) = (followed.clone(), r.offset);
            Callback::from(move |_| followed.set(Some(offset)))
        };
        let follow_key = {
            let (followed, offset) = (followed.clone(), r.offset);
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    followed.set(Some(offset));
                }
            })
        };
        html! {
            <li class={class} data-offset={r.offset.to_string()} style={format!("--key-color: {}", key_color(r.key.as_deref()))}
                role="button" tabindex="0" aria-label={ format!("{} {} {}", s.follow, s.offset, r.offset) } onclick={follow} onkeydown={follow_key}>
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
            if let Some(offset) = *followed {
                { journey(&session, props, offset, lang) }
            }
        </section>
    }
}

/// The followed record's trip: how its key chose the partition, then every happening.
fn journey(
    session: &crate::session::Session,
    props: &LogViewProps,
    offset: u64,
    lang: crate::i18n::Lang,
) -> Html {
    use crate::session::trace::{trace, RecordRef};
    let s = lang.strings();
    let cluster = session.cluster();
    let record = cluster
        .partition(&props.partition)
        .and_then(|p| p.record_at(offset));
    let partitions = cluster
        .topic(&props.partition.topic)
        .map_or(1, |t| t.partition_count());
    let hashing = record.and_then(|r| r.key.as_ref()).map(|key| {
        let hash = kafka_model::murmur2(key);
        format!(
            "key \"{}\" → murmur2 = {hash} → toPositive = {} → % {partitions} = {}",
            String::from_utf8_lossy(key),
            hash & 0x7fff_ffff,
            kafka_model::partition_for_key(key, partitions)
        )
    });
    let steps = trace(
        session.recent(),
        &RecordRef {
            partition: props.partition.clone(),
            offset,
        },
    );
    let complete = steps
        .first()
        .is_some_and(|h| h.kind_name() == "RecordQueued");
    html! {
        <div class="journey" aria-live="polite">
            <h3>{ format!("{} · {} {offset}", s.journey, s.offset) }</h3>
            if let Some(line) = hashing { <p class="hashing"><code>{ line }</code></p> }
            if !complete { <p class="muted">{ s.journey_partial }</p> }
            <ol class="journey-steps">
                { for steps.iter().map(|h| html! {
                    <li data-kind={h.kind_name()}>
                        <span class="at">{ super::transport::format_time(h.start_ms) }</span>
                        { crate::i18n::happenings::describe(h, lang) }
                    </li>
                }) }
            </ol>
        </div>
    }
}
