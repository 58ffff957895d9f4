package care.securebase.referrals;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Replaces the application's Clock in tests: the system clock unless a test fixes it (reset afterwards). */
@Singleton
public class TestClock extends Clock {

    private volatile Clock delegate = Clock.systemUTC();

    public void fix(Instant at) {
        delegate = Clock.fixed(at, ZoneOffset.UTC);
    }

    public void reset() {
        delegate = Clock.systemUTC();
    }

    @Override
    public ZoneId getZone() {
        return delegate.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return delegate.withZone(zone);
    }

    @Override
    public Instant instant() {
        return delegate.instant();
    }
}
