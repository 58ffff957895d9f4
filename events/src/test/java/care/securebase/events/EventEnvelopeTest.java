package care.securebase.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void roundTripKeepsMetadataAndPayload() throws Exception {
        var payload = new MaintenanceStarted(UUID.randomUUID(), UUID.randomUUID(), "northside", "clara",
                List.of(new MaintenanceStarted.Booster(UUID.randomUUID(), Instant.parse("2027-01-05T10:00:00Z"))));
        UUID id = UUID.randomUUID();
        Instant time = Instant.parse("2026-11-25T10:15:30Z");

        String json = mapper.writeValueAsString(EventEnvelope.wrap(payload, id, time, mapper));
        EventEnvelope parsed = EventEnvelope.parse(json, mapper);

        assertEquals(id, parsed.id());
        assertEquals("maintenance-started", parsed.type());
        assertEquals("sessions-service", parsed.source());
        assertEquals(time, parsed.time());
        assertEquals(payload.clientId().toString(), parsed.subject());
        assertEquals(1, parsed.schemaVersion());
        assertEquals(EventType.MAINTENANCE_STARTED, parsed.eventType().orElseThrow());
        assertEquals(payload, parsed.payload(MaintenanceStarted.class, mapper));
        assertTrue(json.contains("\"time\":\"2026-11-25T10:15:30Z\""), json);
    }

    @Test
    void referralEventsAreKeyedByReferral() {
        UUID referral = UUID.randomUUID();
        var sent = new ReferralStatusChanged(referral, UUID.randomUUID(), "northside", "riverside-family", "ACCEPTED",
                null, null);
        assertEquals(referral.toString(), sent.subject());
        assertEquals("referrals-service", EventType.of(sent).source());
    }

    @Test
    void unknownTypesAreEmptyNotErrors() {
        assertTrue(EventType.named("something-from-the-future").isEmpty());
    }

    @Test
    void wireNamesAndPayloadTypesAreUnique() {
        Set<String> names = Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.toSet());
        Set<Class<?>> types = Arrays.stream(EventType.values()).map(EventType::payloadType).collect(Collectors.toSet());
        assertEquals(EventType.values().length, names.size());
        assertEquals(EventType.values().length, types.size());
    }
}
