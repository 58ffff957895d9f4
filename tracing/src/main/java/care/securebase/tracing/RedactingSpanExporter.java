package care.securebase.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Spans leave with ids and types only. A query string can hold what a person typed (a client search
 * by name) or an authorisation code, so it is cut from every URL; an exception's message can hold the
 * values it failed on (a database's "Failing row contains (...)", an SMTP reply echoing the address),
 * so only its type is kept. Routes, ids, SQL with placeholders and message types stay.
 */
public final class RedactingSpanExporter implements SpanExporter {

    static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> HTTP_URL = AttributeKey.stringKey("http.url");
    static final AttributeKey<String> HTTP_TARGET = AttributeKey.stringKey("http.target");
    static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");
    static final AttributeKey<String> EXCEPTION_STACKTRACE = AttributeKey.stringKey("exception.stacktrace");

    private final SpanExporter delegate;

    public RedactingSpanExporter(SpanExporter delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return delegate.export(spans.stream().<SpanData>map(Redacted::new).toList());
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }

    /** A client's link token is a credential: the pages and endpoints it opens keep their path, not it. */
    private static final Pattern LINK_TOKEN = Pattern.compile("(/(?:links/(?:check-ins|appointments)|c|a)/)[A-Za-z0-9_.-]+");

    static String withoutSecrets(String url) {
        return LINK_TOKEN.matcher(withoutQuery(url)).replaceAll("$1{token}");
    }

    static String withoutQuery(String url) {
        int cut = url.indexOf('?');
        int fragment = url.indexOf('#');
        if (fragment >= 0 && (cut < 0 || fragment < cut)) {
            cut = fragment;
        }
        return cut < 0 ? url : url.substring(0, cut);
    }

    static Attributes redact(Attributes attributes) {
        AttributesBuilder out = attributes.toBuilder().remove(URL_QUERY);
        for (AttributeKey<String> url : List.of(URL_FULL, URL_PATH, HTTP_URL, HTTP_TARGET)) {
            String value = attributes.get(url);
            if (value != null) {
                out.put(url, withoutSecrets(value));
            }
        }
        return out.build();
    }

    private static final class Redacted extends DelegatingSpanData {
        private final Attributes attributes;
        private final List<EventData> events;
        private final StatusData status;

        Redacted(SpanData span) {
            super(span);
            attributes = redact(span.getAttributes());
            events = span.getEvents().stream().map(Redacted::event).toList();
            status = span.getStatus().getDescription().isEmpty() ? span.getStatus()
                    : StatusData.create(span.getStatus().getStatusCode(), "");
        }

        private static EventData event(EventData event) {
            Attributes kept = redact(event.getAttributes()).toBuilder()
                    .remove(EXCEPTION_MESSAGE).remove(EXCEPTION_STACKTRACE).build();
            return EventData.create(event.getEpochNanos(), event.getName(), kept,
                    event.getTotalAttributeCount() - (event.getAttributes().size() - kept.size()));
        }

        /** What was cut is not reported as dropped by the span limits (Zipkin's otel.dropped_attributes_count). */
        @Override
        public int getTotalAttributeCount() {
            return super.getTotalAttributeCount() - (super.getAttributes().size() - attributes.size());
        }

        @Override
        public String getName() {
            return withoutSecrets(super.getName());
        }

        @Override
        public Attributes getAttributes() {
            return attributes;
        }

        @Override
        public List<EventData> getEvents() {
            return events;
        }

        @Override
        public StatusData getStatus() {
            return status;
        }
    }
}
