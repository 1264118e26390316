#!/usr/bin/env bash
# 4. Live latency: from an activity POST to the server-sent event at a connected client, p50 / p95.
#
# Usage: bench/live.sh [SAMPLES]   (default 100)
#
# The manager of Team 0101 watches the team's stream (/live, what the dashboard listens to); a rep of the team logs
# a call through the API. The time is taken from just before the POST to the event's arrival, so it includes the
# request itself, the commit, PostgreSQL NOTIFY, the relay and its coalescing window (tandem.live.flush-interval). The
# reference is the POST's own round trip in the same run.
source "$(dirname "$0")/lib.sh"
SAMPLES=${1:-100}
start_tandem
team=$(pg -At -c "select id from people_team where name = 'Team 0101'")
samples=$(python3 bench/live.py "$BASE" m0101@bench.test "$(token r010102@bench.test)" "$team" "$SAMPLES" "$BENCH_PASSWORD")
echo "$samples" | awk '{ print $1 }' | percentiles "activity POST to SSE event at the manager"
echo "$samples" | awk '{ print $2 }' | percentiles "reference: the POST alone (until its 201)"
