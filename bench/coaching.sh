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
source "$(dirname "$0")/demo-lib.sh"

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
