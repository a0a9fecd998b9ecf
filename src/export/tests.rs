//! Golden files (`tests/golden/export/`, rewritten with `UPDATE_GOLDEN=1`), and the script
//! run for real by bash against stand-in Kafka tools that record what they receive.

use super::shell::tests::which_bash;
use super::*;
use crate::playground::preset;
use crate::session::Session;
use kafka_model::assignor::AssignmentStrategy;
use kafka_model::{
    CleanupPolicy, ConsumerConfig, Header, ProducerConfig, ProducerRecord, SeekTo, TopicConfig,
};
use std::path::{Path, PathBuf};

fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/export")
        .join(name);
    if std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_GOLDEN=1", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from the generated text at line {}:\n  expected: {:?}\n  actual:   {:?}\n\
             (run with UPDATE_GOLDEN=1 to accept the new output)",
            path.display(),
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

fn produce(record: ProducerRecord) -> Command {
    Command::Produce {
        producer: 1,
        record,
    }
}

/// The free playground, then a learner's session: keyed, keyless and header records, a
/// compacted topic with retention and a tombstone, a reset, a round-robin group.
fn playground() -> (Session, Vec<Command>) {
    let setup = preset::commands();
    let mut s = Session::new(preset::SEED, preset::BROKERS, &setup).unwrap();
    s.advance(3_000);
    let customers = TopicConfig {
        retention_ms: Some(3_600_000),
        ..TopicConfig::default()
            .with_partitions(2)
            .with_replication_factor(3)
            .with_min_insync_replicas(2)
            .with_cleanup_policy(CleanupPolicy::Compact)
    };
    let mut tombstone = ProducerRecord::text("customers", Some("c-1"), "");
    tombstone.value = None;
    for command in [
        Command::CreateTopic {
            name: "customers".into(),
            config: customers,
        },
        produce(ProducerRecord::text("orders", Some("order-1"), "42 VND")),
        produce(ProducerRecord::text("orders", Some("order-2"), "17 VND")),
        produce(ProducerRecord::text("orders", None, "hello")),
        produce(
            ProducerRecord::text("orders", Some("order-3"), "99 VND")
                .with_header("trace-id", "abc")
                .with_header("source", "web"),
        ),
        produce(ProducerRecord::text("customers", Some("c-1"), "Lan")),
        produce(tombstone),
    ] {
        s.apply(command).unwrap();
    }
    s.advance(5_000);
    let members: Vec<String> = s
        .cluster()
        .group("payments")
        .unwrap()
        .members
        .keys()
        .cloned()
        .collect();
    for member in members {
        s.apply(Command::RemoveMember {
            group: "payments".into(),
            member,
        })
        .unwrap();
    }
    s.advance(1_000);
    for command in [
        Command::ResetOffsets {
            group: "payments".into(),
            topic: "orders".into(),
            to: SeekTo::Earliest,
        },
        Command::CreateGroup {
            group: "audit".into(),
            config: ConsumerConfig::default().with_strategy(AssignmentStrategy::RoundRobin),
        },
        Command::AddMember {
            group: "audit".into(),
            client_id: "auditor".into(),
            topics: vec!["orders".into(), "customers".into()],
        },
    ] {
        s.apply(command).unwrap();
    }
    s.advance(5_000);
    let issued = issued_commands(&s);
    (s, issued)
}

#[test]
fn the_free_playground_exports_to_golden_files() {
    let (session, issued) = playground();
    let export = export(session.cluster(), &issued);
    golden("playground.sh", &export.script);
    golden("playground.yaml", &export.compose);
}

#[test]
fn the_export_is_deterministic() {
    let (a, issued_a) = playground();
    let (b, issued_b) = playground();
    assert_eq!(
        export(a.cluster(), &issued_a),
        export(b.cluster(), &issued_b)
    );
}

#[test]
fn compose_files_for_one_and_five_brokers() {
    let one = Cluster::new(1, 1).unwrap();
    let one = export(&one, &[]).compose;
    golden("one-broker.yaml", &one);
    assert!(one.contains("KAFKA_CONTROLLER_QUORUM_VOTERS: '1@kafka-1:9093'"));
    assert!(one.contains("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1\n"));
    assert!(one.contains("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 1\n"));

    let mut five = Cluster::new(5, 5).unwrap();
    five.kill_broker(4).unwrap();
    five.set_auto_leader_rebalance(false).unwrap();
    let five = export(&five, &[]).compose;
    golden("five-brokers.yaml", &five);
    assert!(five
        .contains("'1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093,4@kafka-4:9093,5@kafka-5:9093'"));
    for port in 19092..=19096 {
        assert!(five.contains(&format!("- \"{port}:{port}\"")), "{port}");
        assert!(
            five.contains(&format!("EXTERNAL://localhost:{port}'")),
            "{port}"
        );
    }
    assert!(five.contains("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 3\n"));
    assert!(five.contains("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 2\n"));
    assert!(five.contains("docker compose stop kafka-4"));
    assert_eq!(five.matches("image: apache/kafka:3.9.0").count(), 5);
}

/// Keys, values, headers and a group id written to break out of quotes, here-documents and
/// comments, plus text the console producer cannot carry.
fn hostile_records() -> Vec<ProducerRecord> {
    let text = ProducerRecord::text;
    let mut tombstone = text("hostile", Some("gone"), "");
    tombstone.value = None;
    let mut binary = text("hostile", Some("bin"), "");
    binary.value = Some(vec![0xff, 0x00, 0xfe].into());
    let mut null_header = text("hostile", Some("h2"), "v");
    null_header.headers.push(Header {
        key: "empty".into(),
        value: None,
    });
    vec![
        text("hostile", Some("it's"), "say \"hi\" & 'bye'"),
        text(
            "hostile",
            Some("$(touch pwned)"),
            "`touch pwned` ${HOME} $(id) \\",
        ),
        text("hostile", Some("tab\tkey"), "v\twith\ttabs"),
        text(
            "hostile",
            Some("Đơn-hàng|1"),
            "Cà phê sữa đá — 30.000₫; ghi chú: 'ít đường'",
        ),
        text("hostile", Some("k5"), "line one\nline two; touch pwned"),
        text("hostile", Some("cr\r"), "carriage return"),
        binary,
        text("hostile", Some("k|;~^"), "RECORDS"),
        text("hostile", Some("NULL"), "NULL"),
        tombstone,
        text("hostile", None, "RECORDS"),
        text("hostile", None, "'; touch pwned; echo '"),
        text("hostile", None, "EOF"),
        text("hostile", Some("h"), "\\n is not a line break")
            .with_header("trace:id", "a,b")
            .with_header("x", "\\")
            .with_header("tiếng-việt", "Xin chào\t'bạn'"),
        null_header,
        text("hostile", Some("to-p1"), "explicit partition").to_partition(1),
    ]
}

const EVIL_GROUP: &str = "team's \"group\"\n$(touch pwned)";

fn hostile() -> (Cluster, Vec<Command>) {
    let mut issued = vec![
        Command::CreateTopic {
            name: "hostile".into(),
            config: TopicConfig::default().with_partitions(2),
        },
        Command::CreateProducer {
            client_id: "p'$(x)".into(),
            config: ProducerConfig::default().with_acks(kafka_model::Acks::One),
        },
        Command::CreateGroup {
            group: EVIL_GROUP.into(),
            config: ConsumerConfig::default(),
        },
        Command::AddMember {
            group: EVIL_GROUP.into(),
            client_id: "c".into(),
            topics: vec!["hostile".into()],
        },
    ];
    issued.extend(hostile_records().into_iter().map(produce));
    let mut cluster = Cluster::new(11, 1).unwrap();
    for c in &issued {
        cluster.apply(c).unwrap();
    }
    cluster.advance(10_000);
    (cluster, issued)
}

#[test]
fn hostile_text_is_quoted_skipped_or_escaped() {
    let (cluster, issued) = hostile();
    let script = export(&cluster, &issued).script;
    golden("hostile.sh", &script);
    assert!(script.contains("# skipped: a record to hostile (key 'k5'): it contains a line break"));
    assert!(script.contains("(key 'cr\\r'): it contains a line break"));
    assert!(script.contains("(key 'bin'): it is not UTF-8 text"));
    // The group id is one quoted word in commands, and one escaped line in comments.
    assert!(script.contains("--group $'team\\'s \"group\"\\x0a$(touch pwned)'"));
    assert!(script.contains("# Group team's \"group\"\\n$(touch pwned): 1 member"));
    // A line that is exactly RECORDS moves the here-document's end marker.
    assert!(script.contains("<<'RECORDS_1'\nRECORDS\n'; touch pwned; echo '\nEOF\nRECORDS_1\n"));
    // Outside here-documents, every line is a comment, a continuation, or our own command.
    let mut heredoc: Option<String> = None;
    for line in script.lines() {
        match &heredoc {
            Some(tag) if line == tag => heredoc = None,
            Some(_) => {}
            None => {
                assert!(
                    line.is_empty()
                        || line.starts_with('#')
                        || line.starts_with("  --")
                        || line.starts_with("kafka-")
                        || ["set ", "if ", "BOOTSTRAP="]
                            .iter()
                            .any(|p| line.starts_with(p)),
                    "{line}"
                );
                if let Some((_, tag)) = line.rsplit_once(" <<'") {
                    heredoc = Some(tag.trim_end_matches('\'').to_string());
                }
            }
        }
    }
    assert_eq!(heredoc, None);
}

#[test]
fn bash_accepts_the_scripts() {
    let Ok(bash) = which_bash() else { return };
    for script in [export_of(hostile()), export_of(playground_as_cluster())] {
        let dir = scratch_dir("syntax");
        let path = dir.join(SCRIPT_FILE);
        std::fs::write(&path, &script).unwrap();
        let out = std::process::Command::new(&bash)
            .arg("-n")
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "bash -n: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}

fn export_of((cluster, issued): (Cluster, Vec<Command>)) -> String {
    export(&cluster, &issued).script
}

fn playground_as_cluster() -> (Cluster, Vec<Command>) {
    let (s, issued) = playground();
    (s.cluster().clone(), issued)
}

fn scratch_dir(name: &str) -> PathBuf {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "kafka-playground-export-{name}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// What one stand-in tool was run with.
struct Call {
    tool: String,
    args: Vec<String>,
    stdin: String,
}

impl Call {
    fn options(&self, name: &str) -> Vec<&str> {
        self.args
            .windows(2)
            .filter(|w| w[0] == name)
            .map(|w| w[1].as_str())
            .collect()
    }
}

/// Runs `script` with bash, Kafka's tools replaced by a stub that saves its arguments and
/// standard input. Returns the calls in order; panics if anything else happened.
fn run_with_stub_tools(script: &str) -> Option<Vec<Call>> {
    let bash = which_bash().ok()?;
    let dir = scratch_dir("run");
    let (bin, out) = (dir.join("bin"), dir.join("calls"));
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::create_dir_all(&out).unwrap();
    let stub = "#!/bin/bash\n\
        n=$(ls \"$EXPORT_CALLS\" | wc -l)\n\
        f=$(printf '%s/%06d' \"$EXPORT_CALLS\" \"$n\")\n\
        printf '%s\\0' \"${0##*/}\" \"$@\" > \"$f.args\"\n\
        cat > \"$f.stdin\"\n";
    for tool in [
        "kafka-topics.sh",
        "kafka-console-producer.sh",
        "kafka-console-consumer.sh",
        "kafka-consumer-groups.sh",
    ] {
        let path = bin.join(tool);
        std::fs::write(&path, stub).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let work = dir.join("work");
    std::fs::create_dir_all(&work).unwrap();
    std::fs::write(work.join(SCRIPT_FILE), script).unwrap();
    let status = std::process::Command::new(bash)
        .arg(SCRIPT_FILE)
        .current_dir(&work)
        .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
        .env("EXPORT_CALLS", &out)
        .env("HOME", &work)
        .env_remove("KAFKA_HOME")
        .env_remove("BOOTSTRAP")
        .stdin(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "the script failed: {status}");
    let mut left: Vec<_> = std::fs::read_dir(&work)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    left.sort();
    assert_eq!(left, [SCRIPT_FILE], "the script created files: injection");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "args"))
        .collect();
    names.sort();
    let calls = names
        .iter()
        .map(|args| {
            let raw = std::fs::read(args).unwrap();
            let mut words: Vec<String> = raw
                .split(|b| *b == 0)
                .map(|w| String::from_utf8(w.to_vec()).unwrap())
                .collect();
            words.pop(); // after the last NUL
            let tool = words.remove(0);
            let stdin = std::fs::read_to_string(args.with_extension("stdin")).unwrap();
            Call {
                tool,
                args: words,
                stdin,
            }
        })
        .collect();
    std::fs::remove_dir_all(dir).unwrap();
    Some(calls)
}

/// The records the console producers receive, read as `LineMessageReader` reads them, are
/// exactly the writable records published, in order; names arrive intact.
#[test]
fn run_by_bash_the_script_delivers_every_record_exactly_and_runs_nothing_else() {
    let (cluster, issued) = hostile();
    let script = export(&cluster, &issued).script;
    let Some(calls) = run_with_stub_tools(&script) else {
        return;
    };
    let mut delivered = Vec::new();
    for call in calls
        .iter()
        .filter(|c| c.tool == "kafka-console-producer.sh")
    {
        assert_eq!(call.options("--bootstrap-server"), [BOOTSTRAP]);
        assert_eq!(call.options("--topic"), ["hostile"]);
        assert_eq!(call.options("--producer-property"), ["acks=1"]);
        let format = LineFormat::from_properties(call.options("--property"));
        format.configure().unwrap();
        let body = call.stdin.strip_suffix('\n').unwrap_or(&call.stdin);
        for line in body.split('\n') {
            delivered.push(format.read(line).unwrap());
        }
    }
    let expected: Vec<TextRecord> = hostile_records()
        .iter()
        .filter_map(|r| TextRecord::from_record(r).ok())
        .collect();
    assert_eq!(delivered, expected);
    assert_eq!(expected.len(), hostile_records().len() - 3);

    let topics: Vec<_> = calls
        .iter()
        .filter(|c| c.tool == "kafka-topics.sh")
        .collect();
    assert_eq!(topics.len(), 1);
    assert_eq!(topics[0].options("--topic"), ["hostile"]);
    assert_eq!(
        topics[0].options("--config"),
        ["retention.bytes=32768", "segment.bytes=4096"]
    );
    let consumer = calls
        .iter()
        .find(|c| c.tool == "kafka-console-consumer.sh")
        .unwrap();
    assert_eq!(consumer.options("--group"), [EVIL_GROUP]);
    let describe = calls
        .iter()
        .find(|c| c.tool == "kafka-consumer-groups.sh")
        .unwrap();
    assert_eq!(describe.options("--group"), [EVIL_GROUP]);
}

#[test]
fn run_by_bash_the_playground_script_calls_the_tools_in_order() {
    let (cluster, issued) = playground_as_cluster();
    let Some(calls) = run_with_stub_tools(&export(&cluster, &issued).script) else {
        return;
    };
    let summary: Vec<String> = calls
        .iter()
        .map(|c| {
            let what = ["--topic", "--group"]
                .iter()
                .flat_map(|o| c.options(o))
                .collect::<Vec<_>>()
                .join(" ");
            format!("{} {what}", c.tool)
        })
        .collect();
    assert_eq!(
        summary,
        [
            "kafka-topics.sh customers",
            "kafka-topics.sh orders",
            "kafka-console-producer.sh orders",
            "kafka-console-producer.sh orders",
            "kafka-console-producer.sh orders",
            "kafka-console-producer.sh customers",
            "kafka-console-consumer.sh customers audit",
            "kafka-console-consumer.sh orders audit",
            "kafka-console-consumer.sh orders payments",
            "kafka-consumer-groups.sh orders payments",
            "kafka-consumer-groups.sh audit",
            "kafka-consumer-groups.sh payments",
        ]
    );
    let reset = &calls[9];
    assert!(reset.args.contains(&"--to-earliest".to_string()));
    assert!(reset.args.contains(&"--execute".to_string()));
    let audit = &calls[6];
    assert_eq!(
        audit.options("--consumer-property"),
        ["partition.assignment.strategy=org.apache.kafka.clients.consumer.RoundRobinAssignor"]
    );
    let customers = &calls[0];
    assert_eq!(
        customers.options("--config"),
        [
            "min.insync.replicas=2",
            "retention.ms=3600000",
            "retention.bytes=32768",
            "segment.bytes=4096",
            "cleanup.policy=compact"
        ]
    );
}

#[test]
fn the_shops_services_become_notes() {
    let mut cluster = Cluster::new(3, 3).unwrap();
    for c in kafka_model::presets::shop_on_kafka() {
        cluster.apply(&c).unwrap();
    }
    let script = export(&cluster, &[]).script;
    assert!(script.contains(
        "# inventory: consumes orders as group inventory; for each record, produces it to inventory (same key, value prefixed 'reserved:')."
    ));
    assert!(script.contains(
        "# notification: consumes orders as group notification; for each record, sends an e-mail."
    ));
    assert!(script.contains("# payments: consumes inventory as group payments; for each record, writes row key -> value to table payments."));
    // The services' groups are not exported as console consumers.
    assert!(!script.contains("kafka-console-consumer.sh"));
}

#[test]
fn data_urls_percent_encode_everything_but_unreserved_characters() {
    let url = data_url("text/x-shellscript", "a b\n'ư'#%");
    assert_eq!(
        url,
        "data:text/x-shellscript;charset=utf-8,a%20b%0A%27%C6%B0%27%23%25"
    );
}

#[test]
fn a_deleted_topic_takes_its_records_along_and_auto_producers_are_only_described() {
    let topic = |name: &str| Command::CreateTopic {
        name: name.into(),
        config: TopicConfig::default(),
    };
    let mut issued = vec![
        topic("t"),
        Command::CreateProducer {
            client_id: "p".into(),
            config: ProducerConfig::default(),
        },
        produce(ProducerRecord::text("t", Some("k"), "before the delete")),
        Command::DeleteTopic { name: "t".into() },
        topic("t"),
        produce(ProducerRecord::text("t", Some("k"), "after the delete")),
        topic("gone"),
        produce(ProducerRecord::text("gone", None, "deleted with its topic")),
        Command::DeleteTopic {
            name: "gone".into(),
        },
    ];
    issued.extend(preset::bench(100).into_iter().skip(1).take(2));
    let mut cluster = Cluster::new(5, 3).unwrap();
    cluster.apply(&preset::bench(100)[0]).unwrap();
    for c in &issued {
        cluster.apply(c).unwrap();
    }
    let script = export(&cluster, &issued).script;
    assert!(script.contains("k|after the delete\n"));
    assert!(!script.contains("before the delete"));
    assert!(!script.contains("deleted with its topic"));
    assert!(script.contains("# p sends about 100 records/s to bench:"));
    assert!(script.contains("#   kafka-producer-perf-test.sh --topic bench --num-records 6000"));
    assert!(!script
        .lines()
        .any(|l| l.starts_with("kafka-producer-perf-test.sh")));
}

/// The export names the setup the session holds, not the page's: a file whose preset differs
/// from the scene's (here: the scene's preset plus a `payments-audit` topic and a record
/// published to it at time 0, which the page's own preset does not have) exports the file's.
/// Records are read from the issued commands only, so a wrong setup loses that record.
#[test]
fn an_imported_file_exports_its_own_setup() {
    let scene = crate::scenes::by_id("partitions").unwrap();
    let mut original = scene.session().unwrap();
    original.advance(2_000);
    let mut shared = crate::share::Shared::capture(&original, Some(scene.id));
    shared.setup.push(Command::CreateTopic {
        name: "payments-audit".into(),
        config: TopicConfig::default().with_partitions(4),
    });
    shared.setup.push(produce(ProducerRecord::text(
        "payments-audit",
        Some("p-1"),
        "paid",
    )));
    let file = shared.to_json();
    let imported = crate::share::Shared::from_json(&file)
        .unwrap()
        .rebuild()
        .unwrap();
    let issued = issued_commands(&imported);
    assert_eq!(&issued[..shared.setup.len()], &shared.setup[..]);
    let script = export(imported.cluster(), &issued).script;
    assert!(
        script.contains("--create --topic payments-audit \\\n  --partitions 4"),
        "{script}"
    );
    assert!(
        script.contains("p-1"),
        "the record published after the import: {script}"
    );
    // The page's own preset, exported, has neither.
    let page = scene.session().unwrap();
    let page_script = export(page.cluster(), &issued_commands(&page)).script;
    assert!(!page_script.contains("payments-audit"));
}
