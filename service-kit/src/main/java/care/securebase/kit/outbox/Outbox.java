package care.securebase.kit.outbox;

import care.securebase.events.DomainEvent;
import care.securebase.events.EventEnvelope;
import care.securebase.events.EventType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Records an event beside the state change that causes it; {@link OutboxRelay} publishes it. */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;

    public Outbox(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Must join the caller's transaction: an event without its state change is a lie. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(DomainEvent payload) {
        EventType type = EventType.of(payload);
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.createdAt = Instant.now();
        row.topic = type.topic();
        row.key = payload.subject();
        row.type = type.wireName();
        try {
            row.payload = mapper.writeValueAsString(EventEnvelope.wrap(payload, row.id, row.createdAt, mapper));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + type.wireName() + " cannot be serialised", e);
        }
        row.persist();
        return row.id;
    }
}
