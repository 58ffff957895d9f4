package care.securebase.events;

import java.util.UUID;

/** A client followed the opt-out link of a message: no more reminders by {@code channel}. */
public record ContactOptedOut(UUID clientId, String clinicId, String channel) implements DomainEvent {

    @Override
    public String subject() {
        return clientId.toString();
    }
}
