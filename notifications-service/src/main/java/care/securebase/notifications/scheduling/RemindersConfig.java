package care.securebase.notifications.scheduling;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "securebase.reminders")
public interface RemindersConfig {

    /** How long before each booster a reminder goes out; one reminder per lead time. */
    @WithDefault("P7D,P1D")
    List<Duration> leadTimes();

    /** How often the dispatcher looks for due reminders and notices (read by its @Scheduled too). */
    @WithDefault("5s")
    Duration pollInterval();
}
