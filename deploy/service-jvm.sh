#!/usr/bin/env bash
# Starts one service's JVM with a class cache, so that a restart (after a crash, under the supervisor) is quick.
#   service-jvm.sh <java major version> <cache file without extension> <jar> [java options...]
# JDK 25 and newer: an AOT cache (JEP 483/514), written by a run that exits cleanly and used by every later start;
# a cache older than the jar belongs to another build and is dropped. Older JDKs: a dynamic CDS archive, which the
# JVM itself keeps in step with the jar. Either way the choice is made at each start, not once per supervisor; the
# caller gives the JDK's version, so a restart does not pay for a second JVM start to ask it.
set -u
major=$1 cache=$2 jar=$3
shift 3
if ((major >= 25)); then
  [[ -f "$cache.aot" && "$jar" -nt "$cache.aot" ]] && rm -f "$cache.aot"
  # The training run records classes only, not method profiles: with profiles, Temurin 25.0.3 crashed at exit in
  # MethodTrainingData::cleanup after long runs (hs_err), leaving no cache. Classes are most of the start-up gain.
  if [[ -f "$cache.aot" ]]; then
    opts=(-XX:AOTCache="$cache.aot")
  else
    opts=(-XX:AOTCacheOutput="$cache.aot" -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining)
  fi
else
  opts=(-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$cache.jsa")
fi
exec java "${opts[@]}" "$@" -jar "$jar"
