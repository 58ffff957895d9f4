package care.securebase.notifications;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.EventEnvelope;
import care.securebase.events.RiskFlagRaised;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A HIGH risk flag from intake reaches the on-call clinician by e-mail, to the address Keycloak has
 * for them (the realm's clara has clara@securebase.test). Other tests may mail clara too, so only
 * messages linking to this test's client are counted.
 */
@QuarkusTest
class OnCallNoticesEndToEndTest {

    static final String INTAKE = "test-intake-events";
    static final String CLARA = "clara@securebase.test";
    static final Duration WITHIN = Duration.ofSeconds(30);

    static List<StaffNotice> noticesOf(UUID intakeId) {
        return QuarkusTransaction.requiringNew().call(() -> StaffNotice.ofIntake(intakeId));
    }

    static boolean handled(EventEnvelope envelope) {
        return QuarkusTransaction.requiringNew().call(() -> StaffNotice.getEntityManager()
                .createNativeQuery("select count(*) from processed_event where event_id = :id")
                .setParameter("id", envelope.id()).getSingleResult().toString().equals("1"));
    }

    static List<GreenMailApi.Received> mailsAbout(UUID clientId) {
        return GreenMailApi.messagesFor(CLARA).stream()
                .filter(m -> m.decoded().contains("/clients/" + clientId)).toList();
    }

    static void settle() {
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
    }

    @Test
    void theOnCallClinicianIsMailedOnceAtTheAddressKeycloakHasWithALinkAndNothingClinical() {
        UUID clientId = UUID.randomUUID();
        UUID intakeId = UUID.randomUUID();
        Events.publishTwice(INTAKE, new RiskFlagRaised(clientId, "northside", intakeId, "HIGH", "PHQ9_ITEM9",
                null, "clara"));

        await().atMost(WITHIN).until(() -> !mailsAbout(clientId).isEmpty());
        settle();
        List<GreenMailApi.Received> mails = mailsAbout(clientId);
        assertEquals(1, mails.size(), "exactly one on-call notice");
        List<StaffNotice> notices = noticesOf(intakeId);
        assertEquals(1, notices.size());
        StaffNotice notice = notices.get(0);
        assertEquals(DeliveryStatus.SENT, notice.status);
        assertEquals(StaffNoticeKind.ON_CALL_RISK, notice.kind);
        assertEquals("clara", notice.recipient);
        assertEquals("northside", notice.clinicId);
        assertEquals(clientId, notice.clientId);
        assertNotNull(notice.sentAt);
        assertNull(notice.reason);

        GreenMailApi.Received mail = mails.get(0);
        assertEquals("Urgent: a new client at Northside Clinic needs contact today", mail.subject());
        String body = mail.body();
        assertTrue(body.contains("http://localhost:8080/clients/" + clientId), body);
        assertTrue(body.contains("Northside Clinic"), body);
        assertFalse(mail.decoded().contains(intakeId.toString()), "no intake id");
        assertFalse(body.contains("PHQ9"), "not what raised the flag");
        ClinicalWords.assertNoneForStaff("on-call notice", body);
    }

    @Test
    void anOnCallIdTheStaffDirectoryDoesNotKnowIsSkippedWithAReason() {
        UUID intakeId = UUID.randomUUID();
        Events.publishTwice(INTAKE, new RiskFlagRaised(UUID.randomUUID(), "harbour", intakeId, "HIGH",
                "CSSRS_SCREEN", "colin", "nobody-" + UUID.randomUUID()));

        await().atMost(WITHIN).until(() -> noticesOf(intakeId).stream()
                .anyMatch(n -> n.status == DeliveryStatus.SKIPPED));
        StaffNotice notice = noticesOf(intakeId).get(0);
        assertEquals("no-staff-address", notice.reason);
        assertNull(notice.sentAt);
    }

    @Test
    void aHighFlagWithNobodyOnCallIsSkippedWithAReason() {
        UUID intakeId = UUID.randomUUID();
        Events.publishTwice(INTAKE, new RiskFlagRaised(UUID.randomUUID(), "northside", intakeId, "HIGH",
                "CLINICIAN_JUDGEMENT", null, null));

        await().atMost(WITHIN).until(() -> !noticesOf(intakeId).isEmpty());
        settle();
        List<StaffNotice> notices = noticesOf(intakeId);
        assertEquals(1, notices.size());
        assertEquals(DeliveryStatus.SKIPPED, notices.get(0).status);
        assertEquals("nobody-on-call", notices.get(0).reason);
        assertNull(notices.get(0).recipient);
    }

    @Test
    void aModerateFlagMailsNobody() {
        UUID clientId = UUID.randomUUID();
        UUID intakeId = UUID.randomUUID();
        EventEnvelope envelope = Events.publishTwice(INTAKE, new RiskFlagRaised(clientId, "northside", intakeId,
                "MODERATE", "PHQ9_ITEM9", "clara", "clara"));

        await().atMost(WITHIN).until(() -> handled(envelope));
        settle();
        assertEquals(List.of(), noticesOf(intakeId));
        assertEquals(List.of(), mailsAbout(clientId));
    }
}
