package care.securebase.notifications.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.MaintenanceStarted.Booster;
import care.securebase.notifications.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReminderScheduleTest {

    static final List<Duration> DEFAULT_LEADS = List.of(Duration.ofDays(7), Duration.ofDays(1));
    final TestClock clock = TestClock.at(Instant.parse("2026-03-02T09:00:00Z"));

    static Booster booster(Instant at) {
        return new Booster(UUID.randomUUID(), at);
    }

    List<ReminderSchedule.Planned> plan(Booster... boosters) {
        return ReminderSchedule.plan(List.of(boosters), DEFAULT_LEADS, clock.instant());
    }

    @Test
    void aFarBoosterGetsOneReminderPerLeadTimeAtItsMoment() {
        Instant appointment = clock.instant().plus(Duration.ofDays(30));
        List<ReminderSchedule.Planned> planned = plan(booster(appointment));

        assertEquals(2, planned.size());
        assertEquals(appointment.minus(Duration.ofDays(7)), planned.get(0).sendAt());
        assertEquals("P7D", planned.get(0).leadTimeLabel());
        assertEquals(appointment.minus(Duration.ofDays(1)), planned.get(1).sendAt());
        assertEquals("P1D", planned.get(1).leadTimeLabel());
        assertTrue(planned.stream().allMatch(p -> p.appointmentAt().equals(appointment)));
    }

    @Test
    void aLeadTimeAlreadyPastIsDueNowWhileTheBoosterIsAhead() {
        Instant appointment = clock.instant().plus(Duration.ofDays(2));
        List<ReminderSchedule.Planned> planned = plan(booster(appointment));

        assertEquals(2, planned.size());
        assertEquals("P7D", planned.get(0).leadTimeLabel());
        assertEquals(clock.instant(), planned.get(0).sendAt(), "the 7-day reminder is late, so it goes now");
        assertEquals(appointment.minus(Duration.ofDays(1)), planned.get(1).sendAt());
    }

    @Test
    void severalPastLeadTimesCollapseIntoOneReminderNow() {
        Instant appointment = clock.instant().plus(Duration.ofHours(12));
        List<ReminderSchedule.Planned> planned = plan(booster(appointment));

        assertEquals(1, planned.size(), "no burst of identical reminders");
        assertEquals("P1D", planned.get(0).leadTimeLabel());
        assertEquals(clock.instant(), planned.get(0).sendAt());
    }

    @Test
    void aBoosterAtOrBeforeNowGetsNoReminder() {
        assertEquals(List.of(), plan(booster(clock.instant())));
        assertEquals(List.of(), plan(booster(clock.instant().minus(Duration.ofMinutes(1)))));
        assertEquals(List.of(), plan(booster(clock.instant().minus(Duration.ofDays(3)))));
    }

    @Test
    void theSameBoosterPlannedLaterKeepsTheSameKeysAndMovesOnlyTheLateOnes() {
        Booster b = booster(clock.instant().plus(Duration.ofDays(10)));
        List<ReminderSchedule.Planned> early = plan(b);
        clock.advance(Duration.ofDays(4));
        List<ReminderSchedule.Planned> late = plan(b);

        assertEquals(early.stream().map(ReminderSchedule.Planned::leadTimeLabel).toList(),
                late.stream().map(ReminderSchedule.Planned::leadTimeLabel).toList());
        assertEquals(clock.instant(), late.get(0).sendAt());
        assertEquals(early.get(1).sendAt(), late.get(1).sendAt());
    }

    @Test
    void exactlyAtTheLeadTimeTheReminderIsDueNow() {
        Instant appointment = clock.instant().plus(Duration.ofDays(7));
        List<ReminderSchedule.Planned> planned = plan(booster(appointment));
        assertEquals(clock.instant(), planned.get(0).sendAt());
        assertEquals("P7D", planned.get(0).leadTimeLabel());
    }

    @Test
    void configuredLeadTimesAreUsedDeduplicatedAndNonsenseIgnored() {
        Instant appointment = clock.instant().plus(Duration.ofDays(20));
        List<ReminderSchedule.Planned> planned = ReminderSchedule.plan(List.of(booster(appointment)),
                List.of(Duration.ofDays(14), Duration.ofHours(2), Duration.ofDays(14), Duration.ZERO,
                        Duration.ofHours(-1)), clock.instant());

        assertEquals(List.of("P14D", "PT2H"), planned.stream().map(ReminderSchedule.Planned::leadTimeLabel).toList());
    }

    @Test
    void boostersAreOrderedBySendTimeAndMissingOnesIgnored() {
        Booster later = booster(clock.instant().plus(Duration.ofDays(40)));
        Booster sooner = booster(clock.instant().plus(Duration.ofDays(3)));
        java.util.ArrayList<Booster> boosters = new java.util.ArrayList<>(List.of(later, sooner));
        boosters.add(null);
        boosters.add(new Booster(UUID.randomUUID(), null));
        List<ReminderSchedule.Planned> planned = ReminderSchedule.plan(boosters, DEFAULT_LEADS, clock.instant());

        assertEquals(4, planned.size());
        assertEquals(sooner.boosterId(), planned.get(0).boosterId());
        assertEquals(clock.instant(), planned.get(0).sendAt());
        assertEquals(later.boosterId(), planned.get(3).boosterId());
        assertEquals(List.of(), ReminderSchedule.plan(null, DEFAULT_LEADS, clock.instant()));
    }

    @Test
    void aSessionGetsItsRemindersByTheSameRulesUnderItsOwnId() {
        UUID session = UUID.randomUUID();
        Instant startsAt = clock.instant().plus(Duration.ofDays(3));
        List<ReminderSchedule.Planned> planned = ReminderSchedule.plan(session, startsAt,
                List.of(Duration.ofDays(1), Duration.ofHours(2)), clock.instant());
        assertEquals(2, planned.size());
        assertEquals(startsAt.minus(Duration.ofDays(1)), planned.get(0).sendAt());
        assertEquals("P1D", planned.get(0).leadTimeLabel());
        assertEquals(startsAt.minus(Duration.ofHours(2)), planned.get(1).sendAt());
        assertEquals("PT2H", planned.get(1).leadTimeLabel());
        assertTrue(planned.stream().allMatch(p -> p.boosterId().equals(session) && p.appointmentAt().equals(startsAt)));
    }

    @Test
    void aSessionBookedInsideItsLeadTimesGetsOneReminderNowAndOnePastNone() {
        UUID session = UUID.randomUUID();
        Instant inFiveHours = clock.instant().plus(Duration.ofHours(5));
        List<ReminderSchedule.Planned> planned = ReminderSchedule.plan(session, inFiveHours,
                List.of(Duration.ofDays(2), Duration.ofDays(1), Duration.ofHours(2)), clock.instant());
        // P2D and P1D have passed: one reminder now (kept as the shorter, P1D), and PT2H at its moment.
        assertEquals(2, planned.size());
        assertEquals(clock.instant(), planned.get(0).sendAt());
        assertEquals("P1D", planned.get(0).leadTimeLabel());
        assertEquals(inFiveHours.minus(Duration.ofHours(2)), planned.get(1).sendAt());
        assertEquals(List.of(), ReminderSchedule.plan(session, clock.instant(), List.of(Duration.ofDays(1)),
                clock.instant()));
        assertEquals(List.of(), ReminderSchedule.plan(session, clock.instant().minusSeconds(1),
                List.of(Duration.ofDays(1)), clock.instant()));
    }
}
