package care.securebase.kit.outbox;

import care.securebase.tracing.StoredTrace;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Hands one outbox row to Kafka; the future completes when the broker acknowledged it.
 *
 * <p>The record goes out in the trace of the transaction that wrote the row, not the relay's: the
 * connector's producer span becomes a child of that transaction's span and writes its own W3C
 * {@code traceparent} (and {@code tracestate}) header, which the consumers continue. Without the
 * row's context the connector would take the relay thread's, and every event would start a trace of
 * its own.
 */
@ApplicationScoped
public class OutboxSender {

    private final Emitter<String> emitter;
    private final String topicPrefix;

    /**
     * @param topicPrefix prepended to every topic (consumers' topics use the same property), so test
     *                    runs can share a broker without sharing topics
     */
    public OutboxSender(@Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                        Emitter<String> emitter,
                        @ConfigProperty(name = "securebase.topic-prefix") Optional<String> topicPrefix) {
        this.emitter = emitter;
        this.topicPrefix = topicPrefix.orElse("");
    }

    CompletableFuture<Void> send(OutboxEvent row) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        Message<String> message = Message.of(row.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(topicPrefix + row.topic)
                        .withKey(row.key)
                        .build())
                .addMetadata(TracingMetadata.withCurrent(new StoredTrace(row.traceparent, row.tracestate).context()))
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }
}
