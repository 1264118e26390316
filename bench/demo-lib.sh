# Shared by the benchmark scripts that time a running Tandem with the demo organisation (dashboard.sh, coaching.sh):
# the address and request count from the arguments, a demo user's browser session and API token, percentiles.
# Source it from a script in bench/ with the script's arguments.
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

