package care.securebase.sessions.rest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.EventEnvelope;
import care.securebase.events.IntakeCompleted;
import care.securebase.kit.testing.TestKafka;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
 * An event's trace goes on through its consumer: the intake-completed record's {@code traceparent}
 * becomes the parent of sessions' consumer span, the episode is opened within that trace, and the
 * episode-opened event sessions publishes carries the same trace onwards.
 */
@QuarkusTest
class TraceFromKafkaTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theConsumerContinuesTheProducersTrace() {
        Random random = new Random();
        String traceId = HexFormat.of().formatHex(bytes(random, 16));
        String producerSpan = HexFormat.of().formatHex(bytes(random, 8));
        IntakeCompleted intake = Episodes.intake("northside");
        TestKafka.publish(Episodes.INTAKE_TOPIC, EventEnvelope.wrap(intake, UUID.randomUUID(), Instant.now(), TestKafka.MAPPER),
                Map.of("traceparent", "00-" + traceId + "-" + producerSpan + "-01"));
        String episode = Episodes.awaitEpisodes(intake.clientId(), "northside", 1);

        SpanData consumer = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.CONSUMER && s.getTraceId().equals(traceId)).findFirst(),
                Optional::isPresent).get();
        assertEquals(producerSpan, consumer.getParentSpanId(), "the consumer's span is a child of the producer's");
        await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .anyMatch(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.CLIENT
                        && String.valueOf(s.getAttributes().asMap().toString()).contains("insert into episode")));

        List<ConsumerRecord<String, String>> records = TestKafka.records(Episodes.SESSIONS_TOPIC, Episodes.WAIT,
                seen -> opened(seen, episode).isPresent());
        ConsumerRecord<String, String> record = opened(records, episode)
                .orElseThrow(() -> new AssertionError("episode-opened of " + episode + " not on " + Episodes.SESSIONS_TOPIC));
        Header traceparent = record.headers().lastHeader("traceparent");
        assertNotNull(traceparent, "episode-opened carries a traceparent");
        String[] header = new String(traceparent.value(), StandardCharsets.UTF_8).split("-");
        assertEquals(traceId, header[1], "episode-opened goes on in the intake's trace");
        SpanData relayed = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getSpanId().equals(header[2])).findFirst(), Optional::isPresent).get();
        assertEquals(SpanKind.PRODUCER, relayed.getKind());
        assertTrue(spans.getFinishedSpanItems().stream().anyMatch(s -> s.getSpanId().equals(relayed.getParentSpanId())
                        && s.getTraceId().equals(traceId)),
                "the relay's send hangs under a span of the consumer's trace");
    }

    private static Optional<ConsumerRecord<String, String>> opened(List<ConsumerRecord<String, String>> records, String episode) {
        return records.stream().filter(r -> r.value().contains("\"episode-opened\"") && r.value().contains(episode)).findFirst();
    }

    private static byte[] bytes(Random random, int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }
}
