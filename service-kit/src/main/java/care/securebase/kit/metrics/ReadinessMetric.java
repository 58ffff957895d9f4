package care.securebase.kit.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;

/**
 * The readiness probe's answer as a metric. Prometheus keeps scraping a pod that fails its readiness
 * probe (it only leaves the Service's endpoints), so {@code up} alone never shows "running but not ready".
 */
@ApplicationScoped
public class ReadinessMetric {

    private final SmallRyeHealthReporter health;
    private final MeterRegistry registry;
    private volatile double ready = Double.NaN;
    private volatile boolean stopping;

    public ReadinessMetric(SmallRyeHealthReporter health, MeterRegistry registry) {
        this.health = health;
        this.registry = registry;
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder("securebase.health.ready", this, m -> m.ready)
                .description("1 when /q/health/ready answers UP, 0 when DOWN (read on the metrics schedule)")
                .strongReference(true).register(registry);
    }

    @Scheduled(identity = "securebase-readiness-metric", every = "${securebase.metrics.refresh-interval:15s}",
            delay = 1, delayUnit = TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        if (stopping) {
            return; // the checks would meet a closing container
        }
        try {
            ready = health.getReadiness().isDown() ? 0 : 1;
        } catch (RuntimeException e) {
            ready = 0; // a readiness that cannot be evaluated is not ready
        }
    }
}
