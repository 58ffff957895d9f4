package care.securebase.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The message carrying a check-in's link reached the client's channel (EMAIL, SMS): sessions shows the
 * check-in as sent. Ids, the time and the channel only; never the link, which is the client's credential.
 */
public record CheckInSent(UUID checkInId, UUID clientId, String clinicId, Instant sentAt, String channel)
        implements DomainEvent {

    @Override
    public String subject() {
        return clientId.toString();
    }
}
