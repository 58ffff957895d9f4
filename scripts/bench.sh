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
BENCH_WARMUP_SECONDS="${CLINIC_BENCH_WARMUP_SECONDS:-30}"
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

bench_gatling() { # simulation rate seconds [-Dname=value ...]: runs it, prints the report folder
  local simulation=$1 rate=$2 seconds=$3 before after
  shift 3
  before=$(ls -d "$ROOT"/bench/target/gatling/*/ 2>/dev/null | wc -l)
  "$ROOT/mvnw" -B -P bench -pl bench gatling:test \
    -Dgatling.simulationClass="care.securebase.bench.$simulation" \
    -Dbench.rate="$rate" -Dbench.seconds="$seconds" -Dbench.run="$BENCH_RUN" \
    -Dbench.keycloak="$KEYCLOAK_URL" -Dbench.intake="$(app_url intake-service)" \
    -Dbench.sessions="$(app_url sessions-service)" -Dbench.referrals="$(app_url referrals-service)" \
    "$@" >>"$LOGS/bench.log" 2>&1 || { show_log_tail bench; die "Gatling run $simulation failed"; }
  after=$(ls -d "$ROOT"/bench/target/gatling/*/ 2>/dev/null | wc -l)
  ((after > before)) || die "Gatling wrote no report for $simulation (see .clinic/logs/bench.log)"
  ls -td "$ROOT"/bench/target/gatling/*/ | head -n 1
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
  stop_bg "$m" >/dev/null
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
    id="${BENCH_RUN,,}-$2-$i"
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

bench_run() {
  local m
  # It restarts and measures one process per application.
  running_pid front >/dev/null && die "bench measures one instance of each application: ./clinic up without --replicas"
  for m in "${APP_MODULES[@]}"; do
    app_ready "$m" || die "$m is not running: start the stack with ./clinic up first"
  done
  command -v bc >/dev/null || { say "installing bc (apt-get)"; DEBIAN_FRONTEND=noninteractive apt-get install -y -q bc >/dev/null; }
  BENCH_RUN="bench-$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$BENCH_RESULTS"
  local json="$BENCH_RESULTS/$BENCH_RUN.json" tmp
  tmp=$(mktemp -d)
  say "bench: run $BENCH_RUN (log: .clinic/logs/bench.log)"
  bench_retire_clinicians
  say "bench: compiling the simulations"
  "$ROOT/mvnw" -B -q -P bench -pl bench test-compile >>"$LOGS/bench.log" 2>&1 || die "bench does not compile"

  local ceiling
  say "bench: PostgreSQL's own ceiling (pgbench, one-row insert per transaction, 15 s)"
  ceiling=$(bench_ceiling)

  say "bench: start-to-ready time and idle memory of each application (restarting them one by one)"
  local startup="{}"
  for m in "${APP_MODULES[@]}"; do
    startup=$(jq -c --arg m "$m" --argjson v "$(bench_startup "$m")" '. + {($m): $v}' <<<"$startup")
  done

  # Just restarted, the applications would be measured cold (JIT, pools, key sets): both load shapes
  # run once at a low rate first, and those figures are thrown away.
  say "bench: warming up the restarted applications (results discarded)"
  bench_gatling IntakeWrites 3 "$BENCH_WARMUP_SECONDS" \
    -Dbench.clinicians="$(bench_clinicians $((3 * BENCH_WARMUP_SECONDS)) warmup)" >/dev/null
  bench_gatling StaffReads 30 "$BENCH_WARMUP_SECONDS" >/dev/null

  bench_rss_sampler "$tmp/rss" &
  local sampler=$!

  say "bench: intake writes (register + complete an intake), stepping the arrival rate"
  local rate report stats held="null" steps="[]"
  for rate in $BENCH_WRITE_RATES; do
    report=$(bench_gatling IntakeWrites "$rate" "$BENCH_STEP_SECONDS" \
      -Dbench.clinicians="$(bench_clinicians $((rate * BENCH_STEP_SECONDS)) "$rate")")
    stats=$(bench_stats "$report" all)
    steps=$(jq -c --argjson r "$rate" --argjson s "$stats" '. + [{intakesPerSecond: $r} + $s]' <<<"$steps")
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

  touch "$tmp/rss.stop"
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
  clients=$(bench_psql intake "SELECT count(*) FROM client WHERE email LIKE '$BENCH_RUN-%'")
  expected=$(bench_psql intake "SELECT count(*) FROM client c JOIN intake i ON i.client_id = c.id
    WHERE c.email LIKE '$BENCH_RUN-%' AND c.time_zone LIKE 'Etc/%'")
  say "bench:   waiting for the reminders of $expected pipeline clients, due together, to be sent (at most 240 s)"
  local sent=0 waited
  for waited in $(seq 1 240); do
    bench_psql intake "COPY (SELECT c.id FROM client c WHERE c.email LIKE '$BENCH_RUN-%' AND c.time_zone LIKE 'Etc/%') TO STDOUT" >"$tmp/pipeline-clients"
    sent=$(bench_psql notifications "SELECT count(*) FROM booster_reminder WHERE status = 'SENT'
      AND client_id IN ($(sed "s/.*/'&'/" "$tmp/pipeline-clients" | paste -sd, -))")
    ((sent >= expected)) && break
    sleep 1
  done
  local ids
  ids=$(sed "s/.*/'&'/" "$tmp/pipeline-clients" | paste -sd, -)
  bench_psql intake "SELECT i.id, (extract(epoch FROM i.completed_at) * 1000)::bigint FROM intake i
    WHERE i.client_id IN ($ids)" >"$tmp/intake-completed"
  bench_psql sessions "SELECT e.intake_id, (extract(epoch FROM e.opened_at) * 1000)::bigint FROM episode e
    WHERE e.client_id IN ($ids)" >"$tmp/episode-opened"
  bench_psql sessions "SELECT e.client_id, (extract(epoch FROM p.created_at) * 1000)::bigint FROM maintenance_plan p
    JOIN episode e ON e.id = p.episode_id WHERE e.client_id IN ($ids)" >"$tmp/maintenance-started"
  bench_psql notifications "SELECT client_id, (extract(epoch FROM min(created_at)) * 1000)::bigint FROM booster_reminder
    WHERE client_id IN ($ids) GROUP BY client_id" >"$tmp/reminders-scheduled"
  bench_psql referrals "SELECT r.id, (extract(epoch FROM s.at) * 1000)::bigint FROM referral r
    JOIN referral_step s ON s.referral_id = r.id AND s.status = 'SENT' WHERE r.client_id IN ($ids)" >"$tmp/referral-sent"
  bench_psql notifications "SELECT referral_id, (extract(epoch FROM sent_at) * 1000)::bigint FROM partner_notice
    WHERE sent_at IS NOT NULL AND referral_id IN (SELECT referral_id FROM partner_notice)" >"$tmp/notice-sent"
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
  events=$(jq -nc --argjson e "$(bench_latency "$tmp/intake-completed" "$tmp/episode-opened")" \
    --argjson m "$(bench_latency "$tmp/maintenance-started" "$tmp/reminders-scheduled")" \
    --argjson r "$(bench_latency "$tmp/referral-sent" "$tmp/notice-sent")" \
    --arg d "$dispatch" --argjson twice "$twice" --argjson missing "$missing" '
    ($d | split("\t")) as $x
    | {intakeCompletedToEpisodeOpenedMs: $e, maintenanceStartedToRemindersScheduledMs: $m,
       referralSentToPartnerNoticeMs: $r,
       reminders: {sent: ($x[0] | tonumber), overSeconds: ($x[1] | tonumber * 10 | round / 10),
                   perSecond: (if ($x[1] | tonumber) > 0 then (($x[0] | tonumber) - 1) / ($x[1] | tonumber) * 10 | round / 10 else null end),
                   addressesWithTwoOrMore: $twice, addressesWithNone: $missing}}')

  local memory="{}"
  for m in "${APP_MODULES[@]}"; do
    memory=$(jq -c --arg m "$m" --argjson peak "$(bench_rss_peak "$tmp/rss" "$m")" '. + {($m): {peakRssUnderLoadMb: $peak}}' <<<"$memory")
  done

  jq -n --arg run "$BENCH_RUN" --arg cpu "$(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }')" \
    --argjson cores "$(nproc)" --arg mem "$(free -g | awk '/^Mem:/ { print $2 " GiB" }')" \
    --arg os "$(. /etc/os-release && echo "$PRETTY_NAME")" --arg java "$(java -version 2>&1 | head -n 1)" \
    --argjson ceiling "${ceiling:-0}" --argjson steps "$steps" --argjson held "$held" --argjson reads "$reads" \
    --argjson events "$events" --argjson startup "$startup" --argjson memory "$memory" --argjson step "$BENCH_STEP_SECONDS" '
    {run: $run, machine: {cpu: $cpu, cores: $cores, memory: $mem, os: $os, java: $java},
     postgresInsertCommitsPerSecond: $ceiling,
     intakeWrites: {stepSeconds: $step, goal: "p99 < 50 ms, no failures", steps: $steps, held: $held,
                    requestsPerSecondAsFractionOfPostgresCeiling:
                      (if $held != null and $ceiling > 0 then ($held.perSecond / $ceiling * 1000 | round / 1000) else null end)},
     staffReads: $reads, events: $events,
     applications: ($startup | with_entries(.value += ($memory[.key] // {})))}' >"$json"
  rm -rf "$tmp"
  bench_markdown "$json" >"${json%.json}.md"
  cp "$json" "$BENCH_RESULTS/latest.json"
  cp "${json%.json}.md" "$BENCH_RESULTS/latest.md"
  echo
  cat "${json%.json}.md"
  echo
  say "bench: results in ${json#"$ROOT/"} and ${json%.json}.md (copy the table into docs/benchmark.md to keep it)"
}

bench_markdown() { # results.json
  jq -r '
    def ms: if . == null then "-" else "\(.) ms" end;
    def lat: if .count == 0 then "no samples" else "p50 \(.p50 | ms), p99 \(.p99 | ms), max \(.max | ms) (\(.count) events)" end;
    "Run `\(.run)` on \(.machine.cores) cores (\(.machine.cpu)), \(.machine.memory), \(.machine.os), \(.machine.java).",
    "",
    "| Figure | Result |",
    "|---|---|",
    "| PostgreSQL one-row insert commits (pgbench, 4 clients) | \(.postgresInsertCommitsPerSecond)/s |",
    (.intakeWrites.held as $h
     | if $h == null then "| Intake writes held at p99 < 50 ms | none of the rates tried |"
       else "| Intake writes held at p99 < 50 ms (register + complete) | \($h.intakesPerSecond) intakes/s = \($h.perSecond) requests/s (\(.intakeWrites.requestsPerSecondAsFractionOfPostgresCeiling * 1000 | round / 10) % of the pgbench rate); p50 \($h.p50 | ms), p99 \($h.p99 | ms), max \($h.max | ms) |" end),
    (.intakeWrites.steps[] | "| … at \(.intakesPerSecond) intakes/s | p50 \(.p50 | ms), p99 \(.p99 | ms), max \(.max | ms), \(.failed) failed of \(.requests) |"),
    (.staffReads as $r | ("caseload", "clinicCaseloadFirstPage", "episodeTimeline", "referralInbox") as $k
     | "| Read: \($k) (mix at \($r.ratePerSecond)/s) | \($r[$k].perSecond)/s; p50 \($r[$k].p50 | ms), p99 \($r[$k].p99 | ms), max \($r[$k].max | ms), \($r[$k].failed) failed\(if $r[$k].openEpisodesAtClinic then " (\($r[$k].openEpisodesAtClinic) open episodes at the clinic, pages of 50)" else "" end) |"),
    "| intake-completed → episode opened | \(.events.intakeCompletedToEpisodeOpenedMs | lat) |",
    "| maintenance started → reminders scheduled | \(.events.maintenanceStartedToRemindersScheduledMs | lat) |",
    "| referral sent → partner notice accepted by SMTP | \(.events.referralSentToPartnerNoticeMs | lat) |",
    "| Booster reminders dispatched to SMTP | \(.events.reminders.sent) in \(.events.reminders.overSeconds) s = \(.events.reminders.perSecond // "-")/s; addresses with a second copy: \(.events.reminders.addressesWithTwoOrMore), with none: \(.events.reminders.addressesWithNone) |",
    (.applications | to_entries[] | "| \(.key): start to ready / RSS idle / RSS peak under load | \(.value.startSeconds) s / \(.value.idleRssMb) MiB / \(.value.peakRssUnderLoadMb) MiB |")
  ' "$1"
}
