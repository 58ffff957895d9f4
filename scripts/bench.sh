# ./clinic bench: the figures a clinic network's IT team asks for, measured on this machine against
# the running stack (./clinic up first). Load comes from Gatling (bench/, open model: arrivals at a
# fixed rate, so a slow answer cannot slow the load down and hide a queue). Results go to
# bench/results/<run>.json and .md; docs/benchmark.md shows the last run that was kept.
#
# The run writes into the stack's databases (clients named "bench-<time> ..." at northside) and
# restarts each application once to time its start: run it on a stack you can spare.

BENCH_RESULTS="$ROOT/bench/results"
BENCH_STEP_SECONDS="${CLINIC_BENCH_STEP_SECONDS:-30}"
BENCH_WRITE_RATES="${CLINIC_BENCH_WRITE_RATES:-5 10 20 40 60 80 120 160}"
BENCH_READ_RATE="${CLINIC_BENCH_READ_RATE:-100}"
BENCH_PIPELINE_RATE="${CLINIC_BENCH_PIPELINE_RATE:-5}"
BENCH_PIPELINE_SECONDS="${CLINIC_BENCH_PIPELINE_SECONDS:-20}"
BENCH_WARMUP_SECONDS="${CLINIC_BENCH_WARMUP_SECONDS:-60}"
BENCH_P99_GOAL_MS=50

bench_psql() { # database sql: unaligned, tab-separated rows
  as_postgres psql -qAtX -F $'\t' -v ON_ERROR_STOP=1 -h "$PG_SOCKETS" -p "$PG_PORT" -d "$1" -c "$2"
}

bench_token() { # user
  curl -sf -d grant_type=password -d client_id=securebase-tests -d username="$1" -d password=demo \
    "$OIDC_URL/protocol/openid-connect/token" | jq -r .access_token
}

bench_rss_mb() { # pid: resident memory of the process in MiB
  awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0
}

# Samples every application's RSS once a second into $1 until the file $1.stop appears.
bench_rss_sampler() {
  local out=$1 m pid
  : >"$out"
  rm -f "$out.stop"   # the stop of the side before
  while [[ ! -f $out.stop ]]; do
    for m in "${APP_MODULES[@]}"; do
      pid=$(running_pid "$m") && printf '%s\t%s\n' "$m" "$(bench_rss_mb "$pid")" >>"$out"
    done
    sleep 1
  done
}

bench_rss_peak() { # samples-file module
  awk -F'\t' -v m="$2" '$1 == m && $2 > max { max = $2 } END { print max + 0 }' "$1"
}

bench_reports() { ls -d "$ROOT"/bench/target/gatling/*/ 2>/dev/null || true; }

bench_gatling() { # simulation rate seconds [-Dname=value ...]: runs it, prints the report folder
  local simulation=$1 rate=$2 seconds=$3 before after
  shift 3
  before=$(bench_reports | wc -l)
  "$ROOT/mvnw" -B -P bench -pl bench gatling:test \
    -Dgatling.simulationClass="care.securebase.bench.$simulation" \
    -Dbench.rate="$rate" -Dbench.seconds="$seconds" -Dbench.run="$BENCH_RUN-${BENCH_SIDE:-now}" \
    -Dbench.keycloak="$KEYCLOAK_URL" -Dbench.intake="$(app_url intake-service)" \
    -Dbench.sessions="$(app_url sessions-service)" -Dbench.referrals="$(app_url referrals-service)" \
    "$@" >>"$LOGS/bench.log" 2>&1 || { show_log_tail bench; die "Gatling run $simulation failed"; }
  after=$(bench_reports | wc -l)
  ((after > before)) || die "Gatling wrote no report for $simulation (see .clinic/logs/bench.log)"
  # sed reads the whole list: head would leave ls writing to a closed pipe, and with pipefail the
  # bench died of SIGPIPE once the reports outgrew the pipe buffer.
  ls -td "$ROOT"/bench/target/gatling/*/ | sed -n 1p
}

# One request's (or, with "all", every request's) figures from a Gatling report as a JSON object.
# Gatling 3.15 writes its numbers only into the report's statistics table (columns: 2 count, 4 failed,
# 6 per second, 8 p50, 10 p95, 11 p99, 12 max), so the table is read back.
bench_stats() { # report-folder request-name|all
  local name=$2
  [[ $name == all ]] && name="All Requests"
  awk -v want="$name" '
    /class="ellipsed-name">/ { sub(/.*class="ellipsed-name">/, ""); sub(/<\/span>.*/, ""); row = $0; next }
    /<td class="value [a-z]+ col-[0-9]+">/ {
      col = $0; sub(/.*col-/, "", col); sub(/".*/, "", col)
      v = $0; sub(/.*">/, "", v); sub(/<.*/, "", v); cell[col] = v; next }
    /<\/tr>/ && row == want {
      printf "{\"requests\":%s,\"failed\":%s,\"perSecond\":%s,\"p50\":%s,\"p95\":%s,\"p99\":%s,\"max\":%s}\n",
        cell[2], cell[4], cell[6], cell[8], cell[10], cell[11], cell[12]
      found = 1; exit }
    END { if (!found) print "{\"requests\":0,\"failed\":0,\"perSecond\":0,\"p50\":null,\"p95\":null,\"p99\":null,\"max\":null}" }
  ' "$1/index.html"
}

# p50, p99 and max (ms) of the differences between two key<TAB>epoch-ms lists, joined on the key.
bench_latency() { # earlier-file later-file
  join -t $'\t' <(sort "$1") <(sort "$2") | awk -F'\t' '{ printf "%d\n", $3 - $2 }' | sort -n \
    | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "{\"count\":0}"; exit }
        p50 = v[int((NR - 1) * 0.50) + 1]; p99 = v[int((NR - 1) * 0.99) + 1]
        printf "{\"count\":%d,\"p50\":%d,\"p99\":%d,\"max\":%d}\n", NR, p50, p99, v[NR] }'
}

bench_ceiling() { # prints one-row-insert commits per second
  as_postgres psql -qX -h "$PG_SOCKETS" -p "$PG_PORT" -d postgres >/dev/null \
    <<<"SELECT 'CREATE DATABASE bench' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'bench') \gexec"
  bench_psql bench "SET client_min_messages = warning; CREATE TABLE IF NOT EXISTS one_row (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), v text)"
  local script
  script=$(mktemp /tmp/bench-insert.XXXXXX.sql)
  echo "INSERT INTO one_row (v) VALUES ('x');" >"$script"
  chmod 644 "$script"
  as_postgres "$PG_BIN/pgbench" -n -h "$PG_SOCKETS" -p "$PG_PORT" -c 4 -j 2 -T 15 -f "$script" bench 2>&1 \
    | awk '/^tps = / { printf "%d", $3 }'
  rm -f "$script"
}

bench_startup() { # module: restarts it; prints {"startSeconds":..,"idleRssMb":..}
  local m=$1 start ready pid
  app_stop "$m" >/dev/null
  start=$(date +%s.%N)
  app_start "$m"
  until app_ready "$m"; do
    sleep 0.1
    [[ $(echo "$(date +%s.%N) - $start > 120" | bc) == 1 ]] && die "$m not ready 120 s after start"
  done
  ready=$(date +%s.%N)
  sleep 5   # let start-up allocation settle before reading idle memory
  pid=$(running_pid "$m")
  printf '{"startSeconds":%.1f,"idleRssMb":%d}' "$(echo "$ready - $start" | bc)" "$(bench_rss_mb "$pid")"
}

# Creates clinicians of this run at northside with room for about $1 clients (200 each, the most one
# may carry) and prints their ids, comma-separated: the write steps assign to them, not to the demo's.
bench_clinicians() { # clients label
  local count=$(( ($1 * 11 / 10) / 200 + 1 )) i id ids="" ada
  ada=$(bench_token ada)
  for ((i = 1; i <= count; i++)); do
    id="${BENCH_RUN,,}-${BENCH_SIDE:-now}-$2-$i"
    bench_put_clinician "$ada" "$id" true || die "could not create bench clinician $id"
    ids+="${ids:+,}$id"
  done
  echo "$ids"
}

bench_put_clinician() { # clinic-admin-token id active; a display name is a person's (no digits), the id tells them apart
  curl -sf -X PUT -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    -d "{\"displayName\":\"Benchmark Clinician\",\"clinicId\":\"northside\",\"caseloadLimit\":200,\"onCall\":false,\"active\":$3}" \
    "$(app_url intake-service)/clinicians/$2" >/dev/null
}

# Bench clinicians (this run's, and any an interrupted run left active) take no more clients; their
# clients stay with them, out of everyone's way.
bench_retire_clinicians() {
  local ada id
  ada=$(bench_token ada)
  while read -r id; do
    bench_put_clinician "$ada" "$id" false || true
  done < <(bench_psql intake "SELECT id FROM clinician WHERE id LIKE 'bench-%' AND active")
}

bench_discharge() { # SQL condition on intake's client c: discharges their current episodes through the API
  local clara episode ids
  ids=$(bench_psql intake "SELECT c.id FROM client c WHERE $1" | sed "s/.*/'&'/" | paste -sd, -)
  [[ -n $ids ]] || return 0
  clara=$(bench_token clara)
  while read -r episode; do
    curl -s -o /dev/null -X POST -H "Authorization: Bearer $clara" -H 'Content-Type: application/json' \
      -d '{"phase":"DISCHARGED","reason":"benchmark client"}' "$(app_url sessions-service)/episodes/$episode/phase"
  done < <(bench_psql sessions "SELECT id FROM episode WHERE client_id IN ($ids) AND phase <> 'DISCHARGED' AND clinician_id = 'clara'")
}

# ---- Cost: CPU per process, SQL statements and allocation per intake (issue 19)

BENCH_COST_RATE="${CLINIC_BENCH_COST_RATE:-20}"
BENCH_SIZE_RATE="${CLINIC_BENCH_SIZE_RATE:-20}"
BENCH_SIZES="${CLINIC_BENCH_SIZES:-1000 100000}"
BENCH_IDLE_SECONDS=10
BENCH_TICK_MS=$((1000 / $(getconf CLK_TCK)))

bench_ticks() { # pid: CPU ticks (user + system) of the process and its live descendants
  local pid=$1 child total
  total=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
  for child in $(pgrep -P "$pid" 2>/dev/null); do total=$((total + $(bench_ticks "$child"))); done
  echo "$total"
}

# name<TAB>CPU ticks so far, for every process of the stack. PostgreSQL's backends are grouped by the
# database their process title names; backends that ended count in the postmaster's children times.
bench_cpu_snapshot() {
  local name pid child title
  for name in "${APP_MODULES[@]}" kafka keycloak greenmail zipkin; do
    pid=$(running_pid "$name") && printf '%s\t%s\n' "$name" "$(bench_ticks "$pid")"
  done
  awk '/^cpu / { printf "machine (every process)\t%d\n", $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
  pid=$(running_pid postgres) || return 0
  {
    awk '{ printf "postgres: server processes\t%d\n", $14 + $15; printf "postgres: ended backends\t%d\n", $16 + $17 }' "/proc/$pid/stat"
    for child in $(pgrep -P "$pid"); do
      title=$(tr '\0' ' ' 2>/dev/null <"/proc/$child/cmdline") || continue
      if [[ $title =~ ^postgres:\ [^\ ]+\ ([^\ ]+)\ (127\.0\.0\.1|\[local\]|::1|localhost) ]]; then
        name="postgres: ${BASH_REMATCH[1]}"
        [[ " ${SERVICES[*]} " == *" ${BASH_REMATCH[1]} "* ]] || name="postgres: other databases"
        printf '%s\t%s\n' "$name" "$(bench_ticks "$child")"
      else
        printf 'postgres: server processes\t%s\n' "$(bench_ticks "$child")"
      fi
    done
  } | awk -F'\t' '{ t[$1] += $2 } END { for (k in t) printf "%s\t%d\n", k, t[k] }'
}

# CPU per unit of work, per process: before/after snapshots of the step, and of an idle window for the
# background cost (polls, heartbeats), which the net figure takes out.
bench_cpu_json() { # before after idle-before idle-after window-seconds units
  awk -F'\t' -v units="$6" -v window="$5" -v idlewin="$BENCH_IDLE_SECONDS" -v tick="$BENCH_TICK_MS" '
    FILENAME == ARGV[1] { b[$1] = $2; next }
    FILENAME == ARGV[2] { a[$1] = $2; next }
    FILENAME == ARGV[3] { ib[$1] = $2; next }
    FILENAME == ARGV[4] { ia[$1] = $2; next }
    END {
      first = 1; printf "["
      for (k in a) {
        if (!(k in b)) continue
        used = (a[k] - b[k]) * tick
        idle = (k in ia && k in ib) ? (ia[k] - ib[k]) * tick / idlewin : 0
        printf "%s{\"process\":\"%s\",\"cpuMsPerUnit\":%.2f,\"netOfIdleMsPerUnit\":%.2f,\"idleMsPerSecond\":%.1f}",
          (first ? "" : ","), k, used / units, (used - idle * window) / units, idle
        first = 0
      }
      print "]"
    }' "$1" "$2" "$3" "$4" | jq -c 'sort_by(-.cpuMsPerUnit)'
}

bench_idle_window() { # writes idle-before and idle-after into $BENCH_TMP
  bench_cpu_snapshot >"$BENCH_TMP/idle-before"
  sleep "$BENCH_IDLE_SECONDS"
  bench_cpu_snapshot >"$BENCH_TMP/idle-after"
}

# mawk's %d stops at 2^31 - 1: after 2 GiB allocated every reading was the same and the figure 0.
bench_allocated() { # module<TAB>bytes the JVM allocated so far (Micrometer's jvm.gc.memory.allocated)
  local m bytes
  for m in "${APP_MODULES[@]}"; do
    bytes=$(curl -s --max-time 5 "$(app_url "$m")/q/metrics" | awk '/^jvm_gc_memory_allocated_bytes_total/ { v = $2 } END { if (v != "") printf "%.0f", v }' || true)
    [[ -n $bytes ]] && printf '%s\t%s\n' "$m" "$bytes"
  done
  return 0
}

bench_allocated_json() { # before after units: KiB allocated per unit, per application
  join -t $'\t' <(sort "$1") <(sort "$2") \
    | jq -R -s -c --argjson n "$3" 'split("\n") | map(select(length > 0) | split("\t"))
        | map({key: .[0], value: (((.[2] | tonumber) - (.[1] | tonumber)) / 1024 / $n | round)}) | from_entries'
}

# pg_stat_statements must be loaded at PostgreSQL's start (scripts/infra.sh writes it into clinic.conf);
# a cluster started by an older ./clinic is restarted once, and the applications reconnect.
bench_statements_ready() {
  if [[ $(bench_psql postgres "SHOW shared_preload_libraries") != *pg_stat_statements* ]]; then
    say "bench: restarting PostgreSQL to load pg_stat_statements"
    postgres_stop
    postgres_prepare
    postgres_start
    wait_ready postgres 60 postgres_ready
  fi
  bench_psql postgres "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
}

bench_statements_reset() { bench_psql postgres "SELECT pg_stat_statements_reset()" >/dev/null; }

# The services' own statements since the reset (not the bench's psql), per database: how many per unit
# of work, and the most frequent ones. Statement texts are normalised ($1...): they hold no values.
bench_statements_json() { # units
  bench_psql postgres "SELECT d.datname, s.calls, round((s.total_exec_time / s.calls)::numeric, 3), s.rows,
      regexp_replace(left(s.query, 400), '\s+', ' ', 'g')
    FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid JOIN pg_roles r ON r.oid = s.userid
    WHERE d.datname IN ('intake', 'sessions', 'referrals', 'notifications') AND r.rolname <> 'postgres'" \
    | jq -R -s -c --argjson n "$1" '
      split("\n") | map(select(length > 0) | split("\t")
        | {db: .[0], calls: (.[1] | tonumber), meanMs: (.[2] | tonumber), rows: (.[3] | tonumber), query: .[4][0:220]})
      | group_by(.db) | map({key: .[0].db, value: {
          perUnit: ((map(.calls) | add) / $n * 100 | round / 100),
          top: (sort_by(-.calls)[0:12] | map({perUnit: (.calls / $n * 100 | round / 100), meanMs, rowsPerCall: (.rows / .calls * 10 | round / 10), query}))}})
      | from_entries'
}

# Waits until every service's outbox is empty (the step's events are out and consumed), at most 30 s.
bench_settle() {
  local i db pending
  for i in $(seq 1 30); do
    pending=0
    for db in intake sessions referrals notifications; do
      pending=$((pending + $(bench_psql "$db" "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")))
    done
    ((pending == 0)) && break
    sleep 1
  done
  sleep 2
}

# Runs a simulation and snapshots every process's CPU (bench_cpu_snapshot) into $BENCH_TMP/cpu-before
# when its load starts and into cpu-after when the load ended and the pipeline settled; the Gatling
# JVM's own CPU is a line of its own. Prints the report folder; $BENCH_TMP/window holds the seconds.
bench_gatling_measured() { # simulation rate seconds [-Dname=value ...]
  local job pid t0 t1
  rm -f "$BENCH_TMP"/marker.*
  bench_gatling "$@" -Dbench.markers="$BENCH_TMP" >"$BENCH_TMP/report" &
  job=$!
  until [[ -f $BENCH_TMP/marker.start ]]; do
    kill -0 "$job" 2>/dev/null || { wait "$job"; die "Gatling ended before its load started"; }
    sleep 0.1
  done
  pid=$(<"$BENCH_TMP/marker.start")
  { bench_cpu_snapshot; printf 'load generator (Gatling)\t%s\n' "$(bench_ticks "$pid")"; } >"$BENCH_TMP/cpu-before"
  t0=$(date +%s.%N)
  until [[ -f $BENCH_TMP/marker.end ]] || ! kill -0 "$job" 2>/dev/null; do sleep 0.1; done
  printf 'load generator (Gatling)\t%s\n' "$(bench_ticks "$pid")" >"$BENCH_TMP/cpu-gatling-end"
  wait "$job" || die "Gatling run $1 failed"
  bench_settle
  { bench_cpu_snapshot; cat "$BENCH_TMP/cpu-gatling-end"; } >"$BENCH_TMP/cpu-after"
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc >"$BENCH_TMP/window"
  cat "$BENCH_TMP/report"
}

# How many cores each process kept busy over the last measured window: what limits a step.
bench_cores_json() {
  awk -F'\t' -v window="$(<"$BENCH_TMP/window")" -v tick="$BENCH_TICK_MS" '
    FILENAME == ARGV[1] { b[$1] = $2; next }
    { if ($1 in b) printf "%s\t%.2f\n", $1, ($2 - b[$1]) * tick / 1000 / window }
  ' "$BENCH_TMP/cpu-before" "$BENCH_TMP/cpu-after" | sort -t $'\t' -k2,2 -gr | head -n 9 \
    | jq -R -s -c 'split("\n") | map(select(length > 0) | split("\t") | {key: .[0], value: (.[1] | tonumber)}) | from_entries'
}

# module<TAB>thread id<TAB>thread name<TAB>CPU ticks so far, for each application's live threads, and
# the process's own total as thread "(all)" (threads that ended count only there). Thread names are the
# JVM's, cut to 15 characters ("C2 CompilerThre", "executor-thread"); their digits are dropped.
bench_thread_snapshot() {
  local m pid stat
  for m in "${APP_MODULES[@]}"; do
    pid=$(running_pid "$m") || continue
    awk -v m="$m" '{ printf "%s\t(all)\t(all)\t%d\n", m, $14 + $15 }' "/proc/$pid/stat"
    for stat in /proc/"$pid"/task/*/stat; do cat "$stat" 2>/dev/null || true; done | awk -v m="$m" '{
      comm = substr($0, index($0, "(") + 1); comm = substr(comm, 1, match(comm, /\) [A-Za-z] /) - 1)
      split(substr($0, match($0, /\) [A-Za-z] /) + 2), f, " ")
      gsub(/[0-9]+/, "", comm); printf "%s\t%s\t%s\t%d\n", m, $1, comm, f[12] + f[13]
    }'
  done
}

# CPU ms per unit of each application's thread groups between two snapshots, named for what they do
# (not net of idle): where an application's share of the cost step goes. Threads are matched by id (a
# pool's threads come and go); the CPU of threads that ended within the window is "ended threads".
bench_threads_json() { # before after units
  awk -F'\t' -v units="$3" -v tick="$BENCH_TICK_MS" '
    function group(t) {
      if (t ~ /CompilerThre/) return "JIT compiler"
      if (t ~ /^executor-thread/ || t ~ /^vert\.x-worker/) return "request and event handlers (worker threads)"
      if (t ~ /^vert\.x-(eventloo|acceptor)/) return "HTTP I/O (event loop)"
      if (t ~ /^smallrye-kafka/ || t ~ /^kafka-coordinat/) return "Kafka consumers (polling)"
      if (t ~ /^kafka-producer/) return "Kafka producer (sending)"
      if (t ~ /^outbox-relay/) return "outbox relay"
      if (t ~ /^Batch(Span|LogRecord)Proces/) return "trace and log export"
      if (t ~ /^(VM Thread|GC Thread|VM Periodic)/) return "GC and VM"
      return "other threads"
    }
    FILENAME == ARGV[1] { b[$1 "\t" $2] = $4; next }
    {
      d = $4 - b[$1 "\t" $2]
      if ($2 == "(all)") { all[$1] = d } else { g[$1 "\t" group($3)] += d; seen[$1] += d }
    }
    END {
      for (m in all) if (all[m] - seen[m] > 0) g[m "\tended threads"] += all[m] - seen[m]
      for (k in g) { split(k, x, "\t"); if (g[k] > 0) printf "%s\t%s\t%.2f\n", x[1], x[2], g[k] * tick / units }
    }' "$1" "$2" \
    | jq -R -s -c 'split("\n") | map(select(length > 0) | split("\t")) | group_by(.[0])
        | map({key: .[0][0], value: (sort_by(-(.[2] | tonumber)) | map({key: .[1], value: (.[2] | tonumber)}) | from_entries)})
        | from_entries'
}

BENCH_WARMUP_ROUNDS="${CLINIC_BENCH_WARMUP_ROUNDS:-8}"
BENCH_WARMUP_JIT_PERCENT="${CLINIC_BENCH_WARMUP_JIT_PERCENT:-15}"

# JIT compilation goes on for many minutes of load after a start: the applications' compiler threads
# were 40 % of their CPU in the first minutes at 20 intakes/s and under 15 % only after about five
# minutes more. Counted into the cost step, that is start-up cost, not an intake's. Intakes run at the
# cost step's rate in rounds of $BENCH_WARMUP_SECONDS until a round's JIT share of the applications' CPU
# is under $BENCH_WARMUP_JIT_PERCENT % (at most $BENCH_WARMUP_ROUNDS rounds); the rounds are reported.
bench_warm_up() { # out-file
  local round share rounds="[]"
  for ((round = 1; round <= BENCH_WARMUP_ROUNDS; round++)); do
    bench_thread_snapshot >"$BENCH_TMP/warm-before"
    bench_gatling IntakeWrites "$BENCH_COST_RATE" "$BENCH_WARMUP_SECONDS" \
      -Dbench.clinicians="$(bench_clinicians $((BENCH_COST_RATE * BENCH_WARMUP_SECONDS)) "warmup$round")" >/dev/null
    bench_thread_snapshot >"$BENCH_TMP/warm-after"
    share=$(bench_threads_json "$BENCH_TMP/warm-before" "$BENCH_TMP/warm-after" 1 \
      | jq '[.[][]] as $all | if ($all | add // 0) > 0 then ([.[]["JIT compiler"] // 0] | add) * 100 / ($all | add) | floor else 0 end')
    say "bench:   warm-up round $round ($BENCH_COST_RATE intakes/s for $BENCH_WARMUP_SECONDS s): JIT compilation $share % of the applications' CPU"
    rounds=$(jq -c --argjson r "$round" --argjson s "$share" '. + [{round: $r, jitPercentOfApplicationsCpu: $s}]' <<<"$rounds")
    ((share < BENCH_WARMUP_JIT_PERCENT)) && break
  done
  bench_retire_clinicians
  jq -c -n --argjson rounds "$rounds" --argjson rate "$BENCH_COST_RATE" --argjson s "$BENCH_WARMUP_SECONDS" \
    --argjson goal "$BENCH_WARMUP_JIT_PERCENT" \
    '{intakesPerSecond: $rate, roundSeconds: $s, untilJitPercentBelow: $goal, rounds: $rounds}' >"$1"
}

# A steady step of intakes with everything measured: CPU per process, statements, allocation.
bench_cost_step() { # out-file
  local out=$1 report stats intakes
  say "bench: cost of an intake at a steady $BENCH_COST_RATE intakes/s for $BENCH_STEP_SECONDS s (CPU per process, SQL, allocation)"
  bench_idle_window
  local clinicians
  clinicians=$(bench_clinicians $((BENCH_COST_RATE * BENCH_STEP_SECONDS)) cost)
  bench_statements_reset
  bench_allocated >"$BENCH_TMP/alloc-before"
  bench_thread_snapshot >"$BENCH_TMP/threads-before"
  report=$(bench_gatling_measured IntakeWrites "$BENCH_COST_RATE" "$BENCH_STEP_SECONDS" -Dbench.clinicians="$clinicians")
  bench_thread_snapshot >"$BENCH_TMP/threads-after"
  bench_allocated >"$BENCH_TMP/alloc-after"
  stats=$(bench_stats "$report" "complete intake")
  intakes=$(jq '.requests - .failed' <<<"$stats")
  ((intakes > 0)) || die "the cost step completed no intake (see .clinic/logs/bench.log)"
  jq -n -c --argjson rate "$BENCH_COST_RATE" --argjson n "$intakes" --argjson all "$(bench_stats "$report" all)" \
    --argjson cpu "$(bench_cpu_json "$BENCH_TMP/cpu-before" "$BENCH_TMP/cpu-after" "$BENCH_TMP/idle-before" \
      "$BENCH_TMP/idle-after" "$(<"$BENCH_TMP/window")" "$intakes")" \
    --argjson sql "$(bench_statements_json "$intakes")" \
    --argjson alloc "$(bench_allocated_json "$BENCH_TMP/alloc-before" "$BENCH_TMP/alloc-after" "$intakes")" \
    --argjson threads "$(bench_threads_json "$BENCH_TMP/threads-before" "$BENCH_TMP/threads-after" "$intakes")" \
    '{intakesPerSecond: $rate, intakes: $n, requests: $all, cpuPerIntake: $cpu, sqlPerIntake: $sql, allocatedKiBPerIntake: $alloc,
      applicationThreadsCpuMsPerIntake: $threads}' >"$out"
  say "bench:   $(jq -r '[.cpuPerIntake[] | select(.process | startswith("machine"))][0] | "\(.cpuMsPerUnit) ms of CPU per intake across the machine"' "$out")"
}

# Adds made-up clients at northside through SQL until it holds $1 (outside any timed part); they carry
# the run's tag in their e-mail address and are removed again after the step.
bench_fill_clients() { # total
  local have
  have=$(bench_psql intake "SELECT count(*) FROM client")
  ((have < $1)) || return 0
  bench_psql intake "INSERT INTO client (id, clinic_id, legal_name, preferred_name, date_of_birth, email, email_key,
      preferred_channel, language, time_zone, status, registered_by, registered_at)
    SELECT gen_random_uuid(), 'northside', n.given || ' ' || n.family, n.given,
      date '1950-01-01' + (random() * 20000)::int, n.email, n.email, 'EMAIL', 'en', 'Europe/London', 'REGISTERED',
      'bench', now() - random() * interval '1000 days'
    FROM generate_series(1, $(($1 - have))) g,
      LATERAL (SELECT
        (SELECT initcap(string_agg(substr('bcdfghjklmnprstvz', 1 + floor(random() * 17)::int, 1)
                                   || substr('aeiou', 1 + floor(random() * 5)::int, 1), '')) FROM generate_series(1, 4) WHERE g > 0) AS given,
        (SELECT initcap(string_agg(substr('bcdfghjklmnprstvz', 1 + floor(random() * 17)::int, 1)
                                   || substr('aeiou', 1 + floor(random() * 5)::int, 1), '')) FROM generate_series(1, 4) WHERE g > 0) AS family,
        'bulk-' || lower('$BENCH_RUN') || '-' || g || '@bench.example.org' AS email) n" >/dev/null
  bench_psql intake "ANALYZE client" >/dev/null
}

# Registrations at a fixed rate with the clinic at each size of $BENCH_SIZES: latency, and CPU of
# intake-service and of its database per registration. No request's cost may grow with the clients.
bench_size_step() { # out-file
  local out=$1 size report stats n steps="[]"
  for size in $BENCH_SIZES; do
    bench_fill_clients "$size"
    n=$(bench_psql intake "SELECT count(*) FROM client")
    say "bench: registrations at $BENCH_SIZE_RATE/s with $n clients registered"
    bench_idle_window
    report=$(bench_gatling_measured Registrations "$BENCH_SIZE_RATE" "$BENCH_STEP_SECONDS")
    stats=$(bench_stats "$report" "register client")
    steps=$(jq -c --argjson n "$n" --argjson s "$stats" --argjson cpu "$(bench_cpu_json "$BENCH_TMP/cpu-before" \
        "$BENCH_TMP/cpu-after" "$BENCH_TMP/idle-before" "$BENCH_TMP/idle-after" "$(<"$BENCH_TMP/window")" \
        "$(jq '[.requests - .failed, 1] | max' <<<"$stats")")" \
      '. + [{clients: $n, registrations: $s,
             cpuPerRegistration: ($cpu | map(select(.process == "intake-service" or .process == "postgres: intake"
                                                     or (.process | startswith("machine")))))}]' <<<"$steps")
    say "bench:   $(jq -r '.[-1] | "p50 \(.registrations.p50) ms, p99 \(.registrations.p99) ms; CPU per registration: \(.cpuPerRegistration | map("\(.process) \(.cpuMsPerUnit) ms") | join(", "))"' <<<"$steps")"
  done
  bench_psql intake "DELETE FROM client WHERE email LIKE 'bulk-$(echo "$BENCH_RUN" | tr 'A-Z' 'a-z')-%'" >/dev/null
  bench_psql intake "VACUUM ANALYZE client" >/dev/null
  jq -c --argjson rate "$BENCH_SIZE_RATE" '{registrationsPerSecond: $rate, sizes: .}' <<<"$steps" >"$out"
}

BENCH_DISPATCH_COUNT="${CLINIC_BENCH_DISPATCH_COUNT:-2000}"
BENCH_DISPATCH_WARMUP_COUNT="${CLINIC_BENCH_DISPATCH_WARMUP_COUNT:-2000}"
# Environment of the after side's applications (e.g. SECUREBASE_TRACING_STATEMENT_SPANS=0.1), to
# measure a setting against --baseline of the same revision.
BENCH_AFTER_ENV="${CLINIC_BENCH_AFTER_ENV:-}"

# The dispatcher's own rate: $BENCH_DISPATCH_COUNT booster reminders put in due at once (straight into
# notifications' database, scripts/bench-dispatch.sql), timed from the first sent to the last; then the
# mail server must hold each reminder's message exactly once.
#
# Two things made that figure the step's history rather than the dispatcher's (measured 2026-12-07):
# - Nothing else runs the dispatch path before it, so a first dispatch is mostly JIT compilation:
#   a dispatch of $BENCH_DISPATCH_WARMUP_COUNT goes first and is not counted.
# - GreenMail finds a recipient's mailbox by a linear search over every mailbox it has
#   (InMemoryStore.getMailbox: most of its CPU once 20,000 bench addresses had accumulated), so with an
#   address per reminder its cost per message grew with every earlier run and side. The reminders now
#   share $BENCH_DISPATCH_MAILBOXES addresses, the same in every run, and are told apart by Message-ID;
#   GreenMail's mail (not its mailboxes: a reset restarts its server and strands the dispatcher's
#   pooled connections) is purged before the measured dispatch, so that the check reads only its own.
BENCH_DISPATCH_MAILBOXES=50

bench_dispatch_sql() { # run-tag count: prints "sent<TAB>not sent<TAB>seconds<TAB>per second"
  as_postgres psql -qAtX -F $'\t' -v ON_ERROR_STOP=1 -h "$PG_SOCKETS" -p "$PG_PORT" -d notifications \
    -v run="$1" -v count="$2" -v mailboxes="$BENCH_DISPATCH_MAILBOXES" <"$ROOT/scripts/bench-dispatch.sql" | tail -n 1
}

# Of the run's reminders (clients named 'Bench <run-tag>'), how many GreenMail holds twice or more, and none.
bench_dispatch_delivered() { # run-tag: prints "twice<TAB>none"
  local i
  for ((i = 0; i < BENCH_DISPATCH_MAILBOXES; i++)); do
    curl -s "$MAIL_API_URL/api/user/bench-dispatch-$i@example.org/messages/" \
      | jq -r 'if type == "array" then .[]."Message-ID" // empty else empty end'
  done >"$BENCH_TMP/dispatch-message-ids"
  bench_psql notifications "SELECT '<booster-reminder.' || r.id || '@securebase.test>' FROM booster_reminder r
    JOIN client_contact c USING (client_id) WHERE c.preferred_name = 'Bench $1'" >"$BENCH_TMP/dispatch-expected"
  awk 'FILENAME == ARGV[1] { n[$0]++; next } { if (n[$0] > 1) twice++; if (!n[$0]) none++ }
       END { printf "%d\t%d\n", twice, none }' "$BENCH_TMP/dispatch-message-ids" "$BENCH_TMP/dispatch-expected"
}

bench_reminders_sent_seen() { bench_psql sessions "SELECT count(*) FROM processed_event WHERE type = 'reminder-sent'"; }

bench_reminders_consumed() { # count-before sent: waits up to 60 s for sessions to have recorded them
  local waited
  for waited in $(seq 1 60); do
    (($(bench_reminders_sent_seen) - $1 >= $2)) && return 0
    sleep 1
  done
  return 1
}

bench_dispatch_warm_up() { # run-tag
  local result seen
  seen=$(bench_reminders_sent_seen)
  say "bench: warming up the dispatch path: $BENCH_DISPATCH_WARMUP_COUNT booster reminders (not counted)"
  result=$(bench_dispatch_sql "$1" "$BENCH_DISPATCH_WARMUP_COUNT") || die "bench: the dispatch warm-up failed (scripts/bench-dispatch.sql)"
  say "bench:   warm-up: $(awk -F'\t' '{ print $1 " sent in " $3 " s = " $4 "/s" }' <<<"$result")"
  bench_settle
  bench_reminders_consumed "$seen" "${result%%$'\t'*}" || say "bench:   sessions had not consumed the warm-up's reminder-sent after 60 s"
}

bench_dispatch_step() { # out-file
  local out=$1 tag result sent twice=0 missing=0 seen started
  tag="$(echo "$BENCH_RUN" | tr 'A-Z' 'a-z' | tr -cd 'a-z0-9')${BENCH_SIDE:-now}"
  bench_dispatch_warm_up "${tag}warm"
  curl -s -f -X POST "$MAIL_API_URL/api/mail/purge" >/dev/null || die "bench: GreenMail's mail was not purged"
  say "bench: $BENCH_DISPATCH_COUNT booster reminders due at once, dispatched to SMTP"
  seen=$(bench_reminders_sent_seen)
  started=$(date +%s.%N)
  bench_cpu_snapshot >"$BENCH_TMP/cpu-before"
  result=$(bench_dispatch_sql "$tag" "$BENCH_DISPATCH_COUNT") || die "bench: the dispatch step failed (scripts/bench-dispatch.sql)"
  sent=${result%%$'\t'*}
  bench_cpu_snapshot >"$BENCH_TMP/cpu-sent"
  # The whole machine's cost of a message includes its reminder-sent event, which sessions records
  # (and intake reads only to ignore): the second snapshot waits for sessions to have them all.
  bench_settle
  bench_reminders_consumed "$seen" "$sent" || say "bench:   sessions had not consumed every reminder-sent after 60 s: the CPU per reminder is short of it"
  bench_cpu_snapshot >"$BENCH_TMP/cpu-after"
  echo "$(date +%s.%N) - $started" | bc >"$BENCH_TMP/dispatch-window"
  read -r twice missing < <(bench_dispatch_delivered "$tag")
  jq -n -c --arg r "$result" --argjson twice "$twice" --argjson missing "$missing" \
    --argjson ms "$(awk -F'\t' -v tick="$BENCH_TICK_MS" 'FILENAME == ARGV[1] { b[$1] = $2; next }
        $1 == "notifications-service" { printf "%d", ($2 - b[$1]) * tick }' "$BENCH_TMP/cpu-before" "$BENCH_TMP/cpu-sent")" \
    --argjson cpu "$(bench_cpu_json "$BENCH_TMP/cpu-before" "$BENCH_TMP/cpu-after" "$BENCH_TMP/idle-before" \
      "$BENCH_TMP/idle-after" "$(<"$BENCH_TMP/dispatch-window")" "$((sent > 0 ? sent : 1))")" '
    ($r | split("\t")) as $x
    | {due: (($x[0] | tonumber) + ($x[1] | tonumber)), sent: ($x[0] | tonumber), seconds: ($x[2] | tonumber),
       perSecond: ($x[3] | tonumber? // null), addressesWithTwoOrMore: $twice, addressesWithNone: $missing,
       notificationsCpuMsPerMessage: (if ($x[0] | tonumber) > 0 then ($ms / ($x[0] | tonumber) * 100 | round / 100) else null end),
       cpuPerMessage: $cpu}' >"$out"
  say "bench:   $(jq -r '"\(.sent) sent in \(.seconds) s = \(.perSecond)/s; twice: \(.addressesWithTwoOrMore), none: \(.addressesWithNone)"' "$out")"
}

# ---- A run: one side (the applications as they are), or two (--baseline REV, then this tree)

# The stack of ./clinic up, one instance per application (the bench restarts and measures one process each).
bench_ready_to_run() {
  local m
  running_pid front >/dev/null && die "bench measures one instance of each application: ./clinic up without --replicas"
  for m in "${APP_MODULES[@]}"; do
    app_ready "$m" || die "$m is not running: start the stack with ./clinic up first"
  done
  command -v bc >/dev/null || { say "installing bc (apt-get)"; DEBIAN_FRONTEND=noninteractive apt-get install -y -q bc >/dev/null; }
}

bench_run() {
  [[ ${1:-} != startup ]] || { bench_startup_run; return; }
  local baseline="" m
  BENCH_COST_ONLY=0
  while (($#)); do
    case $1 in
      --baseline=*) baseline=${1#*=} && shift ;;
      --baseline) baseline=${2:-} && shift && (($#)) && shift ;;
      --cost-only) BENCH_COST_ONLY=1 && shift ;;
      *) die "bench: unknown option $1 (usage: ./clinic bench [--baseline GIT-REVISION] [--cost-only])" ;;
    esac
  done
  [[ -z $BENCH_AFTER_ENV || -n $baseline ]] || die "bench: CLINIC_BENCH_AFTER_ENV needs --baseline (the side it is compared with)"
  bench_ready_to_run
  BENCH_RUN="bench-$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$BENCH_RESULTS"
  local json="$BENCH_RESULTS/$BENCH_RUN.json" revision base_dir=""
  BENCH_TMP=$(mktemp -d)
  revision="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo '+changes')"
  say "bench: run $BENCH_RUN of $revision (log: .clinic/logs/bench.log)"
  if [[ -n $baseline ]]; then
    base_dir=$(bench_baseline_build "$baseline")
  fi
  bench_statements_ready
  say "bench: compiling the simulations"
  "$ROOT/mvnw" -B -q -P bench -pl bench test-compile >>"$LOGS/bench.log" 2>&1 || die "bench does not compile"

  local ceiling
  say "bench: PostgreSQL's own ceiling (pgbench, one-row insert per transaction, 15 s)"
  ceiling=$(bench_ceiling)

  local sides="[]"
  if [[ -n $baseline ]]; then
    say "bench: BEFORE: empty service databases, the applications of $baseline, its demo data"
    bench_fresh_databases "$base_dir"
    BENCH_SIDE=before bench_side "$BENCH_TMP/before.json"
    sides=$(jq -c --arg code "$baseline" --slurpfile s "$BENCH_TMP/before.json" '. + [{side: "before", code: $code} + $s[0]]' <<<"$sides")
    say "bench: AFTER: the applications of this tree ($revision)${BENCH_AFTER_ENV:+ with $BENCH_AFTER_ENV}, on the same databases"
    # A setting's A/B (--baseline of the same revision): the after side's applications get these variables.
    read -r -a APP_EXTRA_ENV <<<"$BENCH_AFTER_ENV"
    bench_use_jars "$ROOT"
  fi
  BENCH_SIDE=after bench_side "$BENCH_TMP/after.json"
  sides=$(jq -c --arg code "$revision${BENCH_AFTER_ENV:+ with $BENCH_AFTER_ENV}" \
    --arg side "$([[ -n $baseline ]] && echo after || echo now)" \
    --slurpfile s "$BENCH_TMP/after.json" '. + [{side: $side, code: $code} + $s[0]]' <<<"$sides")
  # A-B-A: the same code has measured 10-30 % apart on two sides of one run (docs/benchmark.md). The
  # before side once more at the end shows that spread; a change is its after side against both before
  # sides. Only for --cost-only: a full side takes too long to run three times.
  local again=0
  [[ -n $baseline ]] && ((BENCH_COST_ONLY)) && again=1
  if ((again)); then
    say "bench: BEFORE AGAIN: the applications of $baseline${BENCH_AFTER_ENV:+ (without $BENCH_AFTER_ENV)}, on the same databases"
    APP_EXTRA_ENV=()
    bench_use_jars "$base_dir"
    BENCH_SIDE=before-again bench_side "$BENCH_TMP/before-again.json"
    sides=$(jq -c --arg code "$baseline" --slurpfile s "$BENCH_TMP/before-again.json" \
      '. + [{side: "before, again", code: $code} + $s[0]]' <<<"$sides")
  fi
  if [[ -n $BENCH_AFTER_ENV ]] || ((again)); then
    say "bench: restarting this tree's applications${BENCH_AFTER_ENV:+ without $BENCH_AFTER_ENV}"
    APP_EXTRA_ENV=()
    bench_use_jars "$ROOT"
  fi

  jq -n --arg run "$BENCH_RUN" --arg cpu "$(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }')" \
    --argjson cores "$(nproc)" --arg mem "$(free -g | awk '/^Mem:/ { print $2 " GiB" }')" \
    --arg os "$(. /etc/os-release && echo "$PRETTY_NAME")" --arg java "applications on $(app_java_init && "$APP_JAVA" -version 2>&1 | sed -n 1p)" \
    --arg command "${BENCH_AFTER_ENV:+CLINIC_BENCH_AFTER_ENV=\"$BENCH_AFTER_ENV\" }./clinic bench${baseline:+ --baseline $baseline}$( ((BENCH_COST_ONLY)) && echo ' --cost-only')" \
    --argjson ceiling "${ceiling:-0}" --argjson sides "$sides" --argjson step "$BENCH_STEP_SECONDS" '
    {run: $run, command: $command, machine: {cpu: $cpu, cores: $cores, memory: $mem, os: $os, java: $java},
     postgresInsertCommitsPerSecond: $ceiling, stepSeconds: $step, sides: $sides}' >"$json"
  rm -rf "$BENCH_TMP"
  bench_markdown "$json" >"${json%.json}.md"
  cp "$json" "$BENCH_RESULTS/latest.json"
  cp "${json%.json}.md" "$BENCH_RESULTS/latest.md"
  echo
  cat "${json%.json}.md"
  echo
  say "bench: results in ${json#"$ROOT/"} and ${json%.json}.md (copy the table into docs/benchmark.md to keep it)"
}

# The applications of another revision, packaged in .clinic/bench-baseline/REV (kept for the next run).
bench_baseline_build() { # revision: prints the directory
  local rev dir
  rev=$(git -C "$ROOT" rev-parse --verify --short "$1^{commit}" 2>/dev/null) || die "bench: no revision '$1' in this repository"
  dir="$ROOT/.clinic/bench-baseline/$rev"
  if [[ ! -f $dir/.built ]]; then
    say "bench: packaging the applications of $1 ($rev) in ${dir#"$ROOT/"}" >&2
    rm -rf "$dir" && mkdir -p "$dir"
    git -C "$ROOT" archive "$rev" | tar -x -C "$dir"
    (cd "$dir" && ./mvnw -B -q package -DskipTests) >>"$LOGS/bench.log" 2>&1 || die "bench: $rev does not package (see .clinic/logs/bench.log)"
    touch "$dir/.built"
  fi
  echo "$dir"
}

bench_use_jars() { # directory whose */target/quarkus-app the applications run from
  local m
  APP_JAR_ROOT=$1
  for m in "${APP_MODULES[@]}"; do app_stop "$m" >/dev/null; done
  for m in "${APP_MODULES[@]}"; do app_start "$m"; done
  for m in "${APP_MODULES[@]}"; do wait_ready "$m" 120 app_ready "$m" >/dev/null; done
}

# The baseline side starts from empty service databases, migrated by its own code, with its own demo
# data, so that it does not run on indexes or columns a later revision added.
bench_fresh_databases() { # directory of the baseline
  local m db
  for m in "${APP_MODULES[@]}"; do app_stop "$m" >/dev/null; done
  for db in "${SERVICES[@]}"; do
    bench_psql postgres "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
  done
  postgres_create_databases
  bench_use_jars "$1"
  export_app_urls
  bash "$1/deploy/demo/load-demo.sh" >>"$LOGS/bench.log" 2>&1 || die "bench: the baseline's demo data did not load"
}

# Every figure, for the applications now running; written as one JSON object to $1.
bench_side() { # out-file
  local out=$1 m
  # Restarted (for another revision, or by the last run's start-up step), the applications would be
  # measured cold: JIT compilation would be counted as the requests' cost. Every load shape runs first
  # at a moderate rate, and intakes until compilation has settled (bench_warm_up); those figures are
  # thrown away; start-up is measured at the end.
  say "bench: warming up the applications: $BENCH_WARMUP_SECONDS s per load shape, then intakes until JIT compilation settles (results discarded)"
  bench_gatling StaffReads 30 "$BENCH_WARMUP_SECONDS" >/dev/null
  bench_gatling Registrations 10 "$BENCH_WARMUP_SECONDS" >/dev/null
  bench_warm_up "$BENCH_TMP/warmup.json"

  bench_cost_step "$BENCH_TMP/cost.json"
  if ((BENCH_COST_ONLY)); then
    # One change's A/B needs only its cost: the warm-up, the cost step and a dispatch's cost per message.
    bench_dispatch_step "$BENCH_TMP/dispatch.json"
    jq -n -c --slurpfile cost "$BENCH_TMP/cost.json" --slurpfile warmup "$BENCH_TMP/warmup.json" \
      --slurpfile dispatch "$BENCH_TMP/dispatch.json" '{warmUp: $warmup[0], cost: $cost[0], dispatch: $dispatch[0]}' >"$out"
    bench_retire_clinicians
    return
  fi
  bench_size_step "$BENCH_TMP/size.json"

  bench_rss_sampler "$BENCH_TMP/rss" &
  local sampler=$!
  say "bench: intake writes (register + complete an intake), stepping the arrival rate"
  local rate report stats held="null" steps="[]"
  for rate in $BENCH_WRITE_RATES; do
    report=$(bench_gatling_measured IntakeWrites "$rate" "$BENCH_STEP_SECONDS" \
      -Dbench.clinicians="$(bench_clinicians $((rate * BENCH_STEP_SECONDS)) "$rate")")
    stats=$(bench_stats "$report" all)
    steps=$(jq -c --argjson r "$rate" --argjson s "$stats" --argjson cores "$(bench_cores_json)" \
      '. + [{intakesPerSecond: $r} + $s + {coresBusy: $cores}]' <<<"$steps")
    say "bench:   $rate intakes/s: $(jq -r '"p50 \(.p50) ms, p99 \(.p99) ms, max \(.max) ms, failed \(.failed)"' <<<"$stats")"
    if (($(jq '.p99' <<<"$stats") >= BENCH_P99_GOAL_MS || $(jq '.failed' <<<"$stats") > 0)); then break; fi
    held=$(jq -c --argjson r "$rate" '{intakesPerSecond: $r} + .' <<<"$stats")
  done

  say "bench: staff reads at $BENCH_READ_RATE/s (caseload, clinic caseload, episode timeline, referral inbox)"
  report=$(bench_gatling StaffReads "$BENCH_READ_RATE" "$BENCH_STEP_SECONDS")
  local reads
  reads=$(jq -nc --argjson c "$(bench_stats "$report" caseload)" --argjson t "$(bench_stats "$report" "episode timeline")" \
    --argjson w "$(bench_stats "$report" "clinic caseload")" --argjson n "$(bench_psql sessions \
      "SELECT count(*) FROM episode WHERE clinic_id = 'northside' AND phase <> 'DISCHARGED'")" \
    --argjson i "$(bench_stats "$report" "referral inbox")" --argjson r "$BENCH_READ_RATE" \
    '{ratePerSecond: $r, caseload: $c, clinicCaseloadFirstPage: ($w + {openEpisodesAtClinic: $n}),
      episodeTimeline: $t, referralInbox: $i}')

  touch "$BENCH_TMP/rss.stop"
  wait "$sampler" 2>/dev/null || true
  bench_retire_clinicians

  say "bench: event latencies and reminder dispatch ($BENCH_PIPELINE_RATE clients/s for $BENCH_PIPELINE_SECONDS s)"
  local ada clara_limit program
  ada=$(bench_token ada)
  clara_limit=$(curl -sf -H "Authorization: Bearer $ada" "$(app_url intake-service)/clinicians" \
    | jq -c '.[] | select(.id == "clara")')
  # Every pipeline client is assigned to clara; her real limit comes back afterwards.
  curl -sf -X PUT -H "Authorization: Bearer $ada" -H 'Content-Type: application/json' \
    -d "$(jq -c '{displayName, clinicId, caseloadLimit: 200, onCall, active}' <<<"$clara_limit")" \
    "$(app_url intake-service)/clinicians/clara" >/dev/null
  program=$(curl -sf -H "Authorization: Bearer $(bench_token carmen)" \
    "$(app_url referrals-service)/programs?kind=SOCIAL_WORK&size=50" | jq -r '[.[] | select(.acceptingReferrals)][0].id // empty')
  report=$(bench_gatling CarePipeline "$BENCH_PIPELINE_RATE" "$BENCH_PIPELINE_SECONDS" -Dbench.program="$program")
  curl -sf -X PUT -H "Authorization: Bearer $ada" -H 'Content-Type: application/json' \
    -d "$(jq -c '{displayName, clinicId, caseloadLimit, onCall, active}' <<<"$clara_limit")" \
    "$(app_url intake-service)/clinicians/clara" >/dev/null

  local clients expected
  clients=$(bench_psql intake "SELECT count(*) FROM client WHERE email LIKE '$BENCH_RUN-${BENCH_SIDE:-now}-%'")
  expected=$(bench_psql intake "SELECT count(*) FROM client c JOIN intake i ON i.client_id = c.id
    WHERE c.email LIKE '$BENCH_RUN-${BENCH_SIDE:-now}-%' AND c.time_zone LIKE 'Etc/%'")
  say "bench:   waiting for the reminders of $expected pipeline clients, due together, to be sent (at most 240 s)"
  local sent=0 waited
  for waited in $(seq 1 240); do
    bench_psql intake "COPY (SELECT c.id FROM client c WHERE c.email LIKE '$BENCH_RUN-${BENCH_SIDE:-now}-%' AND c.time_zone LIKE 'Etc/%') TO STDOUT" >"$BENCH_TMP/pipeline-clients"
    sent=$(bench_psql notifications "SELECT count(*) FROM booster_reminder WHERE status = 'SENT'
      AND client_id IN ($(sed "s/.*/'&'/" "$BENCH_TMP/pipeline-clients" | paste -sd, -))")
    ((sent >= expected)) && break
    sleep 1
  done
  local ids
  ids=$(sed "s/.*/'&'/" "$BENCH_TMP/pipeline-clients" | paste -sd, -)
  bench_psql intake "SELECT i.id, (extract(epoch FROM i.completed_at) * 1000)::bigint FROM intake i
    WHERE i.client_id IN ($ids)" >"$BENCH_TMP/intake-completed"
  bench_psql sessions "SELECT e.intake_id, (extract(epoch FROM e.opened_at) * 1000)::bigint FROM episode e
    WHERE e.client_id IN ($ids)" >"$BENCH_TMP/episode-opened"
  bench_psql sessions "SELECT e.client_id, (extract(epoch FROM p.created_at) * 1000)::bigint FROM maintenance_plan p
    JOIN episode e ON e.id = p.episode_id WHERE e.client_id IN ($ids)" >"$BENCH_TMP/maintenance-started"
  bench_psql notifications "SELECT client_id, (extract(epoch FROM min(created_at)) * 1000)::bigint FROM booster_reminder
    WHERE client_id IN ($ids) GROUP BY client_id" >"$BENCH_TMP/reminders-scheduled"
  bench_psql referrals "SELECT r.id, (extract(epoch FROM s.at) * 1000)::bigint FROM referral r
    JOIN referral_step s ON s.referral_id = r.id AND s.status = 'SENT' WHERE r.client_id IN ($ids)" >"$BENCH_TMP/referral-sent"
  bench_psql notifications "SELECT referral_id, (extract(epoch FROM sent_at) * 1000)::bigint FROM partner_notice
    WHERE sent_at IS NOT NULL AND referral_id IN (SELECT referral_id FROM partner_notice)" >"$BENCH_TMP/notice-sent"
  local dispatch
  dispatch=$(bench_psql notifications "SELECT count(*), coalesce(extract(epoch FROM max(sent_at) - min(sent_at)), 0)
    FROM booster_reminder WHERE status = 'SENT' AND client_id IN ($ids)")
  # Each pipeline client has exactly one reminder due in the run (the 7-day one): the mail server must hold exactly one message each.
  local twice=0 missing=0 address count
  while read -r address; do
    count=$(curl -s "$MAIL_API_URL/api/user/$address/messages/" | jq 'if type == "array" then length else 0 end')
    ((count > 1)) && twice=$((twice + 1))
    ((count == 0)) && missing=$((missing + 1))
  done < <(bench_psql intake "SELECT email FROM client WHERE id IN ($ids)")

  # The pipeline's places on clara's caseload are freed for the next run.
  bench_discharge "c.id IN ($ids)"

  local events
  events=$(jq -nc --argjson e "$(bench_latency "$BENCH_TMP/intake-completed" "$BENCH_TMP/episode-opened")" \
    --argjson m "$(bench_latency "$BENCH_TMP/maintenance-started" "$BENCH_TMP/reminders-scheduled")" \
    --argjson r "$(bench_latency "$BENCH_TMP/referral-sent" "$BENCH_TMP/notice-sent")" \
    --arg d "$dispatch" --argjson twice "$twice" --argjson missing "$missing" '
    ($d | split("\t")) as $x
    | {intakeCompletedToEpisodeOpenedMs: $e, maintenanceStartedToRemindersScheduledMs: $m,
       referralSentToPartnerNoticeMs: $r,
       reminders: {sent: ($x[0] | tonumber), overSeconds: ($x[1] | tonumber * 10 | round / 10),
                   perSecond: (if ($x[1] | tonumber) > 0 then (($x[0] | tonumber) - 1) / ($x[1] | tonumber) * 10 | round / 10 else null end),
                   addressesWithTwoOrMore: $twice, addressesWithNone: $missing}}')

  bench_dispatch_step "$BENCH_TMP/dispatch.json"

  say "bench: start-to-ready time and idle memory of each application (restarting them one by one)"
  local startup="{}"
  for m in "${APP_MODULES[@]}"; do
    startup=$(jq -c --arg m "$m" --argjson v "$(bench_startup "$m")" '. + {($m): $v}' <<<"$startup")
  done

  local memory="{}"
  for m in "${APP_MODULES[@]}"; do
    memory=$(jq -c --arg m "$m" --argjson peak "$(bench_rss_peak "$BENCH_TMP/rss" "$m")" '. + {($m): {peakRssUnderLoadMb: $peak}}' <<<"$memory")
  done

  jq -n --argjson steps "$steps" --argjson held "$held" --argjson reads "$reads" --argjson events "$events" \
    --argjson startup "$startup" --argjson memory "$memory" --slurpfile cost "$BENCH_TMP/cost.json" \
    --slurpfile warmup "$BENCH_TMP/warmup.json" \
    --slurpfile size "$BENCH_TMP/size.json" --slurpfile dispatch "$BENCH_TMP/dispatch.json" '
    {warmUp: $warmup[0], cost: $cost[0], tableSize: $size[0],
     intakeWrites: {goal: "p99 < 50 ms, no failures", steps: $steps, held: $held},
     staffReads: $reads, events: ($events + {dispatch: $dispatch[0]}),
     applications: ($startup | with_entries(.value += ($memory[.key] // {})))}' >"$out"
}

bench_markdown() { # results.json: one column per side
  jq -r '
    def ms: if . == null then "-" else "\(.) ms" end;
    def lat: if .count == 0 then "no samples" else "p50 \(.p50 | ms), p99 \(.p99 | ms), max \(.max | ms) (\(.count))" end;
    def row($name; f): "| \($name) | " + ([.sides[] | (try f catch "-") | tostring] | join(" | ")) + " |";
    def ran($step): any(.sides[]; .[$step] != null);
    def cpu($p): [.cost.cpuPerIntake[] | select(.process == $p)][0] | if . == null then "-" else "\(.cpuMsPerUnit) (net \(.netOfIdleMsPerUnit))" end;
    . as $r
    | ([.sides[].cost.cpuPerIntake[]] | group_by(.process) | map({p: .[0].process, m: (map(.cpuMsPerUnit) | max)})
       | sort_by(-.m) | map(.p)) as $processes
    | ([.sides[].cost.sqlPerIntake | keys[]] | unique) as $dbs
    | ([.sides[].applications // {} | keys[]] | unique) as $apps
    | "Run `\(.run)` (`\(.command)`) on \(.machine.cores) cores (\(.machine.cpu)), \(.machine.memory), \(.machine.os), \(.machine.java); PostgreSQL one-row insert commits (pgbench, 4 clients): \(.postgresInsertCommitsPerSecond)/s.",
      "",
      "| Figure | " + ([.sides[] | "\(.side) (`\(.code)`)"] | join(" | ")) + " |",
      "|---" + ([.sides[] | "|---"] | join("")) + "|",
      (select(ran("intakeWrites")) | row("Intake writes held at p99 < 50 ms (register + complete)";
        .intakeWrites.held | if . == null then "none of the rates tried" else "\(.intakesPerSecond) intakes/s: p50 \(.p50 | ms), p99 \(.p99 | ms), max \(.max | ms)" end),
        row("Intake write steps (intakes/s: p50 / p99, failed)";
          [.intakeWrites.steps[] | "\(.intakesPerSecond): \(.p50)/\(.p99) ms, \(.failed)"] | join("; ")),
        row("Cores busy during the last step (what limits it)";
          .intakeWrites.steps[-1] | "at \(.intakesPerSecond)/s: " + ([(.coresBusy // {}) | to_entries[] | "\(.key) \(.value)"] | join(", ")))),
      row("**CPU ms per intake** at \($r.sides[0].cost.intakesPerSecond) intakes/s, whole machine"; cpu("machine (every process)")),
      (($processes[] | select(startswith("machine") | not)) as $p
       | select([$r.sides[].cost.cpuPerIntake[] | select(.process == $p) | .cpuMsPerUnit] | max >= 0.5)
       | row("… \($p)"; cpu($p))),
      (([.sides[].cost.applicationThreadsCpuMsPerIntake // {} | to_entries[] | select([.value[]] | max >= 0.5) | .key] | unique)[] as $a
       | row("… \($a) by thread (CPU ms per intake)";
           .cost.applicationThreadsCpuMsPerIntake[$a] | [to_entries[] | select(.value >= 0.1) | "\(.key) \(.value)"] | join(", "))),
      row("Warm-up before the cost step (JIT compiler share of the application CPU, per round)";
        .warmUp | "\(.intakesPerSecond) intakes/s, \(.roundSeconds) s rounds: " + ([.rounds[] | "\(.jitPercentOfApplicationsCpu) %"] | join(", "))),
      row("SQL statements per intake"; [.cost.sqlPerIntake | to_entries[] | "\(.key) \(.value.perUnit)"] | join(", ")),
      row("Allocated per intake"; [.cost.allocatedKiBPerIntake | to_entries[] | "\(.key) \(.value) KiB"] | join(", ")),
      (range(0; [.sides[].tableSize.sizes | length] | max) as $i
       | row("Register a client at \($r.sides[0].tableSize.registrationsPerSecond)/s, table size step \($i + 1)";
           .tableSize.sizes[$i] | "\(.clients) clients: p50 \(.registrations.p50 | ms), p99 \(.registrations.p99 | ms); CPU ms per registration: "
             + ([.cpuPerRegistration[] | "\(.process) \(.cpuMsPerUnit)"] | join(", ")))),
      (select(ran("staffReads")) | ("caseload", "clinicCaseloadFirstPage", "episodeTimeline", "referralInbox") as $k
       | row("Read: \($k) (mix at \($r.sides[0].staffReads.ratePerSecond)/s)";
           .staffReads[$k] | "\(.perSecond)/s; p50 \(.p50 | ms), p99 \(.p99 | ms), \(.failed) failed")),
      (select(ran("events")) | row("intake-completed → episode opened"; .events.intakeCompletedToEpisodeOpenedMs | lat),
        row("maintenance started → reminders scheduled"; .events.maintenanceStartedToRemindersScheduledMs | lat),
        row("referral sent → partner notice accepted by SMTP"; .events.referralSentToPartnerNoticeMs | lat),
        row("Pipeline reminders (one per pipeline client) dispatched"; .events.reminders | "\(.sent) in \(.overSeconds) s = \(.perSecond // "-")/s; twice: \(.addressesWithTwoOrMore), none: \(.addressesWithNone)")),
      (select(any(.sides[]; (.events.dispatch // .dispatch) != null))
       | row("Booster reminders due at once, dispatched to SMTP";
           (.events.dispatch // .dispatch) | "\(.sent) of \(.due) in \(.seconds) s = \(.perSecond)/s; twice: \(.addressesWithTwoOrMore), none: \(.addressesWithNone); notifications CPU \(.notificationsCpuMsPerMessage) ms per message while sending"),
         ((([.sides[] | (.events.dispatch // .dispatch).cpuPerMessage // [] | .[] | select(.cpuMsPerUnit >= 0.3) | .process] | unique)
           | sort_by(if startswith("machine") then 0 else 1 end))[] as $p
          | row("… CPU ms per reminder, \($p) (until its event is consumed)";
              [(.events.dispatch // .dispatch).cpuPerMessage[] | select(.process == $p)][0]
              | if . == null then "-" else "\(.cpuMsPerUnit) (net \(.netOfIdleMsPerUnit))" end))),
      ($apps[] as $a | row("\($a): start to ready / RSS idle / peak"; .applications[$a] | "\(.startSeconds) s / \(.idleRssMb) / \(.peakRssUnderLoadMb) MiB")),
      "",
      "Most frequent statements per intake (\(.sides[-1].side)):",
      "",
      "| Database | per intake | mean ms | rows | statement |",
      "|---|---|---|---|---|",
      (.sides[-1].cost.sqlPerIntake | to_entries[] | .key as $db | .value.top[]
       | "| \($db) | \(.perUnit) | \(.meanMs) | \(.rowsPerCall) | `\(.query | gsub("\\|"; "\\\\|"))` |")
  ' "$1"
}

# ---- ./clinic bench startup: the launches of scripts/apps.sh compared on this tree's jars

# name|JDK feature release|start-up archive (0/1)|JVM options|environment. "before" is the launch of
# every revision up to issue 19 (java on the PATH, no archive, the initial heap left to the JVM); the
# last one tries what JDK 25 adds for memory (compact object headers) and fewer malloc arenas.
BENCH_LAUNCHES=(
  "before|17|0|-XX:+UseSerialGC -Xmx256m|"
  "17, -Xms32m|17|0|-XX:+UseSerialGC -Xms32m -Xmx256m|"
  "17, -Xms32m, AppCDS|17|1|-XX:+UseSerialGC -Xms32m -Xmx256m|"
  "25, -Xms32m|25|0|-XX:+UseSerialGC -Xms32m -Xmx256m|"
  "25, -Xms32m, AOT cache|25|1|-XX:+UseSerialGC -Xms32m -Xmx256m|"
  "25, -Xms32m, AOT cache, compact headers, 2 malloc arenas|25|1|-XX:+UseSerialGC -Xms32m -Xmx256m -XX:+UseCompactObjectHeaders|MALLOC_ARENA_MAX=2"
)
BENCH_STARTS="${CLINIC_BENCH_STARTS:-3}"

bench_jdk_home() { # feature release: a JDK of it, from the PATH's java or /usr/lib/jvm
  local home
  for home in "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")" /usr/lib/jvm/*/; do
    home=${home%/}
    if [[ -x $home/bin/java && $(jdk_release "$home") == "$1" ]]; then
      echo "$home"
      return
    fi
  done
  return 1
}

bench_until_ready() { # name...: seconds from now until every one answers ready
  local start name
  start=$(date +%s.%N)
  # Polled, not wait_ready: a process just started may not show its command line yet (alive would say no).
  for name in "$@"; do
    until app_ready "$name"; do
      sleep 0.1
      [[ $(echo "$(date +%s.%N) - $start > 180" | bc) == 0 ]] || die "$name not ready 180 s after start (.clinic/logs/$name.log)"
    done
  done
  printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)"
}

bench_startup_run() {
  local m
  bench_ready_to_run
  BENCH_RUN="startup-$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$BENCH_RESULTS"
  local json="$BENCH_RESULTS/$BENCH_RUN.json" default_opts=("${APP_JAVA_OPTS[@]}") launches="[]"
  local launch name jdk cache opts vars home together apps i s starts rss extra_env=(${APP_EXTRA_ENV[@]+"${APP_EXTRA_ENV[@]}"})
  for launch in "${BENCH_LAUNCHES[@]}"; do
    IFS='|' read -r name jdk cache opts vars <<<"$launch"
    home=$(bench_jdk_home "$jdk") || { say "bench: no JDK $jdk on this machine; '$name' left out"; continue; }
    say "bench: launch '$name' ($home, $opts${vars:+, $vars})"
    CLINIC_APP_JAVA_HOME=$home CLINIC_APP_CACHE=$cache
    read -r -a APP_JAVA_OPTS <<<"$opts"
    APP_EXTRA_ENV=(${extra_env[@]+"${extra_env[@]}"})
    [[ -z $vars ]] || APP_EXTRA_ENV+=($vars)
    unset APP_JAVA APP_JAVA_MAJOR
    for m in "${APP_MODULES[@]}"; do app_stop "$m" >/dev/null & done
    wait
    if ((cache)); then
      # The archives are recorded by a start and written as the JVM exits.
      APP_CACHE_RECORD=1
      for m in "${APP_MODULES[@]}"; do app_start "$m"; done
      bench_until_ready "${APP_MODULES[@]}" >/dev/null
      for m in "${APP_MODULES[@]}"; do app_stop "$m" >/dev/null & done
      wait
      APP_CACHE_RECORD=0
    fi
    # As ./clinic up starts them: all five at once.
    for m in "${APP_MODULES[@]}"; do app_start "$m"; done
    together=$(bench_until_ready "${APP_MODULES[@]}")
    say "bench:   five at once: all ready after $together s"
    sleep 10
    apps="{}"
    for m in "${APP_MODULES[@]}"; do
      starts="[]"
      for ((i = 1; i <= BENCH_STARTS; i++)); do
        app_stop "$m" >/dev/null
        app_start "$m"
        s=$(bench_until_ready "$m")
        starts=$(jq -c --argjson s "$s" '. + [$s]' <<<"$starts")
      done
      sleep 5   # start-up allocation settles before idle memory is read
      rss=$(bench_rss_mb "$(running_pid "$m")")
      apps=$(jq -c --arg m "$m" --argjson s "$starts" --argjson rss "$rss" \
        '. + {($m): {startSeconds: ($s | sort | .[length / 2 | floor]), starts: $s, idleRssMb: $rss}}' <<<"$apps")
      say "bench:   $m alone: $(jq -r --arg m "$m" '.[$m] | "started in \(.starts | map(tostring) | join(", ")) s; idle \(.idleRssMb) MiB"' <<<"$apps")"
    done
    launches=$(jq -c --arg name "$name" --arg java "$("$APP_JAVA" -version 2>&1 | head -n 1)" --arg opts "$opts" \
      --arg vars "$vars" --argjson cache "$cache" --argjson t "$together" --argjson apps "$apps" \
      '. + [{launch: $name, java: $java, options: $opts, environment: $vars, archive: ($cache == 1),
             fiveAtOnceReadySeconds: $t, applications: $apps}]' <<<"$launches")
  done

  say "bench: the applications restarted as ./clinic up starts them"
  unset CLINIC_APP_JAVA_HOME CLINIC_APP_CACHE APP_JAVA APP_JAVA_MAJOR
  APP_JAVA_OPTS=("${default_opts[@]}")
  APP_EXTRA_ENV=(${extra_env[@]+"${extra_env[@]}"})
  for m in "${APP_MODULES[@]}"; do app_stop "$m" >/dev/null & done
  wait
  apps_up >/dev/null

  jq -n --arg run "$BENCH_RUN" --arg cpu "$(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }')" \
    --argjson cores "$(nproc)" --argjson launches "$launches" --argjson n "$BENCH_STARTS" \
    '{run: $run, command: "./clinic bench startup", machine: {cpu: $cpu, cores: $cores}, startsPerApplication: $n,
      launches: $launches}' >"$json"
  jq -r '
    ([.launches[].applications | keys[]] | unique) as $apps
    | "Run `\(.run)` (`\(.command)`) on \(.machine.cores) cores (\(.machine.cpu)); start to ready: the median of \(.startsPerApplication) restarts of the application alone; RSS idle 5 s after its last start.",
      "",
      "| Launch | five at once, all ready | " + ($apps | join(" | ")) + " |",
      "|---|---|" + ($apps | map("---|") | join("")),
      (.launches[] | . as $l
       | "| \(.launch) | \(.fiveAtOnceReadySeconds) s | " + ($apps | map($l.applications[.] | "\(.startSeconds) s / \(.idleRssMb) MiB") | join(" | ")) + " |")
  ' "$json" >"${json%.json}.md"
  cp "$json" "$BENCH_RESULTS/startup-latest.json"
  cp "${json%.json}.md" "$BENCH_RESULTS/startup-latest.md"
  echo
  cat "${json%.json}.md"
}
