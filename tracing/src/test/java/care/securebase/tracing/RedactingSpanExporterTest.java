package care.securebase.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactingSpanExporterTest {

    private final InMemorySpanExporter received = InMemorySpanExporter.create();
    private final RedactingSpanExporter exporter = new RedactingSpanExporter(received);

    private static SpanData span(String name, Attributes attributes, List<EventData> events, StatusData status) {
        return TestSpanData.builder()
                .setSpanContext(SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                        TraceFlags.getSampled(), TraceState.getDefault()))
                .setName(name).setKind(SpanKind.SERVER)
                .setStartEpochNanos(1).setEndEpochNanos(2).setHasEnded(true)
                .setAttributes(attributes).setTotalAttributeCount(attributes.size())
                .setEvents(events).setTotalRecordedEvents(events.size())
                .setStatus(status)
                .build();
    }

    private SpanData exported(SpanData span) {
        exporter.export(List.of(span));
        return received.getFinishedSpanItems().get(0);
    }

    @Test
    void queryStringsLeaveNoUrl() {
        SpanData out = exported(span("GET /clients", Attributes.builder()
                .put("url.path", "/clients").put("url.query", "q=Ada+Lovelace&status=ACTIVE")
                .put("url.full", "http://localhost:8081/clients?q=Ada+Lovelace#top")
                .put("http.target", "/clients?q=Ada").put("http.route", "/clients")
                .build(), List.of(), StatusData.unset()));

        assertNull(out.getAttributes().get(AttributeKey.stringKey("url.query")));
        assertEquals("http://localhost:8081/clients", out.getAttributes().get(AttributeKey.stringKey("url.full")));
        assertEquals("/clients", out.getAttributes().get(AttributeKey.stringKey("http.target")));
        assertEquals("/clients", out.getAttributes().get(AttributeKey.stringKey("url.path")));
        assertEquals("/clients", out.getAttributes().get(AttributeKey.stringKey("http.route")));
        assertFalse(out.toString().contains("Ada"), out.toString());
        assertEquals(out.getAttributes().size(), out.getTotalAttributeCount(), "nothing reported as dropped");
    }

    @Test
    void aClientsLinkTokenLeavesNoPath() {
        String token = "q2Lw0mD4Jk1vX8pN3rT6yA.b5Hc9eF2gJ7kM0nP4sU1wZ";
        SpanData page = exported(span("GET /c/" + token, Attributes.builder()
                .put("url.path", "/c/" + token).put("http.route", "/c/{token}").build(), List.of(), StatusData.unset()));
        assertEquals("/c/{token}", page.getAttributes().get(AttributeKey.stringKey("url.path")));
        assertEquals("GET /c/{token}", page.getName());
        received.reset();
        SpanData call = exported(span("GET", Attributes.builder()
                .put("url.full", "http://localhost:8082/links/appointments/" + token + "?x=1")
                .build(), List.of(), StatusData.unset()));
        assertEquals("http://localhost:8082/links/appointments/{token}",
                call.getAttributes().get(AttributeKey.stringKey("url.full")));
        received.reset();
        SpanData submit = exported(span("POST", Attributes.builder()
                .put("url.path", "/links/check-ins/" + token).build(), List.of(), StatusData.unset()));
        assertEquals("/links/check-ins/{token}", submit.getAttributes().get(AttributeKey.stringKey("url.path")));
        assertFalse((page + "" + call + submit).contains(token.substring(0, 10)));
    }

    @Test
    void exceptionsKeepTheirTypeOnly() {
        Attributes exception = Attributes.builder()
                .put("exception.type", "org.postgresql.util.PSQLException")
                .put("exception.message", "ERROR: new row violates check constraint. Detail: Failing row contains (ada@example.org)")
                .put("exception.stacktrace", "org.postgresql.util.PSQLException: ... ada@example.org\n\tat x.y(Z.java:1)")
                .build();
        SpanData out = exported(span("SELECT notifications", Attributes.builder().put("db.statement", "insert into t values (?)").build(),
                List.of(EventData.create(3, "exception", exception)),
                StatusData.create(StatusCode.ERROR, "Failing row contains (ada@example.org)")));

        EventData event = out.getEvents().get(0);
        assertEquals("exception", event.getName());
        assertEquals("org.postgresql.util.PSQLException", event.getAttributes().get(AttributeKey.stringKey("exception.type")));
        assertNull(event.getAttributes().get(AttributeKey.stringKey("exception.message")));
        assertNull(event.getAttributes().get(AttributeKey.stringKey("exception.stacktrace")));
        assertEquals(StatusCode.ERROR, out.getStatus().getStatusCode());
        assertEquals("", out.getStatus().getDescription());
        assertEquals("insert into t values (?)", out.getAttributes().get(AttributeKey.stringKey("db.statement")));
        assertFalse(out.toString().contains("ada@example.org"), out.toString());
    }

    @Test
    void idsAndTimesPassUnchanged() {
        SpanData in = span("GET /clients/{id}?x=1", Attributes.empty(), List.of(), StatusData.ok());
        SpanData out = exported(in);

        assertEquals("GET /clients/{id}", out.getName());
        assertEquals(in.getSpanContext(), out.getSpanContext());
        assertEquals(in.getStartEpochNanos(), out.getStartEpochNanos());
        assertEquals(StatusData.ok(), out.getStatus());
    }
}
