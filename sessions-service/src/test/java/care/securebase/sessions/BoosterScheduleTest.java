package care.securebase.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import care.securebase.kit.problem.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoosterScheduleTest {

    private static final Instant NOW = Instant.parse("2025-01-31T15:20:00Z");

    @Test
    void defaultsAreOneThreeSixAndTwelveMonthsOutAtTenUtc() {
        assertEquals(List.of(
                        Instant.parse("2025-02-28T10:00:00Z"), // month end clamps, never spills into March
                        Instant.parse("2025-04-30T10:00:00Z"),
                        Instant.parse("2025-07-31T10:00:00Z"),
                        Instant.parse("2026-01-31T10:00:00Z")),
                BoosterSchedule.plan("boosters", null, NOW));
    }

    @Test
    void defaultsCountFromTheUtcDate() {
        // 23:30 UTC on 31 December is still 31 December.
        assertEquals(Instant.parse("2026-01-31T10:00:00Z"),
                BoosterSchedule.defaults(Instant.parse("2025-12-31T23:30:00Z")).get(0));
    }

    @Test
    void anAskedScheduleIsKeptAsAsked() {
        List<Instant> asked = List.of(NOW.plusSeconds(60), NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(90)));
        assertEquals(asked, BoosterSchedule.plan("boosters", asked, NOW));
    }

    @Test
    void pastOrPresentBoostersAreRefusedNamingTheItem() {
        assertField("boosters[1]", List.of(NOW.plusSeconds(60), NOW.minusSeconds(1)));
        assertField("boosters[0]", List.of(NOW));
    }

    @Test
    void boostersMustStrictlyIncrease() {
        Instant a = NOW.plus(Duration.ofDays(30));
        assertField("boosters[1]", List.of(a, a));
        assertField("boosters[2]", List.of(a, a.plusSeconds(1), a));
    }

    @Test
    void nullItemsAndFarFutureAreRefused() {
        assertField("boosters[1]", Arrays.asList(NOW.plusSeconds(60), null));
        assertField("boosters[0]", List.of(NOW.plus(Duration.ofDays(6 * 366))));
    }

    @Test
    void atMostTwelveAndAtLeastOne() {
        List<Instant> thirteen = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            thirteen.add(NOW.plus(Duration.ofDays(i)));
        }
        assertEquals(12, BoosterSchedule.plan("boosters", thirteen.subList(0, 12), NOW).size());
        assertField("boosters", thirteen);
        assertField("boosters", List.of());
    }

    private static void assertField(String field, List<Instant> asked) {
        var e = assertThrows(InvalidFieldException.class, () -> BoosterSchedule.plan("boosters", asked, NOW));
        assertEquals(field, e.field());
    }
}
