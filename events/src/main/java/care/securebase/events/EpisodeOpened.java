package care.securebase.events;

import java.util.UUID;

public record EpisodeOpened(UUID episodeId, UUID clientId, UUID intakeId, String clinicId, String clinicianId)
        implements DomainEvent {

    @Override
    public String subject() {
        return clientId.toString();
    }
}
