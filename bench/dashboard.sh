#!/usr/bin/env bash
# Server time of the team dashboard on a running Tandem with the demo organisation.
#
# Usage: bench/dashboard.sh [BASE_URL] [REQUESTS]
#   BASE_URL  defaults to http://localhost:8080 (start Tandem first: ./mvnw spring-boot:run)
#   REQUESTS  defaults to 50 per page, after 5 warm-up requests
#
# Signs in as Brigitte (manager of Inside Sales) and requests, one at a time over loopback, the Inside Sales
# dashboard page, its live part (what a live refresh fetches), the same team's JSON summary and the head of
# sales' overview (as Suzanne). Prints p50 / p95 / p99 / max of the full response time in milliseconds.
source "$(dirname "$0")/demo-lib.sh"

signin brigitte@northwind.demo "$work/brigitte"
signin suzanne@northwind.demo "$work/suzanne"
team=$(curl -s -b "$work/brigitte" -o /dev/null -w '%{redirect_url}' "$BASE/insight" | sed 's#.*/insight/teams/##')
[ -n "$team" ] || { echo "could not find Brigitte's team: is the demo organisation there?"; exit 1; }
bearer=$(token brigitte@northwind.demo)

echo "Tandem at $BASE, team $team, $N requests each"
measure "team dashboard (page)" -b "$work/brigitte" "$BASE/insight/teams/$team"
measure "team dashboard (live part)" -b "$work/brigitte" -H 'HX-Request: true' "$BASE/insight/teams/$team?part=live"
measure "team summary (JSON API)" -H "Authorization: Bearer $bearer" "$BASE/api/v1/insight/teams/$team/summary"
measure "head of sales overview (page)" -b "$work/suzanne" "$BASE/insight/overview"
