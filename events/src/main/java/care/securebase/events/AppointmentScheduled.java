package care.securebase.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A session was scheduled, or moved (same {@code sessionId}, a new {@code startsAt}): notifications plans
 * its reminders at the clinic's lead times, replacing any planned for an earlier time. {@code link} is
 * the session's single-use link token by which the client confirms or asks to cancel (expiring at
 * {@code startsAt}); {@code videoLink} is the clinic's video link for a telehealth session, null
 * otherwise. No client name, no modality, nothing clinical.
 */
public record AppointmentScheduled(
        UUID sessionId, UUID episodeId, UUID clientId, String clinicId, String clinicianId, Instant startsAt,
        String link, String videoLink)
        implements DomainEvent {

    @Override
    public String subject() {
        return clientId.toString();
    }
}
