package care.securebase.events;

import java.util.UUID;

/**
 * A risk flag was raised for a client. {@code level} is LOW, MODERATE or HIGH; {@code source} says what
 * raised it (PHQ9_ITEM9, CSSRS_SCREEN, CLINICIAN_JUDGEMENT) without any answer or note. A HIGH flag makes
 * the intake urgent: notifications tells the clinic's on-call clinician at once.
 */
public record RiskFlagRaised(
        UUID clientId, String clinicId, UUID intakeId, String level, String source, String clinicianId)
        implements DomainEvent {

    @Override
    public String subject() {
        return clientId.toString();
    }
}
