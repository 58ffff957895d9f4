package care.securebase.events;

import java.util.UUID;

/** An episode of care ended in discharge: the client's place on the clinician's caseload is free. */
public record EpisodeDischarged(UUID episodeId, UUID clientId, String clinicId, String clinicianId)
        implements DomainEvent {

    @Override
    public String subject() {
        return clientId.toString();
    }
}
