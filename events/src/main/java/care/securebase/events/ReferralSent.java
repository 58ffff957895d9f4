package care.securebase.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A referral went to a partner organisation. The notice address is the organisation's intake
 * mailbox; the program's name and kind let the client's episode show where the referral went. The
 * referral's content (reason, hopes, shared information) stays in referrals-service.
 */
public record ReferralSent(
        UUID referralId,
        UUID clientId,
        String clinicId,
        String organisationId,
        UUID programId,
        String programName,
        String programKind,
        String urgency,
        LocalDate respondBy,
        String referredBy,
        String noticeEmail) implements DomainEvent {

    @Override
    public String subject() {
        return referralId.toString();
    }
}
