package care.securebase.notifications.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    @Test
    void spanningMidnightTheEveningAndTheEarlyMorningAreQuiet() {
        assertFalse(NIGHT.isQuiet(local("2026-06-01T20:59", LONDON), LONDON));
        assertTrue(NIGHT.isQuiet(local("2026-06-01T21:00", LONDON), LONDON));
        assertTrue(NIGHT.isQuiet(local("2026-06-01T23:59", LONDON), LONDON));
        assertTrue(NIGHT.isQuiet(local("2026-06-02T00:00", LONDON), LONDON));
        assertTrue(NIGHT.isQuiet(local("2026-06-02T07:59", LONDON), LONDON));
        assertFalse(NIGHT.isQuiet(local("2026-06-02T08:00", LONDON), LONDON));
    }

    @Test
    void theEveningDefersToTomorrowMorningAndTheNightToThisMorning() {
        assertEquals(local("2026-06-02T08:00", LONDON), NIGHT.nextAllowed(local("2026-06-01T22:15", LONDON), LONDON));
        assertEquals(local("2026-06-02T08:00", LONDON), NIGHT.nextAllowed(local("2026-06-02T03:00", LONDON), LONDON));
        Instant noon = local("2026-06-02T12:00", LONDON);
        assertEquals(noon, NIGHT.nextAllowed(noon, LONDON));
    }

    @Test
    void itIsTheClientsZoneThatCounts() {
        // 20:30 UTC in June: 21:30 in London (quiet), 22:30 in Warsaw (quiet), 16:30 in New York (not).
        Instant at = Instant.parse("2026-06-01T20:30:00Z");
        assertTrue(NIGHT.isQuiet(at, LONDON));
        assertTrue(NIGHT.isQuiet(at, WARSAW));
        assertFalse(NIGHT.isQuiet(at, NEW_YORK));
        assertEquals(Instant.parse("2026-06-02T06:00:00Z"), NIGHT.nextAllowed(at, WARSAW));
        assertEquals(Instant.parse("2026-06-02T07:00:00Z"), NIGHT.nextAllowed(at, LONDON));
    }

    @Test
    void clocksGoingForwardInMarch() {
        // London: 29 March 2026, 01:00 GMT becomes 02:00 BST. 08:00 that morning is 07:00 UTC.
        Instant lateSaturday = Instant.parse("2026-03-28T22:00:00Z");
        assertEquals(Instant.parse("2026-03-29T07:00:00Z"), NIGHT.nextAllowed(lateSaturday, LONDON));
        // Warsaw: the same night 02:00 CET becomes 03:00 CEST; 08:00 CEST is 06:00 UTC.
        assertEquals(Instant.parse("2026-03-29T06:00:00Z"), NIGHT.nextAllowed(lateSaturday, WARSAW));
        // The day before, 08:00 GMT was 08:00 UTC.
        assertEquals(Instant.parse("2026-03-28T08:00:00Z"),
                NIGHT.nextAllowed(Instant.parse("2026-03-28T02:00:00Z"), LONDON));
    }

    @Test
    void clocksGoingBackInOctober() {
        // London: 25 October 2026, 02:00 BST becomes 01:00 GMT; 08:00 GMT is 08:00 UTC.
        Instant lateSaturday = Instant.parse("2026-10-24T21:30:00Z");
        assertTrue(NIGHT.isQuiet(lateSaturday, LONDON));
        assertEquals(Instant.parse("2026-10-25T08:00:00Z"), NIGHT.nextAllowed(lateSaturday, LONDON));
        // 01:30 happens twice that night: both are quiet and both wait for 08:00.
        Instant firstOneThirty = Instant.parse("2026-10-25T00:30:00Z");
        Instant secondOneThirty = Instant.parse("2026-10-25T01:30:00Z");
        assertTrue(NIGHT.isQuiet(firstOneThirty, LONDON));
        assertTrue(NIGHT.isQuiet(secondOneThirty, LONDON));
        assertEquals(Instant.parse("2026-10-25T08:00:00Z"), NIGHT.nextAllowed(secondOneThirty, LONDON));
    }

    @Test
    void anEndInsideASpringForwardGapIsTheFirstMomentAfterIt() {
        QuietHours odd = new QuietHours(LocalTime.of(23, 0), LocalTime.of(1, 30));
        // London 29 March 2026: 01:30 does not exist; the quiet hours end at 02:00 BST = 01:00 UTC.
        assertEquals(Instant.parse("2026-03-29T01:00:00Z"),
                odd.nextAllowed(Instant.parse("2026-03-28T23:30:00Z"), LONDON));
    }

    @Test
    void quietHoursWithinOneDayAndNoneAtAll() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
        assertTrue(lunch.isQuiet(local("2026-06-01T12:30", LONDON), LONDON));
        assertFalse(lunch.isQuiet(local("2026-06-01T22:00", LONDON), LONDON));
        assertEquals(local("2026-06-01T13:00", LONDON), lunch.nextAllowed(local("2026-06-01T12:30", LONDON), LONDON));
        QuietHours none = new QuietHours(LocalTime.of(8, 0), LocalTime.of(8, 0));
        assertFalse(none.isQuiet(local("2026-06-01T03:00", LONDON), LONDON));
    }

    @Test
    void aReminderIsNeverDeferredPastItsAppointment() {
        Instant due = local("2026-06-01T22:00", LONDON);
        assertEquals(new QuietHours.SendNow(), NIGHT.apply(local("2026-06-01T12:00", LONDON), LONDON, due));
        assertEquals(new QuietHours.DeferTo(local("2026-06-02T08:00", LONDON)),
                NIGHT.apply(due, LONDON, local("2026-06-02T09:00", LONDON)));
        assertEquals(new QuietHours.TooLate(), NIGHT.apply(due, LONDON, local("2026-06-02T07:45", LONDON)));
        assertEquals(new QuietHours.TooLate(), NIGHT.apply(due, LONDON, local("2026-06-02T08:00", LONDON)));
    }
}
