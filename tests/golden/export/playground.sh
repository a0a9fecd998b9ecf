#!/usr/bin/env bash
# Kafka Playground, exported: the same topics, records and consumer groups on a real
# Kafka cluster (the playground ran seed 2024 with 3 brokers).
#
# 1. Start the cluster described in compose.yaml:   docker compose up -d
# 2. Get Kafka 3.9.0's command-line tools (bin/ of the download from kafka.apache.org)
#    and run:   KAFKA_HOME=/path/to/kafka bash kafka-playground.sh
#
# Every name and text that came from the playground is single-quoted; records reach
# the console producer through quoted here-documents (<<'RECORDS'), which the shell
# passes on as they are, without expanding anything in them.
set -euo pipefail
if [ -n "${KAFKA_HOME:-}" ]; then PATH="$KAFKA_HOME/bin:$PATH"; fi
BOOTSTRAP="${BOOTSTRAP:-localhost:19092}"

# ---- Topics ----------------------------------------------------------------
# retention.bytes=32768 and segment.bytes=4096 are the playground's small defaults, which keep
# its logs short enough to draw; leave them out to get Kafka's (unlimited, 1 GiB).
kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --topic customers \
  --partitions 2 --replication-factor 3 \
  --config min.insync.replicas=2 \
  --config retention.ms=3600000 \
  --config retention.bytes=32768 \
  --config segment.bytes=4096 \
  --config cleanup.policy=compact
kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --topic orders \
  --partitions 3 --replication-factor 2 \
  --config retention.bytes=32768 \
  --config segment.bytes=4096

# ---- Records published in the playground -----------------------------------
# In the order they were published: one console producer for each run of records to the
# same topic with the same shape (key or not, headers or not). With the default partitioner,
# keyed records land on the same partition as in the playground: both hash the key (murmur2).

# orders: 2 records with a key
kafka-console-producer.sh --bootstrap-server "$BOOTSTRAP" --topic orders \
  --property parse.key=true --property 'key.separator=|' <<'RECORDS'
order-1|42 VND
order-2|17 VND
RECORDS

# orders: 1 record without a key
kafka-console-producer.sh --bootstrap-server "$BOOTSTRAP" --topic orders <<'RECORDS'
hello
RECORDS

# orders: 1 record with a key, with headers
kafka-console-producer.sh --bootstrap-server "$BOOTSTRAP" --topic orders \
  --property parse.key=true --property 'key.separator=|' \
  --property parse.headers=true --property 'headers.delimiter=|' \
  --property headers.separator=, --property headers.key.separator=: <<'RECORDS'
trace-id:abc,source:web|order-3|99 VND
RECORDS

# customers: 2 records with a key, 1 tombstone (null value, written as the null.marker)
kafka-console-producer.sh --bootstrap-server "$BOOTSTRAP" --topic customers \
  --property parse.key=true --property 'key.separator=|' \
  --property null.marker=NULL <<'RECORDS'
c-1|Lan
c-1|NULL
RECORDS

# ---- Consumer groups -------------------------------------------------------
# Each console consumer joins the group, prints the records with their keys, and exits once
# no record came for 10 s, committing what it printed.

# Group audit: 1 member in the playground, partition.assignment.strategy=roundrobin.
kafka-console-consumer.sh --bootstrap-server "$BOOTSTRAP" --topic customers \
  --group audit --from-beginning \
  --consumer-property partition.assignment.strategy=org.apache.kafka.clients.consumer.RoundRobinAssignor \
  --property print.key=true \
  --timeout-ms 10000
kafka-console-consumer.sh --bootstrap-server "$BOOTSTRAP" --topic orders \
  --group audit --from-beginning \
  --consumer-property partition.assignment.strategy=org.apache.kafka.clients.consumer.RoundRobinAssignor \
  --property print.key=true \
  --timeout-ms 10000

# Group payments: 0 members in the playground, partition.assignment.strategy=range.
kafka-console-consumer.sh --bootstrap-server "$BOOTSTRAP" --topic orders \
  --group payments --from-beginning \
  --property print.key=true \
  --timeout-ms 10000

# ---- Offset resets ---------------------------------------------------------
# As in the playground, a group's offsets can only be reset while it has no member (the
# consumers above have exited).
kafka-consumer-groups.sh --bootstrap-server "$BOOTSTRAP" --group payments \
  --reset-offsets --to-earliest --topic orders --execute

# ---- Compare the lag -------------------------------------------------------
# Each group as the playground shows it now, then as Kafka does.

# Group audit in the playground:
#   TOPIC      PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG
#   customers  0          -               0               -
#   customers  1          -               2               -
#   orders     0          -               3               -
#   orders     1          -               1               -
#   orders     2          -               0               -
kafka-consumer-groups.sh --bootstrap-server "$BOOTSTRAP" --describe --group audit

# Group payments in the playground:
#   TOPIC   PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG
#   orders  0          0               3               3
#   orders  1          0               1               1
#   orders  2          0               0               0
kafka-consumer-groups.sh --bootstrap-server "$BOOTSTRAP" --describe --group payments

# Done.
