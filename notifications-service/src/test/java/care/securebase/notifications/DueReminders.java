package care.securebase.notifications;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Booster reminders written straight into the database in one transaction, all due at once, so the
 * dispatcher meets them as one burst (as scripts/bench-dispatch.sql does): a client with an e-mail
 * address and e-mail consent each, one reminder each, planned in a trace of its own.
 */
final class DueReminders {

    record Due(UUID reminderId, UUID clientId, String email, String traceId) {
        String messageId() {
            return "<booster-reminder." + reminderId + "@securebase.test>";
        }
    }

    private DueReminders() {
    }

    /** At northside, whose quiet hours the tests keep off. */
    static List<Due> insert(DataSource db, List<String> emails) throws SQLException {
        try (Connection c = db.getConnection()) {
            return insert(c, "northside", emails);
        }
    }

    static List<Due> insert(Connection c, String clinic, List<String> emails) throws SQLException {
        Random random = new Random();
        Instant now = Instant.now();
        List<Due> due = new ArrayList<>();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement contact = c.prepareStatement("""
                    insert into client_contact (client_id, clinic_id, preferred_name, email, preferred_channel, language,
                        time_zone, updated_at) values (?, ?, 'Robin', ?, 'EMAIL', 'en-GB', 'Europe/London', ?)""");
                 PreparedStatement consent = c.prepareStatement("""
                    insert into contact_consent (client_id, channel, granted, effective_at) values (?, 'EMAIL', true, ?)""");
                 PreparedStatement reminder = c.prepareStatement("""
                    insert into booster_reminder (id, booster_id, lead_time, client_id, clinic_id, episode_id,
                        appointment_at, send_at, status, next_attempt_at, attempts, created_at, traceparent)
                    values (?, ?, 'P7D', ?, ?, ?, ?, ?, 'PENDING', ?, 0, ?, ?)""")) {
                Timestamp at = Timestamp.from(now.minusSeconds(1));
                for (String email : emails) {
                    Due d = new Due(UUID.randomUUID(), UUID.randomUUID(), email, hex(random, 16));
                    contact.setObject(1, d.clientId());
                    contact.setString(2, clinic);
                    contact.setString(3, email);
                    contact.setTimestamp(4, at);
                    contact.addBatch();
                    consent.setObject(1, d.clientId());
                    consent.setTimestamp(2, at);
                    consent.addBatch();
                    reminder.setObject(1, d.reminderId());
                    reminder.setObject(2, UUID.randomUUID());
                    reminder.setObject(3, d.clientId());
                    reminder.setString(4, clinic);
                    reminder.setObject(5, UUID.randomUUID());
                    reminder.setTimestamp(6, Timestamp.from(now.plus(Duration.ofDays(7))));
                    reminder.setTimestamp(7, at);
                    reminder.setTimestamp(8, at);
                    reminder.setTimestamp(9, at);
                    reminder.setString(10, "00-" + d.traceId() + "-" + hex(random, 8) + "-01");
                    reminder.addBatch();
                    due.add(d);
                }
                contact.executeBatch();
                consent.executeBatch();
                reminder.executeBatch();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return due;
    }

    /** The rows as they are now, by reminder id. */
    static Map<UUID, BoosterReminder> rows(List<Due> due) {
        List<UUID> ids = due.stream().map(Due::reminderId).toList();
        return QuarkusTransaction.requiringNew().call(() -> BoosterReminder.<BoosterReminder>list("id in ?1", ids))
                .stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
    }

    private static String hex(Random random, int bytes) {
        byte[] out = new byte[bytes];
        random.nextBytes(out);
        return HexFormat.of().formatHex(out);
    }
}
