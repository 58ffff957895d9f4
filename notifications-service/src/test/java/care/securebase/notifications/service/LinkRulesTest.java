package care.securebase.notifications.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What of an event's links may go into a client's message: a token as sessions mints it, a web address. */
class LinkRulesTest {

    @Test
    void onlyTokensSessionsCouldHaveMintedAreUsed() {
        assertTrue(CheckInService.wellFormed("q2Xb9_-Lk3mZ0aQwE4rT1g.pY7uKx2Ls9Qd0WfHj3Nc1A"));
        assertTrue(CheckInService.wellFormed("a".repeat(64)));
        assertFalse(CheckInService.wellFormed("a".repeat(65)));
        assertFalse(CheckInService.wellFormed(""));
        assertFalse(CheckInService.wellFormed(null));
        // Anything that could change what the message says or where the link points is refused.
        assertFalse(CheckInService.wellFormed("abc/../x"));
        assertFalse(CheckInService.wellFormed("abc def"));
        assertFalse(CheckInService.wellFormed("abc?x=1"));
        assertFalse(CheckInService.wellFormed("abc\nHello Robin"));
        assertFalse(CheckInService.wellFormed("<b>x</b>"));
    }

    @Test
    void aVideoLinkIsAWebAddressOrLeftOut() {
        assertEquals("https://video.northside.example/room/8f3a", AppointmentService.videoLink(
                " https://video.northside.example/room/8f3a "));
        assertEquals("http://localhost:9000/r?id=1&k=2", AppointmentService.videoLink("http://localhost:9000/r?id=1&k=2"));
        assertNull(AppointmentService.videoLink(null));
        assertNull(AppointmentService.videoLink(""));
        assertNull(AppointmentService.videoLink("Robin's room"));
        assertNull(AppointmentService.videoLink("javascript:alert(1)"));
        assertNull(AppointmentService.videoLink("https://video.example/room with Robin Smith"));
        assertNull(AppointmentService.videoLink("https://video.example/\"><script>"));
        assertNull(AppointmentService.videoLink("https://" + "a".repeat(491)));
    }
}
