package care.securebase.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackgroundQueriesSamplerTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private final BackgroundQueriesSampler sampler = new BackgroundQueriesSampler(true);
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
        BackgroundQueriesSampler noStatements = new BackgroundQueriesSampler(false);
        assertEquals(SamplingDecision.DROP, noStatements.shouldSample(inRequest, TRACE, "select", SpanKind.CLIENT,
                query, List.of()).getDecision());
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, noStatements.shouldSample(inRequest, TRACE, "post /clients",
                SpanKind.SERVER, Attributes.empty(), List.of()).getDecision());
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, noStatements.shouldSample(inRequest, TRACE, "intake-events publish",
                SpanKind.PRODUCER, Attributes.empty(), List.of()).getDecision());
    }

    @Test
    void anUnsampledParentStaysUnsampled() {
        Context unsampled = Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(TRACE,
                "b7ad6b7169203331", TraceFlags.getDefault(), TraceState.getDefault())));
        assertEquals(SamplingDecision.DROP, decide(unsampled, SpanKind.SERVER, Attributes.empty()));
    }
}
