#!/usr/bin/env bash
# Keeps one service running: starts the command, and starts it again whenever it exits (a crash, kill -9, an
# OutOfMemoryError with -XX:+ExitOnOutOfMemoryError), until the supervisor itself is told to stop (TERM or INT).
# The first restart comes at once; a service that keeps dying waits longer each time (up to 30 s), and one that
# lived for ten seconds starts again at once next time.
#
#   supervise.sh <name> <child pid file> -- <command...>
set -u
name=$1 pidfile=$2
shift 3
stopping=0 child=0 backoff_ms=100
trap 'stopping=1; ((child > 0)) && kill -TERM "$child" 2>/dev/null' TERM INT

while :; do
  started=$SECONDS
  "$@" &
  child=$!
  printf '%s\n' "$child" >"$pidfile"
  # wait returns early when a trapped signal arrives: keep waiting until the child has really gone
  rc=0
  while kill -0 "$child" 2>/dev/null; do
    wait "$child"
    rc=$?
  done
  ((stopping)) && break
  lived=$((SECONDS - started))
  ((lived >= 10)) && backoff_ms=100
  printf '%s supervise: %s exited with status %d after %d s; starting it again in %d ms\n' \
    "$(date '+%F %T')" "$name" "$rc" "$lived" "$backoff_ms"
  sleep "$(printf '%d.%03d' $((backoff_ms / 1000)) $((backoff_ms % 1000)))"
  backoff_ms=$((backoff_ms * 2 > 30000 ? 30000 : backoff_ms * 2))
done
rm -f "$pidfile"
