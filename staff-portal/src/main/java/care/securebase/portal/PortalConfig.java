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

    /** The client's pages reached by a link (check-in {@code /c/}, appointment {@code /a/}), without signing in. */
    PublicPages publicPages();

    interface PublicPages {

        /**
         * Requests one remote address may make to them per minute, counted by each portal instance
         * on its own. A check-in of three instruments takes about ten.
         */
        @WithDefault("30")
        int requestsPerMinute();
    }
}
