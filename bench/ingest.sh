#!/usr/bin/env bash
# 1. Activity ingest through the REST API against pgbench doing single-row INSERTs, at 1, 8 and 32 clients.
#
# Usage: bench/ingest.sh [SECONDS]   (default 20 per run)
#
# Tandem: wrk POSTs /api/v1/activities as 32 Bench Corp reps in turn (each authenticated with a personal token,
# validated, persisted with the activity counts kept, the live update published), keep-alive connections. Reference: pgbench, same concurrency, each
# transaction one INSERT of the same row into bench_ingest_reference, a table made LIKE crm_activity (columns,
# defaults, checks and indexes; no foreign keys), on the same PostgreSQL with the same settings
# (synchronous_commit=on). Both runs write a fresh row per request or transaction.
source "$(dirname "$0")/lib.sh"
SECONDS_PER_RUN=${1:-20}
need wrk wrk
need pgbench postgresql-client
start_tandem

TOKENS=$(for p in 01 02 03 04 05 06 07 08 09 10; do for t in 0101 0102 0103 0104; do echo "r$t$p@bench.test"; done; done \
  | head -32 | while read -r email; do token "$email"; done | paste -sd,); export TOKENS
ORG=$(pg -At -c "select org_id from people_user where email = 'r010101@bench.test'")
OWNER=$(pg -At -c "select id from people_user where email = 'r010101@bench.test'")
pg -c "drop table if exists bench_ingest_reference; create table bench_ingest_reference (like crm_activity including all)"

echo "clients  tandem req/s  pgbench tx/s  ratio   tandem latency p50/p99 ms"
for clients in 1 8 32; do
  threads=$(( clients < 2 ? 1 : 2 ))
  tandem=$(wrk -t"$threads" -c"$clients" -d"${SECONDS_PER_RUN}s" -s bench/ingest.lua "$BASE/api/v1/activities" | grep '^requests')
  rps=$(echo "$tandem" | awk '{ print $6 }')
  failed=$(echo "$tandem" | awk '{ print $4 }')
  reference=$(PGPASSWORD= pgbench -n -h localhost -p "$(pg_port)" -U postgres -c "$clients" -j "$threads" -T "$SECONDS_PER_RUN" \
    -D org="'$ORG'" -D owner="'$OWNER'" -f bench/ingest.sql postgres 2>/dev/null | grep -E '^tps' | awk '{ print $3 }')
  printf "%7d  %12.0f  %12.0f  %5.3f   %s / %s   (non-2xx: %s)\n" "$clients" "$rps" "$reference" "$(echo "$rps / $reference" | bc -l)" \
    "$(echo "$tandem" | awk '{ print $8 }')" "$(echo "$tandem" | awk '{ print $10 }')" "$failed"
done
pg -c "drop table bench_ingest_reference"
