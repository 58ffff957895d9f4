package care.securebase.portal.pages;

import care.securebase.portal.api.ReferralsApi;
import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The program each referral went to, for an episode's timeline. referral-sent does not carry it (the
 * program can reveal a clinical need to every reader of the topic), so referrals-service is asked, with
 * the user's own token, once per referral and request. One it will not show stays unnamed: a page never
 * fails for a name.
 */
@RequestScoped
public class ReferralPrograms {

    private final ReferralsApi referrals;
    private final Map<String, Optional<String>> known = new HashMap<>();

    public ReferralPrograms(@RestClient ReferralsApi referrals) {
        this.referrals = referrals;
    }

    /** The program's name, or null when referrals-service does not say. */
    public String of(String referralId) {
        return known.computeIfAbsent(referralId, id -> {
            try {
                return Optional.ofNullable(referrals.referral(id).programName());
            } catch (RuntimeException unavailable) {
                return Optional.empty();
            }
        }).orElse(null);
    }
}
