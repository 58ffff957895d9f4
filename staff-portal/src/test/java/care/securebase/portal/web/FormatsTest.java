package care.securebase.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void codesReadAsWords() {
        assertEquals("Active treatment", Formats.label("ACTIVE_TREATMENT"));
        assertEquals("Care coordinator", Formats.label("care-coordinator"));
        assertEquals("—", Formats.label(null));
        assertEquals("in-progress", Formats.token("IN_PROGRESS"));
    }

    @Test
    void datesAndDurations() {
        assertEquals("12 Apr 1990", Formats.day(LocalDate.of(1990, 4, 12)));
        assertEquals("7 days", Formats.duration("P7D"));
        assertEquals("1 day", Formats.duration("PT24H"));
        assertEquals("2 hours", Formats.duration("PT2H"));
        assertEquals("soon", Formats.duration("soon"));
        assertEquals("8d0c1f5e", Formats.shortId("8d0c1f5e-0000-4000-8000-000000000001"));
    }

    @Test
    void textareasAreOneEntryPerLine() {
        assertEquals(List.of("a", "b c"), Forms.lines(" a \r\n\n  b c\n"));
        assertEquals(List.of(), Forms.lines(null));
        assertEquals(null, Forms.orNull("   "));
    }
}
