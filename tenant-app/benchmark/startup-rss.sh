#!/usr/bin/env bash
# Start-up time and idle RSS of the packaged tenant app; results are recorded in
# docs/benchmarks.md. Needs a built app (./mvnw -pl tenant-app -am package -DskipTests) and
# psql access to the local PostgreSQL.
#
#   tenant-app/benchmark/startup-rss.sh [runs] [idle-seconds]
#
# Each run starts java -jar target/quarkus-app/quarkus-run.jar as the operator would (env vars),
# takes the start-up time from Quarkus' "started in" line, waits idle, then reads VmRSS from
# /proc/<pid>/status. Run 1 is a first start (Flyway migrates, the signing key is generated);
# later runs are restarts against the migrated database.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
idle=${2:-20}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
jvm_opts=${JVM_OPTS:--Xms8m -Xmx64m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k}
db=tenant_startup_bench
work=$(mktemp -d)
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
mkdir -p "$work/entitlements"
echo "java: $("$java" -version 2>&1 | head -1); opts: $jvm_opts"
for run in $(seq 1 "$runs"); do
  log="$work/run-$run.log"
  TENANTRY_TENANT_SLUG=bench \
  QUARKUS_HTTP_PORT=18086 \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
  QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD=unused \
  TENANTRY_TENANT_SIGNING_KEY_DIR="$work/signing" \
  TENANTRY_TENANT_ENTITLEMENTS_DIR="$work/entitlements" \
  TENANTRY_TENANT_BOOTSTRAP_ADMIN_PASSWORD_FILE="$work/admin-token" \
    "$java" $jvm_opts -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    grep -q "started in" "$log" && break
    sleep 0.5
  done
  started=$(grep -o "started in [0-9.]*s" "$log" || echo "did not start")
  sleep "$idle"
  rss=$(awk '/VmRSS/ {printf "%.1f MiB", $2 / 1024}' "/proc/$pid/status")
  echo "run $run: $started, idle RSS after ${idle}s: $rss"
  kill "$pid"
  wait "$pid" || true
done
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db"
rm -rf "$work"
