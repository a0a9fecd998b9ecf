use super::*;
use std::collections::HashMap;

fn parse(kind: &str, fields: &[(&str, &str)]) -> Option<HostMessage> {
    let map: HashMap<String, String> = fields
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    HostMessage::parse(kind, |name| map.get(name).cloned())
}

#[test]
fn embed_options_default_to_minimal_autoplay_and_tolerate_nonsense() {
    assert_eq!(Embed::from_params(None, Some("full"), None), None);
    assert_eq!(Embed::from_params(Some("0"), None, None), None);
    let e = Embed::from_params(Some("1"), None, None).unwrap();
    assert_eq!((e.controls, e.autoplay), (Controls::Minimal, true));
    let e = Embed::from_params(Some("1"), Some("full"), Some("0")).unwrap();
    assert_eq!((e.controls, e.autoplay), (Controls::Full, false));
    let e = Embed::from_params(Some("true"), Some("<script>"), Some("maybe")).unwrap();
    assert_eq!((e.controls, e.autoplay), (Controls::Minimal, true));
}

#[test]
fn known_messages_parse() {
    assert_eq!(
        parse("kafka-playground:reset", &[]),
        Some(HostMessage::Reset)
    );
    assert_eq!(
        parse("kafka-playground:pause", &[]),
        Some(HostMessage::Pause)
    );
    assert_eq!(
        parse("kafka-playground:set-lang", &[("lang", "vi-VN")]),
        Some(HostMessage::SetLang(Lang::Vi))
    );
    assert_eq!(
        parse(
            "kafka-playground:publish",
            &[
                ("topic", "orders"),
                ("key", "order-1"),
                ("value", "1× sách")
            ]
        ),
        Some(HostMessage::Publish {
            topic: "orders".into(),
            key: Some("order-1".into()),
            value: "1× sách".into()
        })
    );
    assert_eq!(
        parse(
            "kafka-playground:publish",
            &[("topic", "orders"), ("key", ""), ("value", "v")]
        ),
        Some(HostMessage::Publish {
            topic: "orders".into(),
            key: None,
            value: "v".into()
        })
    );
}

#[test]
fn anything_else_is_ignored() {
    let long = "x".repeat(MAX_TEXT + 1);
    for (kind, fields) in [
        ("reset", vec![]),
        ("other-app:reset", vec![]),
        ("kafka-playground:", vec![]),
        ("kafka-playground:explode", vec![]),
        ("KAFKA-PLAYGROUND:reset", vec![]),
        ("kafka-playground:set-lang", vec![("lang", "fr")]),
        ("kafka-playground:set-lang", vec![]),
        ("kafka-playground:publish", vec![("value", "v")]),
        (
            "kafka-playground:publish",
            vec![("topic", ""), ("value", "v")],
        ),
        ("kafka-playground:publish", vec![("topic", "orders")]),
        (
            "kafka-playground:publish",
            vec![("topic", "orders"), ("value", long.as_str())],
        ),
        (
            "kafka-playground:publish",
            vec![("topic", "orders"), ("key", long.as_str()), ("value", "v")],
        ),
    ] {
        assert_eq!(parse(kind, &fields), None, "{kind} {fields:?}");
    }
}
