package care.securebase.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.kit.problem.InvalidFieldException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Phq9DefinitionTest {

    private static final InstrumentDefinition PHQ9 = Answers.latest("PHQ-9");

    @ParameterizedTest(name = "total {0} is {1}")
    @CsvSource({
            "0, minimal", "4, minimal",
            "5, mild", "9, mild",
            "10, moderate", "14, moderate",
            "15, moderately severe", "19, moderately severe",
            "20, severe", "27, severe"})
    void everyBandBoundary(int total, String band) {
        // Fill from item 1 and keep item 9 at 0 where possible, so the risk rules stay out of the way.
        List<Integer> answers = Answers.summingTo(9, 3, total);
        ScoreResult result = Scorer.score(PHQ9, answers);
        var scale = result.scale("total").orElseThrow();
        assertEquals(total, scale.sum());
        assertEquals(BigDecimal.valueOf(total), scale.value());
        assertEquals(band, scale.band());
    }

    @ParameterizedTest(name = "item 9 = {0} gives {1}")
    @CsvSource({"0, ", "1, MODERATE", "2, HIGH", "3, HIGH"})
    void itemNineRaisesRisk(int item9, String level) {
        List<Integer> answers = Answers.with(Answers.same(9, 0), 9, item9);
        ScoreResult result = Scorer.score(PHQ9, answers);
        Optional<RiskLevel> expected = level == null ? Optional.empty() : Optional.of(RiskLevel.valueOf(level));
        assertEquals(expected, result.highestRisk());
        if (item9 > 0) {
            assertEquals(1, result.risks().size(), "one signal per source, the highest");
            var signal = result.risks().get(0);
            assertEquals("PHQ9_ITEM9", signal.source());
            assertEquals(List.of(9), signal.items());
        }
    }

    @Test
    void itemTenIsOptionalAndNotScored() {
        List<Integer> nine = Answers.of(1, 1, 2, 1, 0, 1, 1, 0, 0);
        List<Integer> ten = Answers.of(1, 1, 2, 1, 0, 1, 1, 0, 0, 3);
        assertEquals(7, Scorer.score(PHQ9, nine).scale("total").orElseThrow().sum());
        ScoreResult withTen = Scorer.score(PHQ9, ten);
        assertEquals(7, withTen.scale("total").orElseThrow().sum());
        assertEquals(3, withTen.answers().get(9));
        assertNull(Scorer.score(PHQ9, nine).answers().get(9));
        assertEquals("answers[9]", assertThrows(InvalidFieldException.class,
                () -> Scorer.score(PHQ9, Answers.of(1, 1, 2, 1, 0, 1, 1, 0, 0, 4))).field());
    }

    @Test
    void definitionCarriesLoincAndTextAllowedByItsLicence() {
        assertEquals("44249-1", PHQ9.loincPanel());
        assertEquals("44260-8", PHQ9.item(9).orElseThrow().loinc());
        assertEquals("44261-6", PHQ9.scale("total").orElseThrow().loinc());
        assertTrue(PHQ9.licence().itemTextReproducible());
        assertTrue(PHQ9.items().stream().allMatch(i -> i.text() != null && i.options().size() == 4));
    }
}
