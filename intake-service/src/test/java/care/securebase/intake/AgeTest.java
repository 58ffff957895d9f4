package care.securebase.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AgeTest {

    private static final LocalDate BORN = LocalDate.of(2008, 6, 15);

    @Test
    void eighteenthBirthdayEndsMinority() {
        assertTrue(Age.isMinorOn(BORN, LocalDate.of(2026, 6, 14)));
        assertFalse(Age.isMinorOn(BORN, LocalDate.of(2026, 6, 15)));
        assertFalse(Age.isMinorOn(BORN, LocalDate.of(2026, 6, 16)));
        assertEquals(17, Age.yearsOn(BORN, LocalDate.of(2026, 6, 14)));
    }

    @Test
    void aLeapDayBirthdayCountsFromTheFirstOfMarchInCommonYears() {
        LocalDate leapling = LocalDate.of(2008, 2, 29);
        assertTrue(Age.isMinorOn(leapling, LocalDate.of(2026, 2, 28)));
        assertFalse(Age.isMinorOn(leapling, LocalDate.of(2026, 3, 1)));
    }

    @Test
    void todayIsTheClinicsDateNotUtcs() {
        // 23:30 UTC on 14 June is already 15 June in London (BST) and still 14 June in New York.
        Clock clock = Clock.fixed(Instant.parse("2026-06-14T23:30:00Z"), ZoneOffset.UTC);
        LocalDate london = Age.today(clock, ZoneId.of("Europe/London"));
        LocalDate newYork = Age.today(clock, ZoneId.of("America/New_York"));
        assertEquals(LocalDate.of(2026, 6, 15), london);
        assertEquals(LocalDate.of(2026, 6, 14), newYork);
        assertFalse(Age.isMinorOn(BORN, london));
        assertTrue(Age.isMinorOn(BORN, newYork));
        assertTrue(Age.isMinorOn(BORN, Age.today(clock, ZoneOffset.UTC)));
    }

    @Test
    void inWinterLondonIsOnUtcsDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-09T23:30:00Z"), ZoneOffset.UTC);
        assertTrue(Age.isMinorOn(LocalDate.of(2008, 1, 10), Age.today(clock, ZoneId.of("Europe/London"))));
        assertFalse(Age.isMinorOn(LocalDate.of(2008, 1, 10), Age.today(clock, ZoneId.of("Pacific/Auckland"))));
    }
}
