package care.securebase.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.AppointmentCancelled;
import care.securebase.events.AppointmentScheduled;
import care.securebase.events.ClientRegistered;
import care.securebase.kit.testing.Tokens;
import care.securebase.notifications.service.AppointmentService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * sessions' appointment-scheduled / -cancelled to reminders at the clinic's lead times for sessions,
 * with the confirm / cancel link and the video link. Every event is delivered twice.
 */
@QuarkusTest
class AppointmentsEndToEndTest {

    static final String INTAKE = "test-intake-events";
    static final String SESSIONS = "test-sessions-events";
    static final Duration WITHIN = Duration.ofSeconds(30);
    static final String VIDEO = "https://video.northside.example/room/8f3a";

    static List<AppointmentReminder> remindersOf(UUID sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> AppointmentReminder.ofSession(sessionId));
    }

    @Test
    void aSessionWithinItsLeadTimeIsRemindedOnceWithWhenInTheClientsZoneAndItsLinks() {
        String email = Events.uniqueAddress("noor", "example.test");
        UUID clientId = UUID.randomUUID();
        Events.publishTwice(INTAKE, new ClientRegistered(clientId, "northside", "Noor", email, null, "EMAIL", "en-GB",
                "Europe/Oslo"));
        Events.consents(clientId, "northside", "CONTACT_EMAIL");
        await().atMost(WITHIN).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ClientContact.findById(clientId) != null));

        // In 20 hours: its one-day reminder is due at once.
        Instant startsAt = Instant.now().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.MINUTES);
        UUID sessionId = UUID.randomUUID();
        String token = CheckInsEndToEndTest.token();
        Events.publishTwice(SESSIONS, new AppointmentScheduled(sessionId, UUID.randomUUID(), clientId, "northside",
                "clara", startsAt, token, VIDEO));

        await().atMost(WITHIN).until(() -> !GreenMailApi.messagesFor(email).isEmpty());
        CheckInsEndToEndTest.settle();
        List<GreenMailApi.Received> mails = GreenMailApi.messagesFor(email);
        assertEquals(1, mails.size(), "exactly one reminder");
        GreenMailApi.Received mail = mails.get(0);
        String body = mail.body();
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        String day = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(startsAt.atZone(oslo));
        String time = DateTimeFormatter.ofPattern("HH:mm", Locale.UK).format(startsAt.atZone(oslo));
        assertTrue(mail.subject().startsWith("Your appointment at Northside Clinic on "), mail.subject());
        assertTrue(body.contains(day) && body.contains(time), day + " " + time + " in\n" + body);
        assertTrue(body.contains("http://localhost:8080/a/" + token), body);
        assertTrue(body.contains(VIDEO), body);
        assertFalse(mail.decoded().contains("Noor"), "no name");
        ClinicalWords.assertNone("subject", mail.subject());
        ClinicalWords.assertNone("session reminder", body);

        List<AppointmentReminder> rows = remindersOf(sessionId);
        assertEquals(1, rows.size());
        AppointmentReminder row = rows.get(0);
        assertEquals(DeliveryStatus.SENT, row.status);
        assertEquals("P1D", row.leadTime);
        assertNull(row.link, "the link token is not kept once the reminder went");
        assertTrue(mail.decoded().contains("Message-ID: <appointment-reminder." + row.id + "@securebase.test>"));
        given().auth().oauth2(Tokens.of("clara")).queryParam("clientId", clientId)
                .queryParam("kind", "APPOINTMENT_REMINDER").get("/deliveries").then().statusCode(200)
                .body("items[0].subjectId", equalTo(sessionId.toString()))
                .body("items[0].status", equalTo("SENT"));
    }

    @Test
    void aMovedSessionsRemindersArePlannedAgainAndACancelledSessionsAreCalledOff() {
        UUID clientId = UUID.randomUUID(); // no contact details needed: nothing here is due yet
        UUID sessionId = UUID.randomUUID();
        UUID episodeId = UUID.randomUUID();
        Instant first = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES);
        Instant moved = first.plus(Duration.ofDays(2));
        Events.publishTwice(SESSIONS, new AppointmentScheduled(sessionId, episodeId, clientId, "northside", "clara",
                first, CheckInsEndToEndTest.token(), null));
        await().atMost(WITHIN).until(() -> remindersOf(sessionId).size() == 1);
        AppointmentReminder planned = remindersOf(sessionId).get(0);
        assertEquals(first.minus(Duration.ofDays(1)), planned.sendAt);
        assertEquals(DeliveryStatus.PENDING, planned.status);
        assertNull(planned.videoLink);

        Events.publishTwice(SESSIONS, new AppointmentScheduled(sessionId, episodeId, clientId, "northside", "clara",
                moved, CheckInsEndToEndTest.token(), VIDEO));
        await().atMost(WITHIN).until(() -> remindersOf(sessionId).size() == 2);
        Map<Instant, AppointmentReminder> byStart = byStart(sessionId);
        assertEquals(DeliveryStatus.CANCELLED, byStart.get(first).status);
        assertEquals(AppointmentService.MOVED, byStart.get(first).reason);
        assertNull(byStart.get(first).link);
        assertEquals(DeliveryStatus.PENDING, byStart.get(moved).status);
        assertEquals(moved.minus(Duration.ofDays(1)), byStart.get(moved).nextAttemptAt);
        assertEquals(VIDEO, byStart.get(moved).videoLink);

        // Moved back: the first time's reminder is planned again, with the newest link.
        String newest = CheckInsEndToEndTest.token();
        Events.publishTwice(SESSIONS, new AppointmentScheduled(sessionId, episodeId, clientId, "northside", "clara",
                first, newest, null));
        await().atMost(WITHIN).until(() -> byStart(sessionId).get(first).status == DeliveryStatus.PENDING);
        byStart = byStart(sessionId);
        assertEquals(2, byStart.size());
        assertEquals(newest, byStart.get(first).link);
        assertEquals(AppointmentService.MOVED, byStart.get(moved).reason);

        Events.publishTwice(SESSIONS, new AppointmentCancelled(sessionId, clientId, "northside"));
        await().atMost(WITHIN).until(() -> byStart(sessionId).get(first).status == DeliveryStatus.CANCELLED);
        assertEquals(AppointmentService.CANCELLED, byStart(sessionId).get(first).reason);
        assertTrue(remindersOf(sessionId).stream().allMatch(r -> r.link == null && r.sentAt == null));
    }

    static Map<Instant, AppointmentReminder> byStart(UUID sessionId) {
        Map<Instant, AppointmentReminder> byStart = new HashMap<>();
        remindersOf(sessionId).forEach(r -> byStart.put(r.startsAt, r));
        return byStart;
    }

    @Test
    void aClinicSetsItsOwnLeadTimesForSessionsAndAnUpdateWithoutThemKeepsThem() {
        String hana = Tokens.of("hana");
        Map<String, Object> before = given().auth().oauth2(hana).get("/settings").then().statusCode(200)
                .extract().jsonPath().getMap("");
        Map<String, Object> restore = new HashMap<>(Map.of("leadTimes", before.get("leadTimes"),
                "appointmentLeadTimes", before.get("appointmentLeadTimes"), "quietStart", before.get("quietStart"),
                "quietEnd", before.get("quietEnd"), "defaultLanguage", before.get("defaultLanguage")));
        try {
            Map<String, Object> update = new HashMap<>(restore);
            update.put("appointmentLeadTimes", List.of("PT3H", "P2D"));
            given().auth().oauth2(hana).contentType(ContentType.JSON).body(update).put("/settings").then()
                    .statusCode(200).body("appointmentLeadTimes", equalTo(List.of("P2D", "PT3H")))
                    .body("leadTimes", equalTo(before.get("leadTimes")));
            // A client of the API that knows only the booster lead times changes nothing else.
            update.remove("appointmentLeadTimes");
            given().auth().oauth2(hana).contentType(ContentType.JSON).body(update).put("/settings").then()
                    .statusCode(200).body("appointmentLeadTimes", equalTo(List.of("P2D", "PT3H")));
            update.put("appointmentLeadTimes", List.of("P90D"));
            given().auth().oauth2(hana).contentType(ContentType.JSON).body(update).put("/settings").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("appointmentLeadTimes"));
            update.put("appointmentLeadTimes", List.of());
            given().auth().oauth2(hana).contentType(ContentType.JSON).body(update).put("/settings").then()
                    .statusCode(400).body("errors[0].field", equalTo("appointmentLeadTimes"));

            UUID sessionId = UUID.randomUUID();
            Instant startsAt = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MINUTES);
            Events.publishTwice(SESSIONS, new AppointmentScheduled(sessionId, UUID.randomUUID(), UUID.randomUUID(),
                    "harbour", "colin", startsAt, CheckInsEndToEndTest.token(), null));
            await().atMost(WITHIN).until(() -> remindersOf(sessionId).size() == 2);
            assertEquals(List.of("P2D", "PT3H"), remindersOf(sessionId).stream().map(r -> r.leadTime).toList());
            assertEquals(List.of(startsAt.minus(Duration.ofDays(2)), startsAt.minus(Duration.ofHours(3))),
                    remindersOf(sessionId).stream().map(r -> r.sendAt).toList());
        } finally {
            given().auth().oauth2(hana).contentType(ContentType.JSON).body(restore).put("/settings").then()
                    .statusCode(200);
        }
    }
}
