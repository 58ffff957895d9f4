package care.securebase.events;

import java.util.UUID;

/**
 * A message could not be delivered after its last try. {@code kind} says what it was (BOOSTER_REMINDER,
 * PARTNER_NOTICE, ...), never what it said; the clinic-admin follows it up from the delivery log.
 */
public record NotificationFailed(UUID deliveryId, String clinicId, String kind, String channel, int attempts)
        implements DomainEvent {

    @Override
    public String subject() {
        return deliveryId.toString();
    }
}
