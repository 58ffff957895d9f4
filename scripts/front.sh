# The round-robin front of ./clinic up --replicas N (and of ./clinic faults): HAProxy from Debian's
# package on each application's port, instances 1..N behind it (scripts/apps.sh: port + 10n).
#
# HAProxy rather than nginx: it tells a request that never reached an instance (503, after trying
# every instance) from one that reached an instance which then went away (502); nginx answers 502 to
# both, and the fault suite must know which requests may have been carried out. Debian's haproxy also
# starts with a configuration that listens nowhere, where nginx's default site takes port 80.

FRONT_HOME="$STATE/front"
FRONT_CFG="$FRONT_HOME/haproxy.cfg"

front_prepare() {
  if ! command -v haproxy >/dev/null; then
    say "installing HAProxy for the front of the application instances (apt-get)"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends haproxy
  fi
}

# The front's own answers are problem+json like the applications' (slug, title, detail).
front_errorfile() { # status reason slug title detail
  local body
  body=$(jq -nc --arg t "https://securebase.care/problems/$3" --arg ti "$4" --argjson s "$1" --arg d "$5" \
    '{type: $t, title: $ti, status: $s, detail: $d}')
  printf 'HTTP/1.1 %s %s\r\nContent-Type: application/problem+json\r\nContent-Length: %s\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n%s' \
    "$1" "$2" "${#body}" "$body" >"$FRONT_HOME/$1.http"
}

front_config() { # instances module...: writes the configuration to $FRONT_CFG.new
  local instances=$1 m n
  shift
  mkdir -p "$FRONT_HOME"
  front_errorfile 502 "Bad Gateway" instance-lost-request "Request may not have been carried out" \
    "the instance went away while handling the request: it may or may not have been carried out"
  front_errorfile 503 "Service Unavailable" no-instance-reachable "Service unavailable" \
    "no instance of the application could be reached; the request was not carried out"
  front_errorfile 504 "Gateway Timeout" instance-timeout "Request may not have been carried out" \
    "the instance did not answer in time: the request may or may not have been carried out"
  {
    cat <<EOF
global
  log stdout format raw local0
  maxconn 2000

defaults
  mode http
  log global
  option httplog
  option dontlognull
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout http-keep-alive 10s
  balance roundrobin
  # A connection an instance refuses (it is down) is tried on the next instance; a request that
  # reached an instance is never sent again (HAProxy retries only failed connections: retry-on's
  # default is conn-failure), so a POST cut by a crash is the client's to resolve, not run twice.
  retries 3
  option redispatch 1
  # A TCP connect each second is the health check (not /q/health/ready: during a database outage
  # the instances answer a clean 503 of their own, which the client should get rather than ours).
  # An instance back up gets its share over 20 s: a cold JVM's first requests are slow (the fault
  # suite saw 10-20 s while three more instances started on the same two cores).
  default-server check inter 1s fall 2 rise 1 slowstart 20s
  errorfile 502 $FRONT_HOME/502.http
  errorfile 503 $FRONT_HOME/503.http
  errorfile 504 $FRONT_HOME/504.http
EOF
    # Host is passed on unchanged, so the portal's OIDC redirect URI names the front's address.
    for m; do
      printf '\nfrontend %s\n  bind :%s\n  default_backend %s\n\nbackend %s\n' "$m" "${APP_PORT[$m]}" "$m" "$m"
      for ((n = 1; n <= instances; n++)); do
        printf '  server %s-%d 127.0.0.1:%s\n' "$m" "$n" "$(app_instance_port "$m-$n")"
      done
    done
  } >"$FRONT_CFG.new"
}

# From the configuration, so ./clinic status knows the ports of a front another ./clinic started.
front_ports() { awk '$1 == "bind" { sub(/^:/, "", $2); print $2 }' "$FRONT_CFG" 2>/dev/null; }

front_ready() {
  local port
  for port in $(front_ports); do port_open "$port" || return 1; done
}

front_up() { # instances module...: starts the front, or restarts it when its configuration changed
  local port
  front_prepare
  front_config "$@"
  if running_pid front >/dev/null && cmp -s "$FRONT_CFG" "$FRONT_CFG.new"; then
    rm -f "$FRONT_CFG.new"
    return 0
  fi
  front_down
  mv "$FRONT_CFG.new" "$FRONT_CFG"
  haproxy -c -q -f "$FRONT_CFG" >"$LOGS/front-check.log" 2>&1 \
    || { show_log_tail front-check; die "the front's configuration ${FRONT_CFG#"$ROOT"/} is refused by HAProxy"; }
  for port in $(front_ports); do require_free_port front "$port"; done
  say "starting the front (HAProxy) on ports $(front_ports | paste -sd,), $1 instance(s) behind each"
  start_bg front haproxy -db -f "$FRONT_CFG"
  wait_ready front 20 front_ready
}

front_down() {
  local port i
  running_pid front >/dev/null || return 0
  stop_bg front 10
  # Its main thread may be gone while another still holds the ports for a moment.
  for port in $(front_ports); do
    for ((i = 0; i < 50; i++)); do port_open "$port" || break; sleep 0.1; done
  done
}
