package care.securebase.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.kit.problem.InvalidFieldException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CssrsScreenDefinitionTest {

    private static final InstrumentDefinition CSSRS = Answers.latest("C-SSRS-SCREEN");

    /** Yes answers by item; items 3-5 answered no when item 2 is yes, item 7 no when item 6 is yes. */
    private static ScoreResult screen(int... yes) {
        Map<Integer, Integer> answers = new HashMap<>();
        answers.put(1, 0);
        answers.put(2, 0);
        answers.put(6, 0);
        for (int item : yes) {
            answers.put(item, 1);
        }
        if (answers.get(2) == 1) {
            for (int item = 3; item <= 5; item++) {
                answers.putIfAbsent(item, 0);
            }
        }
        if (answers.get(6) == 1) {
            answers.putIfAbsent(7, 0);
        }
        return Scorer.score(CSSRS, answers);
    }

    private static Optional<RiskLevel> level(int... yes) {
        return screen(yes).highestRisk();
    }

    @Test
    void allNoRaisesNothing() {
        ScoreResult result = screen();
        assertTrue(result.risks().isEmpty());
        assertTrue(result.scales().isEmpty(), "the screener has no total score");
    }

    @Test
    void wishOrNonSpecificThoughtsOnlyAreLow() {
        assertEquals(Optional.of(RiskLevel.LOW), level(1));
        assertEquals(Optional.of(RiskLevel.LOW), level(2));
        assertEquals(Optional.of(RiskLevel.LOW), level(1, 2));
    }

    @Test
    void methodOrLifetimeBehaviourIsModerate() {
        assertEquals(Optional.of(RiskLevel.MODERATE), level(2, 3));
        assertEquals(Optional.of(RiskLevel.MODERATE), level(6));
        assertEquals(Optional.of(RiskLevel.MODERATE), level(1, 2, 3, 6));
    }

    @Test
    void intentPlanOrRecentBehaviourIsHigh() {
        assertEquals(Optional.of(RiskLevel.HIGH), level(2, 4));
        assertEquals(Optional.of(RiskLevel.HIGH), level(2, 5));
        assertEquals(Optional.of(RiskLevel.HIGH), level(6, 7));
        ScoreResult all = screen(1, 2, 3, 4, 5, 6, 7);
        assertEquals(1, all.risks().size(), "one signal per source, the highest");
        assertEquals("CSSRS_SCREEN", all.risks().get(0).source());
        assertEquals(List.of(4, 5, 7), all.risks().get(0).items());
    }

    @Test
    void followUpQuestionsAreNeededOnlyAfterAYes() {
        // Item 2 no: items 3-5 are not asked; item 6 no: item 7 is not asked.
        assertTrue(Scorer.score(CSSRS, Answers.of(1, 0, null, null, null, 0)).highestRisk().isPresent());
        // Item 2 yes but item 3 missing.
        assertEquals("answers[2]", assertThrows(InvalidFieldException.class,
                () -> Scorer.score(CSSRS, Answers.of(0, 1, null, 0, 0, 0))).field());
        // Item 6 yes but item 7 missing.
        assertEquals("answers.item7", assertThrows(InvalidFieldException.class,
                () -> Scorer.score(CSSRS, Map.of(1, 0, 2, 0, 6, 1))).field());
    }

    @Test
    void aYesRecordedWithoutItsGateStillCounts() {
        // Never drop a recorded yes to intent, even if item 2 was answered no.
        assertEquals(Optional.of(RiskLevel.HIGH),
                Scorer.score(CSSRS, Answers.of(0, 0, 0, 1, 0, 0)).highestRisk());
    }
}
