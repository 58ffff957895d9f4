# ./clinic faults [--short]: the fault suite. Each scenario puts steady load on the services (new clients
# registered, intakes completed, episodes moved to maintenance, reminders mailed, a check-in's link mailed),
# breaks one server
# while the load runs, repairs it, and then counts: every accepted request's effects exist exactly once,
# downstream too, and refused requests left nothing behind.
#
# It kills servers, so it runs on a private stack of its own: state in .clinic/faults/ (fresh databases
# and Kafka log each run), every port shifted by CLINIC_FAULTS_PORT_OFFSET (20000: PostgreSQL 25433,
# Kafka 29092/29093, Keycloak 28180, SMTP 23025, mail API 28025, services 28081-28084). The Kafka,
# Keycloak and GreenMail installs are taken from .clinic/ when there (CLINIC_FAULTS_SEED), else fetched.
# The services run from their packaged jars (./mvnw package first). Results: .clinic/faults/results.json.
#
# The services are reached through the front of ./clinic up --replicas (scripts/front.sh) in every
# scenario, with one instance each (MODULE-1, on port + 10) except in `replicas`, which adds a second
# (port + 20) for its own run: the other scenarios keep killing the only instance of a thing, while
# no scenario needs the stack restarted, and the load reaches the services the same way in all.

FAULTS_OFFSET="${CLINIC_FAULTS_PORT_OFFSET:-20000}"
# keycloak last: the short run leaves Keycloak down.
FAULT_SCENARIOS=(kafka consumers postgres smtp replicas keycloak)
FAULT_APPS=(intake-service sessions-service referrals-service notifications-service)

# The same ./clinic again, with the private stack's state folder and ports; returns its exit code.
faults_main() {
  local o=$FAULTS_OFFSET
  env CLINIC_STATE="$STATE/faults" CLINIC_FAULTS_SEED="${CLINIC_FAULTS_SEED:-$STATE}" \
    CLINIC_PG_PORT=$((5433 + o)) CLINIC_KAFKA_PORT=$((9092 + o)) CLINIC_KAFKA_CONTROLLER_PORT=$((9093 + o)) \
    CLINIC_KEYCLOAK_PORT=$((8180 + o)) CLINIC_SMTP_PORT=$((3025 + o)) CLINIC_MAIL_API_PORT=$((8025 + o)) \
    CLINIC_PORTAL_PORT=$((8080 + o)) CLINIC_INTAKE_PORT=$((8081 + o)) CLINIC_SESSIONS_PORT=$((8082 + o)) \
    CLINIC_REFERRALS_PORT=$((8083 + o)) CLINIC_NOTIFICATIONS_PORT=$((8084 + o)) \
    "$ROOT/clinic" faults-private "$@"
}

# --- the private stack ------------------------------------------------------------------------------

# GreenMail's own SMTP port; the services reach it through the gate on SMTP_PORT, which is what the
# SMTP scenario stops (GreenMail keeps its mail in memory, so it must itself stay up to be counted).
GREENMAIL_SMTP_PORT=$((SMTP_PORT + 1))

faults_seed() {
  local seed=${CLINIC_FAULTS_SEED:-}
  [[ -n $seed && $seed != "$STATE" && -d $seed ]] || return 0
  mkdir -p "$KAFKA_HOME" "$STATE/keycloak" "$STATE/greenmail"
  if [[ ! -e $KAFKA_HOME/lib && -f $seed/kafka/lib/.complete ]]; then
    ln -sfn "$seed/kafka/lib" "$KAFKA_HOME/lib"
  fi
  # A copy, not a link: Keycloak rewrites files of its install when it starts.
  local kc="$seed/keycloak/keycloak-$KEYCLOAK_VERSION"
  if [[ ! -x $KEYCLOAK_HOME/bin/kc.sh && -x $kc/bin/kc.sh ]]; then
    say "faults: copying Keycloak from ${kc#"$ROOT"/} (once)"
    mkdir -p "$KEYCLOAK_HOME"
    tar -C "$kc" --exclude=./data -cf - . | tar -C "$KEYCLOAK_HOME" -xf -
  fi
  if [[ ! -f $GREENMAIL_JAR && -f $seed/greenmail/${GREENMAIL_JAR##*/} ]]; then
    cp "$seed/greenmail/${GREENMAIL_JAR##*/}" "$GREENMAIL_JAR"
  fi
}

faults_stack_up() {
  local m
  rm -rf "$PG_HOME" "$KAFKA_HOME/data" "$STATE/scenarios"
  mkdir -p "$STATE/scenarios"
  for m in "${FAULT_APPS[@]}"; do
    [[ -f $(app_jar "$m") ]] || die "faults: $m is not packaged ($(app_jar "$m")); run ./mvnw -B package -DskipTests"
  done
  launch_server postgres
  launch_server kafka
  # EventOrder reads the topics with the broker's own client jars, which kafka_prepare put in place.
  say "faults: compiling the load driver and the event-order check"
  mkdir -p "$STATE/classes"
  javac -nowarn -cp "$KAFKA_HOME/lib/*" -d "$STATE/classes" "$ROOT/scripts/faults/Faults.java" \
    "$ROOT/scripts/faults/EventOrder.java" >"$LOGS/faults-javac.log" 2>&1 \
    || { show_log_tail faults-javac; die "faults: scripts/faults/*.java do not compile"; }
  launch_server keycloak
  greenmail_prepare
  require_free_port greenmail "$GREENMAIL_SMTP_PORT"
  require_free_port greenmail "$MAIL_API_PORT"
  start_bg greenmail java -Xmx128m \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$GREENMAIL_SMTP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" \
    -Dgreenmail.auth.disabled -jar "$GREENMAIL_JAR"
  require_free_port smtp-gate "$SMTP_PORT"
  faults_gate_start
  await_server postgres 60
  local s sql=""
  for s in "${SERVICES[@]}"; do
    sql+="CREATE ROLE $s LOGIN PASSWORD '$s'; CREATE DATABASE $s OWNER $s;
"
  done
  as_postgres psql -q -X -v ON_ERROR_STOP=1 -h "$PG_SOCKETS" -p "$PG_PORT" -d postgres <<<"$sql" >/dev/null
  await_server kafka 90
  await_server greenmail 30
  await_server keycloak 300
  sha256sum "$REALM_JSON" | cut -d' ' -f1 >"$STATE/keycloak/realm.sha256"

  for m in "${FAULT_APPS[@]}"; do
    require_free_port "$m-1" "$(app_instance_port "$m-1")"
    app_start "$m-1"
  done
  # Room for the replicas scenario's second instances; until they run, the front finds them down.
  front_up 2 "${FAULT_APPS[@]}"
  for m in "${FAULT_APPS[@]}"; do
    wait_ready "$m-1" 180 app_ready "$m-1"
  done
  say "faults: private stack ready (services behind the front on ports ${APP_PORT[intake-service]}-${APP_PORT[notifications-service]})"

  # Room on two clinicians' caseloads for every client the run creates.
  local ada c
  ada=$(faults_token ada) || die "faults: no token for ada"
  for c in clara tara; do
    curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $ada" -H 'Content-Type: application/json' \
      -d "{\"displayName\":\"$c\",\"clinicId\":\"northside\",\"caseloadLimit\":200,\"onCall\":false,\"active\":true}" \
      "$(app_url intake-service)/clinicians/$c" || die "faults: could not set up clinician $c"
  done
}

faults_stack_down() {
  local m name
  [[ -n ${FAULTS_LOAD_PID:-} ]] && kill "$FAULTS_LOAD_PID" 2>/dev/null
  # Its data is thrown away at the next run: a short grace, then SIGKILL.
  front_down || true
  for m in "${FAULT_APPS[@]}"; do
    for name in $(app_running "$m"); do stop_bg "$name" 5 || true; done
  done
  for m in smtp-gate greenmail keycloak kafka; do stop_bg "$m" 5 || true; done
  postgres_stop || true
}

faults_gate_start() {
  start_bg smtp-gate java -Xmx32m -cp "$STATE/classes" Faults gate "$SMTP_PORT" "$GREENMAIL_SMTP_PORT"
}

faults_token() { # user: a password-grant token, or nothing and status 1
  local token
  token=$(curl -sf --max-time 10 -d grant_type=password -d client_id=securebase-tests -d username="$1" -d password=demo \
    "$OIDC_URL/protocol/openid-connect/token" | jq -r '.access_token // empty') || return 1
  [[ -n $token ]] && echo "$token"
}

faults_kill() { # name: SIGKILL to its whole process group, as a crash would
  local pid
  pid=$(running_pid "$1") || die "faults: $1 is not running, so it cannot be killed"
  say "faults:   SIGKILL $1 (pid $pid)"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
  wait "$pid" 2>/dev/null || true # reaps it (it is this shell's child) without bash reporting the kill
  # Every process of the group gone (Keycloak's java runs under kc.sh), so its ports are closed.
  local i=0
  while kill -0 -- "-$pid" 2>/dev/null && ((i++ < 100)); do sleep 0.1; done
  rm -f "$(pid_file "$1")"
}

faults_keep_log() { # name: a restart starts a new log; the one from before the fault is kept
  [[ -f $LOGS/$1.log ]] && mv "$LOGS/$1.log" "$LOGS/$1.before-fault.log"
  return 0
}

faults_check() { # what expected got ok(true|false): one line of the scenario's checks
  jq -c --arg c "$1" --arg e "$2" --arg g "$3" --argjson ok "$4" '. + [{check: $c, expected: $e, got: $g, ok: $ok}]' \
    "$FAULTS_DIR/checks.json" >"$FAULTS_DIR/checks.json.new"
  mv "$FAULTS_DIR/checks.json.new" "$FAULTS_DIR/checks.json"
}

faults_psql() { # database sql
  as_postgres psql -qAtX -F $'\t' -v ON_ERROR_STOP=1 -h "$PG_SOCKETS" -p "$PG_PORT" -d "$1" -c "$2"
}

# --- the faults: inject and repair ------------------------------------------------------------------

fault_kafka_inject() { faults_kill kafka; }
fault_kafka_repair() {
  faults_keep_log kafka
  kafka_start
  wait_ready kafka 120 kafka_ready
}

fault_consumers_inject() {
  faults_kill sessions-service-1
  faults_kill notifications-service-1
}
fault_consumers_repair() {
  faults_restart sessions-service-1 notifications-service-1
}

faults_restart() { # instance...: started again after a kill, each with a new log
  local name
  for name; do
    faults_keep_log "$name"
    app_start "$name"
  done
  for name; do wait_ready "$name" 180 app_ready "$name"; done
}

fault_postgres_inject() {
  say "faults:   pg_ctl stop -m immediate (no checkpoint: recovery at the next start)"
  as_postgres "$PG_BIN/pg_ctl" stop -D "$PG_DATA" -m immediate -w >/dev/null
  rm -f "$(pid_file postgres)"
}
fault_postgres_repair() {
  postgres_start
  wait_ready postgres 60 postgres_ready
  # The services must find their way back by themselves (nobody restarts them): faults_all_ready.
}

fault_smtp_inject() { faults_kill smtp-gate; }
fault_smtp_repair() {
  faults_keep_log smtp-gate
  faults_gate_start
  wait_ready smtp-gate 30 port_open "$SMTP_PORT"
}

# Two instances of each service, the first of each killed under load (a batch of its outbox relay may be
# under way, holding the relay's lock, which the survivor must then get). Counted like the others, plus
# every subject's events in outbox order on the topics (fault_replicas_count).
fault_replicas_setup() {
  local m
  for m in "${FAULT_APPS[@]}"; do
    require_free_port "$m-2" "$(app_instance_port "$m-2")"
    app_start "$m-2"
  done
  for m in "${FAULT_APPS[@]}"; do wait_ready "$m-2" 180 app_ready "$m-2"; done
}
fault_replicas_inject() {
  local m
  for m in "${FAULT_APPS[@]}"; do faults_kill "$m-1"; done
}
fault_replicas_repair() {
  faults_restart "${FAULT_APPS[@]/%/-1}"
}
# The scenario's events: outbox rows written since it began, read back from the topics.
fault_replicas_count() {
  local d=$FAULTS_DIR s files=() unpublished i=0
  until unpublished=$(faults_outbox_unpublished) && ((unpublished == 0)) || ((i++ >= 60)); do sleep 1; done
  # Each service's rows in the order they were numbered at commit, the order they must reach the topic.
  for s in "${SERVICES[@]}"; do
    faults_psql "$s" "SELECT id, topic, event_key, type FROM outbox_event
      WHERE created_at >= to_timestamp($FAULTS_T_START / 1000.0) ORDER BY seq" >"$d/outbox-$s.tsv"
    files+=("$d/outbox-$s.tsv")
  done
  java -Xmx256m -cp "$STATE/classes:$KAFKA_HOME/lib/*" EventOrder bootstrap="localhost:$KAFKA_PORT" \
    outbox="$(IFS=,; echo "${files[*]}")" >"$d/event-order.json" 2>"$LOGS/event-order.log" 9>&- \
    || { show_log_tail event-order; die "faults: the event-order check failed to run"; }
  jq --argjson unpublished "$unpublished" '{eventOrder: (. + {unpublished: $unpublished})}' "$d/event-order.json" >"$d/extra.json"
  local events out missing pairs wrong
  read -r events out missing pairs wrong < <(jq -r '"\(.events) \(.outOfOrder) \(.missing) \(.domainPairs) \(.domainOutOfOrder)"' "$d/event-order.json")
  faults_check "events of one subject in outbox order on the topics ($events checked)" "0 out of order" "$out out of order" \
    "$( ((out == 0 && events > 0)) && echo true || echo false)"
  faults_check "registration before intake, episode before maintenance ($pairs subjects)" "0 out of order" "$wrong out of order" \
    "$( ((wrong == 0 && pairs > 0)) && echo true || echo false)"
  faults_check "published events found on their topic" "0 missing" "$missing missing" "$( ((missing == 0)) && echo true || echo false)"
  faults_check "outbox rows left unpublished after the run" 0 "$unpublished" "$( ((unpublished == 0)) && echo true || echo false)"
}
fault_replicas_teardown() {
  local m
  for m in "${FAULT_APPS[@]}"; do stop_bg "$m-2" 10; done
}

faults_outbox_unpublished() {
  local s n total=0
  for s in "${SERVICES[@]}"; do
    n=$(faults_psql "$s" "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") || return 1
    total=$((total + n))
  done
  echo "$total"
}

# Keycloak down: what a token issued before still opens, what a new login and an unknown token get.
fault_keycloak_inject() {
  FAULTS_OLD_TOKEN=$(faults_token ada) || die "faults: no token for ada before the Keycloak outage"
  faults_kill keycloak
  local code rc m url forged
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $FAULTS_OLD_TOKEN" \
    "$(app_url intake-service)/clinicians") || true
  faults_check "token issued before the outage, intake GET /clinicians" 200 "$code" "$([[ $code == 200 ]] && echo true || echo false)"
  rc=0
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -d grant_type=password -d client_id=securebase-tests \
    -d username=clara -d password=demo "$OIDC_URL/protocol/openid-connect/token") || rc=$?
  # Clean: at once and without a token; refused (curl 7), or reset (52, 56) by a process still dying.
  faults_check "new password grant" "no token, connection refused" "HTTP $code, curl exit $rc" \
    "$([[ $code == 000 ]] && ((rc == 7 || rc == 52 || rc == 56)) && echo true || echo false)"
  # A well-formed token signed by a key nobody knows: the services must say 401, not 500 or hang.
  forged="$(printf '{"alg":"RS256","typ":"JWT","kid":"faults-unknown-key"}' | base64 -w0 | tr '+/' '-_' | tr -d =)"
  forged+=".$(printf '{"iss":"%s","aud":"securebase-api","sub":"mallory","preferred_username":"mallory","exp":%d}' \
    "$OIDC_URL" "$(($(date +%s) + 300))" | base64 -w0 | tr '+/' '-_' | tr -d =)"
  forged+=".$(head -c 256 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d =)"
  for m in "${FAULT_APPS[@]}"; do
    case $m in
      intake-service) url="$(app_url "$m")/clinicians" ;;
      sessions-service) url="$(app_url "$m")/episodes?clientId=00000000-0000-0000-0000-000000000000" ;;
      referrals-service) url="$(app_url "$m")/programs" ;;
      notifications-service) url="$(app_url "$m")/staff-notices" ;;
    esac
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 15 -H "Authorization: Bearer $forged" "$url") || true
    faults_check "unknown token, $m" 401 "$code" "$([[ $code == 401 ]] && echo true || echo false)"
  done
}
# Keycloak comes back only in the full run; the short one ends with it (the stack is torn down next).
fault_keycloak_repair() {
  if ((FAULTS_SHORT)); then
    FAULTS_REPAIRED=false
    return 0
  fi
  faults_keep_log keycloak
  keycloak_start
  wait_ready keycloak 300 keycloak_ready
  if faults_token clara >/dev/null; then
    faults_check "new password grant after Keycloak is back" token token true
  else
    faults_check "new password grant after Keycloak is back" token "no token" false
  fi
}

# --- one scenario -------------------------------------------------------------------------------------

faults_hook() { # scenario step: runs fault_<scenario>_<step> when the scenario has one
  if declare -F "fault_$1_$2" >/dev/null; then "fault_$1_$2"; fi
}

faults_scenario() { # name
  local name=$1 started=$SECONDS t_fault t_repaired load_out
  FAULTS_DIR="$STATE/scenarios/$name"
  mkdir -p "$FAULTS_DIR"
  echo "[]" >"$FAULTS_DIR/checks.json"
  echo "{}" >"$FAULTS_DIR/extra.json"
  FAULTS_T_START=$(date +%s%3N)
  faults_hook "$name" setup
  local tsv="$FAULTS_DIR/requests.tsv" stop="$FAULTS_DIR/stop"
  : >"$tsv"
  say "faults: scenario $name: load at $FAULTS_RATE clients/s, outage ${FAULTS_OUTAGE}s"
  # kafka=: the load announces each client's check-in on sessions-events itself (see Faults.java, CheckInEvents).
  java -Xmx128m -cp "$STATE/classes:$KAFKA_HOME/lib/*" Faults load tag="f$FAULTS_RUN-$name" rate="$FAULTS_RATE" \
    intake="$(app_url intake-service)" sessions="$(app_url sessions-service)" keycloak="$KEYCLOAK_URL" \
    kafka="localhost:$KAFKA_PORT" \
    out="$tsv" stop="$stop" settle="$FAULTS_SETTLE" >"$LOGS/load-$name.log" 2>&1 9>&- &
  FAULTS_LOAD_PID=$!
  local i=0
  while [[ ! -s $tsv ]] && ((i++ < 300)); do
    kill -0 "$FAULTS_LOAD_PID" 2>/dev/null || { show_log_tail "load-$name"; die "faults: the load driver stopped"; }
    sleep 0.1
  done
  sleep "$FAULTS_WARM"
  # Kafka's outage is never shorter than a minute: a consumer gives up on its broker after 60 s
  # (default.api.timeout.ms), which a shorter outage would never show.
  local outage=$FAULTS_OUTAGE
  [[ $name == kafka ]] && ((outage < FAULTS_KAFKA_OUTAGE)) && outage=$FAULTS_KAFKA_OUTAGE
  say "faults:   outage of ${outage}s"
  t_fault=$(date +%s%3N)
  FAULTS_REPAIRED=true
  "fault_${name}_inject"
  sleep "$outage"
  say "faults:   repairing"
  "fault_${name}_repair"
  t_repaired=$(date +%s%3N)
  $FAULTS_REPAIRED && faults_all_ready
  sleep "$FAULTS_AFTER"
  touch "$stop"
  say "faults:   load stopped; waiting for the clients under way (at most ${FAULTS_SETTLE}s)"
  wait "$FAULTS_LOAD_PID" || true
  FAULTS_LOAD_PID=
  load_out=$(tail -n 1 "$LOGS/load-$name.log")
  faults_count "$name" "$tsv" "$t_fault" "$t_repaired" "$((SECONDS - started))" "$load_out" "$outage"
  faults_hook "$name" teardown
}

# After a repair every service must be ready again by itself (readiness covers its database and its
# Kafka channels: a consumer that gave up shows here, even when this scenario's counts do not).
faults_all_ready() {
  local m name start=$SECONDS
  for m in "${FAULT_APPS[@]}"; do
    for name in $(app_running "$m"); do
      until app_ready "$name" || ((SECONDS - start > 90)); do sleep 0.5; done
      if app_ready "$name"; then
        faults_check "$name ready after the repair" "within 90 s" "after $((SECONDS - start)) s" true
      else
        faults_check "$name ready after the repair" "within 90 s" "not ready: $(curl -s --max-time 5 \
          "http://localhost:$(app_instance_port "$name")/q/health/ready" \
          | jq -c '[.checks[]? | select(.status != "UP") | .name]' 2>/dev/null)" false
      fi
    done
  done
}

# Counts what the scenario's requests left behind and writes $FAULTS_DIR/result.json.
faults_count() { # name requests.tsv fault-ms repaired-ms seconds driver-summary outage-seconds
  local name=$1 tsv=$2 t_fault=$3 t_repaired=$4 d=$FAULTS_DIR
  # Requests that were taken (2xx) or plainly refused (an HTTP error, or no connection: 0). Left out of
  # "refused", because nobody knows whether they were carried out: no answer in time (-1), the
  # connection cut after the request went out (-2), and 503 commit-outcome-unknown.
  local refused='($5 == 0 || $5 >= 500) && $7 !~ /commit-outcome-unknown/'
  awk -F'\t' '$2 == "register" && $5 == 201 { print $4 "\t" $3 }' "$tsv" | sort -u >"$d/registered"
  # A registration refused and then taken on a retry (same Idempotency-Key) has its client: only the
  # addresses never registered must have no client row.
  awk -F'\t' "\$2 == \"register\" && $refused { print \$3 }" "$tsv" | sort -u \
    | comm -23 - <(cut -f2 "$d/registered" | sort -u) >"$d/register-refused"
  awk -F'\t' '$2 == "intake" && $5 == 201 { print $4 }' "$tsv" | sort -u >"$d/intake-ok"
  awk -F'\t' "\$2 == \"intake\" && $refused { print \$4 }" "$tsv" | sort -u >"$d/intake-refused"
  awk -F'\t' '$2 == "intake" && ($5 < 0 || $7 ~ /commit-outcome-unknown/) { print $4 }' "$tsv" | sort -u >"$d/intake-in-doubt"
  awk -F'\t' '($2 == "maintenance" && $5 == 201) ||
    (($2 == "written-despite-refusal" || $2 == "in-doubt-was-written") && $7 == "maintenance") { print $4 }' \
    "$tsv" | sort -u >"$d/maintenance-ok"
  awk -F'\t' '$2 == "checkin" && $5 == 201 { print $4 }' "$tsv" | sort -u >"$d/checkin-ok"

  local in_clients in_intake_refused
  in_clients=$(faults_sql_list <(cut -f1 "$d/registered"))
  in_intake_refused=$(faults_sql_list "$d/intake-refused")

  # Events arrive late after a fault: wait until every expected effect is there, or the time is up.
  local deadline=$((SECONDS + FAULTS_SETTLE)) want_episodes want_sent have_episodes have_sent want_checkins have_checkins
  want_episodes=$(wc -l <"$d/intake-ok")
  want_sent=$(wc -l <"$d/maintenance-ok")
  want_checkins=$(wc -l <"$d/checkin-ok")
  while :; do
    faults_psql sessions "SELECT client_id, count(*) FROM episode WHERE client_id IN ($in_clients) GROUP BY 1" \
      | sort >"$d/episodes"
    faults_psql notifications "SELECT client_id, count(*) FROM booster_reminder
      WHERE status = 'SENT' AND client_id IN ($in_clients) GROUP BY 1" | sort >"$d/reminders-sent"
    faults_psql notifications "SELECT client_id, count(*) FROM check_in_message
      WHERE status = 'SENT' AND client_id IN ($in_clients) GROUP BY 1" | sort >"$d/checkins-sent"
    have_episodes=$(join -t $'\t' "$d/intake-ok" "$d/episodes" | wc -l)
    have_sent=$(join -t $'\t' "$d/maintenance-ok" "$d/reminders-sent" | wc -l)
    have_checkins=$(join -t $'\t' "$d/checkin-ok" "$d/checkins-sent" | wc -l)
    ((have_episodes >= want_episodes && have_sent >= want_sent && have_checkins >= want_checkins)) && break
    ((SECONDS >= deadline)) && break
    sleep 2
  done
  sleep 2 # a mail accepted by SMTP is in GreenMail's API a moment later
  faults_hook "$name" count # the scenario's own checks and figures (extra.json), now that all arrived
  # Per address and kind (a check-in's link, <check-in.ID@...>, or anything else: the booster reminder):
  # distinct messages (by Message-ID) and copies. A copy with the same Message-ID is a retry after the
  # SMTP server's reply was lost: the same mail again, which mail clients fold into one.
  local client email counts m mc c cc
  : >"$d/mails"
  : >"$d/mail-copies"
  : >"$d/checkin-mails"
  : >"$d/checkin-mail-copies"
  while IFS=$'\t' read -r client email; do
    counts=$(curl -s --max-time 5 "$MAIL_API_URL/api/user/$email/messages/" | jq -r 'if type == "array"
      then [.[] | .mimeMessage | capture("(?i)(^|\n)message-id:\\s*(?<id><[^>]*>)").id // "?"]
        | (map(select(startswith("<check-in.") | not))) as $other | (map(select(startswith("<check-in.")))) as $checkIn
        | "\($other | unique | length)\t\($other | length)\t\($checkIn | unique | length)\t\($checkIn | length)"
      else "0\t0\t0\t0" end' 2>/dev/null || printf '0\t0\t0\t0')
    IFS=$'\t' read -r m mc c cc <<<"$counts"
    printf '%s\t%s\n' "$client" "${m:-0}" >>"$d/mails"
    printf '%s\t%s\n' "$client" "${mc:-0}" >>"$d/mail-copies"
    printf '%s\t%s\n' "$client" "${c:-0}" >>"$d/checkin-mails"
    printf '%s\t%s\n' "$client" "${cc:-0}" >>"$d/checkin-mail-copies"
  done <"$d/registered"
  sort -o "$d/mails" "$d/mails"
  sort -o "$d/checkin-mails" "$d/checkin-mails"

  # Refused requests must have left nothing: no client row, no intake, no episode.
  local stray_clients=0 stray_intakes=0 stray_episodes=0
  if [[ -s $d/register-refused ]]; then
    stray_clients=$(faults_psql intake "SELECT count(*) FROM client WHERE email IN ($(faults_sql_list "$d/register-refused"))")
  fi
  if [[ -s $d/intake-refused ]]; then
    stray_intakes=$(faults_psql intake "SELECT count(*) FROM intake WHERE client_id IN ($in_intake_refused)")
    stray_episodes=$(faults_psql sessions "SELECT count(*) FROM episode WHERE client_id IN ($in_intake_refused)")
  fi
  local plans_twice retried clients_twice checkins_retried
  clients_twice=$(faults_psql intake "SELECT count(*) FROM (SELECT email FROM client
    WHERE email IN ($(faults_sql_list <(cut -f2 "$d/registered"))) GROUP BY email HAVING count(*) > 1) x")
  retried=$(faults_psql notifications "SELECT count(*) FROM booster_reminder
    WHERE status = 'SENT' AND attempts > 1 AND client_id IN ($in_clients)")
  checkins_retried=$(faults_psql notifications "SELECT count(*) FROM check_in_message
    WHERE status = 'SENT' AND attempts > 1 AND client_id IN ($in_clients)")
  plans_twice=$(faults_psql sessions "SELECT count(*) FROM (SELECT e.client_id FROM maintenance_plan p
    JOIN episode e ON e.id = p.episode_id WHERE e.client_id IN ($in_clients) GROUP BY 1 HAVING count(*) > 1) x")

  jq -n --arg name "$name" --argjson seconds "$5" --arg driver "$6" --argjson outage "$7" \
    --argjson tFault "$t_fault" --argjson tRepaired "$t_repaired" --argjson repaired "$FAULTS_REPAIRED" \
    --rawfile requests "$tsv" --rawfile registered "$d/registered" --rawfile intakeOk "$d/intake-ok" \
    --rawfile maintenanceOk "$d/maintenance-ok" --rawfile intakeInDoubt "$d/intake-in-doubt" --rawfile episodes "$d/episodes" \
    --rawfile sent "$d/reminders-sent" --rawfile mails "$d/mails" --rawfile copies "$d/mail-copies" --slurpfile checks "$d/checks.json" \
    --rawfile checkinOk "$d/checkin-ok" --rawfile checkinsSent "$d/checkins-sent" --rawfile checkinMails "$d/checkin-mails" \
    --rawfile checkinCopies "$d/checkin-mail-copies" --argjson checkinsRetried "$checkins_retried" \
    --slurpfile extra "$d/extra.json" \
    --argjson strayClients "$stray_clients" --argjson strayIntakes "$stray_intakes" \
    --argjson strayEpisodes "$stray_episodes" --argjson plansTwice "$plans_twice" --argjson retried "$retried" --argjson clientsTwice "$clients_twice" '
    def rows($s): $s | split("\n") | map(select(length > 0) | split("\t"));
    def counts($s): rows($s) | map({key: .[0], value: (.[1] | tonumber)}) | from_entries;
    (rows($requests) | map({t: (.[0] | tonumber), step: .[1], client: .[3], status: (.[4] | tonumber), problem: (.[5] == "1"), detail: (.[6] // "")})) as $r
    | ($r | map(select(.step | IN("register", "intake", "treatment", "maintenance")))) as $writes
    | (rows($registered) | map(.[0])) as $clients
    | (rows($intakeOk) | map(.[0])) as $intakeOk
    | (rows($maintenanceOk) | map(.[0])) as $maintOk
    | (rows($checkinOk) | map(.[0])) as $checkinOk
    | (rows($intakeInDoubt) | map(.[0])) as $intakeInDoubt
    | counts($episodes) as $ep | counts($sent) as $rem | counts($mails) as $mail | counts($copies) as $copies
    | counts($checkinsSent) as $cis | counts($checkinMails) as $cimail | counts($checkinCopies) as $cicopies
    | def found($ids; $c): [$ids[] | select(($c[.] // 0) >= 1)] | length;
      def twice($c): [$c[] | select(. > 1)] | length;
    ($r | map(select(.status >= 500))) as $fivexx
    | ($fivexx | map(select(.status != 503 or (.problem | not)))) as $unclean
    | ([$ep | keys[] | select(IN($intakeOk[], $intakeInDoubt[]) | not)] | length) as $episodesUnasked
    | ([$mail | to_entries[] | select(.value > 0) | .key | select(IN($maintOk[]) | not)] | length) as $mailsUnasked
    | ([$cimail | to_entries[] | select(.value > 0) | .key | select(IN($checkinOk[]) | not)] | length) as $checkinMailsUnasked
    | ($r | map(select(.step == "intake" and .status == 201) | {key: .client, value: .t}) | from_entries) as $intakeAt
    | ($r | map(select(.step == "poll-episode" and .status == 200)) | group_by(.client)
          | map({key: .[0].client, value: (map(.t) | min)}) | from_entries) as $episodeAt
    | {
        scenario: $name, seconds: $seconds, outageSeconds: $outage,
        slowestEpisodeSeconds: ([$episodeAt | to_entries[] | select($intakeAt[.key]) | .value - $intakeAt[.key]]
                                | if length == 0 then null else (max / 100 | round / 10) end),
        repaired: $repaired,
        repairedAfterSeconds: ((($tRepaired - $tFault) / 100 | round) / 10),
        requests: ($r | map(select(.step | IN("unfinished", "written-despite-refusal", "in-doubt-was-written") | not)) | length),
        accepted: ($writes | map(select(.status >= 200 and .status < 300)) | length),
        acceptedDuringOutage: ($writes | map(select(.status >= 200 and .status < 300 and .t >= $tFault and .t <= $tRepaired)) | length),
        acceptedAfterRepair: ($writes | map(select(.status >= 200 and .status < 300 and .t > $tRepaired)) | length),
        refused: ($writes | map(select(.status == 0 or .status >= 400)) | length),
        timeouts: ($r | map(select(.status == -1)) | length),
        connectionsCut: ($r | map(select(.status == -2)) | length),
        clients: ($clients | length),
        statusCounts: ($r | group_by(.status) | map({key: (.[0].status | tostring), value: length}) | from_entries),
        effects: {
          episodes: {expected: ($intakeOk | length), found: found($intakeOk; $ep), duplicates: twice($ep), unasked: $episodesUnasked},
          remindersSent: {expected: ($maintOk | length), found: found($maintOk; $rem), duplicates: twice($rem),
                          sentAfterFailedAttempts: $retried},
          mails: {expected: ($maintOk | length), found: found($maintOk; $mail), duplicates: twice($mail), unasked: $mailsUnasked,
                  sameMessageAgain: ([$copies | to_entries[] | .value - ($mail[.key] // 0)] | add // 0)},
          checkInsSent: {expected: ($checkinOk | length), found: found($checkinOk; $cis), duplicates: twice($cis),
                         sentAfterFailedAttempts: $checkinsRetried},
          checkInMails: {expected: ($checkinOk | length), found: found($checkinOk; $cimail), duplicates: twice($cimail),
                         unasked: $checkinMailsUnasked,
                         sameMessageAgain: ([$cicopies | to_entries[] | .value - ($cimail[.key] // 0)] | add // 0)},
          maintenancePlansTwice: $plansTwice,
          clientsRegisteredTwice: $clientsTwice
        },
        leftByRefusedRequests: {clients: $strayClients, intakes: $strayIntakes, episodes: $strayEpisodes},
        writtenDespiteRefusal: ($r | map(select(.step == "written-despite-refusal")) | length),
        inDoubt: {answers: ($r | map(select(.status < 0 or (.status == 503 and (.detail | test("commit-outcome-unknown"))))) | length),
                  foundWritten: ($r | map(select(.step == "in-doubt-was-written")) | length)},
        unfinished: ($r | map(select(.step == "unfinished")) | length),
        fiveHundreds: {total: ($fivexx | length), clean503: (($fivexx | length) - ($unclean | length)),
                       unclean: ($unclean | length), examples: ($unclean | map("\(.status) \(.step): \(.detail)") | unique | .[:3])},
        checks: $checks[0],
        driver: $driver
      } + $extra[0]
    | .expected = (.effects | [.episodes.expected, .remindersSent.expected, .mails.expected, .checkInsSent.expected,
                               .checkInMails.expected] | add)
    | .found = (.effects | [.episodes.found, .remindersSent.found, .mails.found, .checkInsSent.found, .checkInMails.found] | add)
    | .duplicates = (.effects | [.episodes.duplicates, .remindersSent.duplicates, .mails.duplicates, .checkInsSent.duplicates,
                                 .checkInMails.duplicates, .maintenancePlansTwice, .clientsRegisteredTwice] | add)
    | .problems = ([
        (if .accepted == 0 then "no request was accepted" else empty end),
        (if .found < .expected then "\(.expected - .found) effects missing" else empty end),
        (if .duplicates > 0 then "\(.duplicates) duplicated" else empty end),
        (if .effects.episodes.unasked + .effects.mails.unasked + .effects.checkInMails.unasked > 0
         then "effects of requests that were not accepted" else empty end),
        (if (.effects.checkInsSent.expected == 0) then "no check-in was published" else empty end),
        (if (.leftByRefusedRequests | add) > 0 then "refused requests left rows behind" else empty end),
        (if .writtenDespiteRefusal > 0 then "\(.writtenDespiteRefusal) refused requests were written anyway" else empty end),
        (if .fiveHundreds.unclean > 0 then "\(.fiveHundreds.unclean) 5xx that are not 503 problem+json" else empty end),
        (if $name != "postgres" and .fiveHundreds.total > 0 then "5xx outside a database outage" else empty end),
        (if $name == "smtp" and $retried == 0 then "no reminder met the SMTP outage" else empty end),
        (if $name == "postgres" and .fiveHundreds.clean503 == 0 then "no request met the outage (no 503 seen)" else empty end),
        (if .acceptedAfterRepair == 0 then "nothing accepted after the repair" else empty end),
        (if $name != "postgres" and .acceptedDuringOutage == 0 then "nothing accepted during the outage" else empty end),
        (.checks[] | select(.ok | not) | "\(.check): expected \(.expected), got \(.got)")
      ])
    | .result = (if (.problems | length) == 0 then "PASS" else "FAIL" end)' >"$d/result.json"
  jq -r '"clinic: faults:   \(.result): \(.accepted) accepted, effects \(.found)/\(.expected), \(.duplicates) duplicated, 5xx \(.fiveHundreds.total) (\(.fiveHundreds.clean503) clean 503)\(if (.problems | length) > 0 then "; " + (.problems | join("; ")) else "" end)"' "$d/result.json"
}

faults_sql_list() { # file of values -> 'a','b' (NULL when empty)
  local list
  list=$(sed "/^$/d; s/'/''/g; s/.*/'&'/" "$1" | paste -sd, -)
  echo "${list:-NULL}"
}

faults_table() { # results.json
  jq -r '
    def pad($n): tostring | if length >= $n then . else . + (" " * ($n - length)) end;
    def five: if .fiveHundreds.total == 0 then "0" else "\(.fiveHundreds.total) (\(.fiveHundreds.clean503) clean 503)" end;
    "", "Fault suite (\(.mode), outages of \(.outageSeconds) s, Kafka \(.kafkaOutageSeconds) s; \(.seconds) s in all)", "",
    "\("scenario" | pad(11))  \("accepted" | pad(8))  \("effects expected" | pad(16))  \("found" | pad(5))  \("duplicates" | pad(10))  \("5xx seen" | pad(20))  result",
    "\("-" * 11)  \("-" * 8)  \("-" * 16)  \("-" * 5)  \("-" * 10)  \("-" * 20)  ------",
    (.scenarios[] | "\(.scenario | pad(11))  \(.accepted | pad(8))  \(.expected | pad(16))  \(.found | pad(5))  \(.duplicates | pad(10))  \(five | pad(20))  \(.result)"),
    "",
    (.scenarios[] | "  \(.scenario): \(if .repaired then "repaired \(.repairedAfterSeconds) s after the fault" else "left down (short run)" end); \(.acceptedDuringOutage) requests accepted \(if .repaired then "meanwhile" else "in the first \(.repairedAfterSeconds) s" end); slowest intake-to-episode \(.slowestEpisodeSeconds // "-") s; reminders sent after failed attempts \(.effects.remindersSent.sentAfterFailedAttempts), check-ins \(.effects.checkInsSent.sentAfterFailedAttempts)\(if .effects.mails.sameMessageAgain + .effects.checkInMails.sameMessageAgain > 0 then "; \(.effects.mails.sameMessageAgain + .effects.checkInMails.sameMessageAgain) mail(s) delivered again with the same Message-ID (SMTP reply lost)" else "" end)\(if .inDoubt.answers > 0 then "; \(.inDoubt.answers) requests of unknown outcome (cut, timed out or commit-outcome-unknown; \(.inDoubt.foundWritten) found done on retry)" else "" end)\(if .checks | length > 0 then "; checks passed \([.checks[] | select(.ok)] | length)/\(.checks | length)" else "" end)"),
    (.scenarios[] | select(.eventOrder) | .scenario as $s | .eventOrder | "  \($s), event order: \(.events) events of \(.subjects) subjects checked on the topics, \(.outOfOrder) out of order; \(.domainPairs) registration/intake and episode/maintenance pairs, \(.domainOutOfOrder) the wrong way round; \(.missing) missing; \(.duplicatesOnTopic) sent twice (relay re-sends, skipped by the consumers)"),
    "",
    (.scenarios[] | select(.result != "PASS") | "  \(.scenario): \(.problems | join("; "))"),
    "Effects: an episode per accepted intake, a sent reminder and one mail per accepted maintenance plan, a sent check-in and one mail per check-in published.",
    "Details: \(.file)"' "$1"
}

# --- the run ------------------------------------------------------------------------------------------

faults_private() {
  local arg
  FAULTS_SHORT=0
  for arg; do
    case $arg in
      --short) FAULTS_SHORT=1 ;;
      *) die "faults: unknown option $arg (usage: ./clinic faults [--short])" ;;
    esac
  done
  if ((FAULTS_SHORT)); then
    FAULTS_OUTAGE=${CLINIC_FAULTS_OUTAGE:-10} FAULTS_KAFKA_OUTAGE=${CLINIC_FAULTS_KAFKA_OUTAGE:-70} FAULTS_WARM=5 FAULTS_AFTER=4 FAULTS_SETTLE=90 FAULTS_RATE=${CLINIC_FAULTS_RATE:-1}
    APP_EXTRA_ENV=(SECUREBASE_REMINDERS_POLL_INTERVAL=1s SECUREBASE_DELIVERY_RETRY_DELAY=5s)
  else
    FAULTS_OUTAGE=${CLINIC_FAULTS_OUTAGE:-60} FAULTS_KAFKA_OUTAGE=${CLINIC_FAULTS_KAFKA_OUTAGE:-70} FAULTS_WARM=10 FAULTS_AFTER=15 FAULTS_SETTLE=300 FAULTS_RATE=${CLINIC_FAULTS_RATE:-0.6}
    APP_EXTRA_ENV=(SECUREBASE_REMINDERS_POLL_INTERVAL=1s)
  fi
  local scenarios=("${FAULT_SCENARIOS[@]}")
  [[ -n ${CLINIC_FAULTS_ONLY:-} ]] && read -ra scenarios <<<"$CLINIC_FAULTS_ONLY"
  mkdir -p "$LOGS" "$RUN"
  lock
  rm -f "$LOGS"/*.log
  FAULTS_RUN=$(date -u +%Y%m%d%H%M%S)
  local started=$SECONDS name results="$STATE/results.json"
  # (stderr off: bash would report each process the grace period ends with SIGKILL)
  trap 'faults_stack_down 2>/dev/null' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  say "faults: private stack in ${STATE#"$ROOT"/} (logs: ${LOGS#"$ROOT"/})"
  faults_seed
  faults_stack_up
  for name in "${scenarios[@]}"; do
    declare -F "fault_${name}_inject" >/dev/null || die "faults: no scenario named $name"
    faults_scenario "$name"
  done
  local files=()
  for name in "${scenarios[@]}"; do files+=("$STATE/scenarios/$name/result.json"); done
  jq -s --arg mode "$( ((FAULTS_SHORT)) && echo short || echo full)" --argjson outage "$FAULTS_OUTAGE" \
    --argjson seconds "$((SECONDS - started))" --arg file "${results#"$ROOT"/}" --arg run "$FAULTS_RUN" \
    --argjson kafkaOutage "$FAULTS_KAFKA_OUTAGE" \
    '{run: $run, mode: $mode, outageSeconds: $outage, kafkaOutageSeconds: $kafkaOutage, seconds: $seconds, file: $file, scenarios: .,
      result: (if all(.[]; .result == "PASS") then "PASS" else "FAIL" end)}' "${files[@]}" >"$results"
  faults_table "$results"
  [[ $(jq -r .result "$results") == PASS ]]
}
