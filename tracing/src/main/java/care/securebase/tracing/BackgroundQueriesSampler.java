package care.securebase.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Records what a request, an event or a delivery caused, and not the database statements that nothing
 * caused: the outbox relay's poll every second, the dispatcher's, scheduled checks and start-up would
 * otherwise fill the trace backend with thousands of one-statement traces a minute. Nor the pool's
 * {@code DataSource.getConnection}, one per transaction: a span that says nothing the transaction's
 * statements do not. A request's or an event's statements are recorded in the share of traces
 * {@code securebase.tracing.statement-spans} (1 = all, the default), chosen by trace id, so a trace has
 * all its statements, in every service, or none; its requests, events and deliveries are recorded
 * whatever the share.
 * Everything else is sampled as {@code parentbased_always_on}.
 */
@Singleton
public class BackgroundQueriesSampler implements Sampler {

    static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");

    static final String GET_CONNECTION = "DataSource.getConnection";

    private final Sampler sampler = Sampler.parentBased(Sampler.alwaysOn());
    private final Sampler statements;

    @Inject
    public BackgroundQueriesSampler(TracingConfig config) {
        this(config.statementSpans());
    }

    BackgroundQueriesSampler(double statementShare) {
        this.statements = Sampler.traceIdRatioBased(statementShare);
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                                       Attributes attributes, List<LinkData> parentLinks) {
        if (GET_CONNECTION.equalsIgnoreCase(name)) {
            return SamplingResult.drop();
        }
        if (spanKind == SpanKind.CLIENT && (attributes.get(DB_SYSTEM) != null || attributes.get(DB_SYSTEM_NAME) != null)) {
            if (!Span.fromContext(parentContext).getSpanContext().isValid()
                    || statements.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks)
                    .getDecision() == SamplingDecision.DROP) {
                return SamplingResult.drop();
            }
        }
        return sampler.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "BackgroundQueriesSampler{" + sampler.getDescription() + ", statements " + statements.getDescription() + "}";
    }
}
