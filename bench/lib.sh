# Shared by the benchmark scripts: where Bench Corp lives, how to reach Tandem and its PostgreSQL, percentiles.
# Source it from a script in bench/; it changes to the project directory.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

BENCH_DATA=${BENCH_DATA:-bench/data}
BASE=${BASE:-http://localhost:8080}
PORT_HTTP=${BASE##*:}
BENCH_PASSWORD=bench-password

need() { # need COMMAND DEBIAN-PACKAGE
  command -v "$1" >/dev/null 2>&1 && return
  echo "installing $2 (for $1)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y "$2" >/dev/null 2>&1 \
    || { apt-get update >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y "$2" >/dev/null; }
}

# The embedded PostgreSQL's port, from its postmaster.pid (fourth line).
pg_port() { sed -n 4p "$BENCH_DATA/postgres/postmaster.pid"; }
pg() { psql -X -q -h localhost -p "$(pg_port)" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }

ready() { curl -sf -o /dev/null "$BASE/actuator/health"; }

# Starts Tandem with Bench Corp in the background (creating it on first start: about ten minutes) unless it runs.
start_tandem() {
  if ready; then return; fi
  mkdir -p "$BENCH_DATA"
  ./mvnw -q -o test-compile >/dev/null 2>&1 || ./mvnw -q test-compile
  # A plain JVM on the test class path (Tandem plus the bench helpers), with the full JIT: spring-boot:run's
  # default stops the JIT at C1, which starts quickly but runs slower.
  if [ ! -s "$BENCH_DATA/classpath.txt" ]; then
    ./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$BENCH_DATA/classpath.txt" >/dev/null
  fi
  nohup java ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat "$BENCH_DATA/classpath.txt")" dev.tandem.bench.BenchTandem \
    --server.port="$PORT_HTTP" --tandem.data-dir="$BENCH_DATA" --tandem.demo.enabled=false --tandem.bench.organisation=true \
    --tandem.api.rate-limit.per-token=1000000000 --tandem.api.rate-limit.per-organisation=1000000000 \
    --tandem.import.max-rows=2000000 --tandem.import.max-file-size=512MB --spring.servlet.multipart.max-file-size=512MB \
    --spring.servlet.multipart.max-request-size=512MB "$@" > "$BENCH_DATA/tandem.out" 2>&1 &
  echo "starting Tandem with Bench Corp (log: $BENCH_DATA/tandem.out)" >&2
  until grep -aq 'Bench Corp \(exists\|created\)' "$BENCH_DATA/tandem.out" 2>/dev/null; do
    if grep -aq 'APPLICATION FAILED\|Application run failed' "$BENCH_DATA/tandem.out"; then
      echo "Tandem did not start; see $BENCH_DATA/tandem.out" >&2; exit 1
    fi
    sleep 2
  done
  until ready; do sleep 1; done
}

stop_tandem() {
  pkill -f 'dev.tandem.bench.BenchTandem' || true
  while pgrep -f 'dev.tandem.bench.BenchTandem' >/dev/null; do sleep 1; done
}

# token EMAIL: a personal API token for a Bench Corp user.
token() { # (the answer has no final newline: printf gives it one, so that tokens can be listed line by line)
  printf '%s\n' "$(curl -sf -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$BENCH_PASSWORD\",\"name\":\"bench $RANDOM\"}" "$BASE/api/v1/auth/tokens" \
    | sed 's/.*"token":"\([^"]*\)".*/\1/')"
}

# signin EMAIL COOKIEJAR: a browser session (form login with its CSRF token).
signin() {
  local csrf
  csrf=$(curl -s -c "$2" -b "$2" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -c "$2" -b "$2" -o /dev/null -d "username=$1&password=$BENCH_PASSWORD&_csrf=$csrf" "$BASE/login"
}

# percentiles LABEL < numbers (milliseconds, one per line)
percentiles() {
  sort -n | awk -v label="$1" '{ t[NR] = $1 } END {
    i50 = int(NR * 0.50 + 0.5); i90 = int(NR * 0.90 + 0.5); i95 = int(NR * 0.95 + 0.5); i99 = int(NR * 0.99 + 0.5)
    if (i50 < 1) i50 = 1; if (i90 < 1) i90 = 1; if (i95 < 1) i95 = 1; if (i99 < 1) i99 = 1
    printf "%-44s n=%d  p50 %7.1f ms  p90 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms\n", label, NR, t[i50], t[i90], t[i95], t[i99], t[NR]
  }'
}

# pss_mb PID DATA_DIR: proportional set size (PSS: shared pages split between their users), in MB, of a Tandem JVM
# and every PostgreSQL process of its data directory.
pss_mb() {
  local postmaster
  postmaster=$(pgrep -f "postgres.*$2/postgres" | head -1)
  for p in $1 $postmaster $(pgrep -P "$postmaster"); do
    awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null || true
  done | awk '{ s += $1 } END { printf "%.0f", s / 1024 }'
}

# rss_mb PID: resident set size of one process, in MB.
rss_mb() { ps -o rss= -p "$1" | awk '{ printf "%.0f", $1 / 1024 }'; }

# jar_workspace: the packaged jar in JAR (built when missing or stale) and a scratch directory in DIR, removed with
# the Tandem started in it when the script ends.
jar_workspace() {
  ./mvnw -q -o -DskipTests package >/dev/null 2>&1 || ./mvnw -q -DskipTests package >/dev/null
  JAR=$(ls target/tandem-*.jar | grep -v original | head -1)
  DIR=$(mktemp -d)
  trap 'stop_jar 2>/dev/null; rm -rf "$DIR"' EXIT
}

# start_jar "JAVA OPTIONS" ARGS...: the jar on BASE's port with its data in DIR/data (made on the first start),
# in the background (its pid in DIR/pid, its log appended to DIR/out.log), until it is ready.
start_jar() {
  local options=$1; shift
  # shellcheck disable=SC2086 # the options are words
  java $options -jar "$JAR" --server.port="$PORT_HTTP" --tandem.data-dir="$DIR/data" "$@" >> "$DIR/out.log" 2>&1 &
  echo $! > "$DIR/pid"
  until curl -sf -o /dev/null "$BASE/actuator/health/readiness"; do sleep 0.1; done
}

# stop_jar: stops the jar started last and waits until it and its PostgreSQL are gone.
stop_jar() {
  local pid
  pid=$(cat "$DIR/pid" 2>/dev/null) || return 0
  kill "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null || pgrep -f "postgres.*$DIR/data/postgres" >/dev/null; do sleep 0.2; done
}
