//! The bash script: topics, the records the learner published, consumer groups and their lag,
//! offset resets, and notes for what has no command (services, auto-producers).

use super::console::{LineFormat, TextRecord, Unwritable};
use super::shell::{comment_text, quote};
use super::{BOOTSTRAP, COMPOSE_FILE, KAFKA_VERSION, SCRIPT_FILE};
use kafka_model::assignor::AssignmentStrategy;
use kafka_model::collections::{SortedMap, SortedSet};
use kafka_model::partitioner::PartitionerKind;
use kafka_model::service::Reaction;
use kafka_model::{Acks, Cluster, Command, ProducerRecord, SeekTo, TopicConfig};

/// How long a console consumer waits for one more record before it exits (and, being in
/// a group, commits what it printed), so the script runs to its end.
const CONSUMER_TIMEOUT_MS: u64 = 10_000;

/// The script being written, line by line.
#[derive(Default)]
struct Script {
    text: String,
}

impl Script {
    fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    /// A comment of fixed text plus `comment_text`-escaped learner text, never more than a line.
    /// Learner text in it must have gone through `comment_text`; line breaks are escaped
    /// here once more, so a comment can never become a command.
    fn comment(&mut self, text: &str) {
        let text = format!("# {text}")
            .replace('\n', "\\n")
            .replace('\r', "\\r");
        self.line(text.trim_end());
    }

    fn blank(&mut self) {
        self.text.push('\n');
    }

    fn section(&mut self, title: &str) {
        self.blank();
        self.line(&format!(
            "# ---- {title} {}",
            "-".repeat(70 - title.len().min(60))
        ));
    }

    /// One command: the first group of words, then each further group on a continuation line.
    fn command(&mut self, groups: &[Vec<String>], heredoc: Option<&str>) {
        let mut lines: Vec<String> = groups.iter().map(|g| g.join(" ")).collect();
        if let Some(tag) = heredoc {
            if let Some(last) = lines.last_mut() {
                last.push_str(&format!(" <<'{tag}'"));
            }
        }
        self.line(&lines.join(" \\\n  "));
    }
}

fn words(ws: &[&str]) -> Vec<String> {
    ws.iter().map(|w| w.to_string()).collect()
}

/// `tool --bootstrap-server "$BOOTSTRAP"`.
fn tool(name: &str) -> Vec<String> {
    words(&[name, "--bootstrap-server", "\"$BOOTSTRAP\""])
}

pub(super) fn script(cluster: &Cluster, issued: &[Command]) -> String {
    let mut s = Script::default();
    header(&mut s, cluster);
    topics(&mut s, cluster);
    records(&mut s, cluster, issued);
    auto_producers(&mut s, cluster);
    groups(&mut s, cluster);
    resets(&mut s, cluster, issued);
    compare(&mut s, cluster);
    standalone_consumers(&mut s, cluster);
    services(&mut s, cluster);
    s.blank();
    s.comment("Done.");
    s.text
}

fn header(s: &mut Script, cluster: &Cluster) {
    s.line("#!/usr/bin/env bash");
    s.comment("Kafka Playground, exported: the same topics, records and consumer groups on a real");
    s.comment(&format!(
        "Kafka cluster (the playground ran seed {} with {} brokers).",
        cluster.seed(),
        cluster.brokers().count()
    ));
    s.comment("");
    s.comment(&format!(
        "1. Start the cluster described in {COMPOSE_FILE}:   docker compose up -d"
    ));
    s.comment(&format!(
        "2. Get Kafka {KAFKA_VERSION}'s command-line tools (bin/ of the download from kafka.apache.org)"
    ));
    s.comment(&format!(
        "   and run:   KAFKA_HOME=/path/to/kafka bash {SCRIPT_FILE}"
    ));
    s.comment("");
    s.comment("Every name and text that came from the playground is single-quoted; records reach");
    s.comment("the console producer through quoted here-documents (<<'RECORDS'), which the shell");
    s.comment("passes on as they are, without expanding anything in them.");
    s.line("set -euo pipefail");
    s.line("if [ -n \"${KAFKA_HOME:-}\" ]; then PATH=\"$KAFKA_HOME/bin:$PATH\"; fi");
    s.line(&format!("BOOTSTRAP=\"${{BOOTSTRAP:-{BOOTSTRAP}}}\""));
}

/// `--config` values for whatever differs from Kafka's defaults (partitions and replication
/// factor have flags of their own).
fn config_overrides(config: &TopicConfig) -> Vec<(&'static str, String)> {
    let defaults: SortedMap<&str, String> = TopicConfig::kafka_defaults()
        .entries()
        .into_iter()
        .collect();
    config
        .entries()
        .into_iter()
        .filter(|(name, _)| !matches!(*name, "partitions" | "replication.factor"))
        .filter(|(name, value)| defaults.get(name) != Some(value))
        .map(|(name, value)| match (name, config.segment_ms) {
            // Kafka's segment.ms must be positive: "never roll by time" is Long.MAX_VALUE.
            ("segment.ms", None) => (name, i64::MAX.to_string()),
            _ => (name, value),
        })
        .collect()
}

fn topics(s: &mut Script, cluster: &Cluster) {
    s.section("Topics");
    if cluster.topics().next().is_none() {
        s.comment("The playground has no topics.");
    }
    let playground = TopicConfig::default();
    if cluster.topics().any(|t| {
        t.config.retention_bytes == playground.retention_bytes
            && t.config.segment_bytes == playground.segment_bytes
    }) {
        s.comment(&format!(
            "retention.bytes={} and segment.bytes={} are the playground's small defaults, which keep",
            playground.retention_bytes.unwrap_or_default(),
            playground.segment_bytes
        ));
        s.comment(
            "its logs short enough to draw; leave them out to get Kafka's (unlimited, 1 GiB).",
        );
    }
    for topic in cluster.topics() {
        let overrides = config_overrides(&topic.config);
        let mut groups = vec![
            [
                tool("kafka-topics.sh"),
                words(&["--create", "--topic"]),
                vec![quote(&topic.name)],
            ]
            .concat(),
            vec![
                "--partitions".into(),
                topic.partition_count().to_string(),
                "--replication-factor".into(),
                topic.config.replication_factor.to_string(),
            ],
        ];
        for (name, value) in overrides {
            groups.push(vec!["--config".into(), quote(&format!("{name}={value}"))]);
        }
        s.command(&groups, None);
    }
}

/// A record still to write, or why it cannot be.
struct Published<'a> {
    record: &'a ProducerRecord,
    producer: u32,
    text: Result<TextRecord, Unwritable>,
}

/// `--producer-property` settings of a producer that differ from Kafka's client defaults and
/// change what a record experiences (the playground's slowed-down timings are left out).
fn producer_properties(cluster: &Cluster, producer: u32) -> Vec<String> {
    let Some(p) = cluster.producer(producer) else {
        return Vec::new();
    };
    let mut props = Vec::new();
    if p.config.acks != Acks::All {
        props.push(format!("acks={}", p.config.acks.kafka_name()));
    }
    if !p.config.enable_idempotence {
        props.push("enable.idempotence=false".to_string());
    }
    if p.config.partitioner == PartitionerKind::RoundRobin {
        props.push(
            "partitioner.class=org.apache.kafka.clients.producer.RoundRobinPartitioner".to_string(),
        );
    }
    props
}

fn records(s: &mut Script, cluster: &Cluster, issued: &[Command]) {
    // Records published to each topic, in order; a topic deleted later loses its records.
    let mut published: Vec<Published> = Vec::new();
    for command in issued {
        match command {
            Command::Produce { producer, record } => published.push(Published {
                record,
                producer: *producer,
                text: TextRecord::from_record(record),
            }),
            Command::DeleteTopic { name } => published.retain(|p| p.record.topic != *name),
            _ => {}
        }
    }
    published.retain(|p| cluster.topic(&p.record.topic).is_some());
    s.section("Records published in the playground");
    if published.is_empty() {
        s.comment("None yet: publish some in the playground and export again.");
        return;
    }
    s.comment(
        "In the order they were published: one console producer for each run of records to the",
    );
    s.comment("same topic with the same shape (key or not, headers or not). With the default partitioner,");
    s.comment("keyed records land on the same partition as in the playground: both hash the key (murmur2).");
    // Runs of consecutive writable records with the same topic, producer settings and shape.
    let mut i = 0;
    while i < published.len() {
        let p = &published[i];
        let text = match &p.text {
            Err(why) => {
                s.blank();
                s.comment(&format!(
                    "skipped: a record to {} (key {}): {}.",
                    p.record.topic,
                    key_for_comment(p.record),
                    why.explain()
                ));
                i += 1;
                continue;
            }
            Ok(text) => text,
        };
        let props = producer_properties(cluster, p.producer);
        let mut run: Vec<&Published> = vec![p];
        let mut j = i + 1;
        while let Some(next) = published.get(j) {
            let same = next.record.topic == p.record.topic
                && producer_properties(cluster, next.producer) == props
                && next.text.as_ref().is_ok_and(|t| t.shape() == text.shape());
            if !same {
                break;
            }
            run.push(next);
            j += 1;
        }
        producer_run(s, &run, &props);
        i = j;
    }
}

fn key_for_comment(record: &ProducerRecord) -> String {
    match &record.key {
        None => "none".to_string(),
        Some(k) => format!("'{}'", comment_text(&String::from_utf8_lossy(k))),
    }
}

fn producer_run(s: &mut Script, run: &[&Published], props: &[String]) {
    let topic = &run[0].record.topic;
    let texts: Vec<TextRecord> = run
        .iter()
        .filter_map(|p| p.text.as_ref().ok().cloned())
        .collect();
    s.blank();
    let Some(format) = LineFormat::for_records(&texts) else {
        s.comment(&format!(
            "skipped: {} records to {topic}: no separators fit their text.",
            texts.len()
        ));
        return;
    };
    let (keyed, with_headers) = texts[0].shape();
    let tombstones = texts.iter().filter(|t| t.value.is_none()).count();
    let mut what = format!(
        "{}: {} record{} {}{}",
        comment_text(topic),
        texts.len(),
        if texts.len() == 1 { "" } else { "s" },
        if keyed { "with a key" } else { "without a key" },
        if with_headers { ", with headers" } else { "" },
    );
    if tombstones > 0 {
        what.push_str(&format!(
            ", {tombstones} tombstone{} (null value, written as the null.marker)",
            if tombstones == 1 { "" } else { "s" }
        ));
    }
    s.comment(&what);
    let explicit: Vec<String> = run
        .iter()
        .filter_map(|p| p.record.partition)
        .map(|partition| partition.to_string())
        .collect();
    if !explicit.is_empty() {
        s.comment(&format!(
            "The playground sent {} of them to a chosen partition ({}); the console producer cannot",
            explicit.len(),
            explicit.join(", ")
        ));
        s.comment("choose one, so the partitioner decides here.");
    }
    let lines: Vec<String> = texts
        .iter()
        .map(|t| format.write(t).expect("checked by LineFormat::for_records"))
        .collect();
    let tag = heredoc_tag(&lines);
    let mut groups = vec![[
        tool("kafka-console-producer.sh"),
        vec!["--topic".into(), quote(topic)],
    ]
    .concat()];
    for prop in props {
        groups.push(vec!["--producer-property".into(), quote(prop)]);
    }
    let properties = format.properties();
    for pair in properties.chunks(2) {
        let mut group = Vec::new();
        for prop in pair {
            group.push("--property".to_string());
            group.push(quote(prop));
        }
        groups.push(group);
    }
    s.command(&groups, Some(&tag));
    for line in &lines {
        s.line(line);
    }
    s.line(&tag);
}

/// The here-document's end marker: `RECORDS`, unless a line is exactly that.
fn heredoc_tag(lines: &[String]) -> String {
    (0..=lines.len())
        .map(|n| match n {
            0 => "RECORDS".to_string(),
            n => format!("RECORDS_{n}"),
        })
        .find(|tag| !lines.iter().any(|l| l == tag))
        .expect("n lines rule out at most n of the n + 1 first tags")
}

fn auto_producers(s: &mut Script, cluster: &Cluster) {
    let autos: Vec<_> = cluster
        .producers()
        .filter_map(|p| p.auto.as_ref().map(|a| (p, a)))
        .collect();
    if autos.is_empty() {
        return;
    }
    s.section("Auto-producers");
    s.comment(
        "These playground producers publish on their own; their records are not listed above.",
    );
    s.comment("kafka-producer-perf-test.sh makes a similar stream of (keyless, random) records:");
    for (p, auto) in autos {
        s.comment(&format!(
            "{} sends about {} records/s to {}:",
            comment_text(&p.client_id),
            crate::numbers::short(auto.records_per_sec, 2),
            comment_text(&auto.topic)
        ));
        s.comment(&format!(
            "  kafka-producer-perf-test.sh --topic {} --num-records {} --record-size 100 --throughput {} --producer-props bootstrap.servers={BOOTSTRAP}",
            quote(&auto.topic),
            (auto.records_per_sec * 60.0).ceil() as u64,
            auto.records_per_sec.ceil() as u64,
        ));
    }
}

/// Groups the learner made (a service's group belongs to the service, see `services`).
fn learner_groups(cluster: &Cluster) -> Vec<&kafka_model::Group> {
    cluster
        .groups()
        .filter(|g| cluster.service(&g.group_id).is_none())
        .collect()
}

fn groups(s: &mut Script, cluster: &Cluster) {
    let groups = learner_groups(cluster);
    if groups.is_empty() {
        return;
    }
    s.section("Consumer groups");
    s.comment(
        "Each console consumer joins the group, prints the records with their keys, and exits once",
    );
    s.comment(&format!(
        "no record came for {} s, committing what it printed.",
        CONSUMER_TIMEOUT_MS / 1000
    ));
    for g in groups {
        let mut topics: SortedSet<&str> = g.subscribed_topics();
        topics.extend(g.committed.keys().map(|tp| &*tp.topic));
        topics.retain(|t| cluster.topic(t).is_some());
        s.blank();
        let strategy = g.config.partition_assignment_strategy;
        s.comment(&format!(
            "Group {}: {} member{} in the playground, partition.assignment.strategy={}.",
            comment_text(&g.group_id),
            g.members.len(),
            if g.members.len() == 1 { "" } else { "s" },
            strategy.kafka_name()
        ));
        if g.members.len() > 1 {
            s.comment(&format!(
                "Run the consumer in {} terminals at once to see the partitions shared among them.",
                g.members.len()
            ));
        }
        if topics.is_empty() {
            s.comment("It reads no topic now.");
        }
        for topic in &topics {
            let mut groups = vec![
                [
                    tool("kafka-console-consumer.sh"),
                    vec!["--topic".into(), quote(topic)],
                ]
                .concat(),
                vec![
                    "--group".into(),
                    quote(&g.group_id),
                    "--from-beginning".into(),
                ],
            ];
            if strategy != AssignmentStrategy::Range {
                groups.push(vec![
                    "--consumer-property".into(),
                    quote(&format!(
                        "partition.assignment.strategy={}",
                        strategy.class_name()
                    )),
                ]);
            }
            groups.push(words(&["--property", "print.key=true"]));
            groups.push(vec!["--timeout-ms".into(), CONSUMER_TIMEOUT_MS.to_string()]);
            s.command(&groups, None);
        }
    }
}

fn resets(s: &mut Script, cluster: &Cluster, issued: &[Command]) {
    let resets: Vec<(&String, &String, &SeekTo)> = issued
        .iter()
        .filter_map(|c| match c {
            Command::ResetOffsets { group, topic, to } => Some((group, topic, to)),
            _ => None,
        })
        .collect();
    if resets.is_empty() {
        return;
    }
    s.section("Offset resets");
    s.comment(
        "As in the playground, a group's offsets can only be reset while it has no member (the",
    );
    s.comment("consumers above have exited).");
    for (group, topic, to) in resets {
        if cluster.topic(topic).is_none() {
            s.comment(&format!(
                "skipped: reset of group {} on {topic}, a topic that no longer exists.",
                comment_text(group)
            ));
            continue;
        }
        let to = match to {
            SeekTo::Earliest => vec!["--to-earliest".to_string()],
            SeekTo::Latest => vec!["--to-latest".to_string()],
            SeekTo::Offset(o) => vec!["--to-offset".to_string(), o.to_string()],
        };
        s.command(
            &[
                [
                    tool("kafka-consumer-groups.sh"),
                    vec!["--group".into(), quote(group)],
                ]
                .concat(),
                [
                    vec!["--reset-offsets".into()],
                    to,
                    vec!["--topic".into(), quote(topic), "--execute".into()],
                ]
                .concat(),
            ],
            None,
        );
    }
}

/// `kafka-consumer-groups.sh --describe` for every group, after the playground's view of it.
fn compare(s: &mut Script, cluster: &Cluster) {
    let groups = learner_groups(cluster);
    if groups.is_empty() {
        return;
    }
    s.section("Compare the lag");
    s.comment("Each group as the playground shows it now, then as Kafka does.");
    for g in groups {
        s.blank();
        let lags = cluster.group_lag(&g.group_id).unwrap_or_default();
        let show = |v: Option<u64>| v.map_or("-".to_string(), |v| v.to_string());
        let mut rows = vec![[
            "TOPIC".to_string(),
            "PARTITION".to_string(),
            "CURRENT-OFFSET".to_string(),
            "LOG-END-OFFSET".to_string(),
            "LAG".to_string(),
        ]];
        rows.extend(lags.iter().map(|l| {
            [
                comment_text(&l.partition.topic),
                l.partition.partition.to_string(),
                show(l.committed),
                l.high_watermark.to_string(),
                show(l.lag),
            ]
        }));
        s.comment(&format!(
            "Group {} in the playground{}",
            comment_text(&g.group_id),
            if lags.is_empty() {
                ": no partitions."
            } else {
                ":"
            }
        ));
        if !lags.is_empty() {
            let widths: Vec<usize> = (0..5)
                .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
                .collect();
            for row in &rows {
                let cells: Vec<String> = row
                    .iter()
                    .zip(&widths)
                    .map(|(cell, w)| format!("{cell:<w$}"))
                    .collect();
                s.comment(&format!("  {}", cells.join("  ")));
            }
        }
        s.command(
            &[[
                tool("kafka-consumer-groups.sh"),
                vec!["--describe".into(), "--group".into(), quote(&g.group_id)],
            ]
            .concat()],
            None,
        );
    }
}

fn standalone_consumers(s: &mut Script, cluster: &Cluster) {
    let consumers: Vec<_> = cluster
        .consumers()
        .filter(|c| !c.assignment.is_empty())
        .collect();
    if consumers.is_empty() {
        return;
    }
    s.section("Consumers without a group");
    s.comment("Assigned partitions, no group, nothing committed: --partition with --offset.");
    for c in consumers {
        s.comment(&format!("{}:", comment_text(&c.client_id)));
        for tp in c.assignment.keys() {
            s.command(
                &[
                    [
                        tool("kafka-console-consumer.sh"),
                        vec!["--topic".into(), quote(&tp.topic)],
                    ]
                    .concat(),
                    vec![
                        "--partition".into(),
                        tp.partition.to_string(),
                        "--offset".into(),
                        "earliest".into(),
                        "--property".into(),
                        "print.key=true".into(),
                        "--timeout-ms".into(),
                        CONSUMER_TIMEOUT_MS.to_string(),
                    ],
                ],
                None,
            );
        }
    }
}

fn services(s: &mut Script, cluster: &Cluster) {
    if cluster.services().next().is_none() {
        return;
    }
    s.section("Services");
    s.comment(
        "The playground's services are small applications built on Kafka clients; Kafka has no",
    );
    s.comment(
        "command that runs them. To build one: a consumer in the group named after the service",
    );
    s.comment(
        "(enable.auto.commit=false, auto.offset.reset=earliest) that handles each record, then",
    );
    s.comment("commits its offset + 1, and a producer when it publishes. What each one does:");
    for svc in cluster.services() {
        let inputs: Vec<String> = svc.config.inputs.iter().map(|t| comment_text(t)).collect();
        s.comment(&format!(
            "{}: consumes {} as group {}; for each record, {}.",
            comment_text(&svc.name),
            inputs.join(", "),
            comment_text(svc.group()),
            reactions(&svc.config.reactions)
        ));
    }
    s.comment("Once one runs:  kafka-consumer-groups.sh --bootstrap-server \"$BOOTSTRAP\" --describe --group <name>");
}

fn reactions(reactions: &[Reaction]) -> String {
    if reactions.is_empty() {
        return "nothing (it only reads)".to_string();
    }
    let parts: Vec<String> = reactions
        .iter()
        .map(|r| match r {
            Reaction::Produce { topic, prefix } if prefix.is_empty() => {
                format!(
                    "produces it to {} (same key and value)",
                    comment_text(topic)
                )
            }
            Reaction::Produce { topic, prefix } => format!(
                "produces it to {} (same key, value prefixed '{}')",
                comment_text(topic),
                comment_text(prefix)
            ),
            Reaction::WriteRow { table } => {
                format!("writes row key -> value to table {}", comment_text(table))
            }
            Reaction::SendEmail => "sends an e-mail".to_string(),
        })
        .collect();
    parts.join(", then ")
}
