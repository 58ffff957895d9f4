package care.securebase.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A page's trace goes on into the services it calls: the REST clients send the trace along. */
@QuarkusTest
@WithTestResource(FakeServices.class)
class TracePropagationTest {

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void clean() {
        FakeServices.reset();
    }

    @Test
    void theServiceCallContinuesThePagesTrace() throws InterruptedException {
        Random random = new Random();
        byte[] trace = new byte[16];
        byte[] caller = new byte[8];
        random.nextBytes(trace);
        random.nextBytes(caller);
        String traceId = HexFormat.of().formatHex(trace);
        FakeServices.answer("GET /intake/clients", 200, "[" + PagesTest.CLIENT + "]");

        PagesTest.as("ingrid").header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(caller) + "-01")
                .get("/clients?q=lee").then().statusCode(200);

        String sent = FakeServices.last("GET /intake/clients").header("traceparent");
        assertNotNull(sent, "the portal sends the trace to the service");
        String[] parts = sent.split("-");
        assertEquals(traceId, parts[1], "the service's work joins the page's trace");
        SpanData client = finished(parts[2]);
        assertEquals(SpanKind.CLIENT, client.getKind());
        SpanData page = finished(client.getParentSpanId());
        assertEquals(SpanKind.SERVER, page.getKind());
        assertEquals(traceId, page.getTraceId());
    }

    /** Spans reach the exporter in batches (every 100 ms in tests). */
    private SpanData finished(String spanId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Optional<SpanData> span = spans.getFinishedSpanItems().stream().filter(s -> s.getSpanId().equals(spanId)).findFirst();
            if (span.isPresent()) {
                return span.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("span " + spanId + " not finished within 10 s");
    }
}
