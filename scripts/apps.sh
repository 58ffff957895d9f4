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
  # Serial GC: five JVMs beside PostgreSQL, Kafka and Keycloak on two cores; G1's concurrent threads
  # cost more than its pauses save (bench: intake writes at 20/s p99 216 ms with G1, 76 ms with Serial).
  start_bg "$1" env "${env[@]}" ${APP_EXTRA_ENV[@]+"${APP_EXTRA_ENV[@]}"} \
    java -XX:+UseSerialGC -Xmx256m -jar "$(app_jar "$module")"
}

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
  local i name
  front_down
  for ((i = ${#APP_MODULES[@]} - 1; i >= 0; i--)); do
    for name in $(app_running "${APP_MODULES[i]}"); do stop_bg "$name"; done
  done
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
