package care.securebase.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.kit.problem.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AceDefinitionTest {

    private static final InstrumentDefinition ACE = Answers.latest("ACE");

    @ParameterizedTest(name = "{0} yes is {1}")
    @CsvSource({"0, none reported", "1, 1 to 3", "3, 1 to 3", "4, 4 or more", "10, 4 or more"})
    void scoreIsTheCountOfYesAnswers(int yes, String band) {
        var scale = Scorer.score(ACE, Answers.summingTo(10, 1, yes)).scale("total").orElseThrow();
        assertEquals(yes, scale.sum());
        assertEquals(band, scale.band());
    }

    @Test
    void onlyYesOrNo() {
        var answers = Answers.with(Answers.same(10, 0), 3, 2);
        assertEquals("answers.item3", assertThrows(InvalidFieldException.class,
                () -> Scorer.score(ACE, Answers.byItem(answers))).field());
    }

    @Test
    void noItemTextIsShippedButEveryItemNamesItsCategory() {
        assertTrue(ACE.items().stream().allMatch(i -> i.text() == null && i.domain() != null));
    }
}
