package care.securebase.referrals.rest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.kit.testing.BacklogMetricsContract;
import care.securebase.referrals.service.OverdueCheck;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** service-kit's backlog gauges, and overdue referrals: counted when late, unannounced until the check ran. */
@QuarkusTest
class MetricsTest extends BacklogMetricsContract {

    @Inject
    OverdueCheck check;

    @Override
    protected String group() {
        return "referrals-service-test";
    }

    @Override
    protected Set<String> consumedTopics() {
        return Set.of("test-intake-events");
    }

    private static double overdue(String name, String kind) {
        await().atMost(Duration.ofSeconds(15)).until(() -> scrape().value(name, Map.of("kind", kind)).isPresent());
        return scrape().value(name, Map.of("kind", kind)).getAsDouble();
    }

    @Test
    void anUnansweredReferralPastItsDayCountsAsOverdueUntilAnnounced() throws Exception {
        check.run();
        Map<String, Object> body = Fixtures.referral(Fixtures.addProgram(Fixtures.RIVERSIDE, true));
        body.put("respondBy", LocalDate.now(ZoneId.of("Europe/London")).plusDays(2).toString());
        String id = Fixtures.create("carmen", body);
        await().atMost(Duration.ofSeconds(15)).until(() -> overdue("securebase_referrals_overdue_unannounced", "unanswered") == 0);
        double overdueBefore = overdue("securebase_referrals_overdue", "unanswered");

        // Its respond-by day passed three days ago (overdue, not yet expired): as if the partner never answered.
        try (Connection c = dataSource.getConnection();
             PreparedStatement late = c.prepareStatement("update referral set respond_by = current_date - 3 where id = ?")) {
            late.setObject(1, UUID.fromString(id));
            assertEquals(1, late.executeUpdate());
        }
        await().atMost(Duration.ofSeconds(15)).until(() ->
                overdue("securebase_referrals_overdue", "unanswered") == overdueBefore + 1
                        && overdue("securebase_referrals_overdue_unannounced", "unanswered") == 1);

        check.run();
        await().atMost(Duration.ofSeconds(15)).until(() -> overdue("securebase_referrals_overdue_unannounced", "unanswered") == 0);
        assertEquals(overdueBefore + 1, overdue("securebase_referrals_overdue", "unanswered"),
                "announced, it is still overdue until the partner answers");
    }
}
