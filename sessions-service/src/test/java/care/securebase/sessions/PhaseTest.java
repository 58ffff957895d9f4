package care.securebase.sessions;

import static care.securebase.sessions.Phase.ACTIVE_TREATMENT;
import static care.securebase.sessions.Phase.ASSESSMENT;
import static care.securebase.sessions.Phase.DISCHARGED;
import static care.securebase.sessions.Phase.MAINTENANCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.kit.problem.ConflictException;
import care.securebase.kit.problem.InvalidFieldException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PhaseTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "ASSESSMENT, ACTIVE_TREATMENT",
            "ASSESSMENT, DISCHARGED",
            "ACTIVE_TREATMENT, DISCHARGED",
            "MAINTENANCE, ACTIVE_TREATMENT",
            "MAINTENANCE, DISCHARGED"})
    void allowedDirectMoves(Phase from, Phase to) {
        assertEquals(to, from.moveTo(to, "agreed with the client"));
        assertTrue(from.next().contains(to));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "ASSESSMENT, ASSESSMENT",
            "ACTIVE_TREATMENT, ASSESSMENT",
            "ACTIVE_TREATMENT, ACTIVE_TREATMENT",
            "MAINTENANCE, ASSESSMENT",
            "DISCHARGED, ASSESSMENT",
            "DISCHARGED, ACTIVE_TREATMENT",
            "DISCHARGED, DISCHARGED"})
    void refusedDirectMoves(Phase from, Phase to) {
        assertThrows(ConflictException.class, () -> from.moveTo(to, "some reason"));
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void maintenanceIsNeverADirectMoveAndTheRefusalPointsToThePlan(Phase from) {
        var e = assertThrows(ConflictException.class, () -> from.moveTo(MAINTENANCE, "some reason"));
        assertTrue(e.getMessage().contains("/maintenance"), e.getMessage());
    }

    @Test
    void onlyActiveTreatmentEntersMaintenance() {
        assertEquals(MAINTENANCE, ACTIVE_TREATMENT.enterMaintenance());
        for (Phase from : EnumSet.of(ASSESSMENT, MAINTENANCE, DISCHARGED)) {
            assertThrows(ConflictException.class, from::enterMaintenance, from.name());
        }
    }

    @Test
    void dischargeIsFinalAndNeedsAReason() {
        assertTrue(DISCHARGED.isFinal());
        assertEquals(Set.of(), DISCHARGED.next());
        for (String missing : new String[] {null, "", "   "}) {
            var e = assertThrows(InvalidFieldException.class, () -> ACTIVE_TREATMENT.moveTo(DISCHARGED, missing));
            assertEquals("reason", e.field());
        }
        // Other moves do not need a reason.
        assertEquals(ACTIVE_TREATMENT, ASSESSMENT.moveTo(ACTIVE_TREATMENT, null));
        assertEquals(ACTIVE_TREATMENT, MAINTENANCE.moveTo(ACTIVE_TREATMENT, null));
    }

    @Test
    void aMissingTargetNamesTheField() {
        assertEquals("phase", assertThrows(InvalidFieldException.class, () -> ASSESSMENT.moveTo(null, "x")).field());
    }

    @Test
    void theTableOfMovesIsExactlyTheAgreedOne() {
        assertEquals(EnumSet.of(ACTIVE_TREATMENT, DISCHARGED), ASSESSMENT.next());
        assertEquals(EnumSet.of(MAINTENANCE, DISCHARGED), ACTIVE_TREATMENT.next());
        assertEquals(EnumSet.of(ACTIVE_TREATMENT, DISCHARGED), MAINTENANCE.next());
        assertEquals(EnumSet.noneOf(Phase.class), DISCHARGED.next());
    }
}
