package care.securebase.portal.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private final AtomicLong now = new AtomicLong(Instant.parse("2030-01-01T10:00:00Z").toEpochMilli());
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

    @Test
    void eachAddressHasItsOwnRequestsPerMinute() {
        RateLimit limit = new RateLimit(3, clock);
        assertTrue(limit.allow("198.51.100.7"));
        assertTrue(limit.allow("198.51.100.7"));
        assertTrue(limit.allow("198.51.100.7"));
        assertFalse(limit.allow("198.51.100.7"), "the fourth in the minute");
        assertTrue(limit.allow("203.0.113.9"), "another address is not held up");
        now.addAndGet(45_000);
        assertEquals(15, limit.retryAfterSeconds());
        assertFalse(limit.allow("198.51.100.7"));
        now.addAndGet(15_000);
        assertTrue(limit.allow("198.51.100.7"), "a new minute");
    }

    @Test
    void oldWindowsAreSweptAndAFloodOfNewAddressesWaits() {
        RateLimit limit = new RateLimit(1, clock);
        for (int i = 0; i < RateLimit.MAX_ADDRESSES; i++) {
            limit.allow("a" + i);
        }
        assertFalse(limit.allow("newcomer"), "this minute is full of addresses");
        assertTrue(limit.addresses() <= RateLimit.MAX_ADDRESSES);
        now.addAndGet(RateLimit.WINDOW_MILLIS);
        assertTrue(limit.allow("newcomer"), "the next minute sweeps the old windows out");
        assertEquals(1, limit.addresses());
    }
}
