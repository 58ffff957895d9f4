package care.securebase.notifications.delivery;

import static care.securebase.kit.metrics.BacklogMetrics.instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Messages due but not sent: per kind, how many are due now and since when the oldest has been due
 * (a working dispatcher takes each within seconds; retries wait in the future and are not due), and
 * how long the oldest on-call notice (an intake's or a check-in's risk) has waited since its flag was raised. Read on the metrics
 * schedule, never on the scrape.
 */
@ApplicationScoped
public class DueMetrics {

    /** The kind tag (as in securebase_notifications_deliveries_total) to its table and condition. */
    private static final Map<String, String> DUE = Map.of(
            "booster-reminder", "booster_reminder where status = 'PENDING' and next_attempt_at <= :now",
            "check-in", "check_in_message where status = 'PENDING' and next_attempt_at <= :now",
            "appointment-reminder", "appointment_reminder where status = 'PENDING' and next_attempt_at <= :now",
            "partner-notice", "partner_notice where status = 'PENDING' and next_attempt_at <= :now",
            "staff-notice", "staff_notice where status = 'PENDING' and next_attempt_at <= :now and channel = 'EMAIL'");

    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, Double> due = new ConcurrentHashMap<>();
    /** Per kind, since when the oldest due message has been due; absent when none is. */
    private final Map<String, Instant> oldestDue = new ConcurrentHashMap<>();
    private volatile boolean read;
    private volatile Instant oldestOnCall;

    public DueMetrics(EntityManager em, Clock clock, MeterRegistry registry) {
        this.em = em;
        this.clock = clock;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        for (String kind : DUE.keySet()) {
            Gauge.builder("securebase.notifications.due", due, d -> d.getOrDefault(kind, Double.NaN))
                    .description("Messages due now and not sent yet").tag("kind", kind)
                    .baseUnit("messages").strongReference(true).register(registry);
            TimeGauge.builder("securebase.notifications.due.oldest.age", this, TimeUnit.SECONDS,
                            m -> m.ageOf(m.oldestDue.get(kind)))
                    .description("How long the oldest message due and not sent has been due; 0 when none is")
                    .tag("kind", kind).strongReference(true).register(registry);
        }
        TimeGauge.builder("securebase.notifications.oncall.pending.oldest.age", this, TimeUnit.SECONDS,
                        m -> m.ageOf(m.oldestOnCall))
                .description("How long the oldest on-call notice not sent yet has waited since its risk flag was raised")
                .strongReference(true).register(registry);
    }

    private double ageOf(Instant since) {
        if (!read) {
            return Double.NaN;
        }
        return since == null ? 0 : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    @Scheduled(identity = "notifications-due-metrics", every = "${securebase.metrics.refresh-interval:15s}",
            delay = 1, delayUnit = TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        Instant now = clock.instant();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (Map.Entry<String, String> kind : DUE.entrySet()) {
                    Object[] row = (Object[]) em.createNativeQuery("select count(*), min(next_attempt_at) from "
                            + kind.getValue()).setParameter("now", now).getSingleResult();
                    due.put(kind.getKey(), ((Number) row[0]).doubleValue());
                    put(kind.getKey(), instant(row[1]));
                }
                oldestOnCall = instant(em.createNativeQuery("""
                        select min(coalesce(raised_at, created_at)) from staff_notice
                        where status = 'PENDING' and kind in ('ON_CALL_RISK', 'CHECK_IN_RISK')
                          and channel = 'EMAIL'""").getSingleResult());
            });
            read = true;
        } catch (RuntimeException e) {
            // The database is away (service-kit's securebase_database_reachable says so): no stale figures.
            read = false;
            due.replaceAll((k, v) -> Double.NaN);
        }
    }

    private void put(String kind, Instant since) {
        if (since == null) {
            oldestDue.remove(kind);
        } else {
            oldestDue.put(kind, since);
        }
    }
}
