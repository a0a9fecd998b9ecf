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

#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    //! The describe tables alone on a known session: every row, cell by cell, from the model.
    use super::*;
    use crate::browser_test_support::{mount, rect, Mounted};
    use crate::i18n::Lang;
    use crate::playground::preset;
    use crate::session::Session;
    use kafka_model::{Command, ProducerRecord, TopicConfig};
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn preset_session() -> Session {
        Session::new(preset::SEED, preset::BROKERS, &preset::commands()).unwrap()
    }

    async fn tables_on(session: Session, lang: Lang) -> Mounted {
        mount(session, lang, html! { <><TopicTable /><GroupTable /></> }).await
    }

    fn cells(row: &web_sys::Element) -> Vec<String> {
        let tds = row.query_selector_all("td").unwrap();
        (0..tds.length())
            .map(|i| tds.item(i).unwrap().text_content().unwrap_or_default())
            .collect()
    }

    /// `kafka-topics --describe`: one row per partition, in the model's order, every cell
    /// the model's. Returns the largest log start, and whether a high watermark lagged its
    /// log end (records not yet replicated), so a caller knows the columns were told apart.
    fn expect_topic_rows(m: &Mounted) -> (u64, bool) {
        let session = m.session();
        let mut expected = Vec::new();
        for t in session.cluster().topics() {
            for p in &t.partitions {
                let ids = |v: &[u32]| {
                    v.iter()
                        .map(|b| b.to_string())
                        .collect::<Vec<_>>()
                        .join(",")
                };
                expected.push(vec![
                    t.name.clone(),
                    p.id.to_string(),
                    p.leader.map_or("none".to_string(), |l| l.to_string()),
                    ids(&p.replicas),
                    ids(&p.isr),
                    p.log_start_offset().to_string(),
                    p.high_watermark.to_string(),
                    p.log_end_offset().to_string(),
                ]);
            }
        }
        let rows: Vec<Vec<String>> = m
            .all(".topics-describe tbody tr")
            .iter()
            .map(cells)
            .collect();
        assert_eq!(rows, expected, "kafka-topics --describe, row by row");
        let partitions: Vec<_> = session
            .cluster()
            .topics()
            .flat_map(|t| t.partitions.iter())
            .collect();
        let log_start = partitions.iter().map(|p| p.log_start_offset()).max();
        let unreplicated = partitions
            .iter()
            .any(|p| p.high_watermark < p.log_end_offset());
        (log_start.unwrap_or(0), unreplicated)
    }

    /// `kafka-consumer-groups --describe`: one row per partition of each group, its
    /// committed offset, log end, lag and owner the model's. Returns whether any row had a
    /// committed offset, and whether any lag was above 0.
    fn expect_group_rows(m: &Mounted) -> (bool, bool) {
        let session = m.session();
        let cluster = session.cluster();
        let dash = |v: Option<u64>| v.map_or("-".to_string(), |v| v.to_string());
        let (mut committed, mut lagging) = (false, false);
        let mut expected = Vec::new();
        for g in cluster.groups() {
            for l in cluster.group_lag(&g.group_id).unwrap() {
                committed |= l.committed.is_some();
                lagging |= l.lag.is_some_and(|lag| lag > 0);
                let owner = l
                    .owner
                    .as_ref()
                    .and_then(|o| g.members.get(o))
                    .map_or("-".to_string(), |x| x.client_id.clone());
                expected.push(vec![
                    g.group_id.clone(),
                    l.partition.topic.to_string(),
                    l.partition.partition.to_string(),
                    dash(l.committed),
                    l.high_watermark.to_string(),
                    dash(l.lag),
                    owner,
                ]);
            }
        }
        let rows: Vec<Vec<String>> = m
            .all(".groups-describe tbody tr")
            .iter()
            .map(cells)
            .collect();
        assert_eq!(
            rows, expected,
            "kafka-consumer-groups --describe, row by row"
        );
        (committed, lagging)
    }

    fn produce(m: &Mounted, topic: &str, keys: std::ops::Range<u32>) {
        for i in keys {
            let record = ProducerRecord::text(topic, Some(&format!("key-{i}")), "v");
            m.live
                .run(Command::Produce {
                    producer: 1,
                    record,
                })
                .unwrap();
        }
    }

    #[wasm_bindgen_test]
    async fn topic_rows_are_the_models_partitions_through_writes_retention_and_a_dead_broker() {
        let mut session = preset_session();
        // Short retention and small segments, so the log start moves within seconds.
        let mut config = TopicConfig::default()
            .with_partitions(2)
            .with_replication_factor(3);
        config.retention_ms = Some(2_000);
        config.segment_bytes = 200;
        config.segment_ms = Some(500);
        session
            .apply(Command::CreateTopic {
                name: "clicks".into(),
                config,
            })
            .unwrap();
        let m = tables_on(session, Lang::En).await;
        assert_eq!(m.count(".topics-describe tbody tr"), 5, "3 + 2 partitions");
        expect_topic_rows(&m);
        produce(&m, "orders", 0..10);
        produce(&m, "clicks", 0..30);
        // In small steps, through the moments the leader has records its followers lack.
        let mut unreplicated = false;
        for _ in 0..30 {
            m.advance(50).await;
            unreplicated |= expect_topic_rows(&m).1;
        }
        assert!(
            unreplicated,
            "a high watermark behind its log end was shown"
        );
        m.advance(8_000).await;
        assert!(expect_topic_rows(&m).0 > 0, "retention moved a log start");
        m.run(Command::KillBroker { broker: 2 }).await;
        expect_topic_rows(&m);
        m.advance(2_000).await;
        expect_topic_rows(&m);
        assert_eq!(m.find(".topics-describe + .empty-note"), None);
    }

    #[wasm_bindgen_test]
    async fn group_rows_carry_the_models_committed_offsets_lag_and_owners() {
        let m = tables_on(preset_session(), Lang::Vi).await;
        m.advance(3_000).await;
        expect_group_rows(&m);
        produce(&m, "orders", 0..12);
        let (mut committed, mut lagging) = (false, false);
        for step in [100, 200, 400, 800, 1_600, 5_000] {
            m.advance(step).await;
            let (c, l) = expect_group_rows(&m);
            committed |= c;
            lagging |= l;
        }
        assert!(
            committed && lagging,
            "the rows went through lag and commits"
        );
        // A second group on the same topic, and a member crash: the rows follow.
        m.run(Command::CreateGroup {
            group: "audit".into(),
            config: Default::default(),
        })
        .await;
        m.run(Command::AddMember {
            group: "audit".into(),
            client_id: "audit-1".into(),
            topics: vec!["orders".into()],
        })
        .await;
        m.advance(4_000).await;
        expect_group_rows(&m);
        assert_eq!(m.count(".groups-describe tr[data-group=audit]"), 3);
        let member = m
            .session()
            .cluster()
            .group("payments")
            .unwrap()
            .members
            .keys()
            .next()
            .unwrap()
            .clone();
        m.run(Command::CrashMember {
            group: "payments".into(),
            member,
        })
        .await;
        expect_group_rows(&m);
        m.advance(20_000).await;
        expect_group_rows(&m);
    }

    #[wasm_bindgen_test]
    async fn empty_tables_say_why_below_them_in_both_languages() {
        for lang in Lang::ALL {
            let s = lang.strings();
            let m = tables_on(Session::new(1, 3, &[]).unwrap(), lang).await;
            assert_eq!(m.count("tbody tr"), 0);
            let notes = m.all(".empty-note");
            assert_eq!(notes.len(), 2, "one note per table");
            assert_eq!(notes[0].text_content().unwrap(), s.no_topics_yet);
            assert_eq!(notes[1].text_content().unwrap(), s.no_group_rows);
            // Below its table, not in it, and never wider than the panel.
            for (note, table) in notes.iter().zip(m.all("table.describe")) {
                assert!(rect(note).top() >= rect(&table).bottom() - 0.5);
                let scroll = note.parent_element().unwrap();
                assert!(rect(note).width() <= rect(&scroll).width() + 0.5);
            }
            // The column headers, Kafka's names.
            let heads: Vec<String> = m
                .all(".topics-describe th")
                .iter()
                .map(|h| h.text_content().unwrap())
                .collect();
            assert_eq!(
                heads,
                [
                    s.topic,
                    s.partition,
                    s.leader,
                    s.replicas,
                    s.isr,
                    s.log_start,
                    s.high_watermark,
                    s.log_end_offset
                ]
            );
            m.run(Command::CreateTopic {
                name: "orders".into(),
                config: TopicConfig::default().with_partitions(2),
            })
            .await;
            let notes = m.texts(".empty-note");
            assert_eq!(
                notes,
                vec![s.no_group_rows.to_string()],
                "a topic listed, no group yet"
            );
            expect_topic_rows(&m);
        }
        assert_ne!(
            Lang::En.strings().no_group_rows,
            Lang::Vi.strings().no_group_rows
        );
    }
}
