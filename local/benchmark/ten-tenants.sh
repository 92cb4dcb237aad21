#!/usr/bin/env bash
# Ten tenants at once on the local run: starts the launcher (embedded Kubernetes API and
# PostgreSQL; ports offset from the defaults unless given), creates N tenants (default 10) at the
# same moment through the control plane's API as its owner, and records per tenant the time from
# the create request to Ready with its URL answering; then the RSS of every tenant-app process,
# their total, the apps' proportional total (PSS), and the launcher's own RSS. Prints a markdown
# table. Stops the launcher at the end.
#
#   local/benchmark/ten-tenants.sh [--build] [--tenants N] [--port-offset K] [--trace DIR]
#
# --trace DIR keeps the evidence of where the time goes: each tenant's request, Ready and
# URL-answering times, the runner's and the app's log, the objects' creation times from the API
# server, and CPU seconds per process (tenant apps, operator, control plane, launcher, PostgreSQL)
# over the run; local/benchmark/stages.py turns it into a per-stage table.
#
# --build packages the operator, control plane, tenant app and launcher first (tests skipped;
# MAVEN_REPO_LOCAL picks the Maven repository). Ports: the defaults (8000 ingress, 8080 control
# plane, 8081 operator, 15432 PostgreSQL, 16080 Kubernetes API) plus K (default 100). Numbers are
# meaningful only on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/select-jdk >/dev/null

tenants=10 offset=100 build=false trace=
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=true ;;
    --tenants) tenants="$2"; shift ;;
    --port-offset) offset="$2"; shift ;;
    --trace) trace=$(realpath -m "$2"); shift ;;
    *) echo "usage: $0 [--build] [--tenants N] [--port-offset K] [--trace DIR]" >&2; exit 2 ;;
  esac
  shift
done

if $build; then
  ./mvnw -B -ntp -q ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL} -DskipTests \
    -pl operator,control-plane,tenant-app,local -am package
fi

home=$(mktemp -d /tmp/tenantry-bench.XXXXXX)
export TENANTRY_HOME="$home"
export TENANTRY_LOCAL_INGRESS_PORT=$((8000 + offset))
export TENANTRY_CONTROL_PLANE_PORT=$((8080 + offset))
export TENANTRY_OPERATOR_PORT=$((8081 + offset))
export TENANTRY_LOCAL_PG_PORT=$((15432 + offset))
export TENANTRY_LOCAL_KUBE_PORT=$((16080 + offset))
control_plane="http://127.0.0.1:$TENANTRY_CONTROL_PLANE_PORT"

now_ms() { date +%s%3N; }
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
# RSS counts a page shared by several processes (the AOT cache's file pages, mapped by every
# tenant app of one image) in full in each of them, so a sum of RSS counts them once per app; PSS
# divides each shared page among the processes that map it, so its sum is what the apps hold.
pss_kib() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }

"$JAVA_HOME/bin/java" -Djdk.httpclient.allowRestrictedHeaders=host -jar local/target/tenantry-local.jar >"$home/launcher.out" 2>&1 &
launcher=$!
stop() {
  kill "$launcher" 2>/dev/null || true
  wait "$launcher" 2>/dev/null || true
  # the tenant apps may still be writing their logs for a moment after the launcher stopped them
  for _ in 1 2 3 4 5; do rm -rf "$home" 2>/dev/null && break; sleep 1; done
}
trap stop EXIT

echo "launcher started (pid $launcher, home $home); waiting for the control plane" >&2
for _ in $(seq 1 600); do
  [ -f "$home/bootstrap-owner.txt" ] && curl -sf -o /dev/null "$control_plane/q/health/ready" && break
  kill -0 $launcher 2>/dev/null || { cat "$home/launcher.out" >&2; exit 1; }
  sleep 1
done
email=$(sed -n 's/^email=//p' "$home/bootstrap-owner.txt")
password=$(sed -n 's/^password=//p' "$home/bootstrap-owner.txt")
token=$(curl -sf -H 'Content-Type: application/json' \
  -d "$(jq -n --arg e "$email" --arg p "$password" '{email: $e, password: $p}')" \
  "$control_plane/api/v1/auth/login" | jq -r .accessToken)
# The one-time password opens nothing but its own change (403 password-change-required).
token=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "$(jq -n --arg c "$password" --arg n "$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')" \
    '{currentPassword: $c, newPassword: $n}')" \
  "$control_plane/api/v1/auth/password" | jq -r .accessToken)

# CPU seconds so far (user + system, reaped children included) of the processes whose command
# line matches $2, one line "<label> <pid> <start ticks since boot> <cpu ticks>" each.
cpu_of() {
  local label=$1 pid
  for pid in $(pgrep -f "$2" || true); do
    awk -v l="$label" -v p="$pid" '{ sub(/^.*\) /, ""); print l, p, $20, $12 + $13 + $14 + $15 }' \
      "/proc/$pid/stat" 2>/dev/null || true
  done
}
cpu_snapshot() {
  {
    cpu_of launcher "tenantry-local.jar"
    cpu_of operator "operator/target/quarkus-app"
    cpu_of control-plane "control-plane/target/quarkus-app"
    cpu_of postgres "$home/postgres"
    # PostgreSQL backends still open (the postmaster's reaped children are in its own figure)
    for pm in $(pgrep -f "$home/postgres" || true); do
      for child in $(pgrep -P "$pm" || true); do
        awk -v p="$child" '{ sub(/^.*\) /, ""); print "postgres-child", p, $20, $12 + $13 }' \
          "/proc/$child/stat" 2>/dev/null || true
      done
    done
    cpu_of tenant-app "$home/pods"
  } >"$1"
}
[ -n "$trace" ] && mkdir -p "$trace" && cpu_snapshot "$trace/cpu-before.txt"

# Each tenant in its own background job: create, then poll until Ready and its URL answers.
measure() {
  local slug=$1 start url status created ready=""
  start=$(now_ms)
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' \
    -d "{\"slug\":\"$slug\",\"displayName\":\"$slug\",\"plan\":\"free\",\"deletionPolicy\":\"Delete\"}" \
    "$control_plane/api/v1/platform/tenants")
  if [ "${status:0:1}" != 2 ]; then echo "$slug failed create:$status"; return; fi
  created=$(now_ms)
  for _ in $(seq 1 1200); do
    url=$(curl -s -H "Authorization: Bearer $token" "$control_plane/api/v1/platform/tenants/$slug" \
      | jq -r 'select(.phase == "Ready") | .url // empty')
    [ -n "$url" ] && [ -z "$ready" ] && ready=$(now_ms)
    if [ -n "$url" ] && curl -sf -o /dev/null "$url/q/health/ready"; then
      echo "$slug $(( $(now_ms) - start )) $url"
      [ -n "$trace" ] && echo "$slug $start $created $ready $(now_ms)" >"$trace/client-$slug.txt"
      return
    fi
    sleep 0.25
  done
  echo "$slug failed timeout"
}
measuring=()
for i in $(seq 1 "$tenants"); do
  measure "bench-$i" >"$home/tenant-$i.result" &
  measuring+=($!)
done
wait "${measuring[@]}"
sleep 2 # let the tenant apps settle after their first requests
if [ -n "$trace" ]; then
  cpu_snapshot "$trace/cpu-after.txt"
  awk '{print $1}' /proc/uptime >"$trace/uptime-after.txt"
  date +%s%3N >"$trace/clock-after.txt"
  cp -r "$home/logs" "$trace/logs"
  cp "$home/launcher.out" "$trace/"
  for kind in tenants namespaces secrets configmaps deployments services ingresses; do
    kubectl --kubeconfig "$home/kubeconfig" get "$kind" -A -o json >"$trace/$kind.json" 2>/dev/null || true
  done
fi

results=$(cat "$home"/tenant-*.result)
if grep -q failed <<<"$results"; then
  echo "some tenants did not become Ready:" >&2
  grep failed <<<"$results" >&2
fi
ms=$(grep -v failed <<<"$results" | awk '{print $2}' | sort -n)
count=$(grep -c . <<<"$ms" || true)
median=$(awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}' <<<"$ms")
worst=$(tail -1 <<<"$ms")

echo
echo "| measure | value |"
echo "| --- | --- |"
echo "| tenants Ready (of $tenants) | $count |"
printf '| create → Ready with URL answering, median | %.1f s |\n' "$(bc -l <<<"$median / 1000")"
printf '| create → Ready with URL answering, worst | %.1f s |\n' "$(bc -l <<<"$worst / 1000")"
total=0 pss=0
for pid in $(pgrep -f "$home/pods" || true); do
  rss=$(rss_kib "$pid")
  total=$((total + rss))
  pss=$((pss + $(pss_kib "$pid")))
  # the runner puts each pod's java.io.tmpdir under $home/pods/<namespace>/
  ns=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -o "$home/pods/[^/]*" | head -1)
  ns=${ns##*/}
  printf '| tenant-app RSS %s | %.1f MiB |\n' "${ns:-pid $pid}" "$(bc -l <<<"$rss / 1024")"
done
printf '| tenant-app RSS total | %.1f MiB |\n' "$(bc -l <<<"$total / 1024")"
printf '| tenant-app PSS total (shared pages divided among the apps) | %.1f MiB |\n' \
  "$(bc -l <<<"$pss / 1024")"
printf '| launcher RSS (embedded API server, runner, ingress) | %.1f MiB |\n' \
  "$(bc -l <<<"$(rss_kib $launcher) / 1024")"
exit 0
