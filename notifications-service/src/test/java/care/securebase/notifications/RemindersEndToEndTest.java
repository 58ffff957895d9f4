package care.securebase.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.ClientRegistered;
import care.securebase.events.MaintenanceEnded;
import care.securebase.events.MaintenanceStarted;
import care.securebase.events.MaintenanceStarted.Booster;
import care.securebase.kit.testing.Tokens;
import care.securebase.notifications.delivery.ReminderRouting;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * From events on the (test-prefixed) topics to e-mail in GreenMail, read back through its REST
 * API. Every event is delivered twice; exactly one message must come of it.
 */
@QuarkusTest
class RemindersEndToEndTest {

    static final String INTAKE = "test-intake-events";
    static final String SESSIONS = "test-sessions-events";
    static final Duration WITHIN = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    static List<BoosterReminder> remindersOf(UUID clientId) {
        return QuarkusTransaction.requiringNew().call(() -> BoosterReminder.ofClient(clientId));
    }

    @Test
    void aClientIsRemindedOnceByEmailInTheirTimeAndLanguageAndNothingClinicalIsSaid() {
        String email = Events.uniqueAddress("zoe", "example.test");
        UUID clientId = UUID.randomUUID();
        Events.publishTwice(INTAKE, new ClientRegistered(clientId, "northside", "Zoë", email, "+44 7700 900123",
                "EMAIL", "en-GB", "Europe/Oslo"));
        Events.consents(clientId, "northside", "CONTACT_EMAIL", "CONTACT_SMS");

        // Booster in two days: its 7-day reminder is late and due at once, its 1-day one tomorrow.
        Instant soon = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        Instant later = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
        UUID soonBooster = UUID.randomUUID();
        UUID episodeId = UUID.randomUUID();
        Events.publishTwice(SESSIONS, new MaintenanceStarted(episodeId, clientId, "northside", "clara",
                List.of(new Booster(soonBooster, soon), new Booster(UUID.randomUUID(), later))));
        // Same key, so same partition, so handled after both copies above: once its reminders exist,
        // the redelivery has been handled too.
        UUID sentinel = UUID.randomUUID();
        Events.publishTwice(SESSIONS, new MaintenanceStarted(episodeId, clientId, "northside", "clara",
                List.of(new Booster(sentinel, later.plus(Duration.ofDays(30))))));

        await().atMost(WITHIN).until(() -> remindersOf(clientId).stream().anyMatch(r -> r.boosterId.equals(sentinel)));
        assertEquals(6, remindersOf(clientId).size(), "two lead times per booster, none twice");

        await().atMost(WITHIN).until(() -> GreenMailApi.messagesFor(email).size() >= 1);
        // A few more dispatcher rounds (1 s apart in tests) must not send it again.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        List<GreenMailApi.Received> mails = GreenMailApi.messagesFor(email);
        assertEquals(1, mails.size(), "exactly one reminder");

        GreenMailApi.Received mail = mails.get(0);
        String body = mail.body();
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        String day = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(soon.atZone(oslo));
        String time = DateTimeFormatter.ofPattern("HH:mm", Locale.UK).format(soon.atZone(oslo));
        assertTrue(mail.subject().contains("Northside Clinic"), mail.subject());
        assertTrue(body.contains("Hello Zoë,"), body);
        assertTrue(body.contains(day) && body.contains(time), day + " " + time + " in\n" + body);
        assertTrue(body.contains("+44 20 7946 0101"), body);
        assertTrue(mail.decoded().contains("From: SecureBase <no-reply@securebase.test>"), mail.decoded());
        assertTrue(mail.decoded().contains("To: " + email), mail.decoded());
        assertTrue(mail.decoded().contains("text/html"), "an HTML part beside the text");
        // Our own Message-ID, once: a retry after a lost SMTP reply is then recognisably the same mail.
        UUID reminderId = remindersOf(clientId).stream()
                .filter(r -> r.boosterId.equals(soonBooster) && r.leadTime.equals("P7D")).findFirst().orElseThrow().id;
        String headers = mail.decoded().substring(0, mail.decoded().indexOf("\r\n\r\n"));
        assertTrue(headers.contains("Message-ID: <booster-reminder." + reminderId + "@securebase.test>"), headers);
        assertEquals(1, ("\n" + headers).toLowerCase(Locale.ROOT).split("\nmessage-id:", -1).length - 1, headers);
        ClinicalWords.assertNone("subject", mail.subject());
        ClinicalWords.assertNone("reminder e-mail", body);

        // The delivery log answers "was this client reminded, when, how".
        given().auth().oauth2(Tokens.of("clara")).queryParam("clientId", clientId).get("/reminders")
                .then().statusCode(200)
                .body("", hasSize(6))
                .body("find { it.boosterId == '%s' && it.leadTime == 'P7D' }.status".formatted(soonBooster),
                        equalTo("SENT"))
                .body("find { it.boosterId == '%s' && it.leadTime == 'P7D' }.channel".formatted(soonBooster),
                        equalTo("EMAIL"))
                .body("find { it.boosterId == '%s' && it.leadTime == 'P7D' }.sentAt".formatted(soonBooster),
                        notNullValue())
                .body("find { it.boosterId == '%s' && it.leadTime == 'P1D' }.status".formatted(soonBooster),
                        equalTo("PENDING"))
                .body("findAll { it.status == 'SENT' }", hasSize(1));
        given().auth().oauth2(Tokens.of("hana")).queryParam("clientId", clientId).get("/reminders")
                .then().statusCode(200).body("", hasSize(6));
        given().auth().oauth2(Tokens.of("colin")).queryParam("clientId", clientId).get("/reminders")
                .then().statusCode(200).body("", empty());

        // A day later (by the service's clock) the 1-day reminder goes, and only it.
        try {
            clock.advance(Duration.between(Instant.now(), soon.minus(Duration.ofDays(1))).plusMinutes(1));
            await().atMost(WITHIN).until(() -> GreenMailApi.messagesFor(email).size() >= 2);
        } finally {
            clock.reset();
        }
        assertEquals(2, GreenMailApi.messagesFor(email).size());
        // The server has the mail before the batch's transaction marks it sent.
        await().atMost(WITHIN).until(() -> remindersOf(clientId).stream().filter(r -> r.status == DeliveryStatus.SENT).count() >= 2);
        List<BoosterReminder> sent = remindersOf(clientId).stream().filter(r -> r.status == DeliveryStatus.SENT).toList();
        assertEquals(2, sent.size());
        assertTrue(sent.stream().allMatch(r -> r.boosterId.equals(soonBooster)));
    }

    @Test
    void aClientWhoPrefersSmsIsNotMailedEvenWithEmailConsentAndTheLogSaysWhy() {
        String email = Events.uniqueAddress("sasha", "example.test");
        UUID clientId = UUID.randomUUID();
        Events.publishTwice(INTAKE, new ClientRegistered(clientId, "harbour", "Sasha", email, "+44 7700 900456",
                "SMS", "en-GB", "Europe/London"));
        Events.consents(clientId, "harbour", "CONTACT_EMAIL", "CONTACT_SMS");
        await().atMost(WITHIN).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ClientContact.findById(clientId) != null));
        Events.publishTwice(SESSIONS, new MaintenanceStarted(UUID.randomUUID(), clientId, "harbour", "colin",
                List.of(new Booster(UUID.randomUUID(), Instant.now().plus(Duration.ofDays(2))))));

        await().atMost(WITHIN).until(() -> remindersOf(clientId).stream()
                .anyMatch(r -> r.status == DeliveryStatus.SKIPPED));
        BoosterReminder skipped = remindersOf(clientId).stream()
                .filter(r -> r.status == DeliveryStatus.SKIPPED).findFirst().orElseThrow();
        assertEquals(ReminderRouting.SMS_NOT_CONFIGURED, skipped.reason);
        assertEquals(ContactChannel.SMS, skipped.channel);
        assertEquals(List.of(), GreenMailApi.messagesFor(email));
    }

    @Test
    void aReminderWaitsForContactDetailsThatHaveNotArrivedYet() {
        UUID clientId = UUID.randomUUID();
        Events.publishTwice(SESSIONS, new MaintenanceStarted(UUID.randomUUID(), clientId, "northside", "clara",
                List.of(new Booster(UUID.randomUUID(), Instant.now().plus(Duration.ofDays(2))))));

        await().atMost(WITHIN).until(() -> remindersOf(clientId).stream()
                .anyMatch(r -> ReminderRouting.AWAITING_CONTACT.equals(r.reason)));
        BoosterReminder waiting = remindersOf(clientId).stream()
                .filter(r -> ReminderRouting.AWAITING_CONTACT.equals(r.reason)).findFirst().orElseThrow();
        assertEquals(DeliveryStatus.PENDING, waiting.status);
        assertEquals(0, waiting.attempts);
    }

    @Test
    void aBoosterAlreadyPastGetsNoReminder() {
        UUID clientId = UUID.randomUUID();
        UUID past = UUID.randomUUID();
        UUID sentinel = UUID.randomUUID();
        Events.publishTwice(SESSIONS, new MaintenanceStarted(UUID.randomUUID(), clientId, "northside", "clara",
                List.of(new Booster(past, Instant.now().minus(Duration.ofHours(1))),
                        new Booster(sentinel, Instant.now().plus(Duration.ofDays(20))))));

        await().atMost(WITHIN).until(() -> remindersOf(clientId).size() == 2);
        assertTrue(remindersOf(clientId).stream().allMatch(r -> r.boosterId.equals(sentinel)));
    }

    @Test
    void remindersOfBoostersCalledOffAreCancelledNotSent() {
        UUID clientId = UUID.randomUUID();
        UUID episodeId = UUID.randomUUID();
        UUID calledOff = UUID.randomUUID();
        Events.publishTwice(SESSIONS, new MaintenanceStarted(episodeId, clientId, "northside", "clara",
                List.of(new Booster(calledOff, Instant.now().plus(Duration.ofDays(30))))));
        await().atMost(WITHIN).until(() -> remindersOf(clientId).size() == 2);

        Events.publishTwice(SESSIONS, new MaintenanceEnded(episodeId, clientId, "northside", "DISCHARGED",
                List.of(calledOff)));

        await().atMost(WITHIN).until(() -> remindersOf(clientId).stream()
                .allMatch(r -> r.status == DeliveryStatus.CANCELLED));
        assertTrue(remindersOf(clientId).stream().allMatch(r -> r.sentAt == null && r.nextAttemptAt == null));
    }
}
