package care.securebase.events;

import java.util.UUID;

/**
 * A check-in gave the clinician something to look at. {@code kind} is RISK (a risk item answered
 * positively: notifications tells the clinic's on-call clinician at once, quiet hours never apply, as for
 * an intake's high risk), DETERIORATION (reliable deterioration since the baseline or the last check-in),
 * WARNING_SIGNS (warning signs reported at or above the plan's count) or MISSED (check-ins expired
 * unanswered in a row). Ids and the kind only: never an answer, a score, a sign or the diary.
 * {@code onCallClinicianId} is set for RISK only (null when nobody is on call).
 */
public record CheckInFlagged(
        UUID checkInId, UUID episodeId, UUID clientId, String clinicId, String clinicianId, String kind,
        String onCallClinicianId)
        implements DomainEvent {

    @Override
    public String subject() {
        return clientId.toString();
    }
}
