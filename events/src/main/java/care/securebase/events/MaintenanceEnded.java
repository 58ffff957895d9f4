package care.securebase.events;

import java.util.List;
import java.util.UUID;

/**
 * An episode left maintenance (relapse back into treatment, or discharge): its outstanding boosters
 * are called off and nobody should be reminded of them.
 */
public record MaintenanceEnded(
        UUID episodeId, UUID clientId, String clinicId, String newPhase, List<UUID> cancelledBoosterIds)
        implements DomainEvent {

    @Override
    public String subject() {
        return clientId.toString();
    }
}
