#!/usr/bin/env bash
# Kafka Playground, exported: the same topics, records and consumer groups on a real
# Kafka cluster (the playground ran seed 11 with 1 brokers).
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
kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --topic hostile \
  --partitions 2 --replication-factor 1 \
  --config retention.bytes=32768 \
  --config segment.bytes=4096

# ---- Records published in the playground -----------------------------------
# In the order they were published: one console producer for each run of records to the
# same topic with the same shape (key or not, headers or not). With the default partitioner,
# keyed records land on the same partition as in the playground: both hash the key (murmur2).

# hostile: 4 records with a key
kafka-console-producer.sh --bootstrap-server "$BOOTSTRAP" --topic hostile \
  --producer-property acks=1 \
  --property parse.key=true --property 'key.separator=;' <<'RECORDS'
it's;say "hi" & 'bye'
$(touch pwned);`touch pwned` ${HOME} $(id) \
tab	key;v	with	tabs
Đơn-hàng|1;Cà phê sữa đá — 30.000₫; ghi chú: 'ít đường'
RECORDS

# skipped: a record to hostile (key 'k5'): it contains a line break, and kafka-console-producer.sh reads one record per line.

# skipped: a record to hostile (key 'cr\r'): it contains a line break, and kafka-console-producer.sh reads one record per line.

# skipped: a record to hostile (key 'bin'): it is not UTF-8 text, and kafka-console-producer.sh reads UTF-8 lines.

# hostile: 3 records with a key, 1 tombstone (null value, written as the null.marker)
kafka-console-producer.sh --bootstrap-server "$BOOTSTRAP" --topic hostile \
  --producer-property acks=1 \
  --property parse.key=true --property 'key.separator=<0>' \
  --property 'null.marker=<null>' <<'RECORDS'
k|;~^<0>RECORDS
NULL<0>NULL
gone<0><null>
RECORDS

# hostile: 3 records without a key
kafka-console-producer.sh --bootstrap-server "$BOOTSTRAP" --topic hostile \
  --producer-property acks=1 <<'RECORDS_1'
RECORDS
'; touch pwned; echo '
EOF
RECORDS_1

# hostile: 2 records with a key, with headers
kafka-console-producer.sh --bootstrap-server "$BOOTSTRAP" --topic hostile \
  --producer-property acks=1 \
  --property parse.key=true --property 'key.separator=|' \
  --property parse.headers=true --property 'headers.delimiter=|' \
  --property 'headers.separator=;' --property 'headers.key.separator=~' \
  --property null.marker=NULL <<'RECORDS'
trace:id~a,b;x~\;tiếng-việt~Xin chào	'bạn'|h|\n is not a line break
empty~NULL|h2|v
RECORDS

# hostile: 1 record with a key
# The playground sent 1 of them to a chosen partition (1); the console producer cannot
# choose one, so the partitioner decides here.
kafka-console-producer.sh --bootstrap-server "$BOOTSTRAP" --topic hostile \
  --producer-property acks=1 \
  --property parse.key=true --property 'key.separator=|' <<'RECORDS'
to-p1|explicit partition
RECORDS

# ---- Consumer groups -------------------------------------------------------
# Each console consumer joins the group, prints the records with their keys, and exits once
# no record came for 10 s, committing what it printed.

# Group team's "group"\n$(touch pwned): 1 member in the playground, partition.assignment.strategy=range.
kafka-console-consumer.sh --bootstrap-server "$BOOTSTRAP" --topic hostile \
  --group $'team\'s "group"\x0a$(touch pwned)' --from-beginning \
  --property print.key=true \
  --timeout-ms 10000

# ---- Compare the lag -------------------------------------------------------
# Each group as the playground shows it now, then as Kafka does.

# Group team's "group"\n$(touch pwned) in the playground:
#   TOPIC    PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG
#   hostile  0          6               6               0
#   hostile  1          10              10              0
kafka-consumer-groups.sh --bootstrap-server "$BOOTSTRAP" --describe --group $'team\'s "group"\x0a$(touch pwned)'

# Done.
