package care.securebase.sessions.links;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One signer and one per-address limiter for the whole instance, from {@link LinksConfig}. */
@Dependent
public class LinkBeans {

    @Produces
    @Singleton
    LinkTokens tokens(LinksConfig config) {
        return new LinkTokens(config.secret());
    }

    @Produces
    @Singleton
    RateLimiter limiter(LinksConfig config) {
        return new RateLimiter(config.rateLimit().requests(), config.rateLimit().window());
    }
}
