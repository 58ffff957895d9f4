#!/usr/bin/env bash
# Loads demo data through the services' own APIs with real tokens, so every event flows as in use.
# Run by ./clinic up; loads once (skips when northside already has clients).
set -euo pipefail

KEYCLOAK="${CLINIC_KEYCLOAK_URL:-http://localhost:${CLINIC_KEYCLOAK_PORT:-8180}}"
INTAKE="${CLINIC_INTAKE_URL:-http://localhost:8081}"
SESSIONS="${CLINIC_SESSIONS_URL:-http://localhost:8082}"
REFERRALS="${CLINIC_REFERRALS_URL:-http://localhost:8083}"

declare -A TOKENS
token() { # username: a password-grant token from the test client (demo passwords are "demo")
  if [[ -z ${TOKENS[$1]:-} ]]; then
    TOKENS[$1]=$(curl -sf -d grant_type=password -d client_id=securebase-tests -d username="$1" -d password=demo \
      "$KEYCLOAK/realms/securebase/protocol/openid-connect/token" | jq -r .access_token)
  fi
  echo "${TOKENS[$1]}"
}

call() { # user method url [json]: prints the response body, fails loudly on an error status
  local user=$1 method=$2 url=$3 body=${4:-} out status
  out=$(mktemp)
  status=$(curl -s -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $(token "$user")" \
    -H 'Content-Type: application/json' ${body:+--data "$body"} "$url")
  if [[ $status != 2* ]]; then
    echo "demo: $method $url as $user answered $status: $(cat "$out")" >&2
    rm -f "$out"
    return 1
  fi
  cat "$out"
  rm -f "$out"
}

if [[ $(call ingrid GET "$INTAKE/clients?size=1" | jq length) -gt 0 ]]; then
  echo "demo: data already loaded"
  exit 0
fi

echo "demo: community resource directory"
org() { # id name mailbox
  call ada PUT "$REFERRALS/organisations/$1" "$(jq -nc --arg n "$2" --arg m "$3" '{name:$n, noticeEmail:$m}')" >/dev/null
}
# riverside-family and oak-community have social workers (sam, sofia) and riverside a partner system;
# the others are in the directory without logins (they hear of referrals by e-mail only).
org riverside-family "Riverside Family Services" referrals@riverside-family.example.org
org oak-community "Oak Community Support" intake@oak-community.example.org
org northgate-health "Northgate Health Centre" reception@northgate-health.example.org
org city-housing-trust "City Housing Trust" advice@city-housing.example.org
org harbour-crisis-team "Harbour Crisis Team" duty@harbour-crisis.example.org
org st-brigids-school "St Brigid's Primary School" office@st-brigids.example.org
org eastbank-parents "Eastbank Parents Network" hello@eastbank-parents.example.org
program() { # org kind name [jq object merged over the defaults]: prints the new program's id
  local extra
  extra=$(jq -nc "${4:-"{}"}")
  call ada POST "$REFERRALS/programs" "$(jq -nc --arg org "$1" --arg kind "$2" --arg name "$3" --argjson x "$extra" \
    '{organisationId:$org, kind:$kind, name:$name, languages:["en"], area:"City north", delivery:"IN_PERSON",
      attendees:["CLIENT"], acceptingReferrals:true} + $x')" | jq -r .id
}
FAMILY_SUPPORT=$(program riverside-family SOCIAL_WORK "Family support casework" \
  '{services:["home visits","co-parenting support"], attendees:["CLIENT","PARTNER","FAMILY"], delivery:"BOTH",
    contactName:"Dana Whitfield", contactEmail:"casework@riverside-family.example.org", places:5}')
PARENTING_TRAUMA=$(program riverside-family PARENTING_PROGRAM "Parenting after trauma" \
  '{services:["10-week group","creche"], minAge:18, attendees:["CLIENT","PARTNER","CAREGIVER"], area:"Riverside and harbour",
    contactEmail:"parenting@riverside-family.example.org", places:3}')
program riverside-family PARENTING_PROGRAM "Circle of Security parenting group" \
  '{services:["8-week group"], attendees:["CLIENT","PARTNER","CAREGIVER"], languages:["en","pl"], waitlistWeeks:4}' >/dev/null
FATHERS=$(program riverside-family SUPPORT_GROUP "Fathers' group" '{services:["peer support"], minAge:18, places:0, waitlistWeeks:8}')
program riverside-family SUPPORT_GROUP "Young carers' club" '{minAge:8, maxAge:17, services:["after-school club","respite trips"]}' >/dev/null
DEBT_ADVICE=$(program riverside-family SOCIAL_WORK "Benefits and debt advice" '{services:["benefit checks","debt plans"], delivery:"BOTH"}')
program riverside-family HOUSING "Family housing advice" '{services:["homelessness prevention"], languages:["en","ar"]}' >/dev/null
COUPLES=$(program riverside-family SOCIAL_WORK "Couples in conflict support" \
  '{services:["joint sessions","safety planning"], attendees:["CLIENT","PARTNER"], minAge:18}')
program riverside-family PARENTING_PROGRAM "Teen parents programme" \
  '{minAge:15, maxAge:21, acceptingReferrals:false, places:0, waitlistWeeks:6}' >/dev/null
program riverside-family SCHOOL "School liaison service" '{minAge:4, maxAge:18, attendees:["CLIENT","CAREGIVER"], area:"Riverside"}' >/dev/null
PEER_GROUP=$(program oak-community SUPPORT_GROUP "Tuesday peer support group" \
  '{services:["weekly peer group"], minAge:18, area:"Oakfield", contactName:"Sofia Marin", places:6}')
program oak-community HOUSING "Housing advice desk" '{area:"Oakfield", services:["drop-in advice","tenancy letters"]}' >/dev/null
GRIEF=$(program oak-community SUPPORT_GROUP "Grief and loss circle" '{area:"Oakfield", minAge:16, services:["6-week circle"]}')
COMMUNITY_SW=$(program oak-community SOCIAL_WORK "Community social work team" \
  '{area:"Oakfield and Westgate", attendees:["CLIENT","FAMILY"], services:["needs assessment","care plans"], waitlistWeeks:2}')
program oak-community SOCIAL_WORK "Polish-speaking family support" '{languages:["pl","en"], area:"Westgate", delivery:"BOTH"}' >/dev/null
SPANISH_PARENTS=$(program oak-community PARENTING_PROGRAM "Grupo de madres y padres" \
  '{languages:["es"], area:"Oakfield", attendees:["CLIENT","PARTNER","CAREGIVER"]}')
ONLINE_ANXIETY=$(program oak-community SUPPORT_GROUP "Online anxiety peer group" '{delivery:"REMOTE", area:"Anywhere", minAge:18}')
program oak-community HOUSING "Tenancy sustainment" '{area:"Westgate", services:["weekly visits"], places:2}' >/dev/null
program oak-community CRISIS_SERVICE "Evening crisis cafe" '{area:"Oakfield", services:["walk-in, 6-11pm"], minAge:16}' >/dev/null
program oak-community SCHOOL "After-school learning club" '{minAge:6, maxAge:12, attendees:["CLIENT","CAREGIVER"], area:"Oakfield"}' >/dev/null
GP=$(program northgate-health PRIMARY_CARE "New patient registration" '{area:"Northgate", services:["GP registration","health check"]}')
program northgate-health PRIMARY_CARE "Practice nurse wellbeing clinic" '{area:"Northgate", services:["sleep","physical health"]}' >/dev/null
program northgate-health PRIMARY_CARE "Social prescribing link worker" '{area:"Northgate", delivery:"BOTH", languages:["en","ur"]}' >/dev/null
program city-housing-trust HOUSING "Emergency housing line" '{delivery:"REMOTE", area:"Citywide", services:["same-day placement"]}' >/dev/null
program city-housing-trust HOUSING "Supported lodgings for young people" '{minAge:16, maxAge:24, area:"Citywide", waitlistWeeks:10}' >/dev/null
program harbour-crisis-team CRISIS_SERVICE "24-hour crisis line" '{delivery:"REMOTE", area:"Harbour and city", languages:["en","es","pl"]}' >/dev/null
program harbour-crisis-team CRISIS_SERVICE "Crisis house short stays" '{minAge:18, area:"Harbour", places:1}' >/dev/null
program st-brigids-school SCHOOL "Family link worker" '{minAge:4, maxAge:11, attendees:["CAREGIVER","FAMILY"], area:"Northgate"}' >/dev/null
program st-brigids-school SCHOOL "Nurture group" '{minAge:4, maxAge:11, area:"Northgate", acceptingReferrals:false, waitlistWeeks:12}' >/dev/null
program eastbank-parents PARENTING_PROGRAM "Baby and toddler drop-in" '{area:"Eastbank", attendees:["CLIENT","PARTNER","CAREGIVER"]}' >/dev/null
program eastbank-parents SUPPORT_GROUP "Dads and kids Saturday club" '{area:"Eastbank", attendees:["CLIENT","FAMILY"]}' >/dev/null

echo "demo: clinicians and their caseload limits"
clinician() { # admin id name clinic limit on-call
  call "$1" PUT "$INTAKE/clinicians/$2" "$(jq -nc --arg n "$3" --arg c "$4" --argjson l "$5" --argjson o "$6" \
    '{displayName:$n, clinicId:$c, caseloadLimit:$l, onCall:$o, active:true}')" >/dev/null
}
clinician ada clara "Clara Moreau" northside 20 true
clinician hana colin "Colin Murphy" harbour 1 true

echo "demo: clients and intakes"
register() { # coordinator legalName preferredName dob email tz
  call "$1" POST "$INTAKE/clients" "$(jq -nc --arg l "$2" --arg p "$3" --arg d "$4" --arg e "$5" --arg tz "$6" \
    '{legalName:$l, preferredName:$p, dateOfBirth:$d, email:$e, preferredChannel:"EMAIL", language:"en", timeZone:$tz}')" \
    | jq -r .id
}
intake() { # coordinator clientId clinician modality phq9-json
  call "$1" POST "$INTAKE/clients/$2/intakes" "$(jq -nc --arg c "$3" --arg m "$4" --argjson a "$5" \
    '{modality:$m, presentingConcerns:"Demo intake", clinicianId:$c, phq9:$a,
      relationalThemes:["FEAR_OF_ABANDONMENT"], triggers:["plans changing at short notice"],
      attendees:(if $m == "COUPLE" then [{relationship:"PARTNER", name:"Alex"}]
                 elif $m == "FAMILY" then [{relationship:"CHILD", name:"Jo"}, {relationship:"PARTNER", name:"Kim"}]
                 else [] end)}')" >/dev/null
}
MAYA=$(register ingrid "Maya Okafor" Maya 1991-03-14 maya.okafor@example.org Europe/London)
intake ingrid "$MAYA" clara INDIVIDUAL '[1,1,1,1,1,1,1,0,0]'
LIAM=$(register ingrid "Liam Byrne" Liam 1984-11-02 liam.byrne@example.org Europe/Dublin)
intake ingrid "$LIAM" clara COUPLE '[2,2,2,2,1,2,1,1,0]'
NOOR=$(register ingrid "Noor Haddad" Noor 1999-07-21 noor.haddad@example.org Europe/London)
intake ingrid "$NOOR" clara INDIVIDUAL '[3,3,2,3,2,3,2,2,2]'
register ingrid "Ellis Grant" Ellis 1975-05-30 ellis.grant@example.org Europe/London >/dev/null
TOM=$(register ivan "Tomasz Nowak" Tom 1988-01-09 tomasz.nowak@example.org Europe/Warsaw)
intake ivan "$TOM" colin FAMILY '[1,0,1,1,0,1,0,0,0]'
register ivan "Aisha Rahman" Aisha 2001-12-01 aisha.rahman@example.org Europe/London >/dev/null
# Colin's caseload is full now: these two wait, the urgent one first.
PRIYA=$(register ivan "Priya Shah" Priya 1996-06-18 priya.shah@example.org Europe/London)
call ivan POST "$INTAKE/clients/$PRIYA/intakes" '{"modality":"INDIVIDUAL","presentingConcerns":"Demo intake","phq9":[1,1,1,0,1,0,1,0,0]}' >/dev/null
BEN=$(register ivan "Ben Carter" Ben 1979-10-27 ben.carter@example.org Europe/London)
call ivan POST "$INTAKE/clients/$BEN/intakes" '{"modality":"COUPLE","attendees":[{"relationship":"PARTNER","name":"Dee"}],"presentingConcerns":"Demo intake","phq9":[2,2,2,2,2,2,1,1,2]}' >/dev/null

echo "demo: a few dozen more clients at every stage of intake"
consent() { # user clientId scope...
  local who=$1 id=$2 scope
  shift 2
  for scope in "$@"; do
    call "$who" POST "$INTAKE/clients/$id/consents" "$(jq -nc --arg s "$scope" \
      '{scope:$s, granted:true, formVersion:"consent-form-2026.1"}')" >/dev/null
  done
}
FIRST=(Aiden Bea Cyrus Dana Efe Farah Gus Hiro Ines Jonah Kemi Lior Mina Nico Oona Pavel Rosa Sven Tariq Una Vera Wen)
LAST=(Abbott Brennan Castillo Dube Eriksen Fofana Gill Hughes Ito Jensen Kowalski Lindqvist Moreno Nakamura Osei Patel)
PHQ=('[0,1,0,1,0,0,1,0,0]' '[1,1,2,1,1,1,0,1,0]' '[2,2,2,2,2,1,2,1,0]' '[1,2,1,2,1,2,1,1,1]' '[3,3,2,3,2,3,2,2,3]')
for i in $(seq 0 23); do
  first=${FIRST[$((i % ${#FIRST[@]}))]}
  last=${LAST[$(((i * 7) % ${#LAST[@]}))]}
  if ((i % 3 == 2)); then who=ivan; else who=ingrid; fi
  id=$(register "$who" "$first $last" "$first" "19$((70 + i))-0$((1 + i % 9))-1$((i % 9))" \
    "$(echo "$first.$last" | tr '[:upper:]' '[:lower:]')@example.org" Europe/London)
  consent "$who" "$id" TREATMENT CONTACT_EMAIL
  ((i % 4 == 0)) && continue   # registered, intake not yet done
  # No clinician named: the colleague with room takes the client, or the clinic's waitlist.
  call "$who" POST "$INTAKE/clients/$id/intakes" "$(jq -nc --argjson a "${PHQ[$((i % ${#PHQ[@]}))]}" \
    '{modality:"INDIVIDUAL", presentingConcerns:"Demo intake", phq9:$a,
      instruments:[{code:"GAD-7", answers:[1,1,2,1,0,1,1]}]}')" >/dev/null
done

echo "demo: episodes (opened from intake-completed events)"
episode_of() { # clinician clientId: waits for sessions-service to open the episode
  local id
  for _ in $(seq 1 60); do
    id=$(call "$1" GET "$SESSIONS/episodes?clientId=$2" | jq -r '.[0].id // empty')
    [[ -n $id ]] && { echo "$id"; return 0; }
    sleep 0.5
  done
  echo "demo: no episode for client $2 after 30 s" >&2
  return 1
}
# Reminders go only by a channel the client agreed to be contacted by.
consent ingrid "$MAYA" TREATMENT CONTACT_EMAIL
consent ingrid "$LIAM" TREATMENT CONTACT_EMAIL
MAYA_EPISODE=$(episode_of clara "$MAYA")
LIAM_EPISODE=$(episode_of clara "$LIAM")
call clara POST "$SESSIONS/episodes/$MAYA_EPISODE/phase" '{"phase":"ACTIVE_TREATMENT"}' >/dev/null
call clara POST "$SESSIONS/episodes/$LIAM_EPISODE/phase" '{"phase":"ACTIVE_TREATMENT"}' >/dev/null
soon=$(date -u -d '+3 days 10:00' +%Y-%m-%dT%H:%M:%SZ)
later=$(date -u -d '+3 months' +%Y-%m-%dT10:00:00Z)
call clara POST "$SESSIONS/episodes/$MAYA_EPISODE/maintenance" "$(jq -nc --arg a "$soon" --arg b "$later" \
  '{relapseWarningSigns:["pulling away from friends","sleeping badly"], copingTools:["paced breathing","calling her sister"],
    supports:["sister","Tuesday peer group"], boosters:[$a,$b]}')" >/dev/null

echo "demo: sessions standing (clara supervises trainee tara), sessions, notes, plans and outcomes"
call ada PUT "$SESSIONS/practitioners/clara" '{"clinicId":"northside","trainee":false,"supervisor":true}' >/dev/null
call ada PUT "$SESSIONS/practitioners/tara" '{"clinicId":"northside","trainee":true,"supervisor":false,"supervisorId":"clara"}' >/dev/null
session() { # clinician episode start(date -d) status modality: prints the session id
  local id
  id=$(call "$1" POST "$SESSIONS/episodes/$2/sessions" "$(jq -nc --arg s "$(date -u -d "$3" +%Y-%m-%dT%H:%M:%SZ)" --arg m "$5" \
    '{plannedStart:$s, lengthMinutes:50, modality:$m, telehealth:false,
      attendees:(if $m == "COUPLE" then [{role:"CLIENT"},{role:"PARTNER",name:"Alex"}] else [{role:"CLIENT"}] end)}')" | jq -r .id)
  [[ $4 != SCHEDULED ]] && call "$1" POST "$SESSIONS/sessions/$id/status" "{\"status\":\"$4\"}" >/dev/null
  echo "$id"
}
note() { # clinician sessionId focus: starts a DAP draft, prints the note id
  call "$1" POST "$SESSIONS/sessions/$2/note" "$(jq -nc --arg f "$3" \
    '{sections:{data:("Both attended on time. Focus: " + $f + "."), assessment:"Pursue-withdraw cycle visible; softer tone by the end.",
      plan:"Continue tracking the cycle; practise a soft start-up at home."},
      triggers:["a partner coming home late"], rupture:{kind:"WITHDRAWAL", repaired:true, text:"Went quiet after a question; named and repaired."},
      regulationSkills:["paced breathing"], homework:{set:"Notice the urge to withdraw and name it", reviewed:"Tried twice"},
      riskCheck:{level:"NONE", text:"No current risk reported."}}')" | jq -r .id
}
S1=$(session clara "$LIAM_EPISODE" '-21 days 14:00' ATTENDED COUPLE)
N1=$(note clara "$S1" "mapping the negative cycle")
call clara POST "$SESSIONS/notes/$N1/sign" >/dev/null
call clara POST "$SESSIONS/notes/$N1/addenda" '{"text":"Correction: the homework was agreed for two weeks, not one."}' >/dev/null
S2=$(session tara "$LIAM_EPISODE" '-14 days 14:00' ATTENDED COUPLE)
N2=$(note tara "$S2" "attachment needs under the anger")
call tara POST "$SESSIONS/notes/$N2/sign" >/dev/null   # a trainee's note: awaits clara's co-signature
S3=$(session clara "$LIAM_EPISODE" '-7 days 14:00' ATTENDED COUPLE)
note clara "$S3" "rehearsing asking for support" >/dev/null   # left a draft: overdue after the clinic's 3 days
session clara "$LIAM_EPISODE" '+5 days 14:00' SCHEDULED COUPLE >/dev/null
session clara "$LIAM_EPISODE" '+12 days 14:00' SCHEDULED COUPLE >/dev/null

PLAN=$(call clara PUT "$SESSIONS/episodes/$LIAM_EPISODE/treatment-plan" '{
  "goals":["We want to stop ending up in the same fight every week","I want to feel I can ask Alex for help"],
  "objectives":[
    {"description":"Form a reliable therapeutic relationship","status":"IN_PROGRESS"},
    {"description":"Identify the core triggers of the negative cycle","status":"NOT_STARTED","targetDate":"'"$(date -u -d '+6 weeks' +%F)"'"},
    {"description":"Rehearse new ways of asking for support","status":"NOT_STARTED"}],
  "interventions":[{"kind":"EMOTIONALLY_FOCUSED"},{"kind":"REGULATION_SKILLS"}],
  "reviewBy":"'"$(date -u -d '+3 months' +%F)"'"}')
call clara PUT "$SESSIONS/episodes/$LIAM_EPISODE/treatment-plan" "$(jq -c --arg d "$(date -u -d '-7 days' +%F)" '.plan
  | .objectives[0].status = "ACHIEVED"
  | .objectives[0].milestones = [{description:"Came back after a rupture and talked it through", reachedOn:$d}]
  | .objectives[1].status = "IN_PROGRESS"
  | .interventions += [{kind:"MINDFULNESS"}]' <<<"$PLAN")" >/dev/null

for answers in '[2,1,2,1,1,1,1,1,0]' '[1,1,1,1,1,1,1,0,0]' '[1,0,1,0,1,0,1,0,0]'; do   # 10, 7, 4 against 13 at intake
  call clara POST "$SESSIONS/episodes/$LIAM_EPISODE/outcomes" "{\"instrument\":\"PHQ-9\",\"answers\":$answers}" >/dev/null
done

safety_plan() { # clinician clientId
  call "$1" PUT "$SESSIONS/clients/$2/safety-plan" '{
    "warningSigns":["Not answering messages for a day","Lying awake going over arguments"],
    "copingStrategies":["Paced breathing for five minutes","A walk by the river","Writing it down instead of sending it"],
    "peopleAndPlaces":[{"name":"The library café"},{"name":"Tuesday peer support group"}],
    "helpers":[{"name":"Sister","contact":"07700 900123"}],
    "professionals":[{"name":"Northside clinic (office hours)","contact":"020 7946 0000"},{"name":"Samaritans (24/7)","contact":"116 123"},{"name":"Emergency","contact":"999"}],
    "saferEnvironment":["Medication kept by my sister for now"]}' >/dev/null
}
safety_plan clara "$LIAM"

NOOR_EPISODE=$(episode_of clara "$NOOR")
safety_plan clara "$NOOR"
call clara POST "$SESSIONS/episodes/$NOOR_EPISODE/phase" '{"phase":"ACTIVE_TREATMENT"}' >/dev/null
call clara POST "$SESSIONS/episodes/$NOOR_EPISODE/phase" \
  '{"phase":"DISCHARGED","reason":"Referred on to the specialist trauma service"}' >/dev/null

# Maya is in maintenance with a booster in three days; one extra check-in was missed (flagged).
MAYA_BOOSTERS=$(call clara GET "$SESSIONS/episodes/$MAYA_EPISODE/maintenance" | jq -c '[.boosters[] | select(.status == "SCHEDULED") | {id, dueAt}]')
EXTRA=$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)
MISSED=$(call clara PUT "$SESSIONS/episodes/$MAYA_EPISODE/maintenance/boosters" \
  "$(jq -c --arg e "$EXTRA" '{boosters: ([{dueAt:$e}] + .)}' <<<"$MAYA_BOOSTERS")" | jq -r --arg e "$EXTRA" '.[] | select(.dueAt == $e) | .id')
call clara POST "$SESSIONS/boosters/$MISSED/missed" >/dev/null

echo "demo: referrals in every state"
# Sending needs the client's consent to share with that kind of partner; it reaches referrals-service
# through intake's events, so a send is retried for a while until it has arrived.
refer() { # coordinator clientId programId urgency days-to-respond shared-items-json reason hopes [send]: prints the id
  local body out status
  body=$(jq -nc --arg c "$2" --arg p "$3" --arg u "$4" --arg by "$(date -u -d "+$5 days" +%F)" --argjson s "$6" \
    --arg r "$7" --arg h "$8" --argjson send "${9:-true}" \
    '{clientId:$c, programId:$p, urgency:$u, respondBy:$by, sharedItems:$s, reason:$r, hopes:$h, send:$send,
      sharedInformation:"Please contact the client in the afternoon"}')
  out=$(mktemp)
  for _ in $(seq 1 60); do
    status=$(curl -s -o "$out" -w '%{http_code}' -X POST -H "Authorization: Bearer $(token "$1")" \
      -H 'Content-Type: application/json' --data "$body" "$REFERRALS/referrals")
    [[ $status == 201 ]] && { jq -r .id "$out"; rm -f "$out"; return 0; }
    [[ $status == 409 ]] || break
    sleep 0.5
  done
  echo "demo: referral for client $2 answered $status: $(cat "$out")" >&2
  rm -f "$out"
  return 1
}
move() { # user referralId action [json]
  call "$1" POST "$REFERRALS/referrals/$2/$3" "${4:-}" >/dev/null
}
consent ingrid "$LIAM" SHARE_SOCIAL_WORK SHARE_SUPPORT_GROUP
consent ingrid "$MAYA" SHARE_SUPPORT_GROUP SHARE_PRIMARY_CARE
consent ingrid "$NOOR" SHARE_SOCIAL_WORK SHARE_SUPPORT_GROUP
consent ivan "$TOM" SHARE_PARENTING_PROGRAM
TOM_SOCIAL_WORK=$(call ivan POST "$INTAKE/clients/$TOM/consents" \
  '{"scope":"SHARE_SOCIAL_WORK","granted":true,"formVersion":"consent-form-2026.1"}' | jq -r .id)

# SENT: to Riverside, waiting for an answer.
refer carmen "$LIAM" "$FAMILY_SUPPORT" SOON 10 '["CLIENT_NAME","CONTACT_DETAILS","REASON","HOPES"]' \
  "Support with co-parenting arrangements" "Calmer handovers for the children" >/dev/null
# SENT to an organisation without logins: it hears by e-mail only.
refer carmen "$MAYA" "$GP" ROUTINE 21 '["CLIENT_NAME","CONTACT_DETAILS","REASON"]' \
  "Not registered with a GP since moving" "A regular doctor" >/dev/null
# RECEIVED: Oak has opened it.
R=$(refer carmen "$MAYA" "$PEER_GROUP" ROUTINE 14 '["CLIENT_NAME","PREFERRED_LANGUAGE","HOPES"]' \
  "Isolation since moving to the city" "To meet people who understand")
call sofia GET "$REFERRALS/referrals/$R" >/dev/null
# ACCEPTED, not yet scheduled.
R=$(refer carmen "$NOOR" "$COMMUNITY_SW" URGENT 5 '["CLIENT_NAME","CONTACT_DETAILS","REASON"]' \
  "Practical support at home while in treatment" "Help with letters and bills")
move sofia "$R" accept
# DECLINED, with a coded reason.
R=$(refer carmen "$LIAM" "$FATHERS" ROUTINE 14 '["CLIENT_NAME","REASON"]' "Peer support as a new father" "Other dads to talk to")
move sam "$R" decline '{"reason":"NO_CAPACITY","note":"The group is full until the spring intake"}'
# SCHEDULED: a harbour client, a first appointment in ten days.
R=$(refer carl "$TOM" "$PARENTING_TRAUMA" SOON 10 '["CLIENT_NAME","CONTACT_DETAILS","PREFERRED_LANGUAGE","REASON","HOPES"]' \
  "Parenting support for the family work" "Fewer shouting matches at bedtime")
move sam "$R" accept
move sam "$R" schedule "$(jq -nc --arg d "$(date -u -d '+10 days' +%F)" '{date:$d, note:"Intake meeting at the family centre"}')"
# IN_PROGRESS.
R=$(refer carmen "$LIAM" "$COUPLES" SOON 7 '["CLIENT_NAME","CONTACT_DETAILS","REASON"]' \
  "Conflict at home alongside couple therapy" "Ways to disagree safely")
move sam "$R" accept
move sam "$R" start
# COMPLETED, with a coded outcome.
R=$(refer carmen "$NOOR" "$GRIEF" ROUTINE 14 '["CLIENT_NAME","REASON","HOPES"]' "Bereavement last year" "Space to talk about her mother")
move sofia "$R" accept
move sofia "$R" start
move sofia "$R" complete '{"outcome":"ENGAGED","note":"Attended five of six circles"}'
# CANCELLED by the clinic.
R=$(refer carmen "$MAYA" "$ONLINE_ANXIETY" ROUTINE 14 '["REASON"]' "Anxiety between sessions" "Tools to use alone")
move carmen "$R" cancel '{"reason":"NO_LONGER_NEEDED","note":"Maya prefers the Tuesday group"}'
# CANCELLED by the system: Tom withdrew his consent to share with social work.
refer carl "$TOM" "$DEBT_ADVICE" SOON 10 '["CLIENT_NAME","CONTACT_DETAILS","REASON"]' "Debts after a job loss" "A repayment plan" >/dev/null
call ivan POST "$INTAKE/clients/$TOM/consents/$TOM_SOCIAL_WORK/revoke" '{"reason":"Client changed his mind"}' >/dev/null
# DRAFT: prepared, not sent (Noor has not been asked about sharing with parenting programs).
refer carmen "$NOOR" "$SPANISH_PARENTS" ROUTINE 21 '["CLIENT_NAME","PREFERRED_LANGUAGE"]' \
  "Support in Spanish for parenting" "Meet other Spanish-speaking parents" false >/dev/null

# Overdue and EXPIRED need a respond-by date in the past, which the API rightly refuses: these two are
# sent today and then moved back in time in referrals' database, as if sent weeks ago. The service's
# own overdue check (every minute) then flags one and expires the other, with their events.
backdate() { # referralId days-ago
  PGPASSWORD=referrals psql -q -X -v ON_ERROR_STOP=1 -h localhost -p "${CLINIC_PG_PORT:-5433}" -U referrals referrals \
    -c "UPDATE referral SET respond_by = current_date - $2, created_at = created_at - interval '$(($2 + 14)) days',
          updated_at = updated_at - interval '$(($2 + 14)) days' WHERE id = '$1';
        UPDATE referral_step SET at = at - interval '$(($2 + 14)) days' WHERE referral_id = '$1';"
}
# Overdue: Oak has not answered an urgent referral due two days ago (coordinator and clinician are flagged).
R=$(refer carmen "$LIAM" "$COMMUNITY_SW" URGENT 3 '["CLIENT_NAME","CONTACT_DETAILS","REASON"]' \
  "Help at home during a hard month" "Someone to check in on the children")
backdate "$R" 2
# EXPIRED: nobody at Riverside answered a support-group referral for over a week past its date.
EXPIRING=$(refer carmen "$LIAM" "$FATHERS" ROUTINE 3 '["CLIENT_NAME","REASON"]' "Peer support as a new father" "Other dads to talk to")
backdate "$EXPIRING" 10
for _ in $(seq 1 90); do
  [[ $(call carmen GET "$REFERRALS/referrals/$EXPIRING" | jq -r .status) == EXPIRED ]] && break
  sleep 1
done

echo "demo: loaded"
