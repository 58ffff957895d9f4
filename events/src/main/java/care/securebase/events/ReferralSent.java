package care.securebase.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A referral went to a partner organisation: what notifications needs for the partner's notice (the
 * organisation's intake mailbox, clinic and client) and sessions for the episode's timeline (urgency,
 * who referred). The program is not here, neither by name, kind nor id: the program a client is
 * referred to can reveal a clinical need to every reader of the topic, and no consumer needs it (the
 * portal asks referrals-service, with the user's token, where it shows one). The referral's content
 * (reason, hopes, shared information) stays in referrals-service.
 *
 * <p>Version 2 records still on the topic carry programId, programName and programKind: they are read
 * and those fields ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralSent(
        UUID referralId,
        UUID clientId,
        String clinicId,
        String organisationId,
        String urgency,
        LocalDate respondBy,
        String referredBy,
        String noticeEmail) implements DomainEvent {

    @Override
    public String subject() {
        return referralId.toString();
    }
}
