# Shared by ./clinic and the scripts it sources: settings, logging and background processes.
# Everything the stack installs or starts lives under .clinic/ in the repository (CLINIC_STATE moves
# it: ./clinic faults runs a private stack under .clinic/faults/ that way).

STATE="${CLINIC_STATE:-$ROOT/.clinic}"
LOGS="$STATE/logs"
RUN="$STATE/run"

PG_PORT="${CLINIC_PG_PORT:-5433}"
KAFKA_PORT="${CLINIC_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${CLINIC_KAFKA_CONTROLLER_PORT:-9093}"
KEYCLOAK_PORT="${CLINIC_KEYCLOAK_PORT:-8180}"
SMTP_PORT="${CLINIC_SMTP_PORT:-3025}"
MAIL_API_PORT="${CLINIC_MAIL_API_PORT:-8025}"
ZIPKIN_PORT="${CLINIC_ZIPKIN_PORT:-9411}"

KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT"
OIDC_URL="$KEYCLOAK_URL/realms/securebase"
MAIL_API_URL="http://localhost:$MAIL_API_PORT"
ZIPKIN_URL="http://localhost:$ZIPKIN_PORT"
REALM_JSON="$ROOT/deploy/keycloak/securebase-realm.json"

say() { printf 'clinic: %s\n' "$*"; }
die() { printf 'clinic: error: %s\n' "$*" >&2; exit 1; }

# Maven, the tests, the applications and the demo loader find the servers through these.
export_clinic_env() {
  export CLINIC_PG_PORT="$PG_PORT" CLINIC_KAFKA_PORT="$KAFKA_PORT" CLINIC_KEYCLOAK_PORT="$KEYCLOAK_PORT" \
    CLINIC_SMTP_PORT="$SMTP_PORT" CLINIC_MAIL_API_PORT="$MAIL_API_PORT" \
    CLINIC_KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA_PORT" CLINIC_KEYCLOAK_URL="$KEYCLOAK_URL" \
    CLINIC_OIDC_URL="$OIDC_URL" CLINIC_MAIL_API_URL="$MAIL_API_URL" \
    CLINIC_PROMTOOL="${CLINIC_PROMTOOL:-$STATE/prometheus/usr/bin/promtool}"
}

# Maven from scripts/infra-pom.xml: the root pom is a reactor whose modules may not build yet.
infra_mvn() {
  "$ROOT/mvnw" -B -q -f "$ROOT/scripts/infra-pom.xml" "$@" >>"$LOGS/fetch.log" 2>&1 \
    || { show_log_tail fetch; die "fetching from Maven Central failed: mvn $*"; }
}

fetch_artifact() { # groupId:artifactId:version[:type] output-dir
  infra_mvn dependency:copy -Dartifact="$1" -DoutputDirectory="$2" -Dmdep.overWriteReleases=true
}

pid_file() { echo "$RUN/$1.pid"; }

alive() { # pid: a live process (not a zombie) started from this repository
  [[ -r /proc/$1/stat ]] || return 1
  [[ $(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) != Z ]] || return 1
  # Guards against a stale PID file whose number now belongs to someone else.
  grep -qaF "$ROOT/" "/proc/$1/cmdline" 2>/dev/null
}

running_pid() { # name: prints the PID from its PID file when that process is alive
  local file pid
  file=$(pid_file "$1")
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" || return 1
  echo "$pid"
}

start_bg() { # name command...: detached in its own session, so Ctrl-C here leaves it running
  local name=$1
  shift
  # fd 9 is the lock of this script; a child holding it would block every later ./clinic.
  setsid "$@" >"$LOGS/$name.log" 2>&1 </dev/null 9>&- &
  echo $! >"$(pid_file "$name")"
}

stop_bg() { # name [timeout-seconds]: stops exactly the process group its PID file names
  local name=$1 timeout=${2:-30} pid i
  if pid=$(running_pid "$name"); then
    say "stopping $name (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < timeout * 10; i++)); do
      alive "$pid" || break
      sleep 0.1
    done
    if alive "$pid"; then
      say "$name still running after ${timeout}s; sending SIGKILL"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$(pid_file "$name")"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

http_ok() { curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null; }

require_free_port() { # name port
  local holder
  holder=$(ss -Hltnp "sport = :$2" 2>/dev/null | head -n 1)
  [[ -z $holder ]] || die "$1 needs port $2, but another process already listens there:
  $holder
Stop that process, or give $1 another port (CLINIC_*_PORT variables, see ./clinic help)."
}

show_log_tail() {
  local log="$LOGS/$1.log"
  [[ -f $log ]] || return 0
  printf -- '--- last lines of %s ---\n' "${log#"$ROOT"/}" >&2
  tail -n "${2:-40}" "$log" >&2
  printf -- '---\n' >&2
}

wait_ready() { # name timeout-seconds check-command...
  local name=$1 timeout=$2 deadline
  shift 2
  deadline=$((SECONDS + timeout))
  until "$@"; do
    if ! running_pid "$name" >/dev/null; then
      show_log_tail "$name"
      die "$name stopped while starting; see .clinic/logs/$name.log"
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail "$name"
      die "$name not ready after ${timeout}s; see .clinic/logs/$name.log"
    fi
    sleep 0.5
  done
}
