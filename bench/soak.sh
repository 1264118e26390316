#!/usr/bin/env bash
# 6. Soak: the packaged jar as the documentation starts it (java -Xmx1g -jar), with the demo organisations, under
# continuous mixed load for ROUNDS rounds of ROUND_SECONDS: two clients POST activities through the API as five
# Inside Sales reps in turn while two clients request the Inside Sales dashboard as its manager. After every round:
# each load's throughput and p95, the JVM's resident set, its heap after a full collection (the live data) and the
# sum of the PSS of the JVM and its PostgreSQL. The reference is the second round of the same run (the first warms the
# JIT up): the last round's p95 as a ratio of it shows whether the process slowed as it ran, the resident set whether
# it stayed within the heap limit plus the JVM's own overhead.
#
# Usage: bench/soak.sh [ROUNDS] [ROUND_SECONDS]   (default 10 rounds of 60 s; SOAK_HEAP=1g)
BASE=http://localhost:8092
source "$(dirname "$0")/lib.sh"
BENCH_PASSWORD=demo
ROUNDS=${1:-10}
ROUND_SECONDS=${2:-60}
HEAP=${SOAK_HEAP:-1g}
need wrk wrk
jar_workspace

# The API's rate limits are lifted: this measures memory and steadiness, not the limits (bench/fairness.sh does).
start_jar "-Xmx$HEAP" --tandem.api.rate-limit.per-token=1000000000 --tandem.api.rate-limit.per-organisation=1000000000
PID=$(cat "$DIR/pid")

TOKENS=$(for r in sanne daan emma liam julia; do token "$r@northwind.demo"; done | paste -sd,); export TOKENS
signin brigitte@northwind.demo "$DIR/cookies"
SESSION=$(awk '$6 == "TANDEM_SESSION" { print $7 }' "$DIR/cookies")
TEAM=$(curl -s -b "$DIR/cookies" -o /dev/null -w '%{redirect_url}' "$BASE/insight" | sed 's/.*teams\///')
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: TANDEM_SESSION=$SESSION" "$BASE/insight/teams/$TEAM")
[ "$status" = 200 ] || { echo "the team dashboard answered $status for team '$TEAM'; see $DIR/out.log" >&2; exit 1; }

# On a first start PostgreSQL has no statistics yet for the demo's freshly loaded tables, and the first dashboards
# take seconds, until its autovacuum has analysed them (within a minute or two). The soak measures the steady state:
# it waits for that, and says how long it took.
waited=0
until [ "$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: TANDEM_SESSION=$SESSION" "$BASE/insight/teams/$TEAM" \
  | awk '{ print ($1 < 1) }')" = 1 ] || [ "$waited" -ge 300 ]; do sleep 5; waited=$((waited + 5)); done
echo "the team dashboard answered within 1 s after ${waited} s of waiting"

heap_live_mb() { # heap in use right after a full collection: what the process really keeps
  jcmd "$PID" GC.run >/dev/null 2>&1
  jcmd "$PID" GC.heap_info 2>/dev/null | awk '/ used / || / used$/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); print int(v / 1024); exit } }'
}

echo "heap limit $HEAP; $ROUNDS rounds of $ROUND_SECONDS s"
echo "round  writes/s  write p95 ms  reads/s  read p95 ms  non-2xx  JVM RSS MB  heap live MB  PSS MB (with PostgreSQL)"
for round in $(seq "$ROUNDS"); do
  wrk --timeout 10s -t1 -c2 -d"${ROUND_SECONDS}s" -s bench/soak.lua "$BASE/api/v1/activities" > "$DIR/writes" &
  writer=$!
  TOKENS= wrk --timeout 10s -t1 -c2 -d"${ROUND_SECONDS}s" -s bench/soak.lua -H "Cookie: TANDEM_SESSION=$SESSION" \
    "$BASE/insight/teams/$TEAM" > "$DIR/reads"
  wait "$writer"
  w=$(grep '^requests' "$DIR/writes"); r=$(grep '^requests' "$DIR/reads")
  rss=$(rss_mb "$PID"); pss=$(pss_mb "$PID" "$DIR/data"); live=$(heap_live_mb)
  printf "%5d  %8.0f  %12.1f  %7.0f  %11.1f  %7d  %10s  %12s  %s\n" "$round" \
    "$(echo "$w" | awk '{ print $6 }')" "$(echo "$w" | awk '{ print $12 }')" \
    "$(echo "$r" | awk '{ print $6 }')" "$(echo "$r" | awk '{ print $12 }')" \
    "$(( $(echo "$w" | awk '{ print $4 }') + $(echo "$r" | awk '{ print $4 }') ))" "$rss" "$live" "$pss" | tee -a "$DIR/rounds"
done
awk 'NR == 2 { w = $3; r = $5 } END { printf "last round against round 2: write p95 %.2f, read p95 %.2f\n", $3 / w, $5 / r }' "$DIR/rounds"
grep -c 'OutOfMemoryError' "$DIR/out.log" | awk '{ print "OutOfMemoryError in the log: " $1 }'
