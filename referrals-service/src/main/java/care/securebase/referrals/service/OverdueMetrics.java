package care.securebase.referrals.service;

import care.securebase.referrals.OverdueRules;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Referrals that need their coordinator now, by the same rules as {@link OverdueCheck}, and how many
 * of them the coordinator has not been told of yet (the check runs every 15 minutes; more than that
 * means it is not running). Read on the metrics schedule, never on the scrape.
 */
@ApplicationScoped
public class OverdueMetrics {

    private final EntityManager em;
    private final OverdueRules rules;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, Double> values = new ConcurrentHashMap<>();

    public OverdueMetrics(EntityManager em, OverdueRules rules, Clock clock, MeterRegistry registry) {
        this.em = em;
        this.rules = rules;
        this.clock = clock;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        for (OverdueRules.Kind kind : OverdueRules.Kind.values()) {
            String tag = kind.name().toLowerCase(Locale.ROOT);
            gauge("securebase.referrals.overdue", tag, "Open referrals overdue now (unanswered past respond-by, "
                    + "or accepted and not started)");
            gauge("securebase.referrals.overdue.unannounced", tag, "Overdue referrals whose coordinator has not "
                    + "been told yet (referral-overdue not published)");
        }
    }

    private void gauge(String name, String kind, String description) {
        String key = name + "/" + kind;
        values.put(key, Double.NaN);
        Gauge.builder(name, values, v -> v.getOrDefault(key, Double.NaN)).description(description)
                .tag("kind", kind).strongReference(true).register(registry);
    }

    @Scheduled(identity = "referrals-overdue-metrics", every = "${securebase.metrics.refresh-interval:15s}",
            delay = 1, delayUnit = TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        Instant now = Clocks.now(clock);
        Object[] counts;
        try {
            counts = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                    select count(*) filter (where status in ('SENT', 'RECEIVED') and respond_by < :today),
                           count(*) filter (where status in ('SENT', 'RECEIVED') and respond_by < :today
                                            and unanswered_notified_at is null),
                           count(*) filter (where status = 'ACCEPTED' and updated_at < :acceptedBefore),
                           count(*) filter (where status = 'ACCEPTED' and updated_at < :acceptedBefore
                                            and not_started_notified_at is null)
                    from referral where status in ('SENT', 'RECEIVED', 'ACCEPTED')""")
                    .setParameter("today", rules.firstDayNotYetDue(now))
                    .setParameter("acceptedBefore", now.minus(rules.notStartedAfter()))
                    .getSingleResult());
        } catch (RuntimeException e) {
            // The database is away: service-kit's securebase_database_reachable says so; keep no stale figure.
            values.replaceAll((k, v) -> Double.NaN);
            return;
        }
        values.put("securebase.referrals.overdue/unanswered", ((Number) counts[0]).doubleValue());
        values.put("securebase.referrals.overdue.unannounced/unanswered", ((Number) counts[1]).doubleValue());
        values.put("securebase.referrals.overdue/not_started", ((Number) counts[2]).doubleValue());
        values.put("securebase.referrals.overdue.unannounced/not_started", ((Number) counts[3]).doubleValue());
    }
}
