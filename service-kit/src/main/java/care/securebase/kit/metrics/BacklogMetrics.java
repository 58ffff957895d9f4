package care.securebase.kit.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * What piles up silently in every service's own tables: outbox rows the relay has not published yet
 * (and how long the oldest has waited), and the consumer inbox's size. Read on a schedule, never on
 * the scrape; the same read tells whether this instance reaches its database at all.
 *
 * <p>Every replica reports the same database-wide figures; alert rules take the max per service.
 */
@ApplicationScoped
public class BacklogMetrics {

    private static final Logger LOG = Logger.getLogger(BacklogMetrics.class);

    private final EntityManager em;
    private final MeterRegistry registry;
    // NaN until the first read: no figure is better than a made-up zero.
    private volatile double pending = Double.NaN;
    private volatile double inboxSize = Double.NaN;
    private volatile double reachable = Double.NaN;
    /** created_at of the oldest unpublished row; null when none waits. */
    private volatile Instant oldestPending;

    public BacklogMetrics(EntityManager em, MeterRegistry registry) {
        this.em = em;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder("securebase.outbox.pending", this, m -> m.pending)
                .description("Outbox rows written but not yet published to Kafka")
                .baseUnit("events").strongReference(true).register(registry);
        TimeGauge.builder("securebase.outbox.oldest.age", this, TimeUnit.SECONDS, BacklogMetrics::oldestAgeSeconds)
                .description("How long the oldest unpublished outbox row has waited; 0 when none waits")
                .strongReference(true).register(registry);
        Gauge.builder("securebase.inbox.processed", this, m -> m.inboxSize)
                .description("Events recorded as handled (processed_event), PostgreSQL's estimate")
                .baseUnit("events").strongReference(true).register(registry);
        Gauge.builder("securebase.database.reachable", this, m -> m.reachable)
                .description("1 when this instance's last metrics query reached its database, 0 when it failed")
                .strongReference(true).register(registry);
    }

    /** Computed at each scrape from the stored timestamp, so the age keeps growing between reads. */
    private double oldestAgeSeconds() {
        Instant oldest = oldestPending;
        if (Double.isNaN(pending)) {
            return Double.NaN;
        }
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }

    @Scheduled(identity = "securebase-backlog-metrics", every = "${securebase.metrics.refresh-interval:15s}",
            delay = 1, delayUnit = TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            QuarkusTransaction.requiringNew().run(this::read);
            reachable = 1;
        } catch (RuntimeException e) {
            reachable = 0;
            LOG.debugf("Backlog metrics not read: %s", e.getClass().getName());
        }
    }

    private void read() {
        // A database that hangs must not hold this job (and a pooled connection) for long.
        em.createNativeQuery("set local statement_timeout = 5000").executeUpdate();
        // One pass over the waiting rows only (the partial index on seq where published_at is null).
        Object[] outbox = (Object[]) em.createNativeQuery(
                "select count(*), min(created_at) from outbox_event where published_at is null").getSingleResult();
        // reltuples is the planner's estimate (kept by autovacuum and ANALYZE): no scan of a table that only grows.
        Number estimate = (Number) em.createNativeQuery(
                "select coalesce(max(reltuples), 0) from pg_class where oid = to_regclass('processed_event')")
                .getSingleResult();
        pending = ((Number) outbox[0]).doubleValue();
        oldestPending = instant(outbox[1]);
        inboxSize = Math.max(0, estimate.doubleValue());
    }

    /** A timestamp a native query returned (Instant, OffsetDateTime or Timestamp by column type and driver). */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
    }
}
