package care.securebase.events;

import java.util.UUID;

/**
 * A risk flag was raised for a client. {@code level} is LOW, MODERATE or HIGH; {@code source} says what
 * raised it (PHQ9_ITEM9, CSSRS_SCREEN, CLINICIAN_JUDGEMENT) without any answer or note. A HIGH flag makes
 * the intake urgent: notifications tells the clinic's on-call clinician ({@code onCallClinicianId}, null
 * when nobody is on call) at once. {@code clinicianId} is the assigned clinician, null while waitlisted.
 */
public record RiskFlagRaised(
        UUID clientId, String clinicId, UUID intakeId, String level, String source, String clinicianId,
        String onCallClinicianId)
        implements DomainEvent {

    @Override
    public String subject() {
        return clientId.toString();
    }
}
