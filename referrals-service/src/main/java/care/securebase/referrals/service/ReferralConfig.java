package care.securebase.referrals.service;

import care.securebase.referrals.OverdueRules;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The referral rules' settings, read once. */
@Dependent
public class ReferralConfig {

    @Produces
    @Singleton
    OverdueRules overdueRules(
            @ConfigProperty(name = "securebase.referrals.not-started-after", defaultValue = "P14D") Duration notStartedAfter,
            @ConfigProperty(name = "securebase.referrals.expire-after", defaultValue = "P7D") Duration expireAfter,
            @ConfigProperty(name = "securebase.referrals.time-zone", defaultValue = "Europe/London") ZoneId zone) {
        return new OverdueRules(notStartedAfter, expireAfter, zone);
    }
}
