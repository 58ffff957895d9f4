package care.securebase.sessions.links;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The client links: their signing secret and how often one address may use them. */
@ConfigMapping(prefix = "securebase.links")
public interface LinksConfig {

    /** HMAC key of the link signatures; production takes it from the Kubernetes Secret, at least 32 characters. */
    String secret();

    RateLimit rateLimit();

    interface RateLimit {
        /** Requests to /links/... one remote address may make per window (per instance). */
        @WithDefault("60")
        int requests();

        @WithDefault("1m")
        Duration window();
    }
}
