package care.securebase.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import care.securebase.kit.problem.InvalidFieldException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Incomplete, out-of-range or misdirected answers are refused naming the field, before anything is scored. */
class ScorerRefusalTest {

    private static final InstrumentDefinition PHQ9 = Answers.latest("PHQ-9");
    private static final InstrumentDefinition ECR = Answers.latest("ECR-R");

    private static String field(Executable call) {
        return assertThrows(InvalidFieldException.class, call).field();
    }

    @Test
    void missingItemsAreNamed() {
        assertEquals("answers[3]", field(() -> Scorer.score(PHQ9, List.of(1, 1, 1))));
        assertEquals("answers[4]", field(() -> Scorer.score(PHQ9, Answers.of(1, 1, 1, 1, null, 1, 1, 1, 1))));
        Map<Integer, Integer> without5 = Answers.byItem(Answers.same(9, 1));
        without5.remove(5);
        assertEquals("answers.item5", field(() -> Scorer.score(PHQ9, without5)));
        assertEquals("answers[35]", field(() -> Scorer.score(ECR, Answers.same(35, 4))));
    }

    @Test
    void outOfRangeValuesAreNamed() {
        assertEquals("answers[4]", field(() -> Scorer.score(PHQ9, Answers.of(1, 1, 1, 1, 7, 1, 1, 1, 1))));
        assertEquals("answers[0]", field(() -> Scorer.score(PHQ9, Answers.of(-1, 1, 1, 1, 1, 1, 1, 1, 1))));
        assertEquals("answers.item20", field(() -> Scorer.score(ECR, Answers.byItem(Answers.with(Answers.same(36, 4), 20, 0)))));
        assertEquals("answers.item36", field(() -> Scorer.score(ECR, Answers.byItem(Answers.with(Answers.same(36, 4), 36, 8)))));
    }

    @Test
    void answersToItemsThatDoNotExistAreRefused() {
        assertEquals("answers", field(() -> Scorer.score(PHQ9, Answers.same(11, 0))));
        Map<Integer, Integer> extra = new HashMap<>(Answers.byItem(Answers.same(9, 0)));
        extra.put(42, 1);
        assertEquals("answers.item42", field(() -> Scorer.score(PHQ9, extra)));
        assertEquals("answers", field(() -> Scorer.score(PHQ9, (List<Integer>) null)));
        assertEquals("answers", field(() -> Scorer.score(PHQ9, (Map<Integer, Integer>) null)));
    }

    @Test
    void callersNameTheirOwnField() {
        assertEquals("phq9[4]", field(() -> Scorer.score(PHQ9, "phq9", Answers.of(1, 1, 1, 1, 9, 1, 1, 1, 1))));
        assertEquals("instruments[1].answers.item2",
                field(() -> Scorer.score(PHQ9, "instruments[1].answers", Map.of(1, 0))));
    }

    @Test
    void unknownInstrumentOrVersionNamesTheInstrument() {
        InstrumentCatalog catalog = Answers.CATALOG;
        assertEquals("instrument", field(() -> catalog.require("BDI-II", null)));
        assertEquals("instrument", field(() -> catalog.require("PHQ-9", 7)));
        assertEquals("instrument", field(() -> catalog.require(null, null)));
        assertEquals("instrument", field(() -> catalog.score("NOPE", 1, List.of(1))));
        assertEquals("answers[4]", field(() -> catalog.score("phq-9", 1, Answers.of(1, 1, 1, 1, 7, 1, 1, 1, 1))));
    }
}
