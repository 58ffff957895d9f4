package care.securebase.notifications.delivery;

import care.securebase.notifications.Delivery;
import care.securebase.notifications.DeliveryStatus;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

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

    /**
     * Starts the span of one attempt at {@code row}; the attempt's steps run inside it ({@link Attempt#run}),
     * and {@link Attempt#end} records what became of the row. A batch keeps the spans of its rows open
     * while their messages are with the SMTP server.
     */
    public Attempt start(String kind, UUID id, Delivery row) {
        return new Attempt(row, tracer.spanBuilder("deliver " + kind)
                .setParent(row.trace().context())
                .setAttribute(KIND, kind)
                .setAttribute(ID, id.toString())
                .startSpan());
    }

    /**
     * A batch's attempts: each row's first step in a span of its own, then {@code afterAll} (the batch's
     * sends, whose outcomes continue those spans), then every span ended, also when a step failed. A step
     * that throws stops the batch before {@code afterAll}: nothing of it has been sent.
     */
    public <T extends Delivery> void each(String kind, List<T> rows, Function<T, UUID> id,
                                          BiConsumer<T, Attempt> step, Runnable afterAll) {
        List<Attempt> attempts = new ArrayList<>(rows.size());
        try {
            for (T row : rows) {
                Attempt attempt = start(kind, id.apply(row), row);
                attempts.add(attempt);
                attempt.run(() -> step.accept(row, attempt));
            }
            afterAll.run();
        } finally {
            attempts.forEach(Attempt::end);
        }
    }

    public static final class Attempt {
        private final Delivery row;
        private final Span span;

        private Attempt(Delivery row, Span span) {
            this.row = row;
            this.span = span;
        }

        /** One step of the attempt, with its span current (child spans, the trace of events it publishes). */
        public void run(Runnable step) {
            try (Scope ignored = span.makeCurrent()) {
                step.run();
            } catch (RuntimeException e) {
                span.setStatus(StatusCode.ERROR);
                span.setAttribute("error.type", e.getClass().getName());
                throw e;
            }
        }

        public void end() {
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
