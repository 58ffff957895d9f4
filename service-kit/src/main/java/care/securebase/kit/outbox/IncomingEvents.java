package care.securebase.kit.outbox;

import care.securebase.events.DomainEvent;
import care.securebase.events.EventEnvelope;
import care.securebase.events.EventType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * Reads what arrives on a topic. A record that is not an event we know is skipped, not retried
 * forever; only its id and type are logged, never its payload.
 *
 * <p>Channels are read a poll at a time ({@code mp.messaging.incoming.NAME.batch=true}, see
 * {@link #each}): the hop to a worker thread, the retry interceptor and the offset bookkeeping are
 * paid once per poll instead of once per event.
 */
@ApplicationScoped
public class IncomingEvents {

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);

    private final ObjectMapper mapper;
    private final Tracer tracer;

    public IncomingEvents(ObjectMapper mapper, Tracer tracer) {
        this.mapper = mapper;
        this.tracer = tracer;
    }

    /**
     * Applies what one poll brought, record by record: in each partition's order (a subject's events
     * share a partition), each with its own transaction where the handler opens one, and each inside
     * its producer's trace (a span named {@code handler}, child of the connector's consumer span for
     * that record). A record that fails ends the call; the consumer's retry starts the poll over, the
     * records already applied are redeliveries its inbox turns away, and none after the failure is skipped.
     */
    public void each(String handler, ConsumerRecords<String, String> records,
                     IncomingKafkaRecordBatchMetadata<String, String> metadata, Consumer<String> onRecord) {
        // ConsumerRecords iterates partition by partition, each in offset order.
        for (ConsumerRecord<String, String> record : records) {
            Span span = tracer.spanBuilder(handler).setParent(producerTrace(record, metadata)).startSpan();
            try (Scope ignored = span.makeCurrent()) {
                onRecord.accept(record.value());
            } catch (RuntimeException e) {
                // The class only: a message may quote clinical content.
                span.setStatus(StatusCode.ERROR, e.getClass().getName());
                throw e;
            } finally {
                span.end();
            }
        }
    }

    private static Context producerTrace(ConsumerRecord<String, String> record,
                                         IncomingKafkaRecordBatchMetadata<String, String> metadata) {
        TracingMetadata tracing = metadata == null ? null : metadata.getMetadataForRecord(record, TracingMetadata.class);
        return tracing == null ? Context.current() : tracing.getCurrentContext();
    }

    /** An event with its type resolved, ready for {@link #payload(Class)} and {@link Inbox#firstDelivery}. */
    public record Received(EventEnvelope envelope, EventType type, ObjectMapper mapper) {
        /**
         * The payload, or empty when it cannot be read: retrying cannot fix that, so the event is
         * skipped (logged by id and type only) and the partition keeps moving.
         */
        public <T extends DomainEvent> Optional<T> readablePayload(Class<T> payloadType) {
            try {
                return Optional.of(payload(payloadType));
            } catch (IllegalArgumentException e) {
                LOG.warnf("Skipped event %s (%s): unreadable payload", envelope.id(), envelope.type());
                return Optional.empty();
            }
        }

        public <T extends DomainEvent> T payload(Class<T> payloadType) {
            try {
                return envelope.payload(payloadType, mapper);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Event " + envelope.id() + " has an unreadable payload", e);
            }
        }
    }

    public Optional<Received> parse(String json) {
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.parse(json, mapper);
        } catch (JsonProcessingException e) {
            LOG.warn("Skipped a record that is not an event envelope");
            return Optional.empty();
        }
        Optional<EventType> type = envelope.eventType();
        if (type.isEmpty()) {
            LOG.debugf("Skipped event %s of unknown type %s", envelope.id(), envelope.type());
        }
        return type.map(t -> new Received(envelope, t, mapper));
    }
}
