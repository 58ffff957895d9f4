package care.securebase.sessions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Optional;

/**
 * What a client's page says about the clinic (its name, its crisis line, its time zone) and the video
 * room of its telehealth sessions, keyed by clinic id as notifications-service keys its clinics
 * ({@code securebase.clinics.<id>.name|crisis-line|video-link|time-zone}).
 */
@ConfigMapping(prefix = "securebase.clinics")
public interface ClinicsConfig {

    /** Shown when a clinic has no crisis line of its own. */
    String DEFAULT_CRISIS_LINE =
            "If you are in danger or might act on thoughts of harming yourself, call your local emergency number now.";

    @WithParentName
    Map<String, Clinic> all();

    interface Clinic {
        String name();

        Optional<String> crisisLine();

        /** The clinic's video room for telehealth sessions that name none of their own. */
        Optional<String> videoLink();

        Optional<String> timeZone();
    }

    default String nameOf(String clinicId) {
        Clinic c = all().get(clinicId);
        return c == null ? clinicId : c.name();
    }

    default String crisisLineOf(String clinicId) {
        Clinic c = all().get(clinicId);
        return c == null ? DEFAULT_CRISIS_LINE : c.crisisLine().orElse(DEFAULT_CRISIS_LINE);
    }

    default Optional<String> videoLinkOf(String clinicId) {
        Clinic c = all().get(clinicId);
        return c == null ? Optional.empty() : c.videoLink();
    }

    default String timeZoneOf(String clinicId) {
        Clinic c = all().get(clinicId);
        return c == null ? "UTC" : c.timeZone().orElse("UTC");
    }
}
