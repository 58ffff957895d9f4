package care.securebase.notifications.delivery;

import care.securebase.notifications.service.StaffNoticeService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Counts settled and retried messages by kind and outcome, failed sends by reason, and how soon the
 * on-call clinician hears of a HIGH risk flag: for dashboards and the alert rules in deploy/prometheus.
 */
@ApplicationScoped
public class DeliveryMetrics {

    static final List<String> KINDS = List.of("booster-reminder", "check-in", "appointment-reminder", "partner-notice",
            "staff-notice");
    static final List<String> OUTCOMES = List.of("sent", "skipped", "deferred", "retry", "failed");
    /** Why an on-call notice reached nobody: routing's reasons, and giving up after the last try. */
    static final List<String> UNREACHED = List.of(OnCallRouting.NOBODY_ON_CALL, StaffNoticeService.NOBODY_TO_TELL,
            OnCallRouting.NO_STAFF_ADDRESS, "gave-up");

    private final MeterRegistry registry;
    private volatile Timer onCallLatency;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Every series exists from the start at 0, so a rate over the first failure is not lost. */
    void register(@Observes StartupEvent event) {
        for (String kind : KINDS) {
            for (String outcome : OUTCOMES) {
                deliveries(kind, outcome);
            }
        }
        UNREACHED.forEach(this::unreached);
        onCallLatency = Timer.builder("securebase.notifications.oncall.latency")
                .description("From a risk flag being raised (an intake's HIGH flag or a check-in's risk answer; "
                        + "the event's time) to its on-call notice accepted by the mail server")
                .serviceLevelObjectives(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
                        Duration.ofMinutes(5))
                .register(registry);
    }

    /** @param outcome sent, skipped, deferred, retry or failed */
    public void count(String kind, String outcome) {
        deliveries(kind, outcome).increment();
    }

    /**
     * A send that failed, counted by its reason (a short code such as {@code send-failed:SMTPSendFailedException},
     * never content); {@code last}: no try is left, the message is FAILED.
     */
    public void failure(String kind, String reason, boolean last) {
        String outcome = last ? "failed" : "retry";
        count(kind, outcome);
        registry.counter("securebase.notifications.delivery.failures", "kind", kind, "outcome", outcome,
                "reason", reason == null ? "unknown" : reason).increment();
    }

    public void onCallSent(Instant raisedAt, Instant sentAt) {
        onCallLatency.record(Duration.between(raisedAt, sentAt).isNegative() ? Duration.ZERO
                : Duration.between(raisedAt, sentAt));
    }

    public void onCallUnreached(String reason) {
        unreached(reason).increment();
    }

    private io.micrometer.core.instrument.Counter deliveries(String kind, String outcome) {
        return registry.counter("securebase.notifications.deliveries", "kind", kind, "outcome", outcome);
    }

    private io.micrometer.core.instrument.Counter unreached(String reason) {
        return registry.counter("securebase.notifications.oncall.unreached", "reason", reason);
    }
}
