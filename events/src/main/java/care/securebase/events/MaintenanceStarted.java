package care.securebase.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An episode moved to maintenance; notifications schedules a reminder for each booster. */
public record MaintenanceStarted(
        UUID episodeId, UUID clientId, String clinicId, String clinicianId, List<Booster> boosters)
        implements DomainEvent {

    public record Booster(UUID boosterId, Instant dueAt) {
    }

    @Override
    public String subject() {
        return clientId.toString();
    }
}
