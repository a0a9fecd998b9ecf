//! `compose.yaml`: a KRaft cluster with as many nodes as the playground has brokers, each node
//! both broker and controller, from the official `apache/kafka` image.
//!
//! Follows the image's own multi-node example, apache/kafka
//! `docker/examples/docker-compose-files/cluster/combined/plaintext/docker-compose.yml`, and
//! `docker/examples/README.md` (environment variables: a server property `a.b` is
//! `KAFKA_A_B`; `CLUSTER_ID` formats the storage; `KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR`
//! must be set below 3 on fewer than 3 nodes). As there, containers reach each other on the
//! PLAINTEXT listener by hostname, and the host reaches every broker on its own port through
//! a second listener (here EXTERNAL) advertised as `localhost:<port>`.

use super::{FIRST_EXTERNAL_PORT, KAFKA_IMAGE};
use kafka_model::{Cluster, ControllerMode};

/// Port of the PLAINTEXT listener inside the compose network (brokers and tools in containers).
const INTERNAL_PORT: u16 = 9092;
/// Port of the CONTROLLER listener (KRaft's quorum).
const CONTROLLER_PORT: u16 = 9093;

/// A KRaft cluster id: 16 bytes in URL-safe base64 without padding (22 characters), as
/// `kafka-storage.sh random-uuid` prints. Derived from the seed so the file is reproducible;
/// the first character is kept a letter so no tool mistakes the id for an option.
pub fn cluster_id(seed: u64) -> String {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&splitmix64(seed).to_be_bytes());
    bytes[8..].copy_from_slice(&splitmix64(seed ^ 0x9E37_79B9_7F4A_7C15).to_be_bytes());
    bytes[0] &= 0x7f;
    base64_url(&bytes)
}

fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn base64_url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

pub(super) fn compose(cluster: &Cluster) -> String {
    let ids: Vec<u32> = cluster.brokers().map(|b| b.id).collect();
    let n = ids.len();
    let voters: Vec<String> = ids
        .iter()
        .map(|id| format!("{id}@kafka-{id}:{CONTROLLER_PORT}"))
        .collect();
    let voters = voters.join(",");
    let replication = n.min(3);
    let min_isr = n.min(2);
    let cluster_id = cluster_id(cluster.seed());
    let ports: Vec<String> = (0..n)
        .map(|i| format!("localhost:{}", usize::from(FIRST_EXTERNAL_PORT) + i))
        .collect();

    let mut y = String::new();
    let mut line = |l: &str| {
        y.push_str(l);
        y.push('\n');
    };
    line(&format!(
        "# Kafka Playground, exported: a {n}-node Kafka cluster in KRaft mode, like the playground's."
    ));
    line("# Every node is both broker and controller (\"combined\" mode), as in the apache/kafka");
    line("# image's example docker/examples/docker-compose-files/cluster/combined/plaintext in");
    line("# github.com/apache/kafka; the variables are described in docker/examples/README.md there.");
    line("#");
    line(
        "#   docker compose up -d      start it (wait a few seconds for the controllers to elect)",
    );
    line("#   docker compose down       stop it and delete its data");
    line("#");
    line(&format!(
        "# From this computer, clients bootstrap from {} (any one will do).",
        ports.join(", ")
    ));
    line(&format!(
        "# Inside the compose network, brokers talk on PLAINTEXT (kafka-<id>:{INTERNAL_PORT}) and the"
    ));
    line(&format!(
        "# controllers' quorum on CONTROLLER (port {CONTROLLER_PORT})."
    ));
    if n < 3 {
        line(&format!(
            "# With {n} node{}, internal topics get replication factor {replication}: fine for learning, not for",
            if n == 1 { "" } else { "s" }
        ));
        line("# production.");
    }
    if n == 2 {
        line(
            "# Two controllers need both for a quorum: stopping either one stops metadata changes.",
        );
    }
    if cluster.controller_state().mode == ControllerMode::ZooKeeper {
        line("# The playground was in ZooKeeper mode; this cluster runs KRaft, the only mode since Kafka 4.0.");
    }
    let down: Vec<String> = cluster
        .brokers()
        .filter(|b| !b.alive)
        .map(|b| format!("kafka-{}", b.id))
        .collect();
    if !down.is_empty() {
        line(&format!(
            "# Down in the playground: {} — to do the same:  docker compose stop {}",
            down.join(", "),
            down.join(" ")
        ));
    }
    line("services:");
    for (i, id) in ids.iter().enumerate() {
        let external = usize::from(FIRST_EXTERNAL_PORT) + i;
        line(&format!("  kafka-{id}:"));
        line(&format!("    image: {KAFKA_IMAGE}"));
        line(&format!("    hostname: kafka-{id}"));
        line("    ports:");
        line(&format!("      - \"{external}:{external}\""));
        line("    environment:");
        let env: Vec<(&str, String)> = vec![
            ("KAFKA_NODE_ID", id.to_string()),
            ("KAFKA_PROCESS_ROLES", "'broker,controller'".into()),
            ("KAFKA_CONTROLLER_QUORUM_VOTERS", format!("'{voters}'")),
            (
                "KAFKA_LISTENERS",
                format!("'PLAINTEXT://:{INTERNAL_PORT},CONTROLLER://:{CONTROLLER_PORT},EXTERNAL://:{external}'"),
            ),
            (
                "KAFKA_ADVERTISED_LISTENERS",
                format!("'PLAINTEXT://kafka-{id}:{INTERNAL_PORT},EXTERNAL://localhost:{external}'"),
            ),
            (
                "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
                "'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,EXTERNAL:PLAINTEXT'".into(),
            ),
            ("KAFKA_CONTROLLER_LISTENER_NAMES", "'CONTROLLER'".into()),
            ("KAFKA_INTER_BROKER_LISTENER_NAME", "'PLAINTEXT'".into()),
            ("CLUSTER_ID", format!("'{cluster_id}'")),
            ("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", replication.to_string()),
            (
                "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                replication.to_string(),
            ),
            ("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", min_isr.to_string()),
            ("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0".into()),
            ("KAFKA_LOG_DIRS", "'/tmp/kraft-combined-logs'".into()),
        ];
        for (name, value) in env {
            line(&format!("      {name}: {value}"));
        }
        if !cluster.auto_leader_rebalance() {
            line("      KAFKA_AUTO_LEADER_REBALANCE_ENABLE: 'false'");
        }
    }
    y
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cluster_ids_are_22_url_safe_characters_starting_with_a_letter() {
        for seed in [0, 1, 2024, u64::MAX] {
            let id = cluster_id(seed);
            assert_eq!(id.len(), 22, "{id}");
            assert!(id.chars().next().unwrap().is_ascii_alphabetic(), "{id}");
            assert!(id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        }
        assert_ne!(cluster_id(1), cluster_id(2));
        // RFC 4648 test vectors, URL-safe alphabet, no padding.
        assert_eq!(base64_url(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64_url(b"fooba"), "Zm9vYmE");
        assert_eq!(base64_url(b"foob"), "Zm9vYg");
        assert_eq!(base64_url(&[0xfb, 0xff]), "-_8");
    }
}
