package care.securebase.events;

import java.util.UUID;

/**
 * A referral moved to {@code status}. {@code reason} is the coded reason of a decline, cancellation
 * or withdrawal (e.g. NO_CAPACITY, CONSENT_REVOKED), {@code outcome} the coded outcome of a completed
 * referral (e.g. ENGAGED); both null otherwise. Free-text explanations stay in referrals-service.
 */
public record ReferralStatusChanged(
        UUID referralId, UUID clientId, String clinicId, String organisationId, String status, String reason,
        String outcome)
        implements DomainEvent {

    @Override
    public String subject() {
        return referralId.toString();
    }
}
