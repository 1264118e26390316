#!/usr/bin/env bash
# 5. Start-up time and resident memory of Tandem as shipped: the packaged jar with its embedded PostgreSQL and the
# demo organisations, default settings.
#
# Usage: bench/startup.sh [LOAD_SECONDS]   (default 60)
#
# First start: a fresh data directory (PostgreSQL unpacked and initialised, schema migrated, demo organisations
# created) until ready (/actuator/health/readiness answers 200, after start-up work). Restart: stop (SIGTERM), start
# again on the same data. Memory: the Java process plus every PostgreSQL process of its data directory, as the sum of
# their proportional set sizes (a shared page counted once in all), after a minute idle, and the highest seen while
# four clients keep requesting the Inside Sales dashboard.
BASE=http://localhost:8091
source "$(dirname "$0")/lib.sh"
LOAD_SECONDS=${1:-60}
URL=$BASE
jar_workspace

launch() { # the seconds from start to ready; as shipped: no JVM options
  local t0 t1
  t0=$(date +%s.%N)
  start_jar ""
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}
stop() { stop_jar; }
memory() { pss_mb "$(cat "$DIR/pid")" "$DIR/data"; }

first=$(launch)
printf "first start (fresh data directory, demo organisations created): %.1f s to ready\n" "$first"
stop
restart=$(launch)
printf "restart: %.1f s to ready\n" "$restart"
grep -a 'Started TandemApplication' "$DIR/out.log" | sed 's/.*Started/  Spring reports: Started/'
sleep 60
printf "idle, a minute after start: %s MB (JVM resident %s MB)\n" "$(memory)" \
  "$(rss_mb "$(cat "$DIR/pid")")"

jar=$DIR/cookies
csrf=$(curl -s -c "$jar" -b "$jar" "$URL/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -c "$jar" -b "$jar" -o /dev/null -d "username=brigitte@northwind.demo&password=demo&_csrf=$csrf" "$URL/login"
team=$(curl -s -b "$jar" -o /dev/null -w '%{redirect_url}' "$URL/insight" | sed 's/.*teams\///')
end=$(( $(date +%s) + LOAD_SECONDS ))
for _ in 1 2 3 4; do
  ( while [ "$(date +%s)" -lt "$end" ]; do curl -s -o /dev/null -b "$jar" "$URL/insight/teams/$team"; done ) &
done
peak=0
while [ "$(date +%s)" -lt "$end" ]; do
  m=$(memory); [ "$m" -gt "$peak" ] && peak=$m
  sleep 1
done
wait
printf "under load (4 clients on the team dashboard for %d s): peak %s MB\n" "$LOAD_SECONDS" "$peak"
