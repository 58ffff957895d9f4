package care.securebase.sessions;

import care.securebase.kit.problem.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * When a plan's booster sessions are due. Without a schedule from the clinician the usual one
 * applies: 1, 3, 6 and 12 months after maintenance starts, at 10:00 UTC (the reminder side turns it
 * into the client's local time).
 */
public final class BoosterSchedule {

    public static final int MAX_BOOSTERS = 12;
    public static final List<Integer> DEFAULT_MONTHS = List.of(1, 3, 6, 12);
    public static final LocalTime DEFAULT_TIME = LocalTime.of(10, 0);
    /** Further out than this is a typo, not a plan (and would outlive any reminder set-up). */
    public static final Duration HORIZON = Duration.ofDays(5 * 366);

    private BoosterSchedule() {
    }

    /**
     * The due dates to schedule: the default ones when {@code asked} is null, else {@code asked}
     * checked item by item, naming the offending item as {@code field[i]}.
     */
    public static List<Instant> plan(String field, List<Instant> asked, Instant now) {
        if (asked == null) {
            return defaults(now);
        }
        if (asked.isEmpty()) {
            throw new InvalidFieldException(field, "needs at least one booster; leave it out for the default schedule");
        }
        if (asked.size() > MAX_BOOSTERS) {
            throw new InvalidFieldException(field, "at most " + MAX_BOOSTERS + " boosters");
        }
        Instant previous = null;
        for (int i = 0; i < asked.size(); i++) {
            Instant due = asked.get(i);
            String item = field + "[" + i + "]";
            if (due == null) {
                throw new InvalidFieldException(item, "must not be null");
            }
            if (!due.isAfter(now)) {
                throw new InvalidFieldException(item, "must be in the future");
            }
            if (due.isAfter(now.plus(HORIZON))) {
                throw new InvalidFieldException(item, "must be within five years");
            }
            if (previous != null && !due.isAfter(previous)) {
                throw new InvalidFieldException(item, "must be later than the booster before it");
            }
            previous = due;
        }
        return List.copyOf(asked);
    }

    public static List<Instant> defaults(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Instant> due = new ArrayList<>();
        for (int months : DEFAULT_MONTHS) {
            due.add(today.plusMonths(months).atTime(DEFAULT_TIME).toInstant(ZoneOffset.UTC));
        }
        return List.copyOf(due);
    }
}
