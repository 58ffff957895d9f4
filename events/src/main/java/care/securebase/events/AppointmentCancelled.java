package care.securebase.events;

import java.util.UUID;

/** A scheduled session was cancelled or held early by staff: its reminders not yet sent are not sent. */
public record AppointmentCancelled(UUID sessionId, UUID clientId, String clinicId)
        implements DomainEvent {

    @Override
    public String subject() {
        return clientId.toString();
    }
}
