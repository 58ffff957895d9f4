package care.securebase.events;

import java.time.Instant;
import java.util.UUID;

/** A booster reminder reached the client's channel (EMAIL, SMS); shown on the client's episode. */
public record ReminderSent(
        UUID reminderId, UUID boosterId, UUID episodeId, UUID clientId, String clinicId, String channel,
        Instant sentAt)
        implements DomainEvent {

    @Override
    public String subject() {
        return clientId.toString();
    }
}
