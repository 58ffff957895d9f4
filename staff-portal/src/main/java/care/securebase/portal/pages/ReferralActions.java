package care.securebase.portal.pages;

import care.securebase.portal.web.Roles;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which moves a referral page offers, by the referral's status and the user's roles, following the
 * life cycle of referrals-service (ReferralStatus): the partner's social worker answers and reports
 * progress, the referring clinic's care coordinator may withdraw it. The service decides in the
 * end; this only keeps buttons that cannot work off the page.
 */
public final class ReferralActions {

    /**
     * @param code the coded field the move carries ("reason", "outcome") or null; an optional free-text
     *             "note" may always come with it and stays in referrals-service
     * @param codes the codes referrals-service accepts for it (ReferralCodes there)
     * @param codeRequired whether the service requires it
     * @param dated whether the move carries a date (the first appointment of a scheduled referral)
     */
    public record Action(String name, String label, String role, Set<String> from, String code, String codeLabel,
                         List<String> codes, boolean codeRequired, boolean destructive, boolean dated) {
    }

    static final List<String> DECLINE_REASONS = List.of("NO_CAPACITY", "NOT_ELIGIBLE", "OUT_OF_AREA",
            "SERVICE_NOT_SUITABLE", "CLIENT_UNREACHABLE", "CLIENT_DECLINED", "OTHER");
    /** The reasons a person may give; CONSENT_REVOKED is the service's own. */
    static final List<String> CANCEL_REASONS = List.of("CLIENT_WITHDREW", "NO_LONGER_NEEDED", "REFERRED_ELSEWHERE",
            "ENTERED_IN_ERROR", "OTHER");
    static final List<String> OUTCOMES = List.of("GOALS_MET", "ENGAGED", "PARTIALLY_ENGAGED", "DID_NOT_ENGAGE",
            "CLIENT_WITHDREW", "REFERRED_ON", "OTHER");

    static final List<Action> ALL = List.of(
            new Action("accept", "Accept referral", Roles.SOCIAL_WORKER, Set.of("SENT", "RECEIVED"),
                    null, null, List.of(), false, false, false),
            new Action("decline", "Decline referral", Roles.SOCIAL_WORKER, Set.of("SENT", "RECEIVED"),
                    "reason", "Why the referral is declined", DECLINE_REASONS, true, true, false),
            new Action("schedule", "Set the first appointment", Roles.SOCIAL_WORKER, Set.of("ACCEPTED", "SCHEDULED"),
                    null, null, List.of(), false, false, true),
            new Action("start", "Start work with the client", Roles.SOCIAL_WORKER, Set.of("ACCEPTED", "SCHEDULED"),
                    null, null, List.of(), false, false, false),
            new Action("complete", "Mark as completed", Roles.SOCIAL_WORKER, Set.of("SCHEDULED", "IN_PROGRESS"),
                    "outcome", "Outcome", OUTCOMES, true, false, false),
            new Action("cancel", "Withdraw referral", Roles.CARE_COORDINATOR,
                    Set.of("DRAFT", "SENT", "RECEIVED", "ACCEPTED", "SCHEDULED", "IN_PROGRESS"),
                    "reason", "Why the referral is withdrawn", CANCEL_REASONS, true, true, false));

    private ReferralActions() {
    }

    public static List<Action> available(String status, Collection<String> roles) {
        return ALL.stream().filter(a -> a.from().contains(status) && roles.contains(a.role())).toList();
    }

    public static Optional<Action> named(String name) {
        return ALL.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
