package care.securebase.events;

import java.util.UUID;

/**
 * A booster session was attended or missed ({@code outcome} ATTENDED or MISSED). Its reminders are no
 * longer needed either way; a missed one is worth a notice to the client's clinician.
 */
public record BoosterRecorded(
        UUID episodeId, UUID clientId, String clinicId, String clinicianId, UUID boosterId, String outcome)
        implements DomainEvent {

    @Override
    public String subject() {
        return clientId.toString();
    }
}
