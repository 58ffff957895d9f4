package care.securebase.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A check-in of an episode's schedule fell due: notifications sends the client the link, over the
 * consented channel, with the same rules as reminders. {@code link} is the check-in's single-use link
 * token (the credential of the client's page, expiring at {@code expiresAt}); notifications needs it to
 * build the link and nothing else. No instrument, warning sign or other clinical word: what is asked is
 * on the page behind the link.
 */
public record CheckInDue(
        UUID checkInId, UUID episodeId, UUID clientId, String clinicId, String link, Instant dueAt,
        Instant expiresAt)
        implements DomainEvent {

    @Override
    public String subject() {
        return clientId.toString();
    }
}
