package care.securebase.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import java.util.HashMap;
import java.util.Map;

/**
 * A trace context kept with a row (W3C {@code traceparent} and {@code tracestate}), so work done later
 * on another thread continues the trace that asked for it: an outbox row is published by the relay
 * within the trace of the transaction that wrote it, a reminder is mailed within the trace of the
 * event that planned it.
 *
 * @param traceparent null when nothing was being traced
 * @param tracestate  null when empty
 */
public record StoredTrace(String traceparent, String tracestate) {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** The trace of the running code, or an empty one when there is none. */
    public static StoredTrace current() {
        if (!Span.current().getSpanContext().isValid()) {
            return new StoredTrace(null, null);
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        String state = carrier.get(TRACESTATE);
        return new StoredTrace(carrier.get(TRACEPARENT), state == null || state.isEmpty() ? null : state);
    }

    /** The stored trace as a parent context; the root context when none was stored. */
    public Context context() {
        if (traceparent == null) {
            return Context.root();
        }
        Map<String, String> carrier = new HashMap<>(2);
        carrier.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            carrier.put(TRACESTATE, tracestate);
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, GETTER);
    }

    /** Makes the stored trace current on this thread until the scope closes. */
    public Scope resume() {
        return context().makeCurrent();
    }
}
