package care.securebase.sessions.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void eachAddressHasItsAllowancePerWindow() {
        AtomicLong nanos = new AtomicLong();
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), nanos::get);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.allow("198.51.100.1"));
        }
        assertFalse(limiter.allow("198.51.100.1"));
        assertTrue(limiter.allow("198.51.100.2"), "another address is not affected");
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertFalse(limiter.allow("198.51.100.1"));
        assertEquals(31, limiter.retryAfterSeconds("198.51.100.1"));
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertTrue(limiter.allow("198.51.100.1"), "a new window");
    }
}
