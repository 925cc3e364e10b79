#!/usr/bin/env bash
# Demo workload for ./ledgerline up: a clinic queue (tickets A-001, A-002, ..., weighted fair order between the
# priority classes, with aging) where patients join every ~0.7 s and
# are called every ~1.5 s to one of four desks (each called patient is completed ~1 s later). Keeps the waiting count
# roughly between 10 and 30.
#   deploy/demo.sh [queueId] [command service url] [projection service url]
# with LEDGERLINE_TOKEN an operator's (or admin's) token: ./ledgerline up issues one for it.
# 409 answers (empty queue, duplicate, ...) are part of normal life and only logged.
set -uo pipefail

QUEUE=${1:-demo-clinic}
COMMAND_URL=${2:-http://127.0.0.1:8081}
PROJECTION_URL=${3:-http://127.0.0.1:8082}

JOIN_EVERY=0.7
CALL_EVERY=1.5
COMPLETE_AFTER=1.0
HIGH_WATER=30   # stop joining at this many waiting ...
LOW_WATER=15    # ... and start again below this
MIN_WAITING_TO_CALL=10

log() { printf '%s %s\n' "$(date '+%T')" "$*"; }

# send <method> <path> [json] -> prints "<status> <body>"
send() {
  local out
  out=$(curl -sS --max-time 5 -X "$1" -H 'Content-Type: application/json' -H "Authorization: Bearer ${LEDGERLINE_TOKEN:-}" ${3:+--data "$3"} \
    -w '\n%{http_code}' "$COMMAND_URL$2" 2>&1) || { printf '000 %s' "${out//$'\n'/ }"; return 0; }
  printf '%s %s' "${out##*$'\n'}" "${out%$'\n'*}"
}
post() { send POST "$@"; }

json_field() { # <field> <json> -> string or number value
  sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\{0,1\}\([^\",}]*\)\"\{0,1\}.*/\1/p" <<<"$2" | head -n1
}

random_priority() {
  local r=$((RANDOM % 100))
  if ((r < 5)); then echo URGENT
  elif ((r < 17)); then echo HIGH
  elif ((r < 87)); then echo NORMAL
  else echo LOW
  fi
}

# waiting count: from the projection if it answers, else our own bookkeeping
local_waiting=0
waiting_count() {
  local body n
  body=$(curl -fsS --max-time 0.5 -H "Authorization: Bearer ${LEDGERLINE_TOKEN:-}" "$PROJECTION_URL/queues/$QUEUE" 2>/dev/null) || { echo "$local_waiting"; return; }
  n=$(json_field waitingCount "$body")
  [[ "$n" =~ ^[0-9]+$ ]] && echo "$n" || echo "$local_waiting"
}

ms_now() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }
ms() { awk -v s="$1" 'BEGIN { printf "%d", s * 1000 }'; }

# Weighted fair order: out of every 15 calls while all classes wait, 8 URGENT, 4 HIGH, 2 NORMAL, 1 LOW, and a LOW
# patient waiting a minute becomes NORMAL (an EntryPromoted event).
SETTINGS='{"tags":["clinic","demo"],"ticketPrefix":"A","serviceTime":"PT1S",
  "ordering":{"weights":{"URGENT":8,"HIGH":4,"NORMAL":2,"LOW":1},"agingLimits":{"LOW":"PT1M"}}}'

create_queue() {
  local r
  while true; do
    r=$(post /queues "{\"queueId\":\"$QUEUE\",\"name\":\"Demo clinic\",\"capacity\":200,\"settings\":$SETTINGS}")
    case ${r%% *} in
      200 | 201) log "created queue $QUEUE"; return ;;
      409)
        r=$(send PUT "/queues/$QUEUE" "{\"name\":\"Demo clinic\",\"capacity\":200,\"settings\":$SETTINGS}")
        log "queue $QUEUE already exists; settings: ${r%% *}"; return ;;
      *) log "create queue: $r (retrying in 2 s)"; sleep 2 ;;
    esac
  done
}

main() {
  trap 'log "demo stopped"; exit 0' TERM INT
  log "demo workload on $QUEUE against $COMMAND_URL"
  create_queue
  local join_ms call_ms complete_ms next_join next_call t waiting joining=1 r entry called="" complete_at=0 patients=0 desk
  join_ms=$(ms "$JOIN_EVERY"); call_ms=$(ms "$CALL_EVERY"); complete_ms=$(ms "$COMPLETE_AFTER")
  t=$(ms_now); next_join=$t; next_call=$((t + call_ms))
  while true; do
    t=$(ms_now)
    if ((t >= next_join)); then
      next_join=$((t + join_ms))
      waiting=$(waiting_count)
      if ((joining && waiting >= HIGH_WATER)); then joining=0; log "waiting=$waiting: pausing arrivals"; fi
      if ((!joining && waiting < LOW_WATER)); then joining=1; log "waiting=$waiting: resuming arrivals"; fi
      if ((joining)); then
        patients=$((patients + 1))
        entry="patient-$(date +%s)-$patients"
        r=$(post "/queues/$QUEUE/entries" "{\"entryId\":\"$entry\",\"priority\":\"$(random_priority)\"}")
        case ${r%% *} in
          200 | 201) local_waiting=$((local_waiting + 1)); log "joined $entry seq=$(json_field sequence "${r#* }") waiting~$((waiting + 1))" ;;
          *) log "join: $r" ;;
        esac
      fi
    fi
    if ((t >= next_call)) && [[ -z "$called" ]]; then
      next_call=$((t + call_ms))
      waiting=$(waiting_count)
      if ((waiting >= MIN_WAITING_TO_CALL)); then
        desk=$((RANDOM % 4 + 1))
        r=$(post "/queues/$QUEUE/call-next" "{\"counter\":\"desk $desk\"}")
        case ${r%% *} in
          200 | 201)
            called=$(json_field entryId "${r#* }"); complete_at=$((t + complete_ms))
            local_waiting=$((local_waiting > 0 ? local_waiting - 1 : 0))
            log "called $(json_field entryNumber "${r#* }") ($called) to desk $desk" ;;
          *) log "call-next: $r" ;;
        esac
      fi
    fi
    if [[ -n "$called" ]] && ((t >= complete_at)); then
      r=$(post "/queues/$QUEUE/entries/$called/complete")
      log "complete $called: ${r%% *}"
      called=""
    fi
    sleep 0.1
  done
}

main
