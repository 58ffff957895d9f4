package care.securebase.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.CheckInDue;
import care.securebase.events.CheckInsEnded;
import care.securebase.events.ClientRegistered;
import care.securebase.events.EventEnvelope;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import care.securebase.notifications.delivery.ReminderRouting;
import care.securebase.notifications.service.CheckInService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * sessions' check-in-due to the client's mailbox (GreenMail, read back over its REST API): the link once,
 * with nothing but the clinic and the link, announced once by check-in-sent; not after the schedule's end,
 * not once the link expired. Every event is delivered twice.
 */
@QuarkusTest
class CheckInsEndToEndTest {

    static final String INTAKE = "test-intake-events";
    static final String SESSIONS = "test-sessions-events";
    static final String NOTIFICATIONS = "test-notifications-events";
    static final Duration WITHIN = Duration.ofSeconds(30);

    static List<CheckInMessage> messagesOf(UUID clientId) {
        return QuarkusTransaction.requiringNew().call(() -> CheckInMessage.ofClient(clientId));
    }

    /** A token shaped as sessions mints them: 16 random bytes and a 16-byte signature, base64url. */
    static String token() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        byte[] nonce = new byte[16];
        byte[] sig = new byte[16];
        random.nextBytes(nonce);
        random.nextBytes(sig);
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(nonce) + "." + b64.encodeToString(sig);
    }

    static UUID emailClient(String clinic, String name, String email) {
        UUID clientId = UUID.randomUUID();
        Events.publishTwice(INTAKE, new ClientRegistered(clientId, clinic, name, email, "+44 7700 900321", "EMAIL",
                "en-GB", "Europe/London"));
        Events.consents(clientId, clinic, "CONTACT_EMAIL");
        await().atMost(WITHIN).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ClientContact.findById(clientId) != null));
        return clientId;
    }

    /** The check-in-sent rows notifications wrote for a client: one per message sent, in its transaction. */
    static long checkInSentRowsOf(UUID clientId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) CheckInMessage.getEntityManager()
                .createNativeQuery("select count(*) from outbox_event where type = 'check-in-sent' and event_key = :client")
                .setParameter("client", clientId.toString()).getSingleResult()).longValue());
    }

    static List<EventEnvelope> checkInSentOf(UUID clientId) {
        return Events.readToEnd(NOTIFICATIONS).stream()
                .filter(e -> e.type().equals("check-in-sent") && e.subject().equals(clientId.toString())).toList();
    }

    static void settle() {
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
    }

    @Test
    void aDueCheckInIsMailedOnceWithTheClinicAndTheLinkAndNothingElse() {
        String email = Events.uniqueAddress("robin", "example.test");
        UUID clientId = emailClient("northside", "Robin", email);
        UUID checkInId = UUID.randomUUID();
        UUID episodeId = UUID.randomUUID();
        String token = token();
        Instant now = Instant.now();
        CheckInDue due = new CheckInDue(checkInId, episodeId, clientId, "northside", token, now,
                now.plus(Duration.ofHours(72)));
        Events.publishTwice(SESSIONS, due);

        await().atMost(WITHIN).until(() -> !GreenMailApi.messagesFor(email).isEmpty());
        // The same check-in announced again in a new event (sessions' relay re-sending, say) adds nothing.
        EventEnvelope again = TestKafka.publish(SESSIONS, due);
        await().atMost(WITHIN).until(() -> OnCallNoticesEndToEndTest.handled(again));
        settle();
        List<GreenMailApi.Received> mails = GreenMailApi.messagesFor(email);
        assertEquals(1, mails.size(), "exactly one check-in message");

        GreenMailApi.Received mail = mails.get(0);
        String body = mail.body();
        assertEquals("A short check-in from Northside Clinic", mail.subject());
        assertTrue(body.contains("Northside Clinic asks you to fill in a short check-in"), body);
        assertTrue(body.contains("http://localhost:8080/c/" + token), body);
        assertFalse(mail.decoded().contains("Robin"), "no name");
        assertFalse(mail.decoded().contains(checkInId.toString()) || mail.decoded().contains(episodeId.toString()),
                "no ids of the check-in or episode");
        ClinicalWords.assertNone("subject", mail.subject());
        ClinicalWords.assertNone("check-in e-mail", body);
        assertTrue(mail.decoded().contains("List-Unsubscribe: <http://localhost:8084/opt-out?token="), mail.decoded());

        List<CheckInMessage> rows = messagesOf(clientId);
        assertEquals(1, rows.size());
        CheckInMessage row = rows.get(0);
        assertEquals(DeliveryStatus.SENT, row.status);
        assertEquals(ContactChannel.EMAIL, row.channel);
        assertEquals(checkInId, row.checkInId);
        assertNull(row.link, "the link token is not kept once the message went");
        String headers = mail.decoded().substring(0, mail.decoded().indexOf("\r\n\r\n"));
        assertTrue(headers.contains("Message-ID: <check-in." + row.id + "@securebase.test>"), headers);
        assertEquals(1, ("\n" + headers).toLowerCase(Locale.ROOT).split("\nmessage-id:", -1).length - 1, headers);

        // The delivery log shows it to the clinic's clinicians, not the link.
        given().auth().oauth2(Tokens.of("clara")).queryParam("clientId", clientId).queryParam("kind", "CHECK_IN")
                .get("/deliveries").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("SENT"))
                .body("items[0].subjectId", equalTo(checkInId.toString()))
                .body("items[0].channel", equalTo("EMAIL"));
        given().auth().oauth2(Tokens.of("colin")).queryParam("clientId", clientId).get("/deliveries").then()
                .statusCode(200).body("items", hasSize(0));

        // Announced to sessions once, however often the check-in was: ids, time and channel, not the link.
        TestKafka.read(NOTIFICATIONS, WITHIN, seen -> seen.stream()
                .anyMatch(e -> e.type().equals("check-in-sent") && e.subject().equals(clientId.toString())));
        assertEquals(1, checkInSentRowsOf(clientId), "one check-in-sent written");
        List<EventEnvelope> announced = checkInSentOf(clientId);
        assertEquals(1, announced.size(), "one check-in-sent on the topic");
        EventEnvelope event = announced.get(0);
        assertEquals("notifications-service", event.source());
        assertEquals(checkInId.toString(), event.data().get("checkInId").asText());
        assertEquals("northside", event.data().get("clinicId").asText());
        assertEquals("EMAIL", event.data().get("channel").asText());
        Instant sentAt = Instant.parse(event.data().get("sentAt").asText());
        assertTrue(Duration.between(row.sentAt, sentAt).abs().toMillis() < 1, sentAt + " vs " + row.sentAt);
        assertFalse(event.data().toString().contains(token) || event.data().toString().contains(email),
                event.data().toString());
    }

    @Test
    void theScheduleEndingCallsOffACheckInStillWaitingAndItIsNeverSent() {
        // No contact details yet: the message waits for them, and the schedule stops meanwhile.
        UUID clientId = UUID.randomUUID();
        UUID episodeId = UUID.randomUUID();
        Instant now = Instant.now();
        Events.publishTwice(SESSIONS, new CheckInDue(UUID.randomUUID(), episodeId, clientId, "northside", token(), now,
                now.plus(Duration.ofHours(72))));
        await().atMost(WITHIN).until(() -> messagesOf(clientId).stream()
                .anyMatch(m -> ReminderRouting.AWAITING_CONTACT.equals(m.reason)));

        Events.publishTwice(SESSIONS, new CheckInsEnded(episodeId, clientId, "northside"));
        await().atMost(WITHIN).until(() -> messagesOf(clientId).stream().allMatch(m -> m.status == DeliveryStatus.CANCELLED));
        CheckInMessage cancelled = messagesOf(clientId).get(0);
        assertEquals(CheckInService.ENDED, cancelled.reason);
        assertNull(cancelled.link);
        assertNull(cancelled.nextAttemptAt);

        String email = Events.uniqueAddress("late", "example.test");
        Events.publishTwice(INTAKE, new ClientRegistered(clientId, "northside", "Late", email, null, "EMAIL", "en-GB",
                "Europe/London"));
        Events.consents(clientId, "northside", "CONTACT_EMAIL");
        settle();
        assertEquals(List.of(), GreenMailApi.messagesFor(email));

        // A schedule set again later: its check-ins go as usual.
        Events.publishTwice(SESSIONS, new CheckInDue(UUID.randomUUID(), episodeId, clientId, "northside", token(),
                Instant.now(), Instant.now().plus(Duration.ofHours(72))));
        await().atMost(WITHIN).until(() -> GreenMailApi.messagesFor(email).size() == 1);
    }

    @Test
    void aCheckInWhoseLinkExpiredIsNotSent() {
        String email = Events.uniqueAddress("expired", "example.test");
        UUID clientId = emailClient("northside", "Ash", email);
        Instant now = Instant.now();
        Events.publishTwice(SESSIONS, new CheckInDue(UUID.randomUUID(), UUID.randomUUID(), clientId, "northside",
                token(), now.minus(Duration.ofHours(73)), now.minus(Duration.ofHours(1))));

        await().atMost(WITHIN).until(() -> messagesOf(clientId).stream().anyMatch(m -> m.status == DeliveryStatus.SKIPPED));
        CheckInMessage skipped = messagesOf(clientId).get(0);
        assertEquals(ReminderRouting.LINK_EXPIRED, skipped.reason);
        assertNull(skipped.link);
        settle();
        assertEquals(List.of(), GreenMailApi.messagesFor(email));
        assertEquals(0, checkInSentRowsOf(clientId), "nothing sent, nothing announced");
    }

    @Test
    void aCheckInWithAMalformedLinkIsNotPlanned() {
        UUID clientId = UUID.randomUUID();
        EventEnvelope bad = Events.publishTwice(SESSIONS, new CheckInDue(UUID.randomUUID(), UUID.randomUUID(), clientId,
                "northside", "../opt-out?token=x", Instant.now(), Instant.now().plus(Duration.ofHours(72))));
        await().atMost(WITHIN).until(() -> OnCallNoticesEndToEndTest.handled(bad));
        assertEquals(List.of(), messagesOf(clientId));
    }
}
