#!/usr/bin/env bash
# 3. Team dashboards and the head of sales' view at scale (Bench Corp: 2,000 reps, 500,000 deals, 5,000,000
# activities).
#
# Usage: bench/dashboards.sh [REQUESTS]   (default 50 per page, after 5 warm-up requests)
#
# One request at a time over loopback, signed in as the one who would look: the manager of Team 0101 (10 reps),
# the director of Region 01 (its 10 teams, 100 reps), the head of sales (the whole organisation, 2,000 reps). Reports
# p50 / p95 / p99 / max of the full response time (server time plus a fraction of a millisecond on loopback).
# Reference, in the same run: the manager's profile page, a signed-in page in the same layout with no data work
# (security, session, layout and rendering: the floor every page pays).
source "$(dirname "$0")/lib.sh"
N=${1:-50}
start_tandem
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
team=$(pg -At -c "select id from people_team where name = 'Team 0101'")
region=$(pg -At -c "select id from people_team where name = 'Region 01'")
sales=$(pg -At -c "select id from people_team where name = 'Bench Sales'")
signin m0101@bench.test "$work/manager"
signin rd01@bench.test "$work/director"
signin head@bench.test "$work/head"
TOKEN=$(token m0101@bench.test)

measure() { # measure LABEL CURL-ARGS...
  local label=$1; shift
  for _ in 1 2 3 4 5; do curl -sf -o /dev/null "$@"; done
  for _ in $(seq "$N"); do curl -sf -o /dev/null -w '%{time_total}\n' "$@"; done | awk '{ print $1 * 1000 }' | percentiles "$label"
}

measure "reference: profile page (no data work)" -b "$work/manager" "$BASE/profile"
measure "team of 10 reps: dashboard page" -b "$work/manager" "$BASE/insight/teams/$team"
measure "team of 10 reps: live part" -b "$work/manager" "$BASE/insight/teams/$team?part=live"
measure "team of 10 reps: summary (JSON API)" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/insight/teams/$team/summary"
measure "region of 100 reps: dashboard page" -b "$work/director" "$BASE/insight/teams/$region"
measure "whole organisation: dashboard page" -b "$work/head" "$BASE/insight/teams/$sales"
measure "whole organisation: teams side by side" -b "$work/head" "$BASE/insight/overview"
measure "whole organisation: forecast" -b "$work/head" "$BASE/forecast/teams/$sales"
