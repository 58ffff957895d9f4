package care.securebase.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.BoosterRecorded;
import care.securebase.events.BoosterScheduleChanged;
import care.securebase.events.ClientRegistered;
import care.securebase.events.EventEnvelope;
import care.securebase.events.MaintenanceStarted;
import care.securebase.events.MaintenanceStarted.Booster;
import care.securebase.events.ReferralOverdue;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import care.securebase.notifications.delivery.ReminderRouting;
import care.securebase.notifications.service.ReminderService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reminders over their life: opt-out by link, schedule changes, attended and missed boosters, quiet
 * hours and clinic lead times; and notices to staff from events. Every event is delivered twice.
 */
@QuarkusTest
class LifecycleEndToEndTest {

    static final String INTAKE = "test-intake-events";
    static final String SESSIONS = "test-sessions-events";
    static final String REFERRALS = "test-referrals-events";
    static final String NOTIFICATIONS = "test-notifications-events";
    static final Duration WITHIN = Duration.ofSeconds(30);
    static final Pattern OPT_OUT_LINK = Pattern.compile("http://localhost:8084/opt-out\\?token=([A-Za-z0-9_\\-.]+)");

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static List<BoosterReminder> remindersOf(UUID clientId) {
        return RemindersEndToEndTest.remindersOf(clientId);
    }

    static BoosterReminder reminder(UUID clientId, UUID boosterId, String lead, Instant appointment) {
        return remindersOf(clientId).stream().filter(r -> r.boosterId.equals(boosterId) && r.leadTime.equals(lead)
                && r.appointmentAt.equals(appointment)).findFirst().orElseThrow();
    }

    void moveClockTo(Instant at) {
        clock.reset();
        clock.advance(Duration.between(Instant.now(), at));
    }

    static UUID emailClient(String clinic, String email, String language, String zone) {
        UUID clientId = UUID.randomUUID();
        Events.publishTwice(INTAKE, new ClientRegistered(clientId, clinic, "Kim", email, "+44 7700 900777", "EMAIL",
                language, zone));
        Events.consents(clientId, clinic, "CONTACT_EMAIL");
        await().atMost(WITHIN).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ClientContact.findById(clientId) != null));
        return clientId;
    }

    @Test
    void theOptOutLinkWorksWithoutLoginStopsTheNextReminderAndTellsTheClinic() {
        String email = Events.uniqueAddress("kim", "example.test");
        UUID clientId = emailClient("northside", email, "en-GB", "Europe/London");
        UUID booster = UUID.randomUUID();
        Instant appointment = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
        Events.publishTwice(SESSIONS, new MaintenanceStarted(UUID.randomUUID(), clientId, "northside", "clara",
                List.of(new Booster(booster, appointment))));

        await().atMost(WITHIN).until(() -> GreenMailApi.messagesFor(email).size() == 1);
        GreenMailApi.Received mail = GreenMailApi.messagesFor(email).get(0);
        String raw = mail.decoded();
        assertTrue(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), raw);
        assertTrue(raw.contains("List-Unsubscribe: <http://localhost:8084/opt-out?token="), raw);
        // The sent one: the booster's other reminder (one day before) is still pending.
        UUID reminderId = QuarkusTransaction.requiringNew().call(() -> BoosterReminder.<BoosterReminder>find(
                "clientId = ?1 and status = ?2", clientId, DeliveryStatus.SENT).singleResult().id);
        assertTrue(raw.contains("Message-ID: <booster-reminder." + reminderId + "@securebase.test>"), raw);
        Matcher link = OPT_OUT_LINK.matcher(mail.body());
        assertTrue(link.find(), mail.body());
        String token = link.group(1);

        // No login needed; GET only shows the button, so a mail scanner following links opts nobody out.
        given().queryParam("token", token).get("/opt-out").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("<button"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ContactOptOut.count("key.clientId", clientId)));

        // Tampered or garbage tokens are a 400, never a 500.
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        given().queryParam("token", tampered).post("/opt-out").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("token"));
        given().queryParam("token", "not-a-token").get("/opt-out").then().statusCode(400);
        given().get("/opt-out").then().statusCode(400);

        // RFC 8058 one-click, as a mail client sends it; twice, as a user might.
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click").queryParam("token", token)
                    .post("/opt-out").then().statusCode(200).body(containsString("no longer receive"));
        }
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ContactOptOut.count("key.clientId", clientId)));

        // The next reminder (a day before) is skipped, and says why.
        moveClockTo(appointment.minus(Duration.ofDays(1)).plusSeconds(30));
        await().atMost(WITHIN).until(() -> reminder(clientId, booster, "P1D", appointment).status != DeliveryStatus.PENDING);
        BoosterReminder next = reminder(clientId, booster, "P1D", appointment);
        assertEquals(DeliveryStatus.SKIPPED, next.status);
        assertEquals(ReminderRouting.OPTED_OUT, next.reason);
        assertEquals(1, GreenMailApi.messagesFor(email).size());

        // Announced once, and northside's clinic-admin (ada) sees it in the portal; harbour's does not.
        List<EventEnvelope> optedOut = TestKafka.read(NOTIFICATIONS, WITHIN, seen -> seen.stream()
                .anyMatch(e -> e.type().equals("contact-opted-out") && e.subject().equals(clientId.toString())));
        assertEquals(1, optedOut.stream().filter(e -> e.type().equals("contact-opted-out")
                && e.subject().equals(clientId.toString())).count());
        given().auth().oauth2(Tokens.of("ada")).queryParam("size", 100).get("/inbox").then().statusCode(200)
                .body("items.find { it.clientId == '%s' }.kind".formatted(clientId), equalTo("CONTACT_OPTED_OUT"));
        given().auth().oauth2(Tokens.of("hana")).queryParam("size", 100).get("/inbox").then().statusCode(200)
                .body("items.find { it.clientId == '%s' }".formatted(clientId), equalTo(null));
    }

    @Test
    void aSentReminderIsAnnouncedAndTheDeliveryLogSaysWhenAndHow() {
        String email = Events.uniqueAddress("lee", "example.test");
        UUID clientId = emailClient("northside", email, "en-GB", "Europe/London");
        Events.publishTwice(SESSIONS, new MaintenanceStarted(UUID.randomUUID(), clientId, "northside", "clara",
                List.of(new Booster(UUID.randomUUID(), Instant.now().plus(Duration.ofDays(3))))));
        await().atMost(WITHIN).until(() -> GreenMailApi.messagesFor(email).size() == 1);
        List<EventEnvelope> sent = TestKafka.read(NOTIFICATIONS, WITHIN, seen -> seen.stream()
                .anyMatch(e -> e.type().equals("reminder-sent") && e.subject().equals(clientId.toString())));
        EventEnvelope event = sent.stream().filter(e -> e.type().equals("reminder-sent")
                && e.subject().equals(clientId.toString())).findFirst().orElseThrow();
        assertEquals("EMAIL", event.data().get("channel").asText());
        assertFalse(event.data().toString().contains(email), "no address in the event");

        given().auth().oauth2(Tokens.of("clara")).queryParam("clientId", clientId).get("/deliveries")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.find { it.status == 'SENT' }.channel", equalTo("EMAIL"))
                .body("items.find { it.status == 'SENT' }.kind", equalTo("BOOSTER_REMINDER"))
                .body("items.find { it.status == 'SENT' }.attempts", equalTo(1))
                .body(org.hamcrest.Matchers.not(containsString(email)));
        given().auth().oauth2(Tokens.of("colin")).queryParam("clientId", clientId).get("/deliveries")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aScheduleChangeMovesReminderCancelsMissingBoostersAndPlansNewOnes() {
        UUID clientId = UUID.randomUUID();
        UUID episode = UUID.randomUUID();
        UUID moved = UUID.randomUUID();
        UUID dropped = UUID.randomUUID();
        UUID added = UUID.randomUUID();
        Instant in30 = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MINUTES);
        Instant in40 = in30.plus(Duration.ofDays(10));
        Instant in50 = in30.plus(Duration.ofDays(20));
        Events.publishTwice(SESSIONS, new MaintenanceStarted(episode, clientId, "northside", "clara",
                List.of(new Booster(moved, in30), new Booster(dropped, in40))));
        await().atMost(WITHIN).until(() -> remindersOf(clientId).size() == 4);

        Events.publishTwice(SESSIONS, new BoosterScheduleChanged(episode, clientId, "northside", "clara",
                List.of(new Booster(moved, in40), new Booster(added, in50))));
        await().atMost(WITHIN).until(() -> remindersOf(clientId).size() == 8);
        assertEquals(DeliveryStatus.CANCELLED, reminder(clientId, moved, "P7D", in30).status);
        assertEquals(ReminderService.MOVED, reminder(clientId, moved, "P7D", in30).reason);
        assertEquals(ReminderService.CALLED_OFF, reminder(clientId, dropped, "P1D", in40).reason);
        BoosterReminder movedDayBefore = reminder(clientId, moved, "P1D", in40);
        assertEquals(DeliveryStatus.PENDING, movedDayBefore.status);
        assertEquals(in40.minus(Duration.ofDays(1)), movedDayBefore.sendAt);
        assertEquals(DeliveryStatus.PENDING, reminder(clientId, added, "P7D", in50).status);

        // Back to the first date: that date's reminders come back rather than being planned twice.
        Events.publishTwice(SESSIONS, new BoosterScheduleChanged(episode, clientId, "northside", "clara",
                List.of(new Booster(moved, in30), new Booster(added, in50))));
        await().atMost(WITHIN).until(() -> reminder(clientId, moved, "P7D", in30).status == DeliveryStatus.PENDING);
        assertEquals(8, remindersOf(clientId).size());
        assertEquals(DeliveryStatus.CANCELLED, reminder(clientId, moved, "P1D", in40).status);
    }

    @Test
    void aRecordedBoosterEndsItsRemindersAndAMissedOneTellsTheClinician() {
        UUID clientId = UUID.randomUUID();
        UUID episode = UUID.randomUUID();
        UUID attended = UUID.randomUUID();
        UUID missed = UUID.randomUUID();
        Instant in20 = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.MINUTES);
        Events.publishTwice(SESSIONS, new MaintenanceStarted(episode, clientId, "northside", "clara",
                List.of(new Booster(attended, in20), new Booster(missed, in20.plus(Duration.ofDays(5))))));
        await().atMost(WITHIN).until(() -> remindersOf(clientId).size() == 4);

        Events.publishTwice(SESSIONS, new BoosterRecorded(episode, clientId, "northside", "clara", attended, "ATTENDED"));
        Events.publishTwice(SESSIONS, new BoosterRecorded(episode, clientId, "northside", "clara", missed, "MISSED"));
        await().atMost(WITHIN).until(() -> remindersOf(clientId).stream().allMatch(r -> r.status == DeliveryStatus.CANCELLED));
        assertTrue(remindersOf(clientId).stream().filter(r -> r.boosterId.equals(missed))
                .allMatch(r -> ReminderService.MISSED.equals(r.reason)));
        assertTrue(remindersOf(clientId).stream().filter(r -> r.boosterId.equals(attended))
                .allMatch(r -> ReminderService.ATTENDED.equals(r.reason)));

        // One notice (e-mail and inbox) to clara about the missed one; none about the attended one.
        await().atMost(WITHIN).until(() -> GreenMailApi.messagesFor("clara@securebase.test").stream()
                .anyMatch(m -> m.decoded().contains("/clients/" + clientId)));
        List<StaffNotice> notices = QuarkusTransaction.requiringNew().call(() -> StaffNotice.about(missed));
        assertEquals(1, notices.size());
        assertEquals(StaffNoticeKind.MISSED_BOOSTER, notices.get(0).kind);
        assertEquals("clara", notices.get(0).recipient);
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> StaffNotice.about(attended)));
        GreenMailApi.Received mail = GreenMailApi.messagesFor("clara@securebase.test").stream()
                .filter(m -> m.decoded().contains("/clients/" + clientId)).findFirst().orElseThrow();
        ClinicalWords.assertNoneForStaff("missed-appointment notice", mail.body());

        String clara = Tokens.of("clara");
        String id = given().auth().oauth2(clara).queryParam("size", 100).get("/inbox").then().statusCode(200)
                .body("items.find { it.subjectId == '%s' }.kind".formatted(missed), equalTo("MISSED_BOOSTER"))
                .body("items.find { it.subjectId == '%s' }.readAt".formatted(missed), equalTo(null))
                .extract().path("items.find { it.subjectId == '%s' }.id".formatted(missed));
        // Only one's own: colin cannot read or mark clara's notice.
        given().auth().oauth2(Tokens.of("colin")).post("/inbox/" + id + "/read").then().statusCode(404);
        given().auth().oauth2(clara).post("/inbox/" + id + "/read").then().statusCode(200)
                .body("readAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anOverdueReferralTellsItsCoordinatorOncePerKind() {
        UUID referral = UUID.randomUUID();
        UUID clientId = UUID.randomUUID();
        Events.publishTwice(REFERRALS, new ReferralOverdue(referral, clientId, "northside", "riverside-family",
                "carmen", "UNANSWERED"));
        Events.publishTwice(REFERRALS, new ReferralOverdue(referral, clientId, "northside", "riverside-family",
                "carmen", "UNANSWERED"));
        await().atMost(WITHIN).until(() -> GreenMailApi.messagesFor("carmen@securebase.test").stream()
                .anyMatch(m -> m.decoded().contains("/referrals/" + referral)));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertEquals(1, GreenMailApi.messagesFor("carmen@securebase.test").stream()
                .filter(m -> m.decoded().contains("/referrals/" + referral)).count());
        given().auth().oauth2(Tokens.of("carmen")).queryParam("size", 100).get("/inbox").then().statusCode(200)
                .body("items.find { it.subjectId == '%s' }.kind".formatted(referral), equalTo("REFERRAL_OVERDUE"))
                .body("items.find { it.subjectId == '%s' }.link".formatted(referral),
                        equalTo("http://localhost:8080/referrals/" + referral));
    }

    @Test
    void quietHoursInTheClientsZoneDeferAReminderToTheMorningAndClinicLeadTimesApply() {
        String hana = Tokens.of("hana");
        try {
            given().auth().oauth2(hana).contentType(ContentType.JSON)
                    .body(Map.of("leadTimes", List.of("P2D"), "quietStart", "21:00", "quietEnd", "08:00",
                            "defaultLanguage", "en-GB"))
                    .put("/settings").then().statusCode(200).body("leadTimes", equalTo(List.of("P2D")));
            ZoneId warsaw = ZoneId.of("Europe/Warsaw");
            String email = Events.uniqueAddress("ola", "example.test");
            UUID clientId = emailClient("harbour", email, "pl-PL", "Europe/Warsaw");
            LocalDate day = LocalDate.now(warsaw).plusDays(5);
            Instant appointment = ZonedDateTime.of(day, LocalTime.of(12, 0), warsaw).toInstant();
            UUID booster = UUID.randomUUID();
            Events.publishTwice(SESSIONS, new MaintenanceStarted(UUID.randomUUID(), clientId, "harbour", "colin",
                    List.of(new Booster(booster, appointment))));
            await().atMost(WITHIN).until(() -> remindersOf(clientId).size() == 1);
            assertEquals("P2D", remindersOf(clientId).get(0).leadTime);

            // 23:00 in Warsaw two days before: due, but quiet there; it waits for 08:00 Warsaw.
            moveClockTo(ZonedDateTime.of(day.minusDays(2), LocalTime.of(23, 0), warsaw).toInstant());
            Instant morning = ZonedDateTime.of(day.minusDays(1), LocalTime.of(8, 0), warsaw).toInstant();
            await().atMost(WITHIN).until(() -> ReminderRouting.QUIET_HOURS.equals(remindersOf(clientId).get(0).reason));
            assertEquals(morning, remindersOf(clientId).get(0).nextAttemptAt);
            assertEquals(DeliveryStatus.PENDING, remindersOf(clientId).get(0).status);
            assertEquals(List.of(), GreenMailApi.messagesFor(email));

            moveClockTo(morning.plusSeconds(20));
            await().atMost(WITHIN).until(() -> GreenMailApi.messagesFor(email).size() == 1);
            // The server has it before our commit marks it SENT.
            await().atMost(WITHIN).until(() -> remindersOf(clientId).get(0).status == DeliveryStatus.SENT);
            BoosterReminder sent = remindersOf(clientId).get(0);
            assertEquals(DeliveryStatus.SENT, sent.status);
            assertFalse(sent.sentAt.isBefore(morning));
            GreenMailApi.Received mail = GreenMailApi.messagesFor(email).get(0);
            assertTrue(mail.body().contains("Dzień dobry, Kim!"), mail.body());
            assertTrue(mail.body().contains("12:00"), mail.body());
            ClinicalWords.assertNone("reminder", mail.body());
        } finally {
            given().auth().oauth2(hana).contentType(ContentType.JSON)
                    .body(Map.of("leadTimes", List.of("P7D", "P1D"), "quietStart", "00:00", "quietEnd", "00:00",
                            "defaultLanguage", "en-GB"))
                    .put("/settings").then().statusCode(200);
        }
    }
}
