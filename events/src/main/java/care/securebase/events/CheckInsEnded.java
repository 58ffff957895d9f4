package care.securebase.events;

import java.util.UUID;

/**
 * An episode's check-in schedule was stopped (by the clinician, or by discharge or relapse): check-ins
 * already due and not yet sent are not sent.
 */
public record CheckInsEnded(UUID episodeId, UUID clientId, String clinicId)
        implements DomainEvent {

    @Override
    public String subject() {
        return clientId.toString();
    }
}
