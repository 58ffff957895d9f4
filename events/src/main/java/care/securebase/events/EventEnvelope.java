package care.securebase.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What travels on every topic as JSON: the metadata every consumer needs, then the payload. */
public record EventEnvelope(
        UUID id, String type, String source, Instant time, String subject, int schemaVersion, JsonNode data) {

    public static EventEnvelope wrap(DomainEvent payload, UUID id, Instant time, ObjectMapper mapper) {
        EventType type = EventType.of(payload);
        return new EventEnvelope(id, type.wireName(), type.source(), time, payload.subject(),
                type.schemaVersion(), mapper.valueToTree(payload));
    }

    public static EventEnvelope parse(String json, ObjectMapper mapper) throws JsonProcessingException {
        return mapper.readValue(json, EventEnvelope.class);
    }

    public Optional<EventType> eventType() {
        return EventType.named(type);
    }

    public <T extends DomainEvent> T payload(Class<T> payloadType, ObjectMapper mapper) throws JsonProcessingException {
        return mapper.treeToValue(data, payloadType);
    }
}
