package care.securebase.notifications.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AppointmentTimeTest {

    static final Instant AT = Instant.parse("2026-11-27T14:00:00Z");

    @Test
    void theTimeIsTheClientsLocalTimeInTheirLanguage() {
        String oslo = AppointmentTime.full(AT, "Europe/Oslo", "en-GB");
        assertTrue(oslo.contains("Friday") && oslo.contains("27 November 2026") && oslo.contains("15:00"), oslo);

        String german = AppointmentTime.full(AT, "Europe/Berlin", "de");
        assertTrue(german.contains("Freitag") && german.contains("27. November 2026") && german.contains("15:00"), german);

        String us = AppointmentTime.full(AT, "America/New_York", "en-US");
        assertTrue(us.contains("November 27, 2026") && us.contains("9:00"), us);
    }

    @Test
    void theDateIsTheLocalDateEvenWhenUtcIsAnotherDay() {
        String auckland = AppointmentTime.full(Instant.parse("2026-11-27T20:00:00Z"), "Pacific/Auckland", "en-GB");
        assertTrue(auckland.contains("28 November 2026") && auckland.contains("09:00"), auckland);
    }

    @Test
    void unknownZonesAndLanguagesFallBackRatherThanFail() {
        String fallback = AppointmentTime.full(AT, "Mars/Olympus", "");
        assertTrue(fallback.contains("27 November 2026") && fallback.contains("14:00"), fallback);
        assertEquals("27 Nov 2026", AppointmentTime.shortDate(AT, null, null));
    }
}
