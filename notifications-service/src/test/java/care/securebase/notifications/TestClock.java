package care.securebase.notifications;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests can move. Real time by default; as a bean it replaces the service's default clock
 * in every @QuarkusTest, so a test can jump to "one day before the appointment" and back.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Instant fixed;
    private volatile Duration offset = Duration.ZERO;

    public static TestClock at(Instant instant) {
        TestClock clock = new TestClock();
        clock.fixed = instant;
        return clock;
    }

    @Override
    public Instant instant() {
        Instant base = fixed != null ? fixed : Instant.now();
        return base.plus(offset);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The service reads instants only");
    }
}
