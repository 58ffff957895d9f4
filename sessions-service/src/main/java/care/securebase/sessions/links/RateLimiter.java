package care.securebase.sessions.links;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A fixed window per remote address, in this instance's memory: with two replicas an address gets
 * twice the allowance, which still stops guessing at scale (a link is 128 random bits anyway).
 * SmallRye's {@code @RateLimit} counts per method, not per caller, hence this small map.
 */
public final class RateLimiter {

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        final long start;
        int used;

        Window(long start) {
            this.start = start;
        }
    }

    public RateLimiter(int limit, Duration window) {
        this(limit, window, System::nanoTime);
    }

    RateLimiter(int limit, Duration window, LongSupplier nanoTime) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Counts one request; false when the address used up its window. */
    public boolean allow(String address) {
        long now = nanoTime.getAsLong();
        if (windows.size() > 10_000) {
            // Many addresses at once: forget the finished windows so memory stays bounded.
            windows.values().removeIf(w -> now - w.start >= windowNanos);
        }
        Window w = windows.compute(address, (k, old) -> {
            Window current = old == null || now - old.start >= windowNanos ? new Window(now) : old;
            current.used++;
            return current;
        });
        return w.used <= limit;
    }

    /** Seconds until the address's window ends, for Retry-After. */
    public long retryAfterSeconds(String address) {
        Window w = windows.get(address);
        long left = w == null ? 0 : windowNanos - (nanoTime.getAsLong() - w.start);
        return Math.max(1, Duration.ofNanos(left).toSeconds() + 1);
    }
}
