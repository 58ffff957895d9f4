package care.securebase.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A referral went to a partner organisation. The notice address is the organisation's intake
 * mailbox; the referral's content stays in referrals-service.
 */
public record ReferralSent(
        UUID referralId,
        UUID clientId,
        String clinicId,
        String organisationId,
        UUID programId,
        String urgency,
        LocalDate respondBy,
        String noticeEmail) implements DomainEvent {

    @Override
    public String subject() {
        return referralId.toString();
    }
}
