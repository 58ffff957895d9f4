package care.securebase.events;

import java.util.UUID;

/**
 * The client asked, by the link in a reminder, to cancel a scheduled session: the request goes to the
 * clinician's inbox; the session stays scheduled until staff change it.
 */
public record AppointmentCancelRequested(UUID sessionId, UUID clientId, String clinicId, String clinicianId)
        implements DomainEvent {

    @Override
    public String subject() {
        return clientId.toString();
    }
}
