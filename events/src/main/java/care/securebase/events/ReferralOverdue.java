package care.securebase.events;

import java.util.UUID;

/**
 * A referral needs its coordinator: {@code kind} UNANSWERED (nobody answered by the respond-by date)
 * or NOT_STARTED (accepted, but not under way after the clinic's set time).
 */
public record ReferralOverdue(
        UUID referralId, UUID clientId, String clinicId, String organisationId, String coordinatorId, String kind)
        implements DomainEvent {

    @Override
    public String subject() {
        return referralId.toString();
    }
}
