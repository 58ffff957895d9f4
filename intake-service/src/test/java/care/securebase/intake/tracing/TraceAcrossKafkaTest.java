package care.securebase.intake.tracing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.kit.outbox.OutboxEvent;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * A request's trace goes with the events it publishes: the outbox row keeps the request's trace, the
 * relay (on its own thread, later) sends the record within it, and the record's {@code traceparent}
 * names the relay's producer span, a child of the request's.
 */
@QuarkusTest
class TraceAcrossKafkaTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theRegistrationsEventCarriesTheRequestsTrace() {
        Random random = new Random();
        String traceId = HexFormat.of().formatHex(randomBytes(random, 16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(random, 8));

        String client = given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(Map.of("legalName", "Tracey " + letters(random), "preferredName", "Tracey",
                        "dateOfBirth", "1985-03-02", "email", "tracey." + UUID.randomUUID() + "@example.org",
                        "preferredChannel", "EMAIL", "language", "en", "timeZone", "Europe/London"))
                .post("/clients").then().statusCode(201).extract().path("id");

        String stored = QuarkusTransaction.requiringNew().call(() -> (String) OutboxEvent.getEntityManager()
                .createNativeQuery("select traceparent from outbox_event where event_key = ?1 and type = 'client-registered'")
                .setParameter(1, client).getSingleResult());
        assertNotNull(stored, "the outbox row keeps the request's trace");
        assertEquals(traceId, stored.split("-")[1]);

        List<ConsumerRecord<String, String>> records = TestKafka.records("test-intake-events", Duration.ofSeconds(20),
                seen -> registration(seen, client).isPresent());
        ConsumerRecord<String, String> record = registration(records, client).orElseThrow(
                () -> new AssertionError("client-registered of " + client + " not on test-intake-events"));
        Header traceparent = record.headers().lastHeader("traceparent");
        assertNotNull(traceparent, "the record carries a traceparent");
        String[] header = new String(traceparent.value(), StandardCharsets.UTF_8).split("-");
        assertEquals(traceId, header[1], "the record continues the request's trace, not the relay's");

        SpanData server = await().atMost(Duration.ofSeconds(10)).until(() -> span(traceId, SpanKind.SERVER), Optional::isPresent).get();
        assertEquals(callerSpan, server.getParentSpanId(), "the service continued the caller's trace");
        SpanData producer = await().atMost(Duration.ofSeconds(10))
                .until(() -> spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getSpanId().equals(header[2])).findFirst(), Optional::isPresent).get();
        assertEquals(SpanKind.PRODUCER, producer.getKind());
        assertEquals(traceId, producer.getTraceId());
        assertEquals(stored.split("-")[2], producer.getParentSpanId(),
                "the relay's send is a child of the span that wrote the row");
        assertTrue(spans.getFinishedSpanItems().stream().anyMatch(s -> s.getTraceId().equals(traceId)
                        && s.getKind() == SpanKind.CLIENT && s.getAttributes().asMap().keySet().stream()
                        .anyMatch(k -> k.getKey().startsWith("db."))),
                "the request's database statements are in its trace");
        assertFalse(spans.getFinishedSpanItems().stream().anyMatch(s -> s.getKind() == SpanKind.CLIENT
                        && !s.getParentSpanContext().isValid() && s.getAttributes().asMap().keySet().stream()
                        .anyMatch(k -> k.getKey().startsWith("db."))),
                "no database statement outside a request is recorded (the relay's poll)");
    }

    private Optional<SpanData> span(String traceId, SpanKind kind) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == kind).findFirst();
    }

    private static Optional<ConsumerRecord<String, String>> registration(List<ConsumerRecord<String, String>> records,
                                                                         String client) {
        return records.stream().filter(r -> client.equals(r.key()) && r.value().contains("\"client-registered\"")).findFirst();
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String letters(Random random) {
        StringBuilder name = new StringBuilder("T");
        for (int i = 0; i < 9; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }
}
