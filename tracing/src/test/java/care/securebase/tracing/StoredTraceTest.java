package care.securebase.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

class StoredTraceTest {

    private static final SpanContext SPAN = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
            TraceFlags.getSampled(), TraceState.builder().put("clinic", "x1").build());

    @Test
    void theRunningTraceIsKeptAndResumed() {
        StoredTrace stored;
        try (Scope ignored = Context.root().with(Span.wrap(SPAN)).makeCurrent()) {
            stored = StoredTrace.current();
        }
        assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", stored.traceparent());
        assertEquals("clinic=x1", stored.tracestate());

        assertFalse(Span.current().getSpanContext().isValid());
        try (Scope ignored = stored.resume()) {
            SpanContext resumed = Span.current().getSpanContext();
            assertEquals(SPAN.getTraceId(), resumed.getTraceId());
            assertEquals(SPAN.getSpanId(), resumed.getSpanId());
            assertEquals(SPAN.getTraceState(), resumed.getTraceState());
        }
    }

    @Test
    void nothingTracedIsNothingStored() {
        StoredTrace stored = StoredTrace.current();
        assertNull(stored.traceparent());
        assertNull(stored.tracestate());
        assertFalse(Span.fromContext(stored.context()).getSpanContext().isValid());
    }
}
