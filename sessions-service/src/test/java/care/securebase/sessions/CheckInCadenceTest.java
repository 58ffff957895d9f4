package care.securebase.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CheckInCadenceTest {

    static final Instant SET = Instant.parse("2030-01-31T14:30:00Z");

    static List<Instant> all(CheckInCadence.Frequency f, List<LocalDate> dates, String until) {
        return CheckInCadence.all(f, dates, SET, LocalDate.parse(until));
    }

    @Test
    void weeklyFallsDueAtOnceThenEverySevenDaysUntilTheLastDayInclusive() {
        assertEquals(List.of(SET, Instant.parse("2030-02-07T14:30:00Z"), Instant.parse("2030-02-14T14:30:00Z"),
                Instant.parse("2030-02-21T14:30:00Z")), all(CheckInCadence.Frequency.WEEKLY, List.of(), "2030-02-21"));
        assertEquals(3, all(CheckInCadence.Frequency.WEEKLY, List.of(), "2030-02-20").size());
    }

    @Test
    void fortnightlyIsEveryFourteenDays() {
        assertEquals(List.of(SET, Instant.parse("2030-02-14T14:30:00Z"), Instant.parse("2030-02-28T14:30:00Z")),
                all(CheckInCadence.Frequency.FORTNIGHTLY, List.of(), "2030-03-13"));
    }

    @Test
    void monthlyCountsFromTheAnchorSoShortMonthsDoNotDrift() {
        assertEquals(List.of(SET, Instant.parse("2030-02-28T14:30:00Z"), Instant.parse("2030-03-31T14:30:00Z"),
                Instant.parse("2030-04-30T14:30:00Z")), all(CheckInCadence.Frequency.MONTHLY, List.of(), "2030-05-30"));
    }

    @Test
    void givenDatesFallDueAtNineUtcInOrderAndDatesBeforeTheAnchorDayAreDropped() {
        List<LocalDate> dates = List.of(LocalDate.parse("2030-03-10"), LocalDate.parse("2030-01-31"),
                LocalDate.parse("2030-01-30"), LocalDate.parse("2030-02-15"), LocalDate.parse("2030-03-10"));
        // 31 Jan 09:00 is before the anchor's 14:30 but on its day: it falls due at once.
        assertEquals(List.of(Instant.parse("2030-01-31T09:00:00Z"), Instant.parse("2030-02-15T09:00:00Z")),
                all(CheckInCadence.Frequency.DATES, dates, "2030-03-09"));
    }

    @Test
    void anUntilBeforeTheAnchorGivesNothing() {
        assertTrue(all(CheckInCadence.Frequency.WEEKLY, List.of(), "2030-01-30").isEmpty());
    }

    static CheckInSchedule schedule(CheckInCadence.Frequency f, List<LocalDate> dates, String until) {
        CheckInSchedule s = new CheckInSchedule();
        s.id = UUID.randomUUID();
        s.frequency = f;
        s.dates = dates;
        s.until = LocalDate.parse(until);
        return s;
    }

    @Test
    void aNewScheduleIsDueAtOnceAndAChangedOneOnePeriodAfterTheLastCheckIn() {
        CheckInSchedule fresh = schedule(CheckInCadence.Frequency.WEEKLY, List.of(), "2030-12-31");
        fresh.restart(SET, null);
        assertEquals(SET, fresh.nextDueAt);

        Instant last = Instant.parse("2030-01-28T08:00:00Z");
        CheckInSchedule changed = schedule(CheckInCadence.Frequency.FORTNIGHTLY, List.of(), "2030-12-31");
        changed.restart(SET, last);
        assertEquals(Instant.parse("2030-02-11T08:00:00Z"), changed.nextDueAt);

        // Given dates: none at or before the last check-in again.
        CheckInSchedule dates = schedule(CheckInCadence.Frequency.DATES,
                List.of(LocalDate.parse("2030-01-28"), LocalDate.parse("2030-02-03")), "2030-12-31");
        dates.restart(SET, Instant.parse("2030-01-28T09:00:00Z"));
        assertEquals(Instant.parse("2030-02-03T09:00:00Z"), dates.nextDueAt);
    }

    @Test
    void takingDueWorkAfterAnOutageGivesOneCheckInForTheLatestSlotAndMovesPastTheRest() {
        CheckInSchedule s = schedule(CheckInCadence.Frequency.WEEKLY, List.of(), "2030-12-31");
        s.restart(SET, null);
        assertEquals(SET, s.takeDue(SET).orElseThrow());
        assertEquals(Instant.parse("2030-02-07T14:30:00Z"), s.nextDueAt);
        assertTrue(s.takeDue(Instant.parse("2030-02-07T14:29:59Z")).isEmpty(), "nothing before its time");
        // Three weeks down: the latest slot only.
        assertEquals(Instant.parse("2030-02-21T14:30:00Z"), s.takeDue(Instant.parse("2030-02-25T00:00:00Z")).orElseThrow());
        assertEquals(Instant.parse("2030-02-28T14:30:00Z"), s.nextDueAt);
    }

    @Test
    void theLastSlotLeavesNothingDue() {
        CheckInSchedule s = schedule(CheckInCadence.Frequency.WEEKLY, List.of(), "2030-02-01");
        s.restart(SET, null);
        s.takeDue(SET);
        assertNull(s.nextDueAt);
    }
}
