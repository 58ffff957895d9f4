package care.securebase.notifications.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a client may not be messaged: from {@code start} (inclusive) to {@code end} (exclusive) in their
 * own local time, spanning midnight when start is after end (21:00-08:00). Equal start and end mean
 * no quiet hours. Pure; daylight-saving changes are handled by working in local time and converting
 * back with the zone's rules: an end time inside a spring-forward gap becomes the moment the clocks jump,
 * and an end time that happens twice (autumn) is its first occurrence.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public boolean isQuiet(Instant at, ZoneId zone) {
        if (start.equals(end)) {
            return false;
        }
        LocalTime local = at.atZone(zone).toLocalTime();
        return start.isBefore(end)
                ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }

    /** {@code at} itself when it is not quiet, else the end of the quiet hours it falls in. */
    public Instant nextAllowed(Instant at, ZoneId zone) {
        if (!isQuiet(at, zone)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        // Spanning midnight, the evening part ends tomorrow morning; otherwise (and after midnight) today.
        if (start.isAfter(end) && !local.toLocalTime().isBefore(start)) {
            day = day.plusDays(1);
        }
        LocalDateTime endsAt = LocalDateTime.of(day, end);
        if (zone.getRules().getValidOffsets(endsAt).isEmpty()) {
            // The end falls in a spring-forward gap: the quiet hours end when the clocks jump.
            return zone.getRules().getTransition(endsAt).getInstant();
        }
        return ZonedDateTime.ofLocal(endsAt, zone, null).toInstant();
    }

    /** What to do with a client message due at {@code due}, for an appointment at {@code appointmentAt}. */
    public sealed interface Outcome permits SendNow, DeferTo, TooLate {
    }

    public record SendNow() implements Outcome {
    }

    public record DeferTo(Instant at) implements Outcome {
    }

    /** The quiet hours last until the appointment: a reminder after it would be useless. */
    public record TooLate() implements Outcome {
    }

    public Outcome apply(Instant due, ZoneId zone, Instant appointmentAt) {
        Instant allowed = nextAllowed(due, zone);
        if (allowed.equals(due)) {
            return new SendNow();
        }
        return allowed.isBefore(appointmentAt) ? new DeferTo(allowed) : new TooLate();
    }
}
