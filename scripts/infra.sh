# The four servers of the local stack: PostgreSQL, Kafka, Keycloak, GreenMail; and Zipkin, the trace
# backend, which only ./clinic up starts (the tests need none).
# Each NAME has NAME_prepare (install what is missing, write config), NAME_start and NAME_ready;
# a second `./clinic infra` only checks that what is already up still answers.

SERVICES=(intake sessions referrals notifications)

PG_BIN=/usr/lib/postgresql/15/bin
PG_HOME="$STATE/pg"
PG_DATA="$PG_HOME/data"
PG_SOCKETS="$PG_HOME/run"

KAFKA_HOME="$STATE/kafka"
KAFKA_JAVA=(java -Dlog4j2.configurationFile="$KAFKA_HOME/config/log4j2.properties" -cp "$KAFKA_HOME/lib/*")

KEYCLOAK_VERSION=26.7.3
KEYCLOAK_HOME="$STATE/keycloak/keycloak-$KEYCLOAK_VERSION"

GREENMAIL_VERSION=2.1.8
GREENMAIL_JAR="$STATE/greenmail/greenmail-standalone-$GREENMAIL_VERSION.jar"

ZIPKIN_VERSION=3.5.1
ZIPKIN_JAR="$STATE/zipkin/zipkin-server-$ZIPKIN_VERSION-exec.jar"

INFRA=(postgres kafka keycloak greenmail)

infra_ports() {
  case $1 in
    postgres) echo "$PG_PORT" ;;
    kafka) echo "$KAFKA_PORT $KAFKA_CONTROLLER_PORT" ;;
    keycloak) echo "$KEYCLOAK_PORT" ;;
    greenmail) echo "$SMTP_PORT $MAIL_API_PORT" ;;
    zipkin) echo "$ZIPKIN_PORT" ;;
  esac
}

launch_server() { # name: installs and starts it unless it already runs
  local name=$1 port
  "${name}_prepare"
  running_pid "$name" >/dev/null && return
  rm -f "$(pid_file "$name")"
  for port in $(infra_ports "$name"); do require_free_port "$name" "$port"; done
  say "starting $name"
  "${name}_start"
}

await_server() { # name timeout-seconds
  wait_ready "$1" "$2" "${1}_ready"
  say "$1 ready (pid $(running_pid "$1"))"
}

# All four start together; they do not need each other, and Keycloak's start-up dominates.
infra_up() {
  mkdir -p "$LOGS" "$RUN"
  local name
  browser_prepare
  promtool_prepare
  for name in "${INFRA[@]}"; do launch_server "$name"; done
  await_server postgres 60
  postgres_create_databases
  await_server kafka 90
  await_server keycloak 240
  # Only now is the realm in Keycloak's database the one in the JSON.
  sha256sum "$REALM_JSON" | cut -d' ' -f1 >"$STATE/keycloak/realm.sha256"
  await_server greenmail 30
}

infra_stop() { # name
  if [[ $1 == postgres ]]; then postgres_stop; else stop_bg "$1"; fi
}

infra_down() {
  local name
  for name in zipkin greenmail keycloak kafka postgres; do infra_stop "$name"; done
}

# promtool, Prometheus' own checker, for deploy-checks' alert-rule tests (PromQL parsed by Prometheus'
# parser, the rules' unit tests run): unpacked from Debian's prometheus package into .clinic/prometheus,
# never installed, so no Prometheus server is set up or started.
PROMTOOL="$STATE/prometheus/usr/bin/promtool"

promtool_prepare() {
  local deb="$STATE/prometheus/deb"
  [[ -x $PROMTOOL ]] && return 0
  say "fetching promtool (Debian's prometheus package, unpacked into ${STATE#"$ROOT"/}/prometheus)"
  mkdir -p "$deb"
  if ! (cd "$deb" && apt-get download -q prometheus >>"$LOGS/fetch.log" 2>&1); then
    apt-get update -q >>"$LOGS/fetch.log" 2>&1
    (cd "$deb" && apt-get download -q prometheus >>"$LOGS/fetch.log" 2>&1) \
      || { show_log_tail fetch; die "apt-get download prometheus failed"; }
  fi
  dpkg-deb -x "$deb"/prometheus_*.deb "$STATE/prometheus"
  rm -rf "$deb"
  [[ -x $PROMTOOL ]] || die "the prometheus package held no usr/bin/promtool"
}

# Chromium and its WebDriver (Debian packages) for the portal's browser tests in e2e-tests; installed
# only when missing, like PostgreSQL, so Selenium never downloads a browser of its own.
CHROMIUM_BIN=/usr/bin/chromium
CHROMEDRIVER_BIN=/usr/bin/chromedriver

browser_prepare() {
  if [[ ! -x $CHROMIUM_BIN || ! -x $CHROMEDRIVER_BIN ]]; then
    say "installing Chromium and chromium-driver for the browser tests (apt-get)"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver
  fi
}

# PostgreSQL 15 (Debian packages), a private cluster owned by user postgres

as_postgres() { runuser -u postgres -- "$@"; }

postgres_prepare() {
  if [[ ! -x $PG_BIN/pg_ctl ]]; then
    say "installing PostgreSQL 15 (apt-get)"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
  fi
  mkdir -p "$PG_SOCKETS"
  if [[ ! -f $PG_DATA/PG_VERSION ]]; then
    say "creating the PostgreSQL cluster in ${PG_DATA#"$ROOT"/}"
    mkdir -p "$PG_DATA"
    chown -R postgres:postgres "$PG_HOME"
    as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=peer --auth-host=scram-sha-256 >"$LOGS/postgres-initdb.log"
    echo "include_if_exists = 'clinic.conf'" >>"$PG_DATA/postgresql.conf"
  fi
  # Rewritten every time so a changed CLINIC_PG_PORT takes effect at the next start.
  cat >"$PG_DATA/clinic.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKETS'
max_connections = 200
# Per-statement counts and times for ./clinic bench (SQL statements per intake); the cost is small.
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.max = 5000
EOF
  chown postgres:postgres "$PG_DATA/clinic.conf" "$PG_SOCKETS"
  touch "$LOGS/postgres.log"
  chown postgres:postgres "$LOGS/postgres.log"
  postgres_refresh_pid
}

# pg_ctl knows whether our cluster runs, even if .clinic/run lost its PID file.
postgres_refresh_pid() {
  if [[ -f $PG_DATA/postmaster.pid ]] && as_postgres "$PG_BIN/pg_ctl" status -D "$PG_DATA" >/dev/null 2>&1; then
    head -n 1 "$PG_DATA/postmaster.pid" >"$(pid_file postgres)"
  fi
}

postgres_start() {
  setsid -w runuser -u postgres -- "$PG_BIN/pg_ctl" start -D "$PG_DATA" -l "$LOGS/postgres.log" -w -t 60 \
    >/dev/null 9>&- || { show_log_tail postgres; die "PostgreSQL did not start"; }
  postgres_refresh_pid
}

postgres_ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; }

postgres_stop() {
  postgres_refresh_pid
  if [[ -f $(pid_file postgres) ]]; then
    say "stopping postgres (pid $(<"$(pid_file postgres)"))"
    as_postgres "$PG_BIN/pg_ctl" stop -D "$PG_DATA" -m fast -w -t 60 >/dev/null
  fi
  rm -f "$(pid_file postgres)"
}

postgres_create_databases() {
  local s db sql=""
  for s in "${SERVICES[@]}"; do
    sql+="SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', '$s', '$s')
            WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$s') \\gexec
"
    for db in "$s" "${s}_test" "${s}_e2e"; do
      sql+="SELECT format('CREATE DATABASE %I OWNER %I', '$db', '$s')
              WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db') \\gexec
"
    done
  done
  as_postgres psql -q -X -v ON_ERROR_STOP=1 -h "$PG_SOCKETS" -p "$PG_PORT" -d postgres <<<"$sql" >/dev/null
}

# Apache Kafka 4.4 (jars from Maven Central), one KRaft node as broker and controller

kafka_prepare() {
  if [[ ! -f $KAFKA_HOME/lib/.complete ]]; then
    say "fetching the Kafka broker jars (Maven Central)"
    rm -rf "$KAFKA_HOME/lib"
    infra_mvn dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$KAFKA_HOME/lib"
    touch "$KAFKA_HOME/lib/.complete"
  fi
  mkdir -p "$KAFKA_HOME/config" "$KAFKA_HOME/data"
  cat >"$KAFKA_HOME/config/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_HOME/data
num.partitions=3
auto.create.topics.enable=true
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  cat >"$KAFKA_HOME/config/log4j2.properties" <<'EOF'
appender.out.type = Console
appender.out.name = out
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = out
EOF
  if [[ ! -f $KAFKA_HOME/data/meta.properties ]]; then
    say "formatting Kafka storage"
    local cluster_id
    cluster_id=$("${KAFKA_JAVA[@]}" kafka.tools.StorageTool random-uuid)
    "${KAFKA_JAVA[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_HOME/config/server.properties" \
      >"$LOGS/kafka-format.log"
  fi
}

kafka_start() { start_bg kafka "${KAFKA_JAVA[@]}" -Xmx512m kafka.Kafka "$KAFKA_HOME/config/server.properties"; }

# The log starts afresh with each start, so the line is from this run.
kafka_ready() { grep -q 'Kafka Server started' "$LOGS/kafka.log" && port_open "$KAFKA_PORT"; }

# Keycloak 26 (start-dev, H2 in its data folder), realm imported from deploy/keycloak

keycloak_prepare() {
  if [[ ! -x $KEYCLOAK_HOME/bin/kc.sh ]]; then
    say "fetching Keycloak $KEYCLOAK_VERSION (Maven Central)"
    fetch_artifact "org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" "$STATE/downloads"
    rm -rf "$KEYCLOAK_HOME"
    mkdir -p "$STATE/keycloak"
    unzip -q "$STATE/downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$STATE/keycloak"
    rm -f "$STATE/downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  fi
  # Keycloak never re-imports a realm it already has: a changed realm JSON needs a fresh database.
  local sha_file="$STATE/keycloak/realm.sha256"
  if [[ $(cat "$sha_file" 2>/dev/null) != "$(sha256sum "$REALM_JSON" | cut -d' ' -f1)" ]]; then
    if [[ -d $KEYCLOAK_HOME/data/h2 ]]; then
      say "the realm JSON changed: Keycloak starts over with a fresh database"
      stop_bg keycloak
      rm -rf "$KEYCLOAK_HOME/data/h2"
    fi
    rm -f "$sha_file"
  fi
  mkdir -p "$KEYCLOAK_HOME/data/import"
  cp "$REALM_JSON" "$KEYCLOAK_HOME/data/import/securebase-realm.json"
}

keycloak_start() {
  start_bg keycloak env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    "$KEYCLOAK_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
    --hostname="$KEYCLOAK_URL" --import-realm
}

# "started" in Keycloak's log comes before the realm answers.
keycloak_ready() { http_ok "$OIDC_URL/.well-known/openid-configuration"; }

# GreenMail (SMTP server that keeps every mail; REST API to read them back)
# Properties, from the jar's own usage text and PropertiesBasedServerSetupBuilder:
#   greenmail.smtp.hostname / greenmail.smtp.port   SMTP bind address and port
#   greenmail.api.hostname / greenmail.api.port     REST API (and a small web page at /)
#   greenmail.auth.disabled                         any sender, any password; mailboxes appear on delivery
# (greenmail.setup.test.smtp fixes the port at 3025 and cannot be combined with greenmail.smtp.port.)
# Reading mail back, with CLINIC_MAIL_API_URL=http://localhost:8025:
#   GET  $CLINIC_MAIL_API_URL/api/user/<recipient email>/messages/   JSON list: subject, mimeMessage, ...
#        (400 "User '...' not found" until the first mail to that address arrives)
#   GET  $CLINIC_MAIL_API_URL/api/user                               every mailbox
#   POST $CLINIC_MAIL_API_URL/api/mail/purge                         delete all mail
#   GET  $CLINIC_MAIL_API_URL/api/service/readiness                  200 when running

greenmail_prepare() {
  if [[ ! -f $GREENMAIL_JAR ]]; then
    say "fetching GreenMail $GREENMAIL_VERSION (Maven Central)"
    fetch_artifact "com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" "$STATE/greenmail"
  fi
}

# GreenMail keeps every message in memory: the bench's dispatch step sends thousands.
greenmail_start() {
  start_bg greenmail java -Xmx512m \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" \
    -Dgreenmail.auth.disabled -jar "$GREENMAIL_JAR"
}

greenmail_ready() { port_open "$SMTP_PORT" && http_ok "$MAIL_API_URL/api/service/readiness"; }

# Zipkin (the trace backend, exec jar from Maven Central), spans kept in memory. Zipkin 3.5 takes
# spans in its own format only (its OTLP collector is not on Maven Central), so the applications
# export with OpenTelemetry's Zipkin exporter (tracing module) to $ZIPKIN_URL/api/v2/spans.
#   GET $ZIPKIN_URL/zipkin/                       the UI: search by service, or paste a trace id
#   GET $ZIPKIN_URL/api/v2/trace/<trace id>       one trace's spans as JSON
#   GET $ZIPKIN_URL/api/v2/traces?serviceName=intake-service&limit=10

zipkin_prepare() {
  if [[ ! -f $ZIPKIN_JAR ]]; then
    say "fetching Zipkin $ZIPKIN_VERSION (Maven Central)"
    fetch_artifact "io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec" "$STATE/zipkin"
  fi
}

# The newest 50,000 spans (a few thousand traces) fit the heap; older ones make way. Only on
# 127.0.0.1, like the other servers (Spring replaces a list whole: the port is given again).
zipkin_start() {
  start_bg zipkin env STORAGE_TYPE=mem MEM_MAX_SPANS=50000 java -Xmx256m \
    "-Darmeria.ports[0].ip=127.0.0.1" "-Darmeria.ports[0].port=$ZIPKIN_PORT" "-Darmeria.ports[0].protocols[0]=http" \
    -jar "$ZIPKIN_JAR"
}

zipkin_ready() { http_ok "$ZIPKIN_URL/health"; }

# For ./clinic up only; the applications started afterwards export to it (apps.sh).
zipkin_up() {
  launch_server zipkin
  await_server zipkin 90
}
