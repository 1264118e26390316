#!/usr/bin/env bash
# 9. Global search: GET /api/v1/search and the header's live menu, on Bench Corp or on the demo organisation.
#
# Usage: bench/search.sh [REQUESTS]                  Bench Corp (bench/lib.sh starts it, creating it on first start)
#        bench/search.sh demo BASE_URL [REQUESTS]    the demo organisation on a running Tandem (password demo)
#
# One request at a time over loopback, REQUESTS per query (default 50) after 5 warm-up requests. The queries are
# misspelt the way people type: the name of the rep's first account with its second letter dropped and its last one
# doubled, searched by the rep (their own records), their manager (the team's) and the head of sales (everyone's); the
# rep's own name with two letters swapped, by the head of sales; and a broad word that is in very many names. Reports
# p50 / p90 / p95 / p99 / max of the full response time. Reference, in the same run: the same account by id
# (GET /api/v1/accounts/{id}, one indexed lookup behind the same security, token and JSON work).
source "$(dirname "$0")/lib.sh"
MODE=bench
if [ "${1:-}" = demo ]; then MODE=demo; BASE=$2; shift 2; fi
N=${1:-50}
if [ "$MODE" = bench ]; then
  start_tandem
  REP=r010101@bench.test MANAGER=m0101@bench.test HEAD=head@bench.test BROAD=Acount
else
  BENCH_PASSWORD=demo
  REP=sanne@northwind.demo MANAGER=brigitte@northwind.demo HEAD=suzanne@northwind.demo BROAD=Grop
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rep_token=$(token "$REP")
manager_token=$(token "$MANAGER")
head_token=$(token "$HEAD")
signin "$REP" "$work/rep"

json() { python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"; }
urlencode() { python3 -c "import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))" "$1"; }
account=$(curl -sf -H "Authorization: Bearer $rep_token" "$BASE/api/v1/accounts?limit=1" | json "d['items'][0]['id'] + '|' + d['items'][0]['name']")
account_id=${account%%|*}
name=${account#*|}
typo=$(python3 -c "import sys; n = sys.argv[1]; print(n[0] + n[2:] + n[-1])" "$name")
me=$(curl -sf -H "Authorization: Bearer $rep_token" "$BASE/api/v1/me" | json "d['displayName']")
swapped=$(python3 -c "import sys; n = sys.argv[1]; print(n[0] + n[2] + n[1] + n[3:])" "$me")
echo "account \"$name\" searched as \"$typo\"; rep \"$me\" as \"$swapped\"; broad: \"$BROAD\"" >&2

measure() { # measure LABEL CURL-ARGS...
  local label=$1; shift
  for _ in 1 2 3 4 5; do curl -sf -o /dev/null "$@"; done
  for _ in $(seq "$N"); do curl -sf -o /dev/null -w '%{time_total}\n' "$@"; done | awk '{ print $1 * 1000 }' | percentiles "$label"
}
hits() { # hits TOKEN QUERY: how many the search answers (at most 10 of each kind)
  curl -sf -H "Authorization: Bearer $1" "$BASE/api/v1/search?q=$(urlencode "$2")" | json "len(d['items'])"
}

q=$(urlencode "$typo")
echo "hits: rep $(hits "$rep_token" "$typo"), manager $(hits "$manager_token" "$typo"), head $(hits "$head_token" "$typo"), broad $(hits "$head_token" "$BROAD")" >&2
measure "reference: account by id (API, head)" -H "Authorization: Bearer $head_token" "$BASE/api/v1/accounts/$account_id"
measure "rep: misspelt account (API)" -H "Authorization: Bearer $rep_token" "$BASE/api/v1/search?q=$q"
measure "rep: misspelt account (header menu)" -b "$work/rep" -H 'HX-Request: true' "$BASE/search?part=menu&q=$q"
measure "manager: misspelt account (API)" -H "Authorization: Bearer $manager_token" "$BASE/api/v1/search?q=$q"
measure "head of sales: misspelt account (API)" -H "Authorization: Bearer $head_token" "$BASE/api/v1/search?q=$q"
measure "head of sales: misspelt colleague (API)" -H "Authorization: Bearer $head_token" "$BASE/api/v1/search?q=$(urlencode "$swapped")"
measure "head of sales: broad word (API)" -H "Authorization: Bearer $head_token" "$BASE/api/v1/search?q=$(urlencode "$BROAD")"
