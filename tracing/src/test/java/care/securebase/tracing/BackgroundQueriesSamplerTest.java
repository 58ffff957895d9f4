package care.securebase.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackgroundQueriesSamplerTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private final BackgroundQueriesSampler sampler = new BackgroundQueriesSampler(1.0);
    private final Attributes query = Attributes.builder().put("db.system", "postgresql").put("db.statement", "select 1").build();
    private final Context inRequest = Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(TRACE,
            "b7ad6b7169203331", TraceFlags.getSampled(), TraceState.getDefault())));

    private SamplingDecision decide(Context parent, SpanKind kind, Attributes attributes) {
        return sampler.shouldSample(parent, TRACE, "span", kind, attributes, List.of()).getDecision();
    }

    @Test
    void aQueryNothingAskedForIsNotRecorded() {
        assertEquals(SamplingDecision.DROP, decide(Context.root(), SpanKind.CLIENT, query));
        assertEquals(SamplingDecision.DROP, decide(Context.root(), SpanKind.CLIENT,
                Attributes.builder().put("db.system.name", "postgresql").build()));
    }

    @Test
    void aQueryOfARequestIsRecorded() {
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(inRequest, SpanKind.CLIENT, query));
    }

    @Test
    void requestsEventsAndOtherCallsAreRecorded() {
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(Context.root(), SpanKind.SERVER, Attributes.empty()));
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(Context.root(), SpanKind.CONSUMER, Attributes.empty()));
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(Context.root(), SpanKind.CLIENT,
                Attributes.builder().put("http.request.method", "GET").build()));
    }

    @Test
    void theConnectionPoolsSpanIsNotRecorded() {
        assertEquals(SamplingDecision.DROP, sampler.shouldSample(inRequest, TRACE, "DataSource.getConnection",
                SpanKind.INTERNAL, Attributes.empty(), List.of()).getDecision());
    }

    @Test
    void withoutStatementSpansAQueryOfARequestIsNotRecordedButTheRequestIs() {
        BackgroundQueriesSampler noStatements = new BackgroundQueriesSampler(0.0);
        assertEquals(SamplingDecision.DROP, noStatements.shouldSample(inRequest, TRACE, "select", SpanKind.CLIENT,
                query, List.of()).getDecision());
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, noStatements.shouldSample(inRequest, TRACE, "post /clients",
                SpanKind.SERVER, Attributes.empty(), List.of()).getDecision());
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, noStatements.shouldSample(inRequest, TRACE, "intake-events publish",
                SpanKind.PRODUCER, Attributes.empty(), List.of()).getDecision());
    }

    /** The share is taken by trace id: a trace has its statements everywhere or nowhere, and about the share do. */
    @Test
    void statementsAreRecordedForTheirShareOfTracesWholeTracesAtATime() {
        BackgroundQueriesSampler tenth = new BackgroundQueriesSampler(0.1);
        Random random = new Random(19);
        int withStatements = 0;
        for (int i = 0; i < 10_000; i++) {
            String trace = String.format("%016x%016x", random.nextLong(), random.nextLong());
            Context parent = Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(trace,
                    "b7ad6b7169203331", TraceFlags.getSampled(), TraceState.getDefault())));
            SamplingDecision first = tenth.shouldSample(parent, trace, "insert", SpanKind.CLIENT, query, List.of()).getDecision();
            SamplingDecision again = tenth.shouldSample(parent, trace, "select", SpanKind.CLIENT, query, List.of()).getDecision();
            assertEquals(first, again, "one trace, one decision for all its statements");
            assertEquals(SamplingDecision.RECORD_AND_SAMPLE, tenth.shouldSample(parent, trace, "post /clients",
                    SpanKind.SERVER, Attributes.empty(), List.of()).getDecision());
            if (first == SamplingDecision.RECORD_AND_SAMPLE) {
                withStatements++;
            }
        }
        assertTrue(withStatements > 850 && withStatements < 1150,
                withStatements + " of 10,000 traces with statements");
    }

    @Test
    void anUnsampledParentStaysUnsampled() {
        Context unsampled = Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(TRACE,
                "b7ad6b7169203331", TraceFlags.getDefault(), TraceState.getDefault())));
        assertEquals(SamplingDecision.DROP, decide(unsampled, SpanKind.SERVER, Attributes.empty()));
    }
}
