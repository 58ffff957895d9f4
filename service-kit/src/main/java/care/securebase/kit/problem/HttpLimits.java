package care.securebase.kit.problem;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What a request may hold before it is refused with problem+json (414, 431). Vert.x's own codec limits
 * (quarkus.http.limits.*) sit far above these, so the application, not the codec, answers.
 */
@ConfigMapping(prefix = "securebase.http")
public interface HttpLimits {
    /** Characters of the request URI, query included: Vert.x's default for the whole request line. */
    @WithDefault("4096")
    int maxUriLength();

    /** Bytes of all headers together: Vert.x's default. */
    @WithDefault("20480")
    int maxHeaderBytes();
}
