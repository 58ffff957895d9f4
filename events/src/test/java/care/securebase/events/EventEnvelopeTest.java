package care.securebase.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
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
    void checkInSentIsKeyedByClientOnTheNotificationsTopic() throws Exception {
        UUID client = UUID.randomUUID();
        var sent = new CheckInSent(UUID.randomUUID(), client, "northside", Instant.parse("2026-12-07T09:00:00Z"), "SMS");
        String json = mapper.writeValueAsString(EventEnvelope.wrap(sent, UUID.randomUUID(), Instant.now(), mapper));
        EventEnvelope parsed = EventEnvelope.parse(json, mapper);
        assertEquals(client.toString(), parsed.subject());
        assertEquals("check-in-sent", parsed.type());
        assertEquals(Topics.NOTIFICATIONS, EventType.CHECK_IN_SENT.topic());
        assertEquals("notifications-service", parsed.source());
        assertEquals(sent, parsed.payload(CheckInSent.class, mapper));
    }

    /** Version 2 records (with the program) are still on the topic: read, even by a mapper strict on unknown fields. */
    @Test
    void referralSentOfVersion2IsReadWithoutTheProgram() throws Exception {
        UUID referral = UUID.randomUUID();
        String version2 = """
                {"id":"%s","type":"referral-sent","source":"referrals-service","time":"2026-11-25T10:15:30Z",
                 "subject":"%s","schemaVersion":2,"data":{"referralId":"%s","clientId":"%s","clinicId":"northside",
                 "organisationId":"riverside-family","programId":"%s","programName":"Couples in conflict support",
                 "programKind":"SUPPORT_GROUP","urgency":"SOON","respondBy":"2026-12-01","referredBy":"carmen",
                 "noticeEmail":"intake@riverside.example.org"}}
                """.formatted(UUID.randomUUID(), referral, referral, UUID.randomUUID(), UUID.randomUUID());
        assertTrue(mapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        ReferralSent sent = EventEnvelope.parse(version2, mapper).payload(ReferralSent.class, mapper);
        assertEquals(referral, sent.referralId());
        assertEquals("riverside-family", sent.organisationId());
        assertEquals("carmen", sent.referredBy());

        String version3 = mapper.writeValueAsString(EventEnvelope.wrap(sent, UUID.randomUUID(), Instant.now(), mapper));
        assertEquals(3, EventEnvelope.parse(version3, mapper).schemaVersion());
        assertFalse(version3.contains("program"), version3);
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
