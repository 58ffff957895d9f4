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

app_jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
app_url() { echo "http://localhost:${APP_PORT[$1]}"; }
app_ready() { http_ok "$(app_url "$1")/q/health/ready"; }

# CLINIC_PORTAL_URL, CLINIC_INTAKE_URL, ...: for deploy/demo/load-demo.sh and anyone else.
export_app_urls() {
  local m
  for m in "${APP_MODULES[@]}"; do export "${APP_PORT_VAR[$m]%_PORT}_URL=$(app_url "$m")"; done
}

# Settings added to every application's environment (NAME=value), e.g. by ./clinic faults.
APP_EXTRA_ENV=()

app_start() {
  local module=$1 db=${APP_DB[$1]} m
  local env=(
    QUARKUS_HTTP_PORT="${APP_PORT[$module]}"
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
  if [[ $module == staff-portal ]]; then
    for m in "${APP_MODULES[@]}"; do
      if [[ -n ${APP_DB[$m]} ]]; then env+=("SECUREBASE_SERVICES_${APP_DB[$m]^^}_URL=$(app_url "$m")"); fi
    done
  fi
  # Serial GC: five JVMs beside PostgreSQL, Kafka and Keycloak on two cores; G1's concurrent threads
  # cost more than its pauses save (bench: intake writes at 20/s p99 216 ms with G1, 76 ms with Serial).
  start_bg "$module" env "${env[@]}" ${APP_EXTRA_ENV[@]+"${APP_EXTRA_ENV[@]}"} \
    java -XX:+UseSerialGC -Xmx256m -jar "$(app_jar "$module")"
}

apps_up() {
  local m missing=()
  for m in "${APP_MODULES[@]}"; do
    [[ -f $(app_jar "$m") ]] || missing+=("  $m/target/quarkus-app/quarkus-run.jar")
  done
  if ((${#missing[@]})); then
    die "these applications are not built:
$(printf '%s\n' "${missing[@]}")
Build them with ./clinic up (without CLINIC_SKIP_BUILD=1) or ./mvnw package -DskipTests; a module that
does not produce quarkus-app/ is not a Quarkus application yet."
  fi
  for m in "${APP_MODULES[@]}"; do
    if running_pid "$m" >/dev/null; then
      say "$m already running (pid $(running_pid "$m"))"
      continue
    fi
    rm -f "$(pid_file "$m")"
    require_free_port "$m" "${APP_PORT[$m]}"
    say "starting $m on port ${APP_PORT[$m]}"
    app_start "$m"
  done
  for m in "${APP_MODULES[@]}"; do
    wait_ready "$m" 120 app_ready "$m"
    say "$m ready at $(app_url "$m")"
  done
}

apps_down() {
  local i
  for ((i = ${#APP_MODULES[@]} - 1; i >= 0; i--)); do stop_bg "${APP_MODULES[i]}"; done
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
  local m
  echo
  echo "SecureBase is up."
  echo
  printf '  %-24s %s\n' "Staff portal" "$(app_url staff-portal)"
  for m in "${APP_MODULES[@]}"; do
    [[ $m == staff-portal ]] && continue
    printf '  %-24s %s   (API: %s/q/swagger-ui  OpenAPI: %s/q/openapi)\n' "$m" "$(app_url "$m")" "$(app_url "$m")" "$(app_url "$m")"
  done
  printf '  %-24s %s   (admin / admin)\n' "Keycloak admin console" "$KEYCLOAK_URL/admin/master/console/#/securebase"
  printf '  %-24s %s   (mail of a recipient: %s/api/user/<email>/messages/)\n' "Mail viewer (GreenMail)" "$MAIL_API_URL/" "$MAIL_API_URL"
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
