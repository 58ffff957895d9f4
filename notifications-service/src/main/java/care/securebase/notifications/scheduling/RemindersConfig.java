package care.securebase.notifications.scheduling;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/** The defaults of every clinic's settings (a clinic-admin can set their own), and the dispatcher's pace. */
@ConfigMapping(prefix = "securebase.reminders")
public interface RemindersConfig {

    /** How long before each booster a reminder goes out; one reminder per lead time. */
    @WithDefault("P7D,P1D")
    List<Duration> leadTimes();

    /**
     * How long before each scheduled session (appointment-scheduled) a reminder goes out. Shorter than the
     * boosters': sessions are often a week apart, and a week's notice of a weekly session is noise.
     */
    @WithDefault("P1D")
    List<Duration> appointmentLeadTimes();

    /** Quiet hours in the client's own time zone: no client message from start until end. */
    @WithDefault("21:00")
    LocalTime quietStart();

    @WithDefault("08:00")
    LocalTime quietEnd();

    /** Language of messages when the client's is unknown, and of staff and partner notices. */
    @WithDefault("en-GB")
    String defaultLanguage();

    /**
     * How long a due reminder waits for the client's consent to its channel when none is recorded yet:
     * intake's consent-changed and sessions' maintenance-started travel on different topics, so after a
     * backlog or a consumer moving to another replica the booster can arrive first.
     */
    @WithDefault("1h")
    Duration consentWait();

    /** How often the dispatcher looks for due reminders and notices (read by its @Scheduled too). */
    @WithDefault("5s")
    Duration pollInterval();
}
