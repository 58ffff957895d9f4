package care.securebase.kit.outbox;

import care.securebase.events.DomainEvent;
import care.securebase.events.EventEnvelope;
import care.securebase.events.EventType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads what arrives on a topic. A record that is not an event we know is skipped, not retried
 * forever; only its id and type are logged, never its payload.
 */
@ApplicationScoped
public class IncomingEvents {

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);

    private final ObjectMapper mapper;

    public IncomingEvents(ObjectMapper mapper) {
        this.mapper = mapper;
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
