#!/usr/bin/env bash
# Start-up time and idle RSS of the packaged tenant app; results are recorded in
# docs/benchmarks.md. Needs a built app (./mvnw -pl tenant-app -am package -DskipTests) and
# psql access to the local PostgreSQL.
#
#   tenant-app/benchmark/startup-rss.sh [runs] [idle-seconds]
#
# The JVM options are the ones the container image ships (quarkus.jib.jvm-arguments in
# application.properties), so what is measured is what runs; JVM_OPTS overrides them.
# On JDK 25+ a training run first records an AOT cache (JEP 483/514: classes loaded and linked)
# of what start-up loads; the measured runs then load it (-XX:AOTCache). AOT=off measures without
# it; AOT_TRAINING=requests also serves health, login and search requests while training (a larger
# cache: ~5 MiB more idle RSS, faster first requests). No method profiles are recorded
# (-AOTRecordTraining): only C2 uses them, and the shipped options stop at C1.
#
# Each run starts java -jar quarkus-run.jar as the operator would (env vars), takes the start-up
# time from Quarkus' "started in" line, waits idle, then reads VmRSS (with its anonymous and
# file-backed parts) from /proc/<pid>/status. It then does some work as staff would (a login,
# which hashes with Argon2id, a created subscriber, 20 searches and 20 list pages), waits idle
# again and reads VmRSS again: classes loaded for the first requests stay loaded. The first start
# (Flyway migrates, the signing key is generated) precedes the training run, or is run 1 with
# AOT=off; the others are restarts against the migrated database.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
idle=${2:-20}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
shipped=$(sed -n 's/^quarkus\.jib\.jvm-arguments=//p' src/main/resources/application.properties | tr ',' ' ')
jvm_opts=${JVM_OPTS:-$shipped}
port=18086
db=tenant_startup_bench
work=$(mktemp -d)
# a copy, so that a rebuild while this runs changes neither the jars nor the AOT cache
cp -r target/quarkus-app "$work/app"
app=$work/app
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
mkdir -p "$work/entitlements"
admin_password=$(head -c 18 /dev/urandom | base64)

work_as_staff() { # a login, one write, then reads
  local api=http://127.0.0.1:$port/api/v1 token
  token=$(curl -sf -H 'Content-Type: application/json' \
    -d "{\"email\":\"admin@tenant.local\",\"password\":\"$admin_password\"}" \
    "$api/auth/login" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
  curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"accountNumber\":\"ACC-$RANDOM$RANDOM\",\"name\":\"Ada Lovelace\",\"email\":\"ada@example.net\",\"servicePlan\":\"fiber-100\",\"radiusUsername\":\"ada$RANDOM$RANDOM\",\"phone\":\"+1 555 0100\"}" \
    "$api/subscribers"
  for q in ada lovlace 0100 ACC fiber nobody ada@example 555 Lovelace xyz \
    aa:bb INV-1 router 'no internet' Jonh smiht ab cd ef gh; do
    q=${q// /%20}
    curl -sf -o /dev/null -H "Authorization: Bearer $token" "$api/search?q=$q"
    curl -sf -o /dev/null -H "Authorization: Bearer $token" "$api/subscribers?limit=20&sort=-createdAt"
  done
}

start_app() { # <log> <extra jvm options...>
  local log=$1
  shift
  (cd "$app" &&
    TENANTRY_TENANT_SLUG=bench \
    QUARKUS_HTTP_PORT=$port \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
    QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD=unused \
    TENANTRY_TENANT_SIGNING_KEY_DIR="$work/signing" \
    TENANTRY_TENANT_ENTITLEMENTS_DIR="$work/entitlements" \
    TENANTRY_TENANT_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
      exec "$java" $jvm_opts "$@" -jar quarkus-run.jar >"$log" 2>&1) &
  pid=$!
  for _ in $(seq 1 240); do
    grep -qs "started in" "$log" && break
    sleep 0.25
  done
}

aot_opts=()
if [[ ${AOT:-on} == on ]] && "$java" -XX:AOTMode=off -version >/dev/null 2>&1; then
  # the first start migrates the database and invites the first administrator; training on a
  # restart records only what every later start loads (~2 MiB less RSS)
  start_app "$work/first-start.log"
  kill "$pid"
  wait "$pid" || true
  start_app "$work/training.log" -XX:AOTCacheOutput=app.aot \
    -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining
  [[ ${AOT_TRAINING:-startup} == requests ]] && requests=5 || requests=0
  for _ in $(seq 1 $requests); do
    curl -s -o /dev/null "http://127.0.0.1:$port/q/health"
    curl -s -o /dev/null "http://127.0.0.1:$port/internal/v1/search?q=training"
    curl -s -o /dev/null -H 'Content-Type: application/json' \
      -d '{"email":"nobody@bench.test","password":"not-the-password"}' \
      "http://127.0.0.1:$port/api/v1/auth/login"
  done
  kill "$pid"
  wait "$pid" || true # the cache is written as the JVM exits
  grep -q "AOTCache creation is complete" "$work/training.log" || {
    cat "$work/training.log"
    exit 1
  }
  # mapped at its recorded address, the cache stays clean, file-backed and shareable
  aot_opts=(-XX:AOTCache=app.aot -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0)
fi

echo "java: $("$java" -version 2>&1 | head -1); opts: $jvm_opts ${aot_opts[*]}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  log="$work/run-$run.log"
  start_app "$log" "${aot_opts[@]}"
  started=$(grep -o "started in [0-9.]*s" "$log" || echo "did not start")
  sleep "$idle"
  rss=$(awk '/VmRSS|RssAnon|RssFile/ {printf "%s %.1f MiB ", $1, $2 / 1024}' "/proc/$pid/status")
  echo "run $run: $started, after ${idle}s idle: $rss(load $(cut -d' ' -f1 /proc/loadavg))"
  work_as_staff
  sleep "$idle"
  rss=$(awk '/VmRSS|RssAnon|RssFile/ {printf "%s %.1f MiB ", $1, $2 / 1024}' "/proc/$pid/status")
  echo "       after work and ${idle}s idle: $rss"
  kill "$pid"
  wait "$pid" || true
done
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db"
rm -rf "$work"
