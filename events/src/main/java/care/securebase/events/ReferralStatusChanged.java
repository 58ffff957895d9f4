package care.securebase.events;

import java.util.UUID;

public record ReferralStatusChanged(
        UUID referralId, UUID clientId, String clinicId, String organisationId, String status)
        implements DomainEvent {

    @Override
    public String subject() {
        return referralId.toString();
    }
}
