#!/usr/bin/env bash
# The local run under a burst: starts the launcher (from local/target, built by bin/run-local or
# `./mvnw -pl local -am install -DskipTests`) with an empty home, creates N tenants (default 10)
# at once through the control plane's API, and reports for each the time from its create request
# to its URL answering through the local ingress (/q/health/ready 200): median and worst. Then,
# with all N running, the RSS of every tenant-app process, their total, and the launcher's,
# operator's and control plane's. Usage: local/benchmark/ten-tenants.sh [N]
# Ports are offset (+1000) so a bin/run-local on the defaults can keep running.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/select-jdk
N=${1:-10}
HOME_DIR=$(mktemp -d /tmp/tenantry-bench.XXXXXX)
CP=9080; OP=9081; INGRESS=9000
export TENANTRY_HOME=$HOME_DIR TENANTRY_LOCAL_PG_PORT=16432 TENANTRY_LOCAL_KUBE_PORT=17080 \
  TENANTRY_CONTROL_PLANE_PORT=$CP TENANTRY_OPERATOR_PORT=$OP TENANTRY_LOCAL_INGRESS_PORT=$INGRESS
"$JAVA_HOME/bin/java" -Djdk.httpclient.allowRestrictedHeaders=host -jar local/target/tenantry-local.jar \
  >"$HOME_DIR/launcher.out" 2>&1 &
LAUNCHER=$!
trap 'kill $LAUNCHER 2>/dev/null; wait $LAUNCHER 2>/dev/null; rm -rf "$HOME_DIR"' EXIT
until grep -q "Tenantry is running" "$HOME_DIR/launcher.out"; do
  kill -0 $LAUNCHER 2>/dev/null || { cat "$HOME_DIR/launcher.out"; exit 1; }
  sleep 1
done
EMAIL=$(sed -n 's/^email=//p' "$HOME_DIR/bootstrap-owner.txt")
PASSWORD=$(sed -n 's/^password=//p' "$HOME_DIR/bootstrap-owner.txt")
TOKEN=$(curl -sf "localhost:$CP/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" | jq -r .accessToken)

now_ms() { date +%s%3N; }
create_and_wait() { # one tenant: create request → URL answering; prints "<slug> <ms>"
  local slug=$1 start code
  start=$(now_ms)
  code=$(curl -s -o /dev/null -w '%{http_code}' "localhost:$CP/api/v1/platform/tenants" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"slug\":\"$slug\",\"displayName\":\"Bench $slug\",\"plan\":\"starter\",\"deletionPolicy\":\"Delete\"}")
  [ "${code:0:1}" = 2 ] || { echo "$slug create answered $code" >&2; return 1; }
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 \
      "http://$slug.localhost:$INGRESS/q/health/ready")" = 200 ]; do
    [ $(( $(now_ms) - start )) -gt 300000 ] && { echo "$slug not answering after 300 s" >&2; return 1; }
    sleep 0.1
  done
  echo "$slug $(( $(now_ms) - start ))"
}
for i in $(seq 1 "$N"); do create_and_wait "bench-$i" >"$HOME_DIR/t$i" & done
wait $(jobs -p | grep -v "^$LAUNCHER$") || true
sleep 30 # all N running and idle (probes every 10 s) before memory is read

echo "## $N tenants created at once ($(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| tenant | create → URL answering (ms) | tenant-app RSS (MiB) |"
echo "| --- | --- | --- |"
TIMES=(); TOTAL=0
for i in $(seq 1 "$N"); do
  read -r slug ms <"$HOME_DIR/t$i" || { echo "| bench-$i | failed | |"; continue; }
  pid=$(pgrep -f "pods/tenant-$slug/" | head -1 || true)
  rss=$([ -n "$pid" ] && awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status" || echo "?")
  [ "$rss" != "?" ] && TOTAL=$((TOTAL + rss))
  TIMES+=("$ms"); echo "| $slug | $ms | $rss |"
done
SORTED=($(printf '%s\n' "${TIMES[@]}" | sort -n))
COUNT=${#SORTED[@]}
echo
echo "create → URL answering: median $(( (SORTED[(COUNT-1)/2] + SORTED[COUNT/2]) / 2 )) ms, worst ${SORTED[COUNT-1]} ms over $COUNT tenants"
echo "tenant apps' RSS in total: $TOTAL MiB"
rss_of() { awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$1/status"; }
echo "launcher RSS: $(rss_of $LAUNCHER)"
for svc in operator control-plane; do
  pid=$(pgrep -f "$svc/target/quarkus-app/quarkus-run.jar" | head -1 || true)
  [ -n "$pid" ] && echo "$svc RSS: $(rss_of "$pid")"
done
