package care.securebase.referrals.rest;

import static care.securebase.referrals.rest.Fixtures.SEEDED;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.EventEnvelope;
import care.securebase.events.ReferralSent;
import care.securebase.events.ReferralStatusChanged;
import care.securebase.events.Topics;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import care.securebase.referrals.Referral;
import care.securebase.referrals.ReferralStep;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferralResourceTest {

    private static final String TOPIC = "test-" + Topics.REFERRALS;

    private static List<EventEnvelope> eventsAbout(String referralId, Predicate<List<EventEnvelope>> done) {
        return TestKafka.read(TOPIC, Duration.ofSeconds(20), done).stream()
                .filter(e -> e.subject().equals(referralId)).toList();
    }

    private static boolean hasStatusEvent(List<EventEnvelope> seen, String referralId, String status) {
        return seen.stream().anyMatch(e -> e.subject().equals(referralId) && e.type().equals("referral-status-changed")
                && status.equals(e.data().path("status").asText()));
    }

    @Test
    void aSentReferralIsAnnouncedWithoutItsContent() throws Exception {
        String programId = Fixtures.addProgram(Fixtures.RIVERSIDE, true);
        Map<String, Object> body = Fixtures.referral(programId);
        String id = given().auth().oauth2(Tokens.of("carmen")).contentType(ContentType.JSON).body(body)
                .post("/referrals")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("status", equalTo("SENT"))
                .body("clinicId", equalTo("northside"))
                .body("organisationId", equalTo(Fixtures.RIVERSIDE))
                .body("createdBy", equalTo("carmen"))
                .body("history.status", contains("SENT"))
                .extract().path("id");

        List<EventEnvelope> events = eventsAbout(id, seen -> seen.stream().anyMatch(
                e -> e.subject().equals(id) && e.type().equals("referral-sent")) && hasStatusEvent(seen, id, "SENT"));
        EventEnvelope sent = events.stream().filter(e -> e.type().equals("referral-sent")).findFirst().orElseThrow();
        ReferralSent payload = sent.payload(ReferralSent.class, TestKafka.MAPPER);
        assertEquals(body.get("clientId"), payload.clientId().toString());
        assertEquals("northside", payload.clinicId());
        assertEquals(Fixtures.RIVERSIDE, payload.organisationId());
        assertEquals("SOON", payload.urgency());
        assertEquals(LocalDate.parse((String) body.get("respondBy")), payload.respondBy());
        assertEquals(Fixtures.RIVERSIDE_MAILBOX, payload.noticeEmail());
        assertEquals("referrals-service", sent.source());
        assertEquals(3, sent.schemaVersion());
        assertEquals("carmen", payload.referredBy());
        // Nothing of the program: it can reveal a clinical need to every reader of the topic.
        assertFalse(sent.data().has("programId") || sent.data().has("programName") || sent.data().has("programKind"),
                sent.data().toString());
        assertFalse(sent.data().toString().contains("Parents together"), sent.data().toString());
        // Reason, hopes and shared information stay in referrals-service.
        for (EventEnvelope e : events) {
            assertFalse(e.data().toString().contains(SEEDED), e.type() + " leaks free text");
        }
    }

    @Test
    void theReceivingSocialWorkerSeesAMinimalViewAndAcceptsIt() throws Exception {
        String id = Fixtures.sentReferral();

        given().auth().oauth2(Tokens.of("sam")).queryParam("size", 100).get("/referrals")
                .then().statusCode(200).body("id", hasItem(id));
        Response seen = given().auth().oauth2(Tokens.of("sam")).get("/referrals/" + id);
        seen.then().statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("programName", notNullValue())
                .body("reason", equalTo(SEEDED + " reason: isolation after the birth of a second child"))
                .body("history.status", contains("SENT", "RECEIVED"))
                .body("history[0].party", equalTo("CLINIC"))
                .body("history[0].by", nullValue());
        assertEquals(Set.of("id", "status", "urgency", "respondBy", "programId", "programName", "programKind",
                "sharedItems", "reason", "hopes", "sharedInformation", "history"), seen.jsonPath().getMap("$").keySet());
        // A second look is not a second receipt.
        given().auth().oauth2(Tokens.of("sam")).get("/referrals/" + id)
                .then().statusCode(200).body("history.status", contains("SENT", "RECEIVED"));

        given().auth().oauth2(Tokens.of("sam")).post("/referrals/" + id + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("clientId", nullValue());

        List<EventEnvelope> events = eventsAbout(id, all -> hasStatusEvent(all, id, "ACCEPTED"));
        ReferralStatusChanged accepted = events.stream()
                .filter(e -> e.type().equals("referral-status-changed")
                        && e.data().path("status").asText().equals("ACCEPTED"))
                .findFirst().orElseThrow().payload(ReferralStatusChanged.class, TestKafka.MAPPER);
        assertEquals("northside", accepted.clinicId());
        assertEquals(Fixtures.RIVERSIDE, accepted.organisationId());
        assertTrue(hasStatusEvent(events, id, "RECEIVED"));

        // The clinic sees the whole story, with who did what.
        given().auth().oauth2(Tokens.of("clara")).get("/referrals/" + id)
                .then().statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("clientId", notNullValue())
                .body("history.status", contains("SENT", "RECEIVED", "ACCEPTED"))
                .body("history.by", contains("carmen", "sam", "sam"));

        given().auth().oauth2(Tokens.of("sam")).post("/referrals/" + id + "/start")
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        given().auth().oauth2(Tokens.of("sam")).contentType(ContentType.JSON).body(Map.of("note", "done"))
                .post("/referrals/" + id + "/complete")
                .then().statusCode(400).body("errors[0].field", equalTo("outcome"));
        given().auth().oauth2(Tokens.of("sam")).contentType(ContentType.JSON).body(Map.of("outcome", "SPLENDID"))
                .post("/referrals/" + id + "/complete")
                .then().statusCode(400).body("errors[0].field", equalTo("outcome"));
        given().auth().oauth2(Tokens.of("sam")).contentType(ContentType.JSON)
                .body(Map.of("outcome", "PARTIALLY_ENGAGED", "note", "Attended eight of ten sessions"))
                .post("/referrals/" + id + "/complete")
                .then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("history[4].code", equalTo("PARTIALLY_ENGAGED"))
                .body("history[4].note", equalTo("Attended eight of ten sessions"));
        List<EventEnvelope> done = eventsAbout(id, all -> hasStatusEvent(all, id, "COMPLETED"));
        ReferralStatusChanged completed = done.stream()
                .filter(e -> e.type().equals("referral-status-changed")
                        && e.data().path("status").asText().equals("COMPLETED"))
                .findFirst().orElseThrow().payload(ReferralStatusChanged.class, TestKafka.MAPPER);
        assertEquals("PARTIALLY_ENGAGED", completed.outcome());
        assertEquals(null, completed.reason());
        assertFalse(done.stream().anyMatch(e -> e.data().toString().contains("eight of ten")));
    }

    @Test
    void anotherOrganisationOrClinicDoesNotSeeIt() {
        String id = Fixtures.sentReferral();
        given().auth().oauth2(Tokens.of("sofia")).get("/referrals/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("sofia")).post("/referrals/" + id + "/accept").then().statusCode(404);
        given().auth().oauth2(Tokens.of("sofia")).queryParam("size", 100).get("/referrals")
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(Tokens.of("carl")).get("/referrals/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("carl")).post("/referrals/" + id + "/cancel").then().statusCode(404);
        given().auth().oauth2(Tokens.of("carl")).queryParam("size", 100).get("/referrals")
                .then().statusCode(200).body("id", not(hasItem(id)));
        // sofia looking did not make it RECEIVED.
        given().auth().oauth2(Tokens.of("carmen")).get("/referrals/" + id)
                .then().statusCode(200).body("status", equalTo("SENT"));
    }

    @Test
    void thePartnerSystemAnswersWithItsOwnToken() {
        String token = Fixtures.partnerSystemToken();
        String accepted = Fixtures.sentReferral();
        given().auth().oauth2(token).post("/referrals/" + accepted + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));

        String declined = Fixtures.sentReferral();
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of())
                .post("/referrals/" + declined + "/decline")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("reason", "NO_CAPACITY", "note", "No places until spring"))
                .post("/referrals/" + declined + "/decline")
                .then().statusCode(200).body("status", equalTo("DECLINED"))
                .body("history[1].code", equalTo("NO_CAPACITY"))
                .body("history[1].note", equalTo("No places until spring"));
        List<EventEnvelope> events = eventsAbout(declined, all -> hasStatusEvent(all, declined, "DECLINED"));
        assertTrue(events.stream().anyMatch(e -> e.type().equals("referral-status-changed")
                && e.data().path("status").asText().equals("DECLINED")
                && e.data().path("reason").asText().equals("NO_CAPACITY")));
        given().auth().oauth2(token).queryParam("status", "DECLINED").queryParam("size", 100).get("/referrals")
                .then().statusCode(200).body("id", hasItem(declined)).body("id", not(hasItem(accepted)));
        given().auth().oauth2(Tokens.of("carmen")).get("/referrals/" + declined)
                .then().body("history.by", contains("carmen", "service-account-partner-riverside"));
    }

    @Test
    void anIllegalMoveIsAConflict() {
        String id = Fixtures.sentReferral();
        given().auth().oauth2(Tokens.of("sam")).contentType(ContentType.JSON).body(Map.of("reason", "OUT_OF_AREA"))
                .post("/referrals/" + id + "/decline").then().statusCode(200);
        given().auth().oauth2(Tokens.of("sam")).post("/referrals/" + id + "/accept")
                .then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409));
        given().auth().oauth2(Tokens.of("carmen")).post("/referrals/" + id + "/cancel").then().statusCode(409);
        given().auth().oauth2(Tokens.of("carmen")).get("/referrals/" + id)
                .then().body("status", equalTo("DECLINED")).body("history.status", contains("SENT", "DECLINED"));

        String another = Fixtures.sentReferral();
        given().auth().oauth2(Tokens.of("sam")).post("/referrals/" + another + "/start").then().statusCode(409);
    }

    @Test
    void draftsStayInTheClinicUntilSent() {
        Map<String, Object> body = Fixtures.referral(Fixtures.addProgram(Fixtures.RIVERSIDE, true));
        body.put("send", false);
        String id = given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON).body(body)
                .post("/referrals").then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
        given().auth().oauth2(Tokens.of("sam")).get("/referrals/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("sam")).post("/referrals/" + id + "/accept").then().statusCode(404);

        given().auth().oauth2(Tokens.of("carmen")).post("/referrals/" + id + "/send")
                .then().statusCode(200).body("status", equalTo("SENT"));
        assertTrue(eventsAbout(id, seen -> seen.stream().anyMatch(e -> e.subject().equals(id)
                && e.type().equals("referral-sent"))).stream().anyMatch(e -> e.type().equals("referral-sent")));
        given().auth().oauth2(Tokens.of("carmen")).post("/referrals/" + id + "/send").then().statusCode(409);

        given().auth().oauth2(Tokens.of("carmen")).contentType(ContentType.JSON)
                .body(Map.of("reason", "CONSENT_REVOKED"))
                .post("/referrals/" + id + "/cancel")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(Tokens.of("carmen")).contentType(ContentType.JSON)
                .body(Map.of("reason", "NO_LONGER_NEEDED", "note", "SEEDED clinic note: the client moved away"))
                .post("/referrals/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("history[2].code", equalTo("NO_LONGER_NEEDED"));
        // The partner learns the code, never the clinic's note.
        given().auth().oauth2(Tokens.of("sam")).get("/referrals/" + id)
                .then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("history[1].code", equalTo("NO_LONGER_NEEDED"))
                .body("history[1].note", nullValue())
                .body(not(org.hamcrest.Matchers.containsString("SEEDED clinic note")));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        long referrals = referralRows();
        long steps = QuarkusTransaction.requiringNew().call(() -> ReferralStep.count());
        String programId = Fixtures.addProgram(Fixtures.RIVERSIDE, true);

        var noProgram = new HashMap<>(Fixtures.referral(programId));
        noProgram.remove("programId");
        given().auth().oauth2(Tokens.of("carmen")).contentType(ContentType.JSON).body(noProgram)
                .post("/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("programId"));

        var past = new HashMap<>(Fixtures.referral(programId));
        past.put("respondBy", LocalDate.now().minusDays(1).toString());
        given().auth().oauth2(Tokens.of("carmen")).contentType(ContentType.JSON).body(past)
                .post("/referrals")
                .then().statusCode(400).body("errors.field", contains("respondBy"));

        given().auth().oauth2(Tokens.of("carmen")).contentType(ContentType.JSON)
                .body(Fixtures.referral(UUID.randomUUID().toString()))
                .post("/referrals")
                .then().statusCode(400).body("errors[0].field", equalTo("programId"));

        String closed = Fixtures.addProgram(Fixtures.RIVERSIDE, false);
        given().auth().oauth2(Tokens.of("carmen")).contentType(ContentType.JSON).body(Fixtures.referral(closed))
                .post("/referrals")
                .then().statusCode(400).body("errors[0].field", equalTo("programId"))
                .body("detail", org.hamcrest.Matchers.containsString("not accepting"));

        var badUrgency = new HashMap<>(Fixtures.referral(programId));
        badUrgency.put("urgency", "YESTERDAY");
        badUrgency.put("reason", " ");
        given().auth().oauth2(Tokens.of("carmen")).contentType(ContentType.JSON).body(badUrgency)
                .post("/referrals")
                .then().statusCode(400).body("errors[0].field", equalTo("urgency"));

        given().auth().oauth2(Tokens.of("carmen")).queryParam("status", "LOST").get("/referrals")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));

        assertEquals(referrals, referralRows());
        assertEquals(steps, (long) QuarkusTransaction.requiringNew().call(() -> ReferralStep.count()));
    }

    @Test
    void tokensAndRolesAreChecked() {
        String programId = Fixtures.addProgram(Fixtures.RIVERSIDE, true);
        given().contentType(ContentType.JSON).body(Fixtures.referral(programId)).post("/referrals")
                .then().statusCode(401);
        given().get("/referrals").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/referrals").then().statusCode(401);
        long before = referralRows();
        // Intake coordinators and partners do not make referrals; clinic staff do not answer them.
        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON).body(Fixtures.referral(programId))
                .post("/referrals").then().statusCode(403);
        given().auth().oauth2(Tokens.of("sam")).contentType(ContentType.JSON).body(Fixtures.referral(programId))
                .post("/referrals").then().statusCode(403);
        given().auth().oauth2(Tokens.of("ingrid")).get("/referrals").then().statusCode(403);
        assertEquals(before, referralRows());

        String id = Fixtures.sentReferral();
        given().auth().oauth2(Tokens.of("carmen")).post("/referrals/" + id + "/accept").then().statusCode(403);
        given().auth().oauth2(Tokens.of("sam")).post("/referrals/" + id + "/cancel").then().statusCode(403);
    }

    @Test
    void aRetriedStatusUpdateIsAppliedOnce() {
        String id = Fixtures.sentReferral();
        String key = UUID.randomUUID().toString();
        String token = Fixtures.partnerSystemToken();

        String first = given().auth().oauth2(token).header("Idempotency-Key", key)
                .post("/referrals/" + id + "/accept")
                .then().statusCode(200).header("Idempotent-Replayed", nullValue())
                .body("status", equalTo("ACCEPTED")).extract().asString();
        given().auth().oauth2(token).post("/referrals/" + id + "/start").then().statusCode(200);

        // The retry is answered as the first request was, though the referral has moved on since.
        String retry = given().auth().oauth2(token).header("Idempotency-Key", key)
                .post("/referrals/" + id + "/accept")
                .then().statusCode(200).header("Idempotent-Replayed", equalTo("true"))
                .extract().asString();
        assertEquals(first, retry);

        // The same key for a different request is refused rather than silently replayed.
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("outcome", "ENGAGED")).post("/referrals/" + id + "/complete")
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));

        given().auth().oauth2(Tokens.of("carmen")).get("/referrals/" + id)
                .then().body("history.status", contains("SENT", "ACCEPTED", "IN_PROGRESS"));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Referral.getEntityManager()
                .createNativeQuery("select count(*) from outbox_event where event_key = :id and payload like :status",
                        Long.class)
                .setParameter("id", id).setParameter("status", "%\"status\":\"ACCEPTED\"%")
                .getSingleResult()));

        // Without a key, a repeated accept is just an illegal move.
        given().auth().oauth2(token).post("/referrals/" + id + "/accept").then().statusCode(409);
    }

    @Test
    void simultaneousRetriesAreAppliedOnce() throws Exception {
        String id = Fixtures.sentReferral();
        String key = UUID.randomUUID().toString();
        String token = Fixtures.partnerSystemToken();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> given().auth().oauth2(token).header("Idempotency-Key", key)
                        .post("/referrals/" + id + "/accept").statusCode()));
            }
            for (var call : calls) {
                assertEquals(200, call.get(20, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(Tokens.of("carmen")).get("/referrals/" + id)
                .then().body("history.status", contains("SENT", "ACCEPTED"));
    }

    @Test
    void thePartnerIsScheduledAndRescheduledOncePerKey() {
        String id = Fixtures.sentReferral();
        String token = Fixtures.partnerSystemToken();
        given().auth().oauth2(token).post("/referrals/" + id + "/accept").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of())
                .post("/referrals/" + id + "/schedule").then().statusCode(400).body("errors[0].field", equalTo("date"));
        String key = UUID.randomUUID().toString();
        String first = LocalDate.now().plusDays(5).toString();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(Map.of("date", first)).post("/referrals/" + id + "/schedule")
                    .then().statusCode(200).body("status", equalTo("SCHEDULED")).body("scheduledFor", equalTo(first));
        }
        // The same key with another date is another request: refused, not replayed.
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("date", LocalDate.now().plusDays(9).toString())).post("/referrals/" + id + "/schedule")
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        String later = LocalDate.now().plusDays(12).toString();
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("date", later))
                .post("/referrals/" + id + "/schedule").then().statusCode(200).body("scheduledFor", equalTo(later));
        given().auth().oauth2(Tokens.of("carmen")).get("/referrals/" + id).then()
                .body("history.status", contains("SENT", "ACCEPTED", "SCHEDULED", "SCHEDULED"))
                .body("history[2].scheduledFor", equalTo(first))
                .body("scheduledFor", equalTo(later));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("outcome", "GOALS_MET"))
                .post("/referrals/" + id + "/complete").then().statusCode(200).body("status", equalTo("COMPLETED"));
        given().auth().oauth2(Tokens.of("carmen")).contentType(ContentType.JSON)
                .body(Map.of("date", later)).post("/referrals/" + id + "/schedule").then().statusCode(403);
    }

    @Test
    void aPartnersListShowsNoClinicalOrClinicData() {
        Map<String, Object> body = Fixtures.referral(Fixtures.addProgram(Fixtures.RIVERSIDE, true));
        body.put("sharedItems", List.of());
        String id = Fixtures.create("carmen", body);
        String list = given().auth().oauth2(Tokens.of("sam")).queryParam("size", 100).get("/referrals")
                .then().statusCode(200).body("id", hasItem(id)).extract().asString();
        Response one = given().auth().oauth2(Tokens.of("sam")).get("/referrals/" + id);
        one.then().statusCode(200);
        Set<?> keys = one.jsonPath().getMap("$").keySet();
        for (String hidden : List.of("clientId", "clinicId", "createdBy", "referredBy", "reason", "hopes", "client",
                "overdue")) {
            assertFalse(keys.contains(hidden), hidden);
        }
        assertEquals("[]", one.jsonPath().getList("sharedItems").toString());
        assertFalse(one.asString().contains((String) body.get("clientId")));
        assertFalse(one.asString().contains(SEEDED + " reason"));
        assertFalse(one.asString().contains("northside"));
        assertFalse(list.contains((String) body.get("clientId")));
        assertFalse(list.contains("carmen"));
        // The note always travels.
        assertEquals(SEEDED + " shared: prefers evening sessions", one.jsonPath().getString("sharedInformation"));
    }

    private static long referralRows() {
        return QuarkusTransaction.requiringNew().call(() -> Referral.count());
    }
}
