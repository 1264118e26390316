#!/usr/bin/env bash
# 7. Fairness between tenants: does one organisation's flood of API requests slow another's?
#
# Usage: bench/fairness.sh [SECONDS]   (default 30 per measurement)
#
# The packaged jar with the demo organisations. A Northwind rep reads her open deals through the API
# (GET /api/v1/deals?limit=20) twenty times a second, one request at a time: the victim, within every limit. Measured
# alone (the reference) and while Zuidwind floods the API with activity POSTs from 32 connections as four of its users
# in turn. Twice: unprotected (rate limits lifted, and as many request slots as requests), then with the shipped
# defaults (per token 500, per organisation 2,000 a 10 s window; twice the processors' request slots shared in turn
# between the organisations waiting), so the difference they make is measured in one run. Prints the victim's
# p50 / p90 / p95, the p90 under flood as a ratio of the p90 alone, and the flood's own throughput.
BASE=http://localhost:8093
source "$(dirname "$0")/lib.sh"
BENCH_PASSWORD=demo
SECONDS_PER=${1:-30}
need wrk wrk
jar_workspace

start() { start_jar -Xmx1g "$@"; }
stop() { stop_jar; }

victim() { # victim LABEL: the Northwind rep's paced reads for SECONDS_PER seconds; prints percentiles, keeps p90
  local end=$(( $(date +%s) + SECONDS_PER ))
  while [ "$(date +%s)" -lt "$end" ]; do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $VICTIM" "$BASE/api/v1/deals?limit=20"
    sleep 0.05
  done > "$DIR/victim"
  local refused
  refused=$(awk '$1 != 200' "$DIR/victim" | wc -l)
  awk '{ print $2 * 1000 }' "$DIR/victim" | percentiles "$1 (non-200: $refused)" | tee -a "$DIR/results"
}

measure() { # measure SETTING-LABEL
  VICTIM=$(token sanne@northwind.demo)
  TOKENS=$(for u in admin manager jan els; do token "$u@zuidwind.demo"; done | paste -sd,); export TOKENS
  for _ in $(seq 50); do curl -s -o /dev/null -H "Authorization: Bearer $VICTIM" "$BASE/api/v1/deals?limit=20"; done
  victim "$1: victim alone"
  wrk --timeout 10s -t2 -c32 -d"$(( SECONDS_PER + 4 ))s" -s bench/soak.lua "$BASE/api/v1/activities" > "$DIR/flood" &
  local flood=$!
  sleep 2
  victim "$1: victim during the flood"
  wait "$flood"
  echo "  the flood: $(grep '^requests' "$DIR/flood")"
}

start --tandem.api.rate-limit.per-token=1000000000 --tandem.api.rate-limit.per-organisation=1000000000 \
  --tandem.api.fair-share.slots=1000
measure "unprotected"
stop
start
measure "shipped defaults"
awk '{ for (i = 1; i <= NF; i++) if ($i == "p90") p[NR] = $(i + 1) }
  END { printf "victim p90 under flood / alone: unprotected %.1f, shipped defaults %.1f\n", p[2] / p[1], p[4] / p[3] }' "$DIR/results"
