package care.securebase.notifications.delivery;

import care.securebase.notifications.Delivery;
import care.securebase.notifications.DeliveryStatus;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * A delivery attempt continues the trace of the event that planned the message (kept with the row),
 * so the maintenance plan's trace goes on to its reminder and the SMTP server, even when the reminder
 * is due days later (Zipkin shows no span links, so a child is what makes it visible). Each attempt is
 * one span saying what became of it: sent, deferred, skipped or failed, and the short reason code.
 */
@ApplicationScoped
public class DeliveryTracing {

    static final AttributeKey<String> KIND = AttributeKey.stringKey("securebase.delivery.kind");
    static final AttributeKey<String> ID = AttributeKey.stringKey("securebase.delivery.id");
    static final AttributeKey<String> STATUS = AttributeKey.stringKey("securebase.delivery.status");
    static final AttributeKey<String> REASON = AttributeKey.stringKey("securebase.delivery.reason");
    static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("securebase.delivery.attempts");

    private final Tracer tracer;

    public DeliveryTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Runs one attempt at {@code row} inside its span; returns what {@code attempt} returns. */
    public boolean attempt(String kind, UUID id, Delivery row, BooleanSupplier attempt) {
        Span span = tracer.spanBuilder("deliver " + kind)
                .setParent(row.trace().context())
                .setAttribute(KIND, kind)
                .setAttribute(ID, id.toString())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return attempt.getAsBoolean();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR);
            span.setAttribute("error.type", e.getClass().getName());
            throw e;
        } finally {
            span.setAttribute(STATUS, row.status == null ? "" : row.status.name());
            span.setAttribute(ATTEMPTS, (long) row.attempts);
            if (row.reason != null) {
                span.setAttribute(REASON, row.reason);
            }
            if (row.status == DeliveryStatus.FAILED || row.reason != null && row.reason.startsWith("send-failed")) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }
}
