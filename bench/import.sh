#!/usr/bin/env bash
# 2. Bulk import of a 1,000,000-row activities CSV through Tandem's import against psql \copy of the same file.
#
# Usage: bench/import.sh [ROWS]   (default 1000000)
#
# Tandem: the import API as an admin: upload, dry run (every row checked), run (one transaction, COPY into
# crm_activity with its keys, checks and indexes), polled until done; then undone, so the data set stays the same.
# Reference: psql \copy of the same file into a bare table with the file's columns as text, on the same PostgreSQL.
# Second reference, for where the time goes: the same \copy followed by one INSERT ... SELECT into crm_activity itself
# (owners looked up by e-mail; the table's keys, checks, foreign keys, indexes and count triggers), rolled back.
source "$(dirname "$0")/lib.sh"
ROWS=${1:-1000000}
need pgbench postgresql-client
start_tandem
FILE=$BENCH_DATA/activities-$ROWS.csv
[ -f "$FILE" ] || python3 bench/activities-csv.py "$FILE" "$ROWS"
T=$(token admin@bench.test)
now() { date +%s.%N; }
field() { python3 -c "import sys, json; print(json.load(sys.stdin)$1)"; }

t0=$(now)
ID=$(curl -sf -H "Authorization: Bearer $T" -F "file=@$FILE" -F kind=ACTIVITIES -F preset=TANDEM "$BASE/api/v1/imports" | field '["id"]')
t1=$(now)
curl -sf -X POST -H "Authorization: Bearer $T" "$BASE/api/v1/imports/$ID/check" | field '["report"]["ready"]' >/dev/null
t2=$(now)
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $T" "$BASE/api/v1/imports/$ID/run"
while :; do
  STATUS=$(curl -sf -H "Authorization: Bearer $T" "$BASE/api/v1/imports/$ID" | field '["status"]')
  [ "$STATUS" = RUNNING ] || [ "$STATUS" = CHECKED ] || break
  sleep 0.5
done
t3=$(now)
[ "$STATUS" = DONE ] || { echo "import ended $STATUS" >&2; exit 1; }

pg -c "drop table if exists bench_import_reference; create table bench_import_reference (type text, subject text, direction text, occurred_at text, done text, owner text)"
r0=$(now)
pg -c "\\copy bench_import_reference from '$FILE' csv header"
r1=$(now)
pg -c "begin" -c "insert into crm_activity (org_id, id, type, channel, direction, subject, occurred_at, done, owner_id, logged_by)
  select u.org_id, gen_random_uuid(), r.type, case r.type when 'EMAIL' then 'EMAIL' when 'MEETING' then 'IN_PERSON' else 'PHONE' end,
         r.direction, r.subject, cast(r.occurred_at as timestamptz), cast(r.done as boolean), u.id, u.id
    from bench_import_reference r join people_user u on u.email = r.owner" -c "rollback"
r2=$(now)
pg -c "drop table bench_import_reference"

awk -v rows="$ROWS" -v up="$(echo "$t1 - $t0" | bc)" -v check="$(echo "$t2 - $t1" | bc)" -v run="$(echo "$t3 - $t2" | bc)" \
  -v copy="$(echo "$r1 - $r0" | bc)" -v table="$(echo "$r2 - $r0" | bc)" 'BEGIN {
  printf "rows %d\n", rows
  printf "tandem: upload %.1f s, dry run %.1f s, run %.1f s: %.0f rows/s (run), %.0f rows/s (upload to done)\n", up, check, run, rows / run, rows / (up + check + run)
  printf "psql \\copy into a bare table: %.1f s: %.0f rows/s\n", copy, rows / copy
  printf "psql \\copy, then INSERT ... SELECT into crm_activity: %.1f s: %.0f rows/s\n", table, rows / table
  printf "ratio (run / \\copy): %.3f   ratio (upload to done / \\copy): %.3f   ratio (run / \\copy into crm_activity): %.3f\n", copy / run, copy / (up + check + run), table / run
}'
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $T" "$BASE/api/v1/imports/$ID/undo" && echo "import undone"
