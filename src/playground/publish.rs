//! Publishing: the form (topic, key, value, headers, partition, acks), the card of the event
//! just published — the primer's Events_structure — and the auto-producer.

use super::form::{
    error_text, input_value, parse_count, parse_headers, select_value, use_default_value,
    FieldError,
};
use super::transport::format_time;
use crate::i18n::use_lang;
use crate::live::use_panel_live;
use crate::live::Live;
use kafka_model::{
    Acks, AutoProduce, Command, Header, KeyPattern, Ms, Outcome, ProducerId, ProducerRecord,
    TopicPartition,
};
use yew::prelude::*;

/// What the learner just published, to find its offset once the leader appended it.
#[derive(Clone, Debug, PartialEq)]
pub struct Published {
    pub producer: ProducerId,
    pub partition: TopicPartition,
    pub key: Option<String>,
    pub value: String,
    pub headers: Vec<(String, String)>,
    pub at: Ms,
}

fn acks_from(text: &str) -> Acks {
    match text {
        "0" => Acks::Zero,
        "1" => Acks::One,
        _ => Acks::All,
    }
}

/// The learner's producer: the first one, created when there is none.
fn learner_producer(live: &Live) -> Result<ProducerId, kafka_model::ModelError> {
    if let Some(p) = live.session.borrow().cluster().producers().next() {
        return Ok(p.id);
    }
    match live.run(Command::CreateProducer {
        client_id: "producer-1".into(),
        config: Default::default(),
    })? {
        Outcome::Producer(id) => Ok(id),
        _ => Err(kafka_model::ModelError::UnknownProducer { producer: 0 }),
    }
}

#[function_component(PublishForm)]
pub fn publish_form() -> Html {
    let live = use_panel_live();
    let lang = use_lang();
    let s = lang.strings();
    let (topic, key, value, headers, partition, acks) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    let error = use_state(|| None::<String>);
    let published = use_state(|| None::<Published>);
    let topics: Vec<String> = live
        .session
        .borrow()
        .cluster()
        .topics()
        .map(|t| t.name.clone())
        .collect();

    let onsubmit = {
        let (live, lang) = (live.clone(), lang);
        let (topic, key, value, headers, partition, acks) = (
            topic.clone(),
            key.clone(),
            value.clone(),
            headers.clone(),
            partition.clone(),
            acks.clone(),
        );
        let (error, published) = (error.clone(), published.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let s = lang.strings();
            let topic = select_value(&topic);
            let partition_text = input_value(&partition);
            let partition = if partition_text.trim().is_empty() {
                None
            } else {
                match parse_count(&partition_text) {
                    Some(p) => Some(p),
                    None => {
                        return error.set(Some(format!("{}: {}", s.partition, s.invalid_number)))
                    }
                }
            };
            let Some(header_pairs) = parse_headers(&input_value(&headers)) else {
                return error.set(Some(format!("{}: {}", s.headers, s.required)));
            };
            let key = Some(input_value(&key)).filter(|k| !k.is_empty());
            let value = input_value(&value);
            let acks = acks_from(&select_value(&acks));
            let result = learner_producer(&live).and_then(|producer| {
                let config = live
                    .session
                    .borrow()
                    .cluster()
                    .producer(producer)
                    .map(|p| p.config.clone())
                    .unwrap_or_default();
                if config.acks != acks {
                    live.run(Command::SetProducerConfig {
                        producer,
                        config: config.with_acks(acks),
                    })?;
                }
                let record = ProducerRecord {
                    topic,
                    partition,
                    key: key.as_ref().map(|k| k.as_bytes().into()),
                    value: Some(value.as_bytes().into()),
                    headers: header_pairs
                        .iter()
                        .map(|(k, v)| Header {
                            key: k.clone(),
                            value: Some(v.as_bytes().to_vec()),
                        })
                        .collect(),
                };
                let at = live.session.borrow().now();
                match live.run(Command::Produce { producer, record })? {
                    Outcome::Partition(tp) => Ok(Published {
                        producer,
                        partition: tp,
                        key,
                        value,
                        headers: header_pairs,
                        at,
                    }),
                    _ => Err(kafka_model::ModelError::UnknownProducer { producer }),
                }
            });
            match result {
                Ok(p) => {
                    error.set(None);
                    published.set(Some(p));
                }
                Err(e) => error.set(Some(error_text(&e, lang))),
            }
        })
    };

    html! {
        <section class="panel publish" aria-labelledby="publish-title">
            <h2 id="publish-title">{ s.publish_title }</h2>
            <form {onsubmit} class="form-grid">
                <label>{ s.topic }
                    <select ref={topic} name="topic">
                        // Yew inserts list children last-first, so the default must be marked explicitly.
                        { for topics.iter().enumerate().map(|(i, t)| html! { <option value={t.clone()} selected={i == 0}>{ t }</option> }) }
                    </select>
                </label>
                <label>{ s.key }<input ref={key} name="key" type="text" placeholder={ s.key_example } maxlength="200" /></label>
                <label>{ s.value }<input ref={value} name="value" type="text" placeholder={ s.value_example } maxlength="2000" /></label>
                <label>{ s.headers }<input ref={headers} name="headers" type="text" placeholder={ s.headers_example } maxlength="500" /></label>
                <label>{ s.partition_optional }<input ref={partition} name="partition" type="text" inputmode="numeric" maxlength="6" /></label>
                <label>{ s.acks }
                    <select ref={acks} name="acks">
                        <option value="all" selected=true>{ "all" }</option>
                        <option value="1">{ "1" }</option>
                        <option value="0">{ "0" }</option>
                    </select>
                </label>
                <button type="submit" class="primary">{ s.publish }</button>
            </form>
            <FieldError message={ (*error).clone() } />
            if let Some(p) = (*published).clone() {
                <RecordCard published={p} />
            }
            <AutoProducer />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RecordCardProps {
    published: Published,
}

/// Key, value, timestamp, producer, headers — and where it landed: topic, partition, offset.
#[function_component(RecordCard)]
fn record_card(props: &RecordCardProps) -> Html {
    let live = use_panel_live();
    let lang = use_lang();
    let s = lang.strings();
    let p = &props.published;
    let session = live.session.borrow();
    let cluster = session.cluster();
    let offset = cluster.partition(&p.partition).and_then(|part| {
        part.records()
            .iter()
            .find(|r| {
                r.producer_id == Some(p.producer)
                    && r.timestamp == p.at
                    && r.key_text() == p.key
                    && r.value_text().as_deref() == Some(&p.value)
            })
            .map(|r| r.offset)
    });
    let producer = cluster
        .producer(p.producer)
        .map(|x| x.client_id.clone())
        .unwrap_or_default();
    let headers = if p.headers.is_empty() {
        "—".to_string()
    } else {
        p.headers
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    html! {
        <dl class="record-card" aria-label={ s.record_card }>
            <div><dt>{ s.key }</dt><dd class="card-key">{ p.key.clone().unwrap_or_else(|| s.no_key.to_string()) }</dd></div>
            <div><dt>{ s.value }</dt><dd class="card-value">{ &p.value }</dd></div>
            <div><dt>{ s.timestamp }</dt><dd>{ format_time(p.at) }</dd></div>
            <div><dt>{ s.producer }</dt><dd>{ producer }</dd></div>
            <div><dt>{ s.headers }</dt><dd>{ headers }</dd></div>
            <div><dt>{ s.topic }</dt><dd class="card-topic">{ &p.partition.topic }</dd></div>
            <div><dt>{ s.partition }</dt><dd class="card-partition">{ p.partition.partition }</dd></div>
            <div><dt>{ s.offset }</dt><dd class="card-offset">{ offset.map(|o| o.to_string()).unwrap_or_else(|| s.offset_pending.to_string()) }</dd></div>
        </dl>
    }
}

/// A producer that publishes on its own: rate and key pattern.
#[function_component(AutoProducer)]
fn auto_producer() -> Html {
    let live = use_panel_live();
    let lang = use_lang();
    let s = lang.strings();
    let (rate, pattern, keys) = (use_node_ref(), use_node_ref(), use_node_ref());
    use_default_value(&rate, "2");
    use_default_value(&keys, s.keys_default);
    let error = use_state(|| None::<String>);
    let (running, topic) = {
        let session = live.session.borrow();
        let cluster = session.cluster();
        let running = cluster
            .producers()
            .next()
            .and_then(|p| p.auto.clone())
            .is_some();
        let topic = cluster.topics().next().map(|t| t.name.clone());
        (running, topic)
    };
    let onsubmit = {
        let (live, lang, error) = (live.clone(), lang, error.clone());
        let (rate, pattern, keys) = (rate.clone(), pattern.clone(), keys.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let s = lang.strings();
            let result = learner_producer(&live).and_then(|producer| {
                if running {
                    return live.run(Command::SetAutoProduce {
                        producer,
                        auto: None,
                    });
                }
                let Some(rate) = parse_count(&input_value(&rate)).filter(|r| *r > 0) else {
                    return Err(kafka_model::ModelError::InvalidConfig {
                        name: s.rate.into(),
                        reason: s.invalid_number.into(),
                    });
                };
                let list: Vec<String> = input_value(&keys)
                    .split(',')
                    .map(|k| k.trim().to_string())
                    .filter(|k| !k.is_empty())
                    .collect();
                let keys = match select_value(&pattern).as_str() {
                    "fixed" => {
                        KeyPattern::Fixed(list.first().cloned().unwrap_or_else(|| "key-1".into()))
                    }
                    "cycling" => KeyPattern::Cycling(list),
                    "random" => KeyPattern::Random(list),
                    _ => KeyPattern::None,
                };
                let topic = topic.clone().ok_or(kafka_model::ModelError::UnknownTopic {
                    topic: String::new(),
                })?;
                live.run(Command::SetAutoProduce {
                    producer,
                    auto: Some(AutoProduce {
                        topic,
                        records_per_sec: rate as f64,
                        keys,
                    }),
                })
            });
            error.set(result.err().map(|e| error_text(&e, lang)));
        })
    };
    html! {
        <form class="auto-producer form-grid" {onsubmit} aria-label={ s.auto_producer }>
            <h3>{ s.auto_producer }</h3>
            <label>{ s.rate }<input ref={rate} name="rate" type="text" inputmode="numeric" maxlength="3" /></label>
            <label>{ s.key_pattern }
                <select ref={pattern} name="pattern">
                    <option value="cycling" selected=true>{ s.keys_cycling }</option>
                    <option value="random">{ s.keys_random }</option>
                    <option value="fixed">{ s.keys_fixed }</option>
                    <option value="none">{ s.keys_none }</option>
                </select>
            </label>
            <label>{ s.keys_list }<input ref={keys} name="keys" type="text" maxlength="500" /></label>
            <button type="submit">{ if running { s.stop } else { s.start } }</button>
            <FieldError message={ (*error).clone() } />
        </form>
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    //! The publish form alone on a known session: what a submit does to the model, and
    //! that a refused input says why in the reader's language and changes nothing.
    use super::*;
    use crate::browser_test_support::{mount, Mounted};
    use crate::i18n::Lang;
    use crate::playground::preset;
    use crate::session::Session;
    use kafka_model::{partition_for_key, TopicConfig};
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// The preset, plus `audit` with 5 partitions.
    fn session() -> Session {
        let mut session = Session::new(preset::SEED, preset::BROKERS, &preset::commands()).unwrap();
        session
            .apply(Command::CreateTopic {
                name: "audit".into(),
                config: TopicConfig::default()
                    .with_partitions(5)
                    .with_replication_factor(2),
            })
            .unwrap();
        session
    }

    async fn form_on(lang: Lang) -> Mounted {
        mount(session(), lang, html! { <PublishForm /> }).await
    }

    /// Fills the form (empty fields left empty) and submits it.
    async fn publish(m: &Mounted, topic: &str, key: &str, headers: &str, partition: &str) {
        m.choose("select[name=topic]", topic);
        m.type_in("input[name=key]", key);
        m.type_in("input[name=value]", "paid");
        m.type_in("input[name=headers]", headers);
        m.type_in("input[name=partition]", partition);
        m.click(".publish form:not(.auto-producer) button[type=submit]")
            .await;
    }

    /// A record as written: partition, offset, headers.
    type Written = (u32, u64, Vec<(String, String)>);

    /// The records with `key` in `topic`.
    fn written(m: &Mounted, topic: &str, key: &str) -> Vec<Written> {
        let session = m.session();
        let t = session.cluster().topic(topic).unwrap();
        t.partitions
            .iter()
            .flat_map(|p| {
                p.records()
                    .iter()
                    .filter(|r| r.key_text().as_deref() == Some(key))
                    .map(|r| {
                        let headers = r
                            .headers
                            .iter()
                            .map(|h| {
                                let v = h.value.clone().unwrap_or_default();
                                (h.key.clone(), String::from_utf8(v).unwrap())
                            })
                            .collect();
                        (p.id, r.offset, headers)
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[wasm_bindgen_test]
    async fn a_keyed_record_lands_in_the_partition_kafka_hashes_its_key_to() {
        let m = form_on(Lang::En).await;
        // A key that does not hash to partition 0, so landing there by default would show.
        let key = (0..)
            .map(|i| format!("customer-{i}"))
            .find(|k| partition_for_key(k.as_bytes(), 5) != 0)
            .unwrap();
        let expected = partition_for_key(key.as_bytes(), 5);
        m.choose("select[name=acks]", "1");
        publish(&m, "audit", &key, "source=web, trace = 7", "").await;
        assert_eq!(m.text(".publish > .form-error"), "", "accepted");
        assert_eq!(m.text(".card-topic"), "audit");
        assert_eq!(m.text(".card-partition"), expected.to_string());
        assert_eq!(m.text(".card-key"), key);
        assert_eq!(m.text(".card-value"), "paid");
        assert_eq!(
            m.text(".card-offset"),
            m.lang.strings().offset_pending,
            "not written yet"
        );
        // The form asked for acks=1: the learner's producer now uses it.
        assert_eq!(
            m.session().cluster().producer(1).unwrap().config.acks,
            Acks::One
        );
        m.advance(3_000).await;
        let records = written(&m, "audit", &key);
        let headers = vec![
            ("source".to_string(), "web".to_string()),
            ("trace".to_string(), "7".to_string()),
        ];
        assert_eq!(records.len(), 1, "written once: {records:?}");
        let (partition, offset, written_headers) = records[0].clone();
        assert_eq!(partition, expected, "toPositive(murmur2(key)) % 5");
        assert_eq!(written_headers, headers);
        assert_eq!(
            m.text(".card-offset"),
            offset.to_string(),
            "the card finds its offset"
        );

        // The same key again lands beside it; an explicit partition wins over the key.
        publish(&m, "audit", &key, "", "").await;
        publish(&m, "audit", &key, "", "0").await;
        assert_eq!(m.text(".card-partition"), "0");
        m.advance(3_000).await;
        let mut partitions: Vec<u32> = written(&m, "audit", &key).iter().map(|r| r.0).collect();
        partitions.sort();
        assert_eq!(partitions, vec![0, expected, expected]);
    }

    #[wasm_bindgen_test]
    async fn a_refused_record_says_why_in_the_readers_language_and_changes_nothing() {
        let mut said = Vec::new();
        for lang in Lang::ALL {
            let s = lang.strings();
            let m = form_on(lang).await;
            // What the model says of partition 9 of a 3-partition topic, asked of a copy.
            let mut record = ProducerRecord::text("orders", Some("k"), "paid");
            record.partition = Some(9);
            let refusal = m
                .session()
                .clone()
                .apply(Command::Produce {
                    producer: 1,
                    record,
                })
                .expect_err("the model refuses partition 9");
            let cases = [
                ("k", "=x", "", format!("{}: {}", s.headers, s.required)),
                (
                    "k",
                    "",
                    "two",
                    format!("{}: {}", s.partition, s.invalid_number),
                ),
                (
                    "k",
                    "",
                    "-1",
                    format!("{}: {}", s.partition, s.invalid_number),
                ),
                ("k", "", "9", crate::i18n::errors::describe(&refusal, lang)),
            ];
            for (key, headers, partition, message) in cases {
                let before = m.cluster();
                let history = m.session().history().end();
                publish(&m, "orders", key, headers, partition).await;
                assert_eq!(
                    m.text(".publish > .form-error"),
                    message,
                    "headers {headers:?}, partition {partition:?}"
                );
                assert!(m.cluster() == before, "a refusal changed the cluster");
                assert_eq!(m.session().history().end(), history);
                assert_eq!(m.find(".record-card"), None, "no card for a refusal");
                said.push(message);
            }
        }
        let (vi, en) = said.split_at(said.len() / 2);
        for (vi, en) in vi.iter().zip(en) {
            assert_ne!(vi, en, "each language has its own words");
        }
    }

    #[wasm_bindgen_test]
    async fn the_auto_producer_starts_with_the_asked_rate_and_keys_and_refuses_zero() {
        let m = form_on(Lang::Vi).await;
        let s = m.lang.strings();
        m.type_in("input[name=rate]", "0");
        let before = m.cluster();
        m.click("form.auto-producer button[type=submit]").await;
        let refusal = kafka_model::ModelError::InvalidConfig {
            name: s.rate.into(),
            reason: s.invalid_number.into(),
        };
        assert_eq!(
            m.text("form.auto-producer .form-error"),
            crate::i18n::errors::describe(&refusal, m.lang)
        );
        assert!(m.cluster() == before, "a refusal changed the cluster");

        m.type_in("input[name=rate]", "4");
        m.choose("select[name=pattern]", "fixed");
        m.type_in("input[name=keys]", "k-1, k-2");
        m.click("form.auto-producer button[type=submit]").await;
        assert_eq!(m.text("form.auto-producer .form-error"), "");
        let auto = m.session().cluster().producer(1).unwrap().auto.clone();
        let auto = auto.expect("the producer publishes on its own");
        let first = m.session().cluster().topics().next().unwrap().name.clone();
        assert_eq!(auto.topic, first, "the first topic the model lists");
        assert_eq!(auto.records_per_sec, 4.0);
        assert_eq!(auto.keys, KeyPattern::Fixed("k-1".into()));
        assert_eq!(m.text("form.auto-producer button[type=submit]"), s.stop);
        m.click("form.auto-producer button[type=submit]").await;
        assert!(m.session().cluster().producer(1).unwrap().auto.is_none());
        assert_eq!(m.text("form.auto-producer button[type=submit]"), s.start);
    }
}
