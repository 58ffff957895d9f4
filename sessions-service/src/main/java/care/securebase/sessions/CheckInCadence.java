package care.securebase.sessions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a schedule's check-ins fall due. Check-in number 0 falls due at the anchor (when the schedule
 * was set or changed) and number k one, two ... periods later, counted from the anchor so months do
 * not drift (31 Jan, 28 Feb, 31 Mar). On given dates, each falls due at {@link #DATE_TIME} UTC of its
 * date: notifications holds the message through the client's quiet hours. Nothing after {@code until}.
 */
public final class CheckInCadence {

    public enum Frequency { WEEKLY, FORTNIGHTLY, MONTHLY, DATES }

    public static final LocalTime DATE_TIME = LocalTime.of(9, 0);
    /** A schedule reaches at most this far ahead, and lists at most this many dates. */
    public static final int MAX_DAYS_AHEAD = 2 * 366;
    public static final int MAX_DATES = 60;

    private CheckInCadence() {
    }

    /** Check-in {@code seq}'s due time, or empty when it would fall after {@code until}. */
    public static Optional<Instant> dueAt(Frequency frequency, List<LocalDate> dates, Instant anchor, int seq,
                                          LocalDate until) {
        ZonedDateTime start = anchor.atZone(ZoneOffset.UTC);
        ZonedDateTime due = switch (frequency) {
            case WEEKLY -> start.plusWeeks(seq);
            case FORTNIGHTLY -> start.plusWeeks(2L * seq);
            case MONTHLY -> start.plusMonths(seq);
            case DATES -> {
                List<LocalDate> ahead = dates.stream().sorted().distinct()
                        .filter(d -> !at(d).isBefore(anchor.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay()
                                .toInstant(ZoneOffset.UTC)))
                        .toList();
                yield seq < ahead.size() ? at(ahead.get(seq)).atZone(ZoneOffset.UTC) : null;
            }
        };
        if (due == null || due.toLocalDate().isAfter(until)) {
            return Optional.empty();
        }
        return Optional.of(due.toInstant());
    }

    /** Every due time of a schedule set at {@code anchor}, in order (what the clinician is shown). */
    public static List<Instant> all(Frequency frequency, List<LocalDate> dates, Instant anchor, LocalDate until) {
        List<Instant> out = new ArrayList<>();
        for (int seq = 0; ; seq++) {
            Optional<Instant> due = dueAt(frequency, dates, anchor, seq, until);
            if (due.isEmpty()) {
                return out;
            }
            out.add(due.get());
        }
    }

    private static Instant at(LocalDate date) {
        return date.atTime(DATE_TIME).toInstant(ZoneOffset.UTC);
    }
}
