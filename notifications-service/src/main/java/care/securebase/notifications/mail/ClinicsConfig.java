package care.securebase.notifications.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Optional;

/**
 * What a message may say about a clinic: its name and how to reach its reception, keyed by clinic
 * id ({@code securebase.clinics.<id>.name|phone|email}).
 */
@ConfigMapping(prefix = "securebase.clinics")
public interface ClinicsConfig {

    @WithParentName
    Map<String, Clinic> all();

    interface Clinic {
        String name();

        Optional<String> phone();

        Optional<String> email();
    }
}
