package care.securebase.notifications.staff;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "securebase.staff-directory")
public interface StaffDirectoryConfig {

    /** Keycloak's base URL (the REST client {@code staff-directory} is pointed here). */
    String url();

    @WithDefault("securebase")
    String realm();

    /** How long a found address is reused; short, so a changed address is picked up soon. */
    @WithDefault("10m")
    Duration cacheTtl();

    /** The longest a token request may take before the send counts as a failed attempt. */
    @WithDefault("10s")
    Duration tokenTimeout();
}
