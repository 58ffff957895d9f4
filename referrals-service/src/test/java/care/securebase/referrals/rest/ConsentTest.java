package care.securebase.referrals.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import care.securebase.events.ClientRegistered;
import care.securebase.events.ConsentChanged;
import care.securebase.events.EventEnvelope;
import care.securebase.events.Topics;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import care.securebase.referrals.ClientConsent;
import care.securebase.referrals.ClientContact;
import care.securebase.referrals.Referral;
import care.securebase.referrals.ReferralStep;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Consent comes from intake's events: sending needs it, revoking it withdraws what the partner holds. */
@QuarkusTest
class ConsentTest {

    private static final String INTAKE = "test-" + Topics.INTAKE;
    private static final String REFERRALS = "test-" + Topics.REFERRALS;

    private static EventEnvelope consent(UUID clientId, String scope, boolean granted, Instant at) {
        return EventEnvelope.wrap(new ConsentChanged(clientId, "northside", UUID.randomUUID(), scope, granted, at),
                UUID.randomUUID(), Instant.now(), TestKafka.MAPPER);
    }

    /** Publishes the same envelope twice, as a redelivery would, and waits until it is applied. */
    private static void deliverTwice(EventEnvelope envelope, UUID clientId, String scope, boolean granted) {
        TestKafka.publish(INTAKE, envelope);
        TestKafka.publish(INTAKE, envelope);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> {
                    ClientConsent c = ClientConsent.findById(new ClientConsent.Id(clientId, scope));
                    return c != null && c.granted == granted;
                }));
    }

    private static String status(String id) {
        return given().auth().oauth2(Tokens.of("carmen")).get("/referrals/" + id).then().statusCode(200)
                .extract().path("status");
    }

    private static long outboxRows(String id, String fragment) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) Referral.getEntityManager()
                .createNativeQuery("select count(*) from outbox_event where event_key = :id and payload like :p",
                        Long.class)
                .setParameter("id", id).setParameter("p", "%" + fragment + "%").getSingleResult());
    }

    @Test
    void sendingWithoutConsentIsRefusedNamingTheScopeAndWritesNothing() {
        String programId = Fixtures.addProgram(Fixtures.RIVERSIDE, "SOCIAL_WORK");
        Map<String, Object> body = Fixtures.referralWithoutConsent(programId);
        long referrals = QuarkusTransaction.requiringNew().call(() -> Referral.count());
        long steps = QuarkusTransaction.requiringNew().call(() -> ReferralStep.count());

        given().auth().oauth2(Tokens.of("carmen")).contentType(ContentType.JSON).body(body)
                .post("/referrals")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("programId"))
                .body("detail", containsString("SHARE_SOCIAL_WORK"));
        assertEquals(referrals, (long) QuarkusTransaction.requiringNew().call(() -> Referral.count()));
        assertEquals(steps, (long) QuarkusTransaction.requiringNew().call(() -> ReferralStep.count()));

        // A draft may be prepared, but it stays a draft until the client consents.
        body.put("send", false);
        String draft = Fixtures.create("carmen", body);
        given().auth().oauth2(Tokens.of("carmen")).post("/referrals/" + draft + "/send")
                .then().statusCode(409).body("errors[0].field", equalTo("programId"))
                .body("detail", containsString("SHARE_SOCIAL_WORK"));
        assertEquals("DRAFT", status(draft));
    }

    @Test
    void consentFromIntakeAllowsSendingAndItsRevocationWithdrawsWhatThePartnerHolds() {
        String social = Fixtures.addProgram(Fixtures.RIVERSIDE, "SOCIAL_WORK");
        String housing = Fixtures.addProgram(Fixtures.OAK, "HOUSING");
        UUID client = UUID.randomUUID();
        Instant granted = Instant.now().minusSeconds(600);
        deliverTwice(consent(client, "SHARE_SOCIAL_WORK", true, granted), client, "SHARE_SOCIAL_WORK", true);
        deliverTwice(consent(client, "SHARE_HOUSING", true, granted), client, "SHARE_HOUSING", true);

        Map<String, Object> body = Fixtures.referralWithoutConsent(social);
        body.put("clientId", client.toString());
        String sent = Fixtures.create("carmen", body);
        String accepted = Fixtures.create("carmen", body);
        given().auth().oauth2(Tokens.of("sam")).post("/referrals/" + accepted + "/accept").then().statusCode(200);
        String declined = Fixtures.create("carmen", body);
        given().auth().oauth2(Tokens.of("sam")).contentType(ContentType.JSON).body(Map.of("reason", "NO_CAPACITY"))
                .post("/referrals/" + declined + "/decline").then().statusCode(200);
        body.put("send", false);
        String draft = Fixtures.create("carmen", body);
        Map<String, Object> toHousing = Fixtures.referralWithoutConsent(housing);
        toHousing.put("clientId", client.toString());
        String otherKind = Fixtures.create("carmen", toHousing);

        // Revoked (delivered twice): each referral the social-work partner holds is withdrawn, once.
        deliverTwice(consent(client, "SHARE_SOCIAL_WORK", false, Instant.now()), client, "SHARE_SOCIAL_WORK", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(sent).equals("CANCELLED"));
        for (String id : List.of(sent, accepted)) {
            given().auth().oauth2(Tokens.of("carmen")).get("/referrals/" + id)
                    .then().statusCode(200).body("status", equalTo("CANCELLED"))
                    .body("history[-1].code", equalTo("CONSENT_REVOKED"))
                    .body("history[-1].by", equalTo("system"))
                    .body("history[-1].party", equalTo("SYSTEM"));
            assertEquals(1, outboxRows(id, "CONSENT_REVOKED"), id);
        }
        assertEquals("DECLINED", status(declined));
        assertEquals("SENT", status(otherKind));
        assertEquals("DRAFT", status(draft));
        given().auth().oauth2(Tokens.of("carmen")).post("/referrals/" + draft + "/send")
                .then().statusCode(409).body("detail", containsString("SHARE_SOCIAL_WORK"));

        List<EventEnvelope> events = TestKafka.read(REFERRALS, Duration.ofSeconds(20), seen -> seen.stream()
                .filter(e -> e.subject().equals(sent) && e.data().path("reason").asText().equals("CONSENT_REVOKED"))
                .count() == 1);
        assertEquals(1, events.stream().filter(e -> e.subject().equals(sent)
                && e.type().equals("referral-status-changed")
                && e.data().path("status").asText().equals("CANCELLED")
                && e.data().path("reason").asText().equals("CONSENT_REVOKED")).count());

        // An older grant arriving late does not undo the revocation.
        TestKafka.publish(INTAKE, consent(client, "SHARE_SOCIAL_WORK", true, granted.plusSeconds(1)));
        given().auth().oauth2(Tokens.of("carmen")).post("/referrals/" + draft + "/send").then().statusCode(409);
        // A new grant lets the draft go.
        deliverTwice(consent(client, "SHARE_SOCIAL_WORK", true, Instant.now()), client, "SHARE_SOCIAL_WORK", true);
        given().auth().oauth2(Tokens.of("carmen")).post("/referrals/" + draft + "/send")
                .then().statusCode(200).body("status", equalTo("SENT"));
    }

    @Test
    void thePartnerSeesTheClientOnlyAsSharedAndNothingOnceConsentEnds() {
        String programId = Fixtures.addProgram(Fixtures.RIVERSIDE, "SUPPORT_GROUP");
        UUID client = UUID.randomUUID();
        EventEnvelope registered = EventEnvelope.wrap(new ClientRegistered(client, "northside", "Robin",
                        "robin.shared@example.org", "+44 7700 900123", "EMAIL", "pt-BR", "Europe/London"),
                UUID.randomUUID(), Instant.now(), TestKafka.MAPPER);
        TestKafka.publish(INTAKE, registered);
        TestKafka.publish(INTAKE, registered);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> ClientContact.findById(client) != null));
        deliverTwice(consent(client, "SHARE_SUPPORT_GROUP", true, Instant.now().minusSeconds(5)), client,
                "SHARE_SUPPORT_GROUP", true);

        Map<String, Object> nameOnly = Fixtures.referralWithoutConsent(programId);
        nameOnly.put("clientId", client.toString());
        nameOnly.put("sharedItems", List.of("CLIENT_NAME"));
        String a = Fixtures.create("carmen", nameOnly);
        var seen = given().auth().oauth2(Tokens.of("sam")).get("/referrals/" + a).then().statusCode(200)
                .body("client.preferredName", equalTo("Robin"))
                .body("client.email", nullValue())
                .body("reason", nullValue())
                .body("hopes", nullValue())
                .extract().asString();
        assertFalse(seen.contains(client.toString()));
        assertFalse(seen.contains("northside"));
        assertFalse(seen.contains(Fixtures.SEEDED + " reason"));
        assertFalse(seen.contains(Fixtures.SEEDED + " hopes"));
        assertFalse(seen.contains("robin.shared@example.org"));

        Map<String, Object> contact = Fixtures.referralWithoutConsent(programId);
        contact.put("clientId", client.toString());
        contact.put("sharedItems", List.of("CONTACT_DETAILS", "PREFERRED_LANGUAGE", "REASON"));
        String b = Fixtures.create("carmen", contact);
        given().auth().oauth2(Tokens.of("sam")).get("/referrals/" + b).then().statusCode(200)
                .body("client.preferredName", nullValue())
                .body("client.email", equalTo("robin.shared@example.org"))
                .body("client.phone", equalTo("+44 7700 900123"))
                .body("client.language", equalTo("pt-BR"))
                .body("reason", containsString("isolation"))
                .body("sharedItems", contains("CONTACT_DETAILS", "PREFERRED_LANGUAGE", "REASON"));

        // Another clinic's coordinator cannot refer a client intake placed at northside.
        given().auth().oauth2(Tokens.of("carl")).contentType(ContentType.JSON).body(contact).post("/referrals")
                .then().statusCode(400).body("errors[0].field", equalTo("clientId"));

        deliverTwice(consent(client, "SHARE_SUPPORT_GROUP", false, Instant.now()), client, "SHARE_SUPPORT_GROUP",
                false);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(b).equals("CANCELLED"));
        given().auth().oauth2(Tokens.of("sam")).get("/referrals/" + b).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("client", nullValue())
                .body("history[-1].code", equalTo("CONSENT_REVOKED"));
    }
}
