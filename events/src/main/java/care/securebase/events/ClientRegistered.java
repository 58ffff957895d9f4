package care.securebase.events;

import java.util.UUID;

/**
 * A client was registered or their contact details changed. Carries only what reminders need to
 * reach them; never anything clinical.
 */
public record ClientRegistered(
        UUID clientId,
        String clinicId,
        String preferredName,
        String email,
        String phone,
        String preferredChannel,
        String language,
        String timeZone) implements DomainEvent {

    @Override
    public String subject() {
        return clientId.toString();
    }
}
