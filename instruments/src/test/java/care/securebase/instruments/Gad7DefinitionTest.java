package care.securebase.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gad7DefinitionTest {

    private static final InstrumentDefinition GAD7 = Answers.latest("GAD-7");

    @ParameterizedTest(name = "total {0} is {1}")
    @CsvSource({
            "0, minimal", "4, minimal",
            "5, mild", "9, mild",
            "10, moderate", "14, moderate",
            "15, severe", "21, severe"})
    void everyBandBoundary(int total, String band) {
        var scale = Scorer.score(GAD7, Answers.summingTo(7, 3, total)).scale("total").orElseThrow();
        assertEquals(total, scale.sum());
        assertEquals(band, scale.band());
    }

    @Test
    void workedExampleHasNoRiskRules() {
        ScoreResult result = Scorer.score(GAD7, List.of(2, 1, 2, 1, 0, 1, 0));
        assertEquals(7, result.scale("total").orElseThrow().sum());
        assertEquals("mild", result.scale("total").orElseThrow().band());
        assertTrue(result.risks().isEmpty());
        assertEquals("69737-5", GAD7.loincPanel());
        assertEquals("69689-8", GAD7.item(6).orElseThrow().loinc());
        assertEquals("69736-7", GAD7.item(7).orElseThrow().loinc());
    }
}
