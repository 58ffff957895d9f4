package care.securebase.portal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the four services answer. The REST clients take their base URLs from these keys (see
 * {@code quarkus.rest-client.*.url} in application.properties); the start script sets them through
 * {@code SECUREBASE_SERVICES_INTAKE_URL} and the like.
 */
@ConfigMapping(prefix = "securebase.services")
public interface ServicesConfig {

    @WithDefault("http://localhost:8081")
    String intakeUrl();

    @WithDefault("http://localhost:8082")
    String sessionsUrl();

    @WithDefault("http://localhost:8083")
    String referralsUrl();

    @WithDefault("http://localhost:8084")
    String notificationsUrl();
}
