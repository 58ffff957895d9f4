package care.securebase.notifications.scheduling;

import care.securebase.events.MaintenanceStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * When to remind a client of their boosters and scheduled sessions. Pure: "now" and the lead times come
 * in, so the rules are testable at any moment.
 *
 * <ul>
 *   <li>A booster (or session) at or before now gets no reminder: it is too late to be useful.</li>
 *   <li>A lead time whose moment is still ahead is planned for that moment.</li>
 *   <li>A lead time whose moment has passed (the plan came late) is due now; if several have
 *       passed, only the shortest is kept, so the client gets one message instead of a burst of
 *       identical ones in the same minute.</li>
 * </ul>
 */
public final class ReminderSchedule {

    /** @param boosterId the booster's id, or the session's for a session's reminders */
    public record Planned(UUID boosterId, Instant appointmentAt, Duration leadTime, Instant sendAt) {

        /** The lead time as stored and shown: whole days as P7D rather than Duration's PT168H. */
        public String leadTimeLabel() {
            return label(leadTime);
        }
    }

    private ReminderSchedule() {
    }

    public static List<Planned> plan(List<MaintenanceStarted.Booster> boosters, List<Duration> leadTimes, Instant now) {
        List<Duration> leads = sorted(leadTimes);
        List<Planned> planned = new ArrayList<>();
        for (MaintenanceStarted.Booster booster : boosters == null ? List.<MaintenanceStarted.Booster>of() : boosters) {
            if (booster != null && booster.boosterId() != null && booster.dueAt() != null) {
                planOne(booster.boosterId(), booster.dueAt(), leads, now, planned);
            }
        }
        planned.sort(Comparator.comparing(Planned::sendAt).thenComparing(p -> p.boosterId().toString()));
        return planned;
    }

    /** The same rules for one appointment (a scheduled session), {@code id} being the session's. */
    public static List<Planned> plan(UUID id, Instant appointmentAt, List<Duration> leadTimes, Instant now) {
        List<Planned> planned = new ArrayList<>();
        planOne(id, appointmentAt, sorted(leadTimes), now, planned);
        planned.sort(Comparator.comparing(Planned::sendAt));
        return planned;
    }

    private static List<Duration> sorted(List<Duration> leadTimes) {
        return leadTimes.stream()
                .filter(Objects::nonNull)
                .filter(d -> !d.isNegative() && !d.isZero())
                .distinct()
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    private static void planOne(UUID id, Instant appointmentAt, List<Duration> leads, Instant now, List<Planned> planned) {
        if (!appointmentAt.isAfter(now)) {
            return;
        }
        Duration shortestPast = null;
        for (Duration lead : leads) {
            Instant sendAt = appointmentAt.minus(lead);
            if (sendAt.isAfter(now)) {
                planned.add(new Planned(id, appointmentAt, lead, sendAt));
            } else {
                // Leads are sorted longest first, so the last past one is the shortest.
                shortestPast = lead;
            }
        }
        if (shortestPast != null) {
            planned.add(new Planned(id, appointmentAt, shortestPast, now));
        }
    }

    public static String label(Duration lead) {
        if (!lead.isZero() && lead.toSeconds() % 86_400 == 0) {
            return "P" + lead.toDays() + "D";
        }
        return lead.toString();
    }
}
