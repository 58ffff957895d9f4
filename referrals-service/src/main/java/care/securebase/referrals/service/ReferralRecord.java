package care.securebase.referrals.service;

import care.securebase.referrals.OverdueRules;
import care.securebase.referrals.Program;
import care.securebase.referrals.Referral;
import care.securebase.referrals.ReferralStatus;
import care.securebase.referrals.ReferralStep;
import java.time.Instant;
import java.util.List;

/**
 * A referral with what its views need. Status and last change are read from the history, so a
 * history cut at an earlier step (an idempotent replay) describes the referral as it was then.
 *
 * @param forPartner whether the caller is the receiving organisation, who gets the partner view
 * @param replayed   whether this answers a retried request that changed nothing
 * @param overdue    why the referral needs its coordinator now, or null
 */
public record ReferralRecord(Referral referral, Program program, List<ReferralStep> history,
                             boolean forPartner, boolean replayed, OverdueRules.Kind overdue) {

    public ReferralStatus status() {
        return history.isEmpty() ? referral.status : history.get(history.size() - 1).status;
    }

    public Instant updatedAt() {
        return history.isEmpty() ? referral.updatedAt : history.get(history.size() - 1).at;
    }
}
