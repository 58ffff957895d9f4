package care.securebase.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.ClientRegistered;
import care.securebase.events.EventEnvelope;
import care.securebase.events.MaintenanceStarted;
import care.securebase.events.MaintenanceStarted.Booster;
import care.securebase.kit.testing.BacklogMetricsContract;
import care.securebase.kit.testing.Scrape;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With an SMTP server and an SMS gateway of its own: the mail server goes down while reminders fall
 * due and comes back (nothing lost, nothing twice); it refuses part of a batch (those retried, the rest
 * sent once); SMS through the gateway; a message that keeps failing ends FAILED, announced, and in the
 * clinic-admin's inbox and delivery log.
 */
@QuarkusTest
@TestProfile(IsolatedDeliveryProfile.class)
class DeliveryFailuresEndToEndTest {

    static final String INTAKE = "test-intake-events";
    static final String SESSIONS = "test-sessions-events";
    static final Duration WITHIN = Duration.ofSeconds(40);
    static GreenMail smtp;
    static SmsStub sms;
    /** Recipients the mail server refuses once (451 to RCPT TO), as a busy mailbox would. */
    static final Set<String> BUSY = ConcurrentHashMap.newKeySet();

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void servers() throws Exception {
        smtp = mailServer();
        smtp.start();
        sms = new SmsStub(IsolatedDeliveryProfile.SMS_PORT);
    }

    static GreenMail mailServer() {
        return new RefusingGreenMail(new ServerSetup(IsolatedDeliveryProfile.SMTP_PORT, "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP), BUSY::remove);
    }

    @AfterAll
    static void stopServers() {
        smtp.stop();
        sms.close();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static List<String> recipients(MimeMessage[] messages) {
        List<String> to = new ArrayList<>();
        for (MimeMessage m : messages) {
            try {
                for (Address a : m.getAllRecipients()) {
                    to.add(a.toString());
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return to;
    }

    static UUID client(String clinic, String email, String phone, String channel, String... consents) {
        UUID clientId = UUID.randomUUID();
        Events.publishTwice(INTAKE, new ClientRegistered(clientId, clinic, "Alex", email, phone, channel, "en-GB",
                "Europe/London"));
        Events.consents(clientId, clinic, consents);
        return clientId;
    }

    static void boosterInThreeDays(UUID clientId, String clinic) {
        Events.publishTwice(SESSIONS, new MaintenanceStarted(UUID.randomUUID(), clientId, clinic, "clara",
                List.of(new Booster(UUID.randomUUID(), Instant.now().plus(Duration.ofDays(3))))));
    }

    static boolean all(List<UUID> clients, Predicate<BoosterReminder> test) {
        return clients.stream().allMatch(c -> RemindersEndToEndTest.remindersOf(c).stream()
                .filter(r -> r.leadTime.equals("P7D")).anyMatch(test));
    }

    @Test
    void whileTheMailServerIsDownRemindersWaitAndWhenItIsBackEachGoesOnce() throws Exception {
        List<String> addresses = new ArrayList<>();
        List<UUID> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String email = Events.uniqueAddress("down" + i, "example.test");
            addresses.add(email);
            clients.add(client("northside", email, null, "EMAIL", "CONTACT_EMAIL"));
        }
        List<String> before = recipients(smtp.getReceivedMessages());
        smtp.stop();
        try {
            clients.forEach(c -> boosterInThreeDays(c, "northside"));
            // Each is tried, fails, and waits for its next attempt; none is lost or given up yet.
            await().atMost(WITHIN).until(() -> all(clients, r -> r.attempts >= 1));
            assertTrue(all(clients, r -> r.status == DeliveryStatus.PENDING && r.reason.startsWith("send-failed")));
        } finally {
            smtp = mailServer();
            smtp.start();
        }
        await().atMost(WITHIN).until(() -> all(clients, r -> r.status == DeliveryStatus.SENT));
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        List<String> received = new ArrayList<>(before);
        received.addAll(recipients(smtp.getReceivedMessages()));
        for (String email : addresses) {
            assertEquals(1, received.stream().filter(email::equals).count(), "exactly one to " + email);
        }
    }

    @Test
    void whenTheServerRefusesPartOfABatchThoseAreRetriedAndTheOthersAreNotSentAgain() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> addresses = IntStream.range(0, 100).mapToObj(i -> "part-" + run + "-" + i + "@example.test")
                .toList();
        // Every fifth recipient is refused at the first try: in each batch some fail and the rest go.
        List<String> busy = IntStream.range(0, addresses.size()).filter(i -> i % 5 == 0).mapToObj(addresses::get)
                .toList();
        BUSY.addAll(busy);
        List<String> before = recipients(smtp.getReceivedMessages());
        List<DueReminders.Due> due = DueReminders.insert(db, addresses);

        await().atMost(WITHIN).until(() -> DueReminders.rows(due).values().stream()
                .allMatch(r -> r.status == DeliveryStatus.SENT));
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertTrue(BUSY.isEmpty(), "every busy recipient was tried");

        Map<UUID, BoosterReminder> rows = DueReminders.rows(due);
        List<String> received = recipients(smtp.getReceivedMessages());
        received.removeAll(before);
        for (DueReminders.Due d : due) {
            BoosterReminder row = rows.get(d.reminderId());
            assertEquals(busy.contains(d.email()) ? 2 : 1, row.attempts,
                    (busy.contains(d.email()) ? "refused once, then sent: " : "sent at once, never again: ") + d.email());
            assertEquals(1, received.stream().filter(d.email()::equals).count(), "exactly one message to " + d.email());
        }
    }

    @Test
    void aClientWhoPrefersSmsIsTextedThroughTheGatewayWithAnOptOutLink() {
        String phone = "+44 7700 900" + (100 + (int) (Math.random() * 800));
        UUID clientId = client("harbour", Events.uniqueAddress("sms", "example.test"), phone, "SMS",
                "CONTACT_SMS");
        boosterInThreeDays(clientId, "harbour");
        await().atMost(WITHIN).until(() -> !sms.to(phone).isEmpty());
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertEquals(1, sms.to(phone).size());
        SmsStub.Received text = sms.to(phone).get(0);
        assertEquals("Basic " + Base64.getEncoder().encodeToString("securebase:gateway-secret"
                .getBytes(StandardCharsets.UTF_8)), text.authorization());
        String body = text.body().path("text").asText();
        assertTrue(body.contains("Harbour Clinic") && body.contains("/opt-out?token="), body);
        ClinicalWords.assertNone("sms", body);
        BoosterReminder sent = RemindersEndToEndTest.remindersOf(clientId).stream()
                .filter(r -> r.status == DeliveryStatus.SENT).findFirst().orElseThrow();
        assertEquals(ContactChannel.SMS, sent.channel);
        assertEquals(sent.id.toString(), text.body().path("reference").asText());
    }

    @Test
    void aMessageThatKeepsFailingIsMarkedFailedAnnouncedAndShownToTheClinicAdmin() {
        UUID clientId = client("northside", null, "+48 000 000 000", "SMS", "CONTACT_SMS");
        boosterInThreeDays(clientId, "northside");
        // Hurry the retries along: move the clock past each back-off.
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> {
            clock.advance(Duration.ofMinutes(5));
            return all(List.of(clientId), r -> r.status == DeliveryStatus.FAILED);
        });
        BoosterReminder failed = RemindersEndToEndTest.remindersOf(clientId).stream()
                .filter(r -> r.status == DeliveryStatus.FAILED).findFirst().orElseThrow();
        assertEquals(4, failed.attempts);
        assertTrue(failed.reason.startsWith("send-failed"), failed.reason);
        // Counted by reason for the alert rules: three retries and the last try.
        Scrape scrape = BacklogMetricsContract.scrape();
        assertTrue(scrape.value("securebase_notifications_delivery_failures_total", Map.of("kind", "booster-reminder",
                "outcome", "failed", "reason", failed.reason)).orElse(0) >= 1, "the last failure counted by its reason");
        assertTrue(scrape.series("securebase_notifications_delivery_failures_total").stream()
                .filter(s -> s.labels().get("kind").equals("booster-reminder") && s.labels().get("outcome").equals("retry")
                        && s.labels().get("reason").startsWith("send-failed"))
                .mapToDouble(Scrape.Sample::value).sum() >= 3, "each retried failure counted by its reason");

        List<EventEnvelope> events = TestKafka.read("test-notifications-events", WITHIN, seen -> seen.stream()
                .anyMatch(e -> e.type().equals("notification-failed") && e.subject().equals(failed.id.toString())));
        EventEnvelope event = events.stream().filter(e -> e.type().equals("notification-failed")
                && e.subject().equals(failed.id.toString())).findFirst().orElseThrow();
        assertEquals("BOOSTER_REMINDER", event.data().get("kind").asText());
        assertEquals("SMS", event.data().get("channel").asText());

        String ada = Tokens.of("ada");
        given().auth().oauth2(ada).queryParam("status", "FAILED").queryParam("clientId", clientId)
                .get("/deliveries").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(failed.id.toString()))
                .body("items[0].attempts", equalTo(4)).body("items[0].channel", equalTo("SMS"));
        given().auth().oauth2(ada).queryParam("size", 100).get("/inbox").then().statusCode(200)
                .body("items.find { it.subjectId == '%s' }.kind".formatted(failed.id), equalTo("DELIVERY_FAILED"));
        // Addressed to the role at the clinic: not another clinic's admin, not a clinician of the same clinic.
        String notice = given().auth().oauth2(ada).queryParam("size", 100).get("/inbox").then()
                .extract().path("items.find { it.subjectId == '%s' }.id".formatted(failed.id));
        for (String other : List.of("hana", "clara")) {
            given().auth().oauth2(Tokens.of(other)).queryParam("size", 100).get("/inbox").then().statusCode(200)
                    .body("items.id", not(hasItem(notice)));
            given().auth().oauth2(Tokens.of(other)).post("/inbox/" + notice + "/read").then().statusCode(404);
        }
        given().auth().oauth2(ada).post("/inbox/" + notice + "/read").then().statusCode(200)
                .body("readAt", notNullValue());
    }
}
