package care.securebase.notifications.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

@ConfigMapping(prefix = "securebase.delivery")
public interface DeliveryConfig {

    /** Sends tried before a message is marked FAILED. */
    @WithDefault("3")
    int maxAttempts();

    /** Wait after the first failed send; doubles after each further one. */
    @WithDefault("1m")
    Duration retryDelay();

    /**
     * Messages of each kind claimed in one transaction and sent together, and so per dispatcher round
     * (a full batch starts another round, which takes the more urgent kinds first again).
     */
    @WithDefault("50")
    @Min(1)
    int batchSize();

    /**
     * Sends of a batch in flight at once, each on a pooled SMTP connection: at most
     * {@code quarkus.mailer.max-pool-size} of them use a connection at a time, the rest wait for one.
     */
    @WithDefault("10")
    @Min(1)
    int concurrency();

    default RetryPolicy retry() {
        return new RetryPolicy(maxAttempts(), retryDelay());
    }
}
