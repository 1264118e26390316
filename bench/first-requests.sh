#!/usr/bin/env bash
# 7. First requests after a start: how much slower the first request of each heavy page is than the same page warm.
#
# Usage: bench/first-requests.sh
#
# The packaged jar with the demo organisations (the first start creates them; that start is not measured). Then a
# restart on the same data, once without the warm-up and once as shipped; as soon as it is ready (/actuator/health/readiness answers 200): brigitte (manager of
# Inside Sales) and suzanne (head of sales) sign in and each page is requested once (first), then five more times;
# the warm time is the median of those five. The ratio first / warm is measured in the same run.
BASE=http://localhost:8092
source "$(dirname "$0")/lib.sh"
URL=$BASE
jar_workspace

sign_in() { # sign_in EMAIL JAR
  local csrf
  csrf=$(curl -s -c "$2" -b "$2" "$URL/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -c "$2" -b "$2" -o /dev/null -d "username=$1&password=demo&_csrf=$csrf" "$URL/login"
}
seconds() { curl -s -o /dev/null -b "$1" -w '%{time_total}' "$URL$2"; }

# run LABEL ARGS...: a restart with these arguments, then each page first and warm.
run() {
  local label=$1 t0 team warm page
  shift
  t0=$(date +%s.%N)
  start_jar "" "$@"
  printf "\n%s: restart to ready %.1f s\n\n" "$label" "$(echo "$(date +%s.%N) - $t0" | bc)"
  rm -f "$DIR/brigitte" "$DIR/suzanne"
  sign_in brigitte@northwind.demo "$DIR/brigitte"
  sign_in suzanne@northwind.demo "$DIR/suzanne"
  team=$(curl -s -b "$DIR/brigitte" -o /dev/null -w '%{redirect_url}' "$URL/insight" | sed 's/.*teams\///')
  local pages=("brigitte /pipeline" "brigitte /insight/teams/$team" "brigitte /forecast/teams/$team" "suzanne /insight/overview"
    "suzanne /forecast/backtest")
  declare -A first
  for page in "${pages[@]}"; do
    set -- $page
    first[$page]=$(seconds "$DIR/$1" "$2")
  done
  echo "| page (as) | first | warm (median of 5) | first / warm |"
  echo "| --- | ---: | ---: | ---: |"
  for page in "${pages[@]}"; do
    set -- $page
    warm=$(for _ in 1 2 3 4 5; do seconds "$DIR/$1" "$2"; echo; done | sort -n | sed -n 3p)
    printf "| %s (%s) | %.2f s | %.2f s | %.1f |\n" "${2/$team/\{id\}}" "$1" "${first[$page]}" "$warm" \
      "$(echo "${first[$page]} / $warm" | bc -l)"
  done
  stop_jar
}

start_jar ""   # the first start creates the demo organisations; not measured
stop_jar
run "without warm-up (tandem.warm-up.enabled=false)" --tandem.warm-up.enabled=false
run "with warm-up (as shipped)"
