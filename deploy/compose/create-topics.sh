#!/bin/bash
# Creates the topic catalogue (deploy/kafka/topics.conf), plain and with the test. prefix, in docker-compose.
# Runs in the apache/kafka image: KAFKA_BOOTSTRAP (default kafka:19092).
set -euo pipefail
BOOTSTRAP=${KAFKA_BOOTSTRAP:-kafka:19092}
CATALOGUE=${TOPICS_CATALOGUE:-/ledgerline/topics.conf}
for prefix in "" "test."; do
  while read -r name partitions configs; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    args=()
    for c in $configs; do args+=(--config "$c"); done
    /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
      --topic "$prefix$name" --partitions "$partitions" --replication-factor 1 "${args[@]}"
  done <"$CATALOGUE"
done
/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --list
