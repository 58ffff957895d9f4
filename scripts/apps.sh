# The SecureBase applications, run from their packaged Quarkus jars.

# module, the variable that overrides its port, default port, database (none for the portal).
APPS=(
  "staff-portal          CLINIC_PORTAL_PORT         8080"
  "intake-service        CLINIC_INTAKE_PORT         8081  intake"
  "sessions-service      CLINIC_SESSIONS_PORT       8082  sessions"
  "referrals-service     CLINIC_REFERRALS_PORT      8083  referrals"
  "notifications-service CLINIC_NOTIFICATIONS_PORT  8084  notifications"
)

APP_MODULES=()
declare -A APP_PORT APP_PORT_VAR APP_DB
for entry in "${APPS[@]}"; do
  read -r module port_var default_port db <<<"$entry"
  APP_MODULES+=("$module")
  APP_PORT_VAR[$module]=$port_var
  APP_PORT[$module]=${!port_var:-$default_port}
  APP_DB[$module]=${db:-}
done
unset entry module port_var default_port db

# Instances of each application that ./clinic up starts (--replicas N, CLINIC_REPLICAS). One is named
# after its module and listens on the module's port; with N > 1 they are MODULE-1..MODULE-N on the
# port + 10n (8081 -> 8091, 8101, ...) behind the front (scripts/front.sh) on the module's port. At
# most 9: instance 10 of the portal would take Keycloak's 8180.
REPLICAS=${CLINIC_REPLICAS:-1}

replicas_check() {
  local m name port taken
  [[ $REPLICAS =~ ^[1-9]$ ]] || die "--replicas (CLINIC_REPLICAS) takes 1 to 9, not '$REPLICAS'"
  ((REPLICAS > 1)) || return 0
  # Shifted ports (CLINIC_*_PORT) can put an instance on a server's port: say so before starting anything.
  taken=" $PG_PORT $KAFKA_PORT $KAFKA_CONTROLLER_PORT $KEYCLOAK_PORT $SMTP_PORT $MAIL_API_PORT ${APP_PORT[*]} "
  for m in "${APP_MODULES[@]}"; do
    for name in $(app_instances "$m"); do
      port=$(app_instance_port "$name")
      [[ $taken != *" $port "* ]] || die "$name would listen on port $port (its application's port + 10n), which
another part of the stack uses; move that one (CLINIC_*_PORT, see ./clinic help)"
      taken+="$port "
    done
  done
}

# APP_JAR_ROOT: another checkout's packaged applications (./clinic bench --baseline runs them).
app_jar() { echo "${APP_JAR_ROOT:-$ROOT}/$1/target/quarkus-app/quarkus-run.jar"; }
# The application's address: its only instance, or the front.
app_url() { echo "http://localhost:${APP_PORT[$1]}"; }

app_module() { echo "${1%-[0-9]}"; } # intake-service-2 -> intake-service

app_instance_port() { # instance name
  local m
  m=$(app_module "$1")
  if [[ $1 == "$m" ]]; then echo "${APP_PORT[$m]}"; else echo $((APP_PORT[$m] + 10 * ${1##*-})); fi
}

app_instances() { # module: the instance names ./clinic up starts for it
  local n
  if ((REPLICAS == 1)); then echo "$1"; else for ((n = 1; n <= REPLICAS; n++)); do echo "$1-$n"; done; fi
}

app_started() { # module: its instances with a PID file, whatever ./clinic up started them (a crashed one keeps it)
  local file name
  for file in "$RUN/$1.pid" "$RUN/$1"-[0-9].pid; do
    name=${file##*/}
    [[ -f $file ]] && echo "${name%.pid}"
  done
  return 0
}

app_running() { # module: the instances of it that run now
  local name
  for name in $(app_started "$1"); do running_pid "$name" >/dev/null && echo "$name"; done
  return 0
}

app_ready() { http_ok "http://localhost:$(app_instance_port "$1")/q/health/ready"; } # instance name

# CLINIC_PORTAL_URL, CLINIC_INTAKE_URL, ...: for deploy/demo/load-demo.sh and anyone else.
export_app_urls() {
  local m
  for m in "${APP_MODULES[@]}"; do export "${APP_PORT_VAR[$m]%_PORT}_URL=$(app_url "$m")"; done
}

# Settings added to every application's environment (NAME=value), e.g. by ./clinic faults.
APP_EXTRA_ENV=()

# CLINIC_LOG_FORMAT=json: each log line one JSON object carrying the MDC (trace and span ids), as a log
# collector reads them; plain text, the default, is easier on a person reading .clinic/logs/.
LOG_FORMAT=${CLINIC_LOG_FORMAT:-text}

log_format_check() {
  [[ $LOG_FORMAT == text || $LOG_FORMAT == json ]] || die "CLINIC_LOG_FORMAT is text or json, not '$LOG_FORMAT'"
}

app_start() { # instance name
  local module db m
  module=$(app_module "$1")
  db=${APP_DB[$module]}
  local env=(
    QUARKUS_HTTP_PORT="$(app_instance_port "$1")"
    KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA_PORT"
    QUARKUS_OIDC_AUTH_SERVER_URL="$OIDC_URL"
  )
  if [[ -n $db ]]; then
    env+=(
      QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PG_PORT/$db"
      QUARKUS_DATASOURCE_USERNAME="$db"
      QUARKUS_DATASOURCE_PASSWORD="$db"
    )
  fi
  if [[ $module == notifications-service ]]; then
    env+=(QUARKUS_MAILER_HOST=localhost QUARKUS_MAILER_PORT="$SMTP_PORT")
  fi
  # Spans go to Zipkin when it runs (./clinic up); otherwise nowhere, and nothing is logged about it.
  if running_pid zipkin >/dev/null; then
    env+=(SECUREBASE_TRACING_ZIPKIN_ENDPOINT="$ZIPKIN_URL/api/v2/spans")
  fi
  if [[ $LOG_FORMAT == json ]]; then
    env+=(QUARKUS_LOG_CONSOLE_JSON_ENABLED=true)
  fi
  # Portal instances reach the services through the front, and share PORTAL_SESSION_SECRET (the
  # environment's, or the same default), so a cookie one sealed opens on the others.
  if [[ $module == staff-portal ]]; then
    for m in "${APP_MODULES[@]}"; do
      if [[ -n ${APP_DB[$m]} ]]; then env+=("SECUREBASE_SERVICES_${APP_DB[$m]^^}_URL=$(app_url "$m")"); fi
    done
  fi
  app_java_init
  local java_opts=("${APP_JAVA_OPTS[@]}")
  mapfile -t -O ${#java_opts[@]} java_opts < <(app_cache_opts "$1")
  start_bg "$1" env "${env[@]}" ${APP_EXTRA_ENV[@]+"${APP_EXTRA_ENV[@]}"} \
    "$APP_JAVA" "${java_opts[@]}" -jar "$(app_jar "$module")"
}

# Serial GC: five JVMs beside PostgreSQL, Kafka and Keycloak on two cores; G1's concurrent threads
# cost more than its pauses save (bench: intake writes at 20/s p99 216 ms with G1, 76 ms with Serial).
# -Xms32m: on a 24 GiB machine the initial heap would be the whole -Xmx, and an idle service would keep
# a young generation of 70 MiB touched; grown on demand instead (idle RSS 50-70 MiB less, ./clinic bench startup).
APP_JAVA_OPTS=(-XX:+UseSerialGC -Xms32m -Xmx256m)

# The JVM the applications run on (APP_JAVA, its feature release APP_JAVA_MAJOR): CLINIC_APP_JAVA_HOME,
# else the newest JDK 25 or later under /usr/lib/jvm (the machines' second JDK, Temurin's), else the java
# on the PATH (17). The suite is Java 17 bytecode; on 25 it starts from an AOT cache (JEP 483/514/515),
# which does more than 17's AppCDS (docs/benchmark.md).
jdk_release() { # JDK home: its feature release, from its release file (empty if it has none)
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true
}

app_java_init() {
  [[ -z ${APP_JAVA:-} ]] || return 0
  local home major
  if [[ -n ${CLINIC_APP_JAVA_HOME:-} ]]; then
    APP_JAVA=$CLINIC_APP_JAVA_HOME/bin/java
    [[ -x $APP_JAVA ]] || die "CLINIC_APP_JAVA_HOME=$CLINIC_APP_JAVA_HOME holds no bin/java"
  else
    APP_JAVA_MAJOR=0
    for home in /usr/lib/jvm/*/; do
      major=$(jdk_release "$home")
      if [[ $major =~ ^[0-9]+$ ]] && ((major >= 25 && major > APP_JAVA_MAJOR)) && [[ -x $home/bin/java ]]; then
        APP_JAVA=${home%/}/bin/java
        APP_JAVA_MAJOR=$major
      fi
    done
    [[ -n ${APP_JAVA:-} ]] || APP_JAVA=$(command -v java) || die "no java on the PATH"
  fi
  APP_JAVA_MAJOR=$("$APP_JAVA" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
}

# Start-up archives, one per application in $STATE/aot: the classes a start loads (and, on JDK 25, their
# linking and method profiles), mapped from a file instead of read, parsed and verified again. An archive
# is written when the JVM exits after a start that recorded it; it is only valid for the very jars and
# JVM that made it, so a rebuild makes the next start record again. ./clinic up records (apps_up sets
# APP_CACHE_RECORD=1); any start uses a valid archive; CLINIC_APP_CACHE=0 turns both off.
APP_CACHE_RECORD=0

app_cache_stamp() { # module: what an archive of it depends on
  printf '%s\n' "$APP_JAVA" "$(stat -L -c '%s %Y' "$(dirname "$(readlink -f "$APP_JAVA")")/../lib/modules")" "${APP_JAVA_OPTS[*]}"
  find "$(dirname "$(app_jar "$1")")" -type f ! -name '*.aot' ! -name '*.jsa' -printf '%P %s %T@\n' | sort
}

app_cache_opts() { # instance name: the archive options of its start, one per line
  [[ ${CLINIC_APP_CACHE:-1} == 1 ]] || return 0
  local module archive use record quiet stamp
  module=$(app_module "$1")
  # Recording warns about every class it leaves out (generated at run time, failed verification...):
  # hundreds of lines of no news in the application's log, which CLINIC_LOG_FORMAT=json keeps JSON.
  if ((APP_JAVA_MAJOR >= 25)); then
    archive="$STATE/aot/$module.aot"
    use=-XX:AOTCache=$archive
    record=-XX:AOTCacheOutput=$archive
    quiet='-Xlog:aot*=error,cds*=error'
  else
    archive="$STATE/aot/$module.jsa"
    use=-XX:SharedArchiveFile=$archive
    record=-XX:ArchiveClassesAtExit=$archive
    quiet='-Xlog:cds*=error'
  fi
  stamp=$(app_cache_stamp "$module" | sha256sum | cut -d' ' -f1)
  # The stamp is written when recording starts; the archive only at the JVM's exit (a killed JVM leaves
  # none, and JDK 25 leaves its .config while it is still assembling one).
  if [[ -f $archive && ! -f $archive.config && $archive -nt $archive.stamp && $(cat "$archive.stamp" 2>/dev/null) == "$stamp" ]]; then
    # Should it not fit after all, the JVM says so in the log and starts without it.
    echo "$use"
    return
  fi
  # One instance records (replicas would write the same file); the others start without.
  ((APP_CACHE_RECORD)) && [[ $1 == "$module" || $1 == "$module-1" ]] || return 0
  mkdir -p "$STATE/aot"
  rm -f "$archive" "$archive.config"
  echo "$stamp" >"$archive.stamp"
  printf '%s\n' "$record" "$quiet"
}

# Stops an instance; a JVM that recorded its archive writes it on the way out, which takes a while.
app_stop() { stop_bg "$1" 120; }

apps_up() {
  local m name missing=()
  replicas_check
  log_format_check
  for m in "${APP_MODULES[@]}"; do
    [[ -f $(app_jar "$m") ]] || missing+=("  $m/target/quarkus-app/quarkus-run.jar")
  done
  if ((${#missing[@]})); then
    die "these applications are not built:
$(printf '%s\n' "${missing[@]}")
Build them with ./clinic up (without CLINIC_SKIP_BUILD=1) or ./mvnw package -DskipTests; a module that
does not produce quarkus-app/ is not a Quarkus application yet."
  fi
  # Instances of an earlier ./clinic up with another --replicas make way first (they hold the ports).
  for m in "${APP_MODULES[@]}"; do
    for name in $(app_running "$m"); do
      [[ " $(app_instances "$m" | paste -sd' ') " == *" $name "* ]] || stop_bg "$name"
    done
  done
  ((REPLICAS > 1)) || front_down
  APP_CACHE_RECORD=1
  for m in "${APP_MODULES[@]}"; do
    for name in $(app_instances "$m"); do
      if running_pid "$name" >/dev/null; then
        say "$name already running (pid $(running_pid "$name"))"
        continue
      fi
      rm -f "$(pid_file "$name")"
      require_free_port "$name" "$(app_instance_port "$name")"
      say "starting $name on port $(app_instance_port "$name")"
      app_start "$name"
    done
  done
  ((REPLICAS == 1)) || front_up "$REPLICAS" "${APP_MODULES[@]}"
  for m in "${APP_MODULES[@]}"; do
    for name in $(app_instances "$m"); do
      wait_ready "$name" 120 app_ready "$name"
    done
    say "$m ready at $(app_url "$m")$( ((REPLICAS == 1)) || echo " ($REPLICAS instances behind the front)")"
  done
}

apps_down() {
  local m name
  front_down
  # All at once: each may be writing its start-up archive.
  for m in "${APP_MODULES[@]}"; do
    for name in $(app_running "$m"); do app_stop "$name" & done
  done
  wait
}

load_demo() {
  local script="$ROOT/deploy/demo/load-demo.sh"
  [[ -f $script ]] || return 0
  say "loading demo data (deploy/demo/load-demo.sh)"
  export_app_urls
  bash "$script"
}

demo_logins() {
  jq -r '.users[] | select(.serviceAccountClientId == null)
         | [.username, (.realmRoles | join(",")),
            ((.attributes // {}) | to_entries | map("\(.key)=\(.value[0])") | join(" "))] | @tsv' "$REALM_JSON"
}

machine_clients() {
  jq -r '.users as $users | .clients[] | select(.serviceAccountsEnabled) | . as $c
         | $users[] | select(.serviceAccountClientId == $c.clientId)
         | [$c.clientId, $c.secret,
            (((.realmRoles // []) + [(.clientRoles // {}) | to_entries[] | .key as $k | .value[] | "\($k):\(.)"])
              | join(",")),
            ((.attributes // {}) | to_entries | map("\(.key)=\(.value[0])") | join(" "))] | @tsv' "$REALM_JSON"
}

print_summary() {
  local m name
  echo
  echo "SecureBase is up."
  echo
  printf '  %-24s %s\n' "Staff portal" "$(app_url staff-portal)"
  for m in "${APP_MODULES[@]}"; do
    [[ $m == staff-portal ]] && continue
    printf '  %-24s %s   (API: %s/q/swagger-ui  OpenAPI: %s/q/openapi)\n' "$m" "$(app_url "$m")" "$(app_url "$m")" "$(app_url "$m")"
  done
  if ((REPLICAS > 1)); then
    printf '  %-24s %s instances of each application behind a round-robin front (HAProxy) on each URL above;\n' \
      "" "$REPLICAS"
    printf '  %-24s instance n on the port + 10n (e.g. %s), see ./clinic status\n' "" \
      "$(for name in $(app_instances intake-service); do printf '%s :%s, ' "$name" "$(app_instance_port "$name")"; done | sed 's/, $//')"
  fi
  printf '  %-24s %s   (admin / admin)\n' "Keycloak admin console" "$KEYCLOAK_URL/admin/master/console/#/securebase"
  printf '  %-24s %s   (mail of a recipient: %s/api/user/<email>/messages/)\n' "Mail viewer (GreenMail)" "$MAIL_API_URL/" "$MAIL_API_URL"
  if running_pid zipkin >/dev/null; then
    printf '  %-24s %s   (a trace as JSON: %s/api/v2/trace/<trace id>)\n' "Traces (Zipkin)" "$ZIPKIN_URL/zipkin/" "$ZIPKIN_URL"
  fi
  echo
  echo "  Demo logins (password: demo):"
  demo_logins | while IFS=$'\t' read -r user roles where; do
    printf '    %-8s %-20s %s\n' "$user" "$roles" "$where"
  done
  echo "  Machine clients (client credentials grant):"
  machine_clients | while IFS=$'\t' read -r client secret roles where; do
    printf '    %-18s secret %-26s %-20s %s\n' "$client" "$secret" "$roles" "$where"
  done
  echo
  echo "  Logs: .clinic/logs/   (./clinic logs NAME, ./clinic status, ./clinic down)"
}
