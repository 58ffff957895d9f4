package care.securebase.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.ConsentChanged;
import care.securebase.events.EventEnvelope;
import care.securebase.events.Topics;
import care.securebase.intake.Consent;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsentResourceTest {

    private static final String FORM = "consent-form-2026.1";

    private static ValidatableResponse record(String who, String clientId, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of(who)).contentType(ContentType.JSON).body(body)
                .post("/clients/" + clientId + "/consents").then();
    }

    private static ValidatableResponse revoke(String who, String clientId, String consentId, String reason) {
        return given().auth().oauth2(Tokens.of(who)).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/clients/" + clientId + "/consents/" + consentId + "/revoke").then();
    }

    private static long consents() {
        return QuarkusTransaction.requiringNew().call(() -> Consent.count());
    }

    @Test
    void recordSupersedeRevokeAndEveryChangeIsAnnounced() throws Exception {
        String clientId = ClientResourceTest.register("ingrid", ClientResourceTest.newClient("Avery Consent"));

        String first = record("clara", clientId, Map.of("scope", "SHARE_SOCIAL_WORK", "granted", true, "formVersion", FORM))
                .statusCode(201).header("Location", notNullValue())
                .body("scope", equalTo("SHARE_SOCIAL_WORK")).body("granted", equalTo(true))
                .body("recordedFor", equalTo("CLIENT")).body("recordedBy", equalTo("clara"))
                .body("current", equalTo(true))
                .extract().path("id");
        String second = record("ingrid", clientId, Map.of("scope", "SHARE_SOCIAL_WORK", "granted", true,
                "formVersion", "consent-form-2026.2")).statusCode(201).extract().path("id");

        given().auth().oauth2(Tokens.of("carmen")).get("/clients/" + clientId + "/consents")
                .then().statusCode(200)
                .body("current.id", contains(second))
                .body("history", hasSize(2))
                .body("history.find { it.id == '" + first + "' }.supersededBy", equalTo(second))
                .body("history.find { it.id == '" + first + "' }.current", equalTo(false));
        given().auth().oauth2(Tokens.of("carmen")).get("/clients/" + clientId + "/consents/" + first)
                .then().statusCode(200).body("supersededBy", equalTo(second));

        revoke("ada", clientId, second, "SEEDED-REASON-41c9 client phoned to withdraw")
                .statusCode(200).body("revokedBy", equalTo("ada")).body("revokedAt", notNullValue())
                .body("current", equalTo(false));
        // Only the consent in force can be revoked.
        revoke("clara", clientId, second, "again").statusCode(409).contentType("application/problem+json");
        revoke("clara", clientId, first, "old one").statusCode(409);
        given().auth().oauth2(Tokens.of("clara")).get("/clients/" + clientId + "/consents")
                .then().body("current", hasSize(0)).body("history", hasSize(2));

        List<EventEnvelope> events = TestKafka.read("test-" + Topics.INTAKE, Duration.ofSeconds(20),
                seen -> changesOf(seen, clientId).size() >= 3);
        List<EventEnvelope> changes = changesOf(events, clientId);
        assertEquals(3, changes.size());
        List<ConsentChanged> payloads = new java.util.ArrayList<>();
        for (EventEnvelope change : changes) {
            payloads.add(change.payload(ConsentChanged.class, TestKafka.MAPPER));
        }
        assertEquals(List.of(first, second, second), payloads.stream().map(p -> p.consentId().toString()).toList());
        assertEquals(List.of(true, true, false), payloads.stream().map(ConsentChanged::granted).toList());
        assertTrue(payloads.stream().allMatch(p -> p.scope().equals("SHARE_SOCIAL_WORK")
                && p.clinicId().equals("northside") && p.effectiveAt() != null));
        // The reason is free text: it stays in intake-service.
        assertTrue(changes.stream().noneMatch(e -> e.data().toString().contains("SEEDED-REASON")
                || e.data().toString().contains("withdraw")));
        assertEquals("intake-service", changes.get(0).source());
    }

    @Test
    void anOptOutLinkEndsTheContactConsentOnceAndIsAnnounced() throws Exception {
        String clientId = ClientResourceTest.register("ingrid", ClientResourceTest.newClient("Olive Optout"));
        String email = record("ingrid", clientId, Map.of("scope", "CONTACT_EMAIL", "granted", true, "formVersion", FORM))
                .statusCode(201).extract().path("id");
        String housing = record("ingrid", clientId, Map.of("scope", "SHARE_HOUSING", "granted", true, "formVersion", FORM))
                .statusCode(201).extract().path("id");

        var optOut = new care.securebase.events.ContactOptedOut(java.util.UUID.fromString(clientId), "northside", "EMAIL");
        EventEnvelope once = TestKafka.publish("test-" + Topics.NOTIFICATIONS, optOut);
        TestKafka.publish("test-" + Topics.NOTIFICATIONS, once);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.of("ingrid")).get("/clients/" + clientId + "/consents/" + email)
                        .then().statusCode(200).body("current", equalTo(false))
                        .body("revokedBy", equalTo("client-opt-out-link")));
        given().auth().oauth2(Tokens.of("ingrid")).get("/clients/" + clientId + "/consents")
                .then().body("current.id", contains(housing));

        List<EventEnvelope> events = TestKafka.read("test-" + Topics.INTAKE, Duration.ofSeconds(20),
                seen -> changesOf(seen, clientId).size() >= 3);
        List<ConsentChanged> revoked = new java.util.ArrayList<>();
        for (EventEnvelope change : changesOf(events, clientId)) {
            ConsentChanged payload = change.payload(ConsentChanged.class, TestKafka.MAPPER);
            if (!payload.granted()) {
                revoked.add(payload);
            }
        }
        assertEquals(1, revoked.size(), "the redelivered opt-out changes nothing");
        assertEquals("CONTACT_EMAIL", revoked.get(0).scope());
    }

    private static List<EventEnvelope> changesOf(List<EventEnvelope> seen, String clientId) {
        return seen.stream().filter(e -> e.subject().equals(clientId) && e.type().equals("consent-changed")).toList();
    }

    @Test
    void onlyClinicStaffSeeAndRecordConsents() {
        String clientId = ClientResourceTest.register("ingrid", ClientResourceTest.newClient("Blake Consent"));
        String consentId = record("clara", clientId, Map.of("scope", "CONTACT_SMS", "granted", true, "formVersion", FORM))
                .statusCode(201).extract().path("id");
        long before = consents();

        given().auth().oauth2(Tokens.of("sam")).get("/clients/" + clientId + "/consents").then().statusCode(403);
        record("sam", clientId, Map.of("scope", "CONTACT_SMS", "granted", false, "formVersion", FORM)).statusCode(403);
        revoke("sam", clientId, consentId, "no").statusCode(403);
        // A care-coordinator reads consents but does not record them.
        record("carmen", clientId, Map.of("scope", "CONTACT_SMS", "granted", false, "formVersion", FORM)).statusCode(403);
        given().auth().oauth2(Tokens.of("carmen")).get("/clients/" + clientId + "/consents").then().statusCode(200);

        // Another clinic's staff: as if the client did not exist.
        given().auth().oauth2(Tokens.of("colin")).get("/clients/" + clientId + "/consents")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("colin")).get("/clients/" + clientId + "/consents/" + consentId)
                .then().statusCode(404);
        record("colin", clientId, Map.of("scope", "CONTACT_SMS", "granted", false, "formVersion", FORM)).statusCode(404);
        revoke("colin", clientId, consentId, "no").statusCode(404);
        given().get("/clients/" + clientId + "/consents").then().statusCode(401);

        assertEquals(before, consents());
        given().auth().oauth2(Tokens.of("clara")).get("/clients/" + clientId + "/consents/" + consentId)
                .then().body("revokedAt", nullValue()).body("current", equalTo(true));
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        String clientId = ClientResourceTest.register("ingrid", ClientResourceTest.newClient("Casey Consent"));
        long before = consents();

        record("clara", clientId, Map.of("scope", "TELEPATHY", "granted", true, "formVersion", FORM))
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("scope"));
        record("clara", clientId, Map.of("scope", "TREATMENT", "granted", true))
                .statusCode(400).body("errors.field", contains("formVersion"));
        record("clara", clientId, Map.of("scope", "TREATMENT", "formVersion", " "))
                .statusCode(400).body("errors.field", contains("formVersion", "formVersion", "granted"));
        record("clara", clientId, Map.of("scope", "TREATMENT", "granted", true, "formVersion", FORM,
                "recordedFor", "GUARDIAN")).statusCode(400).body("errors[0].field", equalTo("recordedFor"));
        record("clara", clientId, Map.of("scope", "TREATMENT", "granted", true, "formVersion", FORM,
                "recordedFor", "NEIGHBOUR")).statusCode(400).body("errors[0].field", equalTo("recordedFor"));
        given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON).body(Map.of())
                .post("/clients/" + clientId + "/consents/" + java.util.UUID.randomUUID() + "/revoke")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        revoke("clara", clientId, java.util.UUID.randomUUID().toString(), "none").statusCode(404);
        assertEquals(before, consents());

        String id = record("clara", clientId, Map.of("scope", "TREATMENT", "granted", false, "formVersion", FORM))
                .statusCode(201).body("granted", equalTo(false)).extract().path("id");
        assertFalse(id.isBlank());
        assertEquals(before + 1, consents());
    }
}
