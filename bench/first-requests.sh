#!/usr/bin/env bash
# 9. First requests after a start: how much slower the first request of each page is than the same page warm, and
# what the warm-up costs the start.
#
# Usage: bench/first-requests.sh [ROUNDS]   (default 1: one restart without and one with the warm-up)
#
# The packaged jar with the demo organisations (the first start creates them; that start is not measured). Then
# restarts on the same data, alternately without the warm-up and as shipped; each is timed from launch to ready
# (/actuator/health/readiness answers 200) and, with the warm-up, to its end (it runs after readiness and logs
# "Warmed up"). Then brigitte (manager of Inside Sales) and suzanne (head of sales) sign in and each page is requested
# once (first), then five more times; the warm time is the median of those five. Pages: home, pipeline, Inside Sales'
# dashboard and forecast, the head of sales' overview, forecast and backtest, and every other sales team's dashboard.
# The ratio first / warm is measured in the same run; the start-up ratio is with / without the warm-up.
BASE=http://localhost:8092
source "$(dirname "$0")/lib.sh"
URL=$BASE
ROUNDS=${1:-1}
jar_workspace

sign_in() { # sign_in EMAIL JAR
  local csrf
  csrf=$(curl -s -c "$2" -b "$2" "$URL/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -c "$2" -b "$2" -o /dev/null -d "username=$1&password=demo&_csrf=$csrf" "$URL/login"
}
seconds() { curl -s -L -o /dev/null -b "$1" -w '%{time_total}' "$URL$2"; }

# run LABEL ARGS...: a restart with these arguments, then each page first and warm; the results in DIR/LABEL.*.
run() {
  local label=$1 t0 lines inside teams warm page name
  shift
  lines=$(wc -l < "$DIR/out.log")
  t0=$(date +%s.%N)
  start_jar "" "$@"
  echo "$(date +%s.%N) - $t0" | bc >> "$DIR/$label.ready"
  if [ "$label" = with ]; then # the warm-up runs after readiness: wait for its end
    until tail -n +"$lines" "$DIR/out.log" | grep -aq 'Warmed up'; do sleep 0.1; done
    echo "$(date +%s.%N) - $t0" | bc >> "$DIR/$label.warmed"
    tail -n +"$lines" "$DIR/out.log" | grep -a 'Warmed up' | sed 's/.*Warmed up/  warm-up: warmed up/' >> "$DIR/$label.log"
  fi
  rm -f "$DIR/brigitte" "$DIR/suzanne"
  sign_in brigitte@northwind.demo "$DIR/brigitte"
  sign_in suzanne@northwind.demo "$DIR/suzanne"
  inside=$(cat "$DIR/inside") teams=$(cat "$DIR/teams")
  local pages=("brigitte /" "brigitte /pipeline" "brigitte /insight/teams/$inside" "brigitte /forecast/teams/$inside"
    "suzanne /" "suzanne /insight/overview" "suzanne /forecast" "suzanne /forecast/backtest")
  for team in $teams; do
    [ "$team" = "$inside" ] || pages+=("suzanne /insight/teams/$team")
  done
  declare -A first
  for page in "${pages[@]}"; do
    set -- $page
    first[$page]=$(seconds "$DIR/$1" "$2")
  done
  for page in "${pages[@]}"; do
    set -- $page
    warm=$(for _ in 1 2 3 4 5; do seconds "$DIR/$1" "$2"; echo; done | sort -n | sed -n 3p)
    name=$2
    [ "$2" = "/insight/teams/$inside" ] && name="/insight/teams/{Inside Sales}"
    [ "$2" = "/forecast/teams/$inside" ] && name="/forecast/teams/{Inside Sales}"
    for team in $teams; do
      [ "$2" = "/insight/teams/$team" ] && [ "$team" != "$inside" ] \
        && name="/insight/teams/{$(curl -s -b "$DIR/$1" "$URL$2" | grep -o '<title>[^<]*' | sed 's/<title>//;s/ [·|–-] .*//')}"
    done
    printf "%s (%s)\t%s\t%s\n" "$name" "$1" "${first[$page]}" "$warm" >> "$DIR/$label.pages"
  done
  stop_jar
}

start_jar ""   # the first start creates the demo organisations; not measured. Which teams there are:
sign_in brigitte@northwind.demo "$DIR/brigitte"
sign_in suzanne@northwind.demo "$DIR/suzanne"
curl -s -b "$DIR/brigitte" -o /dev/null -w '%{redirect_url}' "$URL/insight" | sed 's/.*teams\///' > "$DIR/inside"
# Every sales team the head of sales sees: side by side in the overview, and the whole company's in the team menu.
(curl -s -b "$DIR/suzanne" "$URL/insight/overview"; curl -s -b "$DIR/suzanne" "$URL/insight/teams/$(cat "$DIR/inside")") \
  | grep -o '/insight/teams/[0-9a-f-]\{36\}' | awk '!seen[$0]++' | sed 's/.*\///' > "$DIR/teams"
stop_jar
for _ in $(seq "$ROUNDS"); do
  run without --tandem.warm-up.enabled=false
  run with
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# The pages of all rounds, each figure the median over the rounds.
table() { # table LABEL
  awk -F'\t' '{ print $1 }' "$DIR/$1.pages" | awk '!seen[$0]++' | while read -r page; do
    f=$(grep -F "$page"$'\t' "$DIR/$1.pages" | cut -f2 | median)
    w=$(grep -F "$page"$'\t' "$DIR/$1.pages" | cut -f3 | median)
    printf "%s\t%s\t%s\n" "$page" "$f" "$w"
  done
}
table without > "$DIR/without.table"
table with > "$DIR/with.table"
ready_without=$(median < "$DIR/without.ready")
ready_with=$(median < "$DIR/with.ready")
printf "\nrestart to ready (median of %d): without warm-up %.1f s, with warm-up %.1f s: with / without %.2f\n" "$ROUNDS" \
  "$ready_without" "$ready_with" "$(echo "$ready_with / $ready_without" | bc -l)"
warmed=$(median < "$DIR/with.warmed")
printf "with warm-up: ready after %.1f s, warm-up ended %.1f s after launch (%.1f s after ready)\n" "$ready_with" "$warmed" \
  "$(echo "$warmed - $ready_with" | bc -l)"
cat "$DIR/with.log"
echo
echo "| page (as) | without warm-up: first / warm | first ÷ warm | with warm-up: first / warm | first ÷ warm |"
echo "| --- | ---: | ---: | ---: | ---: |"
paste "$DIR/without.table" "$DIR/with.table" | while IFS=$'\t' read -r page f0 w0 _ f1 w1; do
  printf "| %s | %.2f / %.2f s | %.1f | %.2f / %.2f s | %.1f |\n" "$page" "$f0" "$w0" "$(echo "$f0 / $w0" | bc -l)" \
    "$f1" "$w1" "$(echo "$f1 / $w1" | bc -l)"
done
