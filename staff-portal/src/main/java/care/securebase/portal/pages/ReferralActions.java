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
     * @param note the form field the move carries ("reason", "outcome") or null
     * @param noteRequired whether the service requires it
     */
    public record Action(String name, String label, String role, Set<String> from, String note, String noteLabel,
                         boolean noteRequired, boolean destructive) {
    }

    static final List<Action> ALL = List.of(
            new Action("accept", "Accept referral", Roles.SOCIAL_WORKER, Set.of("SENT", "RECEIVED"),
                    null, null, false, false),
            new Action("decline", "Decline referral", Roles.SOCIAL_WORKER, Set.of("SENT", "RECEIVED"),
                    "reason", "Why the referral is declined", true, true),
            new Action("start", "Start work with the client", Roles.SOCIAL_WORKER, Set.of("ACCEPTED"),
                    null, null, false, false),
            new Action("complete", "Mark as completed", Roles.SOCIAL_WORKER, Set.of("IN_PROGRESS"),
                    "outcome", "Outcome", true, false),
            new Action("cancel", "Withdraw referral", Roles.CARE_COORDINATOR,
                    Set.of("DRAFT", "SENT", "RECEIVED", "ACCEPTED", "IN_PROGRESS"),
                    "reason", "Why the referral is withdrawn (optional)", false, true));

    private ReferralActions() {
    }

    public static List<Action> available(String status, Collection<String> roles) {
        return ALL.stream().filter(a -> a.from().contains(status) && roles.contains(a.role())).toList();
    }

    public static Optional<Action> named(String name) {
        return ALL.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
