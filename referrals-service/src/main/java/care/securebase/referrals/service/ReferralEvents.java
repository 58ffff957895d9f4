package care.securebase.referrals.service;

import care.securebase.events.ReferralOverdue;
import care.securebase.events.ReferralSent;
import care.securebase.events.ReferralStatusChanged;
import care.securebase.kit.outbox.Outbox;
import care.securebase.referrals.OverdueRules;
import care.securebase.referrals.PartnerOrganisation;
import care.securebase.referrals.Referral;
import care.securebase.referrals.ReferralStatus;
import care.securebase.referrals.ReferralStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What other services hear about referrals, written to the outbox in the caller's transaction.
 * Only ids, statuses and codes: reason, hopes, notes and the client's details never leave.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReferralEvents {

    private final Outbox outbox;

    public ReferralEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A send: referral-sent (with the organisation's mailbox as of today), then the status change. */
    public void sent(Referral referral, ReferralStep step) {
        PartnerOrganisation org = PartnerOrganisation.findById(referral.organisationId);
        outbox.publish(new ReferralSent(referral.id, referral.clientId, referral.clinicId, referral.organisationId,
                referral.urgency.name(), referral.respondBy, referral.referredBy, org.noticeEmail));
        statusChanged(referral, step);
    }

    /** A status change, with the step's code as the reason (decline, cancellation, expiry) or outcome. */
    public void statusChanged(Referral referral, ReferralStep step) {
        String reason = switch (step.status) {
            case DECLINED, CANCELLED, EXPIRED -> step.code;
            default -> null;
        };
        String outcome = step.status == ReferralStatus.COMPLETED ? step.code : null;
        outbox.publish(new ReferralStatusChanged(referral.id, referral.clientId, referral.clinicId,
                referral.organisationId, step.status.name(), reason, outcome));
    }

    /** The referring coordinator (who sent it) is flagged. */
    public void overdue(Referral referral, OverdueRules.Kind kind) {
        outbox.publish(new ReferralOverdue(referral.id, referral.clientId, referral.clinicId, referral.organisationId,
                referral.referredBy != null ? referral.referredBy : referral.createdBy, kind.name()));
    }
}
