use super::*;
use crate::playground::preset;
use kafka_model::{
    AutoProduce, Command, Endpoint, KeyPattern, ProducerConfig, ProducerRecord, TopicConfig,
};

fn produce(key: &str, value: &str) -> Command {
    Command::Produce {
        producer: 1,
        record: ProducerRecord::text("orders", Some(key), value),
    }
}

/// The free playground with a few things a learner does: orders, a broker down and up.
fn playground_session() -> Session {
    let mut s = Session::new(preset::SEED, preset::BROKERS, &preset::commands()).unwrap();
    s.advance(1_200);
    s.apply(produce("order-1", "42 VND")).unwrap();
    s.advance(800);
    s.apply(produce("order-2", "7 VND")).unwrap();
    s.apply(Command::KillBroker { broker: 2 }).unwrap();
    s.advance(2_345);
    s.apply(produce("order-1", "43 VND")).unwrap();
    s.advance(3_000);
    s.apply(Command::ReviveBroker { broker: 2 }).unwrap();
    s.advance(1_717);
    s
}

/// A typical session: the free playground and 50 commands over a few minutes.
fn typical_session() -> Session {
    fn run(s: &mut Session, dt: Ms, c: Command) {
        s.advance(dt);
        s.apply(c).unwrap();
    }
    let mut s = Session::new(preset::SEED, preset::BROKERS, &preset::commands()).unwrap();
    run(
        &mut s,
        2_000,
        Command::CreateTopic {
            name: "payments-done".into(),
            config: TopicConfig::default().with_partitions(2),
        },
    );
    run(
        &mut s,
        1_500,
        Command::CreateProducer {
            client_id: "payments".into(),
            config: ProducerConfig::default(),
        },
    );
    for i in 0..29 {
        run(
            &mut s,
            700 + 37 * i,
            produce(
                &format!("order-{}", i % 7),
                &format!("{} VND", 1000 + i * 13),
            ),
        );
    }
    run(&mut s, 1_000, Command::KillBroker { broker: 1 });
    run(
        &mut s,
        4_000,
        Command::AddMember {
            group: "payments".into(),
            client_id: "payment-3".into(),
            topics: vec!["orders".into()],
        },
    );
    for i in 0..10 {
        run(
            &mut s,
            500,
            Command::Produce {
                producer: 2,
                record: ProducerRecord::text("payments-done", Some(&format!("order-{i}")), "paid"),
            },
        );
    }
    run(&mut s, 3_000, Command::ReviveBroker { broker: 1 });
    run(
        &mut s,
        1_000,
        Command::SlowLink {
            a: Endpoint::Broker(1),
            b: Endpoint::Broker(2),
            extra_ms: 300,
        },
    );
    run(
        &mut s,
        1_000,
        Command::SetAutoProduce {
            producer: 1,
            auto: Some(AutoProduce {
                topic: "orders".into(),
                records_per_sec: 2.0,
                keys: KeyPattern::Cycling(vec!["order-1".into(), "order-2".into()]),
            }),
        },
    );
    run(&mut s, 5_000, Command::ElectPreferredLeaders);
    run(
        &mut s,
        2_000,
        Command::SetAutoProduce {
            producer: 1,
            auto: None,
        },
    );
    run(&mut s, 500, Command::Flush { producer: 2 });
    run(
        &mut s,
        500,
        Command::AddPartitions {
            topic: "orders".into(),
            count: 4,
        },
    );
    s.advance(4_321);
    assert_eq!(s.history().commands().len(), 50);
    s
}

/// The rebuilt session is the original: same cluster now, and the same happenings from
/// here on.
fn assert_same(original: &Session, rebuilt: &Session) {
    assert_eq!(rebuilt.now(), original.now());
    assert_eq!(rebuilt.cluster(), original.cluster());
    let history = original.history();
    assert_eq!(
        rebuilt.history().commands(),
        &history.commands()[..history.applied()]
    );
    let (mut a, mut b) = (original.cluster().clone(), rebuilt.cluster().clone());
    let (ha, hb) = (a.advance(20_000), b.advance(20_000));
    assert!(!ha.is_empty());
    assert_eq!(ha, hb);
    // And through the sessions, as the page plays on.
    let (mut a, mut b) = (original.clone(), rebuilt.clone());
    // The original plays on without the recorded future it may have travelled back from.
    a.fork();
    a.advance(5_000);
    b.advance(5_000);
    assert_eq!(a.cluster(), b.cluster());
}

fn via_link(shared: &Shared) -> Session {
    let fragment = shared.to_fragment();
    let decoded = Shared::from_fragment(&fragment).unwrap();
    assert_eq!(&decoded, shared);
    decoded.rebuild().unwrap()
}

#[test]
fn share_free_playground_round_trips_through_a_link() {
    let original = playground_session();
    let shared = Shared::capture(&original, None);
    assert_eq!(shared.v, 1);
    assert_eq!(shared.seed, preset::SEED);
    assert_eq!(shared.brokers, preset::BROKERS);
    assert_eq!(shared.setup, preset::commands());
    assert_eq!(shared.log.len(), 5);
    assert_eq!(shared.at, original.now());
    assert_same(&original, &via_link(&shared));
}

#[test]
fn share_typical_session_round_trips_through_link_and_file() {
    let original = typical_session();
    let shared = Shared::capture(&original, None);
    assert_same(&original, &via_link(&shared));
    let json = shared.to_json();
    assert!(
        json.contains("\n  \"seed\": 2024,\n"),
        "pretty: {json:.200}"
    );
    assert_eq!(
        json.lines().count(),
        2 + 5 + 2 * 2 + shared.setup.len() + shared.log.len(),
        "a line per field and per command: {json:.300}"
    );
    // The same as serde's own pretty JSON, once parsed.
    let ours: serde_json::Value = serde_json::from_str(&json).unwrap();
    let serdes: serde_json::Value =
        serde_json::from_str(&serde_json::to_string_pretty(&shared).unwrap()).unwrap();
    assert_eq!(ours, serdes);
    let decoded = Shared::from_json(&json).unwrap();
    assert_eq!(decoded, shared);
    assert_same(&original, &decoded.rebuild().unwrap());
}

/// Sizes for the free playground plus 50 learner commands, as measured (`--nocapture`
/// prints them): compact JSON 8,400 bytes; zlib level 9: 1,237 bytes; the link's fragment
/// 1,653 characters (base64 of the bare JSON would be 11,200, 6.8× more); the JSON file
/// with a command per line 8,711 bytes (`serde_json`'s fully indented form: 25,538).
#[test]
fn share_sizes_of_a_typical_session() {
    let shared = Shared::capture(&typical_session(), None);
    let json = serde_json::to_vec(&shared).unwrap();
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&json, 9);
    let fragment = shared.to_fragment();
    let pretty = shared.to_json();
    println!(
        "50 commands: json {} B, zlib {} B, fragment {} chars, pretty file {} B",
        json.len(),
        packed.len(),
        fragment.len(),
        pretty.len()
    );
    assert!(fragment.len() < 4_000, "{}", fragment.len());
    assert!(fragment.starts_with("v1."));
    assert!(fragment[3..]
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
}

#[test]
fn share_travelled_back_shares_what_is_on_screen() {
    let mut original = playground_session();
    original.seek(2_500);
    let shared = Shared::capture(&original, None);
    assert_eq!(shared.at, 2_500);
    assert_eq!(
        shared.log.len(),
        3,
        "the commands up to 2.5 s, not the recorded future"
    );
    assert_same(&original, &via_link(&shared));
}

#[test]
fn share_every_scene_round_trips_with_its_actions() {
    for scene in crate::scenes::SCENES {
        let mut original = scene.session().unwrap();
        original.advance(1_500);
        for action in scene.actions {
            let _ = action.apply(&mut original);
            original.advance(1_300);
        }
        let shared = Shared::capture(&original, Some(scene.id));
        let decoded = Shared::from_fragment(&shared.to_fragment()).unwrap();
        assert_eq!(decoded.scene.as_deref(), Some(scene.id));
        let rebuilt = decoded.rebuild().unwrap();
        assert_eq!(rebuilt.cluster(), original.cluster(), "{}", scene.id);
        assert_eq!(
            rebuilt.direct().is_some(),
            scene.stage.has_direct(),
            "{}: the shop without Kafka is there exactly where the scene has it",
            scene.id
        );
        assert_eq!(
            rebuilt.direct(),
            original.direct(),
            "{}: the shop without Kafka comes back as the learner left it",
            scene.id
        );
    }
}

// ---- Refusals ----

fn valid() -> Shared {
    Shared::capture(&playground_session(), None)
}

fn describe_both(e: &ShareError) -> (String, String) {
    (
        e.describe(crate::i18n::Lang::Vi),
        e.describe(crate::i18n::Lang::En),
    )
}

#[test]
fn share_refuses_empty_and_garbage() {
    assert_eq!(Shared::from_fragment(""), Err(ShareError::Empty));
    assert_eq!(Shared::from_fragment("#"), Err(ShareError::Empty));
    assert_eq!(Shared::from_fragment("  "), Err(ShareError::Empty));
    assert_eq!(Shared::from_json(""), Err(ShareError::Empty));
    for garbage in ["hello", "#top", "v", "x1.abc", "v.abc", "🙂.🙂", "v1x.AAAA"] {
        assert!(
            matches!(
                Shared::from_fragment(garbage),
                Err(ShareError::NotOurFormat { .. })
            ),
            "{garbage}: {:?}",
            Shared::from_fragment(garbage)
        );
    }
    assert_eq!(Shared::from_fragment("v1.!!!!"), Err(ShareError::Corrupt));
    assert_eq!(Shared::from_fragment("v1.A"), Err(ShareError::Truncated));
    assert_eq!(Shared::from_fragment("v1"), Err(ShareError::Truncated));
    assert_eq!(Shared::from_fragment("v1."), Err(ShareError::Truncated));
    // Valid base64 whose bytes are no zlib stream.
    let not_zlib = format!("v1.{}", BASE64.encode(b"just some bytes"));
    assert!(Shared::from_fragment(&not_zlib).is_err());
    // A valid zlib stream of something that is not our JSON.
    let foreign = format!(
        "v1.{}",
        BASE64.encode(miniz_oxide::deflate::compress_to_vec_zlib(
            br#"{"hello":"world"}"#,
            6
        ))
    );
    assert_eq!(
        Shared::from_fragment(&foreign),
        Err(ShareError::NotOurFormat { detail: None })
    );
    for json in ["[]", "42", "null", "{}", r#"{"v":"1"}"#, "<html></html>"] {
        assert!(
            matches!(
                Shared::from_json(json),
                Err(ShareError::NotOurFormat { .. })
            ),
            "{json}"
        );
    }
    let missing_field = r#"{"v":1,"scene":null,"seed":1}"#;
    let e = Shared::from_json(missing_field).unwrap_err();
    let (vi, en) = describe_both(&e);
    assert!(en.contains("brokers"), "{en}");
    assert!(vi.contains("không phải"), "{vi}");
}

#[test]
fn share_refuses_other_versions_clearly() {
    let mut shared = valid();
    shared.v = 2;
    let link = shared.to_fragment();
    let expected = ShareError::UnknownVersion { found: "2".into() };
    assert_eq!(Shared::from_fragment(&link), Err(expected.clone()));
    assert_eq!(Shared::from_json(&shared.to_json()), Err(expected.clone()));
    assert_eq!(shared.rebuild().err(), Some(expected));
    // A future link format: refused by its prefix, before anything is unpacked.
    let future = format!("v7.{}", &valid().to_fragment()[3..]);
    assert_eq!(
        Shared::from_fragment(&future),
        Err(ShareError::UnknownVersion { found: "7".into() })
    );
    let (vi, en) = describe_both(&Shared::from_fragment(&future).unwrap_err());
    assert!(en.contains("version 7"), "{en}");
    assert!(vi.contains("phiên bản 7"), "{vi}");
}

#[test]
fn share_every_prefix_of_a_link_is_refused_or_valid() {
    let link = valid().to_fragment();
    let full = Shared::from_fragment(&link).unwrap();
    for end in 0..link.len() {
        match Shared::from_fragment(&link[..end]) {
            Err(_) => {}
            // Only a prefix that still holds the whole stream may decode: to the same.
            Ok(decoded) => assert_eq!(decoded, full, "prefix of {end}"),
        }
    }
    // The prefixes that drop part of the packed stream say so.
    let cut = &link[..link.len() - 10];
    assert_eq!(Shared::from_fragment(cut), Err(ShareError::Truncated));
    let json = valid().to_json();
    let mut cut_json = json.clone();
    cut_json.truncate(json.len() / 2);
    assert_eq!(Shared::from_json(&cut_json), Err(ShareError::Truncated));
}

#[test]
fn share_bit_flips_are_refused_or_decode_to_something_valid() {
    let link = valid().to_fragment();
    let bytes = BASE64.decode(&link[3..]).unwrap();
    let mut refused = 0;
    for i in 0..bytes.len() {
        for bit in 0..8 {
            let mut flipped = bytes.clone();
            flipped[i] ^= 1 << bit;
            let fragment = format!("v1.{}", BASE64.encode(&flipped));
            match Shared::from_fragment(&fragment) {
                Err(_) => refused += 1,
                Ok(shared) => {
                    // The checksum almost always catches a flip; when it cannot, the
                    // result still has to rebuild or be refused, never panic.
                    let _ = shared.rebuild();
                }
            }
        }
    }
    assert!(
        refused >= bytes.len() * 8 - 8,
        "{refused} of {}",
        bytes.len() * 8
    );
    // A flipped character in the text of the link.
    for i in 3..link.len() {
        let mut chars: Vec<u8> = link.bytes().collect();
        chars[i] = if chars[i] == b'A' { b'B' } else { b'A' };
        let fragment = String::from_utf8(chars).unwrap();
        if let Ok(shared) = Shared::from_fragment(&fragment) {
            let _ = shared.rebuild();
        }
    }
}

#[test]
fn share_refuses_oversized_links_and_files_and_zip_bombs() {
    let long = format!("v1.{}", "A".repeat(MAX_FRAGMENT_BYTES));
    assert!(matches!(
        Shared::from_fragment(&long),
        Err(ShareError::TooLarge {
            of: SizeOf::Link,
            ..
        })
    ));
    let big_file = " ".repeat(MAX_FILE_BYTES + 1);
    assert!(matches!(
        Shared::from_json(&big_file),
        Err(ShareError::TooLarge {
            of: SizeOf::File,
            ..
        })
    ));
    // 64 MiB of spaces deflate to a link of ~87 KB... too long already; 16 MiB to ~22 KB:
    // a short link that would unpack to 16 MiB. Unpacking stops at 1 MiB.
    let bomb = vec![b' '; 16 * 1024 * 1024];
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&bomb, 10);
    let fragment = format!("v1.{}", BASE64.encode(&packed));
    assert!(fragment.len() <= MAX_FRAGMENT_BYTES, "{}", fragment.len());
    let e = Shared::from_fragment(&fragment).unwrap_err();
    assert!(
        matches!(
            e,
            ShareError::TooLarge {
                of: SizeOf::Unpacked,
                ..
            }
        ),
        "{e:?}"
    );
    let (vi, en) = describe_both(&e);
    assert!(en.contains("1024 KiB"), "{en}");
    assert!(vi.contains("quá lớn"), "{vi}");
}

#[test]
fn share_refuses_times_out_of_range_and_order() {
    let mut huge = valid();
    huge.at = u64::MAX;
    assert_eq!(
        huge.rebuild().err(),
        Some(ShareError::TimeOutOfRange {
            at: u64::MAX,
            max: MAX_AT_MS
        })
    );
    // Through a link as well: decoded, then refused before any work.
    let decoded = Shared::from_fragment(&huge.to_fragment()).unwrap();
    assert!(matches!(
        decoded.rebuild(),
        Err(ShareError::TimeOutOfRange { .. })
    ));
    let mut late = valid();
    late.at = MAX_AT_MS + 1;
    assert!(matches!(
        late.validate(),
        Err(ShareError::TimeOutOfRange { .. })
    ));
    let mut unordered = valid();
    unordered.log.swap(0, 2);
    assert!(matches!(
        unordered.rebuild(),
        Err(ShareError::TimeOrder {
            index: 2,
            at: 1_200
        })
    ));
    let mut after_end = valid();
    after_end.at = after_end.log.last().unwrap().0 - 1;
    assert!(matches!(
        after_end.rebuild(),
        Err(ShareError::TimeOrder { index: 4, .. })
    ));
    let (vi, en) = describe_both(&huge.validate().unwrap_err());
    assert!(en.contains("1 h"), "{en}");
    assert!(vi.contains("1 giờ"), "{vi}");
}

#[test]
fn share_refuses_durations_the_model_could_overflow_on() {
    let mut long = valid();
    long.log.push((
        long.at,
        Command::CreateProducer {
            client_id: "slow".into(),
            config: ProducerConfig {
                retry_backoff_ms: u64::MAX,
                ..ProducerConfig::default()
            },
        }
        .into(),
    ));
    let e = long.rebuild().err().unwrap();
    assert_eq!(
        e,
        ShareError::Duration {
            field: "retry_backoff_ms".into(),
            ms: u64::MAX,
            max: MAX_DURATION_MS
        }
    );
    // Through a file, where the number may not even fit in a u64.
    let json = valid()
        .to_json()
        .replacen("\"linger_ms\":", "\"linger_ms\":1e300,\"was\":", 1);
    assert!(json.contains("1e300"));
    let Err(ShareError::NotOurFormat {
        detail: Some(detail),
    }) = Shared::from_json(&json)
    else {
        panic!("1e300 read as a duration");
    };
    // The reader (kafka_model::command_json) says where, down to the field.
    assert!(
        detail.ends_with(
            ".CreateProducer.config.linger_ms: expected an integer from 0 to 2^64 - 1, found 1e+300"
        ),
        "{detail}"
    );
    let (vi, en) = describe_both(&e);
    assert!(en.contains("retry_backoff_ms") && vi.contains("retry_backoff_ms"));
}

#[test]
fn share_refuses_too_many_commands_brokers_and_unknown_scenes() {
    let mut many = valid();
    many.log = vec![(many.at, Command::ElectPreferredLeaders.into()); MAX_COMMANDS];
    assert!(matches!(
        many.rebuild(),
        Err(ShareError::TooManyCommands { count, max: MAX_COMMANDS }) if count == MAX_COMMANDS + 5
    ));
    for brokers in [0, 10, u32::MAX] {
        let mut b = valid();
        b.brokers = brokers;
        assert!(matches!(b.rebuild(), Err(ShareError::Brokers { .. })));
    }
    let mut scene = valid();
    scene.scene = Some("no-such-scene".into());
    let e = scene.rebuild().err().unwrap();
    assert_eq!(
        e,
        ShareError::UnknownScene {
            id: "no-such-scene".into()
        }
    );
    assert!(e
        .describe(crate::i18n::Lang::Vi)
        .contains("cảnh 'no-such-scene'"));
}

#[test]
fn share_refuses_commands_the_model_refuses_with_its_reason() {
    let mut bad = valid();
    bad.log[1].1 = Command::KillBroker { broker: 9 }.into();
    let e = bad.rebuild().err().unwrap();
    assert!(
        matches!(
            &e,
            ShareError::Refused {
                setup: false,
                index: 1,
                ..
            }
        ),
        "{e:?}"
    );
    let (vi, en) = describe_both(&e);
    assert!(en.contains("command 2") && en.contains("broker 9"), "{en}");
    assert!(
        vi.contains("lệnh thứ 2") && vi.contains("Không có broker 9"),
        "{vi}"
    );
    let mut bad_setup = valid();
    bad_setup.setup.insert(
        2,
        Command::CreateTopic {
            name: "bad name!".into(),
            config: TopicConfig::default(),
        },
    );
    let e = bad_setup.rebuild().err().unwrap();
    assert!(
        matches!(
            e,
            ShareError::Refused {
                setup: true,
                index: 2,
                ..
            }
        ),
        "{e:?}"
    );
    // Extreme values the model must refuse (or take) without panicking.
    let extremes = [
        Command::SlowLink {
            a: Endpoint::Broker(1),
            b: Endpoint::Broker(2),
            extra_ms: 60_001,
        },
        Command::AddPartitions {
            topic: "orders".into(),
            count: u32::MAX,
        },
        Command::DropRequest { flight: u64::MAX },
        Command::SetAutoProduce {
            producer: 1,
            auto: Some(AutoProduce {
                topic: "orders".into(),
                records_per_sec: 1e308,
                keys: KeyPattern::Cycling(vec![]),
            }),
        },
        Command::CreateTopic {
            name: "x".repeat(10_000),
            config: TopicConfig::default().with_partitions(u32::MAX),
        },
    ];
    for command in extremes {
        let mut s = valid();
        s.log.push((s.at, command.clone().into()));
        assert!(
            matches!(s.rebuild(), Err(ShareError::Refused { index: 5, .. })),
            "{command:?}"
        );
    }
}

#[test]
fn share_rebuild_work_is_bounded() {
    // Hostile: hundreds of producers at the top rate. Refused once the budget is spent,
    // long before the hour it asks for.
    let mut heavy = valid();
    for i in 0..400u32 {
        heavy.log.push((
            heavy.at,
            Command::CreateProducer {
                client_id: format!("p{i}"),
                config: ProducerConfig::default(),
            }
            .into(),
        ));
        heavy.log.push((
            heavy.at,
            Command::SetAutoProduce {
                producer: 2 + i,
                auto: Some(AutoProduce {
                    topic: "orders".into(),
                    records_per_sec: kafka_model::producer::MAX_RECORDS_PER_SEC,
                    keys: KeyPattern::None,
                }),
            }
            .into(),
        ));
    }
    heavy.at = MAX_AT_MS;
    let e = heavy.rebuild().err().unwrap();
    let ShareError::TooMuchWork { at } = e else {
        panic!("{e:?}")
    };
    assert!(at < 60_000, "gave up at {at} ms");
    let (vi, en) = describe_both(&e);
    assert!(
        en.contains("too long") && vi.contains("quá lâu"),
        "{en} / {vi}"
    );
}

#[test]
fn share_errors_read_well_in_both_languages() {
    use kafka_model::ModelError;
    let errors = [
        ShareError::Empty,
        ShareError::NotOurFormat { detail: None },
        ShareError::NotOurFormat {
            detail: Some("line 1".into()),
        },
        ShareError::UnknownVersion { found: "3".into() },
        ShareError::Corrupt,
        ShareError::Truncated,
        ShareError::Unreadable {
            detail: "NotReadableError".into(),
        },
        ShareError::TooLarge {
            of: SizeOf::Link,
            bytes: 70_000,
            max: MAX_FRAGMENT_BYTES,
        },
        ShareError::TooLarge {
            of: SizeOf::Unpacked,
            bytes: MAX_JSON_BYTES,
            max: MAX_JSON_BYTES,
        },
        ShareError::TooLarge {
            of: SizeOf::File,
            bytes: 3 * MAX_FILE_BYTES,
            max: MAX_FILE_BYTES,
        },
        ShareError::TooManyCommands {
            count: 6_000,
            max: MAX_COMMANDS,
        },
        ShareError::Brokers {
            brokers: 12,
            max: 9,
        },
        ShareError::UnknownScene { id: "x".into() },
        ShareError::TimeOutOfRange {
            at: 2 * MAX_AT_MS,
            max: MAX_AT_MS,
        },
        ShareError::TimeOrder {
            index: 3,
            at: 1_500,
        },
        ShareError::Duration {
            field: "retry_backoff_ms".into(),
            ms: u64::MAX,
            max: MAX_DURATION_MS,
        },
        ShareError::Refused {
            setup: false,
            index: 0,
            at: 2_000,
            error: ModelError::UnknownBroker { broker: 7 },
        },
        ShareError::Refused {
            setup: true,
            index: 0,
            at: 0,
            error: ModelError::UnknownBroker { broker: 7 },
        },
        ShareError::TooMuchWork { at: 90_000 },
    ];
    for e in &errors {
        let (vi, en) = describe_both(e);
        assert_ne!(vi, en);
        assert!(!vi.is_ascii(), "{vi}");
        assert!(en.is_ascii(), "{en}");
        assert!(vi.ends_with('.') || vi.ends_with(')'), "{vi}");
        assert!(en.ends_with('.') || en.ends_with(')'), "{en}");
    }
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    /// The typical session's file, made once.
    fn typical_json() -> String {
        static JSON: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        JSON.get_or_init(|| Shared::capture(&typical_session(), None).to_json())
            .clone()
    }

    /// Where the JSON's field values and log times are: unsigned integers right after a
    /// `:` or opening a log entry (not the bytes of keys and values, which are many).
    fn number_spans(json: &str) -> Vec<(usize, usize)> {
        let bytes = json.as_bytes();
        let (mut spans, mut in_string, mut i) = (Vec::new(), false, 0);
        while i < bytes.len() {
            match bytes[i] {
                b'\\' if in_string => i += 1,
                b'"' => in_string = !in_string,
                b'0'..=b'9' if !in_string => {
                    let start = i;
                    while i + 1 < bytes.len() && bytes[i + 1].is_ascii_digit() {
                        i += 1;
                    }
                    let field = start > 0 && bytes[start - 1] == b':';
                    let log_time =
                        start > 1 && bytes[start - 1] == b'[' && bytes[start - 2] == b' ';
                    if field || log_time {
                        spans.push((start, i + 1));
                    }
                }
                _ => {}
            }
            i += 1;
        }
        spans
    }

    fn link() -> String {
        valid().to_fragment()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn share_arbitrary_text_never_panics(s in ".{0,300}") {
            let _ = Shared::from_fragment(&s);
            let _ = Shared::from_json(&s);
            let _ = Shared::from_fragment(&format!("v1.{s}"));
        }

        #[test]
        fn share_arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = Shared::from_fragment(&format!("v1.{}", BASE64.encode(&bytes)));
            let text = String::from_utf8_lossy(&bytes);
            let _ = Shared::from_json(&text);
            let _ = Shared::from_fragment(&text);
        }

        #[test]
        fn share_mutated_links_never_panic(
            edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6)
        ) {
            let mut bytes: Vec<u8> = link().into_bytes();
            for (at, byte, kind) in edits {
                let i = at.index(bytes.len().max(1));
                let c = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."
                    [byte as usize % 65];
                match kind {
                    0 if i < bytes.len() => bytes[i] = c,
                    1 => bytes.insert(i.min(bytes.len()), c),
                    _ if i < bytes.len() => { bytes.remove(i); }
                    _ => {}
                }
            }
            let text = String::from_utf8(bytes).unwrap();
            if let Ok(shared) = Shared::from_fragment(&text) {
                let _ = shared.rebuild();
            }
        }

        /// Commands with extreme numbers (ids, counts, rates, times, offsets) must be
        /// refused or taken by the model, never panic it.
        #[test]
        fn share_extreme_numbers_never_panic(
            which in any::<prop::sample::Index>(),
            value in prop_oneof![
                Just(0u64), Just(1), Just(u32::MAX as u64), Just(u32::MAX as u64 + 1),
                Just(u64::MAX), Just(i64::MAX as u64), any::<u64>(), 0u64..100,
            ],
        ) {
            let json = typical_json();
            let numbers: Vec<(usize, usize)> = number_spans(&json);
            prop_assert!(numbers.len() > 100, "{}", numbers.len());
            let (start, end) = numbers[which.index(numbers.len())];
            let mutated = format!("{}{value}{}", &json[..start], &json[end..]);
            if let Ok(shared) = Shared::from_json(&mutated) {
                let _ = shared.rebuild();
            }
        }

        #[test]
        fn share_mutated_json_never_panics(
            at in any::<prop::sample::Index>(),
            cut in any::<prop::sample::Index>(),
            insert in ".{0,8}",
        ) {
            let json = valid().to_json();
            let chars: Vec<char> = json.chars().collect();
            let i = at.index(chars.len());
            let j = (i + cut.index(16)).min(chars.len());
            let mutated: String = chars[..i].iter().collect::<String>() + &insert
                + &chars[j..].iter().collect::<String>();
            if let Ok(shared) = Shared::from_json(&mutated) {
                let _ = shared.rebuild();
            }
        }
    }
}

/// Rebuild cost, measured natively (run with
/// `cargo test --release --lib share_rebuild_cost -- --ignored --nocapture`).
#[test]
#[ignore]
fn share_rebuild_cost() {
    fn measure(label: &str, shared: &Shared) {
        let start = std::time::Instant::now();
        let result = shared.rebuild();
        let took = start.elapsed();
        let happenings = result
            .as_ref()
            .ok()
            .and_then(|s| s.recent().last_id())
            .unwrap_or(0);
        let records = result.as_ref().map_or(0, |s| records_held(s.cluster()));
        println!(
            "{label}: {:?} in {took:?}, {happenings} happenings, {records} records held",
            result.as_ref().err()
        );
    }
    // Unbudgeted, to see what an hour costs.
    fn measure_raw(label: &str, mut session: Session, ms: Ms) {
        let start = std::time::Instant::now();
        session.advance(0);
        let mut t = 0;
        while t < ms {
            session.advance(250);
            t += 250;
        }
        println!(
            "{label} (no budget): {:?}, {} happenings",
            start.elapsed(),
            session.recent().last_id().unwrap_or(0)
        );
    }
    let mut idle = Shared::capture(&playground_session(), None);
    idle.at = MAX_AT_MS;
    measure("free playground, 1 h", &idle);
    // What a checkpoint costs against a happening (for `RECORDS_PER_WORK`).
    let mut full = playground_session();
    full.apply(Command::SetAutoProduce {
        producer: 1,
        auto: Some(AutoProduce {
            topic: "orders".into(),
            records_per_sec: 100.0,
            keys: KeyPattern::None,
        }),
    })
    .unwrap();
    let start = std::time::Instant::now();
    let before = full.recent().last_id().unwrap_or(0);
    full.advance(600_000);
    let per_happening = start.elapsed() / (full.recent().last_id().unwrap_or(0) - before) as u32;
    let start = std::time::Instant::now();
    for _ in 0..100 {
        std::hint::black_box(full.cluster().clone());
    }
    println!(
        "a happening ≈ {per_happening:?}; cloning a cluster holding {} records ≈ {:?}",
        records_held(full.cluster()),
        start.elapsed() / 100
    );
    let mut typical = Shared::capture(&typical_session(), None);
    typical.at = MAX_AT_MS;
    measure("typical 50 commands, then to 1 h", &typical);
    for (producers, rate) in [(1u32, 10.0), (3, 10.0), (1, 100.0), (3, 100.0)] {
        let mut busy = Shared::capture(&playground_session(), None);
        for i in 0..producers {
            busy.log.push((
                busy.at,
                Command::CreateProducer {
                    client_id: format!("auto-{i}"),
                    config: ProducerConfig::default(),
                }
                .into(),
            ));
            busy.log.push((
                busy.at,
                Command::SetAutoProduce {
                    producer: 2 + i,
                    auto: Some(AutoProduce {
                        topic: "orders".into(),
                        records_per_sec: rate,
                        keys: KeyPattern::None,
                    }),
                }
                .into(),
            ));
        }
        busy.at = MAX_AT_MS;
        measure(
            &format!("{producers} auto-producer(s) at {rate}/s, 1 h"),
            &busy,
        );
        if producers == 3 && rate == 100.0 {
            let session = Shared {
                at: busy.log.last().unwrap().0,
                ..busy.clone()
            }
            .rebuild()
            .unwrap();
            measure_raw("3 at 100/s, 1 h", session, MAX_AT_MS);
        }
    }
}
