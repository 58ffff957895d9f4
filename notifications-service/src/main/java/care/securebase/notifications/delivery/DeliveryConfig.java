package care.securebase.notifications.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "securebase.delivery")
public interface DeliveryConfig {

    /** Sends tried before a message is marked FAILED. */
    @WithDefault("3")
    int maxAttempts();

    /** Wait after the first failed send; doubles after each further one. */
    @WithDefault("1m")
    Duration retryDelay();

    /** Messages of each kind sent per dispatcher run, so one run never holds the scheduler for long. */
    @WithDefault("50")
    int batchSize();

    default RetryPolicy retry() {
        return new RetryPolicy(maxAttempts(), retryDelay());
    }
}
