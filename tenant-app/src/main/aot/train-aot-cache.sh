#!/usr/bin/env bash
# Trains the JDK 25 AOT cache (JEP 483/514) that the tenant-app image ships, in the layout the image
# has, and proves that the JVM accepts it. Run by the `aot` Maven profile in `package` (see
# tenant-app/pom.xml and docs/benchmarks.md); needs psql access to a PostgreSQL (the app migrates).
#
#   src/main/aot/train-aot-cache.sh <quarkus-app dir> <image JDK version, e.g. 25.0.3+9>
#   src/main/aot/train-aot-cache.sh --verify <quarkus-app dir> <class-path hashes from training>
#   src/main/aot/train-aot-cache.sh --hashes <quarkus-app dir>    (prints the class-path hashes)
#
# Why each step (the JVM refuses, or silently ignores, a cache that breaks any of these):
#   - the cache holds JDK classes and is only valid for the JVM build that wrote it: the build JDK
#     must be exactly the Temurin build of the base image (quarkus.jib.base-jvm-image), else this
#     refuses;
#   - the JVM checks the size and modification time of every class-path jar (quarkus-run.jar and
#     lib/boot/*): Quarkus' Jib writes every application file with the epoch as modification time,
#     so the layout is given that time here before training;
#   - the JVM options that shape the archive (collector, compact headers, ...) must be the shipped
#     ones: they are read from quarkus.jib.jvm-arguments, as the image runs them;
#   - the JVM does NOT notice a class-path jar (quarkus-run.jar, lib/boot/*) that changed after
#     training: JDK 25.0.3 then serves the cached, stale classes (tried: a replaced lib/boot jar of
#     another size still ran from the cache). So training writes the SHA-256 of every class-path
#     file beside the cache (app.aot.classpath.sha256), and --verify compares the layout the image
#     is built from with it. Classes of Quarkus' own class loader (lib/main, app/, quarkus/) are
#     matched by the JVM by size and CRC when defined, so a changed one is loaded from its jar;
#   - the image runs the app from /deployments, not from target/: the acceptance run uses a copy of
#     the layout in another directory, with -XX:AOTMode=on, which exits if the cache is unusable.
# Training: a first start migrates an empty database (not recorded); the recorded start serves
# probes, a failed and a successful sign-in, searches, list pages and the staff web app's pages,
# so the cache holds what a real start and its first requests load.
set -euo pipefail

classpath_hashes() { # <app dir>: the files the JVM's application class loader reads
  (cd "$1" && sha256sum quarkus-run.jar lib/boot/*.jar)
}

if [[ ${1:-} == --hashes ]]; then
  classpath_hashes "$2"
  exit 0
fi
if [[ ${1:-} == --verify ]]; then
  if ! diff <(classpath_hashes "$2") "$3" >&2; then
    echo "AOT cache: REFUSED. The class path of $2 differs from the one the cache was trained" \
      "with ($3); the JVM would serve stale classes from it. Train again." >&2
    exit 1
  fi
  echo "AOT cache: the class path of $2 is the one the cache was trained with"
  exit 0
fi

app=$(cd "$1" && pwd)
image_jdk=$2
src=$(cd "$(dirname "$0")/.." && pwd) # src/main
java=${JAVA_HOME:?JAVA_HOME must name the build JDK}/bin/java
db=${AOT_TRAINING_DB:-tenant_aot_training}
pg_host=${AOT_TRAINING_PGHOST:-127.0.0.1}
port=${AOT_TRAINING_PORT:-18099}

build_jdk=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p')
build_vendor=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.vendor\.version = //p')
if [[ ${build_jdk%%-*} != "$image_jdk" || $build_vendor != Temurin-* ]]; then
  echo "AOT cache: REFUSED. The build JDK is $build_vendor $build_jdk; the image runs Temurin" \
    "$image_jdk. A cache is only accepted by the JVM build that wrote it: build with that JDK," \
    "or change the base image and tenantry.aot.image-jdk together." >&2
  exit 1
fi

opts=$(sed -n 's/^quarkus\.jib\.jvm-arguments=//p' "$src/resources/application.properties" | tr ',' '\n')
# the shipped options name the cache; training writes it instead, so that one option is left out
mapfile -t run_opts < <(grep -v '^-XX:AOTCache=' <<<"$opts")
grep -qx -- '-XX:AOTCache=app.aot' <<<"$opts" || {
  echo "AOT cache: quarkus.jib.jvm-arguments must contain -XX:AOTCache=app.aot" >&2
  exit 1
}

work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; psql -h "$pg_host" -U postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
pid=
psql -h "$pg_host" -U postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
mkdir -p "$work/entitlements"
admin_password=$(head -c 18 /dev/urandom | base64)

rm -f "$app/app.aot"
find "$app" -exec touch -h -d @0 {} + # what Jib writes (quarkus.jib.use-current-timestamp-file-modification=false)

start() { # <dir> <log> <options...>: starts the app and waits for readiness
  local dir=$1 log=$2
  shift 2
  (cd "$dir" &&
    TENANTRY_TENANT_SLUG=training \
    QUARKUS_HTTP_PORT=$port \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$pg_host:5432/$db" \
    QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD=unused \
    TENANTRY_TENANT_SIGNING_KEY_DIR="$work/signing" \
    TENANTRY_TENANT_ENTITLEMENTS_DIR="$work/entitlements" \
    TENANTRY_TENANT_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
      exec "$java" "${run_opts[@]}" "$@" -jar quarkus-run.jar >"$log" 2>&1) &
  pid=$!
  for _ in $(seq 1 1200); do
    curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$port/q/health/ready" && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "AOT cache: the app did not become ready; its log:" >&2
  cat "$log" >&2
  exit 1
}

stop() { kill "$pid" && wait "$pid" || true; }

work_load() { # what a start and its first requests load: probes, sign-ins, reads, web pages
  local base=http://127.0.0.1:$port api=http://127.0.0.1:$port/api/v1 answer token chosen page
  curl -s -o /dev/null "$base/q/health/live"
  curl -s -o /dev/null "$base/q/metrics"
  curl -s -o /dev/null -H 'Content-Type: application/json' \
    -d '{"email":"nobody@training.test","password":"not-the-password"}' "$api/auth/login"
  answer=$(curl -sf -H 'Content-Type: application/json' \
    -d "{\"email\":\"admin@tenant.local\",\"password\":\"$admin_password\"}" "$api/auth/login")
  token=$(sed 's/.*"accessToken":"\([^"]*\)".*/\1/' <<<"$answer")
  chosen=$(head -c 18 /dev/urandom | base64)
  curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"currentPassword\":\"$admin_password\",\"newPassword\":\"$chosen\"}" "$api/staff/me/password"
  curl -s -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"accountNumber":"ACC-TRAIN-1","name":"Ada Lovelace","email":"ada@example.net","servicePlan":"fiber-100","radiusUsername":"ada-train","phone":"+1 555 0100"}' \
    "$api/subscribers"
  for q in ada lovlace 0100 'no internet'; do
    curl -s -o /dev/null -H "Authorization: Bearer $token" "$api/search?q=${q// /%20}"
  done
  for page in "subscribers?limit=20&sort=-createdAt" "devices?limit=20" "invoices?limit=20" \
    "tickets?limit=20" "radius/sessions?limit=20" "staff?limit=20"; do
    curl -s -o /dev/null -H "Authorization: Bearer $token" "$api/$page"
  done
  curl -s -o /dev/null -c "$work/cookies" --data-urlencode "email=admin@tenant.local" \
    --data-urlencode "password=$chosen" "$base/app/sign-in"
  for page in "" /subscribers /devices /invoices /sessions /tickets /staff "/search?q=ada"; do
    curl -s -o /dev/null -b "$work/cookies" "$base/app$page"
  done
}

start "$app" "$work/migrate.log"
stop
start "$app" "$work/training.log" -XX:AOTCacheOutput=app.aot
work_load
stop # the JVM writes the cache as it exits
grep -q "AOTCache creation is complete" "$work/training.log" || {
  echo "AOT cache: training did not write a cache; its log:" >&2
  cat "$work/training.log" >&2
  exit 1
}
touch -h -d @0 "$app/app.aot"
classpath_hashes "$app" >"$app/app.aot.classpath.sha256"

# Acceptance: the layout elsewhere (as /deployments in the image), the shipped options verbatim,
# and -XX:AOTMode=on, which makes the JVM exit instead of running without an unusable cache.
mkdir -p "$work/deployments"
cp -a "$app/." "$work/deployments/"
mapfile -t shipped < <(printf '%s\n' "$opts")
run_opts=("${shipped[@]}")
start "$work/deployments" "$work/accept.log" -XX:AOTMode=on -Xlog:aot=info
stop
grep -q "Using AOT-linked classes" "$work/accept.log" || {
  echo "AOT cache: the JVM did not use the cache's classes; its log:" >&2
  cat "$work/accept.log" >&2
  exit 1
}
echo "AOT cache: $app/app.aot ($(du -m "$app/app.aot" | cut -f1) MiB) trained by $build_vendor $build_jdk and accepted from another directory with -XX:AOTMode=on"
