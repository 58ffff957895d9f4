package care.securebase.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A client's consent was recorded or revoked. {@code scope} names what it covers: TREATMENT,
 * SHARE_&lt;partner kind&gt; (e.g. SHARE_SOCIAL_WORK) or CONTACT_&lt;channel&gt; (e.g. CONTACT_EMAIL).
 * Referrals go only where sharing is consented; reminders only by consented channels.
 */
public record ConsentChanged(
        UUID clientId, String clinicId, UUID consentId, String scope, boolean granted, Instant effectiveAt)
        implements DomainEvent {

    @Override
    public String subject() {
        return clientId.toString();
    }
}
