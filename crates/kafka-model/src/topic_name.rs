//! Which topic names Kafka accepts, and which names collide.
//!
//! Sources: `clients/src/main/java/org/apache/kafka/common/internals/Topic.java`
//! (`detectInvalidTopic`, `hasCollisionChars`, `unifyCollisionChars`, `hasCollision`) and the
//! controller's check in `metadata/src/main/java/org/apache/kafka/controller/ReplicationControlManager.java`.

use std::fmt;

/// The longest topic name Kafka accepts (`Topic.MAX_NAME_LENGTH`). A partition's directory
/// is `<topic>-<partition>`, and 249 leaves room for the suffix within a 255-byte file name.
pub const MAX_NAME_LENGTH: usize = 249;

/// Why a topic name is refused. Variants are in the order Kafka checks them, so a name is
/// reported for the first rule it breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TopicNameError {
    Empty,
    Dot,
    DotDot,
    /// `len` counts UTF-16 units, as Java's `String.length()` does.
    TooLong {
        len: usize,
    },
    IllegalChars {
        name: String,
    },
    /// Valid on its own, but equal to `existing` once '.' and '_' are unified. Kafka refuses
    /// it because per-topic metric names replace '.' with '_', and the two would share one.
    CollidesWith {
        name: String,
        existing: String,
    },
}

/// Kafka's own wording (`Topic.validate` prefixes "Topic name is invalid: ").
impl fmt::Display for TopicNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const PREFIX: &str = "Topic name is invalid: ";
        match self {
            TopicNameError::Empty => write!(f, "{PREFIX}the empty string is not allowed"),
            TopicNameError::Dot => write!(f, "{PREFIX}'.' is not allowed"),
            TopicNameError::DotDot => write!(f, "{PREFIX}'..' is not allowed"),
            TopicNameError::TooLong { len } => write!(
                f,
                "{PREFIX}the length of the name ({len}) is longer than the max allowed length {MAX_NAME_LENGTH}"
            ),
            TopicNameError::IllegalChars { name } => write!(
                f,
                "{PREFIX}'{name}' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'"
            ),
            TopicNameError::CollidesWith { name, existing } => {
                write!(f, "Topic '{name}' collides with existing topic: {existing}")
            }
        }
    }
}

impl std::error::Error for TopicNameError {}

/// Checks a name the way `Topic.validate` does: empty, ".", "..", too long, then illegal
/// characters. Only `[a-zA-Z0-9._-]` is legal, so "..." is a valid name.
pub fn validate(name: &str) -> Result<(), TopicNameError> {
    if name.is_empty() {
        return Err(TopicNameError::Empty);
    }
    if name == "." {
        return Err(TopicNameError::Dot);
    }
    if name == ".." {
        return Err(TopicNameError::DotDot);
    }
    let len = name.encode_utf16().count();
    if len > MAX_NAME_LENGTH {
        return Err(TopicNameError::TooLong { len });
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        return Err(TopicNameError::IllegalChars {
            name: name.to_string(),
        });
    }
    Ok(())
}

/// Whether the name contains '.' or '_', the characters that may collide in metric names.
/// Kafka's tools warn about such names ("To avoid issues it is best to use either, but not both").
pub fn has_collision_chars(name: &str) -> bool {
    name.contains(['.', '_'])
}

/// The form in which '.' and '_' are the same (Kafka replaces '.' with '_'). Used only to
/// detect collisions, never to rename a topic.
pub fn unify_collision_chars(name: &str) -> String {
    name.replace('.', "_")
}

/// The existing topic that `name` collides with: a different name with the same unified
/// form. When several do, the smallest name is returned so the answer is deterministic.
/// An existing topic of exactly the same name is not a collision (it "already exists").
pub fn find_collision<'a>(
    name: &str,
    existing: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let unified = unify_collision_chars(name);
    existing
        .into_iter()
        .filter(|other| *other != name && unify_collision_chars(other) == unified)
        .min()
}

/// What the controller checks before creating a topic: a valid name that collides with no
/// existing topic (whether the exact name already exists is the caller's question).
pub fn validate_new_topic<'a>(
    name: &str,
    existing: impl IntoIterator<Item = &'a str>,
) -> Result<(), TopicNameError> {
    validate(name)?;
    match find_collision(name, existing) {
        Some(other) => Err(TopicNameError::CollidesWith {
            name: name.to_string(),
            existing: other.to_string(),
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `TopicTest.shouldAcceptValidTopicNames`
    /// (clients/src/test/java/org/apache/kafka/common/internals/TopicTest.java).
    #[test]
    fn accepts_kafkas_valid_names() {
        let max_length = "x".repeat(249);
        for name in [
            "valid",
            "TOPIC",
            "nAmEs",
            "ar6",
            "VaL1d",
            "_0-9_.",
            "...",
            max_length.as_str(),
        ] {
            assert_eq!(validate(name), Ok(()), "{name}");
        }
    }

    /// `TopicTest.shouldThrowOnInvalidTopicNames`.
    #[test]
    fn refuses_kafkas_invalid_names() {
        let long = "a".repeat(250);
        for name in [
            "",
            "foo bar",
            "..",
            "foo:bar",
            "foo=bar",
            ".",
            long.as_str(),
        ] {
            assert!(validate(name).is_err(), "{name:?}");
        }
    }

    /// `TopicTest.shouldRecognizeInvalidCharactersInTopicNames`.
    #[test]
    fn recognizes_each_illegal_character() {
        for c in [
            '/', '\\', ',', '\u{0000}', ':', '"', '\'', ';', '*', '?', ' ', '\t', '\r', '\n', '=',
        ] {
            let name = format!("Is {c}illegal");
            assert_eq!(
                validate(&name),
                Err(TopicNameError::IllegalChars { name: name.clone() })
            );
        }
    }

    #[test]
    fn checks_run_in_kafkas_order() {
        assert_eq!(validate(""), Err(TopicNameError::Empty));
        assert_eq!(validate("."), Err(TopicNameError::Dot));
        assert_eq!(validate(".."), Err(TopicNameError::DotDot));
        // A 250-character name with a bad character is reported as too long.
        let long_and_bad = format!("{} ", "a".repeat(249));
        assert_eq!(
            validate(&long_and_bad),
            Err(TopicNameError::TooLong { len: 250 })
        );
    }

    #[test]
    fn length_counts_utf16_units_like_java() {
        // 200 'é' are 400 UTF-8 bytes but 200 Java chars: Kafka reports the character, not the length.
        let name = "é".repeat(200);
        assert_eq!(
            validate(&name),
            Err(TopicNameError::IllegalChars { name: name.clone() })
        );
    }

    #[test]
    fn messages_follow_kafkas_wording() {
        assert_eq!(
            TopicNameError::DotDot.to_string(),
            "Topic name is invalid: '..' is not allowed"
        );
        assert_eq!(
            TopicNameError::Empty.to_string(),
            "Topic name is invalid: the empty string is not allowed"
        );
        assert_eq!(
            TopicNameError::IllegalChars { name: "foo bar".into() }.to_string(),
            "Topic name is invalid: 'foo bar' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'"
        );
        assert!(TopicNameError::TooLong { len: 250 }
            .to_string()
            .contains("249"));
    }

    /// `TopicTest.testTopicHasCollisionChars`.
    #[test]
    fn detects_collision_chars() {
        for name in ["start", "end", "middle", "many"] {
            assert!(!has_collision_chars(name), "{name}");
        }
        for name in [
            ".start", "end.", "mid.dle", ".ma.ny.", "_start", "end_", "mid_dle", "_ma_ny.",
        ] {
            assert!(has_collision_chars(name), "{name}");
        }
    }

    /// `TopicTest.testTopicHasCollision`: '.' and '_' collide only in the same position.
    #[test]
    fn periods_and_underscores_collide_only_in_the_same_position() {
        let periods = [".topic", "to.pic", "topic.", "topic"];
        let underscores = ["_topic", "to_pic", "topic_", "topic"];
        for (p, u) in periods.iter().zip(underscores.iter()) {
            assert_eq!(unify_collision_chars(p), unify_collision_chars(u));
        }
        for (p, u) in periods.iter().zip(underscores.iter().rev()) {
            assert_ne!(
                unify_collision_chars(p),
                unify_collision_chars(u),
                "{p} {u}"
            );
        }
    }

    #[test]
    fn finds_the_existing_topic_a_new_name_collides_with() {
        let existing = ["orders", "foo_bar", "payments"];
        assert_eq!(find_collision("foo.bar", existing), Some("foo_bar"));
        assert_eq!(
            find_collision("foo_bar", existing),
            None,
            "the same name exists, it does not collide"
        );
        assert_eq!(find_collision("foo-bar", existing), None);
        assert_eq!(find_collision("a.b", ["a_b", "a.b", "a_b2"]), Some("a_b"));
    }

    #[test]
    fn new_topic_check_reports_invalid_name_before_collision() {
        assert_eq!(
            validate_new_topic("..", ["__"]),
            Err(TopicNameError::DotDot)
        );
        assert_eq!(
            validate_new_topic("s03_audit", ["s03.audit"]),
            Err(TopicNameError::CollidesWith {
                name: "s03_audit".into(),
                existing: "s03.audit".into()
            })
        );
        assert_eq!(
            validate_new_topic("s03_audit", ["s03.audit"])
                .unwrap_err()
                .to_string(),
            "Topic 's03_audit' collides with existing topic: s03.audit"
        );
        assert_eq!(validate_new_topic("fresh", ["s03.audit"]), Ok(()));
    }
}
