package care.securebase.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.kit.problem.ConflictException;
import care.securebase.kit.problem.InvalidFieldException;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SessionStatusTest {

    @ParameterizedTest
    @EnumSource(value = SessionStatus.class, names = {"ATTENDED", "CANCELLED", "NO_SHOW"})
    void aScheduledSessionBecomesAttendedCancelledOrNoShow(SessionStatus to) {
        assertEquals(to, SessionStatus.SCHEDULED.moveTo(to));
    }

    @Test
    void everyOtherMoveIsAConflict() {
        for (SessionStatus from : SessionStatus.values()) {
            for (SessionStatus to : SessionStatus.values()) {
                boolean allowed = from == SessionStatus.SCHEDULED && to != SessionStatus.SCHEDULED;
                if (allowed) {
                    assertEquals(to, from.moveTo(to));
                } else {
                    assertThrows(ConflictException.class, () -> from.moveTo(to), from + " -> " + to);
                }
            }
        }
        assertEquals(EnumSet.noneOf(SessionStatus.class), SessionStatus.ATTENDED.next());
    }

    @Test
    void noTargetIsBadInput() {
        assertEquals("status", assertThrows(InvalidFieldException.class,
                () -> SessionStatus.SCHEDULED.moveTo(null)).field());
    }

    @Test
    void onlyAttendedOrMissedSessionsHaveNotes() {
        assertTrue(SessionStatus.ATTENDED.canHaveNote());
        assertTrue(SessionStatus.NO_SHOW.canHaveNote());
        assertFalse(SessionStatus.SCHEDULED.canHaveNote());
        assertFalse(SessionStatus.CANCELLED.canHaveNote());
    }
}
