package care.securebase.notifications;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.ClientRegistered;
import care.securebase.events.EventEnvelope;
import care.securebase.events.MaintenanceStarted;
import care.securebase.events.MaintenanceStarted.Booster;
import care.securebase.kit.testing.TestKafka;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The maintenance plan's trace goes on to its reminder: the reminder is planned within the trace of the
 * maintenance-started event, and mailed (days later in life, at once here) within it too, so the plan's
 * trace ends at the SMTP server.
 */
@QuarkusTest
class ReminderTraceTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theReminderIsMailedInTheTraceOfThePlan() {
        Random random = new Random();
        String traceId = HexFormat.of().formatHex(bytes(random, 16));
        String producerSpan = HexFormat.of().formatHex(bytes(random, 8));
        String email = Events.uniqueAddress("trace", "example.test");
        UUID clientId = UUID.randomUUID();
        Events.publishTwice(RemindersEndToEndTest.INTAKE, new ClientRegistered(clientId, "northside", "Tia", email,
                null, "EMAIL", "en-GB", "Europe/London"));
        Events.consents(clientId, "northside", "CONTACT_EMAIL");

        Instant booster = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        MaintenanceStarted plan = new MaintenanceStarted(UUID.randomUUID(), clientId, "northside", "clara",
                List.of(new Booster(UUID.randomUUID(), booster)));
        TestKafka.publish(RemindersEndToEndTest.SESSIONS, EventEnvelope.wrap(plan, UUID.randomUUID(), Instant.now(),
                TestKafka.MAPPER), Map.of("traceparent", "00-" + traceId + "-" + producerSpan + "-01"));
        await().atMost(RemindersEndToEndTest.WITHIN).until(() -> GreenMailApi.messagesFor(email).size() >= 1);

        SpanData smtp = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("smtp send") && s.getTraceId().equals(traceId)).findFirst(),
                Optional::isPresent).get();
        assertEquals(SpanKind.CLIENT, smtp.getKind());
        SpanData delivery = find(smtp.getParentSpanId());
        assertEquals("deliver booster-reminder", delivery.getName());
        assertEquals("SENT", delivery.getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals("securebase.delivery.status")).findFirst().orElseThrow().getValue());

        // Up the tree from the delivery: the consumer that planned the reminder, then the plan's producer.
        SpanData span = delivery;
        while (!span.getParentSpanId().equals(producerSpan)) {
            span = find(span.getParentSpanId());
        }
        assertEquals(SpanKind.CONSUMER, span.getKind(), "the reminder was planned by the consumer of the plan's event");

        List<SpanData> trace = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
        assertTrue(trace.size() >= 4, "consumer, handler, delivery, SMTP: " + trace);
        assertFalse(trace.toString().contains(email), "no span names the recipient");
        assertFalse(trace.toString().contains("Tia"), "no span names the client");
    }

    private SpanData find(String spanId) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getSpanId().equals(spanId)).findFirst()
                .orElseThrow(() -> new AssertionError("no finished span " + spanId));
    }

    private static byte[] bytes(Random random, int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }
}
