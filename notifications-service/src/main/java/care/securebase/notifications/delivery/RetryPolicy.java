package care.securebase.notifications.delivery;

import java.time.Duration;

/** How often and how far apart a failed send is tried again: doubling delays, capped at six hours. */
public record RetryPolicy(int maxAttempts, Duration firstDelay) {

    private static final Duration CAP = Duration.ofHours(6);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait after the given number of failed attempts (1 = after the first failure). */
    public Duration delayAfter(int failedAttempts) {
        Duration delay = firstDelay;
        for (int i = 1; i < failedAttempts && delay.compareTo(CAP) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(CAP) > 0 ? CAP : delay;
    }
}
