package care.securebase.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.AppointmentCancelRequested;
import care.securebase.events.CheckInFlagged;
import care.securebase.events.EventEnvelope;
import care.securebase.kit.testing.BacklogMetricsContract;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A check-in's flags and a client's request to cancel, as staff hear of them: a risk answer by e-mail to
 * the on-call clinician at once (Keycloak has clara@securebase.test), measured like an intake's; the
 * rest in the clinician's inbox. Every event is delivered twice.
 */
@QuarkusTest
class CheckInFlagsEndToEndTest {

    static final String SESSIONS = "test-sessions-events";
    static final Duration WITHIN = Duration.ofSeconds(30);

    static List<StaffNotice> noticesAbout(UUID subjectId) {
        return QuarkusTransaction.requiringNew().call(() -> StaffNotice.about(subjectId));
    }

    static double latencyCount() {
        return BacklogMetricsContract.scrape().value("securebase_notifications_oncall_latency_seconds_count", Map.of())
                .orElse(0);
    }

    static List<Map<String, Object>> inbox(String user) {
        return given().auth().oauth2(Tokens.of(user)).queryParam("size", 100).get("/inbox").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    @Test
    void aRiskAnswerMailsTheOnCallClinicianAtOnceAndTellsTheClinicianInTheirInbox() {
        UUID clientId = UUID.randomUUID();
        UUID checkInId = UUID.randomUUID();
        double latencyBefore = latencyCount();
        Events.publishTwice(SESSIONS, new CheckInFlagged(checkInId, UUID.randomUUID(), clientId, "northside", "tara",
                "RISK", "clara"));

        await().atMost(WITHIN).until(() -> !OnCallNoticesEndToEndTest.mailsAbout(clientId).isEmpty());
        OnCallNoticesEndToEndTest.settle();
        List<GreenMailApi.Received> mails = OnCallNoticesEndToEndTest.mailsAbout(clientId);
        assertEquals(1, mails.size(), "exactly one on-call notice");
        GreenMailApi.Received mail = mails.get(0);
        assertEquals("Urgent: a client at Northside Clinic needs contact today", mail.subject());
        assertFalse(mail.decoded().contains(checkInId.toString()), "no check-in id");
        ClinicalWords.assertNoneForStaff("check-in risk notice", mail.body());

        List<StaffNotice> notices = noticesAbout(checkInId);
        assertEquals(2, notices.size(), "the on-call clinician's and the clinician's");
        StaffNotice onCall = notices.stream().filter(n -> "clara".equals(n.recipient)).findFirst().orElseThrow();
        assertEquals(StaffNoticeKind.CHECK_IN_RISK, onCall.kind);
        assertEquals(StaffNotice.EMAIL, onCall.channel);
        assertEquals(DeliveryStatus.SENT, onCall.status);
        StaffNotice clinician = notices.stream().filter(n -> "tara".equals(n.recipient)).findFirst().orElseThrow();
        assertEquals(StaffNotice.PORTAL, clinician.channel);
        // Measured by the on-call latency, from the flag's event time.
        await().atMost(Duration.ofSeconds(15)).until(() -> latencyCount() >= latencyBefore + 1);

        assertTrue(inbox("tara").stream().anyMatch(i -> "CHECK_IN_RISK".equals(i.get("kind"))
                && String.valueOf(i.get("link")).endsWith("/clients/" + clientId)));
        assertTrue(inbox("clara").stream().anyMatch(i -> "CHECK_IN_RISK".equals(i.get("kind"))
                && clientId.toString().equals(i.get("clientId"))));
    }

    @Test
    void aRiskAnswerWithNobodyOnCallIsRecordedAsUnreachedAndStillReachesTheClinician() {
        UUID checkInId = UUID.randomUUID();
        double before = BacklogMetricsContract.scrape()
                .value("securebase_notifications_oncall_unreached_total", Map.of("reason", "nobody-on-call")).orElse(0);
        Events.publishTwice(SESSIONS, new CheckInFlagged(checkInId, UUID.randomUUID(), UUID.randomUUID(), "northside",
                "tara", "RISK", null));

        await().atMost(WITHIN).until(() -> noticesAbout(checkInId).size() == 2);
        StaffNotice skipped = noticesAbout(checkInId).stream().filter(n -> n.recipient == null).findFirst().orElseThrow();
        assertEquals(DeliveryStatus.SKIPPED, skipped.status);
        assertEquals("nobody-on-call", skipped.reason);
        assertTrue(noticesAbout(checkInId).stream().anyMatch(n -> "tara".equals(n.recipient)));
        await().atMost(Duration.ofSeconds(15)).until(() -> BacklogMetricsContract.scrape()
                .value("securebase_notifications_oncall_unreached_total", Map.of("reason", "nobody-on-call"))
                .orElse(0) >= before + 1);
    }

    @Test
    void otherFlagsAndACancelRequestGoToTheCliniciansInboxOnlyOnceEach() {
        UUID clientId = UUID.randomUUID();
        UUID episodeId = UUID.randomUUID();
        UUID worse = UUID.randomUUID();
        UUID signs = UUID.randomUUID();
        UUID missed = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        Events.publishTwice(SESSIONS, new CheckInFlagged(worse, episodeId, clientId, "northside", "clara",
                "DETERIORATION", null));
        Events.publishTwice(SESSIONS, new CheckInFlagged(signs, episodeId, clientId, "northside", "clara",
                "WARNING_SIGNS", null));
        Events.publishTwice(SESSIONS, new CheckInFlagged(missed, episodeId, clientId, "northside", "clara",
                "MISSED", null));
        EventEnvelope last = Events.publishTwice(SESSIONS, new AppointmentCancelRequested(session, clientId, "northside",
                "clara"));
        // The same cancel request announced again in a new event adds nothing.
        TestKafka.publish(SESSIONS, new AppointmentCancelRequested(session, clientId, "northside", "clara"));
        await().atMost(WITHIN).until(() -> OnCallNoticesEndToEndTest.handled(last) && noticesAbout(session).size() == 1);
        OnCallNoticesEndToEndTest.settle();

        Map<UUID, StaffNoticeKind> expected = Map.of(worse, StaffNoticeKind.CHECK_IN_DETERIORATION,
                signs, StaffNoticeKind.CHECK_IN_WARNING_SIGNS, missed, StaffNoticeKind.CHECK_INS_MISSED,
                session, StaffNoticeKind.APPOINTMENT_CANCEL_REQUESTED);
        expected.forEach((subject, kind) -> {
            List<StaffNotice> notices = noticesAbout(subject);
            assertEquals(1, notices.size(), kind.name());
            StaffNotice n = notices.get(0);
            assertEquals(kind, n.kind);
            assertEquals("clara", n.recipient);
            assertEquals(StaffNotice.PORTAL, n.channel, "inbox only");
            assertEquals(clientId, n.clientId);
            assertNull(n.readAt);
        });
        List<Map<String, Object>> items = inbox("clara").stream()
                .filter(i -> clientId.toString().equals(i.get("clientId"))).toList();
        assertEquals(4, items.size(), items.toString());
        for (Map<String, Object> item : items) {
            ClinicalWords.assertNoneForStaff("inbox title", String.valueOf(item.get("title")));
        }
        assertEquals(List.of(), OnCallNoticesEndToEndTest.mailsAbout(clientId), "nothing mailed");
        assertEquals(List.of(), inbox("colin").stream().filter(i -> clientId.toString().equals(i.get("clientId"))).toList());
    }
}
