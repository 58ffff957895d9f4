package care.securebase.kit.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every service's /q/metrics must show of service-kit's backlog gauges, and that they follow the
 * tables. A service's @QuarkusTest extends it (the test profile reads the gauges every second).
 */
public abstract class BacklogMetricsContract {

    @Inject
    protected AgroalDataSource dataSource;

    /** The consumer group this service reads with in the test profile. */
    protected abstract String group();

    /** The topics it consumes in the test profile. */
    protected abstract Set<String> consumedTopics();

    public static Scrape scrape() {
        return Scrape.parse(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** A gauge's value once it is there (the first read comes a second after start). */
    public static double gauge(String name) {
        await().atMost(Duration.ofSeconds(15)).until(() -> scrape().value(name).isPresent()
                && !Double.isNaN(scrape().value(name).getAsDouble()));
        return scrape().value(name).getAsDouble();
    }

    @Test
    void databaseReachableAndReady() {
        await().atMost(Duration.ofSeconds(30)).until(() -> gauge("securebase_database_reachable") == 1
                && gauge("securebase_health_ready") == 1);
    }

    @Test
    void consumerLagPerTopicAndGroup() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Scrape.Sample> lags = scrape().series("securebase_kafka_consumer_lag_records");
            assertEquals(consumedTopics(), lags.stream().map(s -> s.labels().get("topic")).collect(Collectors.toSet()));
            for (Scrape.Sample lag : lags) {
                assertEquals(group(), lag.labels().get("group"));
                assertTrue(lag.value() >= 0, "a lag read from the broker: " + lag);
            }
        });
    }

    @Test
    void anUnpublishedRowShowsAsPendingWithItsAge() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection relayLock = dataSource.getConnection(); Connection c = dataSource.getConnection()) {
            // Holding the relay's own lock keeps the row unpublished while the gauges are read.
            relayLock.setAutoCommit(false);
            try (Statement s = relayLock.createStatement()) {
                s.execute("select pg_advisory_xact_lock(hashtextextended('outbox-relay', 0))");
            }
            try {
                // Counted here, not read from the gauge: its last read may predate rows the relay sent
                // before this test took the lock. Under the lock the count can only grow.
                long pendingBefore;
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select count(*) from outbox_event where published_at is null")) {
                    rs.next();
                    pendingBefore = rs.getLong(1);
                }
                try (PreparedStatement insert = c.prepareStatement("""
                        insert into outbox_event (id, topic, event_key, type, payload, created_at)
                        values (?, 'test-metrics-probe', 'probe', 'metrics-probe', '{}', now() - interval '10 minutes')""")) {
                    insert.setObject(1, id);
                    insert.executeUpdate();
                }
                await().atMost(Duration.ofSeconds(15)).until(() -> gauge("securebase_outbox_oldest_age_seconds") >= 600);
                // The read that saw the probe's age also counted the probe.
                assertTrue(gauge("securebase_outbox_pending_events") >= pendingBefore + 1,
                        "the probe row counted as pending");
            } finally {
                try (PreparedStatement delete = c.prepareStatement("delete from outbox_event where id = ?")) {
                    delete.setObject(1, id);
                    delete.executeUpdate();
                }
                relayLock.rollback();
            }
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> gauge("securebase_outbox_oldest_age_seconds") < 600);
    }

    @Test
    void inboxSizeFollowsTheTableEstimate() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("""
                    insert into processed_event (event_id, type, handled_at)
                    select gen_random_uuid(), 'metrics-probe', now() from generate_series(1, 250)""");
            try {
                s.execute("analyze processed_event");
                double estimate;
                try (ResultSet rs = s.executeQuery("select reltuples from pg_class where oid = 'processed_event'::regclass")) {
                    rs.next();
                    estimate = rs.getDouble(1);
                }
                assertTrue(estimate >= 250, "ANALYZE counted the probe rows: " + estimate);
                await().atMost(Duration.ofSeconds(15)).until(() -> gauge("securebase_inbox_processed_events") == estimate);
                assertEquals(estimate, gauge("securebase_inbox_processed_events"));
            } finally {
                s.executeUpdate("delete from processed_event where type = 'metrics-probe'");
                s.execute("analyze processed_event");
            }
        }
    }
}
