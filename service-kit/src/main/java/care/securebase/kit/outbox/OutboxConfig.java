package care.securebase.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "securebase.outbox")
public interface OutboxConfig {
    /** Rows published per transaction. */
    @WithDefault("100")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge a batch before trying again later. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** How often the relay looks for rows no commit woke it for, e.g. after an outage (read by its @Scheduled). */
    @WithDefault("1s")
    Duration pollInterval();

}
