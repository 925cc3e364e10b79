#!/usr/bin/env bash
# Reads one record of a Ledgerline topic with kcat (built without Avro support, as Debian ships it) and shows that
# its value carries the Confluent wire framing: a zero byte, then a 4-byte big-endian schema id that the schema
# registry's Confluent-compatible API resolves to the writer's schema.
#   examples/kcat/read-framing.sh <bootstrap> <registry ccompat url> <topic> <partition> <offset>
# e.g. examples/kcat/read-framing.sh 127.0.0.1:9092 http://127.0.0.1:8085/apis/ccompat/v7 ledgerline.queue-events.v1 0 0
# Prints: magic=0 schemaId=<id> schema=<namespace.Name>
set -euo pipefail
bootstrap=$1 ccompat=$2 topic=$3 partition=$4 offset=$5

# -X isolation.level: read only committed records, as every reader of our transactional topics must.
header=$(kcat -b "$bootstrap" -X isolation.level=read_committed -C -t "$topic" -p "$partition" -o "$offset" -c 1 -e \
  -f '%s' | head -c 5 | od -An -tu1)
read -r magic b1 b2 b3 b4 <<<"$header"
id=$(( (b1 << 24) | (b2 << 16) | (b3 << 8) | b4 ))
schema=$(curl -fsS "$ccompat/schemas/ids/$id")
name=$(sed -n 's/.*\\"name\\":\\"\([A-Za-z0-9_]*\)\\",\\"namespace\\":\\"\([A-Za-z0-9_.]*\)\\".*/\2.\1/p' <<<"$schema" | head -n1)
echo "magic=$magic schemaId=$id schema=${name:-?}"
