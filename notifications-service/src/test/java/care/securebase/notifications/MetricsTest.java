package care.securebase.notifications;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.EventEnvelope;
import care.securebase.events.RiskFlagRaised;
import care.securebase.kit.testing.BacklogMetricsContract;
import care.securebase.kit.testing.Scrape;
import care.securebase.kit.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * service-kit's backlog gauges, and what notifications-service adds: messages due and not sent (reminders,
 * check-ins, notices), how soon the on-call clinician hears of a risk flag, and the delivery counters from the start.
 */
@QuarkusTest
class MetricsTest extends BacklogMetricsContract {

    static final String INTAKE = "test-intake-events";

    @Override
    protected String group() {
        return "notifications-service-test";
    }

    @Override
    protected Set<String> consumedTopics() {
        return Set.of("test-intake-events", "test-sessions-events", "test-referrals-events");
    }

    private static double value(String name, Map<String, String> labels) {
        await().atMost(Duration.ofSeconds(15)).until(() -> scrape().value(name, labels).isPresent()
                && !Double.isNaN(scrape().value(name, labels).getAsDouble()));
        return scrape().value(name, labels).getAsDouble();
    }

    @Test
    void everyDeliveryCounterIsThereFromTheStart() {
        Scrape scrape = scrape();
        for (String kind : List.of("booster-reminder", "check-in", "appointment-reminder", "partner-notice",
                "staff-notice")) {
            for (String outcome : List.of("sent", "skipped", "deferred", "retry", "failed")) {
                assertTrue(scrape.value("securebase_notifications_deliveries_total",
                        Map.of("kind", kind, "outcome", outcome)).isPresent(), kind + " " + outcome);
            }
        }
        for (String reason : List.of("nobody-on-call", "nobody-to-tell", "no-staff-address", "gave-up")) {
            assertTrue(scrape.value("securebase_notifications_oncall_unreached_total", Map.of("reason", reason)).isPresent(),
                    reason);
        }
        assertTrue(scrape.value("securebase_notifications_oncall_latency_seconds_bucket", Map.of("le", "60.0")).isPresent());
    }

    /**
     * A row the dispatcher would take at once is held under a row lock (it claims with SKIP LOCKED), so
     * it stays due while the gauges are read; the metrics' plain read is not blocked by the lock.
     */
    private Connection holdDue(String insert, String table, UUID id) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(insert)) {
                s.setObject(1, id);
                s.executeUpdate();
            }
            Connection lock = dataSource.getConnection();
            lock.setAutoCommit(false);
            try (PreparedStatement s = lock.prepareStatement("select status, attempts from " + table
                    + " where id = ? for update")) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getString(1).equals("PENDING") && rs.getInt(2) == 0
                            && !reason(lock, table, id)) {
                        return lock;
                    }
                }
            }
            // The dispatcher got to it between the insert and the lock: try again with a fresh row.
            release(lock, table, id);
        }
        throw new AssertionError("the dispatcher took every probe row before it could be held");
    }

    private static boolean reason(Connection c, String table, UUID id) throws Exception {
        try (PreparedStatement s = c.prepareStatement("select reason is not null from " + table + " where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void release(Connection lock, String table, UUID id) throws Exception {
        try (PreparedStatement s = lock.prepareStatement("delete from " + table + " where id = ?")) {
            s.setObject(1, id);
            s.executeUpdate();
        }
        lock.commit();
        lock.close();
    }

    @Test
    void aReminderDueAndNotSentShowsWithHowLongItHasBeenDue() throws Exception {
        Map<String, String> reminders = Map.of("kind", "booster-reminder");
        double dueBefore = value("securebase_notifications_due_messages", reminders);
        UUID id = UUID.randomUUID();
        Connection held = holdDue("""
                insert into booster_reminder (id, booster_id, lead_time, client_id, clinic_id, appointment_at, send_at,
                    status, next_attempt_at, attempts, created_at)
                values (?, gen_random_uuid(), 'P1D', gen_random_uuid(), 'northside', now() + interval '1 day',
                    now() - interval '20 minutes', 'PENDING', now() - interval '20 minutes', 0, now())""",
                "booster_reminder", id);
        try {
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    value("securebase_notifications_due_oldest_age_seconds", reminders) >= 1200);
            assertTrue(value("securebase_notifications_due_messages", reminders) >= dueBefore + 1);
        } finally {
            release(held, "booster_reminder", id);
        }
        await().atMost(Duration.ofSeconds(15)).until(() ->
                value("securebase_notifications_due_oldest_age_seconds", reminders) < 1200);
    }

    /** The same gauges, not new ones, for the check-in links and session reminders. */
    @Test
    void checkInsAndSessionRemindersDueAndNotSentShowUnderTheirOwnKind() throws Exception {
        Map<String, String> checkIns = Map.of("kind", "check-in");
        Map<String, String> sessions = Map.of("kind", "appointment-reminder");
        double checkInsBefore = value("securebase_notifications_due_messages", checkIns);
        double sessionsBefore = value("securebase_notifications_due_messages", sessions);
        UUID checkIn = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        Connection heldCheckIn = holdDue("""
                insert into check_in_message (id, check_in_id, episode_id, client_id, clinic_id, link, due_at, expires_at,
                    status, next_attempt_at, attempts, created_at)
                values (?, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'northside', 'probe.token',
                    now() - interval '30 minutes', now() + interval '3 days', 'PENDING', now() - interval '30 minutes',
                    0, now())""", "check_in_message", checkIn);
        Connection heldSession = null;
        try {
            heldSession = holdDue("""
                    insert into appointment_reminder (id, session_id, lead_time, client_id, clinic_id, starts_at, send_at,
                        link, status, next_attempt_at, attempts, created_at)
                    values (?, gen_random_uuid(), 'P1D', gen_random_uuid(), 'northside', now() + interval '1 day',
                        now() - interval '25 minutes', 'probe.token', 'PENDING', now() - interval '25 minutes', 0, now())""",
                    "appointment_reminder", session);
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    value("securebase_notifications_due_oldest_age_seconds", checkIns) >= 1800
                            && value("securebase_notifications_due_oldest_age_seconds", sessions) >= 1500);
            assertTrue(value("securebase_notifications_due_messages", checkIns) >= checkInsBefore + 1);
            assertTrue(value("securebase_notifications_due_messages", sessions) >= sessionsBefore + 1);
        } finally {
            release(heldCheckIn, "check_in_message", checkIn);
            if (heldSession != null) {
                release(heldSession, "appointment_reminder", session);
            }
        }
    }

    @Test
    void anOnCallNoticeNotSentYetAgesFromItsRiskFlag() throws Exception {
        UUID id = UUID.randomUUID();
        Connection held = holdDue("""
                insert into staff_notice (id, kind, subject_id, variant, channel, recipient, clinic_id, status,
                    next_attempt_at, attempts, created_at, raised_at)
                values (?, 'ON_CALL_RISK', gen_random_uuid(), '', 'EMAIL', 'clara', 'northside', 'PENDING', now(), 0,
                    now(), now() - interval '2 minutes')""",
                "staff_notice", id);
        try {
            // From the flag (two minutes ago), not from when this service recorded the notice (now).
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    value("securebase_notifications_oncall_pending_oldest_age_seconds", Map.of()) >= 120);
        } finally {
            release(held, "staff_notice", id);
        }
        await().atMost(Duration.ofSeconds(15)).until(() ->
                value("securebase_notifications_oncall_pending_oldest_age_seconds", Map.of()) < 120);
    }

    @Test
    void theOnCallLatencyIsMeasuredFromTheFlagBeingRaised() {
        Map<String, String> within60 = Map.of("le", "60.0");
        Map<String, String> within300 = Map.of("le", "300.0");
        double count = value("securebase_notifications_oncall_latency_seconds_count", Map.of());
        double fast = value("securebase_notifications_oncall_latency_seconds_bucket", within60);
        double slow = value("securebase_notifications_oncall_latency_seconds_bucket", within300);
        // Raised 90 s before it reaches this service (a slow pipeline): mailed at once, but late.
        EventEnvelope flag = EventEnvelope.wrap(new RiskFlagRaised(UUID.randomUUID(), "northside", UUID.randomUUID(),
                "HIGH", "PHQ9_ITEM9", null, "clara"), UUID.randomUUID(), Instant.now().minusSeconds(90), TestKafka.MAPPER);
        TestKafka.publish(INTAKE, flag);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                value("securebase_notifications_oncall_latency_seconds_count", Map.of()) == count + 1);
        assertEquals(fast, value("securebase_notifications_oncall_latency_seconds_bucket", within60),
                "not within 60 s of the flag");
        assertEquals(slow + 1, value("securebase_notifications_oncall_latency_seconds_bucket", within300));
    }

    @Test
    void aHighFlagWithNobodyOnCallIsCountedAsUnreached() {
        Map<String, String> nobody = Map.of("reason", "nobody-on-call");
        double before = value("securebase_notifications_oncall_unreached_total", nobody);
        TestKafka.publish(INTAKE, EventEnvelope.wrap(new RiskFlagRaised(UUID.randomUUID(), "northside",
                UUID.randomUUID(), "HIGH", "PHQ9_ITEM9", null, null), UUID.randomUUID(), Instant.now(), TestKafka.MAPPER));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                value("securebase_notifications_oncall_unreached_total", nobody) == before + 1);
    }
}
