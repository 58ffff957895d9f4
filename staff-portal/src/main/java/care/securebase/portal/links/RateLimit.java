package care.securebase.portal.links;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per remote address in fixed one-minute windows, in this instance's memory: with several
 * portal instances each counts its own share, so an address gets at most the limit per instance.
 * Enough to make guessing link tokens (128 bits) and hammering sessions-service through the public
 * pages pointless; not a defence against a distributed flood, which belongs to the ingress.
 */
public final class RateLimit {

    static final long WINDOW_MILLIS = 60_000;
    /** Beyond this many addresses in one window the old windows are swept out; memory stays bounded. */
    static final int MAX_ADDRESSES = 50_000;

    private record Window(long start, int count) {
    }

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimit(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts this request; false when the address has used up this minute's requests. */
    public boolean allow(String address) {
        long now = clock.millis();
        long start = now - now % WINDOW_MILLIS;
        if (windows.size() >= MAX_ADDRESSES) {
            sweep(start);
            if (windows.size() >= MAX_ADDRESSES && !windows.containsKey(address)) {
                // Still full: this many addresses in one minute is a flood, and new ones wait for the next.
                return false;
            }
        }
        Window w = windows.compute(address, (a, old) -> old == null || old.start() != start
                ? new Window(start, 1) : new Window(start, old.count() + 1));
        return w.count() <= perMinute;
    }

    /** Seconds until the address's window ends, for Retry-After. */
    public long retryAfterSeconds() {
        long now = clock.millis();
        return Math.max(1, (WINDOW_MILLIS - now % WINDOW_MILLIS + 999) / 1000);
    }

    int addresses() {
        return windows.size();
    }

    private void sweep(long currentStart) {
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            if (it.next().start() != currentStart) {
                it.remove();
            }
        }
    }
}
