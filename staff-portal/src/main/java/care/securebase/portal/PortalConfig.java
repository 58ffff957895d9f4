package care.securebase.portal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

@ConfigMapping(prefix = "securebase.portal")
public interface PortalConfig {

    /** Dates and times on the pages are shown in this zone, and booster dates are read in it. */
    @WithDefault("Europe/London")
    ZoneId timeZone();

    /** Where the pages load htmx from: its WebJar's path, naming the version staff-portal/pom.xml fixes. */
    String htmx();
}
