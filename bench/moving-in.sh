#!/usr/bin/env bash
# 9. A real company moves to Tandem: from an empty installation to a correct organisation with two years of history.
#
# Usage: bench/moving-in.sh [DEALS]   (default 10000)
#
# bench/company-csv.py writes the export of another CRM in plain column names (a roster of 35 agents whose six
# managers are only named in the manager column, without e-mails or start dates; 85 accounts; DEALS deals of 2024
# and 2025, some without an account, GTX Pro sometimes spelt GTXPro) and the won revenue per regional office and year.
# The packaged jar starts without the demo; bench/moving-in.py sets it up with one API call, takes an API token and
# imports the three files through the import API as the wizard does (placeholder logins for people without an e-mail,
# deals without an account kept without one, unknown stages and products created), then reads each regional office's
# won revenue of each year from the team dashboard and compares it with the generator's sum.
# Reference, measured in the same run: psql \copy of the same deals file into a bare table of text columns on the
# same PostgreSQL, so the import's time reads as a ratio.
BASE=http://localhost:8093
source "$(dirname "$0")/lib.sh"
DEALS=${1:-10000}
need psql postgresql-client
jar_workspace
python3 bench/company-csv.py "$DIR/files" "$DEALS"
TOKEN=bench-setup-$RANDOM$RANDOM

t0=$(date +%s.%N)
start_jar "" --tandem.demo.enabled=false --tandem.setup.token="$TOKEN"
t1=$(date +%s.%N)
printf "start (empty installation, fresh data directory): %.1f s\n" "$(echo "$t1 - $t0" | bc)"
python3 bench/moving-in.py "$BASE" "$DIR/files" "$TOKEN"

port=$(sed -n 4p "$DIR/data/postgres/postmaster.pid")
ref() { psql -X -q -h localhost -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
ref -c "create table bench_moving_reference (opportunity_id text, sales_agent text, product text, account text, deal_stage text,
  engage_date text, close_date text, close_value text)"
r0=$(date +%s.%N)
ref -c "\\copy bench_moving_reference from '$DIR/files/sales_pipeline.csv' csv header"
r1=$(date +%s.%N)
ref -c "drop table bench_moving_reference"
printf "reference: psql \\\\copy of the deals file into a bare table: %.2f s\n" "$(echo "$r1 - $r0" | bc)"
