package care.securebase.notifications.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counts settled and retried messages by kind and outcome, for dashboards and alerts on failures. */
@ApplicationScoped
public class DeliveryMetrics {

    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param outcome sent, skipped, deferred, retry or failed */
    public void count(String kind, String outcome) {
        registry.counter("securebase.notifications.deliveries", "kind", kind, "outcome", outcome).increment();
    }
}
