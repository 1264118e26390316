#!/usr/bin/env bash
# Server time of the coaching pages a manager opens every week, on a running Tandem with the demo organisation.
#
# Usage: bench/coaching.sh [BASE_URL] [REQUESTS]
#   BASE_URL  defaults to http://localhost:8080 (start Tandem first: ./mvnw spring-boot:run)
#   REQUESTS  defaults to 50 per page, after 5 warm-up requests
#
# Signs in as Brigitte (manager of Inside Sales) and requests, one at a time over loopback: her profile page (the
# reference: a signed-in page in the same layout with no data work), her 1:1s, her next 1:1 with Sanne (the rep's
# numbers computed live), a held one (numbers frozen), her help inbox, and as Suzanne the PDF of Brigitte's signed
# review. Prints p50 / p95 / p99 / max of the full response time in milliseconds.
set -euo pipefail
BASE=${1:-http://localhost:8080}
N=${2:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

signin() { # signin EMAIL COOKIEJAR
  local jar=$2 csrf
  csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null -d "username=$1&password=demo&_csrf=$csrf" "$BASE/login"
}

token() { # token EMAIL
  curl -s -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"demo\",\"name\":\"bench $RANDOM\"}" \
    "$BASE/api/v1/auth/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}

measure() { # measure LABEL CURL-ARGS...
  local label=$1; shift
  for _ in 1 2 3 4 5; do curl -s -o /dev/null "$@"; done
  for _ in $(seq "$N"); do curl -s -o /dev/null -w '%{time_total}\n' "$@"; done | sort -n > "$work/times"
  awk -v label="$label" '{ t[NR] = $1 * 1000 } END {
    i50 = int(NR * 0.50 + 0.5); i95 = int(NR * 0.95 + 0.5); i99 = int(NR * 0.99 + 0.5)
    if (i50 < 1) i50 = 1; if (i95 < 1) i95 = 1; if (i99 < 1) i99 = 1
    printf "%-34s n=%d  p50 %6.0f ms  p95 %6.0f ms  p99 %6.0f ms  max %6.0f ms\n", label, NR, t[i50], t[i95], t[i99], t[NR]
  }' "$work/times"
}

signin brigitte@northwind.demo "$work/brigitte"
signin suzanne@northwind.demo "$work/suzanne"
brigitte=$(token brigitte@northwind.demo)
suzanne=$(token suzanne@northwind.demo)
json() { curl -s -H "Authorization: Bearer $1" "$BASE$2"; }
# Brigitte's series with Sanne, its next planned meeting and its last held one.
series=$(json "$brigitte" /api/v1/one-on-ones | grep -o '"id":"[^"]*"[^}]*"rep":"Sanne Bakker"' | head -1 | sed 's/"id":"\([^"]*\)".*/\1/')
[ -n "$series" ] || { echo "could not find Brigitte's 1:1s with Sanne: is the demo organisation there?"; exit 1; }
meetings=$(json "$brigitte" "/api/v1/one-on-ones/$series/meetings")
planned=$(echo "$meetings" | grep -o '"id":"[^"]*","seriesId":"[^"]*","plannedAt":"[^"]*","heldAt":null' | head -1 | sed 's/"id":"\([^"]*\)".*/\1/')
held=$(echo "$meetings" | grep -o '"id":"[^"]*","seriesId":"[^"]*","plannedAt":"[^"]*","heldAt":"[^"]*"' | tail -1 | sed 's/"id":"\([^"]*\)".*/\1/')
review=$(json "$suzanne" /api/v1/reviews | grep -o '"id":"[^"]*"[^}]*"status":"SIGNED"' | head -1 | sed 's/"id":"\([^"]*\)".*/\1/')

echo "Tandem at $BASE, $N requests each"
measure "reference: profile page" -b "$work/brigitte" "$BASE/profile"
measure "1:1s (page)" -b "$work/brigitte" "$BASE/coaching/one-on-ones"
measure "next 1:1 with Sanne (page)" -b "$work/brigitte" "$BASE/coaching/one-on-ones/meetings/$planned"
measure "held 1:1 with Sanne (page)" -b "$work/brigitte" "$BASE/coaching/one-on-ones/meetings/$held"
measure "help requests (page)" -b "$work/brigitte" "$BASE/coaching/help"
if [ -n "$review" ]; then
  measure "signed review (PDF)" -H "Authorization: Bearer $suzanne" "$BASE/api/v1/reviews/$review.pdf"
fi
