package care.securebase.events;

import java.util.List;
import java.util.UUID;

/**
 * A maintenance plan's booster schedule was edited. {@code boosters} is every booster still to come,
 * with its (possibly new) date: reminders for a booster missing from the list are cancelled, a moved
 * booster's reminders are rescheduled, a new one gets reminders.
 */
public record BoosterScheduleChanged(
        UUID episodeId, UUID clientId, String clinicId, String clinicianId, List<MaintenanceStarted.Booster> boosters)
        implements DomainEvent {

    @Override
    public String subject() {
        return clientId.toString();
    }
}
